"""The builtin tagger: a linear-chain CRF (python-crfsuite) with its lexicon and clusters.

Trained with crfsuite; tagged by default with seedx's numpy decoder over the
same weights (seedx.stages.ner.decode), which gives crfsuite's tags and scores
in less time; SEEDX_NER_DECODER=crfsuite tags with crfsuite itself.

A model directory holds model.crfsuite, lexicon.tsv.gz, clusters.tsv.gz and
model.json; it is self-contained so that a committed model tags the same way
whatever happens to the resource lists later.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seedx.stages.ner.clusters import load_clusters
from seedx.stages.ner.consistency import propagate
from seedx.stages.ner.decode import decode
from seedx.stages.ner.features import Featurizer, View
from seedx.stages.ner.lexicon import Lexicon

MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv.gz"
CLUSTERS_FILE = "clusters.tsv.gz"
META_FILE = "model.json"
VECTORS_FILE = "vectors.npz"


class DenseVectors:
    """Reduced word vectors as crfsuite features ({"e0": x, ...}), made per word on first use."""

    def __init__(self, words: list[str], matrix: Any) -> None:
        self._index = {w: i for i, w in enumerate(words)}
        self._matrix = matrix
        self._names = [f"e{i}" for i in range(matrix.shape[1])]
        self._cache: dict[str, dict[str, float]] = {}

    def get(self, word: str) -> dict[str, float] | None:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        i = self._index.get(word)
        if i is None:
            return None
        feats = dict(zip(self._names, self._matrix[i].tolist(), strict=True))
        self._cache[word] = feats
        return feats


def load_vectors(path: Path) -> DenseVectors | None:
    """Dense features from vectors.npz (words, float16 matrix); None when the file is missing."""
    import numpy as np

    if not path.exists():
        return None
    data = np.load(path, allow_pickle=False)
    return DenseVectors(data["words"].tolist(), data["matrix"].astype("float32"))


def reduce_vectors(kv_path: Path, out: Path, dims: int, max_words: int = 60000) -> Path:
    """PCA of word2vec vectors (gensim KeyedVectors) to `dims`, scaled to std 0.5, saved as float16."""
    import numpy as np
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load(str(kv_path))
    words = kv.index_to_key[:max_words]
    x = kv.vectors[: len(words)].astype("float64")
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-8)
    x -= x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    y = x @ vt[:dims].T
    y *= 0.5 / y.std(axis=0)
    np.savez_compressed(out, words=np.array(words), matrix=y.astype("float16"))
    return out


DECODER_ENV = "SEEDX_NER_DECODER"
"""numpy (default: seedx.stages.ner.decode) or crfsuite (python-crfsuite's tagger, the reference)."""


@dataclass
class CrfTagger:
    """A loaded model: featurizer plus crfsuite tagger."""

    path: Path
    featurizer: Featurizer
    meta: dict[str, Any]
    decoder: str = ""
    """numpy or crfsuite; empty: $SEEDX_NER_DECODER, else numpy. Both give the same tags and scores."""

    def __post_init__(self) -> None:
        import pycrfsuite

        from seedx.stages.ner.decode import CrfWeights
        from seedx.stages.ner.emissions import scorer_for

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path / MODEL_FILE))
        weights = CrfWeights.load(self.path / MODEL_FILE)
        # Attributes without weights add nothing to any score: leaving them out tags the same, faster.
        self.featurizer.restrict_to(weights.known)
        self.decoder = self.decoder or os.environ.get(DECODER_ENV, "") or "numpy"
        if self.decoder not in ("numpy", "crfsuite"):
            raise ValueError(f"unknown NER decoder {self.decoder!r}: numpy or crfsuite")
        # None (crfsuite decodes) for dense features, which are not binary
        self._scorer: Any = scorer_for(self.featurizer, weights) if self.decoder == "numpy" else None

    @classmethod
    def load(cls, path: Path, decoder: str = "") -> CrfTagger:
        lexicon = Lexicon.load(path / LEXICON_FILE)
        clusters = load_clusters(path / CLUSTERS_FILE)
        meta_path = path / META_FILE
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        cfg = meta.get("config", {})
        vectors = load_vectors(path / VECTORS_FILE) if cfg.get("embeddings") else None
        return cls(path, Featurizer.from_config(lexicon, clusters, cfg, vectors), meta, decoder)

    @property
    def name(self) -> str:
        return str(self.meta.get("name", self.path.name))

    def tag(self, views: list[View], *, with_scores: bool = True) -> tuple[list[str], list[float]]:
        """IOB2 tags of one sentence and, per token, the marginal probability of its tag."""
        if not views:
            return [], []
        if self._scorer is not None:
            return self._decode([views], with_scores)[0][0]
        tags = self._tagger.tag(self.featurizer.tagging_items(views))
        if not with_scores:
            return tags, [1.0] * len(tags)
        marginal = self._tagger.marginal
        scores = [marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
        return tags, scores

    def _decode(self, sentences: list[list[View]],
                with_scores: bool) -> tuple[list[tuple[list[str], list[float]]], list[list[str]]]:
        """`tag` of every sentence at once with the numpy decoder, and the words' match keys."""
        emissions, keys = self._scorer.emissions(sentences)
        names = self._scorer.weights.labels
        outside = names.index("O") if "O" in names else None
        out: list[tuple[list[str], list[float]]] = []
        for ids, probs in decode(emissions, self._scorer.weights.transitions, marginals=with_scores,
                                 outside=outside):
            ls = ids.tolist()
            tags = [names[i] for i in ls]
            if probs is None:
                out.append((tags, [1.0] * len(tags)))
            else:
                ps = probs.tolist()
                out.append((tags, [1.0 if i == outside else p for i, p in zip(ls, ps)]))
        return out, keys

    def tag_document(self, sentences: list[list[View]], *, consistency: bool | None = None,
                     with_scores: bool = True) -> list[tuple[list[str], list[float]]]:
        """Tags and scores of a document's sentences, with the document-level consistency pass."""
        if self._scorer is not None:
            tagged, keys = self._decode(sentences, with_scores)
        else:
            tagged = [self.tag(v, with_scores=with_scores) for v in sentences]
            keys = []
        if consistency is None:
            consistency = bool(self.meta.get("config", {}).get("consistency", True))
        if not consistency:
            return tagged
        lex = self.featurizer.lexicon
        if self._scorer is None:
            keys = [self.featurizer.keys(vs) for vs in sentences]
        tags, scores = propagate(keys, [t for t, _ in tagged], [s for _, s in tagged],
                                 blocked=lex.cue_words, org_heads=lex.org_heads)
        return list(zip(tags, scores, strict=True))
