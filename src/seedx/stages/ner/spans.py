"""From tagged tokens to the record's entities: SPEC.md's span and canonical rules.

Spans leave out the first token's proclitics (the tokenizer's stem_start,
which already puts a contracted لل span after its first ل), and `canonical`
is the undiacritized name with ال restored, mapped to the longest earlier
compatible mention in the article (مشعل → خالد مشعل, حماس → حركة حماس).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from seedx.document import Document, Token
from seedx.evaluate.conll import chunks
from seedx.record import Entity
from seedx.stages.ner.lexicon import core

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_INNER_HASH = re.compile(r"(?<=\s)#")
_SPACES = re.compile(r"\s+")


def is_joiner(tokens: Sequence[Token], i: int) -> bool:
    """An underscore glued between two words (مجلس_الأمن): hashtag-style spacing, not punctuation."""
    t = tokens[i]
    return (t.norm == "_" and 0 < i < len(tokens) - 1
            and tokens[i - 1].end == t.start and tokens[i + 1].start == t.end)


def canonical_text(doc: Document, first: Token, start: int, end: int) -> str:
    """The mention without diacritics, tatweel, joiners or a one-word hashtag's #; ال restored after a
    contracted ل. A multi-word hashtag (#لا_يضرهم_من_خذلهم) stays as written, as the gold has it."""
    raw = doc.raw[start:end]
    text = _DIACRITICS.sub("", raw)
    if not (raw.startswith("#") and "_" in raw and " " not in raw.strip()):
        text = text.replace("_", " ")
    text = _SPACES.sub(" ", _INNER_HASH.sub("", text)).strip()
    if text.startswith("#") and "_" not in raw:  # a one-word hashtag names what its word names: #غزة
        text = text[1:]
    c = first.clitic
    if c.endswith("ل") and first.norm.startswith(c + "ل") and start == first.stem_start:
        text = "ا" + text
    return text


_LATIN = re.compile(r"[A-Za-z@]")
_GLUED = "وفبلك"


def _glued_proclitic(first: Token, words: Counter[str]) -> int:
    """Letters of a proclitic the tokenizer left on a name's first word: Arabic letters before a Latin
    name (لـCNN), or و ف ب ل ك (one, or two as in وب) before a word that the article's names use
    without them (لكليتشدار where كليتشدار is a name elsewhere in the article), unless the whole is a
    word the corpus knows better than the rest (لجنة beside جنة); 0 when none."""
    w = first.norm
    if first.kind != "word" or len(w) < 2:
        return 0
    if w[0] > "\u0600" and w[-1].isascii():  # لـCNN
        m = _LATIN.search(w)
        if m is not None and m.start() <= 2:
            return m.start()
    if w[0] in _GLUED and len(w) > 3:
        if words.get(core(w[1:]), 0) > 0 and not _known_word(w):
            return 1
        if len(w) > 4 and w[1] in _GLUED[2:] and words.get(core(w[2:]), 0) > 0 and not _known_word(w):
            return 2  # وبتالة
    return 0


def _known_word(w: str) -> bool:
    """A word the corpus vocabulary knows well as it is, more often than without its first letter
    (لجنة beside جنة): no proclitic left on a name, whatever name of the article the rest makes
    (بنابلس, rarer than نابلس, is one)."""
    from seedx.resources import load_vocab

    vocab = load_vocab()
    count = vocab.get(w, 0)
    return count >= _RARE and count > vocab.get(w[1:], 0)


def _glued_and(first: Token) -> bool:
    """A rare word written with و that the tokenizer left whole (ودينهاخ: it splits only words it
    knows); right after another place, that و joins a list of places."""
    from seedx.resources import load_vocab

    w = first.norm
    return first.kind == "word" and w.startswith("و") and len(w) > 4 and load_vocab().get(w, 0) < _RARE


_RARE = 50
"""A word seen fewer times in the corpus vocabulary is no common word (span_words.common's threshold)."""


def _after_letters(raw: str, start: int, n: int, end: int) -> int:
    """The raw offset after n letters from start, past diacritics and tatweel (لـ)."""
    i = start
    while i < end and n:
        i += 1
        if not _DIACRITICS.fullmatch(raw[i - 1]):
            n -= 1
    while i < end and _DIACRITICS.fullmatch(raw[i]):
        i += 1
    return i


def make_entities(doc: Document, tagged: list[tuple[list[Token], list[str], list[float] | None]],
                  known_places: frozenset[str] = frozenset()) -> list[Entity]:
    """Entities of tagged sentences (tokens, IOB2 tags, per-token scores or None), in text order, ids e1...

    `known_places` are LOC keys (gazetteer single words) that keep their own
    canonical even inside a longer earlier name: غزة is not قطاع غزة.
    """
    from seedx.stages.ner.consistency import document_names

    if _LATIN.search(doc.raw):
        from seedx.stages.ner.conventions import latin_names

        tagged = [(tokens, latin_names(tokens, tags) if tokens and _LATIN.search(doc.raw, tokens[0].start,
                                                                         tokens[-1].end) else tags, scores)
                  for tokens, tags, scores in tagged]
    if "#" in doc.raw:
        from seedx.stages.ner.conventions import hashtag_names

        tagged = [(tokens, hashtag_names(tokens, tags, known_places)
                   if tokens and "#" in doc.raw[tokens[0].start:tokens[-1].end] else tags, scores)
                  for tokens, tags, scores in tagged]
    before = [chunks(tags) for _, tags, _ in tagged]
    after = document_names(tagged, before, doc.norm.text if doc.norm is not None else None)
    found: list[tuple[int, int, str, str, float | None, tuple[str, ...]]] = []
    spans = [(tokens, scores, s, e, label)  # a sentence the document pass left alone keeps its chunks
             for (tokens, tags, scores), (_, old, _), sp in zip(after, tagged, before, strict=True)
             for s, e, label in (sp if tags is old else chunks(tags))]
    keyed = [(tokens, scores, s, e, label,
              [core(t.stem if i == s else t.norm) for i, t in enumerate(tokens[s:e], s) if t.kind != "punct"])
             for tokens, scores, s, e, label in spans]
    words = Counter(k for *_, keys in keyed for k in keys)
    place_ends = {(id(tokens), e) for tokens, _, _, e, label in spans if label == "LOC"}
    for tokens, scores, s, e, label, keys in keyed:
        first, last = tokens[s], tokens[e - 1]
        start = first.stem_start if first.clitic and first.stem_start >= 0 else first.start
        end = last.end
        glued = 0 if first.clitic else _glued_proclitic(first, words)
        if not glued and not first.clitic and label == "LOC" and (id(tokens), s) in place_ends \
                and _glued_and(first):
            glued = 1  # روتردام ولايدن | ودينهاخ: the و of a list, left on a rare place name
        if first.kind == "hashtag" and label != "MISC" and doc.raw.startswith("#", start):
            start += 1  # #نابلس، #محمود_عباس: the name, without its #
        if glued:
            start = _after_letters(doc.raw, start, glued, end)
            keys[0] = core(first.norm[glued:])
        if end <= start:
            continue
        canon = canonical_text(doc, first, start, end)
        score = round(sum(scores[s:e]) / (e - s), 3) if scores is not None else None
        found.append((start, end, label, canon, score, tuple(keys)))
    found.sort(key=lambda f: (f[0], f[1]))
    entities: list[Entity] = []
    earlier: list[tuple[str, str, frozenset[str], int]] = []
    for start, end, label, canon, score, keys in found:
        canonical = canon
        keyset = frozenset(keys)
        if keys and not (label == "LOC" and len(keys) == 1 and keys[0] in known_places):
            best = None
            for e_label, e_canon, e_keys, e_len in earlier:
                if e_label == label and e_len > len(keys) and keyset <= e_keys and (
                        best is None or e_len > best[1]):
                    best = (e_canon, e_len)
            if best is not None:
                canonical = best[0]
        earlier.append((label, canonical, keyset, len(keys)))
        entities.append(Entity(id=f"e{len(entities) + 1}", text=doc.raw[start:end], start=start, end=end,
                               label=label, canonical=canonical, score=score))
    return entities
