"""Where arguments attach (events v6), one made-up sentence each (positive and negative).

Statements made during a gathering, places after a place word, a round-up's
country headings, the body a gathering belongs to, sources behind a preposition
and the article-wide participation cues only for the article's own gathering.
"""

from __future__ import annotations

from test_cues import make_doc, names, run

from seedx.document import Document
from seedx.record import Entity, Event


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


# -- events v7 ------------------------------------------------------------------


def test_mentions_of_one_sentence_are_matched_to_earlier_happenings_together() -> None:
    text = ("وشنت الطائرات غارات على مدينة نابلس في العاشر من الشهر. "
            "واستشهد خلال ذلك مدني في قصف استهدف منزله في بلدة الزهراء في العشرين من الشهر.")
    tmx = [("العاشر من الشهر", "2024-03-10", "DATE"), ("العشرين من الشهر", "2024-03-20", "DATE")]
    doc = make_doc(text, [("نابلس", "LOC"), ("الزهراء", "LOC")], tmx)
    strikes = [e for e in run(doc) if e.type == "attack"]
    assert [e.time for e in strikes] == [["t1"], ["t2"]]
    assert names(doc, strikes[1].location) == ["الزهراء"]
    # a first mention with nothing of its own, no date in its sentence: the same strikes told again
    text = ("وشنت الطائرات غارات على مدينة نابلس في العاشر من الشهر. "
            "وقالت مصادر إنها نفذت غارات استهدفت مواقع في بلدة الزهراء.")
    doc = make_doc(text, [("نابلس", "LOC"), ("الزهراء", "LOC")], tmx[:1])
    (strikes,) = [e for e in run(doc) if e.type == "attack"]
    assert names(doc, strikes.location) == ["نابلس", "الزهراء"]


def test_noun_with_the_in_a_sentence_keeps_a_new_indefinite_one_apart() -> None:
    text = ("ويعقد المنتدى بين الجانبين في يونيو المقبل. "
            "ولم يحدد جدول هذا المنتدى بعد، وفي منتدى سابق في أبريل الماضي اتفق الجانبان على التعاون.")
    doc = make_doc(text, tmx=[("يونيو المقبل", "2024-06", "DATE"), ("أبريل الماضي", "2024-04", "DATE")])
    summits = [e for e in run(doc) if e.type == "conference"]
    assert [e.time for e in summits] == [["t1"], ["t2"]] and summits[1].trigger.text == "منتدى"


def test_statement_takes_time_and_place_only_from_a_gathering_told_with_it() -> None:
    text = "وعقدت اللجنة اجتماعا مغلقا مساء الاثنين في جنيف. وحذر سامي الحداد خلال الاجتماع من تفاقم الأزمة."
    doc = make_doc(text, [("اللجنة", "ORG"), ("جنيف", "LOC"), ("سامي الحداد", "PER")],
                   [("مساء الاثنين", "2024-03-04TEV", "TIME")])
    said = _one(doc, "statement")
    assert said.time == [] and said.location == []
    assert "سامي الحداد" in names(doc, _one(doc, "meeting").participants)


def test_date_that_names_an_event_noun_is_its_time() -> None:
    doc = make_doc("وارتفعت الأسعار في يونيو الماضي بعد احتجاجات 2019.", [],
                   [("يونيو الماضي", "2024-06", "DATE"), ("2019", "2019", "DATE")])
    assert _one(doc, "protest").time == ["t2"]
    # dates joined to the first stay with it; a date behind a preposition is no naming date
    doc = make_doc("ويبقى موعد القمة المنتظرة هذا الشهر أو في يونيو بين البلدين محل نقاش يوم الأحد.", [],
                   [("هذا الشهر", "2024-05", "DATE"), ("يونيو", "2024-06", "DATE"),
                    ("يوم الأحد", "2024-05-05", "DATE")])
    assert _one(doc, "conference").time == ["t1", "t2"]
    doc = make_doc("وتظاهر المئات أمام البرلمان في عمان يوم الجمعة.", [("عمان", "LOC")],
                   [("يوم الجمعة", "2024-03-01", "DATE")])
    assert _one(doc, "protest").time == ["t1"]


