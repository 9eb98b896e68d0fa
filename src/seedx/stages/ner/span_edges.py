"""Span edges: where a tagged name really starts and ends (issue 5).

Taggers trained on ANERcorp cut long names short and let names run on into the next word. The rules
here move span edges by general patterns of Arabic names, apart from SPEC's conventions
(conventions.py, which calls them): names are cut at function words, prepositions, titles and
descriptions, and widened over name particles, compound and hyphenated name parts, known name words,
لـ complements of institutions (الهيئة العليا للانتخابات) and agreeing nisbas; a head noun before a
place name makes one organization (وكالة الأناضول) or event (قمة شرم الشيخ). Every list is a file in
seedx/resources/ner, read by span_words.py.
"""

from __future__ import annotations

from seedx.document import Token
from seedx.evaluate.conll import chunks
from seedx.stages.ner.lexicon import core
from seedx.stages.ner.span_words import (
    agree,
    common,
    definite,
    editions,
    ends_names,
    is_function,
    is_name_word,
    nisba,
    not_in_names,
    org_heads,
    place_words,
    span_lists,
)


def _set(tags: list[str], s: int, e: int, label: str) -> None:
    tags[s:e] = ["B-" + label] + ["I-" + label] * (e - s - 1)


def _chunk_end(tags: list[str], j: int) -> int:
    """End of the chunk starting at j."""
    j += 1
    while j < len(tags) and tags[j].startswith("I-"):
        j += 1
    return j


def _glued(tokens: list[Token], j: int) -> bool:
    """A hyphen with no space either side (سونغ-ريونغ)."""
    t = tokens[j]
    return (t.norm == "-" and 0 < j < len(tokens) - 1 and tokens[j - 1].end == t.start
            and tokens[j + 1].start == t.end and tokens[j + 1].kind == "word")


def cut(tokens: list[Token], tags: list[str], s: int, e: int, label: str, persons: frozenset[str],
        places: frozenset[str]) -> int:
    """A name cut where it runs on: a person's name at a function word or a preposition proclitic
    (عبد الغني | للأناضول), two coordinated names split at و (هاني | وهمام), an ORG at a definite title
    and a person's name (اتحاد الكتاب | المتحدث | خالد يوسف), and any name before a trailing title,
    description or function word.
    Returns the chunk's new end."""
    lists = span_lists()
    if label == "PER":
        for k in range(s + 1, e):
            t = tokens[k]
            c = t.clitic
            if is_function(tokens, k) or (c and c[-1] in "بكل" and (
                    definite(t) or core(t.stem) in places) and t.norm not in persons):
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
                    and is_name_word(tokens[k + 1], persons):  # not مكتب الرئيس الفلسطيني
                tags[k] = "O"
                _set(tags, k + 1, e, "PER")
                e = k
                break
    stops = lists.end_stop if label in ("PER", "ORG") else lists.end_stop - lists.titles  # شرم الشيخ
    while e - s > 1 and (core(tokens[e - 1].stem) in stops or is_function(tokens, e - 1)):
        e -= 1
        tags[e] = "O"
    return e


def _name_starts_after(tokens: list[Token], i: int) -> bool:
    """Whether a name may start at i: first in the sentence, or after punctuation, a title, a reporting
    verb or a name particle (قال | صباح خالد الحمد، الشيخ | صباح ...)."""
    if i == 0:
        return True
    p = tokens[i - 1]
    lists = span_lists()
    return p.kind == "punct" or core(p.stem) in lists.titles or core(p.stem) in lists.speech or p.norm in lists.links


