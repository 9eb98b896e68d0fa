"""Speaker and trigger cue patterns (events v5), one made-up sentence each (positive and negative).

Speakers named by a title or not at all, subjects next to their verb, list items,
historical dates, candidates, and the lexicon's new trigger conditions.
"""

from __future__ import annotations

from test_cues import make_doc, names, run

from seedx.document import Document
from seedx.record import Entity


def _add(doc: Document, text: str, label: str, nth: int = 0, canonical: str | None = None) -> None:
    """An entity at the nth occurrence of `text` (make_doc only marks the first)."""
    a = -1
    for _ in range(nth + 1):
        a = doc.raw.index(text, a + 1)
    doc.entities.append(Entity(id=f"e{len(doc.entities) + 1}", text=text, start=a, end=a + len(text), label=label,
                               canonical=canonical or text))
    doc.entities.sort(key=lambda e: e.start)


def _statements(doc: Document) -> list[tuple[str, list[str]]]:
    return [(e.trigger.text, names(doc, [e.speaker])) for e in run(doc) if e.type == "statement"]


# -- speakers -------------------------------------------------------------------


def test_title_subject_is_the_person_that_title_named_earlier() -> None:
    doc = make_doc("التقى الوزير سامي الحداد بالطلاب في الجامعة. وقال الوزير إن الامتحانات ستؤجل.",
                   [("سامي الحداد", "PER")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]
    # the title names nobody earlier: someone unnamed speaks, no statement (not the last speaker either)
    doc = make_doc("قالت ليلى قاسم إن الطقس بارد. وقال الوزير إن الامتحانات ستؤجل.", [("ليلى قاسم", "PER")])
    assert _statements(doc) == [("قالت", ["ليلى قاسم"])]


def test_title_before_a_place_is_not_the_place() -> None:
    doc = make_doc("وقال ممثل الأردن خلال الجلسة: إن الوضع خطير.", [("الأردن", "LOC")])
    assert _statements(doc) == []
    doc = make_doc("وقال الأردن خلال الجلسة: إن الوضع خطير.", [("الأردن", "LOC")])
    assert _statements(doc) == [("قال", ["الأردن"])]


def test_title_subject_skips_a_person_behind_a_time_preposition() -> None:
    doc = make_doc("وقال المسؤول الكبير بعد وصول سامي الحداد إن المحادثات جيدة.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []
    doc = make_doc("وقال النائب في البرلمان التونسي سامي الحداد إن المحادثات جيدة.",
                   [("البرلمان التونسي", "ORG"), ("سامي الحداد", "PER")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]


def test_unnamed_common_noun_subject_makes_no_statement() -> None:
    doc = make_doc("كما أكد الجانبان رفضهما القاطع لمحاولات التدخل في شؤون لبنان.", [("لبنان", "LOC")])
    assert _statements(doc) == []
    doc = make_doc("كما أكدت جمعية النور رفضها القاطع للتدخل.", [("جمعية النور", "ORG")])
    assert _statements(doc) == [("أكدت", ["جمعية النور"])]


def test_verb_without_subject_goes_on_with_the_last_speaker() -> None:
    text = "قال سامي الحداد إن الدعم مستمر. واستعرض موقف جمعية النور وقال: نشكر الجميع على الدعم."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("جمعية النور", "ORG")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]  # one speaker, one statement
    doc = make_doc("قال سامي الحداد إن الدعم مستمر. وأضاف في مقابلة مع الإذاعة أن الحل قريب.",
                   [("سامي الحداد", "PER")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]
    # a subject of its own after the verb: a new speaker
    doc = make_doc("قال سامي الحداد إن الدعم مستمر. وقالت جمعية النور: نشكر الجميع.",
                   [("سامي الحداد", "PER"), ("جمعية النور", "ORG")])
    assert _statements(doc) == [("قال", ["سامي الحداد"]), ("قالت", ["جمعية النور"])]


def test_subject_before_a_verb_stands_next_to_it() -> None:
    doc = make_doc("زار سامي الحداد صفاقس، في حين يطالب الطلاب بأن تفتح المكتبة.",
                   [("سامي الحداد", "PER"), ("صفاقس", "LOC")])
    assert _statements(doc) == []
    doc = make_doc("وقطر التي أكدت مشاركتها في القمة رفضت الاتهام.", [("قطر", "LOC")])
    assert _statements(doc) == [("أكدت", ["قطر"])]
    doc = make_doc("وكان سامي الحداد، وزير المالية، قال إن العجز تراجع.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]


def test_short_name_is_the_same_speaker() -> None:
    text = "قال سامي الحداد إن الوضع خطير. وقالت ليلى قاسم إن الحل قريب. وأكد الحداد أن الأمل باق."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("ليلى قاسم", "PER")])
    _add(doc, "الحداد", "PER", nth=1)
    evs = [e for e in run(doc) if e.type == "statement"]
    # the short mention is reported under the full name (one person, one name in the record)
    assert [names(doc, [e.speaker]) for e in evs] == [["سامي الحداد"], ["ليلى قاسم"], ["سامي الحداد"]]
    # two people with one family name: the short mention is left as it stands
    doc = make_doc("قال سامي الحداد إن الوضع خطير. وقالت ليلى الحداد إن الحل قريب. وأكد الحداد أن الأمل باق.",
                   [("سامي الحداد", "PER"), ("ليلى الحداد", "PER")])
    _add(doc, "الحداد", "PER", nth=2)
    assert names(doc, [run(doc)[-1].speaker]) == ["الحداد"]


# -- triggers ---------------------------------------------------------------------


def test_trigger_plural_in_a_list_of_activities_is_no_event() -> None:
    doc = make_doc("وأطلقت جمعية النور جملة من المشاريع والمبادرات والحملات.", [("جمعية النور", "ORG")])
    assert [e.type for e in run(doc)] == []
    doc = make_doc("الأحد: رياضيات - احياء - كيمياء")
    assert run(doc) == []
    doc = make_doc("وتتواصل المظاهرات والوقفات في صفاقس.", [("صفاقس", "LOC")])
    assert "protest" in [e.type for e in run(doc)]


def test_accusative_masdar_of_purpose_is_no_event() -> None:
    doc = make_doc("وخرج الأهالي إلى الشوارع احتفالا بعودة الأسرى إلى صفاقس.", [("صفاقس", "LOC")])
    assert [e.type for e in run(doc)] == []
    doc = make_doc("ونظم الطلاب اعتصاما أمام الوزارة في صفاقس.", [("صفاقس", "LOC")])
    assert [e.type for e in run(doc)] == ["protest"]
    doc = make_doc("وعقد الوزير اجتماعا مع سامي الحداد.", [("سامي الحداد", "PER")])
    assert [e.type for e in run(doc)] == ["meeting"]


def test_counted_signatures_are_no_agreement() -> None:
    assert run(make_doc("ويحتاج الحزب إلى جمع مئة ألف توقيع قبل الموعد.")) == []
    doc = make_doc("وشهد الوزير توقيع اتفاقية التعاون في عمان.", [("عمان", "LOC")])
    assert [e.type for e in run(doc)] == ["agreement"]


def test_announcement_noun_needs_its_announcer_named() -> None:
    assert run(make_doc("وطالب المحتجون الحكومة بإعلان موقفها من القرار.")) == []
    doc = make_doc("وجاء ذلك بعد إعلان اللجنة العليا النتائج.", [("اللجنة العليا", "ORG")])
    assert _statements(doc) == [("إعلان", ["اللجنة العليا"])]


def test_ministry_is_no_visit() -> None:
    assert [e.type for e in run(make_doc("ورأت وزارة الخارجية أن الوضع مستقر."))] == []
    doc = make_doc("وزار الوزير سامي الحداد صفاقس.", [("سامي الحداد", "PER"), ("صفاقس", "LOC")])
    assert [e.type for e in run(doc)] == ["visit"]


def test_drones_once_drones_throughout_the_article() -> None:
    doc = make_doc("أطلقت الجماعة أربع طائرات مسيرة. وأصابت المسيرات الثلاث الأخرى أهدافها في صفاقس.",
                   [("صفاقس", "LOC")])
    assert "protest" not in [e.type for e in run(doc)]
    doc = make_doc("وانطلقت المسيرات الثلاث في صفاقس.", [("صفاقس", "LOC")])
    assert [e.type for e in run(doc)] == ["protest"]


# -- arguments ----------------------------------------------------------------------


def test_historical_year_away_from_a_trigger_noun_is_no_event_time() -> None:
    tmx = [("عام 2013", "2013", "DATE")]
    doc = make_doc("وشارك سامي الحداد في ندوة عن انتخابات عام 2013 في صفاقس.",
                   [("سامي الحداد", "PER"), ("صفاقس", "LOC")], tmx, published="2024-03-04")
    (ev,) = [e for e in run(doc) if e.type == "conference"]
    assert ev.time == []
    tmx = [("عام 2007", "2007", "DATE")]
    doc = make_doc("واعتقل الجيش سامي الحداد في صفاقس عام 2007.", [("سامي الحداد", "PER"), ("صفاقس", "LOC")],
                   tmx, published="2024-03-04")
    (ev,) = run(doc)
    assert ev.type == "attack" and ev.time == ["t1"]


def test_place_behind_a_preposition_belongs_to_the_trigger_before_it() -> None:
    doc = make_doc("افتتحت القمة الأحد في الدوحة غداة الغارات على غزة.", [("الدوحة", "LOC"), ("غزة", "LOC")])
    evs = {e.type: e for e in run(doc)}
    assert names(doc, evs["conference"].location) == ["الدوحة"]
    assert names(doc, evs["attack"].location) == ["غزة"]


def test_candidates_anywhere_take_part_in_the_election() -> None:
    text = ("تجري الانتخابات الرئاسية في تونس الشهر المقبل. ويتقدم المرشح سامي الحداد على منافسه كمال منصور. "
            "وقالت ليلى قاسم إن الحملة هادئة.")
    doc = make_doc(text, [("تونس", "LOC"), ("سامي الحداد", "PER"), ("كمال منصور", "PER"), ("ليلى قاسم", "PER")])
    (ev,) = [e for e in run(doc) if e.type == "election"]
    assert names(doc, ev.participants) == ["سامي الحداد", "كمال منصور"]


def test_election_body_organizes_the_election() -> None:
    text = "تجري الانتخابات البرلمانية في تونس الشهر المقبل. وأعلنت الهيئة العليا للانتخابات قائمة المرشحين."
    doc = make_doc(text, [("تونس", "LOC"), ("الهيئة العليا للانتخابات", "ORG")])
    (ev,) = [e for e in run(doc) if e.type == "election"]
    assert names(doc, ev.organizers) == ["الهيئة العليا للانتخابات"]
    doc = make_doc(text.replace("الهيئة العليا للانتخابات", "جمعية النور"), [("تونس", "LOC"), ("جمعية النور", "ORG")])
    (ev,) = [e for e in run(doc) if e.type == "election"]
    assert ev.organizers == []


def test_statement_in_a_relative_clause_on_a_name() -> None:
    doc = make_doc('ورفض الحزب "خطة السلام"، التي أعلنها الرئيس سامي الحداد الشهر الماضي.',
                   [("خطة السلام", "MISC"), ("سامي الحداد", "PER")])
    assert _statements(doc) == [("أعلنها", ["سامي الحداد"])]
    doc = make_doc("وهو الأمر الذي أعلنه الرئيس سامي الحداد.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []


# -- who organizes, who takes part ---------------------------------------------------


def test_who_convenes_a_meeting_organizes_it() -> None:
    doc = make_doc("عقد مجلس الأمن جلسة طارئة بطلب من الكويت.", [("مجلس الأمن", "ORG"), ("الكويت", "LOC")])
    (ev,) = run(doc)
    assert ev.type == "meeting" and names(doc, ev.organizers) == ["مجلس الأمن", "الكويت"]
    doc = make_doc("والتقى سامي الحداد ليلى قاسم في صفاقس.",
                   [("سامي الحداد", "PER"), ("ليلى قاسم", "PER"), ("صفاقس", "LOC")])
    (ev,) = run(doc)
    assert ev.organizers == [] and "سامي الحداد" in names(doc, ev.participants)


def test_a_body_that_marches_organizes_the_march() -> None:
    doc = make_doc("وتظاهرت جمعية النور أمام السفارة.", [("جمعية النور", "ORG")])
    (ev,) = run(doc)
    assert ev.type == "protest" and names(doc, ev.organizers) == ["جمعية النور"]
    doc = make_doc("وتظاهر سامي الحداد أمام السفارة.", [("سامي الحداد", "PER")])
    (ev,) = run(doc)
    assert ev.organizers == [] and names(doc, ev.participants) == ["سامي الحداد"]


def test_light_verb_reaches_its_noun_over_a_quoted_name() -> None:
    doc = make_doc('أطلقت "جمعية النور" الأربعاء حملة لجمع التبرعات.', [("جمعية النور", "ORG")],
                   [("الأربعاء", "2024-03-06", "DATE")])
    (ev,) = run(doc)
    assert ev.type == "campaign" and ev.trigger.text == "أطلقت" and names(doc, ev.organizers) == ["جمعية النور"]


def test_delegation_list_runs_over_titles_and_links() -> None:
    text = ("اختتمت اليوم في صفاقس احتفالات عيد الثورة. وحضر الاختتام وفد يتركب من وزير الفلاحة سامي الحداد "
            "ومستشارة الرئيس ليلى قاسم، الى جانب عدد من الشخصيات على غرار ممثل الحزب كمال منصور.")
    doc = make_doc(text, [("صفاقس", "LOC"), ("سامي الحداد", "PER"), ("ليلى قاسم", "PER"), ("كمال منصور", "PER")])
    (ev,) = [e for e in run(doc) if e.type == "ceremony"]
    assert names(doc, ev.participants) == ["سامي الحداد", "ليلى قاسم", "كمال منصور"]
    # a person before the cue in its sentence is not on the list
    text = ("اختتمت اليوم في صفاقس احتفالات عيد الثورة. وقال سامي الحداد إن الوفد ضم شخصيات كثيرة.")
    doc = make_doc(text, [("صفاقس", "LOC"), ("سامي الحداد", "PER")])
    (ev,) = [e for e in run(doc) if e.type == "ceremony"]
    assert names(doc, ev.participants) == ["سامي الحداد"]  # a speaker at the gathering, not from the list


def test_partner_bodies_listed_after_an_organizer_cue() -> None:
    text = ("انطلق اليوم مؤتمر الشباب في صفاقس. وينظم المؤتمر جمعية النور بالشراكة مع عدد من المؤسسات، "
            "من بينها نادي الفكر، ورابطة الكتاب.")
    doc = make_doc(text, [("صفاقس", "LOC"), ("جمعية النور", "ORG"), ("نادي الفكر", "ORG"), ("رابطة الكتاب", "ORG")])
    (ev,) = [e for e in run(doc) if e.type == "conference"]
    assert names(doc, ev.organizers) == ["جمعية النور", "نادي الفكر", "رابطة الكتاب"]


def test_hosting_refugees_is_no_ceremony() -> None:
    assert run(make_doc("وتتحمل البلاد أعباء استقبال اللاجئين منذ سنوات.")) == []
    doc = make_doc("وأقامت ليلى قاسم حفل استقبال على شرف الوفد في صفاقس.", [("ليلى قاسم", "PER"), ("صفاقس", "LOC")])
    assert [e.type for e in run(doc)] == ["ceremony"]


def test_ceremony_noun_after_a_light_verb_and_its_noun_is_one_happening() -> None:
    doc = make_doc("نظمت جمعية النور في صفاقس حفل إحياء ذكرى الشهداء.", [("جمعية النور", "ORG"), ("صفاقس", "LOC")])
    assert [e.type for e in run(doc)] == ["ceremony"]


def test_name_before_the_verb_stands_for_an_unnamed_subject() -> None:
    doc = make_doc("السودان قال الحزب الشيوعي إن الهجوم متوقع.", [("السودان", "LOC")])
    assert _statements(doc) == [("قال", ["السودان"])]
    doc = make_doc("زار سامي الحداد السودان أمس. كما أكد الجانبان رفضهما للتدخل.",
                   [("سامي الحداد", "PER"), ("السودان", "LOC")])
    assert _statements(doc) == []


def test_verb_that_begins_with_the_article_letters() -> None:
    doc = make_doc("والتقى سامي الحداد ليلى قاسم في صفاقس.",
                   [("سامي الحداد", "PER"), ("ليلى قاسم", "PER"), ("صفاقس", "LOC")])
    (ev,) = run(doc)
    assert ev.type == "meeting" and ev.trigger.text == "التقى"
    assert names(doc, ev.participants) == ["سامي الحداد", "ليلى قاسم"]


def test_same_verb_with_other_people_is_another_meeting() -> None:
    text = "التقى سامي الحداد ليلى قاسم في صفاقس. كما التقى الحداد كمال منصور في تونس."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("ليلى قاسم", "PER"), ("صفاقس", "LOC"), ("كمال منصور", "PER"),
                          ("تونس", "LOC")])
    assert [e.type for e in run(doc)] == ["meeting", "meeting"]
    text = "التقى سامي الحداد ليلى قاسم في صفاقس. والتقى سامي الحداد ليلى قاسم لمدة ساعتين."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("ليلى قاسم", "PER"), ("صفاقس", "LOC")])
    _add(doc, "سامي الحداد", "PER", nth=1)
    _add(doc, "ليلى قاسم", "PER", nth=1)
    assert [e.type for e in run(doc)] == ["meeting"]


