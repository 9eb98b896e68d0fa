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

SETTLE_EVERY = 100
"""Articles between two settlings: each costs a collection of what the last ones left, a few ms."""


def settle() -> None:
    """Collect, then freeze every survivor: call it when no per-article object is alive."""
    gc.collect()
    gc.freeze()


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
