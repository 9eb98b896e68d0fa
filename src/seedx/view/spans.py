"""A record's spans as marks over the raw text, and their nesting for markup.

Entities and timexes may overlap event triggers (and, in imperfect output,
each other). HTML needs properly nested elements, so `nest` sweeps the span
boundaries and splits a span only where it crosses another; each fragment
keeps its own raw offsets, so `raw[start:end]` still equals its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from seedx.record import Record

KIND_ORDER = {"entity": 0, "timex": 1, "trigger": 2}
"""Outer to inner when two marks cover exactly the same text."""


@dataclass(frozen=True)
class Mark:
    """One highlighted span."""

    start: int
    end: int
    kind: str
    """entity, timex or trigger."""
    label: str
    """Entity label, timex type or event type."""
    ref: str
    """The record-local id: e3, t1, v2."""
    title: str
    """What hovering shows: label and canonical form, TIMEX3 value or event type."""


def record_marks(record: Record, raw: str | None = None) -> list[Mark]:
    """The marks of a record, in text order; with `raw`, only those whose offsets give their text."""
    marks = []
    for e in record.entities:
        title = f"{e.label} · {e.canonical}" if e.canonical != e.text else e.label
        marks.append((Mark(e.start, e.end, "entity", e.label, e.id, f"{e.id} {title}"), e.text))
    for t in record.timexes:
        value = t.value if t.value is not None else "no value"
        extra = f" (hijri {t.hijri_value})" if t.hijri_value else ""
        marks.append((Mark(t.start, t.end, "timex", t.type, t.id, f"{t.id} {t.type} · {value}{extra}"), t.text))
    for v in record.events:
        tr = v.trigger
        title = f"{v.id} event: {v.type} ({v.status})" + (f" · {v.name}" if v.name else "")
        marks.append((Mark(tr.start, tr.end, "trigger", v.type, v.id, title), tr.text))
    if raw is not None:
        marks = [(m, text) for m, text in marks if 0 <= m.start < m.end <= len(raw) and raw[m.start:m.end] == text]
    else:
        marks = [(m, text) for m, text in marks if m.start < m.end]
    return sorted((m for m, _ in marks), key=sort_key)


def sort_key(m: Mark) -> tuple[int, int, int, str]:
    """Earlier first; at one start, longer (outer) first."""
    return (m.start, -m.end, KIND_ORDER.get(m.kind, 9), m.ref)


@dataclass
class Node:
    """A fragment of a mark with what it contains: text ranges and inner fragments."""

    mark: Mark | None
    start: int
    end: int = -1
    children: list[Node | tuple[int, int]] = field(default_factory=list)


def nest(length: int, marks: list[Mark]) -> Node:
    """A tree of properly nested fragments covering [0, length).

    Between consecutive boundaries the covering marks, ordered outer first
    by `sort_key`, form the wanted stack of open elements; the sweep keeps
    the common prefix of the open stack and closes and reopens the rest, so a
    mark is split only where another crosses its edge.
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= length]
    root = Node(None, 0, length)
    cuts = sorted({0, length, *(m.start for m in marks), *(m.end for m in marks)})
    stack: list[Node] = [root]
    ordered = sorted(marks, key=sort_key)
    for p, q in zip(cuts, cuts[1:]):
        want = [m for m in ordered if m.start <= p and m.end >= q]
        keep = 0
        while keep < len(want) and keep + 1 < len(stack) and stack[keep + 1].mark is want[keep]:
            keep += 1
        while len(stack) > keep + 1:
            stack.pop().end = p
        for m in want[keep:]:
            node = Node(m, p)
            stack[-1].children.append(node)
            stack.append(node)
        stack[-1].children.append((p, q))
    while len(stack) > 1:
        stack.pop().end = length
    return root


def spans_by_id(record: Record) -> dict[str, str]:
    """Display text of each entity and timex id, for argument columns."""
    out = {e.id: e.text if e.canonical == e.text else f"{e.text} ({e.canonical})" for e in record.entities}
    out.update({t.id: f"{t.text} = {t.value}" for t in record.timexes})
    return out


def event_date(record: Record, event_time: list[str]) -> str | None:
    """The YYYY-MM-DD an event happened, from its first time timex with a full date."""
    values = {t.id: t.value for t in record.timexes}
    for tid in event_time:
        v = values.get(tid) or ""
        if len(v) >= 10 and v[4] == "-" and v[7] == "-" and v[:4].isdigit() and v[5:7].isdigit() and v[8:10].isdigit():
            return v[:10]
    return None
