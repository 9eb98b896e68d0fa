"""Third round of NER rules (issue 5): nationality adjectives, sites, places in lists and after generic
nouns, quoted names of works, known bodies, two-word place names and foreign names next to titles
(conventions.apply and span_edges).

Every sentence is made up for the test; the tags play a tagger's output. Made-up words (زربطونة،
قلعاوة، كوليبرو) stand for the rare names the rules look for: the corpus vocabulary has none of them.
"""

from __future__ import annotations

from tagged import apply_marked

PLACES = frozenset({"فلسطين", "اسرائيل", "نابلس", "هلسنكي"})


def _run(text: str, marks: dict[str, str], places: frozenset[str] = PLACES) -> list[tuple[str, str]]:
    return apply_marked(text, marks, places)


# --- nationalities: a name, or the adjective of the noun before it -------------------------------

def test_nationality_agreeing_with_the_noun_before_is_an_adjective() -> None:
    assert _run("وثق المركز الاعتداءات على الصحفيين الفلسطينيين أمس.", {}) == []
    assert _run("هاجم مستوطنون إسرائيليون مزارعين فلسطينيين قرب القرية.", {}) == []


def test_nationality_used_as_a_name_stays_misc() -> None:
    assert _run("تظاهر مئات الفلسطينيين أمس.", {}) == [("الفلسطينيين", "MISC")]
    assert _run("خرج عشرات آلاف الفلسطينيين إلى الشوارع.", {}) == [("الفلسطينيين", "MISC")]
    assert _run("ويطالب الفلسطينيون بحقوقهم.", {}) == [("الفلسطينيون", "MISC")]
    # a nominative adjective does not describe an accusative noun: the second nationality is the object
    assert _run("هاجم مستوطنون إسرائيليون فلسطينيين قرب القرية.", {}) == [("فلسطينيين", "MISC")]
    # a conjunct names too
    assert _run("التقى الوفد الإسرائيليين والفلسطينيين.", {}) == [("الإسرائيليين", "MISC"),
                                                                 ("والفلسطينيين", "MISC")]


# --- sites: a name after a site's head noun is a place -------------------------------------------

def test_name_after_a_site_head_is_a_place() -> None:
    got = _run("هبطت الطائرة في مطار خالد فهمي صباحا.", {"خالد": "B-PER", "فهمي": "I-PER"})
    assert got == [("مطار خالد فهمي", "LOC")]
    got = _run("أقيم العشاء في قصر الزيتونة أمس.", {"الزيتونة": "B-MISC"})
    assert got == [("قصر الزيتونة", "LOC")]
    got = _run("هبطت الطائرة في مطار خالد فهمي صباحا.", {"مطار": "B-ORG", "خالد": "I-ORG", "فهمي": "I-ORG"})
    assert got == [("مطار خالد فهمي", "LOC")]


def test_person_without_a_site_head_stays_a_person() -> None:
    assert _run("التقى الوزير خالد فهمي صباحا.", {"خالد": "B-PER", "فهمي": "I-PER"}) == [("خالد فهمي", "PER")]
    # an organization after a site head keeps its label: only its own head makes it a site
    got = _run("زار مطار شركة النور أمس.", {"شركة": "B-ORG", "النور": "I-ORG"})
    assert got == [("شركة النور", "ORG")]


def test_site_head_is_not_pulled_over_a_genitive_with_a_preposition_or_another_site() -> None:
    assert _run("دشنت البلدية ساحة للحرية أمس.", {"للحرية": "B-LOC"}) == [("للحرية", "LOC")]
    got = _run("تجمعوا في ساحة مسجد النور أمس.", {"مسجد": "B-LOC", "النور": "I-LOC"})
    assert got == [("مسجد النور", "LOC")]


def test_site_or_institution_named_after_a_titled_person_is_no_person() -> None:
    got = _run("نقل المصاب إلى مستشفى الأمير سامر التخصصي بالعاصمة.", {"سامر": "B-PER"})
    assert got == [("مستشفى الأمير سامر التخصصي", "LOC")]
    got = _run("هبطت الطائرة في مطار الملك سامر صباحا.", {"الملك": "B-PER", "سامر": "I-PER"})
    assert got == [("مطار الملك سامر", "LOC")]
    assert _run("زار الطلاب مركز الشيخ نبيل أمس.", {"نبيل": "B-PER"}) == [("مركز الشيخ نبيل", "ORG")]


