"""Document-level consistency: a name tagged once is the same entity throughout the article.

The CRF sees one sentence at a time and misses later, contextless mentions
(مشعل alone, after خالد مشعل was tagged with its title). A second pass tags
untagged repeats of names the article already tagged, longest first, and a
person's last name or an organization's name after its head noun
(حماس of حركة حماس) counts as a repeat.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from seedx.evaluate.conll import chunks

_MAX_LEN = 6
PROPAGATED_SCORE = 0.5


def _common_noun(key: str) -> bool:
    """A key the corpus writes with ال more often than without: a common noun or adjective (الأمن،
    السيارات، الأوروبي), not a name (حماس، فتح), so that an organization's tail after its head noun
    (مجلس الأمن) is no name on its own."""
    from seedx.resources import load_vocab

    vocab = load_vocab()
    return vocab.get("ال" + key, 0) > vocab.get(key, 0)


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
    known = {n: c.most_common(1)[0][0] for n, c in votes.items()
             if n and all(len(k) > 2 for k in n) and not (len(n) == 1 and n[0] in blocked)}
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
