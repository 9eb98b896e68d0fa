"""Cue patterns of the events stage, one small sentence each (positive and negative).

The sentences are made up for these tests; entities and timexes are given by
hand, as the events stage receives them from ner and dates.
"""

from __future__ import annotations

import re

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


def test_same_speaker_is_one_statement_until_another_speaks() -> None:
    text = ("قال سامي الحداد إن الوضع خطير. وارتفعت الأسعار في كل المدن هذا الشهر بنسبة كبيرة. "
            "وتراجعت الصادرات أيضا. وقال الحداد إن الحل قريب. وقالت ليلى قاسم إن الحل بعيد. "
            "وقال الحداد مرة أخرى إن الأمل باق.")
    doc = make_doc(text, [("ليلى قاسم", "PER")])
    for k, a in enumerate(m.start() for m in re.finditer("الحداد", text)):
        b = a + len("الحداد")
        if k == 0:
            a = text.index("سامي")
        doc.entities.append(Entity(id=f"p{k}", text=text[a:b], start=a, end=b, label="PER", canonical="سامي الحداد"))
    evs = run(doc)
    assert [names(doc, [e.speaker])[0] for e in evs] == ["سامي الحداد", "ليلى قاسم", "الحداد"]
    assert [e.trigger.text for e in evs] == ["قال", "قالت", "قال"]


def test_headline_statement_is_not_an_event_of_its_own() -> None:
    doc = make_doc("تونس تحذر من التصعيد\n\nانطلقت اليوم في تونس أعمال ندوة الشباب.", [("تونس", "LOC")],
                   [("اليوم", "2024-03-04", "DATE")], published="2024-03-04")
    assert [e.type for e in run(doc)] == ["conference"]