def _extend_person(tokens: list[Token], tags: list[str], s: int, e: int, persons: frozenset[str]) -> None:
    """A person's name widened over the parts taggers leave out: a particle and the word after it
    (محمد | بن سلمان), known name words (صباح | خالد الحمد), a hyphenated part (سونغ-ريونغ), the
    first half of a compound (نجم | الدين) and a name right after (كيم جونغ | أون)."""
    lists = span_lists()
    n = len(tokens)
    j = e
    while j < n and j - s < 6 and not tokens[j - 1].norm.startswith("ال"):  # الحمد، الجنيبي end a name
        t = tokens[j]
        if tags[j] not in ("O", "B-PER"):
            break
        if tags[j] == "B-PER":
            # كيم جونغ | أون، دونالد | ترامب: a name right after a name of two words or more, or after a
            # known first name, is its last part, unless it starts with و (ايبواه | ودراماني: two names)
            if t.kind != "word" or t.norm.startswith("و") or is_function(tokens, j) or (
                    j - s < 2 and not is_name_word(tokens[j - 1], persons)):
                break
            j = _chunk_end(tags, j)
        elif tags[j] == "O" and t.norm in lists.links and j + 1 < n and tokens[j + 1].kind == "word" \
                and tags[j + 1] in ("O", "B-PER") and not tokens[j + 1].clitic:
            j += 2
        elif tags[j] == "O" and _glued(tokens, j) and (tags[j + 1] == "O" or (
                tags[j + 1].startswith("B-") and (j + 2 == n or not tags[j + 2].startswith("I-")))):
            j += 2  # سانغ-دوك: one word, whatever a tagger made of its second half
        elif tags[j] == "O" and is_name_word(t, persons) and j - s < 4:
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
        elif is_name_word(p, persons) and not p.norm.startswith("ال") and _name_starts_after(tokens, h - 1):
            h -= 1
        else:
            break
    if (h, j) != (s, e):
        _set(tags, h, j, "PER")


def org_before_place(tokens: list[Token], tags: list[str], s: int, e: int) -> None:
    """An organization's head noun right before a place name makes one organization: وكالة الأناضول,
    صحيفة فلسطين, جامعة القاهرة."""
    h = s - 1
    heads = span_lists().org_before_place
    if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and core(tokens[h].stem) in heads:
        _set(tags, h, e, "ORG")


def _event_place(tokens: list[Token], tags: list[str], s: int, e: int) -> bool:
    """An event head right before a place name makes one event name: قمة شرم الشيخ."""
    h = s - 1
    if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and tokens[h].stem in org_heads().get(
            "misc-place", frozenset()):
        tags[h:e] = ["B-MISC"] + ["I-MISC"] * (e - h - 1)
        return True
    return False


def _event_nisba(tokens: list[Token], tags: list[str], h: int, e: int) -> None:
    """An event named by its head and a place goes on over a nisba agreeing with the head, not the
    place: قمة شرم الشيخ | الاقتصادية، مهرجان قرطاج | الدولي."""
    if e < len(tokens) and tags[e] == "O" and not tokens[e].clitic and nisba(tokens[e]) \
            and agree(tokens[h], tokens[e]) and not ends_names(tokens[e]) \
            and (e + 1 == len(tokens) or not tags[e + 1].startswith("I-")):
        tags[e] = "I-MISC"


def _complement(tokens: list[Token], tags: list[str], j: int, places: frozenset[str],
                purposes: frozenset[str] | None = None) -> int:
    """End of a لـ complement of an institution's name starting at j (للانتخابات، لحقوق الإنسان،
    لنصرة القدس وفلسطين، للكهرباء والغاز، من أجل القدس), or j where there is none."""
    lists = span_lists()
    n = len(tokens)
    if j >= n or tags[j] != "O" or tokens[j].kind != "word":
        return j
    t = tokens[j]
    if t.clitic == "ل":
        stem, end = t.stem, j + 1
    elif not t.clitic and t.norm.startswith("ل") and len(t.norm) > 4 and common(t.norm[1:]):
        stem, end = t.norm[1:], j + 1  # لنصرة, لحقوق: the tokenizer keeps some ل-words whole
    elif j + 2 < n and (t.norm, tokens[j + 1].norm) in lists.openers and tags[j + 1] == "O":
        stem, end = "", j + 2  # من أجل + genitive
    else:
        return j
    key = core(stem)
    if purposes is not None and key not in purposes:
        return j  # an event head names a body only with a purpose: المؤتمر الدولي لدعم ...
    if stem and core(stem) in lists.event_heads:
        return j  # الهيئة المديرة | لمهرجان قرطاج: the event has a name of its own
    if stem and (key in lists.not_complement or key in places or stem in not_in_names() or key in lists.end_stop
                 or stem in lists.function or key.endswith(("ين", "ون")) or len(key) < 3):
        return j
    if not stem.startswith("ال"):  # لنصرة القدس: a verbal noun needs its genitive
        if end >= n or tokens[end].clitic or tokens[end].kind != "word":
            return j
        if tags[end] == "O" and definite(tokens[end]) and not ends_names(tokens[end]):
            end += 1
        elif tags[end] in ("B-LOC", "B-ORG") or (purposes is not None and tags[end] == "B-MISC"):
            end = _chunk_end(tags, end)  # لمقاطعة إسرائيل، لدعم الانتفاضة الفلسطينية
            if purposes is not None:
                return end if end == n or not tags[end].startswith("I-") else j
        else:
            return j
    added = 0
    while end < n and added < 3:
        u = tokens[end]
        if u.clitic == "و" and tags[end] in ("O", "B-LOC") and u.kind == "word" and (
                definite(u) or tags[end] == "B-LOC" or core(u.stem) in places) and not ends_names(u):
            end = _chunk_end(tags, end) if tags[end] == "B-LOC" else end + 1
        elif tags[end] == "O" and not u.clitic and nisba(u) and not ends_names(u):
            end += 1
        else:
            break
        added += 1
    if end < n and tags[end].startswith("I-"):
        return j
    return end


