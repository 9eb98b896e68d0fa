"""The offset contract on real text: raw[start:end] == text for every span of every record."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedx.io import read_inputs
from seedx.pipeline import Runner, to_record
from seedx.record import Record


def check_record(rec: Record, raw: str) -> None:
    for e in rec.entities:
        assert raw[e.start : e.end] == e.text, e
    for t in rec.timexes:
        assert raw[t.start : t.end] == t.text, t
    p = rec.published
    if p.start is not None and p.end is not None:
        assert raw[p.start : p.end] == p.text
    entity_ids = {e.id for e in rec.entities}
    timex_ids = {t.id for t in rec.timexes}
    for v in rec.events:
        assert raw[v.trigger.start : v.trigger.end] == v.trigger.text
        if v.quote is not None:
            assert raw[v.quote.start : v.quote.end] == v.quote.text
        assert set(v.time) <= timex_ids
        assert set(v.location + v.organizers + v.participants) <= entity_ids
        assert v.speaker is None or v.speaker in entity_ids
        assert 0 <= v.sentence.start <= v.trigger.start < v.trigger.end <= v.sentence.end <= len(raw)


def run_all(paths: list[str]) -> list[tuple[Record, str]]:
    runner = Runner()
    out = []
    for doc in read_inputs(paths):
        assert not isinstance(doc, Exception), doc
        raw = doc.raw
        out.append((to_record(runner.run(doc)), raw))
    return out


def test_offsets_hold_on_the_sample_articles(raw_dir: Path) -> None:
    pytest.importorskip("seedx.stages.events")
    results = run_all([str(raw_dir)])
    assert len(results) == 5
    for rec, raw in results:
        check_record(rec, raw)
    assert sum(len(r.entities) for r, _ in results) > 10
    assert sum(len(r.timexes) for r, _ in results) > 10


def test_offsets_hold_on_the_seeds(shared: Path) -> None:
    pytest.importorskip("seedx.stages.events")
    results = run_all([str(shared / "seeds")])
    assert len(results) == 5
    for rec, raw in results:
        check_record(rec, raw)
