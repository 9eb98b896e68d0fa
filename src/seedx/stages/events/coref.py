"""Event coreference: later mentions of one happening join its first event.

News repeats a happening (المؤتمر، أعماله، جلساته) and lets one speaker go
on over several sentences (وأضاف، وأوضح): SPEC.md asks for one event per
happening, so such mentions add their arguments to the earlier event.
"""

from __future__ import annotations

from seedx.stages.events.arguments import Draft
from seedx.stages.events.context import Context
from seedx.stages.normalize import normalize_word

SPEAKER_GAP = 2
"""A statement without a speaker of its own (وأضاف) takes the speaker of a statement at most this many
sentences back."""
_SESSION_WORDS = frozenset({"جلسه", "جلسات", "جلسته", "جلساته"})
"""A session belongs to the conference the article is about, when there is one."""


def _canon(ctx: Context, eid: str | None) -> str:
    if eid is None or eid not in ctx.entities:
        return ""
    return normalize_word(ctx.entities[eid].canonical)


def _last_sent(ctx: Context, d: Draft) -> int:
    return max(ctx.tokens[m.i].sent for m in d.mentions)


def _dates(ctx: Context, d: Draft) -> set[str]:
    return {v[:10] for t in d.time if (v := ctx.timexes[t].value) and v[:1].isdigit()
            and ctx.timexes[t].type in ("DATE", "TIME")}


def compatible(ctx: Context, a: Draft, b: Draft) -> bool:
    """No different names and no disjoint dates: the two may be one happening."""
    if a.name and b.name and _canon_name(a.name) != _canon_name(b.name):
        return False
    da, db = _dates(ctx, a), _dates(ctx, b)
    return not (da and db and not (da & db))


def _shares_argument(ctx: Context, a: Draft, b: Draft) -> bool:
    names = {_canon(ctx, x) for x in a.location + a.participants + a.organizers}
    return bool(names & {_canon(ctx, x) for x in b.location + b.participants + b.organizers} - {""})


def antecedent(ctx: Context, drafts: list[Draft], new: Draft) -> Draft | None:
    """The earlier event `new` is a further mention of, if any."""
    m = new.mentions[0]
    if new.type == "statement":
        for d in reversed(drafts):
            if d.type != "statement":
                continue
            if d.mentions[0].i == m.i:
                return None  # coordinated speakers of one verb stay apart
            # The gold keeps one event per speaker while nobody else speaks (وقال ... وأضاف ... وقال)
            # and a new one once another speaker came between (doc 08's three by one speaker).
            if _canon(ctx, d.speaker) == _canon(ctx, new.speaker) != "":
                return d
            return None
        return None
    if ctx.stems(m.i) & _SESSION_WORDS:
        conf = [d for d in drafts if d.type == "conference"]
        if conf:
            return conf[-1]
    for d in reversed(drafts):
        if d.type == new.type and 0 <= m.i - d.mentions[-1].j <= 1:
            return d  # توقيع اتفاقية، الهجوم والاقتحام: one phrase, one happening
    if m.definite and m.pos == "noun" and not new.name:
        # الانتخابات، الهجوم، هذه الاحتفالات: a definite noun refers back to the last happening of its kind;
        # the dates around it often belong to the clause, not to the happening (تأخير الانتخابات ... مارس الماضي).
        prior = [d for d in drafts if d.type == new.type]
        if prior:
            return prior[-1]
    same = [d for d in drafts if d.type == new.type and compatible(ctx, d, new)]
    if not same:
        return None
    if new.name:
        named = [d for d in same if d.name and _canon_name(d.name) == _canon_name(new.name)]
        if named:
            return named[0]
        return next((d for d in reversed(same) if not d.name), None)
    last = same[-1]
    if ctx.tokens[last.mentions[-1].i].sent == ctx.tokens[m.i].sent:
        return last  # one sentence, one happening of a type (عقد اجتماعا ... وتم عقد مباحثات)
    if m.definite or m.verb in {x.verb for x in last.mentions} or not _has_arguments(new):
        return last
    if m.pos == "verb" and not new.time and _shares_argument(ctx, last, new):
        return last
    return None


def _canon_name(name: str) -> str:
    return " ".join(normalize_word(name).replace('"', " ").split())


def _has_arguments(d: Draft) -> bool:
    return bool(d.time or d.location or d.organizers or d.participants or d.name or d.slogan or d.attendance)


def has_arguments(d: Draft) -> bool:
    """Whether a happening is anchored by anything besides its trigger word."""
    return _has_arguments(d)


def merge(into: Draft, other: Draft) -> None:
    """Add `other`'s mentions and arguments to `into`."""
    into.mentions.extend(other.mentions)
    for slot in ("time", "location", "organizers", "participants"):
        into.add(slot, getattr(other, slot))
    for slot in ("name", "slogan", "attendance", "speaker", "quote"):
        if getattr(into, slot) is None:
            setattr(into, slot, getattr(other, slot))


def same_happening(ctx: Context, body: Draft, headline: Draft) -> bool:
    """Whether a headline mention repeats an event the body reports."""
    if body.type != headline.type:
        return False
    if headline.type == "statement":
        return _canon(ctx, body.speaker) == _canon(ctx, headline.speaker)
    return compatible(ctx, body, headline)
