"""Where arguments attach (events v6), one made-up sentence each (positive and negative).

Statements made during a gathering, places after a place word, a round-up's
country headings, the body a gathering belongs to, sources behind a preposition
and the article-wide participation cues only for the article's own gathering.
"""

from __future__ import annotations

from test_cues import make_doc, names, run

from seedx.document import Document
from seedx.record import Event


def _one(doc: Document, type_: str) -> Event:
    found = [e for e in run(doc) if e.type == type_]
    assert len(found) == 1, found
    return found[0]


# -- statements made during a gathering -------------------------------------------


def test_speaker_during_a_visit_takes_part_and_the_statement_is_made_there() -> None:
    doc = make_doc("أعلن الوزير سامي الحداد خلال الزيارة التي يؤديها اليوم إلى مدينة نابلس عن مشاريع جديدة.",
                   [("سامي الحداد", "PER"), ("نابلس", "LOC")], [("اليوم", "2024-03-02", "DATE")])
    visit = _one(doc, "visit")
    assert names(doc, visit.participants) == ["سامي الحداد"]
    said = _one(doc, "statement")
    assert names(doc, said.location) == ["نابلس"] and said.time == visit.time
    # no cue of time between them: a visit the statement talks about, not one it was made during
    doc = make_doc("انتقد الوزير سامي الحداد الزيارة التي يؤديها اليوم وفد أجنبي إلى مدينة نابلس.",
                   [("سامي الحداد", "PER"), ("نابلس", "LOC")], [("اليوم", "2024-03-02", "DATE")])
    assert "سامي الحداد" not in names(doc, _one(doc, "visit").participants)


def test_speaker_of_a_press_conference_he_held_organizes_it() -> None:
    doc = make_doc("وقال العقيد سامي الحداد، خلال ندوة صحفية عقدها صباح اليوم، إن الوضع مستقر.",
                   [("سامي الحداد", "PER")], [("صباح اليوم", "2024-03-02TMO", "TIME")])
    assert names(doc, _one(doc, "conference").organizers) == ["سامي الحداد"]
    doc = make_doc("وقال العقيد سامي الحداد، خلال ندوة علمية صباح اليوم، إن الوضع مستقر.",
                   [("سامي الحداد", "PER")], [("صباح اليوم", "2024-03-02TMO", "TIME")])
    conf = _one(doc, "conference")
    assert names(doc, conf.participants) == ["سامي الحداد"] and conf.organizers == []


# -- places --------------------------------------------------------------------


def test_place_after_a_place_word_belongs_to_the_trigger_before_it() -> None:
    text = "وانطلق ناشطون في مسيرة رمزية في العاصمة عمان باتجاه مقر الحكومة لرفض اتفاقية الغاز."
    doc = make_doc(text, [("عمان", "LOC")])
    assert names(doc, _one(doc, "protest").location) == ["عمان"]
    assert all(not e.location for e in run(doc) if e.type == "agreement")


def test_country_heading_run_into_the_line_is_where_it_happened() -> None:
    doc = make_doc("وجاءت ردود الفعل متباينة.\nلبنان شهدت المخيمات الفلسطينية احتفالات شعبية واسعة.",
                   [("لبنان", "LOC")])
    assert names(doc, _one(doc, "ceremony").location) == ["لبنان"]
    # a town of the line wins over the heading; the heading is never a participant
    doc = make_doc("وجاءت ردود الفعل متباينة.\nاليمن تظاهر مئات الطلاب في مدينة تعز.",
                   [("اليمن", "LOC"), ("تعز", "LOC")])
    march = _one(doc, "protest")
    assert names(doc, march.location) == ["تعز"] and march.participants == []
    # a place in the middle of a line is no heading
    doc = make_doc("وذكرت تقارير أن لبنان شهدت المخيمات احتفالات شعبية.", [("لبنان", "LOC")])
    assert all(not e.location for e in run(doc))


# -- organizers and participants ---------------------------------------------------


def test_body_a_gathering_belongs_to_organizes_it() -> None:
    doc = make_doc("افتتحت القمة السنوية لمنظمة التعاون الإقليمي أعمالها اليوم في عمان.",
                   [("منظمة التعاون الإقليمي", "ORG"), ("عمان", "LOC")])
    assert names(doc, _one(doc, "conference").organizers) == ["منظمة التعاون الإقليمي"]
    doc = make_doc("عقدت الهيئة المديرة لمهرجان الربيع ندوة صحفية اليوم.", [("مهرجان الربيع", "MISC")])
    assert names(doc, _one(doc, "conference").organizers) == ["مهرجان الربيع"]
    # a body the gathering is about, behind a topic word, holds nothing
    doc = make_doc("وتناولت القمة السنوية لدعم منظمة التعاون الإقليمي اليوم ملفات عدة.",
                   [("منظمة التعاون الإقليمي", "ORG")], [("اليوم", "2024-03-02", "DATE")])
    assert _one(doc, "conference").organizers == []