def test_organizer_is_not_also_a_participant() -> None:
    text = "نظمت جمعية النور حفلا تكريميا في عمان. وجرى الحفل بحضور جمعية النور ونادي الفكر."
    doc = make_doc(text, [("جمعية النور", "ORG"), ("نادي الفكر", "ORG")])
    a = text.rindex("جمعية النور")  # the host named again, a mention of its own
    doc.entities.append(doc.entities[0].model_copy(update={"id": "e3", "start": a, "end": a + len("جمعية النور")}))
    doc.entities.sort(key=lambda e: e.start)
    party = _one(doc, "ceremony")
    assert names(doc, party.organizers) == ["جمعية النور"] and names(doc, party.participants) == ["نادي الفكر"]


def test_who_arrests_takes_part_and_organizes_nothing() -> None:
    doc = make_doc("واعتقلت الشرطة الصحفي سامي الحداد في نابلس.",
                   [("الشرطة", "ORG"), ("سامي الحداد", "PER"), ("نابلس", "LOC")])
    arrest = _one(doc, "attack")
    assert arrest.organizers == [] and set(names(doc, arrest.participants)) == {"الشرطة", "سامي الحداد"}
    doc = make_doc("وشنت قوات الجيش هجوما على نابلس.", [("قوات الجيش", "ORG"), ("نابلس", "LOC")])
    assert names(doc, _one(doc, "attack").organizers) == ["قوات الجيش"]


def test_subject_of_qaama_carries_out_the_noun_it_takes_with_bi() -> None:
    doc = make_doc("وذكرت الرابطة قيام الشرطة البلدية باعتقال الناشط سامي الحداد.",
                   [("الشرطة البلدية", "ORG"), ("سامي الحداد", "PER")])
    assert "الشرطة البلدية" in names(doc, _one(doc, "attack").participants)
    doc = make_doc("وأوضح أن الجيش قام أيضا بقصف مواقع في الوادي.", [("الجيش", "ORG")])
    assert names(doc, _one(doc, "attack").organizers) == ["الجيش"]
    # the noun ب governs is not the event (قامت الحكومة بتسهيل زيارة الوفد): no agent of the visit
    doc = make_doc("وقامت الحكومة بتسهيل زيارة الوزير سامي الحداد إلى عمان.",
                   [("الحكومة", "ORG"), ("سامي الحداد", "PER"), ("عمان", "LOC")])
    visit = _one(doc, "visit")
    assert "الحكومة" not in names(doc, visit.participants + visit.organizers)


def test_body_in_a_speakers_title_is_not_a_participant() -> None:
    text = "انطلق مؤتمر الأفق في تونس. وألقى أمين عام رابطة المدن سامي الحداد كلمة في الافتتاح."
    doc = make_doc(text, [("تونس", "LOC"), ("رابطة المدن", "ORG"), ("سامي الحداد", "PER")])
    assert names(doc, _one(doc, "conference").participants) == ["سامي الحداد"]
    doc = make_doc("انطلق مؤتمر الأفق في تونس بمشاركة رابطة المدن.", [("تونس", "LOC"), ("رابطة المدن", "ORG")])
    assert names(doc, _one(doc, "conference").participants) == ["رابطة المدن"]


def test_words_said_through_a_medium_are_not_said_at_the_gathering() -> None:
    text = "انطلق مؤتمر الأفق في تونس. وقال سامي الحداد لوكالة الأنباء إن الحوار ضروري."
    doc = make_doc(text, [("تونس", "LOC"), ("سامي الحداد", "PER")])
    assert _one(doc, "conference").participants == []
    doc = make_doc(text.replace(" لوكالة الأنباء", ""), [("تونس", "LOC"), ("سامي الحداد", "PER")])
    assert names(doc, _one(doc, "conference").participants) == ["سامي الحداد"]


def test_happening_of_a_kind_told_again_for_the_same_day_is_one() -> None:
    text = ("وأحصت البلدية الأضرار بعد غارات جوية يوم الأحد. "
            "وقال السكان إن الهدوء عاد، منذ هجوم الطائرات على مدينة درنة يوم الأحد.")
    tmx = [("يوم الأحد", "2024-03-03", "DATE")]
    doc = make_doc(text, [("البلدية", "ORG"), ("درنة", "LOC")], tmx)
    a = text.rindex("يوم الأحد")
    doc.timexes.append(doc.timexes[0].model_copy(update={"id": "t2", "start": a, "end": a + len("يوم الأحد")}))
    (strike,) = [e for e in run(doc) if e.type == "attack"]
    assert names(doc, strike.location) == ["درنة"]
    # another day: another strike
    doc.timexes[1] = doc.timexes[1].model_copy(update={"value": "2024-03-05"})
    assert len([e for e in run(doc) if e.type == "attack"]) == 2


