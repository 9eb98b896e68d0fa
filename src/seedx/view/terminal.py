"""`seedx show`: one article in the terminal, spans coloured, then its events and timexes.

Rich does no bidi. Text is printed in logical order, which terminals with
bidi support (GNOME Terminal/VTE, Konsole, mlterm) lay out right-to-left
themselves; `bidi=True` instead wraps each paragraph and reorders every line
visually with python-bidi (optional), for terminals that do not.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from seedx.view.records import Article
from seedx.view.spans import Mark, record_marks, spans_by_id

ENTITY_STYLES = {
    "PER": "bold white on dark_red",
    "ORG": "bold white on blue3",
    "LOC": "bold white on dark_green",
    "MISC": "bold white on dark_magenta",
}
TIMEX_STYLE = "black on gold3"
TRIGGER_STYLE = "bold underline bright_cyan"
_LABEL_AR = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "متفرقات"}


def mark_style(mark: Mark) -> str:
    """One style per entity label, one for timexes, one for triggers (drawn over the others)."""
    if mark.kind == "entity":
        return ENTITY_STYLES.get(mark.label, "reverse")
    return TIMEX_STYLE if mark.kind == "timex" else TRIGGER_STYLE


def legend() -> Text:
    """What the colours mean."""
    out = Text()
    for label, style in ENTITY_STYLES.items():
        out.append(f" {label} {_LABEL_AR[label]} ", style=style)
        out.append(" ")
    out.append(" TIMEX ", style=TIMEX_STYLE)
    out.append(" ")
    out.append("event trigger", style=TRIGGER_STYLE)
    return out


def styled_paragraphs(raw: str, marks: list[Mark]) -> list[Text]:
    """Each non-blank line of the raw text as a Text with its marks' styles.

    Entities first, then timexes, then triggers, so that a trigger inside an
    entity keeps the entity's background and adds its underline.
    """
    order = sorted(marks, key=lambda m: {"entity": 0, "timex": 1, "trigger": 2}.get(m.kind, 3))
    paragraphs = []
    pos = 0
    for line in raw.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        text = Text(line.rstrip("\r"))
        for m in order:
            if m.end > start and m.start < end:
                text.stylize(mark_style(m), max(m.start, start) - start, min(m.end, end) - start)
        paragraphs.append(text)
    return paragraphs


def bidi_available() -> bool:
    try:
        import bidi.algorithm  # noqa: F401
    except ImportError:
        return False
    return True


def visual_order(line: str) -> list[tuple[int, str]]:
    """(logical index, character) of `line` in display order, right-to-left paragraph.

    Uses python-bidi's pure-Python algorithm step by step because its
    `get_display` returns only the string and styles must follow their
    characters; the indices ride along in the algorithm's per-character dicts.
    """
    from bidi import algorithm as ba

    storage = ba.get_empty_storage()
    storage["base_level"] = 1
    storage["base_dir"] = "R"
    ba.get_embedding_levels(line, storage)
    for i, ch in enumerate(storage["chars"]):
        ch["i"] = i
    for step in (ba.explicit_embed_and_overrides, ba.resolve_weak_types, ba.resolve_neutral_types,
                 ba.resolve_implicit_levels, ba.reorder_resolved_levels, ba.apply_mirroring):
        step(storage, False)
    return [(ch["i"], ch["ch"]) for ch in storage["chars"]]


def reorder(text: Text) -> Text:
    """A logical-order line as it should appear on screen, styles kept."""
    styles: list[list[str]] = [[] for _ in range(len(text.plain))]
    for span in text.spans:
        for i in range(span.start, min(span.end, len(styles))):
            styles[i].append(str(span.style))
    out = Text()
    run, run_style = "", ""
    for i, ch in visual_order(text.plain):
        style = " ".join(styles[i])
        if style != run_style and run:
            out.append(run, style=run_style or None)
            run = ""
        run, run_style = run + ch, style
    if run:
        out.append(run, style=run_style or None)
    return out


def visual_lines(paragraph: Text, console: Console, width: int) -> list[Text]:
    """Wrap in logical order first (where words break does not depend on display order), then reorder."""
    lines = paragraph.wrap(console, width)
    for line in lines:
        line.rstrip()
    return [reorder(line) for line in lines]


def article_text(article: Article, console: Console, bidi: bool = False) -> list[Text]:
    """The article's lines ready to print, or a note saying why there is no text."""
    if article.raw is None:
        return [Text(article.text_note, style="yellow")]
    marks = record_marks(article.record, article.raw)
    paragraphs = styled_paragraphs(article.raw, marks)
    if not bidi:
        return [p for para in paragraphs for p in (para, Text(""))][:-1]
    width = max(20, console.width - 2)
    out: list[Text] = []
    for para in paragraphs:
        for line in visual_lines(para, console, width):
            line.justify = "right"
            line.no_wrap = True
            out.append(line)
        out.append(Text(""))
    return out[:-1]


