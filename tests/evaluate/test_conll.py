from __future__ import annotations

import pytest

from seedx.evaluate.conll import chunks, score


def test_chunks_iob2_and_stray_inside() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG", "I-PER"]
    assert chunks(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG"), (7, 8, "PER")]


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
