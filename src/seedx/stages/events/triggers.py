"""Finding trigger mentions: lexicon look-up on clitic-stripped tokens, then
the filters that keep a word only where it denotes a happening.

Only finding happens here; arguments, coreference and status come later.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from seedx.record import EventType
from seedx.stages.events.context import Context, analyses
from seedx.stages.events.lexicon import Lexicon, Sense, bare_spelling
from seedx.stages.normalize import normalize_word

_NAME_LABELS = frozenset({"PER", "ORG", "LOC"})
"""A trigger word inside one of these is part of a name (المؤتمر الدولي لدعم الانتفاضة is an ORG)."""
_STOP_PUNCT = frozenset({".", ":", "?", "!", ";", '"', "(", ")"})
_ASIDE_REACH = 4
"""Tokens an aside in brackets may hold between a light verb and its noun."""


@dataclass
class Mention:
    """One trigger occurrence, before arguments are attached."""

    i: int
    """Token index of the trigger."""
    j: int
    """Token index just past the trigger words."""
    type: EventType
    role: str
    pos: str
    definite: bool
    """Marked as already known (ال, a possessive, a demonstrative): may corefer."""
    noun: int | None = None
    """For a light verb: the token of the event noun it reports."""
    verb: str = ""
    """The normalized stem of the trigger word."""


class _Word(NamedTuple):
    """What the lexicon says about one normalized word, whatever its context."""

    senses: tuple[tuple[str, bool, bool, tuple[Sense, ...]], ...]
    """Readings (stem, definite, had_enclitic) that are a trigger form, in `analyses` order, with their senses."""
    support: bool
    """Some reading without an object pronoun is a light verb."""


_NOTHING = _Word((), False)


_MEMO_SIZE = 1 << 16
"""Words remembered per lexicon before the memo starts afresh: more than the vocabulary of a news collection's
everyday stretch (1,500 articles hold some 44,000 distinct words, which churned the 32,768 of the lru_cache this
replaces: one look-up in ten missed), while memory stays bounded (a few MB)."""


@lru_cache(maxsize=4)
def _memo(lex: Lexicon) -> dict[str, _Word]:
    """The memo of `_lookup` for one lexicon (one per process). A plain dict, not an lru_cache: every word
    of every article is looked up, and a dict hit needs no key tuple (word, lexicon) and no recency bookkeeping;
    when full it is cleared rather than evicting the least recently used word."""
    return {}


def _lookup(norm: str, lex: Lexicon) -> _Word:
    """The lexicon's view of a word, memoized: most words of an article are no trigger and no light verb,
    and are then skipped at the cost of one dict look-up instead of a walk over their readings."""
    memo = _memo(lex)
    word = memo.get(norm)
    if word is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        word = memo[norm] = _read_word(norm, lex)
    return word


def _read_word(norm: str, lex: Lexicon) -> _Word:
    """What the lexicon says about a word (`_lookup` without the memo)."""
    if not _may_be_known(norm, lex):
        return _NOTHING
    senses: list[tuple[str, bool, bool, tuple[Sense, ...]]] = []
    support = False
    for stem, definite, enclitic in analyses(norm):
        if stem in lex.senses:
            senses.append((stem, definite, enclitic, lex.senses[stem]))
        if not enclitic and stem in lex.support:
            support = True
    return _Word(tuple(senses), support) if senses or support else _NOTHING


def _may_be_known(norm: str, lex: Lexicon) -> bool:
    """A cheap necessary condition for some reading of the word to be in the lexicon (see lexicon._heads)."""
    heads = lex.heads  # a reading starts within the first five letters: offsets 0 to 4, spelt out
    return (norm in lex.senses or norm in lex.support or norm[:3] in heads or norm[1:4] in heads
            or norm[2:5] in heads or norm[3:6] in heads or norm[4:7] in heads)


def _match(ctx: Context, i: int, lex: Lexicon, ruled_out: set[tuple[str, frozenset[str]]] | None = None
           ) -> tuple[Sense, int, bool, str] | None:
    """The best sense of token i (longest form first) with its end and definiteness.

    `ruled_out` collects the entries (type and not_prev) of article-wide senses that not_prev excluded here,
    and excludes every form of them from then on.
    """
    tok = ctx.tokens[i]
    best: tuple[Sense, int, bool, str] | None = None
    for stem, definite, enclitic, senses in _lookup(tok.norm, lex).senses:
        for sense in senses:
            if ruled_out and (sense.type, sense.not_prev) in ruled_out:
                continue
            if sense.not_surface and _bare(ctx, i) & sense.not_surface:
                continue
            if sense.pos == "verb" and definite and not enclitic:
                continue  # ال never starts a verb
            if sense.pos == "verb" and _noun_reading(ctx, i, stem, sense.role, lex):
                continue  # لطلب محرز، على مضيفه، مسيرة لافتة: a noun spelt like the verb or participle
            if sense.not_written and _written(ctx, i) & sense.not_written:
                continue
            if enclitic and sense.not_pronouns and _pronoun(tok.norm, stem) in sense.not_pronouns:
                continue
            if enclitic and sense.pos == "verb" and sense.type == "statement" and not _named_antecedent(ctx, i, lex):
                continue  # إضافة، إشارة، إدانته are nouns, not أضاف/أشار/أدانت + a pronoun (but الخطة التي أعلنها)
            if sense.pos == "verb" and stem != tok.norm and tok.norm.endswith("ا") and not stem.endswith("ا") \
                    and not enclitic and tok.norm[:-1].endswith(stem):
                continue  # the accusative alef belongs to nouns (تشددا is not تشدد)
            j = i + 1
            ok = True
            for w in sense.words[1:]:
                while j < len(ctx.tokens) and ctx.tokens[j].kind == "punct" and ctx.tokens[j].norm == "-":
                    j += 1
                if j >= len(ctx.tokens) or w not in ctx.stems(j):
                    ok = False
                    break
                j += 1
            if not ok:
                continue
            if sense.requires_next and not (_after_names(ctx, j) & sense.requires_next) and not _named_next(ctx, j):
                continue
            if sense.not_next and _bare(ctx, j) & sense.not_next:
                continue
            if sense.not_number_next and _number_at(ctx, j):
                continue
            if sense.not_later and _word_later(ctx, j, sense.not_later, sense.later_reach, clause=True):
                continue
            if sense.not_prev and i > 0 and ctx.stems(i - 1) & sense.not_prev:
                if sense.article_wide_not_prev and ruled_out is not None:
                    ruled_out.add((sense.type, sense.not_prev))
                continue
            if sense.not_before_quantity and _quantity_after(ctx, j, lex):
                continue
            if sense.not_after_quantity and i > 0 and (ctx.tokens[i - 1].kind == "number"
                                                       or ctx.stems(i - 1) & lex.cues["quantity_words"]):
                continue
            if sense.requires_entity_next and (j >= len(ctx.tokens) or ctx.ent_at[j] is None):
                continue
            if sense.requires_later and not _word_later(ctx, j, sense.requires_later, sense.later_reach):
                continue
            if sense.requires_person_next and not _person_next(ctx, j, lex):
                continue
            if sense.pos == "noun" and _adverbial(ctx, i, j, stem, lex):
                continue
            if sense.pos == "noun" and _label(ctx, i, j):
                continue
            if best is None or len(sense.words) > len(best[0].words):
                best = (sense, j, definite, stem)
    return best


_SENTENCE_PUNCT = frozenset({".", ":", "?", "!", ";"})
_PRESENT_PREFIXES = frozenset("يتن")
"""First letters of a present-tense verb: only those take the ل of purpose (ليؤكد); ل before a past form marks a
noun (لطلب محرز: for Mahrez's request)."""


def _noun_reading(ctx: Context, i: int, stem: str, role: str, lex: Lexicon) -> bool:
    """Token i, read as the verb or participle `stem`, can only be a noun.

    A preposition attached to it (بطلب، كطلب; ل before a past form) never governs a verb. A participle of
    manner (حال: قائلا، مؤكدة) is an indefinite adverbial after its clause: one written with a final ه where the
    form has ة carries a pronoun (مضيفه: his host), one after a preposition or a verb of being is a noun or a
    predicate (على مضيفه، ستكون مطالبة بـ: obliged to), and a feminine one right after an indefinite feminine
    noun agrees with it as its adjective (مسيرة لافتة: a remarkable career).
    """
    tok = ctx.tokens[i]
    p = tok.norm.find(stem)
    lead = tok.norm[:p].lstrip("وف") if p > 0 else ""
    if lead[:1] in ("ب", "ك") or lead[:1] == "ل" and (role == "participle" or stem[:1] not in _PRESENT_PREFIXES):
        return True
    if role != "participle":
        return False
    raw = bare_spelling(ctx.doc.raw[tok.start:tok.end])
    if stem.endswith("ه") and raw.endswith("ه"):
        return True
    if i == 0 or not ctx.is_word(i - 1):
        return False
    prev = ctx.tokens[i - 1]
    if stem.endswith("ه") and not prev.definite and ctx.ent_at[i - 1] is None \
            and bare_spelling(ctx.doc.raw[prev.start:prev.end]).endswith("ة"):
        return True
    if _one_of(prev.norm, lex.cues["participle_blockers"]):
        return True
    k = i - 1
    while k > 0 and ctx.ent_at[k] is not None and ctx.ent_at[k - 1] is ctx.ent_at[k]:
        k -= 1  # كان + its subject's name + the predicate (وستكون جمعية النور مطالبة)
    if ctx.ent_at[k] is not None:
        k -= 1
    return k >= 0 and ctx.is_word(k) and _one_of(ctx.tokens[k].norm, lex.cues["being_verbs"])


def _one_of(norm: str, words: frozenset[str]) -> bool:
    """The word, or the word after a conjunction و/ف, is one of `words`."""
    return norm in words or norm[:1] in ("و", "ف") and norm[1:] in words


def _written(ctx: Context, i: int) -> set[str]:
    """Token i as written after its proclitics, diacritics aside, with and without ال (for `not_written`)."""
    tok = ctx.tokens[i]
    start = tok.stem_start if tok.stem_start >= 0 else tok.start
    word = bare_spelling(ctx.doc.raw[start:tok.end])
    return {word, word[2:]} if word.startswith("ال") else {word}


def _pronoun(norm: str, stem: str) -> str:
    """The pronoun a word ends with after the stem it was read as (مسيرته -> ه); '' when none."""
    p = norm.find(stem[:-1] if stem.endswith("ه") else stem)
    if p < 0:
        return ""
    rest = norm[p + len(stem):]
    return rest if rest in ("ه", "ها", "هم", "هما", "هن") else ""


def _number_at(ctx: Context, j: int) -> bool:
    """A number at token j, over the article written apart (الجولة الـ32، الجولة 35)."""
    if j < len(ctx.tokens) and ctx.tokens[j].norm == "ال":
        j += 1
    return j < len(ctx.tokens) and ctx.tokens[j].kind == "number"


def _word_later(ctx: Context, j: int, words: frozenset[str], reach: int, clause: bool = False) -> bool:
    """One of `words` among the `reach` words from j on, before the sentence's punctuation (quotes and commas
    around a name or the complement do not stop it: وحمّل الرئيس، فلان الحكومة "المسؤولية"); with `clause`, before
    a comma too (a word that rules a sense out must be the verb's own: سيصل الأربعاء، لبدء مرحلة ...)."""
    _, hi = ctx.sentence_of(j - 1)
    seen = 0
    for k in range(j, hi):
        tok = ctx.tokens[k]
        if tok.norm in _SENTENCE_PUNCT or clause and tok.norm == ",":
            return False
        if tok.kind != "word":
            continue
        if ctx.stems(k) & words:
            return True
        seen += 1
        if seen >= reach:
            return False
    return False


def _person_next(ctx: Context, j: int, lex: Lexicon) -> bool:
    """A person's name, a title or a rank word right after the trigger (عبّر الوزير، عبّر صاحب السمو)."""
    if not ctx.is_word(j):
        return False
    e = ctx.ent_at[j]
    if e is not None:
        return e.label == "PER"
    return bool(ctx.stems(j) & _rank_words(lex))


@lru_cache(maxsize=4)
def _rank_words(lex: Lexicon) -> frozenset[str]:
    """Titles and honorifics, built once per lexicon."""
    return lex.titles | lex.cues["honorifics"]


def _named_antecedent(ctx: Context, i: int, lex: Lexicon) -> bool:
    """A relative pronoun before the verb at i whose antecedent is a name: the name speaks (وقطر التي أكدت)."""
    if i < 2 or ctx.tokens[i - 1].norm not in lex.cues["subject_relatives"]:
        return False
    k = i - 2
    while k > 0 and ctx.tokens[k].norm in (",", '"'):  # "صفقة القرن"، التي أعلنها
        k -= 1
    return ctx.ent_at[k] is not None


def _label(ctx: Context, i: int, j: int) -> bool:
    """A noun that opens its line and a colon then a person's name after it labels a list (a line-up's
    الهجوم: فلان - علان): a role, not a happening."""
    if j + 1 >= len(ctx.tokens) or ctx.tokens[j].norm != ":":
        return False
    if i > 0 and "\n" not in ctx.doc.raw[ctx.tokens[i - 1].end:ctx.tokens[i].start]:
        return False
    e = ctx.ent_at[j + 1]
    return e is not None and e.label == "PER"


def _adverbial(ctx: Context, i: int, j: int, stem: str, lex: Lexicon) -> bool:
    """An indefinite accusative masdar before the preposition it governs says why something is done
    (احتفالا بالذكرى، احتجاجا على القرار، تضامنا مع): a purpose, not a happening of its own."""
    tok = ctx.tokens[i]
    if not tok.norm.endswith("ا") or stem.endswith("ا") or tok.definite or j >= len(ctx.tokens):
        return False
    if any(ctx.stems(k) & lex.support for k in range(max(0, i - 3), i)):
        return False  # نظموا اعتصاما، وعقد جلالته اجتماعا مع: the object of a light verb
    nxt = ctx.tokens[j]
    preps = lex.cues["adverbial_preps"]
    return nxt.norm in preps or (nxt.kind == "word" and nxt.preposition[:1] in preps)


def _after_names(ctx: Context, j: int) -> frozenset[str]:
    """Readings of the first word from j on that no entity covers (وجدد سامي الحداد رفضه: رفضه)."""
    while j < len(ctx.tokens) and ctx.ent_at[j] is not None:
        j += 1
    return ctx.stems(j) if ctx.is_word(j) else frozenset()


def _quantity_after(ctx: Context, j: int, lex: Lexicon) -> bool:
    """A number or a quantity word among the two words after the trigger (يصل إلى 142، تصل لأقل من 10)."""
    for k in range(j, min(j + 2, len(ctx.tokens))):
        if ctx.tokens[k].kind == "number" or ctx.stems(k) & lex.cues["quantity_words"]:
            return True
    return False


def _bare(ctx: Context, j: int) -> set[str]:
    """Token j as written, with و at most taken off: a not_next word behind a preposition (احتفالاتهم بالذكرى)
    is a different construction from the word itself (إحياء الذكرى)."""
    if not ctx.is_word(j):
        return set()
    norm = ctx.tokens[j].norm
    return {norm, norm[1:]} if norm.startswith("و") and len(norm) > 3 else {norm}


def _named_next(ctx: Context, j: int) -> bool:
    """A proper name right after the noun (عملية "طوفان الأقصى") licenses it too."""
    if j < len(ctx.tokens) and ctx.tokens[j].norm == '"':
        j += 1
    e = ctx.ent_at[j] if j < len(ctx.tokens) else None
    return e is not None and e.label == "MISC"


def _is_trigger_word(ctx: Context, k: int, lex: Lexicon) -> bool:
    return bool(_lookup(ctx.tokens[k].norm, lex).senses)


def _plain_noun(ctx: Context, k: int, lex: Lexicon) -> bool:
    """A word that no entity covers, no trigger, and marked as a noun by ال or a plural ending."""
    if not ctx.is_word(k) or ctx.ent_at[k] is not None or _is_trigger_word(ctx, k, lex):
        return False
    tok = ctx.tokens[k]
    return tok.definite or tok.norm.endswith(("ات", "ين", "ون"))


def _between_dashes(ctx: Context, i: int, j: int, reach: int = 3) -> bool:
    """Tokens [i, j) inside a dash-separated item of at most `reach` words each side (علم النفس والاجتماع)."""
    before = next((k for k in range(i - 1, max(-1, i - 1 - reach), -1) if ctx.tokens[k].kind == "punct"), None)
    after = next((k for k in range(j, min(len(ctx.tokens), j + reach)) if ctx.tokens[k].kind == "punct"), None)
    return before is not None and after is not None and ctx.tokens[before].norm == "-" \
        and ctx.tokens[after].norm == "-"


def _generic_item(ctx: Context, i: int, j: int, stem: str, lex: Lexicon) -> bool:
    """A trigger noun that is one item of a list, not a happening.

    Between dashes (a timetable: علوم - احياء - علم النفس والاجتماع -), or a plural coordinated with plain nouns that
    name no happening (المشاريع والمبادرات والحملات، الفنية والسينمائية والندوات): kinds of activity
    in general. A plural joined to another trigger (المظاهرات والوقفات) stays an event.
    """
    n = len(ctx.tokens)
    if _between_dashes(ctx, i, j):
        return True
    if not stem.endswith("ات"):
        return False
    # the word before, joined by و (written apart or attached to the trigger)
    k = i - 1
    joined = ctx.tokens[i].clitic.startswith("و")
    if k >= 0 and ctx.tokens[k].norm == "و":
        joined, k = True, k - 1
    if joined and k >= 0 and _plain_noun(ctx, k, lex):
        return True
    # the word after, joined by و
    k = j
    if k < n and ctx.tokens[k].norm == "و":
        return k + 1 < n and _plain_noun(ctx, k + 1, lex)
    return k < n and ctx.tokens[k].clitic.startswith("و") and _plain_noun(ctx, k, lex)


_PASSIVE_REACH = 6
_TIME_PREPS = frozenset(normalize_word(w) for w in ("خلال", "في", "منذ", "قبل", "بعد", "أثناء"))
"""Tokens of a time phrase that may stand between تم and its masdar (تم خلال شهر ديسمبر الجاري الاشتباك)."""


def _passive_report(ctx: Context, i: int, lex: Lexicon) -> bool:
    """The noun at i is the masdar of a passive light verb (تم الاتفاق على، وجرى خلال الأسبوع الماضي
    الاشتباك): the verb before it, over a time phrase and its preposition, is تم/جرى."""
    lo, _ = ctx.sentence_of(i)
    k = i - 1
    while k >= max(lo, i - _PASSIVE_REACH) and (ctx.tmx_at[k] is not None or k + 1 < i
                                                 and ctx.tmx_at[k + 1] is not None
                                                 and ctx.tokens[k].norm in _TIME_PREPS):
        k -= 1  # a time phrase (خلال شهر ديسمبر) and the preposition that governs it
    if k < lo or not ctx.is_word(k):
        return False
    norm = ctx.tokens[k].norm
    lights = lex.cues["passive_lights"]
    return norm in lights or norm[:1] in ("و", "ف") and norm[1:] in lights


def _demonstrative_near(ctx: Context, i: int, j: int, lex: Lexicon) -> bool:
    dem = lex.cues["demonstratives"]
    return (i > 0 and ctx.tokens[i - 1].norm in dem) or (j < len(ctx.tokens) and ctx.tokens[j].norm in dem)


def _known_words(ctx: Context, lex: Lexicon) -> list[tuple[int, _Word]]:
    """Word tokens the lexicon knows (a trigger form or a light verb), in text order: the rules below
    need not visit the rest, most of an article."""
    memo = _memo(lex)  # the hit path of `_lookup` written out: this runs for every token of every article
    out: list[tuple[int, _Word]] = []
    for i, tok in enumerate(ctx.tokens):
        if tok.kind != "word":
            continue
        word = memo.get(tok.norm)
        if word is None:
            word = _lookup(tok.norm, lex)
        if word is not _NOTHING:
            out.append((i, word))
    return out


def find_mentions(ctx: Context, lex: Lexicon) -> list[Mention]:
    """Every trigger mention in text order, light verbs already tied to their noun."""
    found: dict[int, Mention] = {}
    support: list[int] = []
    ruled_out: set[tuple[str, frozenset[str]]] = set()
    after = 0  # a matched trigger's words are not looked up again
    for i, word in _known_words(ctx, lex):
        if i < after:
            continue
        ent = ctx.ent_at[i]
        if ent is not None and ent.label in _NAME_LABELS:
            continue
        m = _match(ctx, i, lex, ruled_out) if word.senses else None
        if m is not None:
            sense, j, definite, stem = m
            if sense.type == "statement" and sense.pos == "verb" and i > 0 \
                    and ctx.tokens[i - 1].norm in lex.cues["relative_blockers"] and not _named_antecedent(ctx, i, lex):
                continue  # الأمر الذي تنفيه، أن يعبر: a clause about a statement, not a report of one
            after = j
            if sense.pos == "noun" and sense.role == "event" and _generic_item(ctx, i, j, stem, lex):
                continue
            definite = definite or _demonstrative_near(ctx, i, j, lex)
            if definite and sense.pos == "noun" and _passive_report(ctx, i, lex):
                definite = False  # تم الاشتباك مع مجموعة: a new happening reported, not one told before
            found[i] = Mention(i, j, sense.type, sense.role, sense.pos, definite, verb=stem)
            continue
        if word.support:
            support.append(i)  # not with an object pronoun (المشاورات التي يجريها): it has its object
    for v in support:
        k = _noun_after(ctx, v, found, lex.support_window)
        if k is None:
            continue
        noun = found.pop(k)
        found[v] = Mention(v, v + 1, noun.type, "event", "verb", noun.definite, noun=k,
                           verb=max(ctx.stems(v) & lex.support, key=lambda w: (len(w), w)))
    return [found[k] for k in sorted(found)]


def _noun_after(ctx: Context, v: int, found: dict[int, Mention], window: int) -> int | None:
    """The event noun a light verb reports: the first one within `window` words of its clause."""
    lo, hi = ctx.sentence_of(v)
    words = 0
    aside = 0  # a short aside in brackets (الجناح المسلح للحزب ( الحزب)) ends no clause
    for k in range(v + 1, hi):
        tok = ctx.tokens[k]
        if aside:
            aside = 0 if tok.norm == ")" else aside - 1
            if aside == 0 and tok.norm != ")":
                return None  # no closing bracket near: not an aside
            continue
        if tok.kind == "punct":
            if tok.norm == "(":
                aside = _ASIDE_REACH
                continue
            if tok.norm in _STOP_PUNCT and tok.norm != '"':  # quotes around a name (أطلقت "لجنة ..." حملة)
                return None
            continue
        if k in found:
            m = found[k]
            if m.pos == "noun" and m.type != "statement":
                return k
            return None
        if ctx.ent_at[k] is not None or ctx.tmx_at[k] is not None:
            continue
        words += 1
        if words > window:
            return None
    return None