def test_who_calls_people_to_a_happening_organizes_it() -> None:
    doc = make_doc("ودعت جمعية النور إلى وقفة أمام الوزارة مساء اليوم.", [("جمعية النور", "ORG")],
                   [("مساء اليوم", "2024-03-02TEV", "TIME")])
    assert names(doc, _one(doc, "protest").organizers) == ["جمعية النور"]
    # a call to something else, the happening further on, is no call to it
    doc = make_doc("ودعت جمعية النور إلى الهدوء بعد انتهاء الوقفة أمام الوزارة مساء اليوم.", [("جمعية النور", "ORG")],
                   [("مساء اليوم", "2024-03-02TEV", "TIME")])
    assert _one(doc, "protest").organizers == []


def test_same_word_for_a_happening_somewhere_else_is_another_one() -> None:
    text = "وشهدت صفاقس وقفة احتجاجية في ساحة الشهداء. وفي تونس شارك طلاب في وقفة أمام الوزارة في باردو."
    doc = make_doc(text, [("صفاقس", "LOC"), ("ساحة الشهداء", "LOC"), ("تونس", "LOC"), ("باردو", "LOC")])
    stands = [e for e in run(doc) if e.type == "protest"]
    assert [names(doc, e.location) for e in stands] == [["ساحة الشهداء"], ["باردو"]]
    # the same place: the same stand told again
    doc = make_doc("وشهدت صفاقس وقفة احتجاجية في ساحة الشهداء. وشارك المئات في وقفة في ساحة الشهداء.",
                   [("صفاقس", "LOC"), ("ساحة الشهداء", "LOC")])
    a = doc.raw.rindex("ساحة الشهداء")
    doc.entities.append(doc.entities[1].model_copy(update={"id": "e3", "start": a, "end": a + len("ساحة الشهداء")}))
    assert len([e for e in run(doc) if e.type == "protest"]) == 1


def test_a_gathering_still_to_come_takes_in_no_happening_going_on_now() -> None:
    text = ("ويعقد الملتقى المنتظر بين الوفدين الأسبوع المقبل في جنيف. "
            "ويؤدي الوزير سامي الحداد حاليا زيارة إلى روما.")
    doc = make_doc(text, [("جنيف", "LOC"), ("سامي الحداد", "PER"), ("روما", "LOC")],
                   [("الأسبوع المقبل", "2024-W11", "DATE")], published="2024-03-04")
    assert names(doc, _one(doc, "visit").location) == ["روما"]
    # a session announced for later is part of it
    doc = make_doc("ويعقد الملتقى المنتظر بين الوفدين الأسبوع المقبل في جنيف. وستعقد جلسة مغلقة في اليوم الأول.",
                   [("جنيف", "LOC")], [("الأسبوع المقبل", "2024-W11", "DATE")], published="2024-03-04")
    assert [e.type for e in run(doc)] == ["conference"]


def test_date_inside_the_words_quoted_does_not_date_the_happening() -> None:
    text = 'وقال الوزير سامي الحداد، خلال مؤتمر صحفي عقده اليوم، "إن الوزارة بدأت سنة 2010 خطتها".'
    doc = make_doc(text, [("سامي الحداد", "PER")], [("اليوم", "2024-03-02", "DATE"), ("2010", "2010", "DATE")])
    assert _one(doc, "conference").time == ["t1"]
    # a date after a quoted name is outside the quotes
    doc = make_doc('وتزامن ذلك مع "منتدى الشباب" الذي عقد في الرباط أمس.', [("الرباط", "LOC")],
                   [("أمس", "2024-03-01", "DATE")])
    assert _one(doc, "conference").time == ["t1"]


