"""The words the span rules look for, and the tests on one token built on them.

Both the SPEC conventions (conventions.py) and the span-edge rules (span_edges.py) ask the same
questions of a word: is it a head noun, a title, a function word, a name part, a word no name goes
on over? The lists are data files in seedx/resources/ner, read and normalized once here (each loader
is cached), so the two rule sets share one reading of them and one answer to each question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from seedx.document import Token
from seedx.stages.ner.lexicon import core


def _normalize(word: str) -> str:
    from seedx.stages.normalize import normalize_word

    return normalize_word(word)


def _key(word: str) -> str:
    """A list word as the rules match it: normalized, without the article."""
    return core(_normalize(word))


def _with_al(keys: Iterable[str]) -> frozenset[str]:
    """Keys and their definite forms: the stems a sentence may have them as (قائمة، القائمة)."""
    return frozenset(x for w in keys for x in (w, "ال" + w))


def _words(name: str, key: Callable[[str], str] = _normalize) -> frozenset[str]:
    """The words of a one-word-a-line list, as `key` makes them."""
    from seedx.resources import load_lines

    return frozenset(key(w) for w in load_lines(name))


def _by_kind(name: str, key: Callable[[str], str] = _normalize) -> dict[str, frozenset[str]]:
    """The words of a `kind<TAB>word` list, by kind."""
    from seedx.resources import load_lines

    out: dict[str, set[str]] = {}
    for line in load_lines(name):
        kind, _, word = line.partition("\t")
        out.setdefault(kind.strip(), set()).add(key(word.strip()))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def org_heads() -> dict[str, frozenset[str]]:
    """Head nouns of names by the pattern they make (org_heads.txt: construct, nisba, chain, misc-place...)."""
    return _by_kind("ner/org_heads.txt")


@lru_cache(maxsize=1)
def span_heads() -> dict[str, frozenset[str]]:
    """Keys of head nouns a tagger leaves out of a name, by the name's label (span_heads.txt)."""
    return _by_kind("ner/span_heads.txt", _key)


@lru_cache(maxsize=1)
def eponym_heads() -> dict[str, frozenset[str]]:
    """Keys of the heads of sites and institutions named after a titled person, by the name's label
    (eponym_heads.txt: مطار | الملك خالد is an airport, not King Khalid)."""
    return _by_kind("ner/eponym_heads.txt", _key)


@lru_cache(maxsize=1)
def generic_constructs() -> dict[str, frozenset[str]]:
    """Keys of the words that make a construct head's phrase common, by the head's normalized form
    (generic_constructs.txt: حركة السير is traffic, not a movement)."""
    return {_key(head): words for head, words in _by_kind("ner/generic_constructs.txt", _key).items()}


@lru_cache(maxsize=1)
def team_cues() -> frozenset[str]:
    """Keys of sports nouns whose genitive names a team (team_cues.txt: مدرب | برشلونة is the club)."""
    return _words("ner/team_cues.txt", _key)


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Keys of words that are never a name on their own (not_names.txt: currencies...)."""
    return _words("ner/not_names.txt", _key)


@lru_cache(maxsize=1)
def not_in_names() -> frozenset[str]:
    """Time words, in no name (not_in_names.txt)."""
    return _words("ner/not_in_names.txt")


@lru_cache(maxsize=1)
def quantity_nouns() -> frozenset[str]:
    """Nouns of number and quantity (quantity_nouns.txt: مئات، آلاف): the plural after them is their
    genitive, a noun."""
    return _words("ner/quantity_nouns.txt")


@lru_cache(maxsize=1)
def human_plurals() -> frozenset[str]:
    """Keys of broken plurals of nouns for people (human_plurals.txt: الضحايا، الجنود): a plural
    nationality after one is its adjective."""
    return _words("ner/human_plurals.txt", _key)


@lru_cache(maxsize=1)
def nationality_plurals() -> frozenset[str]:
    """Broken plurals of nationalities (nationality_plurals.txt: الروس، الأتراك), with and without ال
    (stems, as a sentence has them)."""
    return _with_al(_words("ner/nationality_plurals.txt", _key))


@lru_cache(maxsize=1)
def complementizers() -> frozenset[str]:
    """Words that open a reported clause (complementizers.txt: أن، إن، بأن), normalized."""
    return _words("ner/complementizers.txt")


@lru_cache(maxsize=1)
def told_words() -> frozenset[str]:
    """Words of saying after which لـ names a statement's addressee (told_words.txt: قال، تصريح)."""
    return _words("ner/told_words.txt")


