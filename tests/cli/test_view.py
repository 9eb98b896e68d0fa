"""`seedx show` and `seedx report` through the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

app = pytest.importorskip("seedx.cli").app
FIXTURES = Path(__file__).parents[1] / "view"
runner = CliRunner()


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """data/out-style records: two articles in a JSONL of records and one in a .json file."""
    shutil.copy(FIXTURES / "sample.txt", tmp_path / "sample.txt")
    rec = orjson.loads((FIXTURES / "sample.record.json").read_bytes())
    rec["source"] = str(tmp_path / "sample.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sample.json").write_bytes(orjson.dumps(rec))
    (out / "errors.jsonl").write_text("")
    other = rec | {"doc_id": "other", "source": "-", "events": []}
    (tmp_path / "records.jsonl").write_bytes(orjson.dumps(rec) + b"\n" + orjson.dumps(other) + b"\n")
    return tmp_path


def test_show_record(records: Path) -> None:
    result = runner.invoke(app, ["show", str(records / "out" / "sample.json")])
    assert result.exit_code == 0, result.output
    assert "انطلقت اليوم الخميس" in result.output and "conference" in result.output


def test_show_picks_doc_from_jsonl_of_records(records: Path) -> None:
    result = runner.invoke(app, ["show", str(records / "records.jsonl"), "--doc", "other"])
    assert result.exit_code == 0, result.output
    assert "text unavailable" in result.output and "No events." in result.output


def test_show_unknown_doc_lists_ids(records: Path) -> None:
    result = runner.invoke(app, ["show", str(records / "records.jsonl"), "--doc", "nope"])
    assert result.exit_code == 1
    assert "sample" in result.output and "other" in result.output


def test_show_raw_article_runs_the_pipeline(records: Path) -> None:
    result = runner.invoke(app, ["show", str(records / "sample.txt"), "--until", "tokenize"])
    assert result.exit_code == 0, result.output
    assert "افتتاح مؤتمر القدس الدولي" in result.output and "0 entities" in result.output


def test_show_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path / "nothing.json")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_report(records: Path) -> None:
    out = records / "report.html"
    result = runner.invoke(app, ["report", str(records / "out"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and html.count('<section class="doc"') == 1


def test_report_text_option_finds_moved_articles(records: Path) -> None:
    moved = records / "moved"
    moved.mkdir()
    (records / "sample.txt").rename(moved / "sample.txt")
    out = records / "report.html"
    result = runner.invoke(app, ["report", str(records / "out"), "-o", str(out)])
    assert "without text" in result.output and "النص غير متاح" in out.read_text(encoding="utf-8")
    result = runner.invoke(app, ["report", str(records / "out"), "-o", str(out), "--text", str(moved)])
    assert result.exit_code == 0 and "without text" not in result.output
    assert "<mark" in out.read_text(encoding="utf-8")


def test_report_without_records_fails(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "no records" in result.output
    assert not (tmp_path / "r.html").exists()


def test_show_rejects_a_malformed_published_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("خبر قصير من القاهرة", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(article), "--published", "22/11/2026"])
    assert result.exit_code == 2
