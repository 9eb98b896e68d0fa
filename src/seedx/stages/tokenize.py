"""tokenize: sentences and tokens with raw offsets.

Tokens follow camel-tools' simple_word_tokenize (words, and each punctuation
mark on its own) but are found with offsets, on the normalized text, and some
units stay whole because later stages need them whole: URLs, emails, hashtags,
mentions, numbers with separators, clock times and numeric dates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from seedx.document import Document, Token
from seedx.generations import Generations
from seedx.resources import load_lines, load_vocab
from seedx.stages.normalize import normalize_text

NAME = "tokenize"
VERSION = "2"

_TOKEN_RE = re.compile(
    r"""
    (?P<newline>\n)
  | (?P<url>(?:https?://|www\.)[^\s"'<>]+[^\s"'<>.,;:!?)\]])
  | (?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<hashtag>\#[^\W]+)
  | (?P<mention>@[^\W]+)
  | (?P<date>\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?!\d))
  | (?P<time>\d{1,2}:\d{2}(?::\d{2})?(?!\d))
  | (?P<number>\d+(?:[.,']\d+)*%?)
  | (?P<word>[^\W\d_]+)
  | (?P<punct>[^\w\s]|_)
    """,
    re.VERBOSE,
)
"""Tokens, and the newlines between them (never inside one), which end a sentence."""

_SENT_END = frozenset(".!?;")
_AL_CLITIC_RE = re.compile(r"^([وف]?[بكل]?)ال(..+)$")
_LIL_RE = re.compile(r"^([وف]?)لل(..+)$")
_BARE_CLITIC_RE = re.compile(r"^([وف]?[بكل]?)(...+)$")
_MIN_COUNT = 50
"""A remainder rarer than this in the corpus is not trusted as a word."""
_CONJ_RATIO = 0.2
"""و/ف + word: the bare word needs a fifth of the prefixed form's count (وقال/قال)."""
_PREP_RATIO = 2.0
"""ب/ك/ل + word: the bare word must be clearly commoner (بغزة/غزة, not بغداد/غداد)."""


@lru_cache(maxsize=1)
def _no_clitic() -> frozenset[str]:
    return frozenset(normalize_text(w).text for w in load_lines("no_clitic.txt"))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(normalize_text(a).text for a in load_lines("abbreviations.txt"))


@lru_cache(maxsize=1 << 14)  # tokenize asks only on its own word cache's misses, NER on its emission cache's
def split_clitics(word: str) -> str:
    """Guess the proclitics (و ف ب ك ل) of a normalized Arabic word.

    With ال the split is unambiguous; without it, a prefix is split off only
    where the remainder is clearly the commoner word in the corpus vocabulary
    (وقال → و + قال, but وزير stays whole and بغداد keeps its ب).
    """
    if word in _no_clitic():
        return ""  # listed words win over every rule (والدة is not و + الدة)
    m = _LIL_RE.match(word)
    if m:
        return m.group(1) + "ل"
    m = _AL_CLITIC_RE.match(word)
    if m:
        return m.group(1)
    m = _BARE_CLITIC_RE.match(word)
    if not m or not m.group(1):
        return ""
    vocab = load_vocab()
    whole = vocab.get(word, 0)
    prefix = m.group(1)
    # Try the longest prefix first (وب + غداد is checked before و + بغداد).
    for cut in range(len(prefix), 0, -1):
        rest = word[cut:]
        ratio = _PREP_RATIO if prefix[cut - 1] in "بكل" else _CONJ_RATIO
        if len(rest) >= 3 and rest not in _no_clitic() and vocab.get(rest, 0) >= max(ratio * whole, _MIN_COUNT):
            return prefix[:cut]
    return ""


_WORD_CACHE_SIZE = 1 << 15
"""Most word types whose (kind, clitic) is kept per generation: at most a few MB, flat over a corpus.
On news about 8% of word tokens then miss (5% with twice the size), and a miss costs well under a µs."""


_KINDS: dict[tuple[str, str], tuple[str, str]] = {}
"""One tuple per distinct (kind, clitic), a handful in all, shared by every cache entry."""


def _word_kind(word: str) -> tuple[str, str]:
    """(kind, clitic) of a word token: latin, or Arabic with its guessed proclitics."""
    info = ("latin", "") if word.isascii() else ("word", split_clitics(word))
    return _KINDS.setdefault(info, info)


_WORD_KINDS: Generations[str, tuple[str, str]] = Generations(_WORD_CACHE_SIZE)
"""(kind, clitic) by surface: news vocabulary repeats, so it is worked out once per type, looked up with a
plain dict probe (cheaper per token than the lru_cache around `split_clitics`)."""


def tokenize(doc: Document) -> Document:
    """Stage entry point: fill `doc.tokens` and `doc.sentences`.

    One pass over the token regex (newlines included, for sentence ends); the
    per-token work is kept to index look-ups (raw offsets straight from the
    alignment's arrays), a dict probe for words and the Token itself, since
    that loop is the stage's whole cost.
    """
    assert doc.norm is not None, "tokenize needs normalize"
    norm = doc.norm
    starts, ends = norm.starts, norm.ends
    abbreviations = _abbreviations()
    words = _WORD_KINDS
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    sent = 0
    sent_start = -1
    """Raw start of the open sentence; -1 while none is open."""
    for m in _TOKEN_RE.finditer(norm.text):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "newline":
            if sent_start >= 0:
                sentences.append((sent_start, tokens[-1].end))
                sent += 1
                sent_start = -1
            continue
        surface = m.group()
        start = starts[s]
        end = ends[e - 1]
        if sent_start < 0:
            sent_start = start
        if kind == "word":
            kind, clitic = words.recent.get(surface) or words.miss(surface, _word_kind)
            if clitic:
                tokens.append(Token(start, end, surface, kind, sent, clitic, starts[s + len(clitic)]))
                continue
        elif kind == "punct" and surface in _SENT_END:
            tokens.append(Token(start, end, surface, kind, sent, "", start))
            if not _is_abbreviation(tokens, abbreviations):
                sentences.append((sent_start, end))
                sent += 1
                sent_start = -1
            continue
        tokens.append(Token(start, end, surface, kind, sent, "", start))
    if sent_start >= 0:
        sentences.append((sent_start, tokens[-1].end))
    doc.tokens = tokens
    doc.sentences = sentences
    return doc


def _is_abbreviation(tokens: list[Token], abbreviations: frozenset[str]) -> bool:
    """A full stop right after a known abbreviation (د. ، أ.د.) ends no sentence."""
    if tokens[-1].norm != "." or len(tokens) < 2:
        return False
    before = tokens[-2]
    return before.end == tokens[-1].start and before.norm in abbreviations