def test_titled_person_after_a_definite_or_no_head_stays_a_person() -> None:
    got = _run("قال مدير المركز الدكتور سامي حداد إن العمل مستمر.", {"سامي": "B-PER", "حداد": "I-PER"})
    assert got == [("سامي حداد", "PER")]
    got = _run("استقبل الأمير نبيل ضيوفه في القصر.", {"نبيل": "B-PER"})
    assert got == [("نبيل", "PER")]


# --- places in lists and after generic nouns -----------------------------------------------------

def test_rare_words_coordinated_with_a_place_are_places() -> None:
    got = _run("زار الوفد نابلس وزربطونة وقلعاوة أمس.", {"نابلس": "B-LOC"})
    assert [label for _, label in got] == ["LOC", "LOC", "LOC"]
    assert got[0] == ("نابلس", "LOC")
    got = _run("أقيمت المشاريع في زربطونة ونابلس.", {"ونابلس": "B-LOC"})
    assert got == [("زربطونة", "LOC"), ("ونابلس", "LOC")]


def test_common_words_coordinated_with_a_place_are_not() -> None:
    assert _run("زار الوفد نابلس والتقى المحافظ.", {"نابلس": "B-LOC"}) == [("نابلس", "LOC")]
    assert _run("تحدث عن نابلس والتنمية المحلية.", {"نابلس": "B-LOC"}) == [("نابلس", "LOC")]
    # the first word of a longer name is no item on its own
    got = _run("أشغال في نابلس وزربطونة الجديدة.", {"نابلس": "B-LOC"})
    assert got == [("نابلس", "LOC")]


def test_name_after_a_generic_place_noun_is_a_place() -> None:
    assert _run("يقيم في بلدة زربطونة منذ سنوات.", {}) == [("زربطونة", "LOC")]
    assert _run("وصلوا إلى جزيرة قلعاوة صباحا.", {}) == [("قلعاوة", "LOC")]
    assert _run("يجتمعان في العاصمة الفنلندية هلسنكي غدا.", {}) == [("هلسنكي", "LOC")]


def test_adjectives_and_times_after_a_generic_noun_are_no_place() -> None:
    assert _run("يسكن في مدينة كبيرة منذ سنوات.", {}) == []
    assert _run("تقع في منطقة عسكرية مغلقة.", {}) == []
    # after a definite noun and its nisba only a known place is an apposition
    assert _run("وصل العاصمة البريطانية ظهر الخميس.", {}) == []


# --- quoted names ----------------------------------------------------------------------------------

def test_quoted_name_takes_the_label_of_its_head() -> None:
    got = _run('قدمت الفرقة عرض "ليالي الصيف" ومسرحية "قلعاوة" بدعم من شركة "زيتونة".', {})
    assert got == [("ليالي الصيف", "MISC"), ("قلعاوة", "MISC"), ("زيتونة", "ORG")]
    # the quotes make one name, whatever the tagger saw inside
    got = _run('وقدمت عرض "من بغداد إلى دمشق" مساء.', {"بغداد": "B-LOC", "دمشق": "B-LOC"})
    assert got == [("من بغداد إلى دمشق", "MISC")]


def test_quotes_without_a_head_or_after_a_slogan_name_nothing() -> None:
    assert _run('وقال المتحدث "نحن هنا" للصحفيين.', {}) == []
    assert _run('نظموا وقفة تحت شعار "معا للقدس" أمس.', {}) == []


def test_a_quote_after_the_subject_of_a_reported_clause_is_what_it_said() -> None:
    assert _run('وأكد الأمين العام أن الاتحاد "جاهز لتقديم المساعدة" للمتضررين.', {}) == []
    assert _run('وقالت إن الشركة "لن تغلق أي فرع" هذا العام.', {}) == []
    # without the complementizer, a quote after the head is still its name
    assert _run('وانضم إلى الاتحاد "نقابة المبدعين" العام الماضي.', {}) == [("نقابة المبدعين", "ORG")]


