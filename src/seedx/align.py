"""Alignment between a normalized text and the raw text it came from.

Every later stage matches on the normalized text (no diacritics, unified
alef forms, ASCII digits) but every span it reports must point into the raw
text. `Aligned` keeps, for each normalized character, the raw range it came
from, so a normalized span maps back exactly with `raw[start:end]`.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(slots=True)
class Aligned:
    """A normalized text with, per character, the raw range it came from.

    `starts[i]`/`ends[i]` are raw offsets of normalized character `i`. Several
    normalized characters may share one raw range (an NFKC expansion such as
    the lam-alef ligature) and a raw range may cover characters that were
    deleted (diacritics attached to the character before them).

    The offsets are kept as machine-integer arrays, whatever sequence they
    were given as: a list holds a pointer and an int object per character
    and is tracked by the garbage collector, whose full passes would walk
    every offset of every live document; an array is a fifth of the memory
    and invisible to the collector.
    """

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    raw_length: int

    def __post_init__(self) -> None:
        self.starts = _offsets(self.starts)
        self.ends = _offsets(self.ends)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) to the raw span covering it.

        An empty span maps to an empty raw span at the position of the next
        normalized character (or the end of the raw text).
        """
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else self.raw_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def raw_start(self, index: int) -> int:
        """Raw offset where normalized character `index` begins."""
        return self.starts[index] if index < len(self.starts) else self.raw_length

    def raw_end(self, index: int) -> int:
        """Raw offset just after normalized character `index - 1`."""
        return self.ends[index - 1] if index > 0 else 0


def _offsets(values: Sequence[int]) -> array[int]:
    """`values` as an array of 64-bit offsets (itself when it already is one)."""
    if isinstance(values, array) and values.typecode == "q":
        return values
    return array("q", values)
