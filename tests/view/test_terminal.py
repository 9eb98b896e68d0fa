"""`seedx show`'s rendering and the record/text lookup under it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from rich.console import Console

from seedx.view.records import TextIndex, attach_texts, find_text, load_records, record_from_dict, sha256_text
from seedx.view.spans import record_marks
from seedx.view.terminal import ENTITY_STYLES, TIMEX_STYLE, bidi_available, reorder, show_article, styled_paragraphs

HERE = Path(__file__).parent
RAW = (HERE / "sample.txt").read_text(encoding="utf-8")
RECORD = orjson.loads((HERE / "sample.record.json").read_bytes())


def test_text_found_next_to_the_record() -> None:
    [(origin, rec)], errors = load_records([HERE / "sample.record.json"])
    raw, note = find_text(rec, origin)
    assert errors == [] and raw == RAW and "sample.txt" in note


def test_changed_text_is_refused_and_text_option_used(tmp_path: Path) -> None:
    (tmp_path / "sample.txt").write_text(RAW + "تعديل", encoding="utf-8")
    rec = record_from_dict(RECORD)
    origin = str(tmp_path / "sample.json")
    raw, note = find_text(rec, origin)
    assert raw is None and "sha256 differs" in note and "--text" in note
    articles = tmp_path / "articles.jsonl"
    articles.write_bytes(orjson.dumps({"id": "other-id", "text": RAW}) + b"\n")
    raw, note = find_text(rec, origin, TextIndex([articles]))
    assert raw == RAW and "--text" in note


def test_jsonl_source_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(orjson.dumps({"id": i, "text": t}) for i, t in (("a", "نص آخر"), ("sample", RAW))))
    rec = record_from_dict(RECORD | {"source": f"{src}:2"})
    assert find_text(rec)[0] == RAW


def test_lenient_loading_of_gold_like_records() -> None:
    data = {k: v for k, v in RECORD.items() if k != "pipeline"} | {"annotated": ["entities"]}
    rec = record_from_dict(data)
    assert rec.doc_id == "sample" and rec.pipeline.version == "unknown"
    assert sha256_text(RAW) == rec.text_sha256


def test_paragraph_styles_sit_on_their_spans() -> None:
    rec = record_from_dict(RECORD)
    paragraphs = styled_paragraphs(RAW, record_marks(rec, RAW))
    assert [p.plain for p in paragraphs] == [ln for ln in RAW.split("\n") if ln.strip()]
    first = paragraphs[0]
    styled = {first.plain[s.start:s.end]: str(s.style) for s in first.spans}
    assert styled["مؤتمر القدس الدولي"] == ENTITY_STYLES["MISC"]
    assert styled["القدس"] == ENTITY_STYLES["LOC"]
    assert any(str(s.style) == TIMEX_STYLE for s in paragraphs[1].spans)


def test_show_article_prints_text_events_and_timexes() -> None:
    [art] = attach_texts(load_records([HERE / "sample.record.json"])[0])
    console = Console(record=True, width=120, color_system=None)
    show_article(art, console)
    out = console.export_text()
    for expected in ("انطلقت اليوم الخميس", "conference", "statement", "P3D", "2024-11-07", "speaker: أحمد سالم",
                     "(عمان)"):
        assert expected in out


def test_show_without_text_says_so() -> None:
    rec = record_from_dict(RECORD | {"source": "nowhere.txt"})
    [art] = attach_texts([("x.json", rec)])
    console = Console(record=True, width=120, color_system=None)
    show_article(art, console)
    out = console.export_text()
    assert "text unavailable" in out and "P3D" in out


@pytest.mark.skipif(not bidi_available(), reason="python-bidi is not installed")
def test_bidi_reorders_and_keeps_styles() -> None:
    from rich.text import Text

    line = Text("عام 2024 في عمان")
    line.stylize("bold", 0, 8)  # عام 2024
    shown = reorder(line)
    assert shown.plain == "نامع يف 2024 ماع"
    bold = "".join(shown.plain[s.start:s.end] for s in shown.spans if "bold" in str(s.style))
    assert sorted(bold) == sorted("عام 2024")
