"""Event coreference: later mentions of one happening join its first event.

News repeats a happening (المؤتمر، أعماله، جلساته) and lets one speaker go
on over several sentences (وأضاف، وأوضح): SPEC.md asks for one event per
happening, so such mentions add their arguments to the earlier event.
"""

from __future__ import annotations

from seedx.stages.events.arguments import Draft, event_subject
from seedx.stages.events.context import Context
from seedx.stages.events.lexicon import Lexicon
from seedx.stages.events.triggers import Mention
from seedx.stages.normalize import normalize_word

SPEAKER_GAP = 2
"""A statement without a speaker of its own (وأضاف) takes the speaker of a statement at most this many
sentences back."""
_HYPERNYMS = {"meeting": frozenset({"conference"})}
"""A definite noun of a general kind (الاجتماع، اللقاء) may name again a happening told by a more specific word
(مؤتمر، ورشة، قمة), where none of its own kind came before."""
_SESSION_WORDS = frozenset({"جلسه", "جلسات", "جلسته", "جلساته"})
"""A session belongs to the conference the article is about, when there is one."""


def _canon(ctx: Context, eid: str | None) -> str:
    if eid is None or eid not in ctx.entities:
        return ""
    return normalize_word(ctx.entities[eid].canonical)


def same_speaker(ctx: Context, a: str | None, b: str | None) -> bool:
    """One speaker: the same name, or a person's name and its last words (مشعل for خالد مشعل) where ner
    left the short mention's canonical unresolved."""
    ca, cb = _canon(ctx, a), _canon(ctx, b)
    if not ca or not cb:
        return False
    if ca == cb:
        return True
    if ctx.entities[a].label != "PER" or ctx.entities[b].label != "PER":
        return False
    short, long_ = sorted((ca.split(), cb.split()), key=len)
    if long_[-len(short):] != short:
        return False
    # not where the short name ends two people's names (سامي الحداد، ليلى الحداد)
    fulls = {" ".join(c) for e in ctx.doc.entities if e.label == "PER"
             and len(c := normalize_word(e.canonical).split()) > len(short) and c[-len(short):] == short}
    return len(fulls) == 1


def _last_sent(ctx: Context, d: Draft) -> int:
    return max(ctx.tokens[m.i].sent for m in d.mentions)


def _dates(ctx: Context, d: Draft) -> set[str]:
    return {v[:10] for t in d.time if (v := ctx.timexes[t].value) and v[:1].isdigit()
            and ctx.timexes[t].type in ("DATE", "TIME")}


def compatible(ctx: Context, a: Draft, b: Draft) -> bool:
    """No different names and no disjoint dates (one holding the other is no conflict): the two may be one
    happening."""
    if a.name and b.name and _canon_name(a.name) != _canon_name(b.name):
        return False
    da, db = _dates(ctx, a), _dates(ctx, b)
    # a year holds its months and days (2015 and 2015-07 may be one happening)
    return not (da and db and not any(x.startswith(y) or y.startswith(x) for x in da for y in db))


def _shares_argument(ctx: Context, a: Draft, b: Draft) -> bool:
    names = {_canon(ctx, x) for x in a.location + a.participants + a.organizers}
    return bool(names & {_canon(ctx, x) for x in b.location + b.participants + b.organizers} - {""})


def antecedent(ctx: Context, drafts: list[Draft], new: Draft, lex: Lexicon) -> Draft | None:
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
            if same_speaker(ctx, d.speaker, new.speaker):
                return d
            return None
        return None
    if new.type == "attack":
        # an arrest and a strike are different happenings, however a report words them (الاعتقال after القصف)
        drafts = [d for d in drafts if d.type != "attack" or _arrest(ctx, d, lex) == _arrest(ctx, new, lex)]
    if new.type == "attack" and event_subject(ctx, m, lex):
        prior = [d for d in drafts if d.type == "attack"]
        if prior:
            return prior[-1]  # ... 4 عمليات. واستهدفت العملية الأولى ...: more of the operations told
    if ctx.stems(m.i) & _SESSION_WORDS:
        conf = [d for d in drafts if d.type == "conference"]
        if conf:
            return conf[-1]
    for d in reversed(drafts):
        last = d.mentions[-1]
        end = last.noun + 1 if last.noun is not None else last.j  # نظم حفل إحياء: the noun a light verb took
        if d.type == new.type and 0 <= m.i - end <= 1:
            return d  # توقيع اتفاقية، الهجوم والاقتحام: one phrase, one happening
    if m.definite and m.pos == "noun" and not new.name:
        # الانتخابات، الهجوم، هذه الاحتفالات: a definite noun refers back to the last happening of its kind;
        # the dates around it often belong to the clause, not to the happening (تأخير الانتخابات ... مارس الماضي).
        prior = [d for d in drafts if d.type == new.type]
        if not prior and new.type in _HYPERNYMS:
            # الاجتماع، اللقاء with no meeting told before: the gathering of another kind that was (مؤتمر البحرين ...
            # ما تسفر عنه أعمال الاجتماع)
            prior = [d for d in drafts if d.type in _HYPERNYMS[new.type]]
        if new.type == "attack":
            # a war report tells of several strikes: a definite noun refers back at once only to one told by
            # its own word (القصف ... القصف); another word (الاشتباك after القصف) must agree on the dates
            prior = [d for d in prior if _same_word(ctx, m, d)]
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
    if ctx.tokens[last.mentions[-1].i].sent == ctx.tokens[m.i].sent and not responded_to(ctx, m, lex):
        return last  # one sentence, one happening of a type (عقد اجتماعا ... وتم عقد مباحثات)
    if m.definite or new.bare or not _has_arguments(new):
        return last
    if _same_word(ctx, m, last) and (m.pos == "noun" or not _new_people(ctx, last, new)) \
            and not _elsewhere(ctx, last, new):
        return last  # the same verb again, about the same people (التقى ... والتقى الوزيران)
    if m.pos == "verb" and not new.time and _shares_argument(ctx, last, new):
        return last
    if _same_days(ctx, last, new):
        return last  # قصف جوي يوم الأحد ... منذ هجوم الأحد على المدينة: that day's happening again
    return None


