"""The article date when no feed gave one: the dateline.

A news page shows its dateline on a line of its own near the byline or in
the first lines (a date inside a sentence of the story is not one); many
sites also print the day's date in their header. Among the full dates of the
opening lines, the one whose weekday agrees with the article's own
"اليوم السبت" mentions wins; without such mentions, the first one does.
"""

from __future__ import annotations

from datetime import date

from seedx.stages.dates.parse import Draft, word_before
from seedx.stages.dates.resolve import Resolver

HEAD_CHARS = 600
"""How far into the (normalized) text a dateline may start."""
_NOT_BEFORE = frozenset({"في", "منذ", "حتي", "قبل", "بعد", "مواليد", "من", "الي", "وحتي", "خلال"})
"""Prepositions that put a date inside a sentence."""
MAX_LINE_EXTRA = 60
"""Characters besides the date allowed on a dateline's line (a time, a place, a site's name)."""


def _on_a_short_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return (start - line_start) + (line_end - end) <= MAX_LINE_EXTRA


def find_dateline(drafts: list[Draft], text: str) -> tuple[Draft, date] | None:
    """The draft that dates the article, and its day."""
    probe = Resolver(None)
    cands: list[tuple[Draft, date]] = []
    for dr in drafts:
        if dr.start > HEAD_CHARS:
            break
        if dr.kind not in ("cal", "numeric") or dr.year is None or len(dr.days) != 1:
            continue
        if not _on_a_short_line(text, dr.start, dr.end) or word_before(text, dr.start) in _NOT_BEFORE:
            continue  # a date inside a sentence of the story, not a dateline
        res = probe.resolve(dr, None)
        if res is not None and res.day is not None and not res.conflict:
            cands.append((dr, res.day))
    if not cands:
        return None
    today_weekdays = {dr.weekday for dr in drafts if dr.kind == "day" and dr.offset == 0 and dr.weekday}
    for dr, d in cands:
        if d.isoweekday() in today_weekdays:
            return dr, d
    return cands[0]
