"""Reading the NER corpora in ../shared/ner into one tag scheme.

The corpora disagree on names (PERS/PER, MIS/MISC) and on IOB details
(ANERcorp has I- tags after O); everything is mapped to IOB2 with
PER/ORG/LOC/MISC so that corpora can be mixed and scored alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "MISC")
_TYPE_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC", "MIS": "MISC"}

Sentence = tuple[list[str], list[str]]


def map_tag(tag: str) -> str:
    """One corpus tag as IOB B-/I- with seedx's four types (anything else: O)."""
    if "-" not in tag:
        return "O"
    prefix, _, kind = tag.partition("-")
    kind = _TYPE_MAP.get(kind.upper())
    if kind is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{kind}"


def repair_iob(tags: list[str]) -> list[str]:
    """Read an I- tag that follows O or another type as B- (IOB1 and corpus noise)."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def read_conll(path: Path, *, tagged: bool = True) -> Iterator[Sentence]:
    """Sentences of a CoNLL-style file: token first, tag last; blank lines between sentences.

    With `tagged=False` the tags are all O (the file may hold only tokens).
    """
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n\r")
            if not line.strip():
                if words:
                    yield words, repair_iob(tags)
                words, tags = [], []
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if not cols:
                continue
            words.append(cols[0])
            tags.append(map_tag(cols[-1]) if tagged and len(cols) > 1 else "O")
    if words:
        yield words, repair_iob(tags)


def chunk(sentences: list[Sentence], size: int = 120) -> list[Sentence]:
    """Cut very long sentences (ANERcorp has a 530-token one) at O tags near `size`."""
    out: list[Sentence] = []
    for words, tags in sentences:
        while len(words) > size:
            cut = size
            while cut > size // 2 and tags[cut].startswith("I-"):
                cut -= 1
            out.append((words[:cut], tags[:cut]))
            words, tags = words[cut:], tags[cut:]
        out.append((words, tags))
    return out
