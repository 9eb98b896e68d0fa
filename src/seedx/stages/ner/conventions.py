"""SPEC.md's span conventions applied to any tagger's output.

The taggers learnt ANERcorp's conventions, which differ from seedx's record
contract in two ways worth fixing by rule: ANERcorp often leaves the head noun
out of a name (حماس for حركة حماس, غزة for قطاع غزة) and marks currencies as
MISC. They also cut long names short and let names run on into the next word:
span-edge rules (issue 5) cut names at function words, prepositions, titles and
descriptions, and widen them over name particles, compound and hyphenated name
parts, known name words, لـ complements of institutions (الهيئة العليا
للانتخابات) and agreeing nisbas. The lists are data files in seedx/resources/ner.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from seedx.document import Token
from seedx.evaluate.conll import chunks as _all_chunks
from seedx.stages.ner.lexicon import core


def _chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """conll.chunks, at C speed for the usual sentence without any entity."""
    return _all_chunks(tags) if tags.count("O") != len(tags) else []


@lru_cache(maxsize=1)
def _org_heads() -> dict[str, frozenset[str]]:
    from seedx.resources import load_lines
    from seedx.stages.normalize import normalize_word

    out: dict[str, set[str]] = {}
    for line in load_lines("ner/org_heads.txt"):
        kind, _, word = line.partition("\t")
        out.setdefault(kind.strip(), set()).add(normalize_word(word.strip()))
    return {k: frozenset(v) for k, v in out.items()}


def _definite(t: Token) -> bool:
    return t.kind == "word" and t.stem.startswith("ال") and len(t.stem) > 3


def _nisba(t: Token) -> bool:
    return _definite(t) and t.stem.endswith(("ي", "يه")) and len(t.stem) > 5


def _agree(head: Token, adj: Token) -> bool:
    """Gender agreement of a head noun and its nisba: الحكومة الأردنية, not (وزير) الخارجية الأمريكي;
    a plural in ات takes a feminine nisba (السلطات الإسرائيلية، الاستخبارات الروسية)."""
    return head.stem.endswith(("ه", "ات")) == adj.stem.endswith("يه")


def _head_patterns(tokens: list[Token], tags: list[str], prefix: str = "", label: str = "ORG",
                   stems: list[str] | None = None) -> None:
    """Tag, in place, untagged head-noun names (see org_heads.txt); `stems`: the tokens' stems, if known."""
    heads = _org_heads()
    construct, nisba = heads.get(prefix + "construct", frozenset()), heads.get(prefix + "nisba", frozenset())
    if stems is not None and construct.isdisjoint(stems) and nisba.isdisjoint(stems):
        return  # no head noun in the sentence: nothing can match
    n = len(tokens)
    i = 0
    while i < n - 1:
        t = tokens[i]
        end = i
        if tags[i] == "O" and t.kind == "word":
            if t.stem in construct:
                j = i + 1
                if not prefix and j + 1 < n and tags[j] == "O" and tags[j + 1] == "O" \
                        and _idafa(tokens[j], tokens[j + 1]):
                    j += 1  # لجنة حماية الصحفيين: an indefinite noun in construct, then the definite chain
                while j < n and j - i <= 3 and tags[j] == "O" and _definite(tokens[j]) and (
                        tokens[j].clitic in ("", "و") if j > i + 1 else tokens[j].clitic[-1:] not in ("ب", "ك")
                        ) and tokens[j].stem not in nisba and not _ends_names(tokens[j]):
                    j += 1
                end = j
            elif t.stem in nisba and tags[i + 1] == "O" and _nisba(tokens[i + 1]) and _agree(t, tokens[i + 1]):
                end = i + 2
        if end > i + 1 and (end == n or not tags[end].startswith("I-")):
            tags[i:end] = ["B-" + label] + ["I-" + label] * (end - i - 1)
            i = end
        else:
            i += 1


def _idafa(noun: Token, nxt: Token) -> bool:
    """An indefinite noun right after a head that is itself in construct with a definite word
    (لجنة | حماية الصحفيين): a plain word before a definite word, not one that makes a generic body
    (مجلس | إدارة الشركة: org_heads.txt, not-construct)."""
    return (noun.kind == "word" and not noun.clitic and not _definite(noun) and len(noun.stem) > 2
            and noun.stem not in _span_lists().function and not _ends_names(noun)
            and noun.stem not in _org_heads().get("not-construct", frozenset())
            and _definite(nxt) and not nxt.clitic and not _ends_names(nxt))


