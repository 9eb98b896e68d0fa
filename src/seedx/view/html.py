"""`seedx report`: a corpus of records as one self-contained, right-to-left HTML file.

Everything is inline (CSS, SVG; no script, no fonts, no URLs) so the file
opens offline and can be mailed or archived as it is. Article text is
untrusted input: every piece of it goes through `html.escape`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from seedx.view.records import Article
from seedx.view.spans import Node, event_date, nest, record_marks, spans_by_id
from seedx.view.svg import EVENT_COLOURS, timeline_svg

ENTITY_COLOURS = {"PER": "#f8c4c4", "ORG": "#c6d8fb", "LOC": "#c8ecc4", "MISC": "#e6d0f5"}
TIMEX_COLOUR = "#ffe08a"

_CSS = """
:root { --fg: #1d1d1f; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font-family: "Noto Naskh Arabic", "Amiri", "DejaVu Sans", "Arial", sans-serif; color: var(--fg);
       margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem 4rem; line-height: 1.9; background: #fcfcfc; }
h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.3rem; margin: .2rem 0; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
.muted, .meta { color: var(--muted); font-size: .85rem; }
.ltr { direction: ltr; unicode-bidi: isolate; }
section.doc { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem;
              margin: 1.5rem 0; }
.text { white-space: pre-wrap; font-size: 1.1rem; line-height: 2.2; }
.unavailable, .problem { color: #8a5a00; background: #fff6de; padding: .3rem .6rem; border-radius: 4px; }
.problem { color: #a00; background: #fde8e8; }
mark { color: inherit; padding: 0; border-radius: 2px; }
mark.timex { background: %(timex)s; }
mark.trigger { background: transparent; font-weight: bold; text-decoration: underline 2px #c0392b;
               text-underline-offset: 5px; }
%(entities)s
mark:hover { outline: 1px solid #333; }
table { border-collapse: collapse; width: 100%%; font-size: .9rem; margin: .3rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; text-align: start; }
th { background: #f2f2f2; }
td.code { direction: ltr; unicode-bidi: isolate; font-family: "DejaVu Sans Mono", monospace; font-size: .8rem; }
.legend span, .timeline-legend .key { display: inline-block; margin: 0 .2rem .3rem; padding: 0 .4rem;
                                      border-radius: 3px; font-size: .85rem; }
.timeline-legend i { display: inline-block; width: .8em; height: .8em; margin-inline-end: .3em; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 1rem; }
svg.timeline { background: #fff; border: 1px solid var(--line); border-radius: 6px; }
svg .tick { font-size: 11px; fill: #555; font-family: "DejaVu Sans", sans-serif; }
nav ol { columns: 2; font-size: .9rem; }
a { color: #1a5fb4; }
p[dir=ltr] { text-align: right; }
"""

_LABEL_AR = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "متفرقات"}


def css() -> str:
    entities = "\n".join(f"mark.ent-{label} {{ background: {colour}; }}" for label, colour in ENTITY_COLOURS.items())
    return _CSS % {"timex": TIMEX_COLOUR, "entities": entities}


def marked_text(raw: str, article: Article) -> str:
    """The raw text as escaped HTML with one <mark> per span fragment.

    Fragments carry their own raw offsets (data-start/data-end), so each
    <mark>'s text content is exactly raw[start:end]; data-id names the
    span a split fragment belongs to.
    """
    tree = nest(len(raw), record_marks(article.record, raw))
    out: list[str] = []
    _render(tree, raw, out)
    return "".join(out)


def _render(node: Node, raw: str, out: list[str]) -> None:
    m = node.mark
    if m is not None:
        cls = {"entity": f"ent ent-{m.label}", "timex": f"timex timex-{m.label}", "trigger": f"trigger ev-{m.label}"}
        out.append(f'<mark class="{escape(cls[m.kind])}" data-id="{escape(m.ref)}" data-start="{node.start}" '
                   f'data-end="{node.end}" title="{escape(m.title)}">')
    for child in node.children:
        if isinstance(child, Node):
            _render(child, raw, out)
        else:
            out.append(escape(raw[child[0]:child[1]], quote=False))
    if m is not None:
        out.append("</mark>")


def events_table(article: Article) -> str:
    """One row per event, arguments as their text (and TIMEX3 values)."""
    rec = article.record
    if not rec.events:
        return '<p class="muted">لا أحداث · No events.</p>'
    names = spans_by_id(rec)

    def refs(ids: list[str]) -> str:
        return "<br>".join(escape(names.get(i, f"{i}?")) for i in ids)

    rows = []
    for v in rec.events:
        details = []
        for key, value in (("name", v.name), ("slogan", v.slogan), ("attendance", v.attendance),
                           ("speaker", names.get(v.speaker, v.speaker) if v.speaker else None),
                           ("quote", v.quote.text if v.quote else None)):
            if value:
                details.append(f'<span class="muted">{key}:</span> {escape(value)}')
        colour = EVENT_COLOURS.get(v.type, "#777")
        rows.append(
            f'<tr data-event="{escape(v.id)}"><td class="code">{escape(v.id)}</td>'
            f'<td class="code"><span style="color:{colour}">■</span> {escape(v.type)}</td>'
            f"<td>{escape(v.trigger.text)}</td><td class=\"code\">{escape(v.status)}</td>"
            f"<td>{refs(v.time)}</td><td>{refs(v.location)}</td><td>{refs(v.organizers)}</td>"
            f"<td>{refs(v.participants)}</td><td>{'<br>'.join(details)}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("id", "النوع type", "المحفّز trigger", "الحالة status", "الزمن time",
                                             "المكان location", "المنظمون organizers",
                                             "المشاركون participants", "تفاصيل details"))
    return f'<table class="events"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def article_section(n: int, article: Article) -> str:
    rec = article.record
    pub = rec.published
    meta = (f'<span class="ltr">{escape(rec.doc_id)}</span> · published '
            f'<span class="ltr">{escape(pub.value or "unknown")}</span> ({escape(pub.source)}) · '
            f"{len(rec.entities)} entities, {len(rec.timexes)} timexes, {len(rec.events)} events")
    if article.raw is not None:
        body = f'<div class="text" dir="rtl">{marked_text(article.raw, article)}</div>'
        body += "".join(f'<p class="problem">not drawn: {escape(p)}</p>' for p in article.problems)
    else:
        body = f'<p class="unavailable">النص غير متاح · {escape(article.text_note)}</p>'
    return (f'<section class="doc" id="doc-{n}" data-doc-id="{escape(rec.doc_id)}">'
            f"<h2>{escape(rec.title or rec.doc_id)}</h2><p class=\"meta\" dir=\"ltr\">{meta}</p>"
            f"{body}<h3>الأحداث · Events</h3>{events_table(article)}</section>")


def _count_table(title: str, counts: Counter[str], colours: dict[str, str] | None = None) -> str:
    rows = "".join(
        '<tr><td class="code">'
        + (f'<span style="color:{colours[k]}">■</span> ' if colours and k in colours else "")
        + f"{escape(k)}</td><td>{n}</td></tr>"
        for k, n in counts.most_common()
    ) or '<tr><td colspan="2" class="muted">none</td></tr>'
    return f"<div><h3>{title}</h3><table><tbody>{rows}</tbody></table></div>"


def summary(articles: list[Article], top: int = 20) -> str:
    """Corpus counts, the most frequent entities and the events timeline."""
    labels: Counter[str] = Counter()
    ttypes: Counter[str] = Counter()
    etypes: Counter[str] = Counter()
    mentions: Counter[tuple[str, str]] = Counter()
    docs_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    dated: list[tuple[str, str]] = []
    for art in articles:
        rec = art.record
        for e in rec.entities:
            labels[e.label] += 1
            key = (e.canonical, e.label)
            mentions[key] += 1
            docs_of[key].add(rec.doc_id)
        ttypes.update(t.type for t in rec.timexes)
        etypes.update(v.type for v in rec.events)
        for v in rec.events:
            d = event_date(rec, v.time)
            if d:
                dated.append((d, v.type))
    top_rows = "".join(
        f'<tr><td>{escape(name)}</td><td class="code"><mark class="ent ent-{escape(label)}">{escape(label)}</mark>'
        f"</td><td>{n}</td><td>{len(docs_of[(name, label)])}</td></tr>"
        for (name, label), n in mentions.most_common(top)
    ) or '<tr><td colspan="4" class="muted">none</td></tr>'
    undated = sum(etypes.values()) - len(dated)
    with_text = sum(a.raw is not None for a in articles)
    return (
        '<section class="summary"><h2>ملخص المجموعة · Corpus summary</h2>'
        f'<p class="meta" dir="ltr">{len(articles)} article{"s" if len(articles) != 1 else ""} '
        f"({with_text} with text) · {sum(labels.values())} entities · "
        f"{sum(ttypes.values())} timexes · {sum(etypes.values())} events</p>"
        '<div class="grid">'
        + _count_table("الكيانات · Entities by label", labels, ENTITY_COLOURS)
        + _count_table("التعابير الزمنية · Timexes by type", ttypes)
        + _count_table("الأحداث · Events by type", etypes, EVENT_COLOURS)
        + "</div>"
        f"<h3>أكثر الكيانات ذكرًا · Most frequent entities</h3><table class=\"top\"><thead><tr><th>canonical</th>"
        f"<th>label</th><th>mentions</th><th>articles</th></tr></thead><tbody>{top_rows}</tbody></table>"
        "<h3>الخط الزمني للأحداث · Events by date</h3>"
        + timeline_svg(dated)
        + f'<p class="muted" dir="ltr">{len(dated)} dated events; {undated} without a full date are left out.</p>'
        "</section>"
    )


def legend() -> str:
    items = "".join(f'<span class="ent-{k}" style="background:{c}">{k} {_LABEL_AR[k]}</span>'
                    for k, c in ENTITY_COLOURS.items())
    items += f'<span style="background:{TIMEX_COLOUR}">TIMEX زمن</span>'
    items += '<span style="font-weight:bold;text-decoration:underline 2px #c0392b">حدث event trigger</span>'
    return f'<p class="legend">{items} <span class="muted" dir="ltr">hover a span for its label or value</span></p>'


def render_report(articles: list[Article], title: str = "seedx report", top: int = 20,
                  errors: list[str] | None = None) -> str:
    """The whole report as one HTML string."""
    nav = "".join(f'<li><a href="#doc-{i}">{escape(a.record.title or a.record.doc_id)}</a></li>'
                  for i, a in enumerate(articles, 1))
    sections = "".join(article_section(i, a) for i, a in enumerate(articles, 1))
    errs = ""
    if errors:
        items = "".join(f"<li class=\"ltr\">{escape(e)}</li>" for e in errors[:50])
        more = f"<li>… {len(errors) - 50} more</li>" if len(errors) > 50 else ""
        errs = f"<details><summary>{len(errors)} unreadable inputs</summary><ul>{items}{more}</ul></details>"
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css()}</style></head><body>"
        f"<h1>{escape(title)}</h1>{legend()}{errs}{summary(articles, top)}"
        f"<nav><h2>المقالات · Articles</h2><ol>{nav}</ol></nav>{sections}</body></html>\n"
    )
