"""SPEC.md's span conventions applied to any tagger's output.

The taggers learnt ANERcorp's conventions, which differ from seedx's record
contract in two ways worth fixing by rule: ANERcorp often leaves the head noun
out of a name (حماس for حركة حماس, غزة for قطاع غزة) and marks currencies as
MISC. The lists are data files in seedx/resources/ner.
"""

from __future__ import annotations

from functools import lru_cache

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
    """Gender agreement of a head noun and its nisba: الحكومة الأردنية, not (وزير) الخارجية الأمريكي."""
    return head.stem.endswith("ه") == adj.stem.endswith("يه")


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
                while j < n and j - i <= 3 and tags[j] == "O" and _definite(tokens[j]) and (
                        j == i + 1 or not tokens[j].clitic or tokens[j].clitic == "و"
                        ) and tokens[j].stem not in nisba and tokens[j].stem not in _not_in_names():
                    j += 1
                end = j
            elif t.stem in nisba and tags[i + 1] == "O" and _nisba(tokens[i + 1]) and _agree(t, tokens[i + 1]):
                end = i + 2
        if end > i + 1 and (end == n or not tags[end].startswith("I-")):
            tags[i:end] = ["B-" + label] + ["I-" + label] * (end - i - 1)
            i = end
        else:
            i += 1


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
    """Tags with head nouns pulled into ORG/LOC names, lone not-names dropped and head-noun
    organizations added; scores of the tokens a rule tagged are the name's (or 0.5)."""
    heads, never = _lists()
    before = tags
    tags = list(tags)
    for s, e, label in _chunks(tags):
        if e - s == 1 and _key(tokens[s]) in never:
            tags[s] = "O"
            continue
        h = s - 1
        if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and _key(tokens[h]) in heads.get(label, ()):
            tags[h] = "B-" + label
            tags[s] = "I-" + label
    _family_names(tokens, tags)
    stems = [t.stem for t in tokens]
    _head_patterns(tokens, tags, stems=stems)
    _head_patterns(tokens, tags, "misc-", "MISC", stems=stems)
    _event_places(tokens, tags)
    if places:
        _nationalities(tokens, tags, places, stems)
    if scores is not None:
        scores = list(scores)
        for i, (a, b) in enumerate(zip(before, tags, strict=True)):
            if a == "O" and b != "O":
                scores[i] = scores[i + 1] if b.startswith("B-") and i + 1 < len(tags) and before[i + 1] != "O" else 0.5
    return tags, scores


def _event_places(tokens: list[Token], tags: list[str]) -> None:
    """An event head right before a place name makes one event name: قمة شرم الشيخ."""
    heads = _org_heads().get("misc-place", frozenset())
    for s, e, label in _chunks(tags):
        h = s - 1
        if label == "LOC" and h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and tokens[h].stem in heads:
            tags[h:e] = ["B-MISC"] + ["I-MISC"] * (e - h - 1)


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


def _family_names(tokens: list[Token], tags: list[str]) -> None:
    """A person's name goes on over آل + family (سلمان بن عبدالعزيز آل سعود), which taggers often split."""
    for _, e, label in reversed(_chunks(tags)):
        if label == "PER" and e + 1 < len(tokens) and tokens[e].norm == _AL and tags[e] == "O" \
                and tokens[e + 1].kind == "word" and tags[e + 1] in ("O", "B-PER"):
            end = e + 2
            while end < len(tags) and tags[end] == "I-PER":
                end += 1
            tags[e:end] = ["I-PER"] * (end - e)
