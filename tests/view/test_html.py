"""The HTML report: self-contained, escaped, and every highlight on the text it claims."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import orjson
import pytest

from seedx.view.html import render_report
from seedx.view.records import Article, attach_texts, load_records, record_from_dict
from seedx.view.spans import Mark, nest, record_marks

HERE = Path(__file__).parent
RAW = (HERE / "sample.txt").read_text(encoding="utf-8")


class MarkCollector(HTMLParser):
    """Each <mark>'s attributes and text content (nested marks' text included), as a browser sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[dict] = []
        self.marks: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "mark":
            self.open.append({**dict(attrs), "text": ""})

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.marks.append(self.open.pop())

    def handle_data(self, data: str) -> None:
        for m in self.open:
            m["text"] += data


def doc_marks(html: str) -> list[dict]:
    parser = MarkCollector()
    parser.feed(html)
    return [m for m in parser.marks if "data-start" in m]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A records directory as extract leaves it, with the article where the record's source says."""
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(HERE / "sample.txt", tmp_path / "sample.txt")
    rec = orjson.loads((HERE / "sample.record.json").read_bytes())
    rec["source"] = str(tmp_path / "sample.txt")
    (out / "sample.json").write_bytes(orjson.dumps(rec))
    (out / "errors.jsonl").write_text('{"doc_id": "bad", "code": "E_UTF8"}\n')
    (out / ".cache").mkdir()
    (out / ".cache" / "junk.json").write_text("{not json")
    return out


def articles(corpus: Path) -> list[Article]:
    records, errors = load_records([corpus])
    assert errors == []
    return attach_texts(records)


def test_report_is_self_contained_and_rtl(corpus: Path) -> None:
    html = render_report(articles(corpus))
    assert '<html lang="ar" dir="rtl">' in html
    assert re.findall(r'(?:src|href)\s*=\s*"(?!#)', html) == []
    assert "http" not in html
    assert "<script" not in html and "@import" not in html and "url(" not in html


def test_article_text_is_escaped(corpus: Path) -> None:
    html = render_report(articles(corpus))
    assert "&lt;يوم &amp; تاريخي&gt;" in html
    assert "<يوم" not in html


def test_every_mark_covers_its_raw_text(corpus: Path) -> None:
    arts = articles(corpus)
    assert arts[0].raw == RAW and arts[0].problems == []
    marks = doc_marks(render_report(arts))
    assert len(marks) >= len(arts[0].record.entities) + len(arts[0].record.timexes) + len(arts[0].record.events)
    for m in marks:
        assert m["text"] == RAW[int(m["data-start"]):int(m["data-end"])], m
    trigger = next(m for m in marks if "trigger" in m["class"] and m["data-id"] == "v1")
    assert trigger["text"] == "مؤتمر" and "conference" in trigger["title"]
    timex = next(m for m in marks if "timex" in m["class"] and m["data-id"] == "t1")
    assert "2024-11-07" in timex["title"]


def test_summary_counts_and_timeline(corpus: Path) -> None:
    html = render_report(articles(corpus))
    assert "<svg" in html and 'data-date="2024-11-07"' in html
    assert re.search(r"conference</td><td>1<", html)
    assert re.search(r"MISC</td><td>2<", html)


def test_missing_text_still_shows_tables(tmp_path: Path) -> None:
    rec = record_from_dict(orjson.loads((HERE / "sample.record.json").read_bytes()) | {"source": "gone.txt"})
    arts = attach_texts([(str(tmp_path / "sample.json"), rec)])
    assert arts[0].raw is None
    html = render_report(arts)
    assert "النص غير متاح" in html and "gone.txt not found" in html
    assert 'data-event="v1"' in html and doc_marks(html) == []


def test_crossing_spans_are_split_into_nested_fragments() -> None:
    text = "abcdefghij"
    a = Mark(0, 6, "entity", "PER", "e1", "")
    b = Mark(4, 9, "timex", "DATE", "t1", "")
    c = Mark(4, 6, "trigger", "meeting", "v1", "")
    tree = nest(len(text), [a, b, c])
    frags: list[tuple[str, int, int]] = []

    def walk(node, depth=0):  # noqa: ANN001, ANN202
        covered = ""
        for child in node.children:
            covered += walk(child, depth + 1) if not isinstance(child, tuple) else text[child[0]:child[1]]
        if node.mark is not None:
            assert covered == text[node.start:node.end]
            frags.append((node.mark.ref, node.start, node.end))
        return covered

    assert walk(tree) == text
    assert sorted(frags) == [("e1", 0, 6), ("t1", 4, 6), ("t1", 6, 9), ("v1", 4, 6)]


def test_marks_with_wrong_offsets_are_not_drawn() -> None:
    rec = record_from_dict(orjson.loads((HERE / "sample.record.json").read_bytes()))
    rec.entities[0].start += 1
    drawn = {m.ref for m in record_marks(rec, RAW)}
    assert rec.entities[0].id not in drawn and rec.entities[1].id in drawn


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_report_in_headless_chromium(corpus: Path, tmp_path: Path) -> None:
    """The browser's own DOM puts each highlight on its raw text; the screenshot is kept for a look."""
    report = tmp_path / "report.html"
    report.write_text(render_report(articles(corpus)), encoding="utf-8")
    base = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*base, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120,
                         check=True).stdout
    assert 'dir="rtl"' in dom
    marks = doc_marks(dom)
    assert {m["data-id"] for m in marks} >= {"e1", "e2", "t1", "t2", "t3", "v1", "v2"}
    for m in marks:
        assert m["text"] == RAW[int(m["data-start"]):int(m["data-end"])], m
    shot = tmp_path / "report.png"
    subprocess.run([*base, f"--screenshot={shot}", "--window-size=1200,1600", report.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