def responded_to(ctx: Context, m: Mention, lex: Lexicon) -> bool:
    """The mention is what something else answers (ضربات ... ردا على هجوم، انتقاما لاغتيال): an earlier
    happening, not the one its sentence tells."""
    k = m.i - 1
    if k >= 0 and ctx.tokens[k].norm in ("على", "علي", "ل", "لـ"):
        k -= 1
    return k >= 0 and bool(ctx.stems(k) & lex.cues["response_words"])


def _arrest(ctx: Context, d: Draft, lex: Lexicon) -> bool:
    """The happening's first mention is an arrest (اعتقال، اعتقلت، احتجاز), not a strike or an assault."""
    m = d.mentions[0]
    return bool(ctx.stems(m.noun if m.noun is not None else m.i) & lex.cues["arrest_words"])


def _elsewhere(ctx: Context, old: Draft, new: Draft) -> bool:
    """Both name where they happen and share no place: the same word for a happening somewhere else (a round-up's
    وقفة في ساحة المدينة ... وفي بلد آخر: دعت الرابطة إلى وقفة أمام الوزارة)."""
    here = {_canon(ctx, x) for x in new.location}
    return bool(here) and bool(old.location) and not here & {_canon(ctx, x) for x in old.location}


def _same_days(ctx: Context, old: Draft, new: Draft) -> bool:
    """`new` is dated by days only, each a day `old` has: the happening of its kind already told for that day."""
    days = _dates(ctx, new)
    return bool(days) and all(len(d) == 10 for d in days) and days <= _dates(ctx, old)


def _same_word(ctx: Context, m: Mention, d: Draft) -> bool:
    """Whether mention m uses a word of one of d's mentions: its stem, or the noun a light verb took
    (تجري انتخابات ... لإجراء انتخابات)."""
    return any(m.verb == x.verb or x.noun is not None and m.verb in ctx.stems(x.noun) for x in d.mentions)


def _new_people(ctx: Context, old: Draft, new: Draft) -> bool:
    """Whether `new` has a person among its participants or organizers that `old` does not have: another
    meeting of the same kind (التقى فلان ... كما التقى فلان الرئيس الصيني)."""
    have = {_canon(ctx, x) for x in old.participants + old.organizers}
    return any(ctx.entities[x].label == "PER" and _canon(ctx, x) not in have for x in new.participants + new.organizers)


def _canon_name(name: str) -> str:
    return " ".join(normalize_word(name).replace('"', " ").split())


def _has_arguments(d: Draft) -> bool:
    return bool(d.time or d.location or d.organizers or d.participants or d.name or d.slogan or d.attendance)


def has_arguments(d: Draft) -> bool:
    """Whether a happening is anchored by anything besides its trigger word."""
    return _has_arguments(d)


def merge(into: Draft, other: Draft) -> None:
    """Add `other`'s mentions and arguments to `into`.

    A definite noun referring back (الانتخابات، الغارات) to a happening that already has a time, place or
    people brings of that kind only times next to it: the rest of its clause tells of something else (a war
    report's later strikes and victims, a delay of the elections since March)."""
    into.mentions.extend(other.mentions)
    if other.backdrop:
        return  # وقبل اعتقاله، كانت ...: the clause tells of something else
    m = other.mentions[0]
    back = into.type != "statement" and m.definite and m.pos == "noun"
    for slot in ("time", "location", "organizers", "participants"):
        if slot in ("location", "participants", "organizers") and getattr(into, slot) and back:
            continue
        if slot == "time" and into.time and back:
            into.add("time", other.close_time)  # the dates of its clause are often the clause's own
            continue
        into.add(slot, getattr(other, slot))
    for slot in ("name", "slogan", "attendance", "speaker", "quote"):
        if getattr(into, slot) is None:
            setattr(into, slot, getattr(other, slot))


def same_happening(ctx: Context, body: Draft, headline: Draft) -> bool:
    """Whether a headline mention repeats an event the body reports."""
    if body.type != headline.type:
        return False
    if headline.type == "statement":
        return same_speaker(ctx, body.speaker, headline.speaker)
    return compatible(ctx, body, headline)
