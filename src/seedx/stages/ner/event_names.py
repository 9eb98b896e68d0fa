"""Events' proper names (SPEC.md: MISC) that a head noun and the name after it make, and the named days
of a list, where the tagger saw no event: treaties, wars, festivals and meetings named after a place
(اتفاقية أوسلو، معاهدة فرساي، مهرجان جرش) and treaties and operations named after a person the tagger
found (عملية + a PER chunk), revolutions and wars named after their
date (ثورة 25 يناير، حرب أكتوبر), meetings named by a definite noun and its nisba (ندوة الريادة
المعرفية), and named days and feasts (يوم الأرض، عيد الفصح، الفصح اليهودي). The head nouns are
event_name_heads.txt's, the names named_days.txt's; conventions.apply calls `event_names` only for
sentences with one of their words (span_words.rule_stems().events), so that the rest pay nothing.

An event's name keeps its head (SPEC.md: قمة شرم الشيخ), leaves the head's proclitics out (spans.py),
and goes on over a nisba that agrees with its head (مهرجان جرش | الدولي) and, for festivals and fairs,
over a لـ complement of their subject (معرض الرياض الدولي | للكتاب); it stops at verbs, function and
time words and at a date that only says when (اتفاقية أوسلو | عام 1993).
"""

from __future__ import annotations

from functools import lru_cache

from seedx.document import Token
from seedx.stages.ner.lexicon import core
from seedx.stages.ner.span_words import (
    agree,
    definite,
    ends_names,
    event_name_heads,
    month_names,
    named_day_starts,
    named_days,
    nationality,
    nisba,
    org_heads,
    person_words,
    place_intro,
    place_words,
    positions,
    span_heads,
    span_lists,
)

_MAX_NAME = 3
"""Words of an untagged place name after a head (وادي عربة)."""


def event_names(tokens: list[Token], tags: list[str], stems: list[str], present: frozenset[str] | set[str],
                places: frozenset[str]) -> None:
    """Tag, in place, the events' proper names of the sentence (see the module's docstring); `present`:
    the sentence's stems among span_words.rule_stems().events."""
    days = named_day_starts().intersection(present)
    if days:
        _named_days(tokens, tags, stems, days, places)
    heads = event_name_heads()
    keys = heads_of(present)
    if not keys:
        return
    for i in positions(stems, keys):
        t = tokens[i]
        key = stems[i]
        if tags[i] != "O" or t.kind != "word" or i + 1 >= len(tokens):
            continue
        end = 0
        if key in heads.get("date", ()):
            end = _date_name(tokens, tags, i + 1)
        if not end and (key in heads.get("place", ()) or key in heads.get("person", ())):
            end = _named_after(tokens, tags, i + 1, key, places)
        if not end and key in heads.get("construct", ()):
            end = _construct(tokens, tags, i + 1)
        if end:
            tags[i:end] = ["B-MISC"] + ["I-MISC"] * (end - i - 1)
    if not heads.get("complement", frozenset()).isdisjoint(keys):
        _complements(tokens, tags, places)


def heads_of(present: frozenset[str] | set[str]) -> frozenset[str]:
    """The event-name heads among a sentence's trigger stems."""
    return _all_heads().intersection(present)


@lru_cache(maxsize=1)
def _all_heads() -> frozenset[str]:
    return frozenset().union(*(w for k, w in event_name_heads().items() if k != "nisba"))


def _free(tags: list[str], end: int) -> bool:
    """No chunk goes on at `end` (a name ending before it takes no part of another)."""
    return end >= len(tags) or not tags[end].startswith("I-")


def _named_after(tokens: list[Token], tags: list[str], j: int, key: str, places: frozenset[str]) -> int:
    """End of an event name whose head (key) is at j - 1 and whose place's or person's name starts at
    j: the tagger's LOC chunk after a `place` head or PER chunk after a `person` head (معاهدة | فرساي،
    وعد | بلفور), or untagged gazetteer name words (_untagged_name: اتفاقية | وادي عربة); with an agreeing
    nisba after it (مهرجان جرش | الدولي). 0 where there is none."""
    heads = event_name_heads()
    t = tokens[j]
    if t.clitic:
        return 0  # اتفاق | مع، حرب | بسوريا: a preposition, no construct
    wanted = {lab for lab, kind in (("LOC", "place"), ("PER", "person")) if key in heads.get(kind, ())}
    if tags[j][2:] in wanted and tags[j].startswith("B-") and not (tags[j] == "B-PER" and definite(t)):
        end = j + 1  # not عملية | السلام as a person: a definite word starts no person's name here
        while end < len(tags) and tags[end].startswith("I-"):
            end += 1
    elif tags[j] == "O":
        end = _untagged_name(tokens, tags, j, places) if "LOC" in wanted else j
        if end == j:
            return 0
    else:
        return 0
    return _nisba_after(tokens, tags, j - 1, end, places)