def _ends_names(t: Token) -> bool:
    """A word no head-noun name goes on over: a time word (not_in_names.txt) or a description
    (not_name_end.txt: هيئة الأركان | التابعة لـ)."""
    return t.stem in _not_in_names() or core(t.stem) in _span_lists().end_stop


@lru_cache(maxsize=1)
def _not_in_names() -> frozenset[str]:
    from seedx.resources import load_lines
    from seedx.stages.normalize import normalize_word

    return frozenset(normalize_word(w) for w in load_lines("ner/not_in_names.txt"))


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    from seedx.resources import load_lines
    from seedx.stages.normalize import normalize_word

    heads: dict[str, set[str]] = {}
    for line in load_lines("ner/span_heads.txt"):
        label, _, word = line.partition("\t")
        heads.setdefault(label.strip(), set()).add(core(normalize_word(word.strip())))
    never = frozenset(core(normalize_word(w)) for w in load_lines("ner/not_names.txt"))
    return {k: frozenset(v) for k, v in heads.items()}, never


def _key(t: Token) -> str:
    return core(t.stem)


def apply(tokens: list[Token], tags: list[str], scores: list[float] | None = None,
          places: frozenset[str] = frozenset()) -> tuple[list[str], list[float] | None]:
    """Tags with head nouns pulled into ORG/LOC names, lone not-names dropped, head-noun
    organizations added and span edges moved (see the module's docstring); scores of the tokens a
    rule tagged are the name's (or 0.5)."""
    heads, never = _lists()
    persons = _person_words()
    before = tags
    tags = list(tags)
    for s, e, label in reversed(_chunks(tags)):  # one pass over the chunks: each rule stays inside its own
        if e - s == 1 and _key(tokens[s]) in never:
            tags[s] = "O"
            continue
        h = s - 1
        if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and _key(tokens[h]) in heads.get(label, ()):
            tags[h] = "B-" + label
            tags[s] = "I-" + label
            s = h
        e = _cut(tokens, tags, s, e, label, persons, places)
        if label == "LOC":
            _org_before_place(tokens, tags, s, e)
        elif label == "PER":
            _family_name(tokens, tags, e)
    stems = [t.stem for t in tokens]
    _head_patterns(tokens, tags, stems=stems)
    _head_patterns(tokens, tags, "misc-", "MISC", stems=stems)
    _head_patterns(tokens, tags, "loc-", "LOC", stems=stems)
    _org_chains(tokens, tags, places, stems)
    _last_edges(tokens, tags, persons, places)
    if places:
        _nationalities(tokens, tags, places, stems)
    if scores is not None:
        scores = list(scores)
        for i, (a, b) in enumerate(zip(before, tags, strict=True)):
            if a == "O" and b != "O":
                scores[i] = scores[i + 1] if b.startswith("B-") and i + 1 < len(tags) and before[i + 1] != "O" else 0.5
    return tags, scores


def _event_place(tokens: list[Token], tags: list[str], s: int, e: int) -> bool:
    """An event head right before a place name makes one event name: قمة شرم الشيخ."""
    h = s - 1
    if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and tokens[h].stem in _org_heads().get(
            "misc-place", frozenset()):
        tags[h:e] = ["B-MISC"] + ["I-MISC"] * (e - h - 1)
        return True
    return False


_PLURAL = ("يون", "يين")


_ENDINGS = (*_PLURAL, "يا")


def _nationalities(tokens: list[Token], tags: list[str], places: frozenset[str],
                   stems: list[str] | None = None) -> None:
    """Nationality nouns (الفلسطينيون، أمريكيين، 19 فلسطينيا) are MISC where their base is a known place."""
    for i, t in enumerate(tokens):
        if stems is not None and not stems[i].endswith(_ENDINGS):
            continue  # the key (a suffix of the stem) cannot end like a nationality either
        if tags[i] != "O" or t.kind != "word":
            continue
        key = core(t.stem)
        suffixes = _PLURAL + (("يا",) if i > 0 and tokens[i - 1].kind == "number" else ())
        for suf in suffixes:
            if key.endswith(suf) and len(key) >= len(suf) + 4:
                base = key[: -len(suf)]
                if base in places or base + "ا" in places or base + "يا" in places:
                    tags[i] = "B-MISC"
                break