def events_table(article: Article) -> Table:
    """Events with their arguments spelled out (ids resolved to text); six columns so 80 columns suffice."""
    rec = article.record
    names = spans_by_id(rec)
    table = Table(title="Events · الأحداث", show_lines=True, expand=False)
    table.add_column("event", no_wrap=True)
    for col in ("trigger", "time", "place", "who", "details"):
        table.add_column(col, overflow="fold")

    def refs(ids: list[str]) -> str:
        return "\n".join(names.get(i, f"{i}?") for i in ids)

    for v in rec.events:
        who = [f"organizer: {names.get(i, i)}" for i in v.organizers]
        who += [names.get(i, i) for i in v.participants]
        if v.speaker:
            who.insert(0, f"speaker: {names.get(v.speaker, v.speaker)}")
        details = [f"{key}: {value}" for key, value in (("name", v.name), ("slogan", v.slogan),
                                                        ("attendance", v.attendance),
                                                        ("quote", v.quote.text if v.quote else None)) if value]
        table.add_row(Text.assemble((v.id, "dim"), "\n", (v.type, "bold"), "\n", (v.status, "dim")),
                      Text(v.trigger.text, style=TRIGGER_STYLE), refs(v.time), refs(v.location), "\n".join(who),
                      "\n".join(details))
    return table


def timexes_table(article: Article) -> Table:
    """Timexes with their TIMEX3 values."""
    table = Table(title="Timexes · التعابير الزمنية", expand=False)
    for col in ("id", "text", "type", "value", "calendar", "anchor", "notes"):
        table.add_column(col, overflow="fold")
    for t in article.record.timexes:
        notes = []
        if t.hijri_value:
            notes.append(f"hijri {t.hijri_value}")
        if t.mod:
            notes.append(f"mod {t.mod}")
        if t.conflict:
            notes.append("weekday conflict")
        table.add_row(t.id, Text(t.text, style=TIMEX_STYLE), t.type, t.value or "—", t.calendar or "",
                      t.anchor or "", ", ".join(notes))
    return table


def header(article: Article) -> Panel:
    rec = article.record
    pub = rec.published
    lines = [
        Text.assemble(("doc_id ", "dim"), rec.doc_id),
        Text.assemble(("published ", "dim"), pub.value or "unknown", (f" ({pub.source})", "dim")),
        Text.assemble(("source ", "dim"), rec.source, ("  ·  ", "dim"), article.text_note,
                      style="" if article.raw is not None else "yellow"),
        Text.assemble(("counts ", "dim"), f"{len(rec.entities)} entities, {len(rec.timexes)} timexes, "
                      f"{len(rec.events)} events"),
    ]
    return Panel(Group(*lines), title=Text(rec.title or rec.doc_id, style="bold"), title_align="right")


def show_article(article: Article, console: Console, bidi: bool = False) -> None:
    """Print one article: header, legend, highlighted text, events and timexes tables."""
    console.print(header(article))
    console.print(legend())
    console.print()
    for line in article_text(article, console, bidi=bidi):
        console.print(line, justify=line.justify, no_wrap=line.no_wrap, crop=True)
    for problem in article.problems:
        console.print(Text(f"not drawn: {problem}", style="red"))
    console.print()
    if article.record.events:
        console.print(events_table(article))
    else:
        console.print(Text("No events.", style="dim"))
    if article.record.timexes:
        console.print(timexes_table(article))
    else:
        console.print(Text("No timexes.", style="dim"))
