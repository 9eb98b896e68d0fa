"""The per-word and per-document shortcuts of the events stage give what the plain definitions give.

The stage memoizes word look-ups, dismisses most words with a cheap test
before analysing them, and computes token ownership and sentence bounds
directly instead of asking token by token; each test here checks one of
those shortcuts against the definition it replaces.
"""

from __future__ import annotations

import itertools
import random

import pytest

from seedx.document import Document
from seedx.pipeline import Runner, stages_until
from seedx.stages.events.arguments import _owned, _owner
from seedx.stages.events.context import Context, analyses
from seedx.stages.events.lexicon import load_lexicon
from seedx.stages.events.triggers import _NOTHING, _lookup, _may_be_known, _memo
from seedx.stages.normalize import normalize_word

_PROCLITICS = ["", "و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "وك", "فب", "فل", "وس", "ال", "لل", "وال", "بال",
               "ولل"]
_ENCLITICS = ["", "ا", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ته", "تها", "تهم"]


def _known(word: str) -> bool:
    """The definition: some reading of the word is a trigger form, or a light verb without a pronoun."""
    lex = load_lexicon()
    return any(stem in lex.senses or (not enclitic and stem in lex.support)
               for stem, _, enclitic in analyses(word))


def test_cheap_test_never_dismisses_a_lexicon_word() -> None:
    """Every trigger form and light verb, with clitics on either side (and its ه written ت before a pronoun)."""
    lex = load_lexicon()
    forms = set(lex.senses) | set(lex.support)
    words = set()
    for form, pre, suf in itertools.product(sorted(forms), _PROCLITICS, _ENCLITICS):
        words.add(pre + form + suf)
        if form.endswith("ه"):
            words.add(pre + form[:-1] + "ت" + suf)
    known = [w for w in words if _known(w)]
    assert known
    assert all(_may_be_known(w, lex) for w in known)


def test_lookup_agrees_with_analyses() -> None:
    lex = load_lexicon()
    for written in ("وأعلن", "اعلن", "المؤتمر", "بالمؤتمر", "زيارتها", "نظمت", "والتقى", "كتاب", "في", "و"):
        word = normalize_word(written)
        found = _lookup(word, lex)
        assert (found is not _NOTHING) == _known(word)
        assert [s for s, _, _, _ in found.senses] == [s for s, _, _ in analyses(word) if s in lex.senses]


def test_owned_is_the_nearest_anchor_stretch() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        anchors = sorted(rng.sample(range(40), rng.randint(1, 6)))
        lo, hi = rng.randint(0, anchors[0]), rng.randint(anchors[-1] + 1, 45)
        a = rng.choice(anchors)
        assert list(_owned(anchors, a, lo, hi)) == [k for k in range(lo, hi) if _owner(k, anchors) == a]


def test_sentence_ranges() -> None:
    doc = Runner(stages=stages_until("tokenize")).run(Document(id="t", raw="قال الوزير. ثم غادر القاعة! وانتهى"))
    ctx = Context.build(doc)
    for sent, (lo, hi) in ctx.sent_range.items():
        idx = [i for i, t in enumerate(doc.tokens) if t.sent == sent]
        assert (lo, hi) == (min(idx), max(idx) + 1)
    assert len(ctx.sent_range) == len({t.sent for t in doc.tokens}) >= 2


def test_timed_in_is_the_timex_tokens_of_a_stretch() -> None:
    raw = "عقد المؤتمر يوم الاثنين 5 مايو 2025 في عمان، ثم زار الوفد المدينة أمس."
    doc = Runner(stages=stages_until("dates")).run(Document(id="t", raw=raw, published_input="2025-05-07"))
    ctx = Context.build(doc)
    assert ctx.timed
    n = len(ctx.tokens)
    for lo in range(n + 1):
        for hi in range(n + 1):
            assert ctx.timed_in(range(lo, hi)) == [k for k in range(lo, hi) if ctx.tmx_at[k] is not None]


def test_lookup_memo_starts_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memo is cleared when full, and what it gives afterwards is what it gave before."""
    lex = load_lexicon()
    words = [normalize_word(w) for w in ("وأعلن", "المؤتمر", "كتاب", "زيارتها", "في")]
    before = [_lookup(w, lex) for w in words]
    monkeypatch.setattr("seedx.stages.events.triggers._MEMO_SIZE", 2)
    _memo(lex).clear()
    after = [_lookup(w, lex) for w in words]
    assert after == before
    assert len(_memo(lex)) <= 2
