"""The events pipeline over one document: mentions -> drafts -> merged events."""

from __future__ import annotations

from seedx.document import Document
from seedx.record import Event, Offsets, Span
from seedx.stages.events.arguments import Draft, attach, find_speaker, quote_span, statement_time
from seedx.stages.events.context import Context
from seedx.stages.events.coref import SPEAKER_GAP, antecedent, has_arguments, merge, same_happening
from seedx.stages.events.lexicon import Lexicon, load_lexicon
from seedx.stages.events.status import event_status
from seedx.stages.events.triggers import Mention, find_mentions
from seedx.stages.normalize import normalize_word


def _trigger_span(ctx: Context, m: Mention) -> Span:
    """The trigger's raw text without proclitics (ال and enclitics kept), as SPEC.md's examples have it."""
    tok = ctx.tokens[m.i]
    raw = ctx.doc.raw[tok.start:tok.end]
    p = tok.norm.find(m.verb) if m.verb else -1
    if p >= 2 and tok.norm[p - 2:p] == "ال":
        p -= 2
    start = tok.start
    if p > 0:
        for r in range(len(raw) + 1):
            if len(normalize_word(raw[:r])) >= p:
                start = tok.start + r
                break
    end = ctx.tokens[m.j - 1].end if m.noun is None else tok.end
    return Span(text=ctx.doc.raw[start:end], start=start, end=end)


def _keep_statements(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """A statement noun or participle counts only where its sentence has no statement verb."""
    verb_sents = {ctx.tokens[m.i].sent for m in mentions
                  if m.type == "statement" and m.role == "event" and m.pos == "verb"}
    out: list[Mention] = []
    for m in mentions:
        if m.type == "statement" and (m.role == "participle" or m.pos == "noun"):
            if ctx.tokens[m.i].sent in verb_sents:
                continue
            verb_sents.add(ctx.tokens[m.i].sent)
        out.append(m)
    return out


def _statement_drafts(ctx: Context, m: Mention, drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    speakers = find_speaker(ctx, m, lex)
    if not speakers:
        prev = next((d for d in reversed(drafts) if d.type == "statement"), None)
        if prev is None or prev.speaker is None or ctx.tokens[m.i].sent - max(
                ctx.tokens[x.i].sent for x in prev.mentions) > SPEAKER_GAP:
            return []
        speakers = [ctx.entities[prev.speaker]]
    sent = ctx.tokens[m.i].sent
    time = statement_time(ctx, m, lex)
    quote = quote_span(ctx, m)
    return [Draft(type="statement", mentions=[m], trigger=_trigger_span(ctx, m), sent=sent, speaker=e.id,
                  time=list(time), quote=quote) for e in speakers]


def _speakers_take_part(ctx: Context, drafts: list[Draft]) -> None:
    """Who speaks in an article about a conference or ceremony speaks at it: a participant.

    Only people (PER), and only when the article has exactly one such gathering
    for them to attend.
    """
    halls = [d for d in drafts if d.type in ("conference", "ceremony")]
    if len(halls) != 1:
        return
    hall = halls[0]
    for d in drafts:
        if d.type == "statement" and d.speaker and d.trigger.start > hall.trigger.start \
                and ctx.entities[d.speaker].label == "PER":
            hall.add("participants", [d.speaker])


def _title_end(raw: str) -> int:
    """End of the headline: the first non-empty line, when the text has more than one."""
    start = len(raw) - len(raw.lstrip())
    end = raw.find("\n", start)
    return end if end > 0 else 0


def extract_events(doc: Document) -> list[Event]:
    """Events of `doc` in order of first mention."""
    if not doc.tokens:
        return []
    lex = load_lexicon()
    ctx = Context.build(doc)
    mentions = _keep_statements(ctx, find_mentions(ctx, lex))
    anchors: dict[int, list[int]] = {}
    for m in mentions:
        if m.type != "statement":
            anchors.setdefault(ctx.tokens[m.i].sent, []).append(m.i)
    title_end = _title_end(doc.raw)
    drafts: list[Draft] = []
    title: list[Draft] = []
    for m in mentions:
        sent = ctx.tokens[m.i].sent
        if m.type == "statement":
            news = _statement_drafts(ctx, m, drafts, lex)
        else:
            d = Draft(type=m.type, mentions=[m], trigger=_trigger_span(ctx, m), sent=sent)
            attach(ctx, m, d, anchors[sent], lex)
            news = [d]
        if ctx.tokens[m.i].end <= title_end:
            title.extend(news)
            continue
        for d in news:
            ante = antecedent(ctx, drafts, d)
            if ante is not None:
                merge(ante, d)
            else:
                drafts.append(d)
    drafts = [d for d in drafts if d.type == "statement" or len(d.mentions) > 1 or has_arguments(d)]
    drafts += [d for d in title if not any(same_happening(ctx, b, d) for b in drafts)]
    _speakers_take_part(ctx, drafts)
    events: list[Event] = []
    for d in sorted(drafts, key=lambda d: d.trigger.start):
        s, e = ctx.sentence_offsets(d.mentions[0].i)
        events.append(Event(
            id=f"v{len(events) + 1}", type=d.type, trigger=d.trigger, name=d.name, slogan=d.slogan,
            time=d.time, location=d.location, organizers=d.organizers, participants=d.participants,
            speaker=d.speaker, attendance=d.attendance, quote=d.quote, status=event_status(ctx, d, lex),
            sentence=Offsets(start=s, end=e)))
    return events