def _untagged_name(tokens: list[Token], tags: list[str], j: int, places: frozenset[str]) -> int:
    """End of untagged words at j that read as a place's name: one to _MAX_NAME gazetteer place words
    (أبها), or a word that introduces a place (وادي، جبل) and a gazetteer name word after it (وادي
    عربة); none without proclitic or article, none a function, time or title word, none written with ال
    in the corpus more than a third as often as without (so not سلام، تعاون: اتفاقية سلام is no name),
    and no definite genitive after the last (اتفاقية تغير | المناخ: a common noun in construct). j where
    there is none."""
    from seedx.resources import load_vocab

    vocab = load_vocab()
    people = person_words()
    intro = place_intro()
    lists = span_lists()
    n = len(tokens)
    end, last_name, after_intro = j, j, False
    while end < n and end - j < _MAX_NAME and tags[end] == "O":
        t = tokens[end]
        w = t.norm
        if t.kind != "word" or t.clitic or definite(t) or len(w) < 3 or w in lists.function or ends_names(t) \
                or core(w) in lists.verbs or vocab.get("ال" + w, 0) * 3 > vocab.get(w, 0):
            break  # a common noun or adjective (سلام، عسكرية), a verb, a function word
        if w in intro and not after_intro:
            after_intro = True  # وادي | عربة: the word that introduces the place (a gazetteer place alone too)
        elif w in places or (after_intro and w in people):
            last_name = end + 1
        else:
            break
        end += 1
    if last_name < n and tokens[last_name].kind == "word" and not tokens[last_name].clitic \
            and definite(tokens[last_name]) and not nisba(tokens[last_name]) and not ends_names(tokens[last_name]):
        return j  # اتفاقية تغير | المناخ: the word is in construct with a genitive, a common noun
    return last_name if _free(tags, last_name) else j


def _nisba_after(tokens: list[Token], tags: list[str], h: int, end: int, places: frozenset[str]) -> int:
    """`end`, or one past it where an untagged nisba right after agrees with the head at h (not with
    the place: قمة شرم الشيخ | الاقتصادية) and is one of scope or community (event_name_heads.txt:
    nisba) or a nationality: مهرجان جرش | الدولي، الفصح | اليهودي; 0 where a chunk goes on at the end."""
    if end < len(tokens) and tags[end] == "O" and not tokens[end].clitic and nisba(tokens[end]) \
            and agree(tokens[h], tokens[end]) and not ends_names(tokens[end]) and _free(tags, end + 1) \
            and (core(tokens[end].stem) in event_name_heads().get("nisba", ())
                 or nationality(tokens[end], places, min_base=3)):
        return end + 1
    return end if _free(tags, end) else 0


def _date_name(tokens: list[Token], tags: list[str], j: int) -> int:
    """End of a date that names the event whose head is at j - 1 (ثورة | 25 يناير، حرب | أكتوبر، حرب
    | 6 أكتوبر/تشرين الأول 1973): an optional day, a month's name (one that is also a common word only
    after a day), another calendar's name of it after /, and a year right after. 0 where there is none."""
    n = len(tokens)
    k = j
    day = k < n and tokens[k].kind == "number" and tokens[k].norm.isdigit() and 1 <= int(tokens[k].norm) <= 31
    if day:
        k += 1
    k = _month(tokens, tags, k, day)
    if not k:
        return 0
    if k + 1 < n and tokens[k].norm == "/":
        k = _month(tokens, tags, k + 1, True) or k
    if k < n and tokens[k].kind == "number" and len(tokens[k].norm) == 4 and tokens[k].norm[:2] in ("19", "20"):
        k += 1
    if any(tags[x] != "O" for x in range(j, k)) or not _free(tags, k):
        return 0
    return k


def _month(tokens: list[Token], tags: list[str], k: int, day: bool) -> int:
    """One past a month's name at k, or 0."""
    if k >= len(tokens) or tokens[k].clitic:
        return 0
    for words, ambiguous in month_names().get(tokens[k].norm, ()):
        m = len(words)
        if (day or not ambiguous) and k + m <= len(tokens) and all(
                tokens[k + x].norm == words[x] for x in range(1, m)):
            return k + m
    return 0