def test_source_behind_its_own_preposition_is_no_participant() -> None:
    doc = make_doc("وصرح الوزير يوم الأحد خلال لقاء مع طلاب الجامعة نقلا عن وكالة الأنباء الوطنية بأن الأسعار سترتفع.",
                   [("وكالة الأنباء الوطنية", "ORG")], [("يوم الأحد", "2024-03-03", "DATE")])
    assert _one(doc, "meeting").participants == []
    doc = make_doc("عقد الوزير لقاء مع وكالة الأنباء الوطنية اليوم.", [("وكالة الأنباء الوطنية", "ORG")])
    assert names(doc, _one(doc, "meeting").participants) == ["وكالة الأنباء الوطنية"]


def test_article_wide_cues_only_for_the_article_s_own_gathering() -> None:
    text = ("خرجت مسيرة حاشدة في مدينة تعز رفضا للقرار.\nوشهدت المدينة مساء اليوم احتفالات شعبية. "
            "وجاء ذلك بدعوة من نقابة المعلمين.")
    tmx = [("مساء اليوم", "2024-03-02TEV", "TIME")]
    doc = make_doc(text, [("تعز", "LOC"), ("نقابة المعلمين", "ORG")], tmx)
    assert _one(doc, "ceremony").organizers == []
    text = "انطلقت مساء اليوم احتفالات شعبية في مدينة تعز.\nوجاء ذلك بدعوة من نقابة المعلمين."
    doc = make_doc(text, [("تعز", "LOC"), ("نقابة المعلمين", "ORG")], tmx)
    assert names(doc, _one(doc, "ceremony").organizers) == ["نقابة المعلمين"]


# -- visits and attacks ------------------------------------------------------------


def test_visitor_after_the_visit_noun_and_the_host_who_invited_take_part() -> None:
    text = "بدأت اليوم زيارة صاحب السمو الأمير سامي الحداد إلى مدينة عمان تلبية لدعوة من الملك عادل النمر."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("عمان", "LOC"), ("عادل النمر", "PER")],
                   [("اليوم", "2024-03-02", "DATE")])
    visit = _one(doc, "visit")
    assert names(doc, visit.participants) == ["سامي الحداد", "عادل النمر"] and visit.organizers == []
    # a name behind a preposition after the noun is not the visitor
    doc = make_doc("بدأت اليوم زيارة الوفد إلى مكتب سامي الحداد في مدينة عمان.",
                   [("سامي الحداد", "PER"), ("عمان", "LOC")], [("اليوم", "2024-03-02", "DATE")])
    assert _one(doc, "visit").participants == []


def test_site_right_after_an_attack_verb_is_where_it_struck() -> None:
    doc = make_doc("وقصفت طائرات حربية محطة كهرباء الشمال فجر اليوم.", [("محطة كهرباء الشمال", "LOC")])
    strike = _one(doc, "attack")
    assert names(doc, strike.location) == ["محطة كهرباء الشمال"] and strike.organizers == []
    # a country right after the verb carries the attack out
    doc = make_doc("وقصفت دولة الجوار مواقع حدودية فجر اليوم.", [("دولة الجوار", "LOC")])
    assert names(doc, _one(doc, "attack").organizers) == ["دولة الجوار"]


def test_a_person_s_first_names_stand_for_the_full_name() -> None:
    text = ("بدأت اليوم زيارة الأمير سامي بن عادل بن فهد إلى عمان.\n"
            "وقال الأمير سامي بن عادل بن فهد آل نمر إن العلاقات متينة.")
    doc = make_doc(text, [("سامي بن عادل بن فهد", "PER"), ("عمان", "LOC")], [("اليوم", "2024-03-02", "DATE")])
    full = "سامي بن عادل بن فهد آل نمر"
    a = text.index(full)
    doc.entities.append(doc.entities[0].model_copy(update={"id": "e3", "start": a, "end": a + len(full),
                                                           "text": full, "canonical": full}))
    assert names(doc, _one(doc, "visit").participants) == ["سامي بن عادل بن فهد آل نمر"]


# -- coreference ---------------------------------------------------------------------


