"""The builtin tagger: a linear-chain CRF (python-crfsuite) with its lexicon and clusters.

A model directory holds model.crfsuite, lexicon.tsv.gz, clusters.tsv.gz and
model.json; it is self-contained so that a committed model tags the same way
whatever happens to the resource lists later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seedx.stages.ner.clusters import load_clusters
from seedx.stages.ner.features import Featurizer, View
from seedx.stages.ner.lexicon import Lexicon

MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv.gz"
CLUSTERS_FILE = "clusters.tsv.gz"
META_FILE = "model.json"


@dataclass
class CrfTagger:
    """A loaded model: featurizer plus crfsuite tagger."""

    path: Path
    featurizer: Featurizer
    meta: dict[str, Any]

    def __post_init__(self) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path / MODEL_FILE))

    @classmethod
    def load(cls, path: Path) -> CrfTagger:
        lexicon = Lexicon.load(path / LEXICON_FILE)
        clusters = load_clusters(path / CLUSTERS_FILE)
        meta_path = path / META_FILE
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        return cls(path, Featurizer(lexicon, clusters), meta)

    @property
    def name(self) -> str:
        return str(self.meta.get("name", self.path.name))

    def tag(self, views: list[View], *, with_scores: bool = True) -> tuple[list[str], list[float]]:
        """IOB2 tags of one sentence and, per token, the marginal probability of its tag."""
        if not views:
            return [], []
        tags = self._tagger.tag(self.featurizer.sentence(views))
        if not with_scores:
            return tags, [1.0] * len(tags)
        marginal = self._tagger.marginal
        scores = [marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
        return tags, scores