def test_programme_items_are_parts_of_the_gathering() -> None:
    text = ("ينطلق مهرجان الربيع في صفاقس يوم الأربعاء. وفي اليوم التالي تعقد ندوة الشعر بإدارة الدكتور "
            "سامي الحداد ومشاركة الدكتورة ليلى قاسم، ويليه لقاء مفتوح مع الوزير كمال منصور. "
            "وفي الختام حفل فني في ساحة المدينة.")
    doc = make_doc(text, [("صفاقس", "LOC"), ("سامي الحداد", "PER"), ("ليلى قاسم", "PER"), ("كمال منصور", "PER")],
                   [("يوم الأربعاء", "2024-03-06", "DATE"), ("اليوم التالي", "2024-03-07", "DATE")],
                   published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "conference" and ev.trigger.text == "ينطلق"
    assert sorted(names(doc, ev.participants)) == ["سامي الحداد", "كمال منصور", "ليلى قاسم"]
    assert names(doc, ev.location) == ["صفاقس"]


def test_programme_does_not_swallow_an_earlier_or_later_occasion() -> None:
    text = ("انطلق مؤتمر الشباب في صفاقس يوم الأربعاء. وكانت ندوة تحضيرية قد عقدت في تونس يوم 2 مارس. "
            "وستعقد ندوة ختامية الشهر المقبل في سوسة.")
    doc = make_doc(text, [("صفاقس", "LOC"), ("تونس", "LOC"), ("سوسة", "LOC")],
                   [("يوم الأربعاء", "2024-03-06", "DATE"), ("يوم 2 مارس", "2024-03-02", "DATE")],
                   published="2024-03-07")
    assert [e.trigger.text for e in run(doc)] == ["انطلق", "ندوة", "تعقد"]


def test_ceremony_noun_before_a_governed_anniversary() -> None:
    doc = make_doc("اختتم أهالي المدينة اليوم احتفالاتهم بالذكرى السادسة للثورة.", [],
                   [("اليوم", "2024-03-04", "DATE")], published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "ceremony" and ev.trigger.text == "اختتم"
    assert run(make_doc("شارك في إحياء الذكرى عدد قليل.")) == []


def test_definite_noun_refers_back_to_its_happening() -> None:
    text = ("وأعلنت اللجنة إجراء انتخابات البرلمان في مصر يوم 20 أكتوبر. "
            "وقال مسؤولون إن تأخير الانتخابات منذ مارس الماضي سببه القانون.")
    doc = make_doc(text, [("اللجنة", "ORG"), ("مصر", "LOC")],
                   [("يوم 20 أكتوبر", "2024-10-20", "DATE"), ("مارس الماضي", "2024-03", "DATE")],
                   published="2024-08-01")
    elections = [e for e in run(doc) if e.type == "election"]
    assert len(elections) == 1 and elections[0].trigger.text == "انتخابات"


def test_arrival_verb_before_a_quantity_is_not_a_visit() -> None:
    doc = make_doc("وقد يعاقب بالسجن لما يصل إلى 142 عاما، ويتوقع أن تصل لأقل من 10 في المائة.")
    assert run(doc) == []
    doc = make_doc("وصل الوزير كمال منصور إلى عمان.", [("كمال منصور", "PER"), ("عمان", "LOC")])
    assert [e.type for e in run(doc)] == ["visit"]


def test_intercepted_drone_is_not_a_march() -> None:
    assert run(make_doc("أعلن الجيش اعتراض مسيرة فوق البحر.")) == []
    doc = make_doc("انطلقت مسيرة حاشدة في صفاقس.", [("صفاقس", "LOC")])
    assert [e.type for e in run(doc)] == ["protest"]


def test_adjacent_mentions_of_one_kind_are_one_happening() -> None:
    doc = make_doc("وجاء ذلك بالتوازي مع توقيع اتفاقية السلام عام 1994 في عمان.", [("عمان", "LOC")],
                   [("عام 1994", "1994", "DATE")])
    evs = run(doc)
    assert [e.trigger.text for e in evs] == ["توقيع"] and evs[0].type == "agreement"


def test_talk_without_quote_in_a_programme_is_a_participant() -> None:
    text = ("ينطلق ملتقى الشباب في صفاقس يوم الأربعاء. ويتضمن البرنامج كلمة من الدكتور سامي الحداد. "
            "وينظم الملتقى كل من \"جمعية النور\" ونادي الفكر.")
    doc = make_doc(text, [("صفاقس", "LOC"), ("سامي الحداد", "PER"), ("جمعية النور", "ORG"), ("نادي الفكر", "ORG")],
                   [("يوم الأربعاء", "2024-03-06", "DATE")], published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "conference" and names(doc, ev.participants) == ["سامي الحداد"]
    assert names(doc, ev.organizers) == ["جمعية النور", "نادي الفكر"]


def test_a_name_that_begins_with_a_preposition_letter_can_speak() -> None:
    doc = make_doc("وقالت ليلى قاسم إن الحل بعيد.", [("ليلى قاسم", "PER")])
    assert [names(doc, [e.speaker]) for e in run(doc)] == [["ليلى قاسم"]]


def test_statement_verb_inside_a_quotation_is_not_reported() -> None:
    doc = make_doc('وقال سامي الحداد "نحن مستعدون للقاء أي شخص يتحدث باسم الحكومة".', [("سامي الحداد", "PER"),
                                                                                    ("الحكومة", "ORG")])
    assert [e.trigger.text for e in run(doc)] == ["قال"]


def test_title_subject_takes_no_name_from_before_the_verb() -> None:
    doc = make_doc("وبعد وصول سامي الحداد إلى عمان، قال المسؤول الكبير إن المحادثات جيدة.",
                   [("سامي الحداد", "PER"), ("عمان", "LOC")])
    assert [e.type for e in run(doc) if e.type == "statement"] == []


def test_renewed_orders_and_written_words_are_not_statements() -> None:
    doc = make_doc("وجددت المحكمة أوامر الاعتقال، وكتب عليها شعار المدينة.", [("المحكمة", "ORG")])
    assert [e.type for e in run(doc)] != ["statement"] and all(e.type != "statement" for e in run(doc))
    doc = make_doc("وجدد سامي الحداد رفضه للقرار.", [("سامي الحداد", "PER")])
    assert [e.type for e in run(doc)] == ["statement"]


def test_attack_target_and_place_words() -> None:
    doc = make_doc("وشنت الطائرات عشرات الغارات الجوية على غزة أمس.", [("غزة", "LOC")],
                   [("أمس", "2024-03-03", "DATE")], published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "attack" and names(doc, ev.location) == ["غزة"]
    doc = make_doc("شارك المئات في وقفة قرب السفارة أمس.", [("السفارة", "LOC")],
                   [("أمس", "2024-03-03", "DATE")], published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "protest" and names(doc, ev.location) == ["السفارة"]
    doc = make_doc("وعقد الوزير اجتماعا على هامش القمة مع سامي الحداد.", [("سامي الحداد", "PER")])
    assert all(not e.location for e in run(doc))


def test_place_inside_an_unmarked_name_is_no_organizer() -> None:
    doc = make_doc("ونظمت جمعية شباب الأناضول وقفة أمس.", [("الأناضول", "LOC")], [("أمس", "2024-03-03", "DATE")])
    (ev,) = run(doc)
    assert ev.type == "protest" and ev.organizers == [] and ev.participants == []
    doc = make_doc("ونظمت قطر وقفة أمام السفارة.", [("قطر", "LOC")])
    (ev,) = run(doc)
    assert names(doc, ev.organizers) == ["قطر"]


def test_place_inside_an_unmarked_name_is_the_speaker_last() -> None:
    doc = make_doc("وأكدت لجنة نصرة فلسطين وحزب العدالة أن الوقفة سلمية.",
                   [("فلسطين", "LOC"), ("حزب العدالة", "ORG")])
    assert [names(doc, [ev.speaker]) for ev in run(doc)] == [["حزب العدالة"]]
    doc = make_doc("ودعت الحملة الشعبية لمقاطعة إسرائيل إلى التظاهر.", [("إسرائيل", "LOC")])
    (ev,) = run(doc)
    assert ev.type == "statement" and names(doc, [ev.speaker]) == ["إسرائيل"]  # no other name: kept


def test_subject_of_a_victim_verb_takes_part() -> None:
    doc = make_doc("واستشهد الصحفي سامي الحداد برصاص قناص.", [("سامي الحداد", "PER")])
    (ev,) = run(doc)
    assert ev.type == "attack" and ev.organizers == [] and names(doc, ev.participants) == ["سامي الحداد"]


def test_offset_and_vague_durations_are_no_event_time() -> None:
    doc = make_doc("ونظمت قطر وقفة قبل نحو شهر من الانتخابات.", [("قطر", "LOC")], [("نحو شهر", "P1M", "DURATION")])
    (ev,) = run(doc)
    assert ev.type == "protest" and ev.time == []
    doc = make_doc("ونظمت قطر وقفة استمرت ساعات.", [("قطر", "LOC")], [("ساعات", "PTXH", "DURATION")])
    (ev,) = run(doc)
    assert ev.time == []
    doc = make_doc("ونظمت قطر وقفة استمرت ثلاثة أيام.", [("قطر", "LOC")], [("ثلاثة أيام", "P3D", "DURATION")])
    (ev,) = run(doc)
    assert ev.time == ["t1"]


def test_no_subject_before_a_verb_that_opens_with_wa() -> None:
    tmx = [("أمس", "2024-03-03", "DATE")]
    doc = make_doc("قطر وتظاهر المئات أمس.", [("قطر", "LOC")], tmx)
    (ev,) = run(doc)
    assert ev.type == "protest" and ev.participants == [] and ev.organizers == []
    doc = make_doc("وقطر تنظم وقفة أمس.", [("قطر", "LOC")], tmx)
    (ev,) = run(doc)
    assert names(doc, ev.organizers) == ["قطر"]


def test_a_name_that_begins_with_its_own_event_noun_is_the_events_name() -> None:
    text = "وشارك الوزير أمس في حفل توقيع اتفاقية جبل طارق بين البلدين في العاصمة."
    doc = make_doc(text, [("اتفاقية جبل طارق", "MISC")])
    named = [ev for ev in run(doc) if ev.name]
    assert named and {ev.name for ev in named} == {"اتفاقية جبل طارق"}
    # a name without an event noun of its own keeps the trigger noun before it
    text = "وأعلنت الوزارة عن انطلاق مؤتمر أصدقاء البحر في المدينة."
    doc = make_doc(text, [("أصدقاء البحر", "MISC")])
    assert [ev.name for ev in run(doc) if ev.name] == ["مؤتمر أصدقاء البحر"]