def test_a_definite_noun_referring_back_brings_only_the_times_next_to_it() -> None:
    text = ("وشنت طائرات حربية غارات على منزل عادل النمر في مدينة رفح يوم الأحد. وبعد أسبوع من الغارات عاد "
            "سامي الحداد برفقة عائلته الكبيرة وأصدقائه القدامى إلى مدينة خانيونس يوم الاثنين.")
    tmx = [("يوم الأحد", "2024-03-03", "DATE"), ("يوم الاثنين", "2024-03-11", "DATE")]
    ents = [("عادل النمر", "PER"), ("رفح", "LOC"), ("سامي الحداد", "PER"), ("خانيونس", "LOC")]
    doc = make_doc(text, ents, tmx)
    first = next(e for e in run(doc) if e.type == "attack")
    assert names(doc, first.location) == ["رفح"] and names(doc, first.participants) == ["عادل النمر"]
    assert first.time == ["t1"]
    # the event had no place yet: the later mention's clause gives it one
    text = "وتواصلت الغارات يوم الأحد. واستهدفت الغارات مدينة رفح."
    doc = make_doc(text, [("رفح", "LOC")], [("يوم الأحد", "2024-03-03", "DATE")])
    assert names(doc, next(e for e in run(doc) if e.type == "attack").location) == ["رفح"]


def test_a_bracketed_aside_does_not_cut_a_place_off_its_trigger() -> None:
    text = "يستعد المرشحون لانتخابات مجلس الشورى (البرلمان) في الأردن، قبل افتتاح مشروع الميناء الجديد."
    doc = make_doc(text, [("مجلس الشورى", "ORG"), ("الأردن", "LOC")])
    found = {e.type: names(doc, e.location) for e in run(doc)}
    assert found.get("election") == ["الأردن"] and not found.get("ceremony")


def test_a_heading_is_no_place_of_a_happening_the_line_recalls() -> None:
    tmx = [("فجر اليوم", "2024-03-02TMO", "TIME")]
    text = "وجاءت ردود الفعل متباينة.\nمصر ثمنت الأحزاب المصرية الهجوم الذي نفذته المقاومة فجر اليوم."
    doc = make_doc(text, [("مصر", "LOC")], tmx)
    assert all(not e.location for e in run(doc))
    text = "وجاءت ردود الفعل متباينة.\nمصر شهدت المدن المصرية هجوما نفذته المقاومة فجر اليوم."
    doc = make_doc(text, [("مصر", "LOC")], tmx)
    assert names(doc, _one(doc, "attack").location) == ["مصر"]


# -- speakers --------------------------------------------------------------------


def test_the_one_a_report_quotes_speaks_not_the_reporter() -> None:
    doc = make_doc("ونقلت وكالة الأنباء الوطنية عن سامي الحداد قوله إن المفاوضات متعثرة.",
                   [("وكالة الأنباء الوطنية", "ORG"), ("سامي الحداد", "PER")])
    assert [names(doc, [e.speaker]) for e in run(doc) if e.type == "statement"] == [["سامي الحداد"]]
    # sources it does not name: the agency is all the article gives
    doc = make_doc("ونقلت وكالة الأنباء الوطنية عن مصادر مقربة من سامي الحداد قولها إن المفاوضات متعثرة.",
                   [("وكالة الأنباء الوطنية", "ORG"), ("سامي الحداد", "PER")])
    assert [names(doc, [e.speaker]) for e in run(doc) if e.type == "statement"] == [["وكالة الأنباء الوطنية"]]


def test_a_statement_is_dated_and_placed_before_what_is_said() -> None:
    tmx = [("يوم الأحد", "2024-03-03", "DATE"), ("مارس الماضي", "2024-03", "DATE")]
    doc = make_doc("وأكدت اللجنة الوطنية يوم الأحد أنها حددت مارس الماضي موعدا للتسجيل.",
                   [("اللجنة الوطنية", "ORG")], tmx)
    assert _one(doc, "statement").time == ["t1"]
    doc = make_doc("وقال سامي الحداد أمام حشد من أنصار الحزب في مدينة إربد إن الحملة بدأت.",
                   [("سامي الحداد", "PER"), ("إربد", "LOC")])
    assert names(doc, _one(doc, "statement").location) == ["إربد"]
    # a place inside what is said is not where it was said
    doc = make_doc("وقال سامي الحداد أمام حشد من أنصار الحزب إن الحملة بدأت في مدينة إربد.",
                   [("سامي الحداد", "PER"), ("إربد", "LOC")])
    assert _one(doc, "statement").location == []


def test_unnamed_people_as_subject_make_no_statement() -> None:
    doc = make_doc("تعقد القمة في عمان. ويقول خبراء إن القمة ستدعو إلى الحوار.", [("عمان", "LOC")])
    assert [e for e in run(doc) if e.type == "statement"] == []
    doc = make_doc("وقال مسؤول في وزارة الخارجية إن المحادثات جيدة.", [("وزارة الخارجية", "ORG")])
    assert [e for e in run(doc) if e.type == "statement"] == []
    # a named subject after the verb still speaks
    doc = make_doc("ويقول الخبير سامي الحداد إن القمة ستدعو إلى الحوار.", [("سامي الحداد", "PER")])
    assert [names(doc, [e.speaker]) for e in run(doc) if e.type == "statement"] == [["سامي الحداد"]]