def org_chains(tokens: list[Token], tags: list[str], places: frozenset[str],
               stems: list[str] | None = None) -> None:
    """Institution names with a لـ complement (الهيئة العليا للانتخابات، الشركة التونسية للكهرباء والغاز)
    where the tagger saw nothing: an untagged institution head with one to three adjectives or genitives
    and a complement is tagged ORG."""
    lists = span_lists()
    if stems is not None and lists.chain_stems.isdisjoint(stems) and lists.purpose_stems.isdisjoint(stems):
        return
    n = len(tokens)
    i = 0
    while i < n - 2:
        t = tokens[i]
        stem = stems[i] if stems is not None else t.stem
        if tags[i] != "O" or t.kind != "word" or (stem not in lists.chain_stems and stem not in lists.purpose_stems):
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= 3 and tags[j] == "O" and not tokens[j].clitic and definite(tokens[j]) \
                and not ends_names(tokens[j]):
            j += 1
        purposes = None if stem in lists.chain_stems else lists.purposes
        end = _complement(tokens, tags, j, places, purposes) if j > i + 1 else j
        if end > j:
            _set(tags, i, end, "ORG")
            i = end
        else:
            i += 1


def _extend_org(tokens: list[Token], tags: list[str], s: int, e: int, places: frozenset[str]) -> int:
    """An ORG that starts with an institution head goes on over its لـ complement (جامعة ... | للعلوم
    والتكنولوجيا); returns the new end."""
    if core(tokens[s].stem) in span_lists().chain_heads:
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
    if e - s < 2 or not nisba(tokens[e - 1]):
        return e
    j = e
    while j < n and j - e < 2 and tags[j] == "O" and not tokens[j].clitic and nisba(tokens[j]) \
            and agree(tokens[e - 1], tokens[j]) and not ends_names(tokens[j]):
        j += 1
    if j > e and not (j < n and tags[j].startswith("I-")):
        _set(tags, s, j, label)
        return j
    return e


def _edition(tokens: list[Token], tags: list[str], s: int, e: int) -> None:
    """A medium's name goes on over the word naming its language edition (سي إن إن | بالعربية، بي بي سي
    | عربي، الجزيرة | نت: media_editions.txt)."""
    if e < len(tokens) and tags[e] == "O" and tokens[e].norm in editions() and (
            e + 1 == len(tokens) or not tags[e + 1].startswith("I-")):
        tags[e] = "I-ORG"


def _place_start(tokens: list[Token], tags: list[str], s: int, e: int) -> None:
    """A place name without a generic noun before it (ولاية | القصرين، مدينة | نابلس); place_words.txt."""
    if e - s > 1 and core(tokens[s].stem) in place_words().get("generic", frozenset()):
        tags[s] = "O"
        tags[s + 1] = "B-LOC"


def last_edges(tokens: list[Token], tags: list[str], persons: frozenset[str], places: frozenset[str]) -> None:
    """Event heads joined to places; names widened over their complements, nisbas and name parts."""
    for s, e, label in reversed(chunks(tags)):
        if label == "ORG":
            e = _extend_org(tokens, tags, s, e, places)
            e = _nisba_chain(tokens, tags, s, e, label)
            _edition(tokens, tags, s, e)
        elif label == "LOC":
            if _event_place(tokens, tags, s, e):
                _event_nisba(tokens, tags, s - 1, e)
                continue
            _nisba_chain(tokens, tags, s, e, label)
            _place_start(tokens, tags, s, e)
        elif label == "PER" and tags[s] == "B-PER":  # not merged into the name before it
            _extend_person(tokens, tags, s, e, persons)