@lru_cache(maxsize=1)
def media_places() -> dict[str, frozenset[str]]:
    """Keys of media named after places, of words for their staff and of words for a talk, by kind
    (media_places.txt: name, reporter, interview)."""
    return _by_kind("ner/media_places.txt", _key)


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """Keys of place words by kind (place_words.txt; generic: مدينة، ولاية)."""
    return _by_kind("ner/place_words.txt", _key)


@lru_cache(maxsize=1)
def known_names() -> dict[str, dict[tuple[str, ...], str]]:
    """Names of known_names.txt as key tuples (core of each normalized word), by first key, with their
    labels."""
    out: dict[str, dict[tuple[str, ...], str]] = {}
    for label, keys in _known_names_file():
        if keys and label != "NOT-AFTER":
            out.setdefault(keys[0], {})[keys] = label
    return out


@lru_cache(maxsize=1)
def _known_names_file() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """known_names.txt's lines as (label, keys of the words), names and NOT-AFTER words alike."""
    from seedx.resources import load_lines

    return tuple((label.strip(), tuple(_key(w) for w in rest.split()))
                 for label, _, rest in (line.partition("\t") for line in load_lines("ner/known_names.txt")))


@lru_cache(maxsize=1)
def not_after_known() -> frozenset[str]:
    """Keys of the words after which no known name is one (known_names.txt, NOT-AFTER: الحد الأقصى)."""
    return frozenset(k for label, keys in _known_names_file() if label == "NOT-AFTER" for k in keys)


@lru_cache(maxsize=1)
def known_stems() -> frozenset[str]:
    """First keys of known_names.txt, with and without ال: a sentence without any has none of the names."""
    return _with_al(known_names())


class RuleStems(NamedTuple):
    """Stems that the sentence-level rules of conventions.apply start from: one set intersection a
    sentence tells which of them can fire at all."""

    known: frozenset[str]
    """known_stems()."""
    titles: frozenset[str]
    """SpanLists.title_stems."""
    intro: frozenset[str]
    """place_intro_stems()."""
    sites: frozenset[str]
    """site_heads(), with and without ال."""
    nationalities: frozenset[str]
    """nationality_plurals()."""
    products: frozenset[str]
    """Product heads (org_heads.txt: product), with and without ال."""
    quote_heads: frozenset[str]
    """quote_heads() keys with and without ال, and ل (لـ«...» after a word of saying)."""
    quote: str
    """The normalized quotation mark (all quotes read ")."""
    media: frozenset[str]
    """Media named after places (media_places.txt: name), with and without ال."""
    events: frozenset[str]
    """Event-name heads (event_name_heads.txt, indefinite as the rules want them) and first words of
    named_days.txt as written (يوم, not اليوم: today): a sentence without any has no event name of
    event_names.py."""
    all: frozenset[str]
    """The union of the above and of the head nouns of conventions._head_patterns and org_chains: the
    sentence's stems are intersected with it once, and each rule asks the small result."""


@lru_cache(maxsize=1)
def rule_stems() -> RuleStems:
    """The stems the sentence-level rules start from (see RuleStems)."""
    known, titles, intro = known_stems(), span_lists().title_stems, place_intro_stems()
    heads = frozenset().union(*(w for k, w in org_heads().items()
                                if k.endswith(("construct", "nisba", "adj-head")) and k != "not-nisba"))
    # للجنة, stemmed الجنة (ل + ال read where the article's ل merged with the word's): see
    # conventions._lam_heads
    heads |= frozenset("ال" + w[3:] if w.startswith("الل") else "ال" + w[1:] for w in heads
                       if w.startswith(("ل", "الل")))
    lists = span_lists()
    sites = _with_al(site_heads())
    nationalities = nationality_plurals()
    products = _with_al(core(w) for w in org_heads().get("product", ()))
    quoted = _with_al(quote_heads()) | {"ل"}
    media = _with_al(media_places().get("name", ()))
    events = frozenset().union(*(w for k, w in event_name_heads().items() if k != "nisba")) | named_day_starts()
    return RuleStems(known, titles, intro, sites, nationalities, products, quoted, '"', media, events,
                     known | titles | intro | sites | nationalities | products | quoted | {'"'} | heads
                     | lists.chain_stems | lists.purpose_stems | media | events)


@lru_cache(maxsize=1)
def event_name_heads() -> dict[str, frozenset[str]]:
    """Keys of the head nouns of events' proper names, by the name they take (event_name_heads.txt:
    place, person, date, construct, complement)."""
    return _by_kind("ner/event_name_heads.txt", _key)


