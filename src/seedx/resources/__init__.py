"""Linguistic knowledge as data files, and their loaders.

Month names, weekdays, triggers, titles and gazetteers live beside this file
so that a linguist can edit them without reading Python.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

RESOURCE_DIR = Path(str(resources.files(__package__)))


def path(name: str) -> Path:
    """Path of a resource file shipped with seedx."""
    return RESOURCE_DIR / name


def load_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a text resource."""
    with open(path(name), encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip() and not ln.lstrip().startswith("#")]


def load_json(name: str) -> Any:
    """A JSON resource, parsed."""
    with open(path(name), encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def load_vocab() -> dict[str, int]:
    """Normalized word frequencies from the news corpus (see vocab.README.md).

    Used to tell a proclitic from a word's own first letter. Empty when the
    file is missing, which only makes the clitic guess more cautious.
    """
    p = path("vocab.tsv.gz")
    if not p.exists():
        return {}
    with gzip.open(p, "rt", encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    if text.count("\t") == len(lines):  # one word and one count a line: split all at once (every process loads it)
        cells = "\t".join(lines).split("\t")
        return dict(zip(cells[0::2], map(int, cells[1::2])))
    vocab: dict[str, int] = {}
    for line in lines:
        word, _, count = line.partition("\t")
        vocab[word] = int(count)
    return vocab