def _construct(tokens: list[Token], tags: list[str], j: int) -> int:
    """End of a meeting's name after its head at j - 1: a definite noun and a nisba agreeing with it,
    and at most one more nisba (ندوة | الريادة المعرفية، منتدى | الأعمال التركي القرغيزي); not a noun
    and a participle (منتدى النقاش | الموجود: a description). 0 where there is none."""
    n = len(tokens)
    if j + 1 >= n or not _plain_definite(tokens[j], tags[j]) or nisba(tokens[j]):
        return 0
    k = j + 1
    if not (_plain_definite(tokens[k], tags[k]) and nisba(tokens[k]) and agree(tokens[j], tokens[k])):
        return 0
    k += 1
    if k < n and _plain_definite(tokens[k], tags[k]) and nisba(tokens[k]) and agree(tokens[j], tokens[k]):
        k += 1
    return k if _free(tags, k) else 0


def _plain_definite(t: Token, tag: str) -> bool:
    """An untagged definite word without proclitic that may be inside a name."""
    return tag == "O" and not t.clitic and definite(t) and not ends_names(t) and core(t.stem) not in span_lists().verbs


def _complements(tokens: list[Token], tags: list[str], places: frozenset[str]) -> None:
    """A festival's, fair's or meeting's name (a MISC chunk starting with a `complement` head) goes on
    over a لـ complement of its subject right after it: معرض الرياض الدولي | للكتاب، مهرجان جرش |
    للثقافة والفنون، ملتقى الجوف | للفن التشكيلي (لـ + a definite noun, and at most two more words
    joined by و or nisbas)."""
    complement = event_name_heads().get("complement", frozenset())
    n = len(tokens)
    for s in range(n):
        if tags[s] != "B-MISC" or core(tokens[s].stem) not in complement:
            continue
        e = s + 1
        while e < n and tags[e] == "I-MISC":
            e += 1
        if e == s + 1 or e >= n or tokens[e - 1].stem in org_heads().get("not-nisba", frozenset()):
            continue  # مؤتمر الرؤساء الجديد | للمنظمات: a description (الجديد) ends the name
        t = tokens[e]
        if tags[e] != "O" or t.clitic != "ل" or not definite(t) or ends_names(t) or core(t.stem) in places:
            continue
        k = e + 1
        while k < n and k - e < 3 and tags[k] == "O" and tokens[k].kind == "word" and (
                (tokens[k].clitic == "و" and not tokens[k].stem.endswith("ين"))
                or (not tokens[k].clitic and nisba(tokens[k]))) and definite(tokens[k]) \
                and not ends_names(tokens[k]) and core(tokens[k].stem) not in places:
            # not مهرجان أبها للتسوق | والقائمين عليه: people, the organizers, are no subject of it
            k += 1
        if _free(tags, k):
            tags[e:k] = ["I-MISC"] * (k - e)


def _named_days(tokens: list[Token], tags: list[str], stems: list[str], present: frozenset[str] | set[str],
                places: frozenset[str]) -> None:
    """Names of named_days.txt where they occur, longest first, with an agreeing nisba after them (يوم
    القدس | العالمي، الفصح | اليهودي); a tagger's chunk inside one gives way to it (يوم | القدس as a
    place), one across its edges keeps it out."""
    days = named_days()
    n = len(tokens)
    for i in positions(stems, present):
        cands = days.get(core(stems[i]))
        if not cands or tokens[i].kind != "word" or tags[i].startswith("I-") or (
                i > 0 and tags[i - 1] == "O" and core(stems[i - 1]) in _street_heads()):
            continue  # شارع | يوم الأرض: a street named after the day
        best = 0
        for keys in cands:
            m = len(keys)
            if m > best and i + m <= n and all(tokens[k].norm == keys[k - i] for k in range(i + 1, i + m)):
                best = m
        if not best:
            continue
        end = i + best
        if not _free(tags, end):
            continue
        end = _nisba_after(tokens, tags, i, end, places) or end
        tags[i:end] = ["B-MISC"] + ["I-MISC"] * (end - i - 1)


@lru_cache(maxsize=1)
def _street_heads() -> frozenset[str]:
    """Keys of the words before a place's or site's name (span_heads.txt: LOC; place_words.txt: generic,
    street): a named day after one names the street or square (جادة | سوق عكاظ، ساحة | يوم الأرض)."""
    words = place_words()
    return span_heads().get("LOC", frozenset()) | words.get("generic", frozenset()) | words.get("street", frozenset())