_AL = "ال"


def _family_name(tokens: list[Token], tags: list[str], e: int) -> None:
    """A person's name ending at e goes on over آل + family (سلمان بن عبدالعزيز آل سعود), which taggers
    often split."""
    if e + 1 < len(tokens) and tokens[e].norm == _AL and tags[e] == "O" \
            and tokens[e + 1].kind == "word" and tags[e + 1] in ("O", "B-PER"):
        end = e + 2
        while end < len(tags) and tags[end] == "I-PER":
            end += 1
        tags[e:end] = ["I-PER"] * (end - e)


# --- Span edges: where a tagged name really starts and ends -----------------------------------------
# Taggers trained on ANERcorp cut long names short and let names run on into the next word. The rules
# below move span edges by general patterns of Arabic names; every list is a file in resources/ner.


class _SpanLists(NamedTuple):
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


@lru_cache(maxsize=1)
def _span_lists() -> _SpanLists:
    from seedx.resources import load_lines
    from seedx.stages.normalize import normalize_word

    def keys(name: str) -> frozenset[str]:
        return frozenset(core(normalize_word(w)) for w in load_lines(name))

    heads, _ = _lists()
    org_heads = _org_heads()
    titles = keys("ner/titles.txt")
    chain = frozenset(core(w) for w in org_heads.get("chain", frozenset()))
    institutions = chain | frozenset(core(w) for k in ("construct", "nisba") for w in org_heads.get(k, ()))
    compounds: dict[str, set[str]] = {}
    for line in load_lines("ner/name_compounds.txt"):
        kind, _, word = line.partition("\t")
        compounds.setdefault(kind.strip(), set()).add(normalize_word(word.strip()))
    return _SpanLists(
        links=frozenset(normalize_word(w) for w in load_lines("ner/name_links.txt")),
        compound_first=frozenset(compounds.get("first", ())),
        compound_second=frozenset(compounds.get("second", ())),
        function=frozenset(normalize_word(w) for w in load_lines("ner/function_words.txt")),
        function_before_definite=frozenset(normalize_word(w) for w in load_lines("ner/function_before_definite.txt")),
        end_stop=keys("ner/not_name_end.txt") | titles,
        titles=titles,
        chain_heads=chain,
        chain_stems=chain | frozenset("ال" + w for w in chain),
        not_complement=keys("ner/not_in_complements.txt") | institutions | heads.get("ORG", frozenset()),
        org_before_place=heads.get("ORG", frozenset()) - heads.get("LOC", frozenset()),
        speech=keys("ner/speech.txt"),
        openers=frozenset(tuple(normalize_word(w) for w in line.split()[:2])  # type: ignore[misc]
                          for line in load_lines("ner/complement_openers.txt")),
    )


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Single-word person names of the builtin model's lexicon (gazetteers and harvested names), less
    words that are also titles, cue words or places: words that may continue a tagged person's name."""
    from seedx.stages.ner import load_builtin
    from seedx.stages.ner.backends import builtin_model_dir

    try:
        lex = load_builtin(str(builtin_model_dir())).featurizer.lexicon
    except FileNotFoundError:
        return frozenset()
    lists = _span_lists()
    bad = {core(w) for w in lists.function | lists.function_before_definite | lists.links | _not_in_names()}
    bad |= lists.end_stop | _lists()[1]
    only = {"GAZ-PER", "HRV-PER"}
    return frozenset(w for w, kinds in lex.single.items() if only.issuperset(kinds) and w not in bad)


def _is_name_word(t: Token, persons: frozenset[str]) -> bool:
    """A word that may continue a person's name: a known name word without proclitic or article, not a
    function word or a title, and not a common noun (a word the corpus writes with ال more than a third
    as often: قسم، or an accusative noun: برنامجا)."""
    if t.kind != "word" or t.clitic or core(t.norm) not in persons:
        return False
    lists = _span_lists()
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