def test_places_joined_by_a_slash_are_one_list() -> None:
    doc = make_doc("واختتمت الرابطة مؤتمرها الرابع في مدينة ميلانو/إيطاليا بمشاركة واسعة.",
                   [("الرابطة", "ORG"), ("ميلانو", "LOC"), ("إيطاليا", "LOC")])
    assert names(doc, _one(doc, "conference").location) == ["ميلانو", "إيطاليا"]
    # a person after the slash is no place of it
    doc = make_doc("وانطلق المؤتمر في ميلانو/سامي الحداد.", [("ميلانو", "LOC"), ("سامي الحداد", "PER")])
    assert names(doc, _one(doc, "conference").location) == ["ميلانو"]


def test_preposition_letter_kept_on_a_place_name_governs_it() -> None:
    text = "وعقد الوزير سامي الحداد مؤتمرا صحفيا اليوم بالميناء القديم ببنزرت."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("الميناء القديم", "LOC"), ("بنزرت", "LOC")],
                   [("اليوم", "2024-03-02", "DATE")])
    assert names(doc, _one(doc, "conference").location) == ["الميناء القديم", "بنزرت"]
    # a name that itself begins with the letter is not governed by it
    doc = make_doc("وعقد الوزير سامي الحداد مؤتمرا صحفيا اليوم وبنزرت حاضرة.",
                   [("سامي الحداد", "PER"), ("بنزرت", "LOC")], [("اليوم", "2024-03-02", "DATE")])
    assert _one(doc, "conference").location == []


def test_a_clause_of_its_own_after_the_trigger_tells_of_something_else() -> None:
    text = "واعتقل سامي الحداد في ميناء صور في مايو 2017، بينما كان عائدا إلى بيروت."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("ميناء صور", "LOC"), ("بيروت", "LOC")],
                   [("مايو 2017", "2017-05", "DATE")])
    assert names(doc, _one(doc, "attack").location) == ["ميناء صور"]
    doc = make_doc("واعتقل سامي الحداد في ميناء صور وهو في طريقه إلى بيروت.",
                   [("سامي الحداد", "PER"), ("ميناء صور", "LOC"), ("بيروت", "LOC")])
    assert names(doc, _one(doc, "attack").location) == ["ميناء صور", "بيروت"]


def test_place_in_a_relative_clause_on_the_speaker_is_not_where_he_spoke() -> None:
    doc = make_doc("وقال الباحث، الذي عمل سنوات في دمشق سامي الحداد، إن الوضع هادئ.",
                   [("دمشق", "LOC"), ("سامي الحداد", "PER")])
    said = _one(doc, "statement")
    assert names(doc, [said.speaker]) == ["سامي الحداد"] and said.location == []
    # a relative clause on the setting keeps its place
    doc = make_doc("وقال سامي الحداد أمام جمع من مؤيديه الذين احتشدوا في دمشق إن الوضع هادئ.",
                   [("سامي الحداد", "PER"), ("دمشق", "LOC")])
    assert names(doc, _one(doc, "statement").location) == ["دمشق"]


def test_places_listed_after_min_bainiha_are_where_it_happens() -> None:
    text = "ونظمت النقابات مسيرات في مدن عدة ومن بينها، تونس وصفاقس وسوسة."
    doc = make_doc(text, [("تونس", "LOC"), ("صفاقس", "LOC"), ("سوسة", "LOC")])
    assert names(doc, _one(doc, "protest").location) == ["تونس", "صفاقس", "سوسة"]
    # a place named in passing, no list opened before it
    doc = make_doc("ونظمت النقابات مسيرات أمس ترفع أعلام تونس.", [("تونس", "LOC")], [("أمس", "2024-03-01", "DATE")])
    assert _one(doc, "protest").location == []


def test_name_a_relative_clause_hangs_on_is_the_verbs_object_pronoun() -> None:
    doc = make_doc("وسامي الحداد، الذي اعتقلته الشرطة قبل عامين، أفرج عنه اليوم.",
                   [("سامي الحداد", "PER"), ("الشرطة", "ORG")])
    assert set(names(doc, _one(doc, "attack").participants)) == {"سامي الحداد", "الشرطة"}
    # no pronoun on the verb: the name before is its subject, not what befell it
    doc = make_doc("والشرطة، التي اعتقلت سامي الحداد قبل عامين، تنفي ذلك.", [("الشرطة", "ORG"), ("سامي الحداد", "PER")])
    ev = _one(doc, "attack")
    assert "سامي الحداد" in names(doc, ev.participants)


