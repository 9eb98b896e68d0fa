"""Events' proper names (event_names.py, called from conventions.apply): a head noun and the name after
it (treaties, wars, operations, festivals and meetings named after a place, a person or a date), the
named days and feasts of named_days.txt, and where such a name starts and ends (SPEC.md: MISC).

Every sentence is made up for the test; the tags play a tagger's output. Made-up words (هلسنكي stands
for a place the gazetteer knows, كوليبرو for a rare name) keep the corpus vocabulary out of the way.
"""

from __future__ import annotations

from tagged import apply_marked

PLACES = frozenset({"هلسنكي", "زربطونه", "سلام"})


def _run(text: str, marks: dict[str, str] | None = None, places: frozenset[str] = PLACES) -> list[tuple[str, str]]:
    return apply_marked(text, marks or {}, places)


def test_treaty_head_before_a_tagged_place_is_one_event_name() -> None:
    assert _run("وقعت الدولتان معاهدة هلسنكي قبل عقود.", {"هلسنكي": "B-LOC"}) == [("معاهدة هلسنكي", "MISC")]


def test_treaty_head_before_an_untagged_gazetteer_place_is_one_event_name() -> None:
    assert _run("انتقد النواب اتفاقية هلسنكي أمس.") == [("اتفاقية هلسنكي", "MISC")]
    # a word that introduces a place (وادي) and a name after it
    assert _run("انتقد النواب اتفاقية وادي زربطونة أمس.") == [("اتفاقية وادي زربطونة", "MISC")]
    # a word the corpus mostly writes with ال is a common noun (اتفاقية سلام), even if a gazetteer has it
    assert _run("وقعت الأطراف اتفاقية سلام شاملة.") == []


def test_operation_named_after_a_tagged_person_keeps_its_head_but_not_a_describing_nisba() -> None:
    assert _run("نفذت القوات عملية كوليبرو الإرهابية قبل سنوات.", {"كوليبرو": "B-PER"}) == [
        ("عملية كوليبرو", "MISC")]


def test_revolution_or_war_named_after_its_date() -> None:
    assert _run("احتفل الجنود بذكرى حرب أكتوبر أمس.") == [("حرب أكتوبر", "MISC")]
    assert _run("تحدث الكاتب عن انتفاضة 28 سبتمبر/أيلول 2000 في مقاله.") == [
        ("انتفاضة 28 سبتمبر/أيلول 2000", "MISC")]
    # a month that is also a common word needs the day before it
    assert _run("قال إن ثورة مارس الشعب قد انتهت.") == []


def test_meeting_head_with_a_definite_noun_and_its_nisba() -> None:
    assert _run("افتتح الوزير ملتقى الإعلام الرقمي في العاصمة.") == [("ملتقى الإعلام الرقمي", "MISC")]


def test_festival_name_goes_on_over_its_subject_complement() -> None:
    assert _run("زار الوفد مهرجان هلسنكي الدولي للموسيقى والفنون أمس.", {"هلسنكي": "B-LOC"}) == [
        ("مهرجان هلسنكي الدولي للموسيقى والفنون", "MISC")]


def test_named_days_and_feasts_with_their_nisba() -> None:
    assert _run("يحتفل المسيحيون هذا الأسبوع بمناسبة عيد الفصح الشرقي.") == [("عيد الفصح الشرقي", "MISC")]
    assert _run("نظم الطلاب وقفة في يوم الأرض أمس.") == [("يوم الأرض", "MISC")]
    # a tagger's place inside the day's name gives way to it
    assert _run("شارك الآلاف في يوم القدس العالمي.", {"القدس": "B-LOC"}) == [("يوم القدس العالمي", "MISC")]
    # a street named after the day is the street's name
    assert _run("افتتح محل جديد في شارع يوم الأرض.") == []
