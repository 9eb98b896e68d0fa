"""Cue patterns of the events stage, one small sentence each (positive and negative).

The sentences are made up for these tests; entities and timexes are given by
hand, as the events stage receives them from ner and dates.
"""

from __future__ import annotations

from seedx.document import Document
from seedx.pipeline import Runner, stages_until
from seedx.record import Entity, Event, Published, Timex
from seedx.stages import events
from seedx.stages.events.lexicon import load_lexicon
from seedx.stages.normalize import normalize_word

_RUNNER = Runner(stages=stages_until("tokenize"))


def make_doc(text: str, ents: list[tuple[str, str]] = (), tmx: list[tuple[str, str | None, str]] = (),
             published: str | None = None) -> Document:
    """A tokenized document with entities/timexes at the first occurrence of each text."""
    doc = _RUNNER.run(Document(id="t", raw=text))
    for k, (s, label) in enumerate(ents, 1):
        a = text.index(s)
        doc.entities.append(Entity(id=f"e{k}", text=s, start=a, end=a + len(s), label=label, canonical=s))
    for k, (s, value, typ) in enumerate(tmx, 1):
        a = text.index(s)
        doc.timexes.append(Timex(id=f"t{k}", text=s, start=a, end=a + len(s), type=typ, value=value))
    if published:
        doc.published = Published(value=published, source="input")
    return doc


def run(doc: Document) -> list[Event]:
    return events.run(doc, {}).events


def names(doc: Document, ids: list[str]) -> list[str]:
    by_id = {e.id: e.text for e in doc.entities}
    return [by_id[i] for i in ids]


def test_lexicon_forms_are_normalized() -> None:
    lex = load_lexicon()
    assert "اكد" in lex.senses and "أكد" not in lex.senses
    assert all(w == normalize_word(w) for w in lex.senses)
    assert "انطلقت" in lex.support


def test_statement_verb_subject_after_verb() -> None:
    doc = make_doc("وقال وزير الخارجية سامي الحداد إن الوضع يتحسن.", [("سامي الحداد", "PER")])
    (ev,) = run(doc)
    assert ev.type == "statement" and ev.trigger.text == "قال"
    assert doc.raw[ev.trigger.start:ev.trigger.end] == "قال"
    assert names(doc, [ev.speaker]) == ["سامي الحداد"] and ev.status == "concluded"
    assert ev.quote is not None and ev.quote.text.startswith("الوضع")


def test_statement_subject_before_verb() -> None:
    doc = make_doc("لكن حزب الأمل أكد أن الانسحاب غير وارد.", [("حزب الأمل", "ORG")])
    (ev,) = run(doc)
    assert ev.type == "statement" and names(doc, [ev.speaker]) == ["حزب الأمل"]


def test_coordinated_speakers_make_one_statement_each() -> None:
    doc = make_doc("وأعربت فرنسا وألمانيا عن قلقهما من التصعيد.", [("فرنسا", "LOC"), ("ألمانيا", "LOC")])
    evs = run(doc)
    assert [names(doc, [e.speaker]) for e in evs] == [["فرنسا"], ["ألمانيا"]]


def test_relative_clause_and_nouns_are_not_statements() -> None:
    doc = make_doc("وهو الأمر الذي تنفيه الوزارة، إضافة إلى إشارة سابقة.", [("الوزارة", "ORG")])
    assert run(doc) == []


def test_participle_only_without_a_main_statement() -> None:
    doc = make_doc("قال سامي الحداد إن الوضع خطير، مشيرا إلى تراجع الأسعار.", [("سامي الحداد", "PER")])
    assert [e.trigger.text for e in run(doc)] == ["قال"]
    doc = make_doc("ويقف سامي الحداد أمام المبنى قائلا إن الانتظار طال.", [("سامي الحداد", "PER")])
    assert [e.trigger.text for e in run(doc)] == ["قائلا"]


def test_same_speaker_continues_with_adda() -> None:
    doc = make_doc("قال سامي الحداد إن الوضع خطير. وأضاف الحداد أن الحل قريب.",
                   [("سامي الحداد", "PER"), ("الحداد", "PER")])
    doc.entities[1].canonical = "سامي الحداد"
    assert len(run(doc)) == 1


