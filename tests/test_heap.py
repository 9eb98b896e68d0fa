"""Heap settling for long batches: survivors frozen out of the collector, freed pages handed back."""

from __future__ import annotations

import gc

import pytest

from seedx import heap


def test_settle_freezes_the_survivors() -> None:
    gc.unfreeze()
    try:
        keep = [object() for _ in range(1000)]
        heap.settle()
        assert gc.get_freeze_count() >= len(keep)
    finally:
        gc.unfreeze()


def test_keeper_settles_every_n_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(heap, "settle", lambda: calls.append(1))
    keeper = heap.HeapKeeper(every=3)
    for _ in range(7):
        keeper.done()
    assert len(calls) == 2


def test_trim_is_a_no_op_without_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    heap._trim()  # nothing to call, nothing raised


def test_trim_calls_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    pads: list[int] = []
    monkeypatch.setattr(heap, "_malloc_trim", lambda: pads.append)
    heap._trim()
    assert pads == [0]
