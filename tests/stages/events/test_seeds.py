"""The events stage on the seed articles, with gold entities and timexes (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

from seedx.evaluate.events import oracle_predict
from seedx.evaluate.gold import load_gold


def test_seed_events_are_valid_and_offsets_hold(shared: Path) -> None:
    gold_dir = shared / "gold" / "seeds"
    preds = oracle_predict(gold_dir)
    gold = load_gold(gold_dir)
    assert set(preds) == set(gold)
    for rec in preds.values():
        ids = {e["id"] for e in rec["entities"]} | {t["id"] for t in rec["timexes"]}
        for ev in rec["events"]:
            t = ev["trigger"]
            assert rec["raw"][t["start"]:t["end"]] == t["text"]
            for x in ev["time"] + ev["location"] + ev["organizers"] + ev["participants"]:
                assert x in ids
            if ev["type"] == "statement":
                assert ev["speaker"] in ids
        assert [e["id"] for e in rec["events"]] == [f"v{k}" for k in range(1, len(rec["events"]) + 1)]
