from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedx.evaluate.conll import chunks, score


def test_chunks_iob2_and_stray_inside() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG", "I-PER"]
    assert chunks(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG"), (7, 8, "PER")]


def _reference_chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """conlleval's reading, written plainly: every tag split, an "O" appended to close the last entity."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, t in enumerate([*tags, "O"]):
        prefix, _, k = t.partition("-")
        inside = prefix == "I" and start >= 0 and k == kind
        if start >= 0 and not inside:
            out.append((start, i, kind))
            start = -1
        if prefix in ("B", "I") and not inside:
            start, kind = i, k
    return out


@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG", "B", "I", "X-PER", "O-PER"]),
                max_size=12))
def test_chunks_reads_any_sequence_like_conlleval(tags: list[str]) -> None:
    assert chunks(tags) == _reference_chunks(tags)


def test_scores_exact_boundaries_only() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]
    pred = ["B-PER", "O", "O", "B-LOC", "O", "B-PER"]
    s = score([(gold, pred)])
    # LOC right; PER has the wrong end; ORG predicted as PER.
    assert s.prf("LOC") == (1.0, 1.0, 1.0)
    assert s.prf("PER") == (0.0, 0.0, 0.0)
    p, r, f = s.prf()
    assert p == pytest.approx(1 / 3) and r == pytest.approx(1 / 3) and f == pytest.approx(1 / 3)
    assert s.tokens == 6 and s.tokens_correct == 4
    report = s.report()
    assert "FB1:  33.33" in report and "LOC: precision: 100.00%" in report


def test_as_dict_counts() -> None:
    s = score([(["B-MISC", "O"], ["B-MISC", "B-ORG"])])
    d = s.as_dict()
    assert d["MISC"]["f1"] == 1.0 and d["ORG"]["precision"] == 0.0
    assert d["micro"]["gold"] == 1 and d["micro"]["predicted"] == 2
