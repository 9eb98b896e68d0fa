"""Timex scoring (SPEC.md "Gold files"): detection P/R/F1, lenient (overlap)
and strict (exact offsets), type accuracy over matched pairs, and value F1,
where a matched timex counts when its value string equals gold's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seedx.evaluate.gold import Counts, gold_dirs, load_gold, match_spans, predict


@dataclass
class TimexScores:
    """Totals over one or more gold sets, with the misses for --errors."""

    lenient: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    type_correct: int = 0
    matched: int = 0
    published_correct: int = 0
    published_total: int = 0
    docs: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"docs": self.docs, "lenient": self.lenient.row(), "strict": self.strict.row(),
                "value": self.value.row(), "type_accuracy": round(self.type_accuracy, 4),
                "published_accuracy": round(self.published_correct / self.published_total, 4)
                if self.published_total else None}


def _row(t: dict[str, Any]) -> dict[str, Any]:
    return {k: t.get(k) for k in ("text", "start", "end", "type", "value")}


def score_doc(scores: TimexScores, doc_id: str, pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> None:
    """Add one document's comparison to `scores`."""
    m = match_spans(list(pred), list(gold))
    scores.docs += 1
    scores.lenient.add(m.lenient())
    scores.strict.add(m.strict())
    tp = 0
    for p, g in m.pairs:
        scores.matched += 1
        scores.type_correct += p.get("type") == g.get("type")
        if p.get("value") == g.get("value"):
            tp += 1
        else:
            scores.errors.append({"doc": doc_id, "kind": "value", "pred": _row(p), "gold": _row(g)})
        if (p["start"], p["end"]) != (g["start"], g["end"]) and p.get("value") == g.get("value"):
            scores.errors.append({"doc": doc_id, "kind": "boundary", "pred": _row(p), "gold": _row(g)})
    scores.value.add(Counts(tp, len(pred), len(gold)))
    scores.errors += [{"doc": doc_id, "kind": "missed", "gold": _row(g)} for g in m.missed]
    scores.errors += [{"doc": doc_id, "kind": "spurious", "pred": _row(p)} for p in m.spurious]


def predict_dates(gold_dir: Path, input_path: str | Path | None = None) -> dict[str, Any]:
    """Run normalize, tokenize and dates (the stages timexes depend on) on a gold set's input."""
    records = predict(gold_dir, input_path=input_path, only=("normalize", "tokenize", "dates"))
    return {doc_id: rec.model_dump() for doc_id, rec in records.items()}


def evaluate_timex(paths: Sequence[str | Path], input_path: str | Path | None = None) -> TimexScores:
    """Score every gold set under `paths`."""
    scores = TimexScores()
    dirs = gold_dirs(paths)
    if not dirs:
        raise FileNotFoundError(f"no gold set (a directory with input.jsonl) under {', '.join(map(str, paths))}")
    for d in dirs:
        gold = load_gold(d)
        pred = predict_dates(d, input_path)
        for doc_id, g in gold.items():
            p = pred.get(doc_id)
            ptimex = p["timexes"] if p else []
            score_doc(scores, doc_id, ptimex, g.get("timexes", []))
            if p is not None:
                scores.published_total += 1
                scores.published_correct += p["published"].get("value") == g.get("published", {}).get("value")
    return scores


def format_report(scores: TimexScores, errors: bool = False) -> str:
    """The table `seedx eval timex` prints."""
    lines = [f"timex evaluation over {scores.docs} documents",
             f"{'':10}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for name, c in (("lenient", scores.lenient), ("strict", scores.strict), ("value", scores.value)):
        lines.append(f"{name:10}{c.precision:8.3f}{c.recall:8.3f}{c.f1:8.3f}{c.tp:6d}{c.pred:6d}{c.gold:6d}")
    lines.append(f"type accuracy {scores.type_accuracy:.3f} over {scores.matched} matched")
    if scores.published_total:
        lines.append(f"published {scores.published_correct}/{scores.published_total}")
    if errors:
        lines.append("")
        for e in scores.errors:
            if e["kind"] == "missed":
                g = e["gold"]
                lines.append(f"MISSED   {e['doc']}: {g['text']!r} {g['type']} {g['value']}")
            elif e["kind"] == "spurious":
                p = e["pred"]
                lines.append(f"SPURIOUS {e['doc']}: {p['text']!r} {p['type']} {p['value']}")
            else:
                p, g = e["pred"], e["gold"]
                lines.append(f"{e['kind'].upper():8} {e['doc']}: {p['text']!r} {p['type']} {p['value']}"
                             f"  | gold {g['text']!r} {g['type']} {g['value']}")
    return "\n".join(lines)
