"""Helper for rule tests: conventions.apply on a made-up sentence whose tagger output the test dictates."""

from __future__ import annotations

from seedx.document import Document, Token
from seedx.stages.ner import tagging_units
from seedx.stages.ner.conventions import apply
from seedx.stages.normalize import normalize
from seedx.stages.tokenize import tokenize


def apply_marked(text: str, marks: dict[str, str], places: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """apply() on the first sentence of `text`, with `marks` (word -> tag) as the tagger's output;
    the entities found, as (text, label)."""
    doc = tokenize(normalize(Document(id="t", raw=text)))
    toks: list[Token] = tagging_units(doc.tokens)[0]
    words = [doc.raw[t.start : t.end] for t in toks]
    tags = ["O"] * len(toks)
    for w, tag in marks.items():
        tags[words.index(w)] = tag
    new, _ = apply(toks, tags, None, places)
    out: list[tuple[str, str]] = []
    start = None
    for i, tag in enumerate([*new, "O"]):
        if start is not None and not tag.startswith("I-"):
            out.append((doc.raw[toks[start].start : toks[i - 1].end], new[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    return out
