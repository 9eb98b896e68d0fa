"""Scoring events against gold (SPEC.md "Gold files").

An event matches a gold event of the same type whose trigger, name or time
overlaps it, greedily and one to one: trigger overlaps first, then names,
then shared time spans. Arguments are compared as (role, value) items per
event: time by the timex value (its normalized text when the value is null),
location/organizers/participants/speaker by the entity's canonical name,
normalized. Items of unmatched events count as spurious or missed.

`--oracle` feeds the gold entities, timexes and published date to the events
stage, so the rules can be measured apart from NER and date resolution.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from seedx.evaluate.gold import Counts, gold_dirs, load_gold
from seedx.stages.normalize import normalize_word

ENTITY_ROLES = ("location", "organizers", "participants")
ROLES = ("time", *ENTITY_ROLES, "speaker")


# -- predicting ---------------------------------------------------------------


def _known(model: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Gold dicts may carry keys the record models lack: keep the models' own."""
    return {k: v for k, v in data.items() if k in model.model_fields}


def oracle_predict(gold_dir: str | Path, options: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Records from the events stage run on gold entities, timexes and published date."""
    from seedx.io import read_inputs
    from seedx.pipeline import Runner, stages_until
    from seedx.record import Entity, Published, Timex
    from seedx.stages import events as stage

    gold = load_gold(gold_dir)
    runner = Runner(stages=stages_until("tokenize"), options=dict(options or {}))
    out: dict[str, dict[str, Any]] = {}
    for item in read_inputs([str(Path(gold_dir) / "input.jsonl")]):
        if isinstance(item, Exception):
            raise item
        doc = runner.run(item)
        g = gold.get(doc.id, {})
        doc.entities = [Entity(**_known(Entity, e)) for e in g.get("entities", [])]
        doc.timexes = [Timex(**_known(Timex, t)) for t in g.get("timexes", [])]
        if g.get("published"):
            doc.published = Published(**_known(Published, g["published"]))
        doc = stage.run(doc, dict(options or {}))
        out[doc.id] = {"doc_id": doc.id, "entities": [e.model_dump() for e in doc.entities],
                       "timexes": [t.model_dump() for t in doc.timexes],
                       "events": [e.model_dump() for e in doc.events], "raw": doc.raw}
    return out


def pipeline_predict(gold_dir: str | Path, options: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Records from the full pipeline (ner and dates included) up to events."""
    from seedx.evaluate.gold import predict

    return {k: r.model_dump() for k, r in predict(gold_dir, until="events", options=options).items()}


# -- matching and scoring -------------------------------------------------------


def _canon(text: str | None) -> str:
    return " ".join(normalize_word(text or "").replace("_", " ").replace("#", "").split())


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


def _spans(rec: dict[str, Any], ev: dict[str, Any]) -> list[dict[str, Any]]:
    tx = {t["id"]: t for t in rec.get("timexes", [])}
    return [tx[t] for t in ev.get("time", []) if t in tx]


def _names_match(a: str | None, b: str | None) -> bool:
    ca, cb = _canon(a), _canon(b)
    return bool(ca and cb) and (ca in cb or cb in ca)


def match_events(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs, missed gold events and spurious predictions of one document."""
    cands = []
    for i, p in enumerate(pred.get("events", [])):
        for j, g in enumerate(gold.get("events", [])):
            if p["type"] != g["type"]:
                continue
            if _overlap(p["trigger"], g["trigger"]):
                rank = 0
            elif _names_match(p.get("name"), g.get("name")):
                rank = 1
            elif any(_overlap(a, b) for a in _spans(pred, p) for b in _spans(gold, g)):
                rank = 2
            else:
                continue
            cands.append((rank, abs(p["trigger"]["start"] - g["trigger"]["start"]), i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((pred["events"][i], gold["events"][j]))
    missed = [g for j, g in enumerate(gold.get("events", [])) if j not in used_g]
    spurious = [p for i, p in enumerate(pred.get("events", [])) if i not in used_p]
    return pairs, missed, spurious


def argument_items(rec: dict[str, Any], ev: dict[str, Any]) -> set[tuple[str, str]]:
    """(role, value) items of one event, as the scorer compares them."""
    ents = {e["id"]: e for e in rec.get("entities", [])}
    tx = {t["id"]: t for t in rec.get("timexes", [])}
    items: set[tuple[str, str]] = set()
    for t in ev.get("time", []):
        if t in tx:
            items.add(("time", tx[t].get("value") or "text:" + _canon(tx[t]["text"])))
    for role in ENTITY_ROLES:
        for e in ev.get(role, []):
            if e in ents:
                items.add((role, _canon(ents[e].get("canonical") or ents[e]["text"])))
    if ev.get("speaker") in ents:
        sp = ents[ev["speaker"]]
        items.add(("speaker", _canon(sp.get("canonical") or sp["text"])))
    return items


def _add_args(counts: dict[str, Counts], pred_items: set, gold_items: set) -> None:
    for role in ROLES:
        p = {x for x in pred_items if x[0] == role}
        g = {x for x in gold_items if x[0] == role}
        counts[role].add(Counts(len(p & g), len(p), len(g)))


def score(preds: dict[str, dict[str, Any]], golds: dict[str, dict[str, Any]], raw: dict[str, str] | None = None
          ) -> dict[str, Any]:
    """Event and argument P/R/F1, overall and by type/role, with the errors."""
    ev_all, by_type = Counts(), {}
    args = {r: Counts() for r in ROLES}
    status_ok = status_n = 0
    errors: list[dict[str, Any]] = []
    for doc_id, gold in golds.items():
        pred = preds.get(doc_id, {"events": []})
        pairs, missed, spurious = match_events(pred, gold)
        for ev in [g for _, g in pairs] + missed:
            by_type.setdefault(ev["type"], Counts()).gold += 1
        for ev in [p for p, _ in pairs] + spurious:
            by_type.setdefault(ev["type"], Counts()).pred += 1
        for p, g in pairs:
            by_type[g["type"]].tp += 1
            pi, gi = argument_items(pred, p), argument_items(gold, g)
            _add_args(args, pi, gi)
            status_n += 1
            status_ok += p.get("status") == g.get("status")
            if pi != gi:
                errors.append({"doc": doc_id, "kind": "arguments", "type": g["type"], "trigger": g["trigger"]["text"],
                               "at": g["trigger"]["start"], "missing": sorted(gi - pi), "extra": sorted(pi - gi)})
        for g in missed:
            _add_args(args, set(), argument_items(gold, g))
            errors.append({"doc": doc_id, "kind": "missed", "type": g["type"], "trigger": g["trigger"]["text"],
                           "at": g["trigger"]["start"], "context": _context(raw, doc_id, g)})
        for p in spurious:
            _add_args(args, argument_items(pred, p), set())
            errors.append({"doc": doc_id, "kind": "spurious", "type": p["type"], "trigger": p["trigger"]["text"],
                           "at": p["trigger"]["start"], "context": _context(raw, doc_id, p)})
        ev_all.add(Counts(len(pairs), len(pairs) + len(spurious), len(pairs) + len(missed)))
    arg_all = Counts()
    for c in args.values():
        arg_all.add(c)
    return {
        "events": ev_all.row(),
        "by_type": {t: c.row() for t, c in sorted(by_type.items())},
        "arguments": arg_all.row(),
        "by_role": {r: c.row() for r, c in args.items()},
        "status_accuracy": round(status_ok / status_n, 4) if status_n else 0.0,
        "errors": errors,
    }


def _context(raw: dict[str, str] | None, doc_id: str, ev: dict[str, Any]) -> str:
    if not raw or doc_id not in raw:
        return ""
    s = ev["trigger"]["start"]
    return raw[doc_id][max(0, s - 40): s + 60].replace("\n", " ")


def evaluate_events(paths: Iterable[str | Path], oracle: bool = False,
                    options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score the events stage on every gold set under `paths`, pooled."""
    dirs = gold_dirs(paths)
    if not dirs:
        raise FileNotFoundError("no gold set (a directory with input.jsonl) under the given paths")
    preds: dict[str, dict[str, Any]] = {}
    golds: dict[str, dict[str, Any]] = {}
    raw: dict[str, str] = {}
    for d in dirs:
        golds.update(load_gold(d))
        got = oracle_predict(d, options) if oracle else pipeline_predict(d, options)
        preds.update(got)
        raw.update({k: v.pop("raw") for k, v in got.items() if "raw" in v})
    if not raw:
        from seedx.io import read_inputs

        for d in dirs:
            raw.update({x.id: x.raw for x in read_inputs([str(Path(d) / "input.jsonl")])
                        if not isinstance(x, Exception)})
    report = score(preds, golds, raw)
    report["mode"] = "oracle" if oracle else "pipeline"
    report["sets"] = [str(d) for d in dirs]
    report["documents"] = len(golds)
    return report
