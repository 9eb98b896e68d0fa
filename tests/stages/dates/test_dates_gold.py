"""The dates stage on the shared gold (seeds + dev), with floors just under
the figures reached, so a regression fails here. Skipped without ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[3] / ".." / "shared" / "gold"


@pytest.fixture(scope="module")
def scores():  # noqa: ANN201 - TimexScores
    if not (GOLD / "seeds" / "input.jsonl").exists():
        pytest.skip("shared gold not available")
    from seedx.evaluate.timex import evaluate_timex

    return evaluate_timex([GOLD / "seeds", GOLD / "dev"])


def test_lenient_floor(scores) -> None:  # noqa: ANN001
    assert scores.lenient.f1 >= 0.97


def test_strict_floor(scores) -> None:  # noqa: ANN001
    assert scores.strict.f1 >= 0.955


def test_value_floor(scores) -> None:  # noqa: ANN001
    assert scores.value.f1 >= 0.94


def test_type_floor(scores) -> None:  # noqa: ANN001
    assert scores.type_accuracy >= 0.99


def test_published_found(scores) -> None:  # noqa: ANN001
    assert scores.published_correct == scores.published_total