def test_headline_phrase_is_one_happening() -> None:
    doc = make_doc("نظمت جمعية النور حفل إحياء ذكرى الشهداء في صفاقس\n\nوقال سامي الحداد إن الحضور كبير.",
                   [("جمعية النور", "ORG"), ("صفاقس", "LOC"), ("سامي الحداد", "PER")])
    assert [e.type for e in run(doc)] == ["ceremony", "statement"]


def test_dash_item_of_a_few_words_is_no_event() -> None:
    assert run(make_doc("الاثنين: مكتبات - علم النفس والاجتماع - اللغة الإنجليزية")) == []


def test_definite_attack_noun_of_another_word_on_another_day_is_another_attack() -> None:
    text = ("وقصف الجيش مواقع المسلحين في جبل السلوم أمس. وتم يوم 3 مارس الاشتباك مع مجموعة مسلحة "
            "في جبل الشعانبي.")
    tmx = [("أمس", "2024-03-09", "DATE"), ("يوم 3 مارس", "2024-03-03", "DATE")]
    doc = make_doc(text, [("جبل السلوم", "LOC"), ("جبل الشعانبي", "LOC")], tmx, published="2024-03-10")
    assert [e.type for e in run(doc)] == ["attack", "attack"]
    # the same word again refers back to the strike already told, whatever date its clause carries
    text = "وقصف الجيش مواقع المسلحين في جبل السلوم أمس. واستمر القصف يوم 3 مارس."
    doc = make_doc(text, [("جبل السلوم", "LOC")], tmx, published="2024-03-10")
    assert [e.type for e in run(doc)] == ["attack"]


