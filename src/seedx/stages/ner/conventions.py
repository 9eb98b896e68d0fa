"""SPEC.md's span conventions applied to any tagger's output, and `apply`, the one entry point of the
rules that move a tagger's names.

The taggers learnt ANERcorp's conventions, which differ from seedx's record
contract in two ways worth fixing by rule: ANERcorp often leaves the head noun
out of a name (حماس for حركة حماس, غزة for قطاع غزة) and marks currencies as
MISC. Here: head nouns pulled into names, lone not-names dropped, head-noun
organizations, events and places the tagger missed, nationalities (not where
they are the adjective of a plural noun) and آل families, quoted and bracketed names after a
head noun (عرض "أحب البلاد"، قائمة (صوت الناس)), the known names of known_names.txt, states' official
names (الجمهورية العربية السورية), media named after places in a reporter's or a statement's
context (قال للأناضول), and generic place words alone dropped (شبه الجزيرة). Where
names start and end otherwise (cut at function words and titles, widened over
name parts and complements) is span_edges.py's job; the word lists of both are
read in span_words.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from seedx.document import Token
from seedx.evaluate.conll import chunks
from seedx.stages.ner.event_names import event_names
from seedx.stages.ner.lexicon import core
from seedx.stages.ner.span_edges import (
    coordinated_places,
    cut,
    eponym,
    last_edges,
    names_after_titles,
    org_before_place,
    org_chains,
    places_after_generic,
    places_among_bodies,
    product_names,
    site,
    site_names,
)
from seedx.stages.ner.span_words import (
    agree,
    complementizers,
    definite,
    editions,
    ends_names,
    generic_constructs,
    human_plurals,
    known_names,
    media_places,
    nationality,
    nationality_plurals,
    nisba,
    not_acronyms,
    not_after_known,
    not_names,
    org_heads,
    person_words,
    place_intro,
    place_only_words,
    positions,
    quantity_nouns,
    quote_heads,
    rule_stems,
    span_heads,
    span_lists,
    team_cues,
    told_words,
)


def apply(tokens: list[Token], tags: list[str], scores: list[float] | None = None,
          places: frozenset[str] = frozenset()) -> tuple[list[str], list[float] | None]:
    """Tags with head nouns pulled into ORG/LOC names, lone not-names dropped, head-noun
    organizations added and span edges moved (see the module's docstring); scores of the tokens a
    rule tagged are the name's (or 0.5)."""
    heads, never = span_heads(), not_names()
    persons = person_words()
    body_heads = _body_heads()
    joined_places = place_only_words()
    no_known = not_after_known()
    broken = nationality_plurals()
    teams = team_cues()
    before = tags
    tags = list(tags)
    stems = [t.stem for t in tokens]
    triggers = rule_stems()
    found = triggers.all.intersection(stems)
    if found and not triggers.known.isdisjoint(found):
        _known_names(tokens, tags, known_names())
    has_site = bool(found) and not triggers.sites.isdisjoint(found)
    for s, e, label in reversed(chunks(tags)):  # one pass over the chunks: each rule stays inside its own
        if e - s == 1 and core(tokens[s].stem) in never:
            tags[s] = "O"
            continue
        if e - s == 2 and not tokens[s + 1].clitic and core(tokens[s].stem) in no_known \
                and core(tokens[s + 1].stem) in known_names():
            tags[s:e] = ["O", "O"]  # الحد الأقصى: the maximum, the known name's word an adjective after it
            continue
        if label == "LOC" and e - s > 1 and _generic_place(tokens, s, e):
            tags[s:e] = ["O"] * (e - s)
            continue
        if e - s == 1 and label in ("ORG", "LOC") and places \
                and (tokens[s].stem.endswith(_PLURAL) or tokens[s].stem in broken) \
                and _nationality_noun(tokens[s], places):
            tags[s] = "O"  # الأكراد، الفلسطينيين as a body: a nationality, which _nationalities tags
            continue
        if e - s == 1 and label in ("PER", "LOC") and _nisba_after_noun(tokens, tags, s, places):
            tags[s] = "O"  # الرئيس المصري، الجامعات السعودية: the adjective of the noun before it
            continue
        if label == "ORG" and e - s == 2 and tokens[s].stem in body_heads and tokens[s + 1].kind == "word" \
                and not _names_body(tokens[s], tokens[s + 1], places):
            tags[s:e] = ["O", "O"]  # الدول العربية، الحكومة الحالية: a description, not a name
            continue
        if label == "PER" and s > 0 and eponym(tokens, tags, s, e) is not None:
            continue  # مطار | الملك خالد: the airport's name, not the king's
        if label in ("PER", "LOC") and s > 0 and _team(tokens, tags, s, teams):
            label = "ORG"  # مدرب | برشلونة، لاعب | ليغانيس: the team
            tags[s:e] = ["B-ORG"] + ["I-ORG"] * (e - s - 1)
        h = s - 1
        if label != "LOC":
            if has_site:
                label = site(tokens, tags, s, e, label, heads)
            if label != "LOC" and e - s == 2 and core(tokens[s].stem) + tokens[s + 1].norm in joined_places:
                tags[s:e] = ["B-LOC", "I-LOC"]  # بيونغ يانغ، أبو ظبي: one place's name in two words
                label = "LOC"
        if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and core(tokens[h].stem) in heads.get(label, ()) \
                and tokens[s].clitic[-1:] not in ("ل", "ب") \
                and not (label == "LOC" and core(tokens[s].stem) in heads["LOC"]):
            # not ساحة | للشهداء (a genitive takes no preposition), nor ساحة | مسجد الفاتح (a site of its own)
            tags[h] = "B-" + label
            tags[s] = "I-" + label
            s = h
        e = cut(tokens, tags, s, e, label, persons, places)
        if label == "LOC":
            org_before_place(tokens, tags, s, e)
        elif label == "PER":
            _family_name(tokens, tags, e)
    if not triggers.media.isdisjoint(found):
        _media_names(tokens, tags, stems, triggers.media)
    if not triggers.quote_heads.isdisjoint(found):
        if triggers.quote in found:
            _quoted_names(tokens, tags, stems)
        if "(" in stems:
            _bracketed_names(tokens, tags, stems)
    if found:  # no head noun in the sentence: no head-noun name
        _head_patterns(tokens, tags, stems=stems, places=places, present=found)
        _head_patterns(tokens, tags, "misc-", "MISC", stems=stems, present=found)
        _head_patterns(tokens, tags, "loc-", "LOC", stems=stems, places=places, present=found)
        org_chains(tokens, tags, places, stems, found)
    last_edges(tokens, tags, persons, places)
    if found:
        events = triggers.events.intersection(found)
        if events:
            event_names(tokens, tags, stems, events, places)
        titles = triggers.titles.intersection(found)
        if titles:
            names_after_titles(tokens, tags, persons, places, positions(stems, titles))
        intro = triggers.intro.intersection(found)
        if intro:
            places_after_generic(tokens, tags, places, positions(stems, intro))
        sites = triggers.sites.intersection(found)
        if sites:
            site_names(tokens, tags, positions(stems, sites))
        products = triggers.products.intersection(found)
        if products:
            product_names(tokens, tags, positions(stems, products))
    if "B-ORG" in tags and places:
        places_among_bodies(tokens, tags, places)
    if "B-LOC" in tags:
        coordinated_places(tokens, tags, places)
    if places and (_could_be_nationality(stems) or not triggers.nationalities.isdisjoint(found)):
        _nationalities(tokens, tags, places, stems)
    if scores is not None:
        scores = list(scores)
        for i, (a, b) in enumerate(zip(before, tags, strict=True)):
            if a == "O" and b != "O":
                scores[i] = scores[i + 1] if b.startswith("B-") and i + 1 < len(tags) and before[i + 1] != "O" else 0.5
    return tags, scores


def _head_patterns(tokens: list[Token], tags: list[str], prefix: str = "", label: str = "ORG",
                   stems: list[str] | None = None, places: frozenset[str] = frozenset(),
                   present: frozenset[str] | set[str] | None = None) -> None:
    """Tag, in place, untagged head-noun names (see org_heads.txt); `stems`: the tokens' stems, if known;
    `present`: the sentence's stems among span_words.rule_stems().all, if known (a small set to ask)."""
    construct, nisbas, adj_heads, adjs, not_nisba, states, lam, any_head = _pattern_lists(prefix)
    ask = present if present is not None else stems
    if ask is not None and any_head.isdisjoint(ask):
        return  # no head noun in the sentence: nothing can match
    merged = ask is None or not lam.keys().isdisjoint(ask)
    if stems is None:
        stems = [t.stem for t in tokens]
    n = len(tokens)
    i = 0
    while i < n - 1:
        t = tokens[i]
        end = i
        stem = stems[i]
        if merged and stem in lam and t.clitic.endswith("ل"):
            stem = _lam_reading(tokens, i, lam[stem], adjs)
        if tags[i] == "O" and t.kind == "word" and (stem in construct or stem in nisbas or stem in adj_heads):
            if stem in construct:
                j = i + 1
                if not prefix and j + 1 < n and tags[j] == "O" and tags[j + 1] == "O" \
                        and _idafa(tokens[j], tokens[j + 1]):
                    j += 1  # لجنة حماية الصحفيين: an indefinite noun in construct, then the definite chain
                while j < n and j - i <= 3 and tags[j] == "O" and definite(tokens[j]) and (
                        tokens[j].clitic in ("", "و") if j > i + 1 else tokens[j].clitic[-1:] not in ("ب", "ك")
                        ) and tokens[j].stem not in nisbas and not ends_names(tokens[j]):
                    j += 1
                end = j
                if end > i + 1 and core(stems[i + 1]) in generic_constructs().get(stem, ()):
                    end = i  # حركة | السير، حركة | البيع: a common phrase (generic_constructs.txt)
            elif stem in nisbas and tags[i + 1] == "O" and nisba(tokens[i + 1]) and agree(t, tokens[i + 1]) \
                    and not ends_names(tokens[i + 1]) \
                    and (_names_body(t, tokens[i + 1], places) if not prefix else stems[i + 1] not in not_nisba
                         and (stem not in states or _state_name(tokens, i, places))):
                end = i + 2
                if not prefix and i > 0 and tags[i - 1] == "O" and stems[i - 1] in construct:
                    i -= 1  # وزارة | الخارجية الفرنسية: the ministry's own head noun, in construct with it
            elif stem in adj_heads and tags[i + 1] == "O" and not tokens[i + 1].clitic \
                    and stems[i + 1] in adjs and _feminine(stem) == _feminine(stems[i + 1]):
                end = i + 2  # النيابة العامة، المحكمة العليا
                if end < n and tags[end] == "O" and not tokens[end].clitic and nisba(tokens[end]) \
                        and _feminine(stem) == stems[end].endswith("يه") and not ends_names(tokens[end]):
                    end += 1  # القوات المسلحة | الأردنية، النيابة العامة | المصرية: the body's nisba
        if end > i + 1 and (end == n or not tags[end].startswith("I-")):
            tags[i:end] = ["B-" + label] + ["I-" + label] * (end - i - 1)
            i = end
        else:
            i += 1


class _PatternLists(NamedTuple):
    """The lists of _head_patterns for one prefix (org_heads.txt), read once."""

    construct: frozenset[str]
    nisbas: frozenset[str]
    adj_heads: frozenset[str]
    adjs: frozenset[str]
    not_nisba: frozenset[str]
    states: frozenset[str]
    lam: dict[str, str]
    any_head: frozenset[str]
    """Every stem a pattern starts from: a sentence with none of them has no such name."""


@lru_cache(maxsize=4)
def _pattern_lists(prefix: str) -> _PatternLists:
    """_head_patterns' lists for `prefix` ("", "misc-", "loc-")."""
    heads = org_heads()
    construct, nisbas = heads.get(prefix + "construct", frozenset()), heads.get(prefix + "nisba", frozenset())
    adj_heads = heads.get("adj-head", frozenset()) if not prefix else frozenset()
    lam = _lam_heads(prefix)
    return _PatternLists(construct, nisbas, adj_heads, heads.get("adj", frozenset()),
                         heads.get("not-nisba", frozenset()), heads.get("state", frozenset()), lam,
                         construct | nisbas | adj_heads | frozenset(lam))


@lru_cache(maxsize=4)
def _lam_heads(prefix: str) -> dict[str, str]:
    """Heads that start with ل (لجنة) as the tokenizer stems them after a proclitic ل: للجنة is ل +
    لجنة or ل + اللجنة (the article's ل merges with the word's), and the tokenizer, reading ل + ال,
    leaves الجنة. By that stem: the head as listed (لجنة, or اللجنة where only that is), which
    _lam_reading reads as the next word has it."""
    heads = org_heads()
    out: dict[str, str] = {}
    for w in heads.get(prefix + "nisba", frozenset()) | heads.get("adj-head", frozenset()) if not prefix else \
            heads.get(prefix + "nisba", frozenset()):
        if w.startswith("الل"):
            out["ال" + w[3:]] = w
    for w in heads.get(prefix + "construct", frozenset()):
        if w.startswith("ل"):
            out["ال" + w[1:]] = w
    return out


def _lam_reading(tokens: list[Token], i: int, head: str, adjs: frozenset[str]) -> str:
    """The stem of a merged ل-head (للجنة) as the next word reads it: before a nisba, an adjective or a
    function word the head is definite (للجنة | الخيرية، للجنة | العليا، للجنة | التي: اللجنة); before a
    noun it is in construct (للجنة | حماية المستهلك، للجنة | الانتخابات: لجنة)."""
    definite_form = "ال" + head if not head.startswith("ال") else head
    construct_form = head[2:] if head.startswith("ال") else head
    if i + 1 >= len(tokens):
        return definite_form
    nxt = tokens[i + 1]
    if nxt.kind != "word" or nisba(nxt) or nxt.stem in adjs or nxt.norm in span_lists().function:
        return definite_form
    return construct_form


def _nisba_after_noun(tokens: list[Token], tags: list[str], i: int, places: frozenset[str]) -> bool:
    """Whether the one-word name at i is a place's nisba (المصري، السعودي، السعودية) describing the
    untagged definite noun right before it, agreeing in gender (الرئيس المصري، الأمير السعودي، الجامعات
    السعودية، وزارة الخارجية السعودية): an adjective, neither a person nor the place (SPEC.md: a
    nationality is MISC only used as a name). A place named like a nisba (السعودية) is the place after
    a verb, a preposition or an indefinite noun (تقوده السعودية، في السعودية، أهمية السعودية)."""
    t = tokens[i]
    if i == 0 or t.clitic or not definite(t) or tags[i - 1] != "O":
        return False
    prev = tokens[i - 1]
    if prev.kind != "word" or not definite(prev) or prev.stem in span_lists().function or not agree(prev, t):
        return False
    key = core(t.stem)
    for suf in ("يه", "ي"):
        if key.endswith(suf) and len(key) > len(suf) + 2:
            base = key[: -len(suf)]
            return any(x in places for x in (base, base + "ا", base + "يا", base + "ه", base + "يه"))
    return False


def _nationality_noun(t: Token, places: frozenset[str]) -> bool:
    """A plural nationality noun: a broken plural of nationality_plurals.txt (الأكراد) or a sound plural
    nisba of a known place (الفلسطينيين), as _nationalities reads them."""
    if t.stem in nationality_plurals():
        return definite(t)  # الأكراد; not مان (بوكر), which ألمان's key happens to be
    key = core(t.stem)
    for suf in _PLURAL:
        if key.endswith(suf) and len(key) >= len(suf) + 4:
            base = key[: -len(suf)]
            return base in places or base + "ا" in places or base + "يا" in places
    return False


def _team(tokens: list[Token], tags: list[str], s: int, teams: frozenset[str]) -> bool:
    """The name at s is the genitive of a sports noun in the construct state (team_cues.txt: مدرب
    برشلونة، مباراة نابولي): a club or national team, an organization, where a city's or person's name
    stands for it. A definite noun before it is no construct (الفريق خليفة: a rank and a person)."""
    p = tokens[s - 1]
    return tags[s - 1] == "O" and p.kind == "word" and not definite(p) and not tokens[s].clitic \
        and core(p.stem) in teams


def _generic_place(tokens: list[Token], s: int, e: int) -> bool:
    """A place name made only of generic place words (place_words.txt: generic, before): شبه الجزيرة،
    جبال المنطقة are the peninsula and the mountains of a place named elsewhere, no name of their own
    (SPEC.md: the name alone is the place)."""
    intro = place_intro()
    keys = [core(t.stem) for t in tokens[s:e]]
    return " ".join(keys) in intro or all(k in intro for k in keys)


def _state_name(tokens: list[Token], i: int, places: frozenset[str]) -> bool:
    """Whether the state head at i (org_heads.txt: state) and the nisbas after it name a state: one of
    the next two words is a nationality (الجمهورية | العربية السورية، المملكة | المغربية), where a
    nisba of another kind only describes (المملكة الساحلية، الإمارة النفطية). A base of two letters
    is taken for no country's name, which a short gazetteer entry could match."""
    return any(k < len(tokens) and nisba(tokens[k]) and len(core(tokens[k].stem)) > 4
               and nationality(tokens[k], places) for k in (i + 1, i + 2))


def _known_names(tokens: list[Token], tags: list[str], known: dict[str, dict[tuple[str, ...], str]]) -> None:
    """Names of known_names.txt (الحوثيون، أنصار الله، المسجد الأقصى) tagged where they occur, longest
    first, unless a word of NOT-AFTER comes right before (الحد الأقصى); the tagger's chunks inside one
    give way (أنصار | الله as MISC, المسجد الأقصى as MISC), chunks across its edges keep it out (طوفان
    الأقصى tagged as one event is left alone)."""
    n = len(tokens)
    i = 0
    while i < n:
        cands = known.get(core(tokens[i].stem)) if tokens[i].kind == "word" else None
        if not cands or tags[i].startswith("I-") or (
                i > 0 and not tokens[i].clitic and core(tokens[i - 1].stem) in not_after_known()):
            i += 1
            continue
        best = None
        for keys, label in cands.items():
            m = len(keys)
            if i + m <= n and (best is None or m > best[0]) and all(
                    not tokens[k].clitic and core(tokens[k].norm) == keys[k - i] for k in range(i + 1, i + m)):
                best = (m, label)
        if best is not None and best[0] + i < n and tags[best[0] + i].startswith("I-"):
            best = _known_union(tags, i, *best)
        if best is None:
            i += 1
            continue
        m, label = best
        if m == 1 and tokens[i].stem.endswith(_PLURAL) and not tokens[i].clitic and i > 0:
            if tags[i - 1] == "I-" + label:  # جماعة أنصار الله | الحوثيين: the name's apposition, inside it
                tags[i] = "I-" + label
                i += 1
                continue
            if _adjective(tokens, tags, i):
                i += 1  # المتمردين الحوثيين: the adjective of the noun before, as a nationality would be
                continue
        tags[i : i + m] = ["B-" + label] + ["I-" + label] * (m - 1)
        i += m


_UNION_REACH = 3
"""How many words past a known name a tagger's chunk that starts inside it may take it."""


def _known_union(tags: list[str], i: int, m: int, label: str) -> tuple[int, str] | None:
    """A known name at i..i+m that a tagger's chunk runs past: where the chunk starts inside the name
    (قناة | السويس البحرية), name and chunk are one name of the known label (قناة السويس البحرية, LOC);
    where it starts before (طوفان | الأقصى), the chunk is left alone (None)."""
    k = i + m
    p = k - 1
    while p > i and not tags[p].startswith("B-"):
        p -= 1
    if not tags[p].startswith("B-"):
        return None
    end = k
    while end < len(tags) and tags[end].startswith("I-"):
        end += 1
    return (end - i, label) if end - k <= _UNION_REACH else None


_QUOTE = '"'
_MAX_QUOTED = 8


def _quoted_names(tokens: list[Token], tags: list[str], stems: list[str]) -> None:
    """A quoted name right after a head noun takes the head's label (span_words.quote_heads): عرض "أحب
    البلاد"، مسرحية "عنف"، برنامج "عقد الكرامة" (works and events, MISC), لشركة "ميتا"، قائمة "في حب
    مصر" (ORG), فندق "كوريو" (LOC). The quotes mark where the name starts and ends, so the quoted text
    is one name whatever the tagger made of its words (عرض "من إشبيلية إلى تونس" is a show, not two
    places); the head stays out, as SPEC.md's examples have it. A quoted name after لـ that follows a
    reporting word is the medium a statement was made to (قال مسؤول، لـ«الشرق الأوسط»: ORG), where
    لـ alone would also take an event's name (دعما لـ"طوفان الأقصى"); a place's name quoted after لـ is
    that medium too wherever the word of saying is (مصادر لـ«الوطن» أن...: a newspaper named after a
    place; a place itself is not quoted after لـ). After a definite head with لـ the
    quote is what was said to it (قال للجهاز "افتح"), no name. `stems`: the tokens' stems."""
    heads = quote_heads()
    quotes = positions(stems, {_QUOTE})
    k = 0
    while k < len(quotes) - 1:
        i, j = quotes[k], quotes[k + 1]
        label = heads.get(core(stems[i - 1])) if i > 0 and tokens[i - 1].kind == "word" else None
        if label is not None and tokens[i - 1].clitic.endswith("ل") and definite(tokens[i - 1]):
            label = None  # قال للجهاز "...": words said to the thing, not its name (لشركة "ميتا" names)
        if label is not None and i > 1 and definite(tokens[i - 1]) and tokens[i - 2].norm in complementizers():
            label = None  # أكد أن الاتحاد "مستعد للمساعدة": the clause's subject and what it said
        if label is None and i > 1 and stems[i - 1] == "ل" and (_told(stems, i - 1) or _quoted_place(tags, i, j)):
            label = "ORG"  # قال مسؤول، لـ«الشرق الأوسط»: a statement made to a medium
        if label is None or not 1 < j - i <= _MAX_QUOTED \
                or not any(t.kind in ("word", "latin", "hashtag") for t in tokens[i + 1 : j]) \
                or tokens[i + 1].kind == "punct" \
                or (label == "LOC" and j - i == 2 and _common_noun(tokens[i + 1])):
            k += 1  # no name; "، و" is a closing quote and the next opening one
            continue
        tags[i + 1 : j] = ["B-" + label] + ["I-" + label] * (j - i - 2)
        k += 2


def _quoted_place(tags: list[str], i: int, j: int) -> bool:
    """Whether the quotes at i and j hold exactly one name tagged as a place (لـ«الشرق الأوسط»)."""
    return j - i > 1 and tags[i + 1] == "B-LOC" and all(t == "I-LOC" for t in tags[i + 2 : j])


def _common_noun(t: Token) -> bool:
    """A word the corpus writes with ال often (more than a third as often as without): a noun or an
    adjective in quotes (منطقة "عازلة"), not a place's name."""
    from seedx.resources import load_vocab

    vocab = load_vocab()
    w = t.norm
    return vocab.get("ال" + w, 0) * 3 > vocab.get(w, 0) > 0


def _bracketed_names(tokens: list[Token], tags: list[str], stems: list[str]) -> None:
    """A name in brackets right after a head noun takes the head's label, as a quoted one does
    (_quoted_names): قائمة (صوت الناس) ORG, تطبيق (واتساب) MISC; the brackets mark where it starts and
    ends. The head is indefinite, in construct with the name: after a definite noun brackets explain
    it (الوثيقة (مقدم الطلب)). `stems`: the tokens' stems."""
    heads = quote_heads()
    for i in positions(stems, {"("}):
        if i == 0 or tokens[i - 1].kind != "word" or tags[i - 1] != "O" or definite(tokens[i - 1]):
            continue  # الوثيقة (...): after a definite noun, brackets explain it
        label = heads.get(core(stems[i - 1]))
        if label is None:
            continue
        try:
            j = stems.index(")", i + 1, i + 2 + _MAX_QUOTED)
        except ValueError:
            continue
        inside = tokens[i + 1 : j]
        if j - i < 2 or not any(t.kind in ("word", "latin", "hashtag") for t in inside) \
                or any(t.kind == "punct" for t in inside):
            continue
        tags[i + 1 : j] = ["B-" + label] + ["I-" + label] * (j - i - 2)


def _media_names(tokens: list[Token], tags: list[str], stems: list[str], media: frozenset[str]) -> None:
    """A medium named after a place (media_places.txt: الجزيرة، الأناضول), untagged or tagged as the
    place, is the medium, ORG, where the context is a reporter's or a statement's: right after a word
    for its staff (مراسل الجزيرة، محرر الأناضول), after مع and a word for a talk (في حوار مع
    الجزيرة), or with لـ as whom a statement was made to, right after the word of saying and its
    speaker (قال الوزير للأناضول، في تصريح للجزيرة). `media`: the names' stems."""
    words = media_places()
    reporters, talks = words.get("reporter", frozenset()), words.get("interview", frozenset())
    n = len(tokens)
    for i in positions(stems, media):
        if i == 0 or tags[i] not in ("O", "B-LOC") or (i + 1 < n and tags[i + 1].startswith("I-")):
            continue
        t = tokens[i]
        prev = core(stems[i - 1])
        if (not t.clitic and tags[i - 1] == "O" and prev in reporters) \
                or (not t.clitic and i > 1 and stems[i - 1] == "مع" and core(stems[i - 2]) in talks) \
                or (t.clitic == "ل" and _told_to(tokens, tags, stems, i)):
            tags[i] = "B-ORG"


def _told_to(tokens: list[Token], tags: list[str], stems: list[str], i: int) -> bool:
    """Whether a word of saying (told_words.txt) comes right before i, or before a person's name that
    comes right before i (قال | خالد فهمي | للأناضول)."""
    k = i - 1
    while k >= 0 and tags[k] in ("B-PER", "I-PER") and i - k <= _TOLD_REACH:
        k -= 1
    return k >= 0 and stems[k] in told_words()


_TOLD_REACH = 4


def _told(stems: list[str], k: int) -> bool:
    """Whether a word of saying (told_words.txt: قال، قائلا، تصريح) comes at most _TOLD_REACH words
    before k, where لـ introduces whom a statement was made to."""
    told = told_words()
    return any(stem in told for stem in stems[max(0, k - _TOLD_REACH) : k])


def _feminine(stem: str) -> bool:
    """A feminine noun or adjective (النيابة، العامة، العليا), as agreement needs it."""
    return stem.endswith(("ه", "ات")) or stem.endswith("يا") or stem == "العليا"


@lru_cache(maxsize=1)
def _body_heads() -> frozenset[str]:
    """Definite heads whose name with an adjective _names_body judges (org_heads.txt: nisba, generic,
    nisba-place)."""
    heads = org_heads()
    return frozenset().union(*(heads.get(k, frozenset()) for k in ("nisba", "generic", "nisba-place")))


def _names_body(head: Token, adj: Token, places: frozenset[str]) -> bool:
    """Whether a definite head and the adjective after it can name a body (الحكومة الأردنية), not
    describe one: no generic plural head (الدول العربية), no adjective of time or standing (الحكومة
    الحالية), and for heads that name a body only with a nationality (النظام السوري, not النظام
    الرئاسي), a nationality where places are known (org_heads.txt: generic, not-nisba, nisba-place)."""
    heads = org_heads()
    if head.stem in heads.get("generic", frozenset()) or adj.stem in heads.get("not-nisba", frozenset()):
        return False
    return not (places and head.stem in heads.get("nisba-place", frozenset()) and not nationality(adj, places))


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_LATIN_LETTER = re.compile(r"[A-Za-z@]")
_ARABIC_LEAD = re.compile(r"^[\u0621-\u064a\u0640]{1,2}(?=[A-Za-z@])")


def latin_stem(norm: str) -> str:
    """A Latin word without the Arabic proclitic a tokenizer left on it (لCNN → CNN, وBBC → BBC)."""
    return _ARABIC_LEAD.sub("", norm, count=1)


def latin_names(tokens: list[Token], tags: list[str]) -> list[str]:
    """Latin-script names Arabic text quotes: an upper-case acronym of two to six letters is an
    organization (CNN، BBC، لـCNN) unless it is a unit, a currency or a time zone (not_acronyms.txt),
    with the word naming its edition (CNN | بالعربية: media_editions.txt), and an @handle in brackets
    right after a name is that name's account: قناة الجزيرة (@AJArabic). Returns the new tags (`tags`
    itself where nothing changed). spans.make_entities calls it for articles with Latin letters, so
    that the rest pay nothing."""
    n = len(tokens)
    out = tags
    if not n or tokens[0].start < 0:
        return out
    skip = not_acronyms()
    for i, t in enumerate(tokens):
        if tags[i] != "O" or t.kind not in ("latin", "word", "mention") or not _LATIN_LETTER.search(t.norm):
            continue
        if out[i] != "O":
            continue  # a Latin title already tagged from its first word
        k = _latin_title(tokens, tags, i)
        if k > i:
            if out is tags:
                out = list(tags)
            out[i:k] = ["B-MISC"] + ["I-MISC"] * (k - i - 1)
            continue
        label = None
        if t.kind == "mention":
            if i >= 2 and tokens[i - 1].norm == "(" and tags[i - 2] != "O" and (
                    i + 1 == n or tokens[i + 1].norm == ")"):
                label = tags[i - 2][2:]
        else:
            word = latin_stem(t.norm)
            if _ACRONYM.fullmatch(word) and word not in skip and _standalone(tokens, i) and (
                    i + 1 == n or tokens[i + 1].kind != "latin") and not (
                    i > 0 and tokens[i - 1].kind == "latin" and tags[i - 1] == "O"):  # not in a Latin sentence
                label = "ORG"
        if label:
            if out is tags:
                out = list(tags)
            out[i] = "B-" + label
            if label == "ORG" and i + 1 < n and tags[i + 1] == "O" and tokens[i + 1].norm in editions() and (
                    i + 2 == n or not tags[i + 2].startswith("I-")):
                out[i + 1] = "I-ORG"
    return out


_MAX_LATIN_TITLE = 5


def _latin_title(tokens: list[Token], tags: list[str], i: int) -> int:
    """End of a Latin-script title right after the head noun of a work or an event (فيلم | Silent
    River، عرض | Night Lights: org_heads.txt, quote-MISC and misc-construct): capitalized Latin words, at
    most _MAX_LATIN_TITLE, that end the Latin run (not a Latin sentence); i where there is none."""
    n = len(tokens)
    if i == 0 or tags[i - 1] != "O" or tokens[i - 1].kind != "word" or tokens[i].kind != "latin" \
            or not tokens[i].norm[:1].isupper() or quote_heads().get(core(tokens[i - 1].stem)) != "MISC":
        return i
    k = i
    while k < n and k - i < _MAX_LATIN_TITLE and tokens[k].kind == "latin" and tags[k] == "O" \
            and tokens[k].norm[:1].isupper():
        k += 1
    return k if k == n or tokens[k].kind != "latin" else i


def hashtag_names(tokens: list[Token], tags: list[str], places: frozenset[str] = frozenset()) -> list[str]:
    """A hashtag of several words that no tagger named: a person's name where every word is a known name
    word (#محمود_عباس), an organization after an institution head (#مجلس_الأمن، #الجيش_الإسرائيلي), a
    place with its nisba (#الضفة_الغربية), and otherwise a campaign's name, MISC (#لا_يضرهم_من_خذلهم,
    SPEC.md: events' proper names; campaigns run under their hashtag). A one-word hashtag names what its
    word names (#نابلس) and is left to the tagger. Returns the new tags (`tags` itself where nothing
    changed); spans.make_entities calls it for articles with a #."""
    out = tags
    for i, t in enumerate(tokens):
        if t.kind == "hashtag" and tags[i] == "O" and "_" in t.norm.strip("#_") and len(t.norm) > 4:
            if out is tags:
                out = list(tags)
            out[i] = "B-" + _hashtag_label([w for w in t.norm.strip("#").split("_") if w], places)
    return out


def _hashtag_label(words: list[str], places: frozenset[str]) -> str:
    """The label of a hashtag's words (see hashtag_names)."""
    heads = org_heads()
    rest_defined = all(w.startswith("ال") and len(w) > 3 for w in words[1:])
    if len(words) <= 4 and all(core(w) in person_words() for w in words):
        return "PER"
    if rest_defined and (words[0] in heads.get("construct", frozenset())
                         or words[0] in heads.get("nisba", frozenset())):
        return "ORG"
    if core(words[0]) in places and all(w.endswith(("ي", "يه")) and w.startswith("ال") for w in words[1:]):
        return "LOC"
    return "MISC"


_JOINING = frozenset("-/._")


def _standalone(tokens: list[Token], i: int) -> bool:
    """A token not glued to a neighbour by anything but a bracket or a comma: not part of a file name or
    a link (IMG-20190629-WA0009، pic.twitter.com/BaTJXGV5LP)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and (tokens[j].end == tokens[i].start or tokens[j].start == tokens[i].end) and (
                tokens[j].kind != "punct" or tokens[j].norm in _JOINING):
            return False
    return True


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
    """Nationality nouns (الفلسطينيون، أمريكيين، 19 فلسطينيا) are MISC where their base is a known place,
    and so are the broken plurals of nationality_plurals.txt (الروس، الأكراد), unless the word is the
    adjective of the noun before it (_adjective)."""
    # Only a stem ending like a nationality can be one (its key is a suffix of the stem): one
    # comprehension finds them instead of a loop over every token.
    cands = [i for i, stem in enumerate(stems) if stem.endswith(_ENDINGS)] if stems is not None else range(len(tokens))
    broken = nationality_plurals()
    if stems is not None and not broken.isdisjoint(stems):
        cands = sorted({*cands, *positions(stems, broken.intersection(stems))})
    elif not cands:
        return
    for i in cands:
        t = tokens[i]
        if tags[i] != "O" or t.kind != "word":
            continue
        if t.stem in broken:
            if definite(t) and not _adjective(tokens, tags, i):
                tags[i] = "B-MISC"  # الروس، الأتراك: a broken plural, listed (indefinite عرب is an adjective)
            continue
        key = core(t.stem)
        suffixes = _PLURAL + (("يا",) if i > 0 and tokens[i - 1].kind == "number" else ())
        for suf in suffixes:
            if key.endswith(suf) and len(key) >= len(suf) + 4:
                base = key[: -len(suf)]
                if (base in places or base + "ا" in places or base + "يا" in places) \
                        and not _adjective(tokens, tags, i):
                    tags[i] = "B-MISC"
                break


_CASES = ("ون", "ين")


def _could_be_nationality(stems: list[str]) -> bool:
    """Whether any stem ends like a nationality (يون، يين; يا after a number, so with a digit in the
    sentence): the sentence's stems joined once and searched, rather than every stem tested."""
    joined = " ".join(stems) + " "
    return "يون " in joined or "يين " in joined or ("يا " in joined and _DIGIT.search(joined) is not None)


_DIGIT = re.compile(r"\d")


def _adjective(tokens: list[Token], tags: list[str], i: int) -> bool:
    """A plural nisba that describes the noun before it (الصحفيين الفلسطينيين، مستوطنون إسرائيليون،
    مزارعين فلسطينيين) rather than naming people (مئات اليمنيين، ضد الفلسطينيين، ويواجه الفلسطينيون):
    SPEC.md's MISC is a nationality used as a name. An adjective follows an untagged plural noun for
    people and agrees with it: in definiteness, and in case where the noun is a sound plural too (so
    that هاجم مستوطنون إسرائيليون | فلسطينيين keeps its object); a broken plural is one of
    human_plurals.txt (الضحايا الفلسطينيين), and after a singular (اعتقل الجيش | الفلسطينيين) the
    nationality is a noun. A conjunct (والفلسطينيين) names."""
    if i == 0 or tokens[i].clitic or tags[i - 1] != "O":
        return False
    prev, t = tokens[i - 1], tokens[i]
    if prev.kind != "word" or prev.stem in span_lists().function or prev.stem in quantity_nouns():
        return False
    if definite(t) != definite(prev):
        return False
    if prev.stem.endswith(_CASES):
        return t.stem.endswith(prev.stem[-2:]) or not t.stem.endswith(_CASES)  # المسؤولين الأتراك
    return core(prev.stem) in human_plurals()


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
