"""Document-level consistency: a name tagged once is the same entity throughout the article.

The CRF sees one sentence at a time and misses later, contextless mentions
(مشعل alone, after خالد مشعل was tagged with its title). A second pass tags
untagged repeats of names the article already tagged, longest first, and a
person's last name or an organization's name after its head noun
(حماس of حركة حماس) counts as a repeat; after the span rules, a rare one-word
place, body or event name comes back tagged wherever the article repeats it
(document_names).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from operator import attrgetter

from seedx.document import Token
from seedx.evaluate.conll import chunks
from seedx.stages.ner.lexicon import core

_MAX_LEN = 6
PROPAGATED_SCORE = 0.5


def _common_noun(key: str) -> bool:
    """A key the corpus writes with ال more often than without: a common noun or adjective (الأمن،
    السيارات، الأوروبي), not a name (حماس، فتح), so that an organization's tail after its head noun
    (مجلس الأمن) is no name on its own."""
    from seedx.resources import load_vocab

    vocab = load_vocab()
    return vocab.get("ال" + key, 0) > vocab.get(key, 0)


@lru_cache(maxsize=1)
def _function_keys() -> frozenset[str]:
    """Keys of the words normalization makes both a name and a function word (function_before_definite.txt:
    على and the name علي are both علي). One tagged علي (or a name ending in it, بن علي) must not make every
    preposition على of the article a person: such a word is never a one-word name to propagate; names of
    two words or more that hold it still are."""
    from seedx.stages.ner.span_words import span_lists

    return frozenset(core(w) for w in span_lists().function_before_definite)


def propagate(keys: list[list[str]], tags: list[list[str]], scores: list[list[float]],
              blocked: frozenset[str] = frozenset(), org_heads: frozenset[str] = frozenset(),
              ) -> tuple[list[list[str]], list[list[float]]]:
    """New tags and scores for a document's sentences (match keys, tags, scores per sentence).

    `blocked` keys never start a propagated mention on their own (titles, cue
    words); `org_heads` are head nouns whose tail names the organization too.
    """
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    mentions: list[tuple[int, int, int, str, tuple[str, ...]]] = []
    for si, (ks, ts) in enumerate(zip(keys, tags, strict=True)):
        if ts.count("O") == len(ts):  # no entity: nothing to vote for
            continue
        for s, e, label in chunks(ts):
            name = tuple(ks[s:e])
            mentions.append((si, s, e, label, name))
            votes[name][label] += 2
            if e - s > 1 and label == "PER":
                votes[(name[-1],)][label] += 1
            if e - s > 1 and label == "ORG" and name[0] in org_heads and not (e - s == 2 and _common_noun(name[1])):
                votes[name[1:]][label] += 1
    lone = _function_keys()
    known = {n: c.most_common(1)[0][0] for n, c in votes.items()
             if n and all(len(k) > 2 for k in n) and not (len(n) == 1 and (n[0] in blocked or n[0] in lone))}
    if not known:
        return tags, scores
    tags = _relabel(tags, votes, mentions)
    # Names can only start at a known first key and are at most `longest` keys long: most positions
    # are ruled out by one set lookup instead of trying every length.
    firsts = {n[0] for n in known}
    longest = min(_MAX_LEN, max(len(n) for n in known))
    new_tags: list[list[str]] = []
    new_scores: list[list[float]] = []
    for ks, ts, ss in zip(keys, tags, scores, strict=True):
        ts, ss = list(ts), list(ss)
        if firsts.isdisjoint(ks):
            new_tags.append(ts)
            new_scores.append(ss)
            continue
        i = 0
        while i < len(ks):
            if ts[i] != "O" or ks[i] not in firsts:
                i += 1
                continue
            for n in range(min(longest, len(ks) - i), 0, -1):
                label = known.get(tuple(ks[i : i + n]))
                if not label:
                    continue
                free = all(t == "O" for t in ts[i : i + n]) and (i + n == len(ts) or not ts[i + n].startswith("I-"))
                if free:
                    ts[i : i + n] = ["B-" + label] + ["I-" + label] * (n - 1)
                    ss[i : i + n] = [PROPAGATED_SCORE] * n
                    i += n - 1
                    break
            i += 1
        new_tags.append(ts)
        new_scores.append(ss)
    return new_tags, new_scores


def _relabel(tags: list[list[str]], votes: dict[tuple[str, ...], Counter[str]],
             mentions: list[tuple[int, int, int, str, tuple[str, ...]]]) -> list[list[str]]:
    """Mentions of one name take the label most of its tagged mentions have (a clear majority: more
    than half of the votes), so that one article does not call the same name a place and a person.
    `mentions`: (sentence, start, end, label, name) of the tagged chunks."""
    out = None
    for si, s, e, label, name in mentions:
        c = votes[name]
        if len(c) < 2:
            continue
        best, n = c.most_common(1)[0]
        if best != label and 2 * n > sum(c.values()):
            if out is None:
                out = list(tags)
            if out[si] is tags[si]:
                out[si] = list(tags[si])
            out[si][s:e] = ["B-" + best] + ["I-" + best] * (e - s - 1)
    return out if out is not None else tags


_RARE = 50
"""A word seen fewer times in the news corpus is no common word (span_words.common's threshold)."""


def _uses(word: str, text: str | None, tagged: list[tuple[list[Token], list[str], list[float] | None]]) -> int:
    """How many times (up to 2) the article has `word` as a whole word: searched in its normalized text
    where the caller has it, else counted over the tokens."""
    if text is not None:
        found, i = 0, text.find(word)
        while i >= 0 and found < 2:
            j = i + len(word)
            if (i == 0 or not text[i - 1].isalpha()) and (j == len(text) or not text[j].isalpha()):
                found += 1
            i = text.find(word, j)
        return found
    return min(2, sum(1 for ts, _, _ in tagged for t in ts if t.norm == word))


_PROCLITICS = "وفبلك"
_NORM = attrgetter("norm")


def document_names(tagged: list[tuple[list[Token], list[str], list[float] | None]],
                   found: list[list[tuple[int, int, str]]] | None = None, text: str | None = None,
                   ) -> list[tuple[list[Token], list[str], list[float] | None]]:
    """A document's names made consistent after the span rules: a PER name widened over a rare word right
    before or after it that the article repeats (المحامي رزق | شقيرات ... وقال شقيرات), never a verb
    (verbs.txt: a rare verb a list repeats, إخراج فلان | تسند ...، is still the clause's); adjacent PER
    names joined where the article has them as one name (دونالد | ترامب); untagged repeats of a person's
    name of two words or more, and of its last word, tagged PER; and a one-word name of the article
    with a proclitic the tokenizer left on it (بتالة) tagged (spans.py leaves the proclitic out).
    `found`: the chunks of each sentence, and `text`: the article's normalized text, where the caller
    has them."""
    from seedx.resources import load_vocab
    from seedx.stages.ner.span_words import not_names, span_lists

    lists = span_lists()
    vocab = load_vocab()
    stop = lists.function | lists.function_before_definite | lists.links
    if found is None:
        found = [chunks(tags) for _, tags, _ in tagged]
    out = []
    full: dict[tuple[str, ...], str] = {}
    singles: dict[str, str] = {}
    named: dict[str, str] = {}
    for (tokens, tags, scores), sp in zip(tagged, found, strict=True):
        if not sp:
            out.append((tokens, tags, scores))
            continue
        if "B-PER" in tags:
            n = len(tokens)
            new = None
            for s, e, label in reversed(sp):
                if label != "PER":
                    continue
                for k, first in ((e, False), (s - 1, True)):
                    if not 0 <= k < n or tags[k] != "O" or tokens[k].kind != "word" or tokens[k].clitic:
                        continue
                    w = tokens[k].norm
                    if len(w) < 3 or vocab.get(w, 0) >= _RARE or w in stop or core(w) in lists.end_stop \
                            or core(w) in lists.verbs \
                            or (first and (tokens[s].clitic or w.startswith("ال"))):
                        continue
                    if _uses(w, text, tagged) >= 2:
                        if new is None:
                            new = list(tags)
                        if first:
                            new[k], new[s] = "B-PER", "I-PER"
                        else:
                            new[k] = "I-PER"
            if new is not None:
                tags = new
                sp = chunks(tags)
        out.append((tokens, tags, scores))
        for s, e, label in sp:
            if e - s > 1:
                if label == "PER":
                    full[tuple(t.norm for t in tokens[s:e])] = label
            elif tokens[s].kind == "word":
                singles.setdefault(core(tokens[s].stem), label)
                if label != "PER":
                    named.setdefault(tokens[s].stem, label)
    never = not_names()  # عبدالله الثاني: an ordinal, no name alone (الفصل الثاني)
    lasts = {k[-1] for k in full if len(k[-1]) > 2 and vocab.get("ال" + k[-1], 0) <= vocab.get(k[-1], 0)
             and k[-1] not in stop and core(k[-1]) not in lists.end_stop and core(k[-1]) not in never}
    glued: dict[str, str] = {}
    for k, label in singles.items():
        if len(k) > 2 and vocab.get("ال" + k, 0) <= vocab.get(k, 0):
            for a in _PROCLITICS:
                glued.setdefault(a + k, label)
    for k in singles:
        glued.pop(k, None)  # a name of its own in the article (بلال beside لال) is no glued form
    rare = _rare_forms(named, vocab)
    targets = {k[0] for k in full} | lasts | glued.keys() | rare.keys()
    longest = max((len(k) for k in full), default=0)
    result = []
    for tokens, tags, scores in out:
        if targets.isdisjoint(map(_NORM, tokens)):
            result.append((tokens, tags, scores))
            continue
        norms = [t.norm for t in tokens]
        old = tags
        n = len(tokens)
        nxt = 0
        for i in [k for k, w in enumerate(norms) if w in targets]:
            if i < nxt or tags[i] not in ("O", "B-PER") or (
                    tags[i] == "B-PER" and (i + 1 == n or tags[i + 1] not in ("O", "B-PER"))):
                continue  # a name already whole, or followed by another label's chunk
            label, m = _repeat(norms, tags, i, full, longest)
            if not label:
                t = tokens[i]
                if tags[i] == "O" and t.kind == "word" and (i + 1 == n or not tags[i + 1].startswith("I-")):
                    label = ("PER" if t.norm in lasts else glued.get(t.norm)) if not t.clitic else None
                    label = label or rare.get(t.norm)
                    m = 1
            if label:
                if tags is old:
                    tags = list(tags)
                    scores = list(scores) if scores is not None else None
                tags[i : i + m] = ["B-" + label] + ["I-" + label] * (m - 1)
                if scores is not None:
                    scores[i : i + m] = [max(PROPAGATED_SCORE, x) for x in scores[i : i + m]]
                nxt = i + m
        result.append((tokens, tags, scores))
    return result


_AND_AT = ("", "و", "ب", "ف", "ك", "ل", "وب", "ول", "وك")


def _rare_forms(named: dict[str, str], vocab: dict[str, int]) -> dict[str, str]:
    """Forms (proclitics and all) of the article's one-word place, body and event names that are rare
    words, by label: a rare word the article once named is that name wherever it comes back
    (الباقورة ... لأراضي الباقورة والغمر ... في الباقورة), where a common word could be a noun."""
    out: dict[str, str] = {}
    for stem, label in named.items():
        if len(core(stem)) < 3 or vocab.get(stem, 0) >= _RARE:
            continue
        for a in _AND_AT:
            out.setdefault(a + stem, label)
        if stem.startswith("ال"):
            out.setdefault("ل" + stem[1:], label)  # للغمر: ل + ال contracted
            out.setdefault("ول" + stem[1:], label)
    return out


def _repeat(norms: list[str], tags: list[str], i: int, full: dict[tuple[str, ...], str],
            longest: int) -> tuple[str | None, int]:
    """(label, length) of the longest name of the article (two words or more) repeated at i whose
    tokens are untagged (or a PER name's parts, for a PER name) and not yet one chunk; (None, 0)."""
    n = len(norms)
    for m in range(min(longest, n - i), 1, -1):
        label = full.get(tuple(norms[i : i + m]))
        if label is None or (label != "PER" and tags[i] != "O"):
            continue
        ok = ("O", "B-PER", "I-PER") if label == "PER" else ("O",)
        if all(t in ok for t in tags[i : i + m]) and (i + m == n or not tags[i + m].startswith("I-")) \
                and tags[i : i + m] != ["B-" + label] + ["I-" + label] * (m - 1):
            return label, m
    return None, 0