# --- known bodies and two-word places --------------------------------------------------------------

def test_known_bodies_are_organizations() -> None:
    got = _run("أعلنت جماعة أنصار الله أن الحوثيين أطلقوا صاروخا.", {"الله": "B-MISC"})
    assert got == [("جماعة أنصار الله", "ORG"), ("الحوثيين", "ORG")]
    # the plural name right after the name it stands for is its apposition, inside it
    got = _run("خرجت مسيرة بدعوة من جماعة أنصار الله الحوثيين أمس.", {})
    assert got == [("جماعة أنصار الله الحوثيين", "ORG")]


def test_two_words_that_join_into_a_known_place_are_that_place() -> None:
    assert _run("وصل الوزير إلى أبو ظبي أمس.", {"أبو": "B-PER", "ظبي": "I-PER"}) == [("أبو ظبي", "LOC")]
    # a person's name that joins into a person's name stays a person
    assert _run("قال عبد الله إنه وصل.", {"عبد": "B-PER", "الله": "I-PER"}) == [("عبد الله", "PER")]


# --- foreign names next to titles ------------------------------------------------------------------

def test_rare_name_after_a_title_and_its_description_is_a_person() -> None:
    got = _run("وقال المتحدث باسم الشركة كوليبرو فانتيس إن العمل مستمر.", {})
    assert ("كوليبرو فانتيس", "PER") in got
    got = _run("وشارك الناشط الحقوقي الدولي، كوليبرو فانتيس، في اللقاء.", {})
    assert got == [("كوليبرو فانتيس", "PER")]


def test_known_first_name_and_rare_family_name_with_al_after_a_title() -> None:
    assert _run("شدد رئيس اللجنة حسن الخديمي على أن العمل مستمر.", {}) == [("حسن الخديمي", "PER")]
    # a common word with ال after the first name is no family name
    assert _run("شدد رئيس اللجنة حسن الحظ على ذلك.", {}) == []


def test_rare_name_before_a_title_in_apposition_is_a_person() -> None:
    got = _run("وأكدت ماريلا توفنسكي، رئيسة الوزراء، أن الاتفاق قريب.", {})
    assert got == [("ماريلا توفنسكي", "PER")]


def test_common_words_and_inflected_words_after_a_title_are_no_name() -> None:
    assert _run("أعلن الرئيس عزمه زيارة المدينة.", {}) == []
    assert _run("قال الوزير إن الحكومة ستعمل على ذلك.", {}) == []


def test_known_name_after_a_word_that_makes_it_a_noun_is_none() -> None:
    # الأقصى is the mosque, الحد الأقصى the maximum
    assert _run("صلى المئات في الأقصى أمس.", {}) == [("الأقصى", "LOC")]
    assert _run("بلغ الحد الأقصى للإنفاق مليون دينار.", {}) == []
    # a plural nisba name that describes the noun before it is its adjective
    assert _run("قاتلت القوات المتمردين الحوثيين أمس.", {}) == []


def test_broken_plural_nationalities() -> None:
    assert _run("قال التقرير إن الروس تدخلوا.", {}) == [("الروس", "MISC")]
    # the adjective of a plural noun for people, sound or broken, and an indefinite one, are no names
    assert _run("بدأ المسؤولون الأتراك التحقيق.", {}) == []
    assert _run("وصل الجنود الروس إلى المدينة.", {}) == []
    assert _run("وقع عقودا مع مستثمرين محليين وعرب.", {}) == []


def test_quoted_name_after_la_that_follows_a_word_of_saying_is_a_medium() -> None:
    got = _run("وقال مسؤول حكومي، لـ«صوت الضفة»، إن القرار نهائي.", {})
    assert got == [("صوت الضفة", "ORG")]
    # لـ after a call is no addressee: دعا لـ"..." calls for something
    assert _run('ودعا الحزب لـ"يوم الغضب" الجمعة.', {}) == []


def test_rare_name_after_an_indefinite_site_head_is_a_place_with_its_head() -> None:
    assert _run("هبطت الطائرة في مطار كوليبرو صباحا.", {}) == [("مطار كوليبرو", "LOC")]
    # a definite head takes an adjective; a common word is no name
    assert _run("خلف أبواب السجن الموصدة بقي الأسرى.", {}) == []
    assert _run("تجمعوا في ساحة المعركة أمس.", {}) == []