def test_topic_set_up_by_amma_is_the_subject_of_the_verb_after_fa() -> None:
    doc = make_doc("أما سامي الحداد (وهو أستاذ جامعي) فاعتقل قبل شهر في ميناء صور.",
                   [("سامي الحداد", "PER"), ("ميناء صور", "LOC")])
    assert names(doc, _one(doc, "attack").participants) == ["سامي الحداد"]
    # a sentence between them: another clause
    doc = make_doc("أما سامي الحداد فغادر البلاد. فاعتقل الأمن صحفيا في ميناء صور.",
                   [("سامي الحداد", "PER"), ("ميناء صور", "LOC")])
    assert _one(doc, "attack").participants == []


def test_years_of_someones_age_are_no_date() -> None:
    text = "واعتقل سامي الحداد (وهو في الستينيات من عمره) في ميناء صور في مايو 2017."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("ميناء صور", "LOC")],
                   [("الستينيات", "196", "DATE"), ("مايو 2017", "2017-05", "DATE")])
    assert _one(doc, "attack").time == ["t2"]
    doc = make_doc("واعتقل سامي الحداد في الستينيات من القرن الماضي.", [("سامي الحداد", "PER")],
                   [("الستينيات", "196", "DATE")])
    assert _one(doc, "attack").time == ["t1"]


def test_time_halfway_between_two_triggers_is_the_earlier_ones() -> None:
    text = "وأقيم للوزير حفل في القصر الكبير ، مساء الاثنين ، في أول زيارته إلى عمان."
    doc = make_doc(text, [("عمان", "LOC")], [("مساء", "2024-03-07TEV", "TIME")])
    assert {e.type: e for e in run(doc)}["ceremony"].time == ["t1"]
    # nearer the later trigger: not the earlier one's
    doc = make_doc("وأقيم للوزير حفل في القصر ، في أول أيام مساء زيارته إلى عمان.",
                   [("عمان", "LOC")], [("مساء", "2024-03-07TEV", "TIME")])
    evs = {e.type: e for e in run(doc)}
    assert evs["visit"].time == ["t1"] and "ceremony" not in evs


# -- events v8 ------------------------------------------------------------------


def test_masdar_after_tamma_reports_a_new_happening() -> None:
    text = "قصف الجيش مواقع المسلحين في بلدة الوادي خلال شهر مارس. وأوضح الناطق أنه تم يوم 12 مارس الاشتباك " \
           "مع مجموعة مسلحة في قرية النخيل."
    ents = [("الوادي", "LOC"), ("النخيل", "LOC")]
    tmx = [("شهر مارس", "2024-03", "DATE"), ("يوم 12 مارس", "2024-03-12", "DATE")]
    doc = make_doc(text, ents, tmx)
    attacks = [e for e in run(doc) if e.type == "attack"]
    assert [names(doc, e.location) for e in attacks] == [["الوادي"], ["النخيل"]]
    # without تم the noun with ال refers back to the strike
    doc = make_doc(text.replace("أنه تم يوم 12 مارس الاشتباك", "أن الاشتباك يوم 12 مارس"), ents, tmx)
    assert len([e for e in run(doc) if e.type == "attack"]) == 1


def test_an_arrest_does_not_refer_back_to_a_strike() -> None:
    text = "قصف الجيش مواقع في بلدة الوادي يوم الأحد. وأثار الاعتقال في مدينة النور غضب الصحفيين."
    doc = make_doc(text, [("الوادي", "LOC"), ("النور", "LOC")], [("يوم الأحد", "2024-03-03", "DATE")])
    attacks = [e for e in run(doc) if e.type == "attack"]
    assert [names(doc, e.location) for e in attacks] == [["الوادي"], ["النور"]]
    # an arrest told again is the same arrest
    text = "واعتقلت الشرطة الصحفي سامي الحداد في مدينة النور. وأثار الاعتقال غضب الصحفيين."
    doc = make_doc(text, [("سامي الحداد", "PER"), ("النور", "LOC")])
    assert len([e for e in run(doc) if e.type == "attack"]) == 1


