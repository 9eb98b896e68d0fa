"""The two-generation cache: bounded, frequent keys kept, values made once per stay."""

from __future__ import annotations

from seedx.generations import Generations


def test_bounded_and_values_made_once_while_kept() -> None:
    made: list[str] = []

    def make(k: str) -> str:
        made.append(k)
        return k.upper()

    cache: Generations[str, str] = Generations(2)
    for k in ["a", "b", "a", "c", "d", "e"]:
        v = cache.recent.get(k) or cache.miss(k, make)
        assert v == k.upper()
        assert len(cache.recent) <= 2 and len(cache.older) <= 2
    assert made == ["a", "b", "c", "d", "e"]


def test_an_older_key_used_again_moves_back_unmade() -> None:
    made: list[int] = []
    cache: Generations[int, int] = Generations(2)
    for k in (1, 2, 3):  # 3 rotates {1, 2} into older
        cache.miss(k, lambda x: made.append(x) or x)
    assert set(cache.older) == {1, 2} and set(cache.recent) == {3}
    assert cache.miss(1, lambda x: made.append(x) or x) == 1
    assert made == [1, 2, 3] and 1 in cache.recent


def test_clear_empties_both() -> None:
    cache: Generations[int, int] = Generations(1)
    cache.miss(1, int)
    cache.miss(2, int)
    cache.clear()
    assert cache.recent == {} and cache.older == {}
