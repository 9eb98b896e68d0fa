"""dates: time expressions as TIMEX3, and the article date.

Rules (patterns.py) propose candidates on the normalized text; parse.py reads
each into a context-free draft; the longest non-overlapping drafts are kept;
the dateline gives the article date when the input did not; resolve.py then
anchors the drafts in text order. Offsets map back to the raw text through
the normalization's alignment. dateparser is not imported here: it is only
the benchmark's baseline.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from functools import lru_cache
from typing import Any

from seedx.document import Document
from seedx.record import Published, Timex

NAME = "dates"
VERSION = "1"


def config(options: dict[str, Any]) -> dict[str, Any]:
    """Nothing is configurable yet; the data files' content is part of VERSION."""
    return {}


MAX_PER_RULE = 2000
"""More matches of one rule than this is not news (a table dump, an attack on
the parser): the rest of the text is left unmatched for that rule."""
MAX_HITS = 2000
"""Keyword positions kept per rule."""
_MARGIN = 100
"""Characters around a core hit that a match may reach: longer than any expression."""


_WORD_RE = re.compile(r"[^\W\d_]+")
_SPACE_RE = re.compile(r"[^\w]")
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


@lru_cache(maxsize=4)
def _keyword_index(rules: tuple[Any, ...]) -> dict[str, tuple[str, ...]]:
    """Every surface form a keyword can take (with proclitics, with or without
    its article, لل-contracted), mapped to the rules it anchors."""
    index: dict[str, set[str]] = {}
    for r in rules:
        for w in r.keywords:
            forms = {w}
            if w.startswith("ال"):
                forms |= {"ل" + w[2:]}
            else:
                forms |= {"ال" + w}
            for f in list(forms):
                for c in _CLITICS:
                    index.setdefault(c + f, set()).add(r.name)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def _keyword_hits(text: str, rules: tuple[Any, ...]) -> dict[str, list[int]]:
    """Positions of each rule's keywords, found in one pass over the words.

    One scan with dict look-ups instead of one regex scan per rule: on long
    inputs this is what keeps the stage linear and fast. A rule keeps at most
    MAX_HITS positions (more is not news).
    """
    index = _keyword_index(rules)
    hits: dict[str, list[int]] = {r.name: [] for r in rules}
    words = set(_WORD_RE.findall(text))
    found = words & index.keys()
    latin = {w for w in words if w.isascii() and w.lower() != w and w.lower() in index}
    for w in sorted(found | latin):
        names = index[w.lower()] if w in latin else index[w]
        n = len(w)
        pos = text.find(w)
        while pos >= 0:
            # Whole words only: no letter on either side.
            if (pos == 0 or not _is_letter(text[pos - 1])) and (pos + n == len(text) or not _is_letter(text[pos + n])):
                for name in names:
                    h = hits[name]
                    if len(h) < MAX_HITS:
                        h.append(pos)
            if all(len(hits[name]) >= MAX_HITS for name in names):
                break
            pos = text.find(w, pos + 1)
    for h in hits.values():
        h.sort()
    return hits


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _windows(rule: Any, text: str, hits: list[int]) -> list[tuple[int, int]]:
    """Merged stretches of `text` around a rule's keyword and core hits."""
    spans = [(h, h + 1) for h in hits]
    if rule.core is not None:
        spans += [(m.start(), m.end()) for m in itertools.islice(rule.core.finditer(text), MAX_HITS)]
        spans.sort()
    n = len(text)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        lo, hi = max(0, s - _MARGIN), min(n, e + _MARGIN)
        if out and lo <= out[-1][1] and hi <= out[-1][1]:
            # Inside the last window, which already ends between words: cutting
            # `hi` could not take it further (keywords cluster, so this is common).
            continue
        if hi < n:
            # End the window between words: a match must not see a word cut short.
            cut = _SPACE_RE.search(text, hi)
            hi = cut.start() if cut else n
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def candidates(text: str) -> list[Any]:
    """Every rule's drafts, then the longest non-overlapping ones in text order."""
    from seedx.stages.dates.parse import PARSERS
    from seedx.stages.dates.patterns import rules

    found = []
    all_rules = rules()
    hits = _keyword_hits(text, all_rules)
    for prio, rule in enumerate(all_rules):
        parser = PARSERS[rule.name]
        n = 0
        for lo, hi in _windows(rule, text, hits[rule.name]):
            for m in rule.regex.finditer(text, lo, hi):
                n += 1
                dr = parser(m, text)
                if dr is not None and dr.end > dr.start:
                    found.append((-(dr.end - dr.start), prio, dr.start, dr))
                if n >= MAX_PER_RULE:
                    break
            if n >= MAX_PER_RULE:
                break
    found.sort(key=lambda t: t[:3])
    taken: list[Any] = []
    used = bytearray(len(text) + 1)
    for _, _, _, dr in found:
        if any(used[dr.start:dr.end]):
            continue
        used[dr.start:dr.end] = b"\x01" * (dr.end - dr.start)
        taken.append(dr)
    taken.sort(key=lambda d: d.start)
    return taken


