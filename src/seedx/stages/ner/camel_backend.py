"""camel-tools' NERecognizer (CAMeLBERT fine-tuned on ANERcorp) over seedx's own tokens.

camel-tools is given seedx's tokens (raw surfaces), so its labels line up
one to one and spans keep seedx's offsets and proclitic rule. Its NER model
and catalogue must be installed (`camel_data -i ner-arabert`); nothing is
downloaded here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from seedx.document import Document, Token
from seedx.stages.ner.data import map_tag, repair_iob

_CHUNK = 100
"""Words per call: the model sees at most 256 subwords."""


@lru_cache(maxsize=2)
def load_camel(model_dir: str | None = None) -> Any:
    """camel-tools' NERecognizer from `model_dir`, or from the installed data (never downloads)."""
    from seedx.stages.ner.backends import camel_ner_dir

    path = Path(model_dir) if model_dir else camel_ner_dir()
    if path is None or not (path / "config.json").exists():
        raise FileNotFoundError("camel-tools NER data is not installed: run `camel_data -i ner-arabert`")
    from camel_tools.ner import NERecognizer

    return NERecognizer(str(path), use_gpu=False)


def camel_tags(recognizer: Any, sentences: list[list[str]]) -> list[list[str]]:
    """IOB2 seedx tags for word lists, in chunks the model can take."""
    pieces: list[list[str]] = []
    index: list[tuple[int, int]] = []
    for i, words in enumerate(sentences):
        for j in range(0, len(words), _CHUNK):
            pieces.append(words[j : j + _CHUNK])
            index.append((i, j))
    preds = recognizer.predict(pieces) if pieces else []
    out: list[list[str]] = [["O"] * len(w) for w in sentences]
    for (i, j), piece, labels in zip(index, pieces, preds, strict=True):
        labels = list(labels)[: len(piece)] + ["O"] * (len(piece) - len(labels))
        out[i][j : j + len(piece)] = [map_tag(t) for t in labels]
    return [repair_iob(t) for t in out]


def tag_camel(doc: Document, sentences: list[list[Token]], model_dir: str | None = None,
              ) -> list[tuple[list[Token], list[str], list[float] | None]]:
    recognizer = load_camel(model_dir)
    words = [[doc.raw[t.start : t.end] for t in toks] for toks in sentences]
    return [(toks, tags, None) for toks, tags in zip(sentences, camel_tags(recognizer, words), strict=True)]
