"""SPEC.md's span conventions applied to any tagger's output, and `apply`, the one entry point of the
rules that move a tagger's names.

The taggers learnt ANERcorp's conventions, which differ from seedx's record
contract in two ways worth fixing by rule: ANERcorp often leaves the head noun
out of a name (حماس for حركة حماس, غزة for قطاع غزة) and marks currencies as
MISC. Here: head nouns pulled into names, lone not-names dropped, head-noun
organizations, events and places the tagger missed, nationalities and آل
families. Where names start and end otherwise (cut at function words and
titles, widened over name parts and complements) is span_edges.py's job; the
word lists of both are read in span_words.py.
"""

from __future__ import annotations

from seedx.document import Token
from seedx.stages.ner.lexicon import core
from seedx.stages.ner.span_edges import cut, last_edges, org_before_place, org_chains
from seedx.stages.ner.span_words import (
    agree,
    definite,
    ends_names,
    nisba,
    not_names,
    org_heads,
    person_words,
    span_heads,
    span_lists,
)
from seedx.stages.ner.spans import chunks


def apply(tokens: list[Token], tags: list[str], scores: list[float] | None = None,
          places: frozenset[str] = frozenset()) -> tuple[list[str], list[float] | None]:
    """Tags with head nouns pulled into ORG/LOC names, lone not-names dropped, head-noun
    organizations added and span edges moved (see the module's docstring); scores of the tokens a
    rule tagged are the name's (or 0.5)."""
    heads, never = span_heads(), not_names()
    persons = person_words()
    before = tags
    tags = list(tags)
    for s, e, label in reversed(chunks(tags)):  # one pass over the chunks: each rule stays inside its own
        if e - s == 1 and core(tokens[s].stem) in never:
            tags[s] = "O"
            continue
        h = s - 1
        if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and core(tokens[h].stem) in heads.get(label, ()):
            tags[h] = "B-" + label
            tags[s] = "I-" + label
            s = h
        e = cut(tokens, tags, s, e, label, persons, places)
        if label == "LOC":
            org_before_place(tokens, tags, s, e)
        elif label == "PER":
            _family_name(tokens, tags, e)
    stems = [t.stem for t in tokens]
    _head_patterns(tokens, tags, stems=stems)
    _head_patterns(tokens, tags, "misc-", "MISC", stems=stems)
    _head_patterns(tokens, tags, "loc-", "LOC", stems=stems)
    org_chains(tokens, tags, places, stems)
    last_edges(tokens, tags, persons, places)
    if places:
        _nationalities(tokens, tags, places, stems)
    if scores is not None:
        scores = list(scores)
        for i, (a, b) in enumerate(zip(before, tags, strict=True)):
            if a == "O" and b != "O":
                scores[i] = scores[i + 1] if b.startswith("B-") and i + 1 < len(tags) and before[i + 1] != "O" else 0.5
    return tags, scores


def _head_patterns(tokens: list[Token], tags: list[str], prefix: str = "", label: str = "ORG",
                   stems: list[str] | None = None) -> None:
    """Tag, in place, untagged head-noun names (see org_heads.txt); `stems`: the tokens' stems, if known."""
    heads = org_heads()
    construct, nisbas = heads.get(prefix + "construct", frozenset()), heads.get(prefix + "nisba", frozenset())
    if stems is not None and construct.isdisjoint(stems) and nisbas.isdisjoint(stems):
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
                while j < n and j - i <= 3 and tags[j] == "O" and definite(tokens[j]) and (
                        tokens[j].clitic in ("", "و") if j > i + 1 else tokens[j].clitic[-1:] not in ("ب", "ك")
                        ) and tokens[j].stem not in nisbas and not ends_names(tokens[j]):
                    j += 1
                end = j
            elif t.stem in nisbas and tags[i + 1] == "O" and nisba(tokens[i + 1]) and agree(t, tokens[i + 1]):
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
    return (noun.kind == "word" and not noun.clitic and not definite(noun) and len(noun.stem) > 2
            and noun.stem not in span_lists().function and not ends_names(noun)
            and noun.stem not in org_heads().get("not-construct", frozenset())
            and definite(nxt) and not nxt.clitic and not ends_names(nxt))


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