_LINK_RE = re.compile(r"\s*,?\s*(?:\(\s*)?الموافق\s*")


def _linked(text: str, drafts: list[Any], i: int) -> bool:
    """A bare weekday joined by الموافق to the date after it."""
    if i + 1 >= len(drafts):
        return False
    a, b = drafts[i], drafts[i + 1]
    return (a.kind == "day" and a.offset is None and a.weekday is not None and a.weekday2 is None
            and b.kind in ("cal", "numeric", "hijri") and b.days != []
            and _LINK_RE.fullmatch(text, a.end, b.start) is not None)


_CALENDAR_KINDS = frozenset({"cal", "numeric", "hijri"})


def _tense(text: str, dr: Any) -> str | None:
    """The clause's tense, looked up only for drafts whose value depends on it."""
    from seedx.stages.dates.tense import tense

    open_weekday = dr.kind == "day" and dr.offset is None and dr.direction is None
    open_year = dr.kind in ("cal", "month", "clock") and dr.year is None and dr.direction is None
    return tense(text, dr.start, dr.end) if open_weekday or open_year else None


def _paired(text: str, a: Any, b: Any) -> bool:
    """Two calendar dates joined by الموافق (one Hijri, one Gregorian, as a rule)."""
    return b.kind in _CALENDAR_KINDS and _LINK_RE.fullmatch(text, a.end, b.start) is not None


def _parse_iso(v: str | None) -> date | None:
    try:
        return date.fromisoformat(v) if v else None
    except ValueError:
        return None


def run(doc: Document, options: dict[str, Any]) -> Document:
    """Stage entry point: fill `doc.timexes` and `doc.published`."""
    from seedx.stages.dates.dateline import find_dateline
    from seedx.stages.dates.resolve import Resolver
    from seedx.stages.normalize import normalize_text

    if doc.norm is None:
        doc.norm = normalize_text(doc.raw)
    norm = doc.norm
    text = norm.text
    drafts = candidates(text)

    pub = _parse_iso(doc.published.value) if doc.published.source == "input" else None
    if pub is None and doc.published_input:
        pub = _parse_iso(doc.published_input)
        doc.published = Published(value=doc.published_input, source="input")
    dateline = None
    if pub is None:
        found = find_dateline(drafts, text)
        if found is not None:
            dateline, pub = found
            s, e = norm.to_raw(dateline.start, dateline.end)
            doc.published = Published(value=pub.isoformat(), source="text", text=doc.raw[s:e], start=s, end=e)
        else:
            doc.published = Published(value=None, source="none")

    resolver = Resolver(pub)
    timexes: list[Timex] = []
    done: dict[int, Any] = {}
    prev: tuple[Any, date] | None = None
    for i, dr in enumerate(drafts):
        if i in done:
            res = done.pop(i)
        elif _linked(text, drafts, i):
            # يوم الثلاثاء الموافق 3 - 11 - 1436هـ: the weekday is the day the date names.
            nxt = resolver.resolve(drafts[i + 1], _tense(text, drafts[i + 1]))
            done[i + 1] = nxt
            res = resolver.resolve(dr, _tense(text, dr))
            if res is not None and nxt is not None and nxt.day is not None:
                res.value, res.day, res.anchor = nxt.day.isoformat(), nxt.day, None
                res.conflict = True if nxt.day.isoweekday() != dr.weekday else None
                resolver.set_ref(nxt.day)
        else:
            res = resolver.resolve(dr, _tense(text, dr))
        if res is None:
            continue
        if prev is not None and res.day is not None and _paired(text, prev[0], dr):
            # 19 / 10 / 1436هـ الموافق 4 / 8 / 2015م: the two calendars must name one day.
            if abs((prev[1] - res.day).days) > 1:
                res.conflict = True
                timexes[-1].conflict = True
        prev = (dr, res.day) if res.day is not None and dr.kind in _CALENDAR_KINDS else None
        s, e = norm.to_raw(dr.start, dr.end)
        timexes.append(Timex(
            id=f"t{len(timexes) + 1}", text=doc.raw[s:e], start=s, end=e, type=res.type, value=res.value,  # type: ignore[arg-type]
            calendar=res.calendar, anchor=res.anchor, hijri_value=res.hijri_value, mod=res.mod,  # type: ignore[arg-type]
            conflict=res.conflict,
        ))
    doc.timexes = timexes
    return doc