def test_the_meeting_with_no_meeting_before_names_the_conference_again() -> None:
    text = ("تظاهر مئات الطلاب في مدينة عمان يوم الأحد. وكانت جمعية النور قد عقدت مؤتمرا في مدينة إربد يوم السبت. "
            "ودعا الحزب إلى رفض نتائج الاجتماع في مدينة الزرقاء.")
    ents = [("عمان", "LOC"), ("جمعية النور", "ORG"), ("إربد", "LOC"), ("الحزب", "ORG"), ("الزرقاء", "LOC")]
    tmx = [("يوم الأحد", "2024-03-03", "DATE"), ("يوم السبت", "2024-03-02", "DATE")]
    doc = make_doc(text, ents, tmx)
    assert sorted(e.type for e in run(doc) if e.type != "statement") == ["conference", "protest"]
    # an indefinite meeting is another happening
    doc = make_doc(text.replace("نتائج الاجتماع", "نتائج اجتماع"), ents, tmx)
    assert sorted(e.type for e in run(doc) if e.type != "statement") == ["conference", "meeting", "protest"]


def test_the_happening_responded_to_is_another_one() -> None:
    text = "وشنت الطائرات غارات على مدينة النور يوم الأحد ردا على هجوم صاروخي في بلدة الوادي."
    ents = [("النور", "LOC"), ("الوادي", "LOC")]
    doc = make_doc(text, ents, [("يوم الأحد", "2024-03-03", "DATE")])
    attacks = [e for e in run(doc) if e.type == "attack"]
    assert [names(doc, e.location) for e in attacks] == [["النور"], ["الوادي"]]
    # two words for attacks in one sentence without a response between them: one happening
    doc = make_doc(text.replace("ردا على هجوم", "في هجوم"), ents, [("يوم الأحد", "2024-03-03", "DATE")])
    assert len([e for e in run(doc) if e.type == "attack"]) == 1


def test_round_up_lines_tell_the_happenings_summed_up_before() -> None:
    text = ("أخبار المنطقة\nوتظاهر الآلاف يوم الأحد في الأردن واليمن ولبنان دعما للمقاومة.\n"
            "الأردن شارك المئات في وقفة قرب السفارة بعمان.\nاليمن تظاهر مئات الطلاب في صنعاء.")
    ents = [("الأردن", "LOC"), ("اليمن", "LOC"), ("لبنان", "LOC")]
    doc = make_doc(text, ents, [("يوم الأحد", "2024-03-03", "DATE")])
    for name in ("الأردن", "اليمن"):
        _add_at_line_start(doc, name)
    _add_place(doc, "عمان")
    _add_place(doc, "صنعاء")
    evs = run(doc)
    assert [(e.trigger.text, names(doc, e.location), e.time) for e in evs] == [
        ("وقفة", ["عمان"], ["t1"]), ("تظاهر", ["صنعاء"], ["t1"])]
    # one line only: the summary stays a happening, and the line keeps no date of it
    doc = make_doc(text.split("\nاليمن")[0], ents, [("يوم الأحد", "2024-03-03", "DATE")])
    _add_at_line_start(doc, "الأردن")
    _add_place(doc, "عمان")
    assert [(e.trigger.text, e.time) for e in run(doc)] == [("تظاهر", ["t1"]), ("وقفة", [])]


def _add_at_line_start(doc: Document, name: str) -> None:
    """A place heading a line (make_doc marks the first occurrence only)."""
    a = doc.raw.index("\n" + name) + 1
    doc.entities.append(Entity(id=f"e{len(doc.entities) + 1}", text=name, start=a, end=a + len(name), label="LOC",
                               canonical=name))
    doc.entities.sort(key=lambda e: e.start)


def _add_place(doc: Document, name: str) -> None:
    a = doc.raw.index(name)
    doc.entities.append(Entity(id=f"e{len(doc.entities) + 1}", text=name, start=a, end=a + len(name), label="LOC",
                               canonical=name))
    doc.entities.sort(key=lambda e: e.start)


def test_a_happening_named_to_date_a_clause_brings_none_of_its_names() -> None:
    text = "اعتقل ابن المدينة عام 2002. وقبل اعتقاله، كانت ليلى قاسم تعمل في مدينة الوادي."
    ents = [("ليلى قاسم", "PER"), ("الوادي", "LOC")]
    doc = make_doc(text, ents, [("عام 2002", "2002", "DATE")])
    (ev,) = [e for e in run(doc) if e.type == "attack"]
    assert ev.participants == [] and ev.location == []
    # the same noun after another preposition is told of in its clause
    doc = make_doc(text.replace("وقبل اعتقاله،", "وفي اعتقاله"), ents, [("عام 2002", "2002", "DATE")])
    (ev,) = [e for e in run(doc) if e.type == "attack"]
    assert names(doc, ev.location) == ["الوادي"]


