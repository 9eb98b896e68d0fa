"""The words the span rules look for, and the tests on one token built on them.

Both the SPEC conventions (conventions.py) and the span-edge rules (span_edges.py) ask the same
questions of a word: is it a head noun, a title, a function word, a name part, a word no name goes
on over? The lists are data files in seedx/resources/ner, read and normalized once here (each loader
is cached), so the two rule sets share one reading of them and one answer to each question.
"""

from __future__ import annotations

from collections.abc import Callable
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
def not_names() -> frozenset[str]:
    """Keys of words that are never a name on their own (not_names.txt: currencies...)."""
    return _words("ner/not_names.txt", _key)


@lru_cache(maxsize=1)
def not_in_names() -> frozenset[str]:
    """Time words, in no name (not_in_names.txt)."""
    return _words("ner/not_in_names.txt")


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """Keys of place words by kind (place_words.txt; generic: مدينة، ولاية)."""
    return _by_kind("ner/place_words.txt", _key)


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
        end_stop=_words("ner/not_name_end.txt", _key) | titles,
        titles=titles,
        chain_heads=chain,
        chain_stems=chain | frozenset("ال" + w for w in chain),
        not_complement=_words("ner/not_in_complements.txt", _key) | institutions | heads.get("ORG", frozenset()),
        org_before_place=heads.get("ORG", frozenset()) - heads.get("LOC", frozenset()),
        speech=_words("ner/speech.txt", _key),
        openers=frozenset(tuple(_normalize(w) for w in line.split()[:2])  # type: ignore[misc]
                          for line in load_lines("ner/complement_openers.txt")),
        purpose_stems=frozenset(x for w in org_heads().get("purpose-head", ()) for x in (core(w), "ال" + core(w))),
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


def agree(head: Token, adj: Token) -> bool:
    """Gender agreement of a head noun and its nisba: الحكومة الأردنية, not (وزير) الخارجية الأمريكي;
    a plural in ات takes a feminine nisba (السلطات الإسرائيلية، الاستخبارات الروسية)."""
    return head.stem.endswith(("ه", "ات")) == adj.stem.endswith("يه")


def ends_names(t: Token) -> bool:
    """A word no head-noun name goes on over: a time word (not_in_names.txt) or a description
    (not_name_end.txt: هيئة الأركان | التابعة لـ)."""
    return t.stem in not_in_names() or core(t.stem) in span_lists().end_stop


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
