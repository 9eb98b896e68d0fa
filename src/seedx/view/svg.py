"""The corpus timeline: events per day as stacked bars, drawn as inline SVG.

Inline SVG needs no script or library, so the report stays one file that
opens offline. Time runs right to left, like the Arabic page around it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape

EVENT_COLOURS = {
    "conference": "#1f77b4", "campaign": "#ff7f0e", "ceremony": "#9467bd", "meeting": "#2ca02c",
    "protest": "#d62728", "statement": "#8c564b", "agreement": "#17becf", "attack": "#7f0000",
    "election": "#bcbd22", "visit": "#e377c2",
}
_OTHER = "#777777"


def timeline_svg(dated: list[tuple[str, str]], width: int = 1000, height: int = 240) -> str:
    """Stacked bars of events per date; `dated` holds (YYYY-MM-DD, event type) pairs.

    Dates are placed on a linear time axis so gaps show as gaps; each bar
    has a <title> so hovering gives the day's counts.
    """
    days: dict[date, Counter[str]] = {}
    for value, etype in dated:
        try:
            d = date.fromisoformat(value[:10])
        except ValueError:
            continue
        days.setdefault(d, Counter())[etype] += 1
    if not days:
        return '<p class="empty">No events with a full date (YYYY-MM-DD).</p>'
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    left, right, top, bottom = 70, 50, 16, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(sum(c.values()) for c in days.values())
    bar_w = max(2.0, min(24.0, plot_w / (span + 1) * 0.8))

    def x_of(d: date) -> float:
        # right to left: the first date at the right edge
        frac = (d - first).days / span if len(days) > 1 else 0.5
        return left + plot_w - frac * plot_w

    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" '
             f'width="100%" role="img" aria-label="Events by date" direction="ltr">']
    base = top + plot_h
    parts.append(f'<line x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}" stroke="#444"/>')
    for n in sorted({0, peak, (peak + 1) // 2}):
        y = base - n / peak * plot_h
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{n}</text>')
        if n:
            parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
    for d in sorted(days):
        counts = days[d]
        x = x_of(d) - bar_w / 2
        y = base
        total = sum(counts.values())
        tip = escape(f"{d.isoformat()}: {total} event{'s' if total != 1 else ''} · "
                     + ", ".join(f"{t} {n}" for t, n in counts.most_common()))
        parts.append(f'<g class="day" data-date="{d.isoformat()}"><title>{tip}</title>')
        for etype, n in sorted(counts.items()):
            h = n / peak * plot_h
            y -= h
            colour = EVENT_COLOURS.get(etype, _OTHER)
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{colour}"/>')
        parts.append("</g>")
    for d in _ticks(first, last):
        x = x_of(d)
        parts.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 5}" stroke="#444"/>')
        parts.append(f'<text x="{x:.1f}" y="{base + 18}" text-anchor="middle" class="tick">{d.isoformat()}</text>')
    parts.append("</svg>")
    legend = "".join(
        f'<span class="key"><i style="background:{EVENT_COLOURS.get(t, _OTHER)}"></i>{escape(t)}</span>'
        for t in sorted({t for c in days.values() for t in c})
    )
    return "".join(parts) + f'<div class="timeline-legend">{legend}</div>'


def _ticks(first: date, last: date, most: int = 6) -> list[date]:
    """A few evenly spaced dates to label the axis with, ends included."""
    if first == last:
        return [first]
    span = (last - first).days
    step = max(1, span // (most - 1))
    ticks = [date.fromordinal(first.toordinal() + i * step) for i in range(most) if i * step < span]
    if (last - ticks[-1]).days < step / 2 and len(ticks) > 1:
        ticks.pop()
    return [*ticks, last]