def _is_function(tokens: list[Token], k: int) -> bool:
    lists = _span_lists()
    w = tokens[k].norm
    return w in lists.function or (w in lists.function_before_definite and k + 1 < len(tokens)
                                    and _definite(tokens[k + 1]))


def _glued(tokens: list[Token], j: int) -> bool:
    """A hyphen with no space either side (سونغ-ريونغ)."""
    t = tokens[j]
    return (t.norm == "-" and 0 < j < len(tokens) - 1 and tokens[j - 1].end == t.start
            and tokens[j + 1].start == t.end and tokens[j + 1].kind == "word")


def _set(tags: list[str], s: int, e: int, label: str) -> None:
    tags[s:e] = ["B-" + label] + ["I-" + label] * (e - s - 1)


def _chunk_end(tags: list[str], j: int) -> int:
    """End of the chunk starting at j."""
    j += 1
    while j < len(tags) and tags[j].startswith("I-"):
        j += 1
    return j


def _cut(tokens: list[Token], tags: list[str], s: int, e: int, label: str, persons: frozenset[str],
         places: frozenset[str]) -> int:
    """A name cut where it runs on: a person's name at a function word or a preposition proclitic
    (عبد الغني | للأناضول), two coordinated names split at و (هاني | وهمام), an ORG at a definite title
    and a person's name (اتحاد الكتاب | المتحدث | خالد يوسف), and any name before a trailing title,
    description or function word.
    Returns the chunk's new end."""
    lists = _span_lists()
    if label == "PER":
        for k in range(s + 1, e):
            t = tokens[k]
            c = t.clitic
            if _is_function(tokens, k) or (c and c[-1] in "بكل" and (
                    _definite(t) or core(t.stem) in places) and t.norm not in persons):
                tags[k:e] = ["O"] * (e - k)
                e = k
                break
            if c == "و" and t.norm not in persons:
                if core(t.stem) in persons:
                    tags[k] = "B-PER"  # the rest of the chunk goes with the second name
                else:
                    tags[k:e] = ["O"] * (e - k)
                    e = k
                break
    elif label == "ORG":
        for k in range(s + 1, e - 1):
            t = tokens[k]
            if t.stem.startswith("ال") and core(t.stem) in lists.titles and not t.clitic \
                    and _is_name_word(tokens[k + 1], persons):  # not مكتب الرئيس الفلسطيني
                tags[k] = "O"
                _set(tags, k + 1, e, "PER")
                e = k
                break
    stops = lists.end_stop if label in ("PER", "ORG") else lists.end_stop - lists.titles  # شرم الشيخ
    while e - s > 1 and (core(tokens[e - 1].stem) in stops or _is_function(tokens, e - 1)):
        e -= 1
        tags[e] = "O"
    return e


def _name_starts_after(tokens: list[Token], i: int) -> bool:
    """Whether a name may start at i: first in the sentence, or after punctuation, a title, a reporting
    verb or a name particle (قال | صباح خالد الحمد، الشيخ | صباح ...)."""
    if i == 0:
        return True
    p = tokens[i - 1]
    lists = _span_lists()
    return p.kind == "punct" or core(p.stem) in lists.titles or core(p.stem) in lists.speech or p.norm in lists.links


