"""The events pipeline over one document: mentions -> drafts -> merged events."""

from __future__ import annotations

from seedx.document import Document
from seedx.record import Entity, Event, Offsets, Span
from seedx.stages.events.arguments import (
    HOLDING_VERBS,
    Draft,
    affiliation,
    attach,
    clause_end,
    cue_before,
    entity_list,
    entity_spans,
    find_speaker,
    no_subject,
    quote_span,
    statement_place,
    statement_time,
)
from seedx.stages.events.context import Context
from seedx.stages.events.coref import (
    SPEAKER_GAP,
    antecedent,
    compatible,
    has_arguments,
    merge,
    responded_to,
    same_happening,
)
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
            if len(normalize_word(raw[:r])) >= p:  # a few letters of clitics: memoized
                start = tok.start + r
                break
    end = ctx.tokens[m.j - 1].end if m.noun is None else tok.end
    return Span(text=ctx.doc.raw[start:end], start=start, end=end)


def _quoted(ctx: Context, i: int) -> bool:
    """Token i inside quotation marks opened earlier in its paragraph (a speaker's own words)."""
    k, opened = i - 1, False
    while k >= 0 and "\n" not in ctx.doc.raw[ctx.tokens[k].end:ctx.tokens[k + 1].start]:
        if ctx.tokens[k].norm == '"':
            opened = not opened
        k -= 1
    return opened