# -- v9 -----------------------------------------------------------------------------------------------


def _speakers(doc: Document) -> list[list[str]]:
    return [names(doc, [e.speaker]) for e in run(doc) if e.type == "statement"]


def test_a_body_s_seat_after_it_is_no_second_speaker() -> None:
    doc = make_doc("وأكدت منظمة النور ومقرها تونس أن الوضع خطير.", [("منظمة النور", "ORG"), ("تونس", "LOC")])
    assert _speakers(doc) == [["منظمة النور"]]
    # the head of the next name after و joins it to the list
    doc = make_doc("وأكدت الولايات المتحدة ودول مجلس التعاون أن الوضع خطير.",
                   [("الولايات المتحدة", "LOC"), ("مجلس التعاون", "ORG")])
    assert _speakers(doc) == [["الولايات المتحدة"], ["مجلس التعاون"]]


def test_a_date_before_a_coordinated_statement_verb_dates_the_clause_before() -> None:
    doc = make_doc("ويصر سامي الحداد على تعيين مدير جديد قبل سبتمبر، وأشار الوزير كمال منصور إلى أن الأمر معقد.",
                   [("سامي الحداد", "PER"), ("كمال منصور", "PER")], [("سبتمبر", "2024-09", "DATE")])
    assert [e.time for e in run(doc) if e.type == "statement"] == [[]]
    doc = make_doc("وفي الأحد، قال الوزير كمال منصور إن الأمر معقد.", [("كمال منصور", "PER")],
                   [("الأحد", "2024-03-03", "DATE")])
    assert [e.time for e in run(doc) if e.type == "statement"] == [["t1"]]


def test_a_holding_verb_with_its_own_subject_leaves_the_speaker_a_participant() -> None:
    doc = make_doc("وقال سامي الحداد خلال الندوة التي نظمتها جمعية النور إن الحل قريب.",
                   [("سامي الحداد", "PER"), ("جمعية النور", "ORG")])
    conf = _one(doc, "conference")
    assert names(doc, conf.organizers) == ["جمعية النور"] and names(doc, conf.participants) == ["سامي الحداد"]
    doc = make_doc("وقال سامي الحداد خلال الندوة التي نظمها في مدينة الوادي إن الحل قريب.",
                   [("سامي الحداد", "PER"), ("الوادي", "LOC")])
    assert names(doc, _one(doc, "conference").organizers) == ["سامي الحداد"]


# -- events v10: arguments outside the happening ---------------------------------------


def _statement(doc: Document) -> Event:
    return _one(doc, "statement")


def test_a_date_after_since_or_a_recurring_one_does_not_date_a_statement() -> None:
    doc = make_doc("وقال سامي الحداد، مدرب المنتخب الوطني منذ العام 2012، إن اللاعبين جاهزون.",
                   [("سامي الحداد", "PER")], [("العام 2012", "2012", "DATE")])
    assert _statement(doc).time == []
    doc = make_doc("وقال سامي الحداد كل عام إن اللاعبين جاهزون.", [("سامي الحداد", "PER")],
                   [("كل عام", "P1Y", "SET")])
    assert _statement(doc).time == []
    doc = make_doc("وقال سامي الحداد، مدرب المنتخب الوطني، العام 2012 إن اللاعبين جاهزون.",
                   [("سامي الحداد", "PER")], [("العام 2012", "2012", "DATE")])
    assert _statement(doc).time == ["t1"]


def test_a_recurring_date_does_not_date_a_happening() -> None:
    doc = make_doc("وشارك المئات في مسيرة في مدينة الوادي كل عام احتجاجا على القرار.",
                   [("الوادي", "LOC")], [("كل عام", "P1Y", "SET")])
    assert _one(doc, "protest").time == []
    doc = make_doc("وشارك المئات في مسيرة في مدينة الوادي يوم الجمعة احتجاجا على القرار.",
                   [("الوادي", "LOC")], [("يوم الجمعة", "2024-03-01", "DATE")])
    assert _one(doc, "protest").time == ["t1"]


