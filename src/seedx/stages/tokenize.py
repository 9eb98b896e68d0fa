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
from seedx.resources import load_lines, load_vocab
from seedx.stages.normalize import normalize_text

NAME = "tokenize"
VERSION = "1"

_TOKEN_RE = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s"'<>]+[^\s"'<>.,;:!?)\]])
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


@lru_cache(maxsize=1 << 16)  # news vocabulary repeats: most words are seen many times (a third of tokenize's time)
def split_clitics(word: str) -> str:
    """Guess the proclitics (و ف ب ك ل) of a normalized Arabic word.

    With ال the split is unambiguous; without it, a prefix is split off only
    where the remainder is clearly the commoner word in the corpus vocabulary
    (وقال → و + قال, but وزير stays whole and بغداد keeps its ب).
    """
    m = _LIL_RE.match(word)
    if m:
        return m.group(1) + "ل"
    m = _AL_CLITIC_RE.match(word)
    if m:
        return m.group(1)
    m = _BARE_CLITIC_RE.match(word)
    if not m or not m.group(1) or word in _no_clitic():
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


def tokenize(doc: Document) -> Document:
    """Stage entry point: fill `doc.tokens` and `doc.sentences`."""
    assert doc.norm is not None, "tokenize needs normalize"
    norm = doc.norm
    text = norm.text
    abbreviations = _abbreviations()
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    sent = 0
    sent_start: int | None = None
    last_end = 0
    prev: Token | None = None
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        s, e = m.span()
        if prev is not None and "\n" in text[last_end:s] and sent_start is not None:
            sentences.append((sent_start, prev.end))
            sent += 1
            sent_start = None
        start, end = norm.to_raw(s, e)
        surface = m.group()
        if kind == "word" and not surface.isascii():
            clitic = split_clitics(surface)
        else:
            clitic = ""
            if kind == "word":
                kind = "latin"
        stem_start = norm.raw_start(s + len(clitic)) if clitic else start
        tok = Token(start, end, surface, kind, sent, clitic, stem_start)
        tokens.append(tok)
        if sent_start is None:
            sent_start = start
        if kind == "punct" and surface in _SENT_END and not _is_abbreviation(tokens, abbreviations):
            sentences.append((sent_start, end))
            sent += 1
            sent_start = None
        prev = tok
        last_end = e
    if sent_start is not None and prev is not None:
        sentences.append((sent_start, prev.end))
    doc.tokens = tokens
    doc.sentences = sentences
    return doc


def _is_abbreviation(tokens: list[Token], abbreviations: frozenset[str]) -> bool:
    """A full stop right after a known abbreviation (د. ، أ.د.) ends no sentence."""
    if tokens[-1].norm != "." or len(tokens) < 2:
        return False
    before = tokens[-2]
    return before.end == tokens[-1].start and before.norm in abbreviations