@lru_cache(maxsize=1)
def named_days() -> dict[str, frozenset[tuple[str, ...]]]:
    """Names of named_days.txt (يوم الأرض، عيد الفصح، الألعاب الأولمبية) as word tuples, by first key:
    the first word's key (core), then the other words normalized with their article, which tells a name
    from a phrase (عيد الميلاد, not عيد ميلاد: a birthday)."""
    from seedx.resources import load_lines

    out: dict[str, set[tuple[str, ...]]] = {}
    for line in load_lines("ner/named_days.txt"):
        words = line.split()
        keys = (_key(words[0]), *(_normalize(w) for w in words[1:])) if words else ()
        if keys:
            out.setdefault(keys[0], set()).add(keys)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def named_day_starts() -> frozenset[str]:
    """First words of named_days.txt, normalized as written (يوم، عيد، الفصح): the stems a sentence has
    them as."""
    from seedx.resources import load_lines

    return frozenset(_normalize(line.split()[0]) for line in load_lines("ner/named_days.txt") if line.split())


@lru_cache(maxsize=1)
def month_names() -> dict[str, tuple[tuple[tuple[str, ...], bool], ...]]:
    """Gregorian month names of the dates stage (dates/months.json) as normalized word tuples with
    whether the name is also a common word (مارس), by first word: an event named after its date
    (ثورة 25 يناير) is found by them."""
    from seedx.resources import load_json

    out: dict[str, set[tuple[tuple[str, ...], bool]]] = {}
    for month in load_json("dates/months.json")["months"]:
        for name in month["names"]:
            words = tuple(_normalize(w) for w in name["name"].split())
            if words and not words[0].isascii():
                out.setdefault(words[0], set()).add((words, bool(name.get("ambiguous"))))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in out.items()}


@lru_cache(maxsize=1)
def site_heads() -> frozenset[str]:
    """Keys of the head nouns of sites (span_heads.txt: LOC heads that head no organization: مطار،
    فندق، معبر; not قناة, a channel as well as a canal)."""
    heads = span_heads()
    return heads.get("LOC", frozenset()) - heads.get("ORG", frozenset())


def positions(stems: list[str], wanted: frozenset[str] | set[str]) -> list[int]:
    """Indexes of the stems in `wanted`, in order (found by list.index, not a loop over every stem)."""
    out: list[int] = []
    for w in wanted:
        i = -1
        try:
            while True:
                i = stems.index(w, i + 1)
                out.append(i)
        except ValueError:
            pass
    out.sort()
    return out


@lru_cache(maxsize=1)
def quote_heads() -> dict[str, str]:
    """Label that each head noun gives a quoted name right after it, by key (org_heads.txt: quote-*,
    construct, misc-construct; span_heads.txt; place_words.txt: generic): عرض "أحب البلاد" MISC, لشركة
    "ميتا" ORG, فندق "كوريو" LOC, منطقة "أولاد علي" LOC (a generic place noun's quoted name is the
    place's, SPEC.md: the name alone)."""
    heads, spans = org_heads(), span_heads()
    out: dict[str, str] = {core(w): "LOC" for w in place_words().get("generic", frozenset())}
    for label, words in (("LOC", spans.get("LOC", frozenset()) - spans.get("ORG", frozenset())
                          | heads.get("quote-LOC", frozenset())),
                         ("ORG", spans.get("ORG", frozenset()) | heads.get("construct", frozenset())
                          | heads.get("quote-ORG", frozenset())),
                         ("MISC", heads.get("misc-construct", frozenset()) | heads.get("quote-MISC", frozenset()))):
        out.update((core(w), label) for w in words)
    return out


@lru_cache(maxsize=1)
def place_intro() -> frozenset[str]:
    """Keys of the words a place's name follows (place_words.txt: generic and before)."""
    words = place_words()
    return words.get("generic", frozenset()) | words.get("before", frozenset())


@lru_cache(maxsize=1)
def place_intro_stems() -> frozenset[str]:
    """The same with and without ال: a sentence without any of them has no such name."""
    return _with_al(place_intro())