def test_a_place_after_a_body_in_the_speakers_description_is_not_where_he_spoke() -> None:
    doc = make_doc("وقال سامي الحداد عضو هيئة الإغاثة اليمنية في عمان إن الوضع صعب.",
                   [("سامي الحداد", "PER"), ("هيئة الإغاثة اليمنية", "ORG"), ("عمان", "LOC")])
    assert _statement(doc).location == []
    doc = make_doc("وتحدث سامي الحداد أستاذ الطب بجامعة العلوم بلندن عن الصداع.",
                   [("سامي الحداد", "PER"), ("جامعة العلوم", "ORG"), ("لندن", "LOC")])
    assert _statement(doc).location == []
    # the body as the setting, and a place right after the speaker
    doc = make_doc("وقال سامي الحداد أمام البرلمان في عمان إن الوضع صعب.",
                   [("سامي الحداد", "PER"), ("البرلمان", "ORG"), ("عمان", "LOC")])
    assert names(doc, _statement(doc).location) == ["عمان"]
    doc = make_doc("وقال سامي الحداد في كلمة بجامعة العلوم بلندن إن الوضع صعب.",
                   [("سامي الحداد", "PER"), ("جامعة العلوم", "ORG"), ("لندن", "LOC")])
    assert names(doc, _statement(doc).location) == ["لندن"]


def test_names_in_the_words_said_are_not_the_gatherings() -> None:
    # after a colon that follows a verb of saying
    doc = make_doc("وقال سامي الحداد في مؤتمر صحفي عقده يوم الثلاثاء: لقد التقينا خالد نور في عمان.",
                   [("سامي الحداد", "PER"), ("خالد نور", "PER"), ("عمان", "LOC")],
                   [("يوم الثلاثاء", "2024-03-05", "DATE")])
    conf = _one(doc, "conference")
    assert conf.location == [] and conf.participants == [] and conf.time == ["t1"]
    # inside quotation marks opened after the trigger
    doc = make_doc("ونظمت جمعية النور ندوة علمية أمس قال فيها رئيسها \"نحن نحب مدينة عمان كثيرا\".",
                   [("جمعية النور", "ORG"), ("عمان", "LOC")], [("أمس", "2024-03-01", "DATE")])
    assert _one(doc, "conference").location == []
    # a colon with no verb of saying before it opens a list of those taking part
    doc = make_doc("وعقد الاتحاد مؤتمرا صحفيا يوم الثلاثاء بمشاركة: سامي الحداد وخالد نور.",
                   [("سامي الحداد", "PER"), ("خالد نور", "PER")], [("يوم الثلاثاء", "2024-03-05", "DATE")])
    assert names(doc, _one(doc, "conference").participants) == ["سامي الحداد", "خالد نور"]


def test_years_between_commas_after_a_name_are_an_age() -> None:
    doc = make_doc("وكان سامي الحداد، 26 عاما، على وشك تنفيذ هجوم في مدينة الوادي.",
                   [("سامي الحداد", "PER"), ("الوادي", "LOC")], [("26 عاما", "P26Y", "DURATION")])
    assert _one(doc, "attack").time == []
    # years after a place, not a name, still measure the happening's time
    doc = make_doc("ونفذ سامي الحداد هجوما في مدينة الوادي، 26 عاما، بعد خروجه.",
                   [("سامي الحداد", "PER"), ("الوادي", "LOC")], [("26 عاما", "P26Y", "DURATION")])
    assert _one(doc, "attack").time == ["t1"]


def test_the_place_a_visit_verb_takes_without_a_preposition_is_where_it_goes() -> None:
    doc = make_doc("وزار الوزير سامي الحداد الأردن أمس.", [("سامي الحداد", "PER"), ("الأردن", "LOC")],
                   [("أمس", "2024-03-01", "DATE")])
    visit = _one(doc, "visit")
    assert names(doc, visit.participants) == ["سامي الحداد"] and names(doc, visit.location) == ["الأردن"]
    doc = make_doc("وزار الأردن الوزير سامي الحداد أمس.", [("سامي الحداد", "PER"), ("الأردن", "LOC")],
                   [("أمس", "2024-03-01", "DATE")])
    assert names(doc, _one(doc, "visit").location) == ["الأردن"]
