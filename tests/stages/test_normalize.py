from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedx.stages.normalize import normalize_text

DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
MARKS = "\u0640\u200b\u200c\u200d\u200e\u200f\u202a\u202c\u2066\u2069\ufeff"
WORDS = ["القدس", "مؤتمر", "إسطنبول", "فلسطين", "الأحد", "٢٠٢٥", "۱۴۰۲", "ﻻ", "مدرسة", "على", "آمال", "12/05/2023"]


def test_removes_diacritics_tatweel_and_marks() -> None:
    a = normalize_text("مُؤْتَمَـــرٌ\u200f في القُدْسِ")
    assert a.text == "مؤتمر في القدس"


def test_unifies_letters_and_digits() -> None:
    a = normalize_text("أحمد إلى آخر مدرسة ٢٠٢٥ ۱۴۰۲")
    assert a.text == "احمد الي اخر مدرسه 2025 1402"


def test_nfkc_expansion_maps_both_characters_to_the_ligature() -> None:
    raw = "ﻻ بد"
    a = normalize_text(raw)
    assert a.text == "لا بد"
    assert a.to_raw(0, 2) == (0, 1)
    assert a.to_raw(3, 5) == (2, 4)


def test_trailing_diacritic_belongs_to_its_letter() -> None:
    raw = "نصرةً لفلسطين"
    a = normalize_text(raw)
    start, end = a.to_raw(0, 4)
    assert raw[start:end] == "نصرةً"


@st.composite
def noisy_arabic(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))
    out = []
    for w in words:
        for ch in w:
            out.append(ch)
            out.append(draw(st.text(alphabet=DIACRITICS + MARKS, max_size=3)))
        out.append(draw(st.sampled_from([" ", "  ", "\n", "، ", " - "])))
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(noisy_arabic(), st.data())
def test_every_span_maps_back_and_the_map_is_monotonic(raw: str, data: st.DataObject) -> None:
    a = normalize_text(raw)
    assert len(a.starts) == len(a.ends) == len(a.text)
    assert all(x <= y for x, y in zip(a.starts, a.starts[1:]))
    assert all(x <= y for x, y in zip(a.ends, a.ends[1:]))
    assert all(s < e for s, e in zip(a.starts, a.ends))
    if not a.text:
        return
    i = data.draw(st.integers(0, len(a.text) - 1))
    j = data.draw(st.integers(i + 1, len(a.text)))
    start, end = a.to_raw(i, j)
    # The raw span, normalized again, gives back the normalized span (exactly,
    # unless the span cuts through a one-to-many expansion such as the ligature ﻻ).
    again = normalize_text(raw[start:end]).text
    cuts_expansion = (i > 0 and a.starts[i - 1] == a.starts[i]) or (j < len(a.text) and a.starts[j] == a.starts[j - 1])
    if cuts_expansion:
        assert a.text[i:j] in again
    else:
        assert again == a.text[i:j]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_normalizes_with_a_consistent_alignment(raw: str) -> None:
    a = normalize_text(raw)
    assert len(a.starts) == len(a.text)
    assert all(0 <= s < e <= len(raw) for s, e in zip(a.starts, a.ends))


def test_shipped_table_is_current() -> None:
    """resources/normalize_table.json was built from this module and camel-tools: rerun
    tools/build_normalize_table.py after changing either."""
    import json

    from seedx.resources import path
    from seedx.stages.normalize import TABLE_RESOURCE, build_table, table_key

    shipped = json.loads(path(TABLE_RESOURCE).read_text(encoding="utf-8"))
    key = table_key()
    stale = "normalize_table.json is stale: run tools/build_normalize_table.py"
    assert shipped["key"]["module"] == key["module"], stale
    # A newer camel-tools or Unicode only makes the runtime fall back to building the table (slower, same
    # text); what must hold whatever the versions is that the shipped table says what the build says.
    assert {k: shipped[k] for k in ("translate", "special")} == build_table()


def test_text_without_the_shipped_table_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import seedx.stages.normalize as mod

    text = "".join(chr(c) for c in range(0x0600, 0x0700)) + " ﻻ ﷲ \u200f٣ 😀 cafe\u0301"
    shipped = mod.normalize_text(text)
    mod._tables.cache_clear()
    monkeypatch.setattr(mod, "_shipped_table", lambda: None)
    try:
        built = mod.normalize_text(text)
    finally:
        mod._tables.cache_clear()
    assert (built.text, built.starts, built.ends) == (shipped.text, shipped.starts, shipped.ends)