class SpanLists(NamedTuple):
    links: frozenset[str]
    """Name particles (بن، أبو، آل): the next word continues the person's name."""
    compound_first: frozenset[str]
    """First halves of compound names (عبد): the next word belongs to the name (name_compounds.txt)."""
    compound_second: frozenset[str]
    """Second halves of compound names (الدين، الله): the word before belongs to the name."""
    function: frozenset[str]
    """Function words: in no person's name, at the end of no name."""
    function_before_definite: frozenset[str]
    """Function words where a definite word follows (على الأرض), names otherwise (محمد علي كمون)."""
    end_stop: frozenset[str]
    """Keys (core) that never end a name: descriptions (السابق، الحاكم) and titles."""
    titles: frozenset[str]
    """Keys of titles (titles.txt)."""
    title_stems: frozenset[str]
    """The same with and without ال: a sentence without any of them has no title."""
    chain_heads: frozenset[str]
    """Keys of institution heads that take a لـ complement (org_heads.txt, chain)."""
    chain_stems: frozenset[str]
    """The same with and without ال: a sentence without any of them has no such name."""
    not_complement: frozenset[str]
    """Keys that start no لـ complement of a name: addressees, institutions, adverbials."""
    org_before_place: frozenset[str]
    """Keys of ORG head nouns that make a following place name an organization's (وكالة الأناضول)."""
    speech: frozenset[str]
    """Keys of reporting verbs (speech.txt): a name often follows them."""
    verbs: frozenset[str]
    """Keys of verb forms no person's name contains (verbs.txt: قائلة، تنفي، يسند): a person's span
    that runs on into its clause's verb is cut there."""
    openers: frozenset[tuple[str, str]]
    """Two-word openers of a name's complement (من أجل), besides لـ."""
    purpose_stems: frozenset[str]
    """Event and campaign heads, with and without ال, that name a standing body when a purpose
    complement follows (المؤتمر الدولي لدعم ...، الحملة الوطنية لمقاطعة ...: org_heads.txt, purpose-head)."""
    purposes: frozenset[str]
    """Keys of the verbal nouns of such a purpose (دعم، نصرة، مقاطعة: org_heads.txt, purpose)."""
    event_heads: frozenset[str]
    """Keys of event heads (org_heads.txt, misc-construct: مهرجان، قمة): a لـ complement they start
    names the event, not part of the body before it (الهيئة المديرة | لمهرجان قرطاج)."""


@lru_cache(maxsize=1)
def span_lists() -> SpanLists:
    """The lists of the span-edge rules."""
    from seedx.resources import load_lines

    heads = span_heads()
    titles = _words("ner/titles.txt", _key)
    chain = frozenset(core(w) for w in org_heads().get("chain", frozenset()))
    institutions = chain | frozenset(core(w) for k in ("construct", "nisba") for w in org_heads().get(k, ()))
    compounds = _by_kind("ner/name_compounds.txt")
    return SpanLists(
        links=_words("ner/name_links.txt"),
        compound_first=compounds.get("first", frozenset()),
        compound_second=compounds.get("second", frozenset()),
        function=_words("ner/function_words.txt"),
        function_before_definite=_words("ner/function_before_definite.txt"),
        # a title in the accusative (عين فلان | وزيرا للداخلية، رئيسا للجنة) ends a name as the title does
        end_stop=_words("ner/not_name_end.txt", _key) | titles | frozenset(w + "ا" for w in titles if len(w) > 2),
        titles=titles,
        title_stems=_with_al(titles),
        chain_heads=chain,
        chain_stems=_with_al(chain),
        not_complement=_words("ner/not_in_complements.txt", _key) | institutions | heads.get("ORG", frozenset()),
        org_before_place=heads.get("ORG", frozenset()) - heads.get("LOC", frozenset()),
        speech=_words("ner/speech.txt", _key),
        verbs=_words("ner/verbs.txt", _key),
        openers=frozenset(tuple(_normalize(w) for w in line.split()[:2])  # type: ignore[misc]
                          for line in load_lines("ner/complement_openers.txt")),
        purpose_stems=_with_al(core(w) for w in org_heads().get("purpose-head", ())),
        purposes=frozenset(core(w) for w in org_heads().get("purpose", ())),
        event_heads=frozenset(core(w) for w in org_heads().get("misc-construct", ())),
    )


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    """Single-word person names of the builtin model's lexicon (gazetteers and harvested names), less
    words that are also titles, cue words or places: words that may continue a tagged person's name."""
    from seedx.stages.ner import load_builtin
    from seedx.stages.ner.backends import builtin_model_dir

    try:
        lex = load_builtin(str(builtin_model_dir())).featurizer.lexicon
    except FileNotFoundError:
        return frozenset()
    lists = span_lists()
    bad = {core(w) for w in lists.function | lists.function_before_definite | lists.links | not_in_names()}
    bad |= lists.end_stop | not_names()
    only = {"GAZ-PER", "HRV-PER"}
    return frozenset(w for w, kinds in lex.single.items() if only.issuperset(kinds) and w not in bad)


