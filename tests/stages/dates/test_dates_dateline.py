"""The article date: from the input when given, else the dateline in the text."""

from __future__ import annotations

from seedx.document import Document
from seedx.record import Published
from seedx.stages.dates import run

HEADER_AND_DATELINE = (
    "الأحد 14 آذار 2021 | موقع الأخبار\n\n"
    "افتتاح معرض الكتاب في المدينة\n"
    "السبت، 13 آذار، 2021\n\n"
    "افتتح وزير الثقافة اليوم السبت معرض الكتاب بمشاركة مئات الناشرين، ويستمر المعرض أسبوعين."
)


def _run(text: str, published: str | None = None) -> Document:
    doc = Document(id="d", raw=text)
    if published:
        doc.published_input = published
        doc.published = Published(value=published, source="input")
    return run(doc, {})


def test_dateline_agreeing_with_today_wins_over_header() -> None:
    doc = _run(HEADER_AND_DATELINE)
    p = doc.published
    assert (p.source, p.value, p.text) == ("text", "2021-03-13", "السبت، 13 آذار، 2021")
    assert doc.raw[p.start:p.end] == p.text
    today = next(t for t in doc.timexes if t.text == "اليوم السبت")
    assert today.value == "2021-03-13"
    # The dateline is a timex too.
    assert any(t.start == p.start and t.end == p.end for t in doc.timexes)


def test_first_dateline_without_today_mention() -> None:
    doc = _run("عنوان الخبر\nالخميس 4 فبراير 2021 - 10:15 ص\n\nوقال المتحدث إن الاجتماع عقد أمس.")
    assert doc.published.value == "2021-02-04"
    assert next(t for t in doc.timexes if t.text == "أمس").value == "2021-02-03"


def test_a_date_inside_the_story_is_not_a_dateline() -> None:
    doc = _run("عنوان\n\nوكان الشاعر قد ولد في 3 مارس 1950 في قرية صغيرة، ونشر ديوانه الأول في شبابه.")
    assert doc.published.source == "none" and doc.published.value is None
    assert next(t for t in doc.timexes if t.text == "3 مارس 1950").value == "1950-03-03"


def test_input_date_wins() -> None:
    doc = _run(HEADER_AND_DATELINE, published="2021-03-14")
    assert (doc.published.source, doc.published.value) == ("input", "2021-03-14")


def test_relative_without_any_date() -> None:
    doc = _run("عنوان\n\nويعقد المجلس جلسته السبت المقبل، على أن تنتهي الدورة في 7 نوفمبر.")
    vals = {t.text: t.value for t in doc.timexes}
    assert vals == {"السبت المقبل": None, "7 نوفمبر": "XXXX-11-07"}
