"""The stage never raises and always reports spans that are the raw text's own."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedx.document import Document
from seedx.record import Published
from seedx.stages.dates import run

# Text built from the pieces dates are made of, so that near-misses are common.
PIECES = ["1", "12", "2023", "1436", "/", "-", " ", "و", "هـ", "م", "مايو", "كانون الثاني", "كانون", "رمضان", "صفر",
          "اليوم", "أمس", "السبت", "المقبل", "الماضي", "الساعة", "العاشرة", "صباحا", "قبل", "بعد", "أيام", "عام",
          "٢٠٢٣", "۱۲", ":", ".", "(", ")", "\n", "نهاية", "من", "إلى", "يومي", "الموافق", "ـ", "َ", "ﻻ", "ة", "\u200f"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_never_raises(text: str, published: str | None) -> None:
    doc = Document(id="p", raw=text)
    if published:
        doc.published_input = published
        doc.published = Published(value=published, source="input")
    run(doc, {})
    ids = [t.id for t in doc.timexes]
    assert ids == [f"t{i}" for i in range(1, len(ids) + 1)]
    starts = [t.start for t in doc.timexes]
    assert starts == sorted(starts)
    for t in doc.timexes:
        assert text[t.start:t.end] == t.text
        assert t.text == t.text.strip() and t.text
    if doc.published.source == "text":
        p = doc.published
        assert p.start is not None and p.end is not None and text[p.start:p.end] == p.text


def test_extreme_article_dates() -> None:
    for pub in ("0001-01-01", "9999-12-31"):
        for text in ("أمس السبت", "غدا", "الأسبوع المقبل", "الخميس الماضي", "بعد غد", "الساعة 10 من صباح أمس",
                     "اليوم الثاني", "7 نوفمبر", "15 رمضان"):
            doc = Document(id="x", raw=text)
            doc.published = Published(value=pub, source="input")
            run(doc, {})
