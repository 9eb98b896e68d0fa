"""A token-level view of a document for the event rules.

Rules ask the same questions over and over (which entity covers this token,
what is this word without its clitics, where does its sentence end); this
answers them once per document so that each rule stays a few lines.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from seedx.document import Document, Token, stem_of
from seedx.record import Entity, Timex

_PROCLITICS_2 = frozenset({"وب", "ول", "وك", "فب", "فل", "وس"})
_PROCLITICS_1 = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
_ENCLITICS_2 = frozenset({"هم", "هن", "ها", "كم", "نا"})
"""With هما and ه, the pronouns a word may end with; no one of them ends another, so a word has one at most."""


def _proclitic_bases(word: str) -> list[tuple[str, str]]:
    """(proclitic, rest) splits of a word, the whole word first, then a two-letter proclitic, then a
    one-letter one; the rest keeps at least three letters. Slices and set look-ups, not a startswith per
    proclitic: this runs for every new word of an article."""
    bases = [("", word)]
    if len(word) >= 5 and word[:2] in _PROCLITICS_2:
        bases.append((word[:2], word[2:]))
    if len(word) >= 4 and word[:1] in _PROCLITICS_1:
        bases.append((word[:1], word[1:]))
    return bases


def _enclitic(w: str) -> str:
    """The pronoun that ends w, leaving at least three letters ('' when none)."""
    if w.endswith("هما"):
        s = "هما"
    elif w[-2:] in _ENCLITICS_2:
        s = w[-2:]
    elif w.endswith("ه"):
        s = "ه"
    else:
        return ""
    return s if len(w) - len(s) >= 3 else ""


@lru_cache(maxsize=1 << 15)
def analyses(word: str) -> list[tuple[str, bool, bool]]:
    """Readings of a normalized word: (stem, definite, had_enclitic).

    Over-generates on purpose: a reading only counts where it is a lexicon
    form, and the lexicon forms are long enough not to collide by chance.
    Memoized (news vocabulary repeats): the list is shared, read it only.
    """
    out: list[tuple[str, bool, bool]] = []
    for p, w in _proclitic_bases(word):
        definite = False
        if p.endswith("ل") and w.startswith("ل") and len(w) > 3:  # لل + noun: the article contracted
            out.append((w[1:], True, False))
        if w.startswith("ال") and len(w) > 4:
            out.append((w, False, False))  # a verb that begins with ال (التقى، والتقت)
            w, definite = w[2:], True
        out.append((w, definite, False))
        if w.endswith("ا") and len(w) > 3 and not w.endswith("ها"):
            # accusative tanween alef: بيانا، اعتصاما; never after ة (ضربةً), so ها is a pronoun (ضربها: hit it,
            # حملها: carried it), not ة + alef
            out.append((w[:-1], definite, False))
        if not definite and (s := _enclitic(w)):
            base = w[: -len(s)]
            out.append((base, True, True))
            if base.endswith("ت"):
                out.append((base[:-1] + "ه", True, True))
    return out


@lru_cache(maxsize=1 << 15)
def _readings(norm: str, clitic: str) -> frozenset[str]:
    """Every reading of a token (surface, tokenizer stem, analyses); bounded, so memory stays flat."""
    return frozenset({norm, stem_of(norm, clitic), *(s for s, _, _ in analyses(norm))})


def _sentence_ranges(tokens: list[Token]) -> dict[int, tuple[int, int]]:
    """Sentence number -> token range [first, last + 1), built by dict() over zipped pairs (a loop in C, no
    per-token min/max): a later index overwrites `last`, an earlier one, read backwards, `first`."""
    sents = [tok.sent for tok in tokens]
    last = dict(zip(sents, range(1, len(sents) + 1)))
    first = dict(zip(reversed(sents), range(len(sents) - 1, -1, -1)))
    return {sent: (first[sent], end) for sent, end in last.items()}


@dataclass
class Context:
    """Per-document lookups shared by the event rules."""

    doc: Document
    tokens: list[Token] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ent_at: list[Entity | None] = field(default_factory=list)
    tmx_at: list[Timex | None] = field(default_factory=list)
    sent_range: dict[int, tuple[int, int]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    timexes: dict[str, Timex] = field(default_factory=dict)
    timed: list[int] = field(default_factory=list)
    """Indices of the tokens a timex covers, ascending: rules that want the dates of a stretch visit these few
    instead of every token of it."""
    readings: list[frozenset[str] | None] = field(default_factory=list)
    """`stems` of each token once asked: rules ask about the same few tokens again and again (a cue looked for
    before every name, markers around every trigger), and a list slot is cheaper than the shared memo's key."""

    @classmethod
    def build(cls, doc: Document) -> Context:
        ctx = cls(doc=doc, tokens=doc.tokens, starts=[t.start for t in doc.tokens])
        n = len(ctx.tokens)
        ctx.ent_at = [None] * n
        ctx.tmx_at = [None] * n
        ctx.readings = [None] * n
        for e in doc.entities:
            for i in ctx.token_range(e.start, e.end):
                ctx.ent_at[i] = e
            ctx.entities[e.id] = e
        timed: set[int] = set()
        for t in doc.timexes:
            for i in ctx.token_range(t.start, t.end):
                ctx.tmx_at[i] = t
                timed.add(i)
            ctx.timexes[t.id] = t
        ctx.timed = sorted(timed)
        ctx.sent_range = _sentence_ranges(ctx.tokens)
        return ctx

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that overlap [start, end)."""
        lo = bisect_right(self.starts, start) - 1
        if lo < 0 or self.tokens[lo].end <= start:
            lo += 1
        hi = bisect_left(self.starts, end)
        return range(max(lo, 0), hi)

    def timed_in(self, r: range) -> list[int]:
        """The tokens of r (step 1) that a timex covers, ascending."""
        return self.timed[bisect_left(self.timed, r.start):bisect_left(self.timed, r.stop)]

    def sentence_of(self, i: int) -> tuple[int, int]:
        """Token range [lo, hi) of the sentence holding token i."""
        return self.sent_range[self.tokens[i].sent]

    def stems(self, i: int) -> frozenset[str]:
        """All readings of token i without clitics (plus its surface)."""
        found = self.readings[i]
        if found is None:
            tok = self.tokens[i]
            found = self.readings[i] = _readings(tok.norm, tok.clitic)
        return found

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].kind in ("word", "hashtag")

    def sentence_offsets(self, i: int) -> tuple[int, int]:
        lo, hi = self.sentence_of(i)
        return self.tokens[lo].start, self.tokens[hi - 1].end