def test_lands_before_a_rare_word() -> None:
    assert _run("طالبوا باستعادة أراضي زربطونة كاملة.", {}) == [("زربطونة", "LOC")]
    assert _run("طالبوا باستعادة أراضي الدولة كاملة.", {}) == []


def test_ordinals_and_common_nouns_alone_are_no_names() -> None:
    assert _run("وقال النائب الثاني للرئيس إن الجلسة انتهت.", {"الثاني": "B-PER"}) == []
    assert _run("أحيا أهالي شهداء الثورة الذكرى.", {"شهداء": "B-LOC"}) == []
    # inside a name the ordinal stays
    got = _run("استقبل الملك عبدالله الثاني الوفد.", {"عبدالله": "B-PER", "الثاني": "I-PER"})
    assert got == [("عبدالله الثاني", "PER")]


def test_compass_nisba_after_a_place_is_part_of_it() -> None:
    assert _run("تقع المدينة في أوروبا الشرقية منذ قرون.", {"أوروبا": "B-LOC"}) == [("أوروبا الشرقية", "LOC")]
    # after a body it is no part of a place
    got = _run("قالت الحكومة الشرقية إنها جاهزة.", {"الحكومة": "B-ORG"})
    assert got == [("الحكومة", "ORG")]


def test_name_after_a_product_head_is_a_product() -> None:
    assert _run("نشر الصورة على موقع فيسبوك أمس.", {"فيسبوك": "B-ORG"}) == [("فيسبوك", "MISC")]
    assert _run("حذف تطبيق واتساب حسابه.", {}) == [("واتساب", "MISC")]
    # an adjective, a definite word or a Latin acronym after the head is no product
    assert _run("قصفت الطائرات موقع عسكري قرب الحدود.", {}) == []
    assert _run("زار الوفد موقع الحادث أمس.", {}) == []
    assert _run("قال لموقع CNN بالعربية إن الوضع هادئ.", {}) == []


def test_quoted_name_of_a_day_being_marked() -> None:
    assert _run('خرجوا في إحياء "يوم الشجرة" أمس.', {}) == [("يوم الشجرة", "MISC")]


def test_media_and_institute_heads_make_organizations() -> None:
    assert _run("وأصيب مراسل تلفزيون الفجر أمس.", {}) == [("تلفزيون الفجر", "ORG")]
    assert _run("نظم معهد الدراسات المستقبلية ندوة.", {}) == [("معهد الدراسات المستقبلية", "ORG")]


def test_indefinite_compass_word_after_a_place_places_the_next_one() -> None:
    got = _run("هاجموا بلدة بيتا جنوبي نابلس أمس.", {"بيتا": "B-LOC", "نابلس": "B-LOC"})
    assert got == [("بيتا", "LOC"), ("نابلس", "LOC")]


# --- fourth round: generic places, places in lists, known names, named days, sites, appositions ---

def test_generic_place_words_alone_are_no_name() -> None:
    assert _run("أجرت السفن مناورات قرب شبه الجزيرة أمس.", {"شبه": "B-LOC", "الجزيرة": "I-LOC"}) == []
    got = _run("أجرت السفن مناورات قرب شبه الجزيرة الإيبيرية أمس.",
               {"شبه": "B-LOC", "الجزيرة": "I-LOC", "الإيبيرية": "I-LOC"})
    assert got == [("شبه الجزيرة الإيبيرية", "LOC")]


def test_one_word_body_that_is_a_place_in_a_list_of_places() -> None:
    cities = frozenset({"برمنغهام", "مانشستر", "شفيلد", "برشلونه", "مدريد"})
    got = _run("جال الوفد في برمنغهام ومانشستر وشفيلد.", {"ومانشستر": "B-ORG"}, cities)
    assert got == [("برمنغهام", "LOC"), ("ومانشستر", "LOC"), ("وشفيلد", "LOC")]
    # among bodies it stays a body (the clubs)
    got = _run("فاز ريال مدريد وبرشلونة أمس.", {"ريال": "B-ORG", "مدريد": "I-ORG", "وبرشلونة": "B-ORG"}, cities)
    assert got == [("ريال مدريد", "ORG"), ("وبرشلونة", "ORG")]
    # بينها is a preposition with its pronoun, no place after مدن
    assert _run("خرجت مظاهرات في مدن بينها مدن كبرى.", {}) == []