def test_place_a_statement_was_made_in() -> None:
    doc = make_doc("وقال سامي الحداد أمام أنصاره في صفاقس إن الفوز قريب.", [("سامي الحداد", "PER"), ("صفاقس", "LOC")])
    (ev,) = run(doc)
    assert names(doc, ev.location) == ["صفاقس"]
    doc = make_doc("وقال سامي الحداد إن الفوز قريب في صفاقس.", [("سامي الحداد", "PER"), ("صفاقس", "LOC")])
    (ev,) = run(doc)
    assert ev.location == []  # a place in what is said


def test_place_an_event_is_about_is_not_where_it_happens() -> None:
    doc = make_doc("وافتتحت القمة في الدوحة لمناقشة الوضع في سوريا.", [("الدوحة", "LOC"), ("سوريا", "LOC")])
    (ev,) = run(doc)
    assert names(doc, ev.location) == ["الدوحة"]


def test_party_committee_and_observers_do_not_run_the_election() -> None:
    text = ("تجري الانتخابات البرلمانية في تونس الشهر المقبل. واخترق القراصنة حسابات لجنة الانتخابات التابعة للحزب "
            "الديمقراطي، فيما وصلت البعثة الدولية لمتابعة الانتخابات.")
    doc = make_doc(text, [("تونس", "LOC"), ("لجنة الانتخابات التابعة للحزب الديمقراطي", "ORG"),
                          ("البعثة الدولية لمتابعة الانتخابات", "ORG")])
    (ev,) = [e for e in run(doc) if e.type == "election"]
    assert ev.organizers == []


def test_person_by_an_attack_verb_suffers_it() -> None:
    doc = make_doc("واعتقل الصحفي سامي الحداد في مطار صفاقس.", [("سامي الحداد", "PER"), ("مطار صفاقس", "LOC")])
    (ev,) = run(doc)
    assert ev.type == "attack" and names(doc, ev.participants) == ["سامي الحداد"] and ev.organizers == []
    doc = make_doc("واقتحم الجيش الإسرائيلي منزل سامي الحداد في صفاقس.",
                   [("الجيش الإسرائيلي", "ORG"), ("سامي الحداد", "PER"), ("صفاقس", "LOC")])
    (ev,) = run(doc)
    assert names(doc, ev.organizers) == ["الجيش الإسرائيلي"]
    # an arrest (v7): the army that arrests takes part with the one it arrests, it organizes nothing
    doc = make_doc("واعتقل الجيش الإسرائيلي سامي الحداد في صفاقس.",
                   [("الجيش الإسرائيلي", "ORG"), ("سامي الحداد", "PER"), ("صفاقس", "LOC")])
    (ev,) = run(doc)
    assert ev.organizers == [] and names(doc, ev.participants) == ["الجيش الإسرائيلي", "سامي الحداد"]


