"""Finding trigger mentions: lexicon look-up on clitic-stripped tokens, then
the filters that keep a word only where it denotes a happening.

Only finding happens here; arguments, coreference and status come later.
"""

from __future__ import annotations

from dataclasses import dataclass

from seedx.record import EventType
from seedx.stages.events.context import Context, analyses
from seedx.stages.events.lexicon import Lexicon, Sense

_NAME_LABELS = frozenset({"PER", "ORG", "LOC"})
"""A trigger word inside one of these is part of a name (المؤتمر الدولي لدعم الانتفاضة is an ORG)."""
_STOP_PUNCT = frozenset({".", ":", "?", "!", ";", '"', "(", ")"})


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


def _match(ctx: Context, i: int, lex: Lexicon) -> tuple[Sense, int, bool, str] | None:
    """The best sense of token i (longest form first) with its end and definiteness."""
    tok = ctx.tokens[i]
    best: tuple[Sense, int, bool, str] | None = None
    for stem, definite, enclitic in analyses(tok.norm):
        for sense in lex.senses.get(stem, ()):
            if sense.pos == "verb" and definite and not enclitic:
                continue  # ال never starts a verb
            if enclitic and sense.pos == "verb" and sense.type == "statement":
                continue  # إضافة، إشارة، إدانته are nouns, not أضاف/أشار/أدانت + a pronoun
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
            if sense.not_prev and i > 0 and ctx.stems(i - 1) & sense.not_prev:
                continue
            if sense.not_before_quantity and _quantity_after(ctx, j, lex):
                continue
            if best is None or len(sense.words) > len(best[0].words):
                best = (sense, j, definite, stem)
    return best


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


def _demonstrative_near(ctx: Context, i: int, j: int, lex: Lexicon) -> bool:
    dem = lex.cues["demonstratives"]
    return (i > 0 and ctx.tokens[i - 1].norm in dem) or (j < len(ctx.tokens) and ctx.tokens[j].norm in dem)


def find_mentions(ctx: Context, lex: Lexicon) -> list[Mention]:
    """Every trigger mention in text order, light verbs already tied to their noun."""
    found: dict[int, Mention] = {}
    support: list[int] = []
    i = 0
    n = len(ctx.tokens)
    while i < n:
        tok = ctx.tokens[i]
        if tok.kind != "word":
            i += 1
            continue
        ent = ctx.ent_at[i]
        if ent is not None and ent.label in _NAME_LABELS:
            i += 1
            continue
        m = _match(ctx, i, lex)
        if m is not None:
            sense, j, definite, stem = m
            if sense.type == "statement" and sense.pos == "verb" and i > 0 \
                    and ctx.tokens[i - 1].norm in lex.cues["relative_blockers"]:
                i += 1
                continue  # الأمر الذي تنفيه، أن يعبر: a clause about a statement, not a report of one
            definite = definite or _demonstrative_near(ctx, i, j, lex)
            found[i] = Mention(i, j, sense.type, sense.role, sense.pos, definite, verb=stem)
            i = j
            continue
        if ctx.stems(i) & lex.support:
            support.append(i)
        i += 1
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
    for k in range(v + 1, hi):
        tok = ctx.tokens[k]
        if tok.kind == "punct":
            if tok.norm in _STOP_PUNCT:
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