def test_places_joined_to_a_place_are_places_too() -> None:
    text = "واختتم الأهالي اليوم احتفالاتهم بالذكرى السادسة للثورة في مدن نابلس وجنين وطولكرم."
    doc = make_doc(text, [("نابلس", "LOC"), ("جنين", "LOC"), ("طولكرم", "LOC")], [("اليوم", "2024-03-02", "DATE")])
    assert names(doc, _one(doc, "ceremony").location) == ["نابلس", "جنين", "طولكرم"]
    # a place joined after a word is no part of the list
    text = "واختتم الأهالي اليوم احتفالاتهم في مدينة نابلس ووفد من جنين."
    doc = make_doc(text, [("نابلس", "LOC"), ("جنين", "LOC")], [("اليوم", "2024-03-02", "DATE")])
    assert names(doc, _one(doc, "ceremony").location) == ["نابلس"]


def test_sides_of_a_meeting_follow_its_trigger_closely() -> None:
    doc = make_doc("عقد مجلس الأمن اليوم جلسة طارئة لبحث الوضع المتدهور على الحدود بين لبنان وإسرائيل.",
                   [("مجلس الأمن", "ORG"), ("لبنان", "LOC"), ("إسرائيل", "LOC")], [("اليوم", "2024-03-02", "DATE")])
    assert _one(doc, "meeting").participants == []
    doc = make_doc("وعقد اليوم لقاء ثنائي بين لبنان وإسرائيل.", [("لبنان", "LOC"), ("إسرائيل", "LOC")],
                   [("اليوم", "2024-03-02", "DATE")])
    assert names(doc, _one(doc, "meeting").participants) == ["لبنان", "إسرائيل"]


def test_a_body_announcing_an_attack_carries_it_out() -> None:
    doc = make_doc("أعلنت حركة التحرير الشعبية اليوم تنفيذ 3 عمليات عسكرية ضد مواقع للجيش.",
                   [("حركة التحرير الشعبية", "ORG")], [("اليوم", "2024-03-02", "DATE")])
    assert names(doc, _one(doc, "attack").organizers) == ["حركة التحرير الشعبية"]
    # a body that reports an attack on others does not carry it out
    doc = make_doc("أعلنت حركة التحرير الشعبية اليوم إدانة 3 عمليات عسكرية ضد مواقع للجيش.",
                   [("حركة التحرير الشعبية", "ORG")], [("اليوم", "2024-03-02", "DATE")])
    assert _one(doc, "attack").organizers == []


def test_a_gathering_fronted_before_the_statement_verb() -> None:
    march = "خرجت مسيرة حاشدة في مدينة تعز. "
    ents = [("تعز", "LOC"), ("سامي الحداد", "PER")]
    tmx = [("يوم الجمعة", "2024-03-01", "DATE")]
    doc = make_doc(march + "وخلال مؤتمر صحفي يوم الجمعة، قال سامي الحداد إن المحادثات جيدة.", ents, tmx)
    assert names(doc, _one(doc, "conference").participants) == ["سامي الحداد"]
    # after the gathering, not during it
    doc = make_doc(march + "وبعد مؤتمر صحفي يوم الجمعة، قال سامي الحداد إن المحادثات جيدة.", ents, tmx)
    assert _one(doc, "conference").participants == []


def test_an_unnamed_title_followed_by_a_name_still_speaks() -> None:
    doc = make_doc("وقال مسؤول في الوزارة، سامي الحداد، إن المحادثات جيدة.",
                   [("الوزارة", "ORG"), ("سامي الحداد", "PER")])
    assert [names(doc, [e.speaker]) for e in run(doc) if e.type == "statement"] == [["سامي الحداد"]]


def test_a_body_repeated_by_its_head_noun_speaks() -> None:
    text = ("أصدر مركز النور للدراسات تقريره السنوي بمعادلة من هيئة الإحصاء. "
            "ووثق المركز 40 انتهاكا خلال الشهر الماضي.")
    doc = make_doc(text, [("مركز النور للدراسات", "ORG"), ("هيئة الإحصاء", "ORG")])
    assert [names(doc, [e.speaker]) for e in run(doc) if e.type == "statement"] == [["مركز النور للدراسات"]]
    # the head goes on with an adjective of its own: another body, unnamed
    text = "أصدر مركز النور للدراسات تقريره السنوي. ووثق المركز الوطني 40 انتهاكا خلال الشهر الماضي."
    doc = make_doc(text, [("مركز النور للدراسات", "ORG")])
    assert [e for e in run(doc) if e.type == "statement"] == []