def test_attack_verb_with_an_event_noun_subject_tells_more_of_it() -> None:
    text = ("ونفذت الجماعة 3 عمليات عسكرية ضد أهداف في صفاقس. "
            "واستهدفت العملية الأولى مطار صفاقس، والثانية ميناء قابس.")
    doc = make_doc(text, [("الجماعة", "ORG"), ("صفاقس", "LOC"), ("مطار صفاقس", "LOC"), ("ميناء قابس", "LOC")])
    (ev,) = run(doc)
    assert ev.type == "attack" and names(doc, ev.organizers) == ["الجماعة"]
    assert {"مطار صفاقس", "ميناء قابس"} <= set(names(doc, ev.location))
    # a subject that names no event: a strike of its own, by whoever is named
    doc = make_doc("ونفذت الجماعة 3 عمليات عسكرية في صفاقس. واستهدفت قوات الجيش مطار قابس.",
                   [("الجماعة", "ORG"), ("صفاقس", "LOC"), ("قوات الجيش", "ORG"), ("مطار قابس", "LOC")])
    assert [e.type for e in run(doc)] == ["attack", "attack"]


def test_a_year_holds_its_months_for_coreference() -> None:
    text = ("تجري انتخابات مجلس النواب في صفاقس عام 2015. وأقر البرلمان في يوليو الماضي قانونا يمهد لإجراء "
            "انتخابات مجلس النواب.")
    tmx = [("عام 2015", "2015", "DATE"), ("يوليو الماضي", "2015-07", "DATE")]
    doc = make_doc(text, [("صفاقس", "LOC"), ("مجلس النواب", "ORG")], tmx, published="2015-08-08")
    assert [e.type for e in run(doc)] == ["election"]
    tmx = [("عام 2015", "2015", "DATE"), ("يوليو الماضي", "2014-07", "DATE")]
    doc = make_doc(text, [("صفاقس", "LOC"), ("مجلس النواب", "ORG")], tmx, published="2015-08-08")
    assert [e.type for e in run(doc)] == ["election", "election"]


def test_light_verb_with_an_object_pronoun_takes_no_noun() -> None:
    doc = make_doc("لبحث المشاورات التي يجريها الحزب بشأن انتخابات القائمة.", [("الحزب", "ORG")])
    assert run(doc) == []
    doc = make_doc("ويجري الحزب انتخابات داخلية في صفاقس.", [("الحزب", "ORG"), ("صفاقس", "LOC")])
    assert [(e.type, e.trigger.text) for e in run(doc)] == [("election", "يجري")]


def test_statement_time_after_a_bracketed_aside() -> None:
    doc = make_doc("أعلنت جمعية النور (الخيرية)، اليوم الثلاثاء، تنفيذ مشروعها.", [("جمعية النور", "ORG")],
                   [("اليوم الثلاثاء", "2025-09-02", "DATE")], published="2025-09-02")
    (ev,) = run(doc)
    assert ev.type == "statement" and ev.time == ["t1"]
    doc = make_doc("أعلنت جمعية النور أن (المشروع) سينفذ اليوم الثلاثاء.", [("جمعية النور", "ORG")],
                   [("اليوم الثلاثاء", "2025-09-02", "DATE")], published="2025-09-02")
    (ev,) = run(doc)
    assert ev.time == []  # the time of what is said


def test_speaker_recalled_in_a_relative_clause_takes_no_part_in_the_gathering() -> None:
    text = ('انطلق اليوم مؤتمر الشباب في صفاقس. وقال سامي الحداد إن "خطة السلام"، التي أعلنها كمال منصور، '
            "فشلت.")
    doc = make_doc(text, [("صفاقس", "LOC"), ("سامي الحداد", "PER"), ("خطة السلام", "MISC"), ("كمال منصور", "PER")])
    (ev,) = [e for e in run(doc) if e.type == "conference"]
    assert names(doc, ev.participants) == ["سامي الحداد"]


# -- events v7 ------------------------------------------------------------------


def test_name_in_quotes_right_after_the_verb_is_its_subject() -> None:
    text = 'وأعربت النقابة عن قلقها، ودعت "جمعية النور" الأعضاء إلى الاجتماع.'
    doc = make_doc(text, [("النقابة", "ORG"), ("جمعية النور", "ORG")])
    assert _statements(doc) == [("أعربت", ["النقابة"]), ("دعت", ["جمعية النور"])]
    # quoted words that only begin with a name are what is said
    doc = make_doc('وقال "تونس ستنتصر في النهاية".', [("تونس", "LOC")])
    assert _statements(doc) == []


def test_long_title_with_prepositions_leads_to_the_speaker() -> None:
    text = "وأوضح رئيس الهيئة المشرفة على المعرض السنوي للكتاب الدكتور سامي الحداد، أن المعرض جاهز."
    doc = make_doc(text, [("سامي الحداد", "PER")])
    assert _statements(doc) == [("أوضح", ["سامي الحداد"])]
    # a name behind a preposition of its own is not the speaker
    doc = make_doc("وأوضح رئيس الهيئة عن لقاء مع سامي الحداد، أن المعرض جاهز.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []


def test_candidate_told_with_an_election_of_its_own_runs_in_that_one() -> None:
    text = ("تجري الانتخابات الرئاسية في تونس الشهر المقبل ويتقدم المرشح سامي الحداد. "
            "وفاز كمال منصور في انتخابات بلدية عام 2014.")
    doc = make_doc(text, [("تونس", "LOC"), ("سامي الحداد", "PER"), ("كمال منصور", "PER")],
                   [("الشهر المقبل", "2024-04", "DATE"), ("2014", "2014", "DATE")])
    races = [e for e in run(doc) if e.type == "election"]
    assert [names(doc, e.participants) for e in races] == [["سامي الحداد"], ["كمال منصور"]]


def test_participle_speaks_for_its_sentences_subject() -> None:
    doc = make_doc("وانتقد سامي الحداد عمدة المدينة كمال منصور، قائلا إن أداءه سيء.",
                   [("سامي الحداد", "PER"), ("كمال منصور", "PER")])
    assert _statements(doc) == [("قائلا", ["سامي الحداد"])]
    # a name behind a preposition is no subject
    doc = make_doc("وفي رد على سامي الحداد، انتقد كمال منصور القرار قائلا إنه متسرع.",
                   [("سامي الحداد", "PER"), ("كمال منصور", "PER")])
    assert _statements(doc) == [("قائلا", ["كمال منصور"])]


def test_preposition_on_a_title_governs_the_name_after_it() -> None:
    text = "واتصل الرئيس سامي الحداد بالرئيس الفرنسي كمال منصور، ليجدد موقف بلاده."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("كمال منصور", "PER")])
    assert _statements(doc) == [("يجدد", ["سامي الحداد"])]
    # a title without a preposition leaves its name free
    doc = make_doc("وقال الرئيس الفرنسي كمال منصور إن الاتصال كان مثمرا.", [("كمال منصور", "PER")])
    assert _statements(doc) == [("قال", ["كمال منصور"])]


def test_light_verb_reaches_its_noun_over_a_short_aside_in_brackets() -> None:
    text = "وأطلقت كتائب النصر -الجناح المسلح لحزب الفجر (فجر)- هذه العملية العسكرية ضد المواقع."
    doc = make_doc(text, [("كتائب النصر", "ORG"), ("حزب الفجر", "ORG"), ("فجر", "ORG")])
    (ev,) = [e for e in run(doc) if e.type == "attack"]
    assert ev.trigger.text == "أطلقت" and names(doc, ev.organizers)[0] == "كتائب النصر"
    # a long aside: the verb is too far from the noun to report it
    text = "وأطلقت كتائب النصر (وهي الجناح المسلح لحزب الفجر الذي تأسس قبل سنوات طويلة) هذه العملية العسكرية."
    doc = make_doc(text, [("كتائب النصر", "ORG"), ("حزب الفجر", "ORG")])
    assert "أطلقت" not in [e.trigger.text for e in run(doc)]