def _extend_person(tokens: list[Token], tags: list[str], s: int, e: int, persons: frozenset[str]) -> None:
    """A person's name widened over the parts taggers leave out: a particle and the word after it
    (محمد | بن سلمان), known name words (صباح | خالد الحمد), a hyphenated part (سونغ-ريونغ), the
    first half of a compound (نجم | الدين) and a name right after (كيم جونغ | أون)."""
    lists = _span_lists()
    n = len(tokens)
    j = e
    while j < n and j - s < 6 and not tokens[j - 1].norm.startswith("ال"):  # الحمد، الجنيبي end a name
        t = tokens[j]
        if tags[j] not in ("O", "B-PER"):
            break
        if tags[j] == "B-PER":
            # كيم جونغ | أون، دونالد | ترامب: a name right after a name of two words or more, or after a
            # known first name, is its last part, unless it starts with و (ايبواه | ودراماني: two names)
            if t.kind != "word" or t.norm.startswith("و") or _is_function(tokens, j) or (
                    j - s < 2 and not _is_name_word(tokens[j - 1], persons)):
                break
            j = _chunk_end(tags, j)
        elif tags[j] == "O" and t.norm in lists.links and j + 1 < n and tokens[j + 1].kind == "word" \
                and tags[j + 1] in ("O", "B-PER") and not tokens[j + 1].clitic:
            j += 2
        elif tags[j] == "O" and _glued(tokens, j) and (tags[j + 1] == "O" or (
                tags[j + 1].startswith("B-") and (j + 2 == n or not tags[j + 2].startswith("I-")))):
            j += 2  # سانغ-دوك: one word, whatever a tagger made of its second half
        elif tags[j] == "O" and _is_name_word(t, persons) and j - s < 4:
            j += 1
        else:
            break
    if j < n and tags[j].startswith("I-"):
        j = e  # would cut another name in two
    h = s
    while h > 0 and s - h < 2 and tags[h - 1] == "O":
        p = tokens[h - 1]
        if p.kind != "word" or tokens[h].clitic:
            break  # a proclitic marks where the name starts (وخالد)
        if h == s and tokens[h].norm in lists.compound_second and not p.clitic:
            h -= 1  # نجم | الدين، عبد | الله: a compound name's first half
        elif (p.norm in lists.links or p.norm in lists.compound_first) and not p.clitic:
            h -= 1
        elif _is_name_word(p, persons) and not p.norm.startswith("ال") and _name_starts_after(tokens, h - 1):
            h -= 1
        else:
            break
    if (h, j) != (s, e):
        _set(tags, h, j, "PER")


def _org_before_place(tokens: list[Token], tags: list[str], s: int, e: int) -> None:
    """An organization's head noun right before a place name makes one organization: وكالة الأناضول,
    صحيفة فلسطين, جامعة القاهرة."""
    h = s - 1
    heads = _span_lists().org_before_place
    if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and core(tokens[h].stem) in heads:
        _set(tags, h, e, "ORG")


def _complement(tokens: list[Token], tags: list[str], j: int, places: frozenset[str]) -> int:
    """End of a لـ complement of an institution's name starting at j (للانتخابات، لحقوق الإنسان،
    لنصرة القدس وفلسطين، للكهرباء والغاز، من أجل القدس), or j where there is none."""
    lists = _span_lists()
    n = len(tokens)
    if j >= n or tags[j] != "O" or tokens[j].kind != "word":
        return j
    t = tokens[j]
    if t.clitic == "ل":
        stem, end = t.stem, j + 1
    elif not t.clitic and t.norm.startswith("ل") and len(t.norm) > 4 and _common(t.norm[1:]):
        stem, end = t.norm[1:], j + 1  # لنصرة, لحقوق: the tokenizer keeps some ل-words whole
    elif j + 2 < n and (t.norm, tokens[j + 1].norm) in lists.openers and tags[j + 1] == "O":
        stem, end = "", j + 2  # من أجل + genitive
    else:
        return j
    key = core(stem)
    if stem and (key in lists.not_complement or key in places or stem in _not_in_names() or key in lists.end_stop
                 or stem in lists.function or key.endswith(("ين", "ون")) or len(key) < 3):
        return j
    if not stem.startswith("ال"):  # لنصرة القدس: a verbal noun needs its genitive
        if end >= n or tokens[end].clitic or tokens[end].kind != "word":
            return j
        if tags[end] == "O" and _definite(tokens[end]) and not _ends_names(tokens[end]):
            end += 1
        elif tags[end] in ("B-LOC", "B-ORG"):
            end = _chunk_end(tags, end)
        else:
            return j
    added = 0
    while end < n and added < 3:
        u = tokens[end]
        if u.clitic == "و" and tags[end] in ("O", "B-LOC") and u.kind == "word" and (
                _definite(u) or tags[end] == "B-LOC" or core(u.stem) in places) and not _ends_names(u):
            end = _chunk_end(tags, end) if tags[end] == "B-LOC" else end + 1
        elif tags[end] == "O" and not u.clitic and _nisba(u) and not _ends_names(u):
            end += 1
        else:
            break
        added += 1
    if end < n and tags[end].startswith("I-"):
        return j
    return end


