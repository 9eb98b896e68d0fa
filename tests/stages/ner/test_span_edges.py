"""Span-edge rules of conventions.apply: names cut where they run on, widened where taggers cut them.

Every sentence is made up for the test; the tags play a tagger's output.
"""

from __future__ import annotations

from tagged import apply_marked

from seedx.stages.ner.consistency import propagate


def _run(text: str, marks: dict[str, str], places: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    return apply_marked(text, marks, places)


# --- persons: cut where they run on ---------------------------------------------------------------

def test_person_stops_at_a_function_word() -> None:
    got = _run("قال محمد سعيد عبر الهاتف أمس.",
               {"محمد": "B-PER", "سعيد": "I-PER", "عبر": "I-PER", "الهاتف": "I-PER"})
    assert got == [("محمد سعيد", "PER")]


def test_person_stops_at_a_preposition_before_a_definite_word() -> None:
    got = _run("صرح سامي يوسف للصحفيين بعد الاجتماع.",
               {"سامي": "B-PER", "يوسف": "I-PER", "للصحفيين": "I-PER"})
    assert got == [("سامي يوسف", "PER")]


def test_coordinated_names_are_two_persons() -> None:
    got = _run("استقبل الوزير كريم وسليم في مكتبه.", {"كريم": "B-PER", "وسليم": "I-PER"})
    assert got == [("كريم", "PER"), ("وسليم", "PER")]


def test_a_name_starting_with_waw_is_not_split() -> None:
    # وليد is one word (the tokenizer finds no proclitic in it): the name stays whole.
    got = _run("قال محمد وليد إن الوفد وصل.", {"محمد": "B-PER", "وليد": "I-PER"})
    assert got == [("محمد وليد", "PER")]


def test_ali_is_a_name_unless_a_definite_word_follows() -> None:
    got = _run("أثنى محمد علي سعيد على الفريق.", {"محمد": "B-PER", "علي": "I-PER", "سعيد": "I-PER"})
    assert got == [("محمد علي سعيد", "PER")]
    got = _run("رد سامي على الأسئلة.", {"سامي": "B-PER", "على": "I-PER"})
    assert got == [("سامي", "PER")]


def test_trailing_descriptions_and_titles_leave_the_name() -> None:
    got = _run("فاز حزب النهضة الحاكم بالمقاعد.", {"حزب": "B-ORG", "النهضة": "I-ORG", "الحاكم": "I-ORG"})
    assert got == [("حزب النهضة", "ORG")]
    got = _run("حضر سعيد محمود السابق الحفل.", {"سعيد": "B-PER", "محمود": "I-PER", "السابق": "I-PER"})
    assert got == [("سعيد محمود", "PER")]


def test_a_title_inside_a_place_name_stays() -> None:
    got = _run("وصل الوفد إلى شرم الشيخ مساء.", {"شرم": "B-LOC", "الشيخ": "I-LOC"})
    assert got == [("شرم الشيخ", "LOC")]


def test_organization_does_not_swallow_a_title_and_person() -> None:
    got = _run("وقال اتحاد الكتاب المتحدث خالد يوسف إن المعرض تأجل.",
               {"اتحاد": "B-ORG", "الكتاب": "I-ORG", "المتحدث": "I-ORG", "خالد": "I-ORG", "يوسف": "I-ORG"})
    assert got == [("اتحاد الكتاب", "ORG"), ("خالد يوسف", "PER")]


# --- persons: widened where taggers cut them ----------------------------------------------------------

def test_person_goes_on_over_a_particle_and_the_next_word() -> None:
    got = _run("استقبل الأمير سلمان بن حمد الضيوف.", {"سلمان": "B-PER"})
    assert got == [("سلمان بن حمد", "PER")]


def test_person_goes_on_over_a_hyphenated_part_and_a_last_name() -> None:
    assert _run("التقى الوزير كيم سون-هو في العاصمة.", {"كيم": "B-PER", "سون": "I-PER"}) \
        == [("كيم سون-هو", "PER")]
    assert _run("التقى الوزير كيم جونغ أون في العاصمة.", {"كيم": "B-PER", "جونغ": "I-PER", "أون": "B-PER"}) \
        == [("كيم جونغ أون", "PER")]


def test_person_goes_on_over_known_name_words_only() -> None:
    assert _run("قال خالد محمود إن الاجتماع انتهى.", {"خالد": "B-PER"}) == [("خالد محمود", "PER")]
    # a name that ends in a definite family name is complete; a common noun is no name part
    assert _run("قال خالد الحمد محمود إن الاجتماع انتهى.", {"خالد": "B-PER", "الحمد": "I-PER"}) \
        == [("خالد الحمد", "PER")]
    assert _run("قدم سعيد برنامجا جديدا.", {"سعيد": "B-PER"}) == [("سعيد", "PER")]


def test_compound_first_names_are_joined() -> None:
    assert _run("فاز نجم الدين سعيد بالجائزة.", {"الدين": "B-PER", "سعيد": "I-PER"}) \
        == [("نجم الدين سعيد", "PER")]
    assert _run("فاز عبد الغني سعيد بالجائزة.", {"الغني": "B-PER", "سعيد": "I-PER"}) \
        == [("عبد الغني سعيد", "PER")]


def test_first_name_before_a_person_joins_only_after_a_cue() -> None:
    assert _run("قال سعيد خالد الحمد إن الوفد وصل.", {"خالد": "B-PER", "الحمد": "I-PER"}) \
        == [("سعيد خالد الحمد", "PER")]
    assert _run("زار الوفد سعيد خالد الحمد.", {"خالد": "B-PER", "الحمد": "I-PER"}) \
        == [("خالد الحمد", "PER")]


# --- organizations --------------------------------------------------------------------------------

def test_institution_with_adjective_and_complement_is_an_organization() -> None:
    assert _run("أعلنت الهيئة الوطنية للانتخابات النتائج.", {}) == [("الهيئة الوطنية للانتخابات", "ORG")]
    assert _run("افتتحت الشركة الوطنية للكهرباء والغاز فرعا.", {}) \
        == [("الشركة الوطنية للكهرباء والغاز", "ORG")]


def test_verbal_noun_complement_takes_its_genitive_and_coordinated_places() -> None:
    got = _run("نظم الاتحاد العربي لنصرة القدس وفلسطين وقفة.", {"القدس": "B-LOC"},
               places=frozenset({"قدس", "فلسطين"}))
    assert got == [("الاتحاد العربي لنصرة القدس وفلسطين", "ORG")]


def test_tagged_organization_goes_on_over_its_complement() -> None:
    got = _run("تخرج في جامعة النيل للعلوم والتكنولوجيا.", {"جامعة": "B-ORG", "النيل": "I-ORG"})
    assert got == [("جامعة النيل للعلوم والتكنولوجيا", "ORG")]


def test_complement_openers_other_than_lam() -> None:
    got = _run("أصدرت مجموعة العمل الوطنية من أجل فلسطين بيانا.", {"فلسطين": "B-LOC"},
               places=frozenset({"فلسطين"}))
    assert got == [("مجموعة العمل الوطنية من أجل فلسطين", "ORG")]


def test_addressees_and_adverbials_are_no_complement() -> None:
    assert _run("قالت اللجنة الوطنية للصحفيين إن العمل مستمر.", {"اللجنة": "B-ORG", "الوطنية": "I-ORG"}) \
        == [("اللجنة الوطنية", "ORG")]
    assert _run("اجتمعت الهيئة العليا للمرة الأولى.", {}) == []
    # a complement needs adjectives or a genitive between it and the head
    assert _run("قدمت الجمعية للسكان مساعدات.", {}) == []


def test_organization_head_before_a_place_name() -> None:
    assert _run("نقلت وكالة الأناضول الخبر.", {"الأناضول": "B-LOC"}) == [("وكالة الأناضول", "ORG")]
    # a generic place word is no organization head
    assert _run("وصل الوفد إلى مدينة نابلس.", {"نابلس": "B-LOC"}) == [("نابلس", "LOC")]


def test_second_agreeing_nisba_belongs_to_the_name() -> None:
    got = _run("أعلنت الرئاسة الكورية الجنوبية الخبر.", {"الرئاسة": "B-ORG", "الكورية": "I-ORG"})
    assert got == [("الرئاسة الكورية الجنوبية", "ORG")]
    # a first nisba after a name may only describe it: left as tagged
    got = _run("فاز حزب الرفاه الإسلامي بالمقاعد.", {"حزب": "B-ORG", "الرفاه": "I-ORG"})
    assert got == [("حزب الرفاه", "ORG")]


def test_generic_place_word_leaves_the_place_name() -> None:
    got = _run("وقعت الحادثة في ولاية القصرين أمس.", {"ولاية": "B-LOC", "القصرين": "I-LOC"})
    assert got == [("القصرين", "LOC")]


def test_event_head_with_a_prepositional_phrase_is_no_event_name() -> None:
    assert _run("عقدت قمة بالعاصمة أمس.", {}) == []


# --- document consistency ---------------------------------------------------------------------------

def test_a_name_takes_the_label_most_of_its_mentions_have() -> None:
    keys = [["زار", "بيونغ", "يانغ"], ["في", "بيونغ", "يانغ"], ["من", "بيونغ", "يانغ"]]
    tags = [["O", "B-LOC", "I-LOC"], ["O", "B-PER", "I-PER"], ["O", "B-LOC", "I-LOC"]]
    scores = [[1.0] * 3 for _ in keys]
    new, _ = propagate(keys, tags, scores)
    assert new[1] == ["O", "B-LOC", "I-LOC"]
    # a tie changes nothing
    new, _ = propagate(keys[:2], tags[:2], scores[:2])
    assert new[1] == ["O", "B-PER", "I-PER"]


def test_a_plural_in_at_takes_a_feminine_nisba() -> None:
    assert _run("قالت السلطات المغربية إن الطريق مفتوح.", {}) == [("السلطات المغربية", "ORG")]
    # a masculine head and a feminine nisba do not agree: (وزير) الخارجية الأمريكي
    assert _run("قال الجيش الأمريكية شيئا.", {}) == []


def test_construct_head_with_an_indefinite_noun_before_a_definite_one() -> None:
    assert _run("طالبت لجنة حماية الصحفيين بالإفراج عنه.", {}) == [("لجنة حماية الصحفيين", "ORG")]
    # a generic body of what follows is no name
    assert _run("وافق مجلس إدارة الشركة على الخطة.", {}) == []


def test_an_organization_tail_that_is_a_common_noun_is_not_propagated() -> None:
    # مجلس الأمن makes no organization of a later الأمن alone; حركة حماس makes one of حماس
    keys = [["قال", "مجلس", "امن"], ["ان", "امن", "مستتب"], ["قالت", "حركه", "حماس"], ["ان", "حماس", "ترفض"]]
    tags = [["O", "B-ORG", "I-ORG"], ["O", "O", "O"], ["O", "B-ORG", "I-ORG"], ["O", "O", "O"]]
    scores = [[1.0] * 3 for _ in keys]
    new, _ = propagate(keys, tags, scores, org_heads=frozenset({"مجلس", "حركه"}))
    assert new[1] == ["O", "O", "O"]
    assert new[3] == ["O", "B-ORG", "O"]


def test_a_title_inside_an_organization_without_a_person_after_it_stays() -> None:
    got = _run("أصدر مكتب الرئيس الفلسطيني بيانا.", {"مكتب": "B-ORG", "الرئيس": "I-ORG", "الفلسطيني": "I-ORG"})
    assert got == [("مكتب الرئيس الفلسطيني", "ORG")]


def test_embassies_and_consulates_are_places() -> None:
    assert _run("تظاهروا أمام السفارة الفرنسية أمس.", {}) == [("السفارة الفرنسية", "LOC")]
    assert _run("دخل القنصلية السعودية صباحا.", {"السعودية": "B-LOC"}) == [("القنصلية السعودية", "LOC")]
    # a masculine nisba does not agree with the head: no building
    assert _run("قال السفارة الفرنسي شيئا.", {}) == []


# --- persons: a clause's verb is no part of a name (issue 5, v7) ----------------------------------

def test_person_stops_at_the_verb_of_its_clause() -> None:
    got = _run("وعلقت الممثلة سلمى قريقشات قائلة إن الدور صعب.",
               {"سلمى": "B-PER", "قريقشات": "I-PER", "قائلة": "I-PER"})
    assert got == [("سلمى قريقشات", "PER")]
    got = _run("لكن الوزيرة زربطونة تنفي ذلك.", {"زربطونة": "B-PER", "تنفي": "I-PER"})
    assert got == [("زربطونة", "PER")]


def test_person_starting_with_a_verb_starts_after_it() -> None:
    got = _run("وشارك كوليبرو في المباراة.", {"وشارك": "B-PER", "كوليبرو": "I-PER"})
    assert got == [("كوليبرو", "PER")]
    assert _run("ثم قائلة إن الأمر انتهى.", {"قائلة": "B-PER"}) == []


def test_names_that_read_as_verbs_or_lose_a_letter_to_a_proclitic_stay_whole() -> None:
    # طلعت and تامر are names as well as verb forms: not in verbs.txt
    got = _run("وقال عمرو طلعت إن الخطة جاهزة.", {"عمرو": "B-PER", "طلعت": "I-PER"})
    assert got == [("عمرو طلعت", "PER")]
    # a verb form after ف or ل may be the rest of a name the tokenizer split (ف|يقول is no verb here)
    got = _run("قال المدرب سامر فيقول إن الفريق جاهز.", {"سامر": "B-PER", "فيقول": "I-PER"})
    assert got == [("سامر فيقول", "PER")]


def test_person_stops_at_a_title_in_the_accusative() -> None:
    got = _run("وعين الرئيس سامر قريقشات وزيرا للداخلية.",
               {"سامر": "B-PER", "قريقشات": "I-PER", "وزيرا": "I-PER"})
    assert got == [("سامر قريقشات", "PER")]
