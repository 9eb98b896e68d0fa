"""A bounded per-type cache for long runs: word types keep coming, memory must not.

Two generations: when the recent one is full it becomes the older one, and an
older entry used again moves back. Frequent types stay, rare ones age out, and
the cache never holds more than twice `size` entries. Callers probe `recent`
themselves (a plain dict look-up on their hot path) and call `miss` otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Generations(Generic[K, V]):
    """`recent` and `older` dicts of at most `size` entries each."""

    __slots__ = ("size", "recent", "older")

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.recent: dict[K, V] = {}
        self.older: dict[K, V] = {}

    def miss(self, key: K, make: Callable[[K], V]) -> V:
        """The value of a key not in `recent`: from `older` or made, and kept in `recent`."""
        value = self.older.get(key)
        if value is None:
            value = make(key)
        if len(self.recent) >= self.size:
            self.older = self.recent
            self.recent = {}
        self.recent[key] = value
        return value

    def clear(self) -> None:
        self.recent = {}
        self.older = {}