def test_list_of_rare_places_before_a_tagged_one() -> None:
    got = _run("زار الوفد زربطونة وقلعاوة ونابلس أمس.", {"ونابلس": "B-LOC"})
    assert got == [("زربطونة", "LOC"), ("وقلعاوة", "LOC"), ("ونابلس", "LOC")]


def test_known_name_takes_a_chunk_that_starts_inside_it() -> None:
    got = _run("عبرت السفن قناة السويس البحرية أمس.", {"السويس": "B-ORG", "البحرية": "I-ORG"})
    assert got == [("قناة السويس البحرية", "LOC")]
    # a chunk that starts before the known name keeps it
    got = _run("أشاد الخطيب بمقاتلي سرايا القدس أمس.", {"بمقاتلي": "B-ORG", "سرايا": "I-ORG", "القدس": "I-ORG"})
    assert got == [("بمقاتلي سرايا القدس", "ORG")]
    # الحد الأقصى is the maximum, whatever a tagger made of it
    assert _run("بلغ الحد الأقصى للسرعة مئة كيلومتر.", {"الحد": "B-MISC", "الأقصى": "I-MISC"}) == []


def test_day_named_after_a_place_is_an_event() -> None:
    got = _run("وشارك الطلاب في يوم فلسطين الوطني أمس.", {"فلسطين": "B-LOC"}, frozenset({"فلسطين"}))
    assert got == [("يوم فلسطين الوطني", "MISC")]


def test_site_head_with_a_proclitic_taken_into_a_person() -> None:
    got = _run("وقصفت الطائرات ومطار خالد فهمي أمس.", {"ومطار": "B-PER", "خالد": "I-PER", "فهمي": "I-PER"})
    assert got == [("ومطار خالد فهمي", "LOC")]


def test_well_known_foreign_name_before_a_comma_and_a_title() -> None:
    got = _run("التقى الوزير بوريس جونسون، رئيس الوزراء البريطاني، أمس.", {})
    assert got == [("بوريس جونسون", "PER")]
    # common words that take ال are no name, comma and title or not
    assert _run("وصل وفد رفيع، رئيس الوزراء معه.", {}) == []


def test_main_after_a_site_is_a_description() -> None:
    got = _run("اعتقل في مطار قلعاوة الرئيسي أمس.", {"مطار": "B-LOC", "قلعاوة": "I-LOC", "الرئيسي": "I-LOC"})
    assert got == [("مطار قلعاوة", "LOC")]


def test_capital_after_its_nisba_and_a_comma() -> None:
    oslo = PLACES | {"اوسلو"}
    assert _run("وصل الرئيس إلى العاصمة النرويجية، أوسلو، أمس.", {}, oslo) == [("أوسلو", "LOC")]
    # only a known place stands in such an apposition
    assert _run("عاد الوفد إلى العاصمة النرويجية، ظهر الخميس.", {}, oslo) == []


def test_nationality_a_tagger_took_for_a_body_is_a_nationality() -> None:
    assert _run("طالب الأكراد بحكم ذاتي.", {"الأكراد": "B-ORG"}) == [("الأكراد", "MISC")]
    assert _run("تظاهر الفلسطينيون أمام المقر.", {"الفلسطينيون": "B-ORG"}) == [("الفلسطينيون", "MISC")]
    # an adjective of the noun before it names nothing
    assert _run("أصيب الصحفيون الفلسطينيون أمس.", {"الفلسطينيون": "B-ORG"}) == []
    # a word that only looks like a broken plural keeps its tag
    assert _run("فاز بجائزة مان الأدبية.", {"مان": "B-LOC"}) == [("مان", "LOC")]