def test_statement_needs_a_speaker() -> None:
    assert run(make_doc("وقال إن الطريق مغلق.")) == []


def test_conference_with_light_verb_and_all_cues() -> None:
    text = ('افتتحت، اليوم الاثنين، في مدينة الدوحة أعمال ملتقى "غد الشباب" الذي تنظمه جمعية النور '
            'بمشاركة أكثر من 200 شخصية من أكثر من 15 دولة، تحت شعار "معا نبني المستقبل".')
    doc = make_doc(text, [("الدوحة", "LOC"), ("جمعية النور", "ORG")], [("اليوم الاثنين", "2024-03-04", "DATE")],
                   published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "conference" and ev.trigger.text == "افتتحت"
    assert ev.name == 'ملتقى "غد الشباب"'
    assert ev.time == ["t1"] and names(doc, ev.location) == ["الدوحة"]
    assert names(doc, ev.organizers) == ["جمعية النور"]
    assert ev.slogan == "معا نبني المستقبل"
    assert ev.attendance == "أكثر من 200 شخصية من أكثر من 15 دولة"
    assert ev.status == "ongoing"


def test_participants_list_and_coreference() -> None:
    text = 'انطلق مؤتمر "الأفق" في تونس. وشارك في المؤتمر كل من سامي الحداد وليلى قاسم.'
    doc = make_doc(text, [("تونس", "LOC"), ("سامي الحداد", "PER"), ("ليلى قاسم", "PER")])
    (ev,) = run(doc)
    assert ev.type == "conference" and names(doc, ev.location) == ["تونس"]
    assert names(doc, ev.participants) == ["سامي الحداد", "ليلى قاسم"]


def test_trigger_inside_an_organisation_name_is_not_an_event() -> None:
    doc = make_doc("وقال المؤتمر الوطني للشباب إن الدعوة مفتوحة.", [("المؤتمر الوطني للشباب", "ORG")])
    assert [e.type for e in run(doc)] == ["statement"]


def test_planned_status_from_markers() -> None:
    doc = make_doc("ومن المقرر أن يعقد المنتدى الاقتصادي في بيروت الأسبوع المقبل.", [("بيروت", "LOC")],
                   [("الأسبوع المقبل", "2024-W11", "DATE")], published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "conference" and ev.status == "planned"


def test_concluded_status_from_past_date() -> None:
    doc = make_doc("تظاهر مئات الطلاب في عمان أمس احتجاجا على القرار.", [("عمان", "LOC")],
                   [("أمس", "2024-03-03", "DATE")], published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "protest" and ev.status == "concluded" and ev.attendance == "مئات الطلاب"


def test_generic_campaign_and_drone_are_not_events() -> None:
    doc = make_doc("تتعرض الجمعية لحملة شرسة، وأسقط الجيش طائرة مسيرة فوق المدينة.")
    assert run(doc) == []


def test_visit_verb_with_visitor_and_destination() -> None:
    doc = make_doc("وصل الرئيس كمال منصور إلى عمان اليوم في زيارة رسمية.", [("كمال منصور", "PER"), ("عمان", "LOC")],
                   [("اليوم", "2024-03-04", "DATE")], published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "visit" and names(doc, ev.participants) == ["كمال منصور"]
    assert names(doc, ev.location) == ["عمان"] and ev.status == "ongoing"


def test_no_entities_no_timexes_no_crash() -> None:
    doc = make_doc("عقد المجلس اجتماعا طارئا. ونظمت الجمعية حفلا كبيرا.")
    evs = run(doc)
    assert all(e.speaker is None for e in evs)
    assert run(_RUNNER.run(Document(id="e", raw="   "))) == []


def test_spans_round_trip() -> None:
    text = "وأكد وزير الصحة سامي الحداد أن الحملة الوطنية للتلقيح انطلقت اليوم في كل المدن."
    doc = make_doc(text, [("سامي الحداد", "PER")], [("اليوم", "2024-03-04", "DATE")], published="2024-03-04")
    for ev in run(doc):
        assert doc.raw[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        if ev.quote:
            assert doc.raw[ev.quote.start:ev.quote.end] == ev.quote.text
