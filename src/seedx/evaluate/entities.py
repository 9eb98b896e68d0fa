"""Entity scores of the pipeline against gold sets (SPEC.md "Gold files").

Predicted and gold entities are matched greedily one to one by overlap and
equal label; lenient counts every match, strict only exact offsets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from seedx.evaluate.gold import Counts, gold_dirs, load_gold, match_spans, predict

LABELS = ("PER", "ORG", "LOC", "MISC")


def score_entities(paths: list[str | Path], options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Lenient and strict P/R/F1 per label and micro, per gold set and over all sets."""
    result: dict[str, Any] = {"sets": {}}
    total = {"lenient": {k: Counts() for k in (*LABELS, "micro")},
             "strict": {k: Counts() for k in (*LABELS, "micro")}}
    for d in gold_dirs(paths):
        gold = load_gold(d)
        pred = predict(d, until="ner", options=options)
        part = {"lenient": {k: Counts() for k in (*LABELS, "micro")},
                "strict": {k: Counts() for k in (*LABELS, "micro")}}
        for doc_id, g in gold.items():
            rec = pred.get(doc_id)
            p_ents = [e.model_dump() for e in rec.entities] if rec is not None else []
            g_ents = list(g.get("entities", []))
            for label in (*LABELS, "micro"):
                ps = [e for e in p_ents if label == "micro" or e["label"] == label]
                gs = [e for e in g_ents if label == "micro" or e["label"] == label]
                m = match_spans(ps, gs, same=lambda a, b: a["label"] == b["label"])
                for mode, counts in (("lenient", m.lenient()), ("strict", m.strict())):
                    part[mode][label].add(counts)
                    total[mode][label].add(counts)
        result["sets"][d.name] = {mode: {k: c.row() for k, c in rows.items()} for mode, rows in part.items()}
    result["all"] = {mode: {k: c.row() for k, c in rows.items()} for mode, rows in total.items()}
    return result


def format_scores(result: dict[str, Any]) -> str:
    lines = []
    for name, rows in [*result["sets"].items(), ("all", result["all"])]:
        lines.append(f"== {name}")
        lines.append(f"{'label':>6}  {'lenient P/R/F1':>22}  {'strict P/R/F1':>22}  gold")
        for k in (*LABELS, "micro"):
            le, st = rows["lenient"][k], rows["strict"][k]
            lines.append(f"{k:>6}  {le['precision']:.3f}/{le['recall']:.3f}/{le['f1']:.3f}    "
                         f"{st['precision']:.3f}/{st['recall']:.3f}/{st['f1']:.3f}    {le['gold']}")
    return "\n".join(lines)