def _common(word: str) -> bool:
    """A word seen at least 50 times in the corpus vocabulary (the tokenizer's threshold)."""
    from seedx.resources import load_vocab

    return load_vocab().get(word, 0) >= 50


def _org_chains(tokens: list[Token], tags: list[str], places: frozenset[str],
                stems: list[str] | None = None) -> None:
    """Institution names with a لـ complement (الهيئة العليا للانتخابات، الشركة التونسية للكهرباء والغاز)
    where the tagger saw nothing: an untagged institution head with one to three adjectives or genitives
    and a complement is tagged ORG."""
    lists = _span_lists()
    if stems is not None and lists.chain_stems.isdisjoint(stems):
        return
    n = len(tokens)
    i = 0
    while i < n - 2:
        t = tokens[i]
        if tags[i] != "O" or t.kind != "word" or (stems[i] if stems is not None else t.stem) not in lists.chain_stems:
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= 3 and tags[j] == "O" and not tokens[j].clitic and _definite(tokens[j]) \
                and not _ends_names(tokens[j]):
            j += 1
        end = _complement(tokens, tags, j, places) if j > i + 1 else j
        if end > j:
            _set(tags, i, end, "ORG")
            i = end
        else:
            i += 1


def _extend_org(tokens: list[Token], tags: list[str], s: int, e: int, places: frozenset[str]) -> int:
    """An ORG that starts with an institution head goes on over its لـ complement (جامعة ... | للعلوم
    والتكنولوجيا); returns the new end."""
    if core(tokens[s].stem) in _span_lists().chain_heads:
        end = _complement(tokens, tags, e, places)
        if end > e:
            _set(tags, s, end, "ORG")
            return end
    return e


def _nisba_chain(tokens: list[Token], tags: list[str], s: int, e: int, label: str) -> int:
    """A second nisba after an ORG or LOC name ending in one agrees and belongs to it
    (الرئاسة الكورية | الجنوبية، المملكة الأردنية | الهاشمية); returns the new end. A first nisba after
    a name is left as the tagger has it: it may describe (حزب الرفاه | الإسلامي) as well as name."""
    n = len(tokens)
    if e - s < 2 or not _nisba(tokens[e - 1]):
        return e
    j = e
    while j < n and j - e < 2 and tags[j] == "O" and not tokens[j].clitic and _nisba(tokens[j]) \
            and _agree(tokens[e - 1], tokens[j]) and not _ends_names(tokens[j]):
        j += 1
    if j > e and not (j < n and tags[j].startswith("I-")):
        _set(tags, s, j, label)
        return j
    return e


@lru_cache(maxsize=1)
def _place_words() -> dict[str, frozenset[str]]:
    from seedx.resources import load_lines
    from seedx.stages.normalize import normalize_word

    out: dict[str, set[str]] = {}
    for line in load_lines("ner/place_words.txt"):
        kind, _, word = line.partition("\t")
        out.setdefault(kind.strip(), set()).add(core(normalize_word(word.strip())))
    return {k: frozenset(v) for k, v in out.items()}


def _place_start(tokens: list[Token], tags: list[str], s: int, e: int) -> None:
    """A place name without a generic noun before it (ولاية | القصرين، مدينة | نابلس); place_words.txt."""
    if e - s > 1 and core(tokens[s].stem) in _place_words().get("generic", frozenset()):
        tags[s] = "O"
        tags[s + 1] = "B-LOC"


def _last_edges(tokens: list[Token], tags: list[str], persons: frozenset[str], places: frozenset[str]) -> None:
    """Event heads joined to places; names widened over their complements, nisbas and name parts."""
    for s, e, label in reversed(_chunks(tags)):
        if label == "ORG":
            e = _extend_org(tokens, tags, s, e, places)
            _nisba_chain(tokens, tags, s, e, label)
        elif label == "LOC":
            if _event_place(tokens, tags, s, e):
                continue
            _nisba_chain(tokens, tags, s, e, label)
            _place_start(tokens, tags, s, e)
        elif label == "PER" and tags[s] == "B-PER":  # not merged into the name before it
            _extend_person(tokens, tags, s, e, persons)