@lru_cache(maxsize=1)
def place_only_words() -> frozenset[str]:
    """Single-word place names of the builtin model's lexicon that are no person's or organization's
    name (بيونغيانغ، ابوظبي, not عبدالله): a name written as two words that join into one of them is
    that place (بيونغ يانغ)."""
    from seedx.stages.ner import load_builtin
    from seedx.stages.ner.backends import builtin_model_dir

    try:
        lex = load_builtin(str(builtin_model_dir())).featurizer.lexicon
    except FileNotFoundError:
        return frozenset()
    return frozenset(w for w, kinds in lex.single.items() if "GAZ-LOC" in kinds and not any(
        k.endswith(("-PER", "-ORG")) for k in kinds))


def common(word: str) -> bool:
    """A word seen at least 50 times in the corpus vocabulary (the tokenizer's threshold)."""
    from seedx.resources import load_vocab

    return load_vocab().get(word, 0) >= 50


def definite(t: Token) -> bool:
    """A word with the article (ال) and more than one letter after it."""
    return t.kind == "word" and t.stem.startswith("ال") and len(t.stem) > 3


def nisba(t: Token) -> bool:
    """A definite relative adjective (الأردنية، الإسلامي)."""
    return definite(t) and t.stem.endswith(("ي", "يه")) and len(t.stem) > 5


def nationality(adj: Token, places: frozenset[str], min_base: int = 0) -> bool:
    """A nisba made on a known place name (السوري، الكورية، التركي): a nationality; `min_base`: the fewest
    letters of the place part."""
    key = core(adj.stem)
    for suf in ("يه", "ي"):
        if key.endswith(suf):
            base = key[: -len(suf)]
            return len(base) >= min_base and any(x in places for x in (base, base + "ا", base + "يا", base + "ه"))
    return False


def agree(head: Token, adj: Token) -> bool:
    """Gender agreement of a head noun and its nisba: الحكومة الأردنية, not (وزير) الخارجية الأمريكي;
    a plural in ات takes a feminine nisba (السلطات الإسرائيلية، الاستخبارات الروسية)."""
    return head.stem.endswith(("ه", "ات")) == adj.stem.endswith("يه")


def ends_names(t: Token) -> bool:
    """A word no head-noun name goes on over: a time word (not_in_names.txt), a description
    (not_name_end.txt: هيئة الأركان | التابعة لـ) or a function word (function_words.txt): a relative
    pronoun reads as definite (الذي، والتي), so a construct chain would otherwise run on into the
    clause that describes the body (مجلس النواب | الذي يرأسه)."""
    lists = span_lists()
    return t.stem in not_in_names() or core(t.stem) in lists.end_stop or t.stem in lists.function


def is_function(tokens: list[Token], k: int) -> bool:
    """The k-th token is a function word, or one where a definite word follows it (على الأرض)."""
    lists = span_lists()
    w = tokens[k].norm
    return w in lists.function or (w in lists.function_before_definite and k + 1 < len(tokens)
                                    and definite(tokens[k + 1]))


def is_name_word(t: Token, persons: frozenset[str]) -> bool:
    """A word that may continue a person's name: a known name word without proclitic or article, not a
    function word or a title, and not a common noun (a word the corpus writes with ال more than a third
    as often: قسم، or an accusative noun: برنامجا)."""
    if t.kind != "word" or t.clitic or core(t.norm) not in persons:
        return False
    lists = span_lists()
    if t.norm in lists.function or core(t.norm) in lists.end_stop:
        return False
    from seedx.resources import load_vocab

    vocab = load_vocab()
    w = t.norm
    if w.startswith("ال"):
        return False  # الضيوف: a definite word continues a name only after a particle (بن، آل)
    count = vocab.get(w, 0)
    return not (vocab.get("ال" + w, 0) > count / 3
                or (w.endswith("ا") and vocab.get("ال" + w[:-1], 0) > count))


@lru_cache(maxsize=1)
def not_acronyms() -> frozenset[str]:
    """Upper-case Latin words that name no organization: units, currencies, time zones (not_acronyms.txt)."""
    from seedx.resources import load_lines

    return frozenset(load_lines("ner/not_acronyms.txt"))


@lru_cache(maxsize=1)
def editions() -> frozenset[str]:
    """Words after a medium's name that name its language edition (media_editions.txt: عربي، بالعربية)."""
    return _words("ner/media_editions.txt")