def _keep_statements(ctx: Context, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A statement noun or participle counts only where its sentence has no statement verb; none in quotes.
    A verb of reporting (نقلت الوكالة عن فلان) counts only where nothing else in its sentence tells what was
    said (نقلت الوكالة عن فلان قوله إن: the words are his, told by قوله)."""
    # A statement verb inside someone's quoted words (نحن مستعدون للقاء أي شخص يتحدث باسم ...) reports nothing.
    mentions = [m for m in mentions if m.type != "statement" or not _quoted(ctx, m.i)]
    reports = {m.i for m in mentions if m.type == "statement" and ctx.stems(m.i) & lex.cues["report_verbs"]}
    if reports:
        told = {ctx.tokens[m.i].sent for m in mentions if m.type == "statement" and m.i not in reports}
        mentions = [m for m in mentions if m.i not in reports or ctx.tokens[m.i].sent not in told]
    # قالت الجمعية إنها تدين: the verb after a complementizer with a pronoun goes on with the verb of saying
    # before it in its sentence, the same words of the same speaker
    said = [m for m in mentions if m.type == "statement" and m.pos == "verb"]
    own = lex.cues["pronoun_complementizers"]
    echoes = {m.i for m in said if m.i > 0 and ctx.tokens[m.i - 1].norm in own
              and any(x.i < m.i and ctx.tokens[x.i].sent == ctx.tokens[m.i].sent for x in said)}
    if echoes:
        mentions = [m for m in mentions if m.i not in echoes]
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
    prev = next((d for d in reversed(drafts) if d.type == "statement"), None)
    if prev is not None and (prev.speaker is None or ctx.tokens[m.i].sent - max(
            ctx.tokens[x.i].sent for x in prev.mentions) > SPEAKER_GAP):
        prev = None
    last = ctx.entities[prev.speaker] if prev is not None and prev.speaker else None
    since = max(ctx.tokens[x.i].sent for x in prev.mentions) + 1 if prev is not None else None
    last = _topic_person(ctx, m, lex, since) or last
    speakers = find_speaker(ctx, m, lex, last)
    if speakers is None:
        return []
    if not speakers:
        if last is None:
            return []
        speakers = [last]
    sent = ctx.tokens[m.i].sent
    time = statement_time(ctx, m, lex)
    quote = quote_span(ctx, m)
    where = statement_place(ctx, m, lex)
    return [Draft(type="statement", mentions=[m], trigger=_trigger_span(ctx, m), sent=sent, speaker=e.id,
                  time=list(time), location=list(where), quote=quote) for e in speakers]


_TOPIC_REACH = 3
"""Sentences back that the person a story is telling of may have been named last (a paragraph's few sentences)."""


def _topic_person(ctx: Context, m: Mention, lex: Lexicon, since: int | None) -> Entity | None:
    """The person a verb without a subject of its own (وصرح أمام صحافيين أنه، وقال في مقابلة) speaks for: the
    last person named in the sentences just before it, after the last statement (`since`, its next sentence)
    or within _TOPIC_REACH sentences when none came: the one the story turned to (ولم يعرف برنامج الوزير فلان
    ... وصرح أمام صحافيين). None where the verb's own sentence names someone before it (وأورد ذكره فلان وقال):
    the subject is read there."""
    if not no_subject(ctx, m, lex) or m.role == "participle":
        return None
    sent = ctx.tokens[m.i].sent
    first = max(sent - _TOPIC_REACH, min(ctx.sent_range)) if since is None else since
    here = ctx.sentence_of(m.i)[0]
    if first >= sent or any(e.label in ("PER", "ORG") for _, _, e in entity_spans(ctx, here, m.i)):
        return None
    lo = min((r[0] for k, r in ctx.sent_range.items() if first <= k < sent), default=here)
    people = [e for _, _, e in entity_spans(ctx, lo, here) if e.label == "PER"]
    return people[-1] if people else None


def _cue_tokens(ctx: Context, spans: list[tuple[int, int, Entity]], first: frozenset[str],
                second: frozenset[str]) -> tuple[list[int], list[int]]:
    """Tokens outside entities with a reading among `first`, and those with one among `second`, ascending.

    A cue only counts before a PER or ORG name of its sentence, so only those
    stretches are read (not the whole article), in one pass for both lists.
    """
    until: dict[int, int] = {}
    for s, _, e in spans:
        if e.label in ("PER", "ORG"):
            until[ctx.tokens[s].sent] = s  # spans ascend: the sentence's last name
    a: list[int] = []
    b: list[int] = []
    for sent, end in until.items():
        for k in range(ctx.sent_range[sent][0], end):
            if ctx.ent_at[k] is None:
                stems = ctx.stems(k)
                if not stems.isdisjoint(first):
                    a.append(k)
                if not stems.isdisjoint(second):
                    b.append(k)
    return a, b


def _speakers_take_part(ctx: Context, drafts: list[Draft], lex: Lexicon) -> None:
    """Who speaks in an article about a conference or ceremony speaks at it: a participant.

    Only when the article has exactly one such gathering for them to attend:
    then people (PER) who make a statement after its first mention, and people
    or bodies that a participation cue introduces anywhere in the article
    (كلمة من الدكتور ...، بإدارة ...، ومشاركة ...، وفد يتركب من ...), take part in it;
    those an organizer cue introduces (وينظم المؤتمر كل من ...، برعاية ...) organize it.
    """
    halls = [d for d in drafts if d.type in ("conference", "ceremony")]
    first = min((d for d in drafts if d.type != "statement"), key=lambda d: d.trigger.start, default=None)
    if len(halls) != 1 or halls[0] is not first:
        return  # the article is about something else (a round-up of protests that also tells of a celebration)
    hall = halls[0]
    rel = lex.cues["subject_relatives"]
    for d in drafts:
        m = d.mentions[0]
        if d.type == "statement" and d.speaker and d.trigger.start > hall.trigger.start \
                and ctx.entities[d.speaker].label == "PER" and not (m.i > 0 and ctx.tokens[m.i - 1].norm in rel) \
                and not _through_medium(ctx, m, lex):
            hall.add("participants", [d.speaker])  # not one recalled in a relative clause (الخطة التي أعلنها فلان)
    org_cues = lex.cues["organizer_cues"]
    cues = lex.cues["gathering_participant_cues"]
    spans = entity_spans(ctx, 0, len(ctx.tokens))
    org_at, cue_at = _cue_tokens(ctx, spans, org_cues, cues)
    for s, _, e in spans:
        lo, hi = ctx.sentence_of(s)
        if e.label in ("ORG", "PER") and cue_before(ctx, s, lo, org_cues):
            group = [x for x in entity_list(ctx, s, hi, e) if x.label in ("ORG", "PER")]
            hall.add("organizers", [x.id for x in group])
        elif e.label == "ORG" and any(lo <= k < s for k in org_at):
            # bodies listed after the cue in its sentence (بالشراكة مع عدد من المؤسسات، من بينها ...، ...)
            hall.add("organizers", [e.id])
    hall.participants = [x for x in hall.participants if x not in hall.organizers]
    taken = set(hall.organizers)
    for s, _, e in spans:
        if e.id in taken or e.label not in ("PER", "ORG"):
            continue
        lo, hi = ctx.sentence_of(s)
        # a person anywhere after the cue in its sentence: the list of a delegation or of guests runs on over
        # titles and links (وفد يتركب من الوزير فلان ووزير ... فلان، الى جانب ... على غرار ممثل ... فلان)
        if e.label == "PER" and any(lo <= k < s for k in cue_at):
            hall.add("participants", [e.id])
            taken.add(e.id)
        elif cue_before(ctx, s, lo, cues) and not affiliation(ctx, s, lex):
            group = [x for x in entity_list(ctx, s, hi, e) if x.label in ("PER", "ORG") and x.id not in taken]
            hall.add("participants", [x.id for x in group])
            taken.update(x.id for x in group)


def _through_medium(ctx: Context, m: Mention, lex: Lexicon) -> bool:
    """Words said through a medium, not from a gathering's floor: a tweet, an interview, a news agency in the
    statement's clause (كتب الوزير في تغريدة، قال فلان لوكالة الأنباء، في مقابلة مع)."""
    end = clause_end(ctx, m.j - 1, lex.cues["speaker_titles_stop"])
    return any(ctx.stems(k) & lex.cues["medium_words"] for k in range(m.j, end))


_SETTINGS = frozenset({"conference", "ceremony", "meeting", "visit", "protest"})
"""Gatherings a statement can be made at."""
_NOT_STOPS = frozenset(normalize_word(w) for w in ("من", "على", "إلى", "عن"))
"""Speaker-title stop words that do not end the clause a gathering cue is looked for in."""


def _said_during(ctx: Context, drafts: list[Draft], lex: Lexicon) -> None:
    """A statement made during a gathering (وقال فلان، خلال ندوة صحفية عقدها ...، أعلن فلان خلال الزيارة التي
    يؤديها، صرح فلان خلال لقاء مع ...): its speaker takes part in the gathering, or holds it where a holding verb
    with a pronoun follows (ندوة عقدها، لقاء نظمه); with no place or time of its own, the statement was made
    where and when the gathering was."""
    by_token = {x.i: d for d in drafts if d.type in _SETTINGS for x in d.mentions}
    if not by_token:
        return  # most articles: no gathering for a statement to be made at
    halls_at = sorted(by_token)
    cues = lex.cues["during_cues"]
    stop = lex.cues["speaker_titles_stop"] - _NOT_STOPS
    for d in drafts:
        if d.type != "statement" or d.speaker is None:
            continue
        # after the verb (قال فلان خلال ندوة) or fronted in its sentence (وخلال مؤتمر صحفي ...، قال فلان):
        # the tokens k of [sentence start, x.i) and [x.j, clause end - 1) right before a gathering's mention,
        # found from the few mentions rather than by walking every token of those stretches
        spots: list[tuple[Mention, int]] = []
        for x in d.mentions:
            lo, clause = ctx.sentence_of(x.i)[0], clause_end(ctx, x.j - 1, stop)
            spots += [(x, a - 1) for a in halls_at if lo < a <= x.i]
            spots += [(x, a - 1) for a in halls_at if x.j < a < clause]
        for m, k in spots:
            hall = by_token[k + 1]
            if not (ctx.stems(k) & cues) or ctx.ent_at[k] is not None:
                continue
            end = clause_end(ctx, m.j - 1, stop) if k > m.i else m.i
            holds = any(ctx.stems(r) & HOLDING_VERBS and ctx.tokens[r].norm not in HOLDING_VERBS
                        and not _named_subject(ctx, r + 1) for r in range(k + 2, min(end, k + 4)))
            if ctx.entities[d.speaker].label in ("PER", "ORG"):
                hall.add("organizers" if holds else "participants", [d.speaker])
            if hall.mentions[0].i == k + 1:
                # the gathering told here for the first time (خلال مؤتمر صحفي عقده مساء أمس): its place and
                # time are this sentence's; one named before (خلال اللقاء، خلال الوقفة التي ...) went on over
                # hours or days, and the words said in it are not dated by it
                if not d.location:
                    d.add("location", hall.location)
                if not d.time:
                    d.add("time", hall.time)
            break


def _named_subject(ctx: Context, k: int) -> bool:
    """A name of its own right after a holding verb, or after the one word of its head (الندوة التي نظمتها كتلة
    الحركة ...، عقدها الحزب): the verb's subject, not the one whose words are reported; no preposition before it."""
    for r in (k, k + 1):
        if r >= len(ctx.tokens) or ctx.tokens[r].kind == "punct":
            return False
        e = ctx.ent_at[r]
        if e is not None:
            return e.label in ("PER", "ORG") and not ctx.tokens[r].preposition \
                and (r == k or not ctx.tokens[k].clitic)
    return False


_CLAIM_REACH = 3
"""Tokens between a claim word and the attack it claims (تنفيذ 4 عمليات، مسؤوليتها عن الهجوم)."""


def _claimed(ctx: Context, drafts: list[Draft], lex: Lexicon) -> None:
    """A body that announces carrying out an attack (أعلنت جماعة ... تنفيذ 4 عمليات، أعلنت الحركة مسؤوليتها عن
    الهجوم، أعلنت تبنيها الهجوم) organizes it: the first claim word of its statement's clause, an attack trigger
    right after it."""
    by_token = {x.i: d for d in drafts if d.type == "attack" for x in d.mentions}
    words = lex.cues["claim_words"]
    for d in drafts:
        if d.type != "statement" or d.speaker is None or ctx.entities[d.speaker].label not in ("ORG", "PER"):
            continue
        m = d.mentions[0]
        _, hi = ctx.sentence_of(m.i)
        for k in range(m.j, min(hi, m.j + 12)):
            if ctx.tokens[k].norm in ('"', ":") or not (ctx.stems(k) & words) or ctx.ent_at[k] is not None:
                continue
            attack = next((by_token[r] for r in range(k + 1, min(hi, k + 1 + _CLAIM_REACH)) if r in by_token), None)
            if attack is not None:
                attack.add("organizers", [d.speaker])
            break


def _candidates_run(ctx: Context, drafts: list[Draft], lex: Lexicon) -> None:
    """Candidates take part in the election the article reports: people a candidate cue introduces anywhere
    in it (المرشح فلان، لمواجهة الرئيس فلان، أبرز المرشحين: فلان) join its first election; a commission named
    for elections (اللجنة العليا للانتخابات) organizes it, not a party's own committee nor an observer mission."""
    main = next((d for d in drafts if d.type == "election"), None)
    if main is None:
        return
    cues = lex.cues["candidate_cues"]
    body_words = lex.cues["election_body_words"]
    # a candidate named in a sentence that tells of an election of its own (وكان منافس فلان على رئاسة
    # النادي في انتخابات النادي الأخيرة، وفاز فلان في انتخابات سابقة) ran in that one
    # (the sentence that first tells of it; a later لخوض الانتخابات refers to whichever the article is about)
    own = {ctx.tokens[d.mentions[0].i].sent: d for d in drafts if d.type == "election"}
    for s, _, e in entity_spans(ctx, 0, len(ctx.tokens)):
        words = [normalize_word(w) for w in e.canonical.split()]
        if e.label == "ORG" and words and words[0] in lex.cues["election_body_heads"] \
                and any(w in body_words for w in words) and not any(w in lex.cues["party_words"] for w in words):
            main.add("organizers", [e.id])  # اللجنة العليا للانتخابات: the body that runs the election
        if e.label != "PER":
            continue
        lo, hi = ctx.sentence_of(s)
        if cue_before(ctx, s, lo, cues) or _list_of_candidates(ctx, s, lo, lex):
            race = own.get(ctx.tokens[s].sent, main)
            race.add("participants", [x.id for x in entity_list(ctx, s, hi, e) if x.label == "PER"])
        elif _candidacy_after(ctx, s, hi, lex):
            own.get(ctx.tokens[s].sent, main).add("participants", [e.id])


_CANDIDACY_REACH = 12
"""Words between a person's name and the candidacy its clause goes on to tell (فلان، معلم سابق، ليكون مرشحه)."""


def _candidacy_after(ctx: Context, s: int, hi: int, lex: Lexicon) -> bool:
    """The clause of the person at s goes on to their candidacy told with a pronoun (اختار الحزب فلان، ...، ليكون
    مرشحه؛ أعلنت فلانة التي تتزعم الحزب عن ترشحها): no other person nor the sentence's end between them."""
    e = ctx.ent_at[s]
    start, words = s, 0
    while start < hi and ctx.ent_at[start] is e:
        start += 1
    for k in range(start, hi):
        other = ctx.ent_at[k]
        if other is not None and other.label == "PER" or ctx.tokens[k].norm in (".", ":", "?", "!", ";"):
            return False
        if other is None and ctx.stems(k) & lex.cues["candidacy_words"]:
            return True
        words += ctx.tokens[k].kind == "word"
        if words > _CANDIDACY_REACH:
            return False
    return False


def _list_of_candidates(ctx: Context, s: int, lo: int, lex: Lexicon) -> bool:
    """The person at s is in a list that a pronoun opens after candidates were counted in the sentence
    (اثنان من المرشحين ليس لهم حضور، وهما فلان رئيس حزب ... وفلان)."""
    pronoun = next((k for k in range(s - 1, lo, -1) if ctx.tokens[k].norm in lex.cues["list_pronouns"]), None)
    return pronoun is not None and any(ctx.ent_at[r] is None and ctx.stems(r) & lex.cues["candidate_cues"]
                                       for r in range(lo, pronoun))


_GATHERINGS = frozenset({"conference", "ceremony", "meeting", "visit", "protest"})
"""Kinds of happening a festival or conference programme lists as its items (ندوة، لقاء مفتوح، حفل، جولة، مسيرة)."""


def _day_values(ctx: Context, d: Draft) -> list[str]:
    return [v[:10] for t in d.time if (v := ctx.timexes[t].value) and v[:4].isdigit() and "/" not in v
            and ctx.timexes[t].type in ("DATE", "TIME")]


def _within(ctx: Context, main: Draft, part: Draft) -> bool:
    """No date of `part` before `main` starts, nor after it ends where its dates give an end.

    A year or month holds its days; a gathering with one date only has no known
    end (a festival's programme runs on the days after its opening).
    """
    span = _day_values(ctx, main)
    if not span:
        return True
    lo, hi = min(span), max(span)
    for t in part.time:
        value = ctx.timexes[t].value or ""
        if "/" in value and value[:4].isdigit():  # a period (1436هـ): it holds the gathering when it reaches it
            if value.split("/")[1][:10] >= lo[:len(value.split("/")[1][:10])]:
                continue
            return False
    for v in _day_values(ctx, part):
        if any(x.startswith(v) or v.startswith(x) for x in span):
            continue
        if v < lo[:len(v)] or (lo[:10] != hi[:10] and v > hi):
            return False
    return True


def _fold_programme(ctx: Context, drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """An article about one conference or ceremony lists its parts: they are that happening, not new ones.

    The first body event being a conference or ceremony makes it the article's
    gathering; a later gathering noun (ندوة، اللقاء، المهرجان، حفل after a
    light verb) joins it unless its date differs or it is announced for later
    while the gathering is not (المؤتمر القادم، جلسة خلال الأيام القادمة). Only
    its participants come along: a session's hour and hall are not the
    gathering's. Verbs (التقى، اتصل، زار) report happenings of their own. A
    talk (كلمة) that quotes nothing is a programme item too: its speaker takes part.
    """
    main = next((d for d in drafts if d.type != "statement"), None)
    if main is None or main.type not in ("conference", "ceremony"):
        return drafts
    main_planned = event_status(ctx, main, lex) == "planned"
    out: list[Draft] = []
    for d in drafts:
        if d is not main and d.type in _GATHERINGS and d.trigger.start > main.trigger.start \
                and all(m.pos == "noun" or m.noun is not None for m in d.mentions) \
                and _within(ctx, main, d) and _same_phase(ctx, main_planned, d, lex):
            main.mentions.extend(d.mentions)
            main.add("participants", d.participants)
            continue
        if d.type == "statement" and d.trigger.start > main.trigger.start and d.quote is None and d.speaker \
                and all(m.pos == "noun" for m in d.mentions):
            main.add("participants", [d.speaker])  # كلمة من الدكتور ...: a talk on the programme, nothing quoted
            continue
        out.append(d)
    return out


def _same_phase(ctx: Context, main_planned: bool, part: Draft, lex: Lexicon) -> bool:
    """A part announced for later belongs to a gathering announced for later only (المؤتمر القادم); one going on
    now (ويؤدي الوزير حاليا زيارة) is no part of a gathering still to come."""
    status = event_status(ctx, part, lex)
    return status != "ongoing" if main_planned else status != "planned"


_CHAIN = 3
"""Words of a name long enough (محمد بن سلمان) that a longer name opening with them (... آل سعود) is the same
person's."""


def _fullest_mentions(ctx: Context) -> dict[str, str]:
    """Entity id -> the id of a longer name of the same kind whose last words it is (أردوغان -> رجب طيب
    أردوغان), or whose first words a name of a few words is (محمد بن سلمان بن عبدالعزيز -> ... آل سعود), where
    ner left the short mention's canonical as it stands: an event names someone once, fully."""
    persons = [(normalize_word(e.canonical).split(), e.id) for e in ctx.doc.entities if e.label == "PER"]
    out: dict[str, str] = {}
    for words, eid in persons:
        longer = [(w, i) for w, i in persons if len(w) > len(words) and (
            w[-len(words):] == words or len(words) >= _CHAIN and w[:len(words)] == words)]
        if longer and len({" ".join(w) for w, _ in longer}) == 1:
            out[eid] = longer[0][1]
    return out


def _sentence_groups(ctx: Context, mentions: list[Mention], anchors: dict[int, list[int]], lex: Lexicon
                     ) -> dict[int, Draft]:
    """Drafts of the happenings (not statements), the mentions of one kind in one sentence already joined:
    first mention's token -> its draft.

    A sentence that names a happening twice (قتل مدني في غارة أصابت منزله يوم الأحد) tells of one
    happening, as coref's one-sentence rule has it; joined before coreference, the happening is matched to
    earlier ones with every argument its sentence gives, not with the first mention's alone (which, without
    the date the sentence gives to the other, would fit any earlier strike). Mentions that disagree on names
    or dates stay apart.
    """
    out: dict[int, Draft] = {}
    last: dict[tuple[int, str], Draft] = {}
    for m in mentions:
        if m.type == "statement":
            continue
        sent = ctx.tokens[m.i].sent
        d = Draft(type=m.type, mentions=[m], trigger=_trigger_span(ctx, m), sent=sent)
        attach(ctx, m, d, anchors[sent], lex)
        group = last.get((sent, m.type))
        first = group.mentions[0] if group is not None else None
        # هذا الاجتماع ... وفي اجتماع سابق في مارس: a noun without ال after one with it introduces another happening
        fresh = first is not None and first.definite and first.pos == "noun" and m.pos == "noun" and not m.definite
        # ضربات ... ردا على هجوم كيميائي: the happening responded to is another one
        fresh = fresh or responded_to(ctx, m, lex)
        if group is not None and not fresh and compatible(ctx, group, d):
            group.bare = group.bare or not has_arguments(group)
            merge(group, d)
            group.add("close_time", d.close_time)
            continue
        last[(sent, m.type)] = d
        out[m.i] = d
    return out


def _round_up(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A summary of happenings in several countries (وأمس تظاهر الآلاف في الأردن واليمن ولبنان) followed by lines
    headed by those countries (الأردن شارك المئات في وقفة ...؛ اليمن تظاهر مئات ...): each line tells one of the
    happenings summed up, on the summary's day where it gives none; the summary is no happening of its own
    once two of its countries have their line."""
    lines = [p for p in drafts if p.heading is not None and p.type != "statement"]
    if not lines:
        return drafts
    out: list[Draft] = []
    for d in drafts:
        places = {normalize_word(ctx.entities[x].canonical) for x in d.location} if d.type != "statement" else set()
        parts = [p for p in lines if p is not d and p.trigger.start > d.trigger.start
                 and normalize_word(ctx.entities[p.heading].canonical) in places]
        if len(parts) < 2:
            out.append(d)
            continue
        for p in parts:
            if not p.time:
                p.add("time", d.time)
    return out


def _arrest(ctx: Context, m: Mention, lex: Lexicon) -> bool:
    """An attack told as an arrest (اعتقلته الشرطة، قيام الشرطة باعتقال الناشط): the authority that arrests
    does not organize it, it takes part with the one it arrests."""
    return bool(ctx.stems(m.noun if m.noun is not None else m.i) & lex.cues["arrest_words"])


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
    mentions = _keep_statements(ctx, find_mentions(ctx, lex), lex)
    anchors: dict[int, list[int]] = {}
    for m in mentions:
        if m.type != "statement":
            anchors.setdefault(ctx.tokens[m.i].sent, []).append(m.i)
    title_end = _title_end(doc.raw)
    grouped = _sentence_groups(ctx, mentions, anchors, lex)
    drafts: list[Draft] = []
    title: list[Draft] = []
    for m in mentions:
        if m.type == "statement":
            news = _statement_drafts(ctx, m, drafts, lex)
        elif m.i in grouped:
            news = [grouped[m.i]]
        else:
            continue  # told again later in its sentence: already part of the happening it opened
        if ctx.tokens[m.i].end <= title_end:
            for d in news:  # one headline phrase, one happening (حفل إحياء ...)
                ante = antecedent(ctx, title, d, lex) if d.type != "statement" else None
                if ante is not None:
                    merge(ante, d)
                else:
                    title.append(d)
            continue
        for d in news:
            ante = antecedent(ctx, drafts, d, lex)
            if ante is not None:
                merge(ante, d)
            else:
                drafts.append(d)
    drafts = [d for d in drafts if d.type == "statement" or len(d.mentions) > 1 or has_arguments(d)]
    # A headline statement the body does not report is the headline's paraphrase of the body (its speaker
    # is a country or a body standing for the person quoted below): only happenings come from the headline.
    title = [d for d in title if d.type != "statement"]
    drafts += [d for d in title if not any(same_happening(ctx, b, d) for b in drafts)]
    drafts = _fold_programme(ctx, drafts, lex)
    drafts = _round_up(ctx, drafts)
    _said_during(ctx, drafts, lex)
    _claimed(ctx, drafts, lex)
    _speakers_take_part(ctx, drafts, lex)
    _candidates_run(ctx, drafts, lex)
    full = _fullest_mentions(ctx)
    events: list[Event] = []
    for d in sorted(drafts, key=lambda d: d.trigger.start):
        for slot in ("location", "organizers", "participants"):
            setattr(d, slot, list(dict.fromkeys(full.get(x, x) for x in getattr(d, slot))))
        if d.type == "attack" and _arrest(ctx, d.mentions[0], lex):
            d.participants, d.organizers = list(dict.fromkeys(d.organizers + d.participants)), []
        # who holds a happening is not also one who takes part in it (نظم المؤتمر ... حفلا: the host, once)
        hosts = {normalize_word(ctx.entities[x].canonical) for x in d.organizers}
        d.participants = [x for x in d.participants if normalize_word(ctx.entities[x].canonical) not in hosts]
        d.speaker = full.get(d.speaker, d.speaker) if d.speaker else None
        s, e = ctx.sentence_offsets(d.mentions[0].i)
        events.append(Event(
            id=f"v{len(events) + 1}", type=d.type, trigger=d.trigger, name=d.name, slogan=d.slogan,
            time=d.time, location=d.location, organizers=d.organizers, participants=d.participants,
            speaker=d.speaker, attendance=d.attendance, quote=d.quote, status=event_status(ctx, d, lex),
            sentence=Offsets(start=s, end=e)))
    return events