def test_masdar_of_a_light_verb_reports_the_noun_after_it() -> None:
    doc = make_doc("وشارك الطلاب أمس في إطلاق حملة تطوعية في تونس.", [("تونس", "LOC")],
                   [("أمس", "2024-03-01", "DATE")])
    (ev,) = run(doc)
    assert ev.type == "campaign" and ev.trigger.text == "إطلاق"
    # وقف إطلاق النار stays one agreement trigger
    doc = make_doc("ودخل وقف إطلاق النار حيز التنفيذ أمس في غزة.", [("غزة", "LOC")], [("أمس", "2024-03-01", "DATE")])
    assert [e.type for e in run(doc)] == ["agreement"]


# -- events v8 ------------------------------------------------------------------------


def test_verb_without_subject_speaks_for_the_person_the_story_turned_to() -> None:
    text = "وقالت ليلى قاسم إن الحل قريب. ولم يعرف بعد برنامج الوزير سامي الحداد في المدينة. " \
           "وصرح أمام الصحفيين أنه سيزور المستشفى."
    doc = make_doc(text, [("ليلى قاسم", "PER"), ("سامي الحداد", "PER")])
    assert _statements(doc) == [("قالت", ["ليلى قاسم"]), ("صرح", ["سامي الحداد"])]
    # no statement before it: the person named last in the sentences just before
    doc = make_doc("وعاد سامي الحداد إلى بيته بعد سنوات. وكان أطفاله ينتظرونه. وقال في مقابلة مع الإذاعة إنه سعيد.",
                   [("سامي الحداد", "PER")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]
    # nobody named in between: the last speaker goes on
    doc = make_doc("وقالت ليلى قاسم إن الحل قريب. ولم يعرف بعد موعد الزيارة. وأضافت أمام الصحفيين أنها متفائلة.",
                   [("ليلى قاسم", "PER")])
    assert _statements(doc) == [("قالت", ["ليلى قاسم"])]


def test_amam_after_a_statement_verb_is_a_preposition_not_an_imam() -> None:
    doc = make_doc("وعاد سامي الحداد إلى المدينة. وقال أمام الصحفيين إن الزيارة ناجحة.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]
    # a title subject still needs a name (someone unnamed speaks)
    doc = make_doc("وعاد سامي الحداد إلى المدينة. وقال إمام المسجد إن الزيارة ناجحة.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []


def test_places_in_brackets_after_a_place_are_where_it_happened() -> None:
    doc = make_doc("وقصف الجيش مواقع المسلحين بجبل الريح (الوادي/الشمال) يوم الأحد.",
                   [("جبل الريح", "LOC"), ("الوادي", "LOC"), ("الشمال", "LOC")])
    (ev,) = run(doc)
    assert names(doc, ev.location) == ["جبل الريح", "الوادي", "الشمال"]
    # an aside that says something else is no place list
    doc = make_doc("وقصف الجيش مواقع المسلحين بجبل الريح (على بعد 20 كلم من الوادي) يوم الأحد.",
                   [("جبل الريح", "LOC"), ("الوادي", "LOC")])
    (ev,) = run(doc)
    assert names(doc, ev.location) == ["جبل الريح"]


def test_holding_someone_responsible_is_a_statement() -> None:
    doc = make_doc('وحمّل الوزير، سامي الحداد الشركة "المسؤولية الكاملة" عن الحادث.', [("سامي الحداد", "PER")])
    assert _statements(doc) == [("حمّل", ["سامي الحداد"])]
    # carrying something is not
    doc = make_doc("وحمل سامي الحداد حقيبته وغادر المطار.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []


def test_abbara_an_with_a_person_after_it_is_a_statement() -> None:
    doc = make_doc("وعبر صاحب السمو الأمير سامي الحداد عن شكره للحكومة.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("عبر", ["سامي الحداد"])]
    # the preposition عبر (through a medium) reports nothing
    doc = make_doc("وعبر منصة الجمعية عن طريق الإنترنت تابع سامي الحداد الجلسة.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []


def test_talaba_with_a_person_after_it_is_a_statement() -> None:
    doc = make_doc("وفي ختام اللقاء طلب جلالة الملك سامي الحداد نقل تحياته إلى الشعب.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("طلب", ["سامي الحداد"])]
    # a request named after a preposition, or of something other than a person, is a noun
    doc = make_doc("وجاء ذلك بناء على طلب الوزير سامي الحداد.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []
    doc = make_doc("وأعلنت الوزارة عن طلب العروض للمشروع.", [("الوزارة", "ORG")])
    assert [t for t, _ in _statements(doc)] == ["أعلنت"]


def test_candidacy_told_after_the_name_makes_a_candidate() -> None:
    text = ("تجري الانتخابات الرئاسية في تونس الشهر المقبل. واختار حزب النور سامي الحداد، الأستاذ السابق، ليكون "
            "مرشحه في السباق. وأعلنت ليلى قاسم التي تقود حزب الأمل عن ترشحها للرئاسة.")
    ents = [("تونس", "LOC"), ("حزب النور", "ORG"), ("سامي الحداد", "PER"), ("ليلى قاسم", "PER"), ("حزب الأمل", "ORG")]
    doc = make_doc(text, ents)
    (ev,) = [e for e in run(doc) if e.type == "election"]
    assert names(doc, ev.participants) == ["سامي الحداد", "ليلى قاسم"]
    # a person whose clause tells of someone else's candidacy does not run
    text = ("تجري الانتخابات الرئاسية في تونس الشهر المقبل. وانتقد سامي الحداد قرار كمال منصور دعم ترشحه.")
    doc = make_doc(text, [("تونس", "LOC"), ("سامي الحداد", "PER"), ("كمال منصور", "PER")])
    (ev,) = [e for e in run(doc) if e.type == "election"]
    assert names(doc, ev.participants) == ["كمال منصور"]


def test_candidates_listed_after_a_pronoun_run() -> None:
    text = ("تجري الانتخابات الرئاسية في تونس الشهر المقبل. ويضاف اثنان من المرشحين، وهما سامي الحداد رئيس "
            "حزب النور وكمال منصور.")
    ents = [("تونس", "LOC"), ("سامي الحداد", "PER"), ("حزب النور", "ORG"), ("كمال منصور", "PER")]
    doc = make_doc(text, ents)
    (ev,) = [e for e in run(doc) if e.type == "election"]
    assert names(doc, ev.participants) == ["سامي الحداد", "كمال منصور"]
    # a list after a pronoun with no candidates counted before it
    doc = make_doc(text.replace("اثنان من المرشحين", "اثنان من الضيوف"), ents)
    (ev,) = [e for e in run(doc) if e.type == "election"]
    assert ev.participants == []


def test_statement_noun_with_a_pronoun_is_the_main_subjects() -> None:
    text = 'وفي كلمة له أمام لافتة كتب عليها "معا للإصلاح"، ركز سامي الحداد على التعليم.'
    doc = make_doc(text, [("سامي الحداد", "PER")])
    assert _statements(doc) == [("كلمة", ["سامي الحداد"])]
    # without the pronoun the talk is someone else's, unnamed
    doc = make_doc(text.replace("كلمة له", "كلمة"), [("سامي الحداد", "PER")])
    assert _statements(doc) == []


def test_the_one_a_report_verb_quotes_speaks() -> None:
    text = "ونقلت وكالة الأنباء عن مسؤول في وزارة الصحة أن المستشفى سيفتتح قريبا."
    doc = make_doc(text, [("وكالة الأنباء", "ORG"), ("وزارة الصحة", "ORG")])
    assert _statements(doc) == [("نقلت", ["وزارة الصحة"])]
    # a source nobody names: no statement to record; a move of something is no report
    doc = make_doc("ونقلت وكالة الأنباء عن مصادر مطلعة أن المستشفى سيفتتح قريبا.", [("وكالة الأنباء", "ORG")])
    assert _statements(doc) == []
    doc = make_doc("ونقلت وزارة الصحة المرضى إلى المستشفى الجديد.", [("وزارة الصحة", "ORG")])
    assert _statements(doc) == []
    # the words told by a noun of their own (عن فلان قوله): that noun reports them
    doc = make_doc("ونقلت وكالة الأنباء عن سامي الحداد قوله إن الوضع مستقر.",
                   [("وكالة الأنباء", "ORG"), ("سامي الحداد", "PER")])
    assert _statements(doc) == [("قوله", ["سامي الحداد"])]


def test_who_issues_a_statement_noun_speaks_not_the_one_it_accuses() -> None:
    text = "أما الوزير سامي الحداد، فأصدر، قبيل الجلسة، بيانا اتهم فيه حزب الأمل بالتحريض."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("حزب الأمل", "ORG")])
    assert _statements(doc) == [("بيانا", ["سامي الحداد"])]
    doc = make_doc("وأصدرت جمعية النور بيانا اتهمت فيه حزب الأمل بالتحريض.",
                   [("جمعية النور", "ORG"), ("حزب الأمل", "ORG")])
    assert _statements(doc) == [("بيانا", ["جمعية النور"])]
    # no verb of issuing: the name after the noun
    doc = make_doc("وجاء في بيان حزب الأمل أن الوضع خطير.", [("حزب الأمل", "ORG")])
    assert _statements(doc) == [("بيان", ["حزب الأمل"])]


def test_a_place_after_a_place_word_is_no_subject_before_the_verb() -> None:
    doc = make_doc("وعقدت جمعية النور مؤتمرا في مدينة الوادي وأعلنت فيه خطة جديدة.",
                   [("جمعية النور", "ORG"), ("الوادي", "LOC")])
    assert _statements(doc) == [("أعلنت", ["جمعية النور"])]
    # a place with no place word before it may still speak
    doc = make_doc("وقالت جمعية النور إن الوضع هادئ. ورفضت تونس وأعلنت خطة جديدة.",
                   [("جمعية النور", "ORG"), ("تونس", "LOC")])
    assert _statements(doc)[-1] == ("أعلنت", ["تونس"])


# -- v9: precision on news outside politics (sport, culture) --------------------------------------------


def test_a_participle_spelt_with_a_pronoun_or_after_a_preposition_is_a_noun() -> None:
    # مضيفه: his host, a noun with a pronoun (the participle مضيفة is spelt with ة)
    doc = make_doc("وفاز نادي الأمل على مضيفه نادي الشرق بهدفين.", [("نادي الأمل", "ORG"), ("نادي الشرق", "ORG")])
    assert _statements(doc) == []
    doc = make_doc("وردت ليلى قاسم على السؤال، مضيفة أن الحل قريب.", [("ليلى قاسم", "PER")])
    assert _statements(doc) == [("مضيفة", ["ليلى قاسم"])]
    # after a verb of being: a predicate (obliged to), no words said
    doc = make_doc("وستكون جمعية النور مطالبة بتقديم تقرير مفصل.", [("جمعية النور", "ORG")])
    assert _statements(doc) == []
    doc = make_doc("وانتقدت جمعية النور القرار، مطالبة بإلغائه.", [("جمعية النور", "ORG")])
    assert _statements(doc) == [("مطالبة", ["جمعية النور"])]


def test_a_feminine_participle_after_an_indefinite_feminine_noun_is_its_adjective() -> None:
    doc = make_doc("واعتزل سامي الحداد بعد رحلة لافتة مع المنتخب.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []
    doc = make_doc("واعتزل سامي الحداد اللعب، لافتا إلى أن الوقت حان.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("لافتا", ["سامي الحداد"])]


def test_a_statement_verb_behind_a_preposition_is_a_noun() -> None:
    doc = make_doc("وانصاع اللاعب لطلب سامي الحداد وترك له الكرة.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []
    doc = make_doc("وطلب سامي الحداد نقل تحياته إلى الوزير.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("طلب", ["سامي الحداد"])]


def test_a_request_to_a_friend_or_relative_is_no_statement() -> None:
    doc = make_doc("وطلب سامي الحداد من صديقه الرسام أن يرسم له صورة.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []
    doc = make_doc("وطلب سامي الحداد من الحكومة أن تتحرك فورا.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("طلب", ["سامي الحداد"])]


def test_a_participle_agrees_in_gender_with_its_subject() -> None:
    ents = [("سامي الحداد", "PER"), ("ليلى قاسم", "PER")]
    doc = make_doc("وهنأ الوزير سامي الحداد الفنانة ليلى قاسم بالجائزة، قائلة إنها فخورة بها.", ents)
    assert _statements(doc) == [("قائلة", ["ليلى قاسم"])]
    doc = make_doc("وهنأ الوزير سامي الحداد الفنانة ليلى قاسم بالجائزة، قائلا إنها تستحقها.", ents)
    assert _statements(doc) == [("قائلا", ["سامي الحداد"])]
    # the gender read off a statement verb elsewhere in the article
    text = "قالت ليلى قاسم إن العرض جاهز. وقال سامي الحداد إنه سعيد. وهنأ سامي الحداد ليلى قاسم، قائلة إنها فخورة."
    doc = make_doc(text, ents)
    _add(doc, "سامي الحداد", "PER", nth=1)
    _add(doc, "ليلى قاسم", "PER", nth=1)
    assert _statements(doc)[-1] == ("قائلة", ["ليلى قاسم"])


def test_a_participle_s_subject_never_follows_it() -> None:
    # the words said are a name in quotes: not the subject, as after a finite verb (ودعت "رابطة الشباب")
    doc = make_doc('ثم دخل مدير الفرقة يهنئها قائلا "نجمة الغناء".', [("نجمة الغناء", "ORG")])
    assert _statements(doc) == []
    doc = make_doc('ثم دخل سامي الحداد يهنئها قائلا "نجمة الغناء".', [("سامي الحداد", "PER"), ("نجمة الغناء", "ORG")])
    assert _statements(doc) == [("قائلا", ["سامي الحداد"])]
    doc = make_doc('ثم دخل مدير الفرقة يهنئها قائلا: مبروك يا سامي الحداد.', [("سامي الحداد", "PER")])
    assert _statements(doc) == []


def test_a_participle_goes_with_the_subject_of_its_own_clause() -> None:
    doc = make_doc("ورحب سامي الحداد بضيفته، لترد عليه منى سالم قائلة إنها سعيدة.",
                   [("سامي الحداد", "PER"), ("منى سالم", "PER")])
    assert _statements(doc) == [("قائلة", ["منى سالم"])]
    # a name in a subordinate clause fronted before the main one is not its subject
    doc = make_doc("وعندما اقترح عليه سامي الحداد السفر، رفض قائلا إنه متعب.", [("سامي الحداد", "PER")])
    assert _statements(doc) == []
    doc = make_doc("وعندما اقترح عليه الطبيب السفر، رفض سامي الحداد قائلا إنه متعب.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("قائلا", ["سامي الحداد"])]


def _types(doc: Document) -> list[str]:
    return [e.type for e in run(doc)]


def test_sport_senses_of_trigger_words_are_no_happenings() -> None:
    ents = [("سامي الحداد", "PER"), ("الوادي", "LOC")]
    # each with a place, so that the happening would be kept if the word were read as one
    for text in ("وسجل سامي الحداد الهدف الثاني من ضربة جزاء في ملعب مدينة الوادي.",
                 "ولعب سامي الحداد في خط الهجوم في مدينة الوادي.",
                 "وسجل سامي الحداد هدفين في الجولة الثالثة في مدينة الوادي.",
                 "وسجل سامي الحداد هدفين في الجولة 35 في مدينة الوادي.",
                 "ويتربع سامي الحداد على قمة الترتيب في مدينة الوادي.",
                 "وحقق سامي الحداد اللقب العاشر في مسيرته في مدينة الوادي.",
                 "ويملك سامي الحداد مسيرة تدريبية طويلة في مدينة الوادي.",
                 "وكانت المباراة تجمع بين سامي الحداد ومنافسه في مدينة الوادي.",
                 "وقلد الطفل سامي الحداد في طريقة احتفاله بالهدف في مدينة الوادي."):
        assert _types(make_doc(text, [x for x in ents if x[0] in text])) == [], text
    for text, typ in (("وقتل سامي الحداد في ضربة جوية على مدينة الوادي.", "attack"),
                      ("وشارك سامي الحداد في مسيرة حاشدة وسط المدينة.", "protest"),
                      ("وتجمع أنصار سامي الحداد أمام البرلمان.", "protest"),
                      ("وحضر سامي الحداد الاحتفال بعيد الاستقلال في مدينة الوادي.", "ceremony")):
        assert _types(make_doc(text, [x for x in ents if x[0] in text])) == [typ], text


def test_words_spelt_apart_from_a_trigger_are_no_happening() -> None:
    # أحياء (districts) normalizes like إحياء (reviving); a letter of protest is no protest
    doc = make_doc("وانتشر الجنود في أحياء مدينة الوادي.", [("الوادي", "LOC")])
    assert _types(doc) == []
    doc = make_doc("وبعث سامي الحداد رسالة احتجاج إلى نظيره.", [("سامي الحداد", "PER")])
    assert _types(doc) == []
    doc = make_doc("وشارك سامي الحداد في احتجاج العمال أمام المصنع.", [("سامي الحداد", "PER")])
    assert _types(doc) == ["protest"]


def test_a_visit_verb_reaching_a_level_is_no_visit() -> None:
    ents = [("سامي الحداد", "PER"), ("الوادي", "LOC")]
    for text in ("ووصل عدد القتلى في مدينة الوادي إلى خمسين.",
                 "ووصل سعر القمح في مدينة الوادي إلى مستوى قياسي.",
                 "وقال سامي الحداد إن التعاون وصل إلى مرحلة غير مسبوقة في مدينة الوادي."):
        assert "visit" not in _types(make_doc(text, [x for x in ents if x[0] in text])), text
    assert _types(make_doc("ووصل سامي الحداد إلى مدينة الوادي في زيارة رسمية.", ents)) == ["visit"]
    # a measure word in another clause of the sentence rules nothing out
    doc = make_doc("وسيصل سامي الحداد الأربعاء، لبدء مرحلة جديدة مع الفريق.", ents[:1])
    assert _types(doc) == ["visit"]


def test_ha_after_a_stem_is_a_pronoun_not_ta_marbuta_with_an_alef() -> None:
    # ضربها (hit it), حملها (carried it): no ضربة, no حملة; the accusative alef never follows ة
    ents = [("سامي الحداد", "PER"), ("الوادي", "LOC"), ("جمعية النور", "ORG")]
    for text in ("وتضررت مدينة الوادي التي ضربها الزلزال.",
                 "وحملها سامي الحداد إلى مدينة الوادي."):
        assert _types(make_doc(text, [x for x in ents if x[0] in text])) == [], text
    doc = make_doc("وأطلقت جمعية النور حملة في مدينة الوادي.", [x for x in ents if x[0] != "سامي الحداد"])
    assert _types(doc) == ["campaign"]


def test_one_of_a_group_as_subject_is_someone_unnamed() -> None:
    doc = make_doc("وعلق أحد الفنانين على ظهور ليلى قاسم: إن صوتها نادر.", [("ليلى قاسم", "PER")])
    assert _statements(doc) == []
    doc = make_doc("وقال بعض أعضاء جمعية النور إن القرار متسرع.", [("جمعية النور", "ORG")])
    assert _statements(doc) == []
    # a person named in the subject speaks
    doc = make_doc("وقال أحد أعضاء الجمعية، سامي الحداد، إن القرار متسرع.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]


# -- events v10 ------------------------------------------------------------------


def test_a_title_in_apposition_after_a_name_is_that_names() -> None:
    # فلان، نائب رئيس النادي، ... تصرف علان: the later وأوضح نائب رئيس النادي is فلان, not علان
    text = ("وأعرب سامي الحداد، نائب رئيس النادي، عن استيائه من تصرف خالد نور. "
            "وأوضح نائب رئيس النادي أن الإدارة ستتحدث معه.")
    doc = make_doc(text, [("سامي الحداد", "PER"), ("خالد نور", "PER")])
    assert all(spk == ["سامي الحداد"] for _, spk in _statements(doc)), _statements(doc)
    # the title in front of the name: the name it introduces holds it
    text = ("والتقى نائب رئيس النادي خالد نور بالمدرب. وأوضح نائب رئيس النادي أن الإدارة ستتحدث معه.")
    doc = make_doc(text, [("خالد نور", "PER")])
    assert _statements(doc) == [("أوضح", ["خالد نور"])]


def test_receiving_migrants_or_a_cost_reaching_a_sum_is_no_happening() -> None:
    ents = [("كولومبيا", "LOC"), ("عمان", "LOC"), ("سامية الحداد", "PER")]
    tmx = [("الأسبوع الماضي", "2024-W10", "DATE")]
    for text in ("والأسبوع الماضي، استقبلت كولومبيا آلاف المهاجرين الفارين من الأزمة.",
                 "ويتوقع أن تصل تكلفة البناء في عمان إلى حدود عالية الأسبوع الماضي."):
        doc = make_doc(text, [x for x in ents if x[0] in text], [x for x in tmx if x[0] in text])
        assert _types(doc) == [], text
    doc = make_doc("والأسبوع الماضي، استقبلت الوزيرة سامية الحداد وفدا من المستثمرين في مكتبها.",
                   [("سامية الحداد", "PER")], tmx)
    assert _types(doc) == ["meeting"]
    doc = make_doc("ويتوقع أن تصل الوزيرة سامية الحداد إلى عمان الأسبوع الماضي.", ents[1:], tmx)
    assert _types(doc) == ["visit"]


def test_a_name_put_before_its_verb_speaks_not_the_one_after() -> None:
    doc = make_doc("الأمم المتحدة تدعو تونس إلى حماية اللاجئين.", [("الأمم المتحدة", "ORG"), ("تونس", "LOC")])
    assert _statements(doc) == [("تدعو", ["الأمم المتحدة"])]
    # a verb opening its clause has its subject after it
    doc = make_doc("وتدعو الأمم المتحدة تونس إلى حماية اللاجئين.", [("الأمم المتحدة", "ORG"), ("تونس", "LOC")])
    assert _statements(doc) == [("تدعو", ["الأمم المتحدة"])]
    # a title's last name on the line above is no subject
    doc = make_doc("ملتقى عن الشباب في تونس\nتدعو جمعية النور إلى الحوار.", [("تونس", "LOC"), ("جمعية النور", "ORG")])
    assert _statements(doc) == [("تدعو", ["جمعية النور"])]


def test_a_verb_after_a_pronoun_complementizer_goes_on_with_the_verb_of_saying() -> None:
    doc = make_doc("وقالت جمعية النور في بيان إنها تدين استهداف موكب سامي الحداد.",
                   [("جمعية النور", "ORG"), ("سامي الحداد", "PER")])
    assert _statements(doc) == [("قالت", ["جمعية النور"])]
    # a named subject after the complementizer says words of its own
    doc = make_doc("وقالت جمعية النور في بيان إن سامي الحداد يدين الاستهداف.",
                   [("جمعية النور", "ORG"), ("سامي الحداد", "PER")])
    assert _statements(doc) == [("قالت", ["جمعية النور"]), ("يدين", ["سامي الحداد"])]


def test_a_place_that_qualifies_a_noun_is_no_speaker_even_as_a_last_resort() -> None:
    doc = make_doc("وسبق أن عمل المدرب في الملاعب السعودية، وقال: الإدارة تعمل بجد.", [("السعودية", "LOC")])
    assert _statements(doc) == []
    doc = make_doc("وكانت السعودية قد أعلنت عن دعمها الكامل للقرار.", [("السعودية", "LOC")])
    assert _statements(doc) == [("أعلنت", ["السعودية"])]
    doc = make_doc("الأوروبيون متمسكون بالاتفاق وإيران تحذر من تداعيات القرار.", [("إيران", "LOC")])
    assert _statements(doc) == [("تحذر", ["إيران"])]


def test_an_event_noun_labelling_a_list_of_names_is_a_role() -> None:
    text = "الدفاع: سامي الحداد - خالد نور\nالهجوم: ليلى قاسم - كمال منصور"
    ents = [("سامي الحداد", "PER"), ("خالد نور", "PER"), ("ليلى قاسم", "PER"), ("كمال منصور", "PER")]
    assert _types(make_doc(text, ents)) == []
    # a colon with no name after it: a heading over what happened
    doc = make_doc("تفاصيل الحادث\nالهجوم: نفذه مسلحون على مدينة الوادي أمس.", [("الوادي", "LOC")],
                   [("أمس", "2024-03-01", "DATE")])
    assert _types(doc) == ["attack"]


def test_a_hedged_present_verb_of_saying_says_nothing_yet() -> None:
    # قد / ربما + the present: he may call; قد + the past: he has called
    for text in ("وقد يدعو سامي الحداد إلى الحوار إذا تحسن الوضع.",
                 "وربما يعلن سامي الحداد ترشحه في الأسابيع المقبلة."):
        assert _statements(make_doc(text, [("سامي الحداد", "PER")])) == [], text
    doc = make_doc("وقد دعا سامي الحداد إلى الحوار.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("دعا", ["سامي الحداد"])]
    doc = make_doc("ويدعو سامي الحداد إلى الحوار.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("يدعو", ["سامي الحداد"])]


def test_teams_meeting_in_a_match_hold_no_meeting() -> None:
    doc = make_doc("ويلتقي في المباراة الأخيرة المغرب مع إسبانيا.", [("المغرب", "LOC"), ("إسبانيا", "LOC")])
    assert _types(doc) == []
    doc = make_doc("ويلتقي الوزير سامي الحداد نظيره خالد نور في عمان غدا.",
                   [("سامي الحداد", "PER"), ("خالد نور", "PER"), ("عمان", "LOC")], [("غدا", "2024-03-02", "DATE")])
    assert _types(doc) == ["meeting"]


def test_opening_branches_is_no_campaign() -> None:
    tmx = [("أمس", "2024-03-01", "DATE")]
    doc = make_doc("ودشنت شركة النور فرعين جديدين في مدينة الوادي أمس.",
                   [("شركة النور", "ORG"), ("الوادي", "LOC")], tmx)
    assert _types(doc) == []
    doc = make_doc("ودشنت شركة النور حملة للتبرع بالدم في مدينة الوادي أمس.",
                   [("شركة النور", "ORG"), ("الوادي", "LOC")], tmx)
    assert _types(doc) == ["campaign"]
    doc = make_doc("ودشن ناشطون وسما للتضامن مع سكان مدينة الوادي أمس.", [("الوادي", "LOC")], tmx)
    assert _types(doc) == ["campaign"]


def test_the_agency_in_an_aside_naming_the_source_is_no_speaker() -> None:
    ents = [("سامي الحداد", "PER"), ("وكالة الأنباء الرسمية", "ORG")]
    text = "وقال سامي الحداد إن الوضع صعب. وأضاف، بحسب ما نقلت عنه وكالة الأنباء الرسمية، أن الحل قريب."
    assert all(spk == ["سامي الحداد"] for _, spk in _statements(make_doc(text, ents)))
    # the agency as the subject of the verb still speaks
    doc = make_doc("وقالت وكالة الأنباء الرسمية إن الحل قريب.", ents[1:])
    assert _statements(doc) == [("قالت", ["وكالة الأنباء الرسمية"])]


def test_a_hadith_narration_is_no_statement() -> None:
    for text, ents in (("وعن أبي هريرة رضي الله عنه قال: قال رسول الله صلى الله عليه وسلم إن الدين يسر.",
                        [("أبي هريرة", "PER")]),
                       ("وقال أبو هريرة رضي الله عنه إن الدين يسر.", [("أبو هريرة", "PER")])):
        assert _statements(make_doc(text, ents)) == [], text
    doc = make_doc("وقال الشيخ سامي الحداد في خطبة الجمعة إن الدين يسر.", [("سامي الحداد", "PER")])
    assert _statements(doc) == [("قال", ["سامي الحداد"])]


def test_a_verb_telling_what_an_issued_statement_said_has_the_issuer_as_speaker() -> None:
    doc = make_doc("وأصدرت نقابة الصيادلة مساء الخميس بيانا طالبت فيه الحكومة بخفض أسعار الأدوية.",
                   [("نقابة الصيادلة", "ORG")], [("مساء الخميس", "2024-05-02TEV", "TIME")])
    assert _statements(doc) == [("طالبت", ["نقابة الصيادلة"])]
    assert [e.time for e in run(doc)] == [["t1"]]  # said when the statement was issued
    # a verb that does not follow the statement noun keeps its own subject
    doc = make_doc("وأصدرت نقابة الصيادلة بيانا. وطالب سمير داود الحكومة بخفض الأسعار.",
                   [("نقابة الصيادلة", "ORG"), ("سمير داود", "PER")])
    assert ("طالب", ["سمير داود"]) in _statements(doc)
