"""conlleval-style entity scoring of IOB tag sequences.

An entity counts as correct only when its type and both boundaries match,
the way conlleval (CoNLL-2003) scores, so figures compare with published ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


def chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity in an IOB/IOB2 sequence; a stray I- opens an entity, as in conlleval.

    Called on every tagged sentence by the NER stage, where most sentences have no entity (one C-speed
    count) and most tags are "O" (those only close an entity).
    """
    out: list[tuple[int, int, str]] = []
    if tags.count("O") == len(tags):
        return out
    start = -1
    kind = ""
    for i, t in enumerate(tags):
        if t == "O":
            if start >= 0:
                out.append((start, i, kind))
                start = -1
            continue
        prefix, _, k = t.partition("-")
        inside = prefix == "I" and start >= 0 and k == kind
        if start >= 0 and not inside:
            out.append((start, i, kind))
            start = -1
        if prefix in ("B", "I") and not inside:
            start, kind = i, k
    if start >= 0:
        out.append((start, len(tags), kind))
    return out


@dataclass
class Scores:
    """Counts of correct, predicted and gold entities by type."""

    correct: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    tokens: int = 0
    tokens_correct: int = 0

    def add(self, gold_tags: list[str], pred_tags: list[str]) -> None:
        g = set(chunks(gold_tags))
        p = set(chunks(pred_tags))
        for _, _, k in g:
            self.gold[k] += 1
        for _, _, k in p:
            self.predicted[k] += 1
        for _, _, k in g & p:
            self.correct[k] += 1
        self.tokens += len(gold_tags)
        self.tokens_correct += sum(a == b for a, b in zip(gold_tags, pred_tags, strict=True))

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of one type, or micro-averaged over all when `kind` is None."""
        if kind is None:
            c, p, g = sum(self.correct.values()), sum(self.predicted.values()), sum(self.gold.values())
        else:
            c, p, g = self.correct[kind], self.predicted[kind], self.gold[kind]
        prec = c / p if p else 0.0
        rec = c / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return prec, rec, f1

    def types(self) -> list[str]:
        return sorted(set(self.gold) | set(self.predicted))

    def as_dict(self) -> dict[str, dict[str, float]]:
        out = {}
        for k in [*self.types(), None]:
            p, r, f = self.prf(k)
            out[k or "micro"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                                 "gold": self.gold[k] if k else sum(self.gold.values()),
                                 "predicted": self.predicted[k] if k else sum(self.predicted.values())}
        return out

    def report(self) -> str:
        """A conlleval-like table."""
        acc = self.tokens_correct / self.tokens if self.tokens else 0.0
        lines = [f"processed {self.tokens} tokens with {sum(self.gold.values())} phrases; "
                 f"found: {sum(self.predicted.values())} phrases; correct: {sum(self.correct.values())}.",
                 f"accuracy: {100 * acc:6.2f}%"]
        for k in [None, *self.types()]:
            p, r, f = self.prf(k)
            name = "micro" if k is None else k
            n = sum(self.predicted.values()) if k is None else self.predicted[k]
            lines.append(f"{name:>6}: precision: {100 * p:6.2f}%; recall: {100 * r:6.2f}%; FB1: {100 * f:6.2f}  {n}")
        return "\n".join(lines)


def score(pairs: Iterable[tuple[list[str], list[str]]]) -> Scores:
    """Scores over (gold tags, predicted tags) sentence pairs."""
    s = Scores()
    for g, p in pairs:
        s.add(g, p)
    return s
