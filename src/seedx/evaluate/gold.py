"""Gold files (SPEC.md "Gold files"): loading them, predicting on their input,
and the greedy one-to-one span matching every scorer shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from seedx.record import Record


def load_gold(gold_dir: str | Path) -> dict[str, dict[str, Any]]:
    """Gold records of a set, by doc_id (input.jsonl excluded)."""
    out: dict[str, dict[str, Any]] = {}
    for p in sorted(Path(gold_dir).glob("*.json")):
        rec = orjson.loads(p.read_bytes())
        out[rec["doc_id"]] = rec
    return out


def gold_dirs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand each path to the gold sets under it (a dir with input.jsonl)."""
    dirs: list[Path] = []
    for p in map(Path, paths):
        if (p / "input.jsonl").exists():
            dirs.append(p)
        else:
            dirs.extend(sorted(q.parent for q in p.glob("*/input.jsonl")))
    return dirs


def predict(gold_dir: str | Path, until: str | None = None, options: dict[str, Any] | None = None,
            input_path: str | Path | None = None, only: Sequence[str] | None = None) -> dict[str, Record]:
    """Run the pipeline on a gold set's input.jsonl (or `input_path`).

    `only` names the stages to run (in pipeline order) when a scorer needs
    fewer than everything up to `until`: timexes need no NER.
    """
    from seedx.io import read_inputs
    from seedx.pipeline import Runner, get_stage, stages_until, to_record

    stages = tuple(get_stage(n) for n in only) if only else stages_until(until)
    runner = Runner(stages=stages, options=dict(options or {}))
    src = Path(input_path) if input_path else Path(gold_dir) / "input.jsonl"
    out: dict[str, Record] = {}
    for item in read_inputs([str(src)]):
        if isinstance(item, Exception):
            raise item
        out[item.id] = to_record(runner.run(item))
    return out


@dataclass
class Counts:
    """True positives, predictions and gold items: enough for P/R/F1."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class SpanMatch:
    """The result of matching predicted spans to gold spans."""

    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    def lenient(self) -> Counts:
        n = len(self.pairs)
        return Counts(n, n + len(self.spurious), n + len(self.missed))

    def strict(self) -> Counts:
        tp = sum(1 for p, g in self.pairs if p["start"] == g["start"] and p["end"] == g["end"])
        return Counts(tp, len(self.pairs) + len(self.spurious), len(self.pairs) + len(self.missed))


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def match_spans(pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]],
                same: Callable[[dict[str, Any], dict[str, Any]], bool] = lambda p, g: True) -> SpanMatch:
    """Greedy one-to-one matching by overlap, largest overlaps first.

    `same` adds a condition (entities: equal labels). Exact matches win over
    partial ones because they have the largest overlap for their length.
    """
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = _overlap(p, g)
            if ov > 0 and same(p, g):
                exact = p["start"] == g["start"] and p["end"] == g["end"]
                cands.append((not exact, -ov, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    result = SpanMatch()
    for _, _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        result.pairs.append((pred[i], gold[j]))
    result.missed = [g for j, g in enumerate(gold) if j not in used_g]
    result.spurious = [p for i, p in enumerate(pred) if i not in used_p]
    return result
