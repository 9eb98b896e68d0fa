"""Is a clause about the future? News resolves an unmarked weekday or a bare
day and month by it: "يعقد المؤتمر الخميس" is the next Thursday, "عقد ... الخميس"
the last one. Only future is detected (a cue word, or a سـ + imperfect verb);
past is detected from common past-tense news verbs (cues.json); with no cue
an unmarked weekday reads as past, the news default."""

from __future__ import annotations

import re
from functools import lru_cache

from seedx.resources import load_vocab
from seedx.stages.dates.lexicon import lexicon

_WORD_RE = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[.!?;:\n\"]")
_WINDOW = 60


@lru_cache(maxsize=1 << 14)  # bounded: memory stays flat over a corpus
def _is_future_verb(word: str) -> bool:
    """سيعقد / ستنطلق / سنواصل: س before an imperfect verb that exists without it."""
    w = word[1:] if word[:1] in "وف" and len(word) > 5 else word
    if len(w) < 5 or w[0] != "س" or w[1] not in "يتنا":
        return False
    vocab = load_vocab()
    return vocab.get(w[1:], 0) > 3 * vocab.get(w, 0) + 5


def tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None (no cue) for the clause around [start, end)."""
    lo = max(0, start - _WINDOW)
    before = text[lo:start]
    cut = list(_CLAUSE_END.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    after = text[end:end + _WINDOW // 2]
    m = _CLAUSE_END.search(after)
    if m:
        after = after[: m.start()]
    lx = lexicon()
    # The nearest cue decides: first the words before the expression (nearest
    # first: the verb it modifies), then those after it (reported speech comes last).
    for w in _WORD_RE.findall(before)[::-1] + _WORD_RE.findall(after):
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if w in lx.future or bare in lx.future or _is_future_verb(w):
            return "future"
        if w in lx.past or bare in lx.past:
            return "past"
    return None


def is_future(text: str, start: int, end: int) -> bool:
    """Look at the clause around [start, end) for a future cue."""
    return tense(text, start, end) == "future"
