from __future__ import annotations

from seedx.document import Document
from seedx.stages.ner import tagging_units
from seedx.stages.ner.conventions import apply
from seedx.stages.normalize import normalize
from seedx.stages.tokenize import tokenize


def _units(text: str) -> tuple[Document, list]:
    doc = tokenize(normalize(Document(id="c", raw=text)))
    return doc, tagging_units(doc.tokens)


def _tagged(doc: Document, toks: list, tags: list[str]) -> list[tuple[str, str]]:
    return [(doc.raw[t.start : t.end], tag) for t, tag in zip(toks, tags, strict=True) if tag != "O"]


def test_head_noun_joins_the_name_and_takes_its_score() -> None:
    doc, units = _units("قال المتحدث باسم حركة حماس إن قطاع غزة محاصر.")
    toks = units[0]
    tags = ["O"] * len(toks)
    words = [doc.raw[t.start : t.end] for t in toks]
    tags[words.index("حماس")] = "B-ORG"
    tags[words.index("غزة")] = "B-LOC"
    scores = [1.0] * len(toks)
    scores[words.index("حماس")] = 0.9
    new, new_scores = apply(toks, tags, scores)
    assert _tagged(doc, toks, new) == [("حركة", "B-ORG"), ("حماس", "I-ORG"), ("قطاع", "B-LOC"), ("غزة", "I-LOC")]
    assert new_scores is not None and new_scores[words.index("حركة")] == 0.9


def test_currency_is_not_a_name() -> None:
    doc, units = _units("دفع 10 دنانير و5 دولار.")
    toks = units[0]
    words = [doc.raw[t.start : t.end] for t in toks]
    tags = ["O"] * len(toks)
    tags[words.index("دولار")] = "B-MISC"
    assert apply(toks, tags)[0] == ["O"] * len(toks)


def test_head_noun_patterns_find_organizations_and_events() -> None:
    doc, units = _units("أعلنت وزارة الصحة والحكومة الأردنية موعد القمة العربية وقمة شرم الشيخ.")
    toks = units[0]
    words = [doc.raw[t.start : t.end] for t in toks]
    tags = ["O"] * len(toks)
    tags[words.index("شرم")] = "B-LOC"
    tags[words.index("الشيخ")] = "I-LOC"
    new, _ = apply(toks, tags)
    got = _tagged(doc, toks, new)
    assert ("وزارة", "B-ORG") in got and ("الصحة", "I-ORG") in got
    assert ("والحكومة", "B-ORG") in got and ("الأردنية", "I-ORG") in got
    assert ("القمة", "B-MISC") in got and ("العربية", "I-MISC") in got
    assert ("وقمة", "B-MISC") in got and ("شرم", "I-MISC") in got
    assert ("موعد", "B-ORG") not in got


def test_nationality_nouns_need_a_known_place() -> None:
    doc, units = _units("قال الفلسطينيون إن 19 فلسطينيا اعتقلوا.")
    toks = units[0]
    tags = ["O"] * len(toks)
    assert apply(toks, tags)[0] == tags
    new, _ = apply(toks, tags, places=frozenset({"فلسطين"}))
    assert _tagged(doc, toks, new) == [("الفلسطينيون", "B-MISC"), ("فلسطينيا", "B-MISC")]
