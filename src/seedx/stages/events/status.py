"""Event status: planned, ongoing, concluded or unknown (SPEC.md Events).

Markers in the trigger's clause win (سيعقد، المقبل: planned); then the
event's dates against `published`; then the trigger's tense.
"""

from __future__ import annotations

from seedx.stages.events.arguments import Draft
from seedx.stages.events.context import Context
from seedx.stages.events.lexicon import Lexicon

_WINDOW = 6


def _near_markers(ctx: Context, draft: Draft, markers: frozenset[str]) -> bool:
    m = draft.mentions[0]
    lo, hi = ctx.sentence_of(m.i)
    for k in range(max(lo, m.i - _WINDOW), min(hi, m.j + _WINDOW)):
        if ctx.stems(k) & markers:
            return True
    return False


def _future_verb(ctx: Context, draft: Draft) -> bool:
    m = draft.mentions[0]
    tok = ctx.tokens[m.i]
    norm = tok.norm[1:] if tok.norm.startswith(("و", "ف")) else tok.norm
    return m.pos == "verb" and norm.startswith(("سي", "ست", "سن"))


def _present_verb(ctx: Context, draft: Draft) -> bool:
    m = draft.mentions[0]
    norm = ctx.tokens[m.i].norm
    norm = norm[1:] if norm.startswith(("و", "ف")) and len(norm) > 4 else norm
    return m.pos == "verb" and norm.startswith(("ي", "ت")) and not norm.startswith(("تم", "تحت"))


def event_status(ctx: Context, draft: Draft, lex: Lexicon) -> str:
    """The status of one event."""
    if _future_verb(ctx, draft):
        return "planned"
    if draft.type == "statement":
        return "concluded"
    if _near_markers(ctx, draft, lex.cues["planned_markers"]):
        return "planned"
    published = ctx.doc.published.value
    if published:
        dates = [v[:10] for t in draft.time if (v := ctx.timexes[t].value) and v[:4].isdigit()
                 and ctx.timexes[t].type in ("DATE", "TIME")]
        if dates:
            if any(d > published[: len(d)] for d in dates):
                return "planned"
            if any(published.startswith(d) for d in dates if len(d) == 10):
                return "ongoing"
            return "concluded"
    if _present_verb(ctx, draft) or _near_markers(ctx, draft, lex.cues["ongoing_markers"]):
        return "ongoing"
    if draft.type == "campaign":
        return "ongoing"
    return "concluded"
