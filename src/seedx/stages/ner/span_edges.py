"""Span edges: where a tagged name really starts and ends (issue 5).

Taggers trained on ANERcorp cut long names short and let names run on into the next word. The rules
here move span edges by general patterns of Arabic names, apart from SPEC's conventions
(conventions.py, which calls them): names are cut at function words, prepositions, titles and
descriptions, and widened over name particles, compound and hyphenated name parts, known name words,
لـ complements of institutions (الهيئة العليا للانتخابات) and agreeing nisbas; a head noun before a
place name, or with a noun in construct between (وكالة أنباء الإمارات), makes one organization (وكالة
الأناضول) or event (قمة شرم الشيخ); a one-word body that is a known place, in a list of places, is
one more place. Untagged names are
found where their context names them: rare words in a list with a place, after a generic place noun
(ببلدة | ترمسعيا), a site's head (مطار | ستانستيد) or a product's (تطبيق | واتساب), and rare
two-word names next to a title (الناطق باسم الجيش | نداف شوشاني). Every list is a file in
seedx/resources/ner, read by span_words.py.
"""

from __future__ import annotations

from seedx.document import Token
from seedx.evaluate.conll import chunks
from seedx.resources import load_vocab
from seedx.stages.ner.lexicon import core
from seedx.stages.ner.span_words import (
    agree,
    common,
    definite,
    editions,
    ends_names,
    eponym_heads,
    is_function,
    is_name_word,
    nisba,
    not_in_names,
    org_heads,
    place_intro,
    place_words,
    site_heads,
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
    (عبد الغني | للأناضول) or a verb (verbs.txt: سلمى | قائلة، وشارك | أليسون, on either side: a
    name never contains its clause's verb), two coordinated names split at و (هاني | وهمام), an ORG at a definite title
    and a person's name (اتحاد الكتاب | المتحدث | خالد يوسف), and any name before a trailing title,
    description or function word.
    Returns the chunk's new end."""
    lists = span_lists()
    if label == "PER":
        while s < e and _verb(tokens[s], lists.verbs):  # وشارك | أليسون: the clause's verb first
            tags[s] = "O"
            s += 1
            if s < e:
                tags[s] = "B-PER"
        for k in range(s + 1, e):
            t = tokens[k]
            c = t.clitic
            if is_function(tokens, k) or _verb(t, lists.verbs) or (c and c[-1] in "بكل" and (
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


def _verb(t: Token, verbs: frozenset[str]) -> bool:
    """A verb form of verbs.txt with no proclitic but و: after ف or ل the word may be what is left of a
    name the tokenizer split (ف|يدل كاسترو، ل|يلي ألين), which no verb list can tell apart."""
    return t.clitic in ("", "و") and core(t.stem) in verbs


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
    صحيفة فلسطين, جامعة القاهرة; so does one with a noun in construct between them, the place being
    that noun's genitive: جمعية أصدقاء | المغرب، وكالة أنباء | الإمارات، شركة نفط | الكويت. The head is
    indefinite, as a noun in construct is (not التحالف بقيادة | فرنسا), and the noun an indefinite
    common word without a proclitic, and no generic place word (مركز مدينة | غزة is a place)."""
    h = s - 1
    heads = span_lists().org_before_place
    if h >= 0 and tags[h] == "O" and tokens[h].kind == "word" and core(tokens[h].stem) in heads and (
            not definite(tokens[h]) or (e - s == 1 and nisba(tokens[s]) and agree(tokens[h], tokens[s]))):
        # الشركة | السعودية: a definite head takes the place's nisba form as its adjective; قضيتهم
        # الجامعة | غزة: a definite noun is in construct with nothing
        _set(tags, h, e, "ORG")
        if e < len(tokens) and tags[e] == "O" and not tokens[e].clitic and agree(tokens[h], tokens[e]) \
                and tokens[e].stem in org_heads().get("scope-nisba", frozenset()) \
                and (e + 1 == len(tokens) or not tags[e + 1].startswith("I-")):
            tags[e] = "I-ORG"  # مؤسسة القدس | الدولية: the body's scope is part of its name
    elif h > 0 and tags[h] == "O" and tags[h - 1] == "O" and tokens[h - 1].stem in heads \
            and tokens[h - 1].kind == "word" and not definite(tokens[h - 1]) \
            and core(tokens[h - 1].stem) not in org_heads().get("not-construct-place", frozenset()) \
            and _construct_noun(tokens, h):
        _set(tags, h - 1, e, "ORG")
        if e < len(tokens) and tags[e] == "O" and not tokens[e].clitic and nisba(tokens[e]) \
                and not ends_names(tokens[e]) and (agree(tokens[h - 1], tokens[e]) or agree(tokens[h], tokens[e])) \
                and (e + 1 == len(tokens) or not tags[e + 1].startswith("I-")):
            tags[e] = "I-ORG"  # مؤسسة تراث مصر | الثقافي: the body's nisba, not the place's


def _construct_noun(tokens: list[Token], k: int) -> bool:
    """Whether the word at k is an indefinite common noun in construct (شباب، أنباء، نفط) that may stand
    between an organization's head and its genitive."""
    t = tokens[k]
    return t.kind == "word" and not t.clitic and not definite(t) and len(t.norm) > 2 and common(t.norm) \
        and not is_function(tokens, k) and not ends_names(t) and core(t.stem) not in place_intro() \
        and core(t.stem) not in span_lists().titles and t.norm not in span_lists().function_before_definite


def eponym(tokens: list[Token], tags: list[str], s: int, e: int) -> tuple[int, int, str] | None:
    """A person's name after a title and the head of a site or institution named after the person is
    that site's or institution's name (eponym_heads.txt): بمطار الملك خالد الدولي is an airport (LOC),
    مركز الأمير نايف an ORG, not King Khalid or Prince Nayef. The head is in the construct state (no
    ال): قال مدير المركز الدكتور سامي keeps the person. The PER chunk at s..e (with or without the
    title in it) is relabelled from the head on, over a nisba agreeing with the head (الدولي);
    returns the new (start, end, label), or None."""
    lists = span_lists()
    t = s if e - s > 1 and core(tokens[s].stem) in lists.titles else s - 1
    h = t - 1
    if h < 0 or tags[h] != "O" or (t < s and tags[t] != "O"):
        return None
    title, head = tokens[t], tokens[h]
    if title.clitic or not definite(title) or core(title.stem) not in lists.titles \
            or head.kind != "word" or head.stem.startswith("ال"):
        return None
    key = core(head.stem)
    label = next((lab for lab, words in eponym_heads().items() if key in words), None)
    if label is None:
        return None
    for k in range(s + 1, e):
        if tokens[k].clitic[-1:] in ("ب", "ك", "ل"):  # مطار الملك خالد | بالرياض: a preposition's phrase
            tags[k:e] = ["O"] * (e - k)
            e = k
            break
    if e < len(tokens) and tags[e] == "O" and not tokens[e].clitic and nisba(tokens[e]) \
            and agree(head, tokens[e]) and not ends_names(tokens[e]) \
            and (e + 1 == len(tokens) or not tags[e + 1].startswith("I-")):
        e += 1  # مطار الملك خالد | الدولي
    _set(tags, h, e, label)
    return h, e, label


def site(tokens: list[Token], tags: list[str], s: int, e: int, label: str,
         heads: dict[str, frozenset[str]]) -> str:
    """A person's or event's name after the head noun of a site is the site's name, a place: مطار | بن
    غوريون، معبر | كرم أبو سالم، قصر | بلينهايم (span_heads.txt, LOC heads that head no organization;
    SPEC.md: sites and buildings are LOC); so is a name of any label that starts with such a head (مطار
    بن غوريون tagged ORG). The chunk at s..e is relabelled LOC in place (apply then pulls a head before
    it in); returns its label."""
    loc = heads.get("LOC", frozenset())
    if not loc:
        return label
    if core(tokens[s].stem) in loc and e - s > 1:
        first = s  # the tagger took the head into the name: (و)مطار خالد فهمي as PER
    elif label != "ORG" and s > 0 and tags[s - 1] == "O" and tokens[s - 1].kind == "word":
        first = s - 1
    else:
        return label
    key = core(tokens[first].stem)
    if key not in loc or key in heads.get("ORG", frozenset()):
        return label
    _set(tags, s, e, "LOC")
    return "LOC"


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
    لنصرة القدس وفلسطين، للكهرباء والغاز، من أجل القدس), or j where there is none. A word after لـ that
    is also a place's name is no complement (للقدس), unless a genitive follows it: then it is a verbal
    noun in construct (لنصر | غزة)."""
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
    genitive = not stem.startswith("ال") and end < n and not tokens[end].clitic and (
        tags[end] in ("B-LOC", "B-ORG") or (tags[end] == "O" and definite(tokens[end])))
    if stem and (key in lists.not_complement or (key in places and not genitive) or stem in not_in_names()
                 or key in lists.end_stop or stem in lists.function or key.endswith(("ين", "ون")) or len(key) < 3):
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
               stems: list[str] | None = None, present: frozenset[str] | set[str] | None = None) -> None:
    """Institution names with a لـ complement (الهيئة العليا للانتخابات، الشركة التونسية للكهرباء والغاز)
    where the tagger saw nothing: an untagged institution head with one to three adjectives or genitives
    and a complement is tagged ORG. `present`: the sentence's stems among span_words.rule_stems().all,
    if known."""
    lists = span_lists()
    ask = present if present is not None else stems
    if ask is not None and lists.chain_stems.isdisjoint(ask) and lists.purpose_stems.isdisjoint(ask):
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
    (الرئاسة الكورية | الجنوبية، المملكة الأردنية | الهاشمية), and so does an agreeing adjective of
    rank after an ORG's (المحكمة الإدارية | العليا); returns the new end. A first nisba after
    a name is left as the tagger has it: it may describe (حزب الرفاه | الإسلامي) as well as name."""
    n = len(tokens)
    if e - s < 2 or not nisba(tokens[e - 1]):
        return e
    j = e
    while j < n and j - e < 2 and tags[j] == "O" and not tokens[j].clitic and nisba(tokens[j]) \
            and agree(tokens[e - 1], tokens[j]) and not ends_names(tokens[j]):
        j += 1
    if label == "ORG" and j < n and tags[j] == "O" and not tokens[j].clitic and not tokens[j - 1].clitic \
            and tokens[j].stem in org_heads().get("adj", frozenset()) and not ends_names(tokens[j]) \
            and tokens[j].stem.endswith(("ه", "يا")) == tokens[j - 1].stem.endswith("يه"):
        j += 1  # المحكمة الإدارية | العليا: an adjective of rank ends the name (org_heads.txt: adj)
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


def _compass(tokens: list[Token], tags: list[str], e: int) -> None:
    """A place name ending at e goes on over a definite compass nisba (القدس | الشرقية، أوروبا |
    الشرقية: place_words.txt, compass): the part of the place, not a description of it. An indefinite
    one places what follows (بيتا | جنوبي نابلس: south of Nablus)."""
    if e < len(tokens) and tags[e] == "O" and not tokens[e].clitic and definite(tokens[e]) \
            and core(tokens[e].stem) in place_words().get("compass", frozenset()) \
            and (e + 1 == len(tokens) or not tags[e + 1].startswith("I-")):
        tags[e] = "I-LOC"


def _place_start(tokens: list[Token], tags: list[str], s: int, e: int) -> None:
    """A place name without a generic noun before it (ولاية | القصرين، مدينة | نابلس); place_words.txt."""
    if e - s > 1 and core(tokens[s].stem) in place_words().get("generic", frozenset()):
        tags[s] = "O"
        tags[s + 1] = "B-LOC"


def _place_conjunct(tokens: list[Token], tags: list[str], j: int, places: frozenset[str]) -> bool:
    """Whether the untagged word at j, in a list of places, is one more place: a rare word (no common
    noun: التنمية) or a known place, not a function word, time word or description, and the list's
    item ends after it: no untagged definite or rare word follows, which would make it the first word of
    a longer name (وساقية | الداير)."""
    t = tokens[j]
    if tags[j] != "O" or t.kind != "word" or len(core(t.stem)) < 3 or ends_names(t) or is_function(tokens, j) \
            or core(t.stem) in place_intro() \
            or t.stem in span_lists().function or (common(t.stem) and core(t.stem) not in places
                                                    and (not t.clitic or _count(t.norm[1:]) > 0)):
        return False  # ولايدن split و+ل+ايدن: the word after و is unknown, whatever the tokenizer made of it
    rest = t.norm[1:]
    if _glued_and(t) and rest[0] in "بلكف" and _count(rest[1:]) >= _KNOWN:
        return False  # ولكفاح: و + ل + a common word, glued
    k = j + 1
    if k == len(tokens):
        return True
    u = tokens[k]
    return tags[k] != "O" or u.kind != "word" or bool(u.clitic) or _glued_and(u) or is_function(tokens, k) \
        or not (definite(u) or not common(u.norm))


def places_after_generic(tokens: list[Token], tags: list[str], places: frozenset[str],
                         intros: list[int] | None = None) -> None:
    """The untagged name after a generic place noun is a place: ببلدة | ترمسعيا، بجزيرة | قرقنة، جبال |
    ورغة، العاصمة الفنلندية | هلسنكي، العاصمة النرويجية، | أوسلو (place_words.txt: generic, before; a
    nisba, and a comma after it, may come between).
    The name is one word that reads as a name: a known place, a rare word, or one the corpus seldom
    writes with ال (not an adjective: مدينة | كبيرة، منطقة | عسكرية); it is the genitive of an
    indefinite noun (بلدة | ترمسعيا), or, after a definite noun and its nisba, an apposition that must
    be a known place (العاصمة البريطانية | ظهر الخميس is a time). Only the name is tagged, as SPEC.md
    has it (ولاية | القصرين). `intros`: positions of the words that may introduce a place, if known."""
    intro = place_intro()
    n = len(tokens)
    if intros is None:
        intros = list(range(n))
    cands = sorted({k + d for k in intros for d in (1, 2, 3) if k + d < n})
    for i in cands:
        if tags[i] != "O" or tags[i - 1] != "O":
            continue
        h = i - 1
        comma = tokens[h].norm in _COMMAS and h > 1  # العاصمة النرويجية، | أوسلو
        if comma:
            h -= 1
        apposition = h > 0 and nisba(tokens[h]) and not tokens[h].clitic and tags[h - 1] == "O"
        if comma and not apposition:
            continue
        if apposition:
            h -= 1  # العاصمة الفنلندية | هلسنكي
        g = tokens[h]
        if g.kind != "word" or core(g.stem) not in intro or definite(g) != apposition:
            continue  # مدينة | نابلس: a genitive after the indefinite noun; المدينة | ظهر اليوم: none
        t = tokens[i]
        if t.kind != "word" or t.clitic or len(core(t.stem)) < 3 or ends_names(t) or is_function(tokens, i) \
                or (i + 1 < n and tags[i + 1].startswith("I-")):
            continue
        key = core(t.stem)
        if key in places or (not apposition and (not common(t.norm) or (
                not definite(t) and 20 * _with_article(t.norm) <= _count(t.norm)))):
            tags[i] = "B-LOC"


_COMMAS = frozenset({"،", ","})

_KNOWN = 10
"""A word seen this many times in the corpus vocabulary is a word of the language, if not a common one."""


_TITLE_REACH = 5
"""How many words (a description: الناطق | باسم الجيش الإسرائيلي | نداف شوشاني) may stand between a title
and the name it introduces."""


def _name_like(t: Token, persons: frozenset[str], places: frozenset[str], family: bool = False) -> bool:
    """A word that reads as part of a person's name nobody listed: a known name word, or a word the
    corpus seldom writes with ال (names take no article; nouns and adjectives do), that is no function
    word, title, description, reporting verb or known place. `family`: a family name with ال
    (الخديمي), which the caller has found rare."""
    if t.kind != "word" or t.clitic or len(t.norm) < 3 or t.norm in not_in_names():
        return False
    key = core(t.norm)
    lists = span_lists()
    if key in lists.end_stop or key in lists.speech or key in places or t.norm in lists.function \
            or t.norm in lists.function_before_definite or t.norm in lists.links:
        return False
    if key in persons:
        return is_name_word(t, persons) or definite(t)
    w = t.norm
    if any(w.endswith(suf) and common(w[: -len(suf)]) for suf in _PRONOUNS):
        return False  # نحبه، حيالها: a common word with a pronoun
    return family or (not definite(t) and 3 * _with_article(w) <= _count(w))


_PRONOUNS = ("ه", "ها", "هم", "هما")
_RARE = 50
"""A name nobody listed has a rare word in it (تيجال، شوشاني); two common words that never take ال are
more often a verb and its object (سيسعى لإقناع)."""


def names_after_titles(tokens: list[Token], tags: list[str], persons: frozenset[str],
                       places: frozenset[str], titles: list[int] | None = None) -> None:
    """Two untagged words that read as a name, next to a title, are a person's name: foreign names the
    lexicon does not know (الشيخ | تيجال فال، الناطق باسم الجيش الإسرائيلي | نداف شوشاني، تيريزا ماي |
    ، رئيسة الوزراء). The name ends there: at punctuation, a function word, a proclitic, a title or a
    tagged name. A second word with ال (حميد الأحمر) needs a known first name. `titles`: the positions
    of the titles, if known; only the words near one are looked at."""
    n = len(tokens)
    if titles is None:
        title_stems = span_lists().title_stems
        titles = [k for k, t in enumerate(tokens) if t.stem in title_stems]
    for k in titles:
        # after the title, over a description (definite words, tagged bodies and places, باسم, commas)
        i = k + 1
        while i < n - 1 and i - k <= _TITLE_REACH and tags[i] not in ("B-PER", "I-PER"):
            if _pair_is_name(tokens, tags, i, persons, places):
                tags[i], tags[i + 1] = "B-PER", "I-PER"
                break
            t = tokens[i]
            if not (tags[i] != "O" or definite(t) or t.norm in _DESCRIPTION_GLUE):
                break
            i += 1
        # before it, in apposition: تيريزا ماي | ، رئيسة الوزراء
        comma = k >= 3 and tokens[k - 1].norm in ("،", ",")
        i = k - 3 if comma else k - 2
        if i >= 0 and _pair_is_name(tokens, tags, i, persons, places, apposed=comma):
            tags[i], tags[i + 1] = "B-PER", "I-PER"


_DESCRIPTION_GLUE = frozenset({"،", ",", "باسم"})


def _pair_is_name(tokens: list[Token], tags: list[str], i: int, persons: frozenset[str],
                  places: frozenset[str], apposed: bool = False) -> bool:
    """Whether the words at i and i + 1 read as a person's name that ends there (see names_after_titles).
    `apposed`: the pair stands before a comma and a title (بوريس جونسون | ، رئيس الوزراء), where two
    words the corpus knows well (a foreign name in the news) are still a name if neither ever takes ال."""
    n = len(tokens)
    a, b = tokens[i], tokens[i + 1]
    if tags[i] != "O" or tags[i + 1] != "O" or a.clitic or b.clitic or a.kind != "word" or b.kind != "word":
        return False
    vocab = load_vocab()
    if vocab.get(a.norm, 0) >= _RARE and vocab.get(b.norm, 0) >= _RARE and core(a.norm) not in persons \
            and not (apposed and _never_definite(a.norm) and _never_definite(b.norm)):
        return False  # the usual case, checked first: two common words
    if definite(a) or not _name_like(a, persons, places):
        return False
    if definite(b):  # حسن | الخديمي: a family name with ال after a known first name, a rare word
        if core(a.norm) not in persons or common(b.norm) or not _name_like(b, persons, places, family=True):
            return False
    elif not _name_like(b, persons, places):
        return False
    j = i + 2
    lists = span_lists()
    return j == n or tokens[j].kind != "word" or tags[j] != "O" or bool(tokens[j].clitic) \
        or is_function(tokens, j) or tokens[j].norm in lists.function_before_definite \
        or core(tokens[j].stem) in lists.titles


_NEVER_DEFINITE = 50
"""A word the corpus writes with ال at most once in this many times never takes it: a name's word."""


def _never_definite(word: str) -> bool:
    """A word the corpus (almost) never writes with ال (بوريس، جونسون), as names are written."""
    return _NEVER_DEFINITE * _with_article(word) <= _count(word)


def _count(word: str) -> int:
    """How often the corpus vocabulary has the word (0 for one it lacks)."""
    return load_vocab().get(word, 0)


def _with_article(word: str) -> int:
    """How often the corpus writes the word with ال: often for a common noun or adjective, seldom for a name."""
    return _count("ال" + word)


def site_names(tokens: list[Token], tags: list[str], heads: list[int]) -> None:
    """A site's head noun and the untagged name after it are a place: مطار | ستانستيد، فندق |
    الانتركونتينتال، مسرح | قرطاج (span_words.site_heads; SPEC.md: sites and buildings are LOC, head
    and all). The head is indefinite (in construct with the name) and the name is one rare word, not a
    common noun (ساحة | المعركة). `heads`: positions of the sentence's site heads."""
    n = len(tokens)
    sites = site_heads()
    for k in heads:
        j = k + 1
        if j >= n or tags[k] != "O" or tags[j] != "O" or tokens[k].kind != "word" or definite(tokens[k]) \
                or core(tokens[k].stem) not in sites or (j + 1 < n and tags[j + 1].startswith("I-")):
            continue  # السجن | الموصدة: after a definite head comes its adjective, not its name
        t = tokens[j]
        if t.kind != "word" or t.clitic or len(core(t.stem)) < 3 or ends_names(t) or is_function(tokens, j) \
                or common(t.norm) or (t.norm.endswith("ي") and _with_article(t.norm) > 0):
            continue  # ملعب | رقبي: an adjective the corpus also writes with ال
        tags[k], tags[j] = "B-LOC", "I-LOC"


def product_names(tokens: list[Token], tags: list[str], heads: list[int]) -> None:
    """The name after a product's head noun is the product's, MISC (SPEC.md: products): تطبيق | واتساب،
    موقع | فيسبوك، منصة | إكس (org_heads.txt: product), where a tagger saw nothing or a company. The
    head is indefinite (in construct with the name), and the name one Arabic word without ال that the
    corpus seldom writes with it (not موقع | عسكري، منصة | إعلامية); a Latin name (لموقع CNN بالعربية)
    is left to latin_names. `heads`: positions of the product heads."""
    n = len(tokens)
    for k in heads:
        j = k + 1
        if j >= n or tags[k] != "O" or tokens[k].kind != "word" or definite(tokens[k]) \
                or tags[j] not in ("O", "B-ORG") or (j + 1 < n and tags[j + 1].startswith("I-")):
            continue
        t = tokens[j]
        if t.kind != "word" or not t.norm.isalpha() or t.norm.isascii() or t.clitic or definite(t) or len(t.norm) < 2 \
                or is_function(tokens, j) \
                or ends_names(t) or _PRODUCT_RATIO * _with_article(t.norm) > _count(t.norm):
            continue
        tags[j] = "B-MISC"


_PRODUCT_RATIO = 5
"""A product's name is written with ال at most a fifth as often as without (الفيسبوك is rare)."""


def _glued_and(t: Token) -> bool:
    """A word the tokenizer left whole with its و (ودينهاخ: it splits only words it knows)."""
    return not t.clitic and t.kind == "word" and t.norm.startswith("و") and len(t.norm) > 4 and not common(t.norm)


def coordinated_places(tokens: list[Token], tags: list[str], places: frozenset[str]) -> None:
    """Places coordinated with a tagged place are places: ساقية الزيت | والشيحية والمحرس، روتردام |
    ولايدن ودينهاخ، الباقورة | والغمر. Taggers trained on news know the capitals and miss the small
    towns a list goes on with; a conjunct (و) that is a rare word or a known place and stands alone
    as an item of the list is tagged LOC, going on from a LOC name over the next conjuncts, and the
    word before a LOC conjunct (X | وY) as the list's first item."""
    n = len(tokens)
    starts = [i for i, tag in enumerate(tags) if tag == "B-LOC"]
    for s in reversed(starts):
        if tags[s] != "B-LOC":
            continue
        j = _chunk_end(tags, s)
        while j < n and (tokens[j].clitic.startswith("و") or _glued_and(tokens[j])):
            if tags[j] == "B-LOC":
                j = _chunk_end(tags, j)
            elif _place_conjunct(tokens, tags, j, places):
                tags[j] = "B-LOC"
                j += 1
            else:
                break
        h = s - 1  # back over the list's items: زربطونة | وقلعاوة | ونابلس
        while h >= 0 and (tokens[h + 1].clitic == "و" or (h + 1 < s and _glued_and(tokens[h + 1]))) \
                and _place_conjunct(tokens, tags, h, places):
            tags[h] = "B-LOC"
            h -= 1


def _known_place(t: Token, places: frozenset[str]) -> bool:
    """A known place name, the و of a list aside where the tokenizer left it on (وشفيلد)."""
    key = core(t.stem)
    return key in places or (_glued_and(t) and core(t.norm[1:]) in places)


def places_among_bodies(tokens: list[Token], tags: list[str], places: frozenset[str]) -> None:
    """A one-word organization that is a known place, in a list (X وY) next to an untagged known place,
    is a place: ...وبرمنغهام | ومانشستر | وشفيلد (a tagger that knows Manchester's club calls the city an
    organization where the places around it tell otherwise). Next to a tagged organization (ريال مدريد
    | وبرشلونة) it stays one."""
    n = len(tokens)
    j = -1
    while True:
        try:
            j = tags.index("B-ORG", j + 1)
        except ValueError:
            return
        if (j + 1 < n and tags[j + 1].startswith("I-")) or tokens[j].kind != "word" \
                or core(tokens[j].stem) not in places:
            continue
        before = tokens[j].clitic == "و" and j > 0 and tags[j - 1] in ("O", "B-LOC")
        after = j + 1 < n and tags[j + 1] in ("O", "B-LOC") and (
            tokens[j + 1].clitic == "و" or _glued_and(tokens[j + 1]))
        if (before and (tags[j - 1] == "B-LOC" or _known_place(tokens[j - 1], places))) \
                or (after and (tags[j + 1] == "B-LOC" or _known_place(tokens[j + 1], places))):
            tags[j] = "B-LOC"


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
            e = _nisba_chain(tokens, tags, s, e, label)
            _compass(tokens, tags, e)
            _place_start(tokens, tags, s, e)
        elif label == "PER" and tags[s] == "B-PER":  # not merged into the name before it
            _extend_person(tokens, tags, s, e, persons)
