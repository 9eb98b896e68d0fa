from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from seedx.cache import StageCache
from seedx.document import Document, document_from_json, document_to_json
from seedx.pipeline import STAGE_NAMES, Runner, Stage, get_stage, stages_until


@pytest.fixture
def counting_stage(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """A cacheable stage that counts its calls, registered as a real module."""
    mod = types.ModuleType("seedx_test_counting")
    mod.VERSION = "1"
    mod.calls = 0

    def run(doc: Document, options: dict) -> Document:
        mod.calls += 1
        doc.meta["n_tokens"] = len(doc.tokens)
        return doc

    mod.run = run
    monkeypatch.setitem(sys.modules, mod.__name__, mod)
    return mod


def test_registry_order_and_until() -> None:
    assert STAGE_NAMES == ("normalize", "tokenize", "ner", "dates", "events")
    assert [s.name for s in stages_until("tokenize")] == ["normalize", "tokenize"]
    with pytest.raises(KeyError):
        get_stage("parse")


def test_a_stage_without_its_requirements_says_what_is_missing() -> None:
    runner = Runner(stages=(get_stage("tokenize"),))
    with pytest.raises(ValueError, match="requires norm"):
        runner.run(Document(id="x", raw="نص"))


def test_cache_skips_matching_stages_and_a_version_change_invalidates(counting_stage: types.ModuleType,
                                                                      tmp_path: Path) -> None:
    stage = Stage("count", counting_stage.__name__, ("tokens",), ("meta",), "test")
    stages = (*stages_until("tokenize"), stage)
    cache = StageCache(tmp_path)
    first = Runner(stages=stages, cache=cache).run(Document(id="a", raw="خبر من ثلاث كلمات"))
    assert counting_stage.calls == 1 and first.meta["n_tokens"] == 4
    second = Runner(stages=stages, cache=cache).run(Document(id="a", raw="خبر من ثلاث كلمات"))
    assert counting_stage.calls == 1 and second.stages["count"]["cached"] is True
    assert second.meta["n_tokens"] == 4
    assert second.tokens == []  # tokenize was not needed: everything after it came from the cache
    Runner(stages=stages, cache=cache, force=True).run(Document(id="a", raw="خبر من ثلاث كلمات"))
    assert counting_stage.calls == 2
    counting_stage.VERSION = "2"
    Runner(stages=stages, cache=cache).run(Document(id="a", raw="خبر من ثلاث كلمات"))
    assert counting_stage.calls == 3
    Runner(stages=stages, cache=cache).run(Document(id="a", raw="نص آخر"))
    assert counting_stage.calls == 4


def test_document_round_trips_through_json() -> None:
    doc = Runner(stages=stages_until("tokenize")).run(Document(id="a", raw="قال الوزير: نعم."))
    again = document_from_json(document_to_json(doc))
    assert again.tokens == doc.tokens and again.sentences == doc.sentences
    assert again.norm is not None and doc.norm is not None and again.norm.text == doc.norm.text


def test_a_timex_without_a_value_survives_a_saved_document_and_the_next_stage() -> None:
    from seedx.record import Timex

    doc = Runner(stages=stages_until("dates")).run(Document(id="a", raw="قال الوزير إن الاجتماع عقد في القاهرة."))
    doc.timexes = [Timex(id="t1", text="زمن", start=0, end=3, type="DATE", value=None)]
    saved = document_to_json(doc)
    again = document_from_json(saved)
    assert again.timexes == doc.timexes
    Runner(stages=[get_stage("events")]).run(again)  # `seedx run events` on `seedx run dates` output
    # documents and cache entries written before null values were kept leave the key out
    assert saved["timexes"][0]["value"] is None
    old = {**saved, "timexes": [{k: v for k, v in t.items() if k != "value"} for t in saved["timexes"]]}
    assert document_from_json(old).timexes[0].value is None
