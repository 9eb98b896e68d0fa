"""Garbage collection for long batches: the collector's full passes would otherwise dominate.

A run keeps a large, growing heap of long-lived objects (models, lexicons, the
word caches of NER and tokenize), and CPython's full collections walk all of
it: over a corpus they took about a sixth of the CPU. Between articles, when
only that long-lived state is alive, the survivors are moved out of the
collector's sight (gc.freeze) after one last collection, so later passes only
look at what was made since. Anything frozen is still freed by reference
counting when dropped; only a reference cycle dropped after being frozen would
stay (the pipeline's long-lived state has none, and `bench/run.py --rss-check`
shows memory flat). Used by the local engines only: a process that hosts
other work (a Dask worker) keeps the default collector.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import lru_cache

SETTLE_EVERY = 100
"""Articles between two settlings: each costs a collection of what the last ones left, a few ms."""


def settle() -> None:
    """Collect, then freeze every survivor: call it when no per-article object is alive."""
    gc.collect()
    gc.freeze()
    _trim()


def _trim() -> None:
    """Hand freed heap pages back to the system: without it a process keeps the high-water mark of its
    largest article for the rest of the run, and a corpus's RSS creeps up with each larger record."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim; None elsewhere (musl, macOS), where there is nothing to do."""
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


class HeapKeeper:
    """Counts articles and settles the heap every `every` of them."""

    def __init__(self, every: int = SETTLE_EVERY) -> None:
        self.every = every
        self._count = 0

    def done(self) -> None:
        """One more article finished."""
        self._count += 1
        if self._count % self.every == 0:
            settle()