def test_bracketed_name_takes_the_label_of_its_head() -> None:
    got = _run("فازت قائمة (صوت الناس) بأغلب المقاعد.", {"الناس": "B-ORG"})
    assert got == [("صوت الناس", "ORG")]
    got = _run("عقد الاجتماع عبر تطبيق (كوليبرو) أمس.", {})
    assert got == [("كوليبرو", "MISC")]
    # after a definite noun the brackets explain it; a bracket with punctuation inside is no name
    assert _run("ورد ذلك في الوثيقة (الملحق الأول) أمس.", {}) == []
    assert _run("عرض برنامج (2، 3) أمس.", {}) == []


def test_quoted_name_after_a_generic_place_noun_is_a_place() -> None:
    got = _run('تضررت محاصيل منطقة "أولاد زربطون" العام الماضي.', {"أولاد": "B-ORG", "زربطون": "I-ORG"})
    assert got == [("أولاد زربطون", "LOC")]
    # a quoted adjective is no name
    assert _run('أقام الجيش منطقة "عازلة" على الحدود.', {}) == []
    # a closing quote and the next opening one hold no name
    assert _run('تحدث عن آثاره على المنطقة"، و"الحلول الممكنة" أمس.', {}) == []


# --- more heads of quoted names; words said to a thing are no name (issue 5, v7) ------------------

def test_quoted_teams_bands_and_groups_are_bodies() -> None:
    got = _run('انتقل اللاعب إلى فريق "كوليبرو سيتي" وغنت فرقة "زربطونة" في الحفل.',
               {"كوليبرو": "B-PER", "سيتي": "I-PER", "زربطونة": "B-PER"})
    assert got == [("كوليبرو سيتي", "ORG"), ("زربطونة", "ORG")]


def test_quoted_museums_hospitals_and_stadiums_are_places() -> None:
    got = _run('زار الوفد متحف "قلعاوة" ثم مستشفى "كوليبرو جنرال".', {"كوليبرو": "B-PER", "جنرال": "I-PER"})
    assert got == [("قلعاوة", "LOC"), ("كوليبرو جنرال", "LOC")]


def test_quoted_series_games_and_devices_are_works_and_products() -> None:
    got = _run('صدر الجزء الثاني من سلسلة "ليالي زربطونة" على جهاز "كوليبرو بوكس".', {})
    assert got == [("ليالي زربطونة", "MISC"), ("كوليبرو بوكس", "MISC")]


def test_quote_after_a_definite_head_with_la_is_what_was_said_to_it() -> None:
    assert _run('ثم قال الطفل للجهاز "أطفئ النور" فانطفأ.', {}) == []
    # an indefinite head with لـ still names: a company's name in quotes
    assert _run('وباعت الأسهم لشركة "زربطونة" أمس.', {}) == [("زربطونة", "ORG")]


def test_place_quoted_after_la_is_the_medium_wherever_the_saying_word_is() -> None:
    got = _run('وذكر مدير قسم الطوارئ في المستشفى الحكومي لـ«نابلس» أن الأسرة ممتلئة.', {"نابلس": "B-LOC"})
    assert got == [("نابلس", "ORG")]
    # not quoted: the place itself
    assert _run("وأرسلت مصادر طبية مساعدات لنابلس أمس.", {"لنابلس": "B-LOC"}) == [("لنابلس", "LOC")]


def test_nisba_of_a_place_after_a_definite_noun_is_its_adjective() -> None:
    places = PLACES | {"مصر", "سعوديه"}
    assert _run("وقال الرئيس المصري إن الخطة جاهزة.", {"المصري": "B-PER"}, places) == []
    assert _run("ودرس في الجامعات السعودية عامين.", {"السعودية": "B-LOC"}, places) == []
    # the place after a verb, a preposition or an indefinite noun; a surname after a first name
    assert _run("وتقود السعودية التحالف.", {"السعودية": "B-LOC"}, places) == [("السعودية", "LOC")]
    assert _run("وأكد أهمية السعودية للمنطقة.", {"السعودية": "B-LOC"}, places) == [("السعودية", "LOC")]
    assert _run("وقال المصري إن الخطة جاهزة.", {"المصري": "B-PER"}, places) == [("المصري", "PER")]
    # a masculine noun before a feminine nisba: no adjective of it
    assert _run("وزار الأمير السعودية أمس.", {"السعودية": "B-LOC"}, places) == [("السعودية", "LOC")]
