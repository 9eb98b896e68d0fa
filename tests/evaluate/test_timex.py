"""Timex scoring: lenient and strict detection, type accuracy and value F1."""

from __future__ import annotations

import json
from pathlib import Path

from seedx.evaluate.timex import TimexScores, evaluate_timex, format_report, score_doc


def _t(start: int, end: int, value: str | None, type_: str = "DATE") -> dict:
    return {"text": "x" * (end - start), "start": start, "end": end, "type": type_, "value": value}


def test_score_doc_counts() -> None:
    s = TimexScores()
    pred = [_t(0, 5, "2020-01-01"), _t(10, 14, "P3D", "DURATION"), _t(20, 25, "2020")]
    gold = [_t(0, 5, "2020-01-01"), _t(9, 14, "P2D", "DURATION"), _t(40, 45, "2021")]
    score_doc(s, "d", pred, gold)
    assert (s.lenient.tp, s.lenient.pred, s.lenient.gold) == (2, 3, 3)
    assert s.strict.tp == 1
    assert s.value.tp == 1
    assert s.type_accuracy == 1.0
    kinds = sorted(e["kind"] for e in s.errors)
    assert kinds == ["missed", "spurious", "value"]


def test_null_values_agree() -> None:
    s = TimexScores()
    score_doc(s, "d", [_t(0, 3, None)], [_t(0, 3, None)])
    assert s.value.tp == 1


def test_evaluate_on_a_tiny_set(tmp_path: Path) -> None:
    text = "وصل الوفد أمس إلى المدينة."
    (tmp_path / "input.jsonl").write_text(
        json.dumps({"id": "a", "text": text, "published": "2020-11-02"}, ensure_ascii=False) + "\n", encoding="utf-8")
    start = text.index("أمس")
    gold = {"doc_id": "a", "published": {"value": "2020-11-02", "source": "input"},
            "timexes": [{"id": "t1", "text": "أمس", "start": start, "end": start + 3, "type": "DATE",
                         "value": "2020-11-01"}]}
    (tmp_path / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    scores = evaluate_timex([tmp_path])
    assert scores.value.f1 == 1.0 and scores.strict.f1 == 1.0
    assert "value" in format_report(scores, errors=True)
    assert scores.as_dict()["published_accuracy"] == 1.0
