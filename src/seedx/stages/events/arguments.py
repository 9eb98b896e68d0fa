"""Arguments of one trigger mention, by cue patterns in its sentence.

Every rule looks at tokens of the trigger's sentence only; merging mentions
(coref.py) is what brings in arguments from other sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from seedx.document import Token
from seedx.record import Entity, EventType, Span, Timex
from seedx.stages.events.context import Context
from seedx.stages.events.lexicon import Lexicon, bare_spelling, load_lexicon
from seedx.stages.events.triggers import Mention
from seedx.stages.normalize import normalize_word

_PREPS = frozenset(normalize_word(w) for w in (
    "مع", "في", "عن", "من", "إلى", "على", "لدى", "أمام", "خلال", "بين", "حول", "عبر", "ضد", "بعد", "قبل", "منذ", "حتى",
    "لصالح", "تجاه", "نحو", "قرب", "داخل", "عند", "فوق"))
"""Normalized as the tokens are (على -> علي): written plainly so that a linguist can read them."""
_PLACE_PREPS = frozenset(normalize_word(w) for w in ("ب", "في", "إلى", "أمام", "قرب", "داخل", "عند", "فوق"))
_LIST_PREPS = frozenset(normalize_word(w) for w in ("من", "بين", "مع"))
"""Prepositions inside a list after a cue (بمشاركة كل من، بين كل من): the cue still governs the names."""
_PLACE_PATH = frozenset(normalize_word(w) for w in ("من", "عن"))
"""Prepositions inside the phrase of where words were said (أمام حشد من أنصاره في أنقرة): no end of it."""
_SAID_AT = frozenset(normalize_word(w) for w in ("ب", "في", "أمام"))
"""Prepositions of the place a statement was made in."""
_TARGET_PREPS = frozenset(normalize_word(w) for w in ("على", "ضد"))
"""An attack on a place (الغارات على غزة) happens there."""
_CLAUSE_PUNCT = frozenset({".", ":", "?", "!", ";", '"', "(", ")"})
_ASIDE = frozenset({"(", ")"})
"""Brackets around an aside (انتخابات مجلس النواب (البرلمان) في مصر) do not end the clause a place belongs to."""
_CLAUSE_END = _CLAUSE_PUNCT - _ASIDE
_SUBJECT_VERBS_ORG = frozenset({"عقد", "عقدت", "يعقد", "تعقد", "نظم", "نظمت", "ينظم", "تنظم", "نظموا", "اقام", "اقامت",
                                "يقيم", "تقيم", "استضاف", "استضافت", "يستضيف", "تستضيف", "اطلق", "اطلقت", "يطلق",
                                "تطلق", "اطلقوا", "دشن", "دشنت", "يدشن", "تدشن", "نفذ", "نفذت", "ينفذ", "تنفذ", "شن",
                                "شنت", "يشن", "تشن", "اختتم", "اختتمت", "يختتم", "تختتم", "افتتح", "افتتحت", "يفتتح",
                                "تفتتح"})
"""Light verbs whose subject is the one who holds the event."""
HOLDING_VERBS = _SUBJECT_VERBS_ORG
_SUBJECT_NP = 4
"""Tokens after a statement verb that a subject noun phrase without a name may span (الحملة الشعبية لمقاطعة)."""
_HOLDER_REACH = 10
"""How far before a name its title may stand (أمين عام المؤتمر الدولي لدعم الانتفاضة فلان)."""
_HISTORY_REACH = 3
"""Words that may stand between a trigger and a date of years before (اعتقل عام 2007) for it to date the event."""
_TIME_REACH = 20
"""Timexes further than this many tokens from the trigger belong to something else in the sentence."""
_CLOSE_REACH = 8
"""Tokens between a later definite mention (الانتخابات) and a time it brings to the event it refers back to."""
_LOOSE_REACH = 10
"""Durations and vague references (لمدة ساعتين، الأيام المقبلة، حاليا) date an event only this close to its trigger:
further off they measure or place something else the sentence tells."""
_VAGUE = frozenset({"عشرات", "مئات", "الاف", "الالاف", "المئات", "العشرات"})
"""Counts without a number (مئات الطلاب): whatever plural follows is what they count."""
_PARTICIPANT_SUBJECT_TYPES = frozenset({"meeting", "visit", "agreement", "election"})


@dataclass
class Draft:
    """An event under construction: ids of arguments, first mention's trigger."""

    type: EventType
    mentions: list[Mention]
    trigger: Span
    sent: int
    name: str | None = None
    slogan: str | None = None
    time: list[str] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    organizers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    speaker: str | None = None
    attendance: str | None = None
    quote: Span | None = None
    close_time: list[str] = field(default_factory=list)
    """The times standing in the trigger's own clause, near it: all that a later mention adds (coref.merge)."""
    backdrop: bool = False
    """The first mention dates its clause by the happening (وقبل اعتقاله، كان ...): referring back, it brings none of
    the clause's names or dates (coref.merge); told for the first time (غداة الغارات على غزة), they are its own."""
    heading: str | None = None
    """The country heading the round-up line the first mention stands on (الأردن شارك المئات في وقفة)."""
    bare: bool = False
    """The first mention came with no argument of its own (the rest of its sentence's mentions may have some):
    like a mention alone without any, it goes on with the last happening of its kind (coref.antecedent)."""

    def add(self, slot: str, ids: list[str]) -> None:
        have: list[str] = getattr(self, slot)
        for x in ids:
            if x not in have:
                have.append(x)


def entity_spans(ctx: Context, lo: int, hi: int) -> list[tuple[int, int, Entity]]:
    """Entities of tokens [lo, hi) as (first token, last token + 1, entity)."""
    out: list[tuple[int, int, Entity]] = []
    k = lo
    while k < hi:
        e = ctx.ent_at[k]
        if e is None:
            k += 1
            continue
        s = k
        while k < hi and ctx.ent_at[k] is e:
            k += 1
        out.append((s, k, e))
    return out


def _governed(ctx: Context, s: int) -> str:
    """The preposition in front of the entity starting at token s ('' when none)."""
    tok = ctx.tokens[s]
    clitic = tok.preposition
    e = ctx.ent_at[s]
    if clitic in ("ب", "ل", "ك") and (e is None or e.start > tok.start):
        return clitic  # a letter the entity's own span holds (ليلى، لبنان) is no preposition
    if not clitic and e is not None and e.start > tok.start:
        lead = ctx.doc.raw[tok.start:e.start].lstrip("وف")
        if lead in ("ب", "ل", "ك"):
            return lead  # ببئر الماء: the tokenizer kept the letter on, ner's span starts after it
    if s > 0:
        prev = ctx.tokens[s - 1]
        if prev.norm in _PREPS:
            return prev.norm
        if prev.norm in ("لـ", "بـ", "ل", "ب"):
            return prev.norm[0]
        if prev.norm == "-" and s > 1 and ctx.tokens[s - 2].norm in ("ل", "ب", "لـ", "بـ"):
            return ctx.tokens[s - 2].norm[0]
    return _title_governed(ctx, s)


_TITLE_REACH = 3
"""Words of a title (and its adjectives) between a preposition and the name it governs (بالرئيس الأمريكي فلان)."""


def _title_governed(ctx: Context, s: int) -> str:
    """The preposition on the title in front of a person's name (بالرئيس الفرنسي فلان، لعمدة المدينة فلان):
    it governs the whole phrase, the name included ('' when none)."""
    e = ctx.ent_at[s]
    if e is None or e.label != "PER":
        return ""
    titles = _speaker_titles(load_lexicon())
    k = s - 1
    while k >= 0 and s - k <= _TITLE_REACH and ctx.is_word(k) and ctx.tmx_at[k] is None:
        if ctx.ent_at[k] is not None and ctx.ent_at[k].label != "LOC":
            return ""  # another name: not one phrase
        if ctx.ent_at[k] is None and ctx.stems(k) & titles:
            clitic = ctx.tokens[k].preposition
            if clitic in ("ب", "ل"):
                return clitic
            return ctx.tokens[k - 1].norm if k > 0 and ctx.tokens[k - 1].norm in _PREPS else ""
        k -= 1
    return ""


def qualifies_noun(ctx: Context, s: int, lo: int, lex: Lexicon) -> bool:
    """A place name right after a common noun qualifies that noun (جمعية شباب الأناضول، لنصرة القدس وفلسطين،
    وزير خارجية قطر): it is part of a name or title that ner did not mark, not the one who acts.

    Looks back from the entity at s (over places joined by و) to the word before it, not before token lo;
    titles, prepositions, place words (مدينة) and the words of other entities or timexes do not count.
    """
    e = ctx.ent_at[s]
    if e is None or e.label != "LOC":
        return False
    first, k = s, s - 1
    while k >= lo:
        joined = ctx.tokens[first].clitic.startswith("و")
        if ctx.tokens[k].norm == "و":
            joined, k = True, k - 1
        prev = ctx.ent_at[k] if k >= lo else None
        if not (joined and prev is not None and prev.label == "LOC"):
            break
        while k >= lo and ctx.ent_at[k] is prev:
            k -= 1
        first = k + 1
    if k < lo:
        return False
    tok = ctx.tokens[k]
    stems = ctx.stems(k)
    return (tok.kind == "word" and ctx.ent_at[k] is None and ctx.tmx_at[k] is None and tok.norm not in _PREPS
            and not stems & lex.titles and not stems & lex.cues["location_preps"])


def entity_list(ctx: Context, s: int, hi: int, first: Entity, gap: int = 4) -> list[Entity]:
    """The entity at s and those joined to it by و or commas (lists of names with titles between)."""
    out = [first]
    k = s
    while ctx.ent_at[k] is first and k < hi:
        k += 1
    while k < hi:
        words = 0
        joined = False
        nxt: Entity | None = None
        while k < hi:
            tok = ctx.tokens[k]
            e = ctx.ent_at[k]
            if e is not None and e is not out[-1]:
                # و left on the token when the tokenizer kept the word whole (وفريانة): ner's span starts after it
                if joined or tok.clitic.startswith("و") or e.start > tok.start and ctx.doc.raw[tok.start] == "و":
                    nxt = e
                break
            if tok.norm in (",", "و", "/") or tok.norm.startswith("و") and tok.kind == "word" and words == 0 \
                    and (gap or not _possessed(ctx, k)):
                # و + the head of the next name (ودول مجلس التعاون) joins it; a noun with a pronoun of its own
                # (ومقرها لاهاي: and its seat is The Hague) is in construct with no name after it
                joined = True
            elif tok.norm == '"':
                pass  # quotes around a name ("جمعية النور" ونادي الفكر) do not end the list
            elif tok.kind == "punct" or words >= gap:
                break
            if tok.kind == "word":
                words += 1 if tok.norm != "و" else 0
            k += 1
        if nxt is None:
            break
        out.append(nxt)
        while k < hi and ctx.ent_at[k] is nxt:
            k += 1
    return out


def _possessed(ctx: Context, k: int) -> bool:
    """Token k ends with an attached pronoun as written (مقرها، مقره: ه, not the ة of دولة)."""
    tok = ctx.tokens[k]
    return bare_spelling(ctx.doc.raw[tok.start:tok.end]).endswith(("ه", "ها", "هم", "هما", "هن")) and len(tok.norm) > 4


def _clause_forward(ctx: Context, i: int, stop: frozenset[str], limit: int = 14, asides: bool = False) -> int:
    """End (exclusive) of the words after token i up to a complementizer or clause punctuation; with `asides`,
    a bracketed aside after a name (جماعة أنصار الله (الحوثيون)، اليوم) does not end the clause."""
    lo, hi = ctx.sentence_of(i)
    words = 0
    inside = False
    for k in range(i + 1, hi):
        tok = ctx.tokens[k]
        if asides and tok.norm == "(" and ctx.ent_at[k - 1] is not None:
            inside = True
            continue
        if inside:
            inside = tok.norm != ")"
            continue
        if tok.norm in _CLAUSE_PUNCT or (ctx.ent_at[k] is None and tok.norm in stop):
            return k
        if tok.kind == "word" and ctx.ent_at[k] is None:
            words += 1
            if words > limit:
                return k
    return hi


def _quoted_name(ctx: Context, k: int) -> bool:
    """The quotation mark at k opens or closes quotes around exactly one name (وأشار "الرصد" إلى)."""
    n = len(ctx.tokens)
    e = ctx.ent_at[k + 1] if k + 1 < n else None
    if e is not None:  # opening: the name, then the closing mark
        r = k + 1
        while r < n and ctx.ent_at[r] is e:
            r += 1
        if r < n and ctx.tokens[r].norm == '"':
            return True
    e = ctx.ent_at[k - 1] if k > 0 else None
    if e is not None:  # closing: the opening mark, then the name
        r = k - 1
        while r > 0 and ctx.ent_at[r - 1] is e:
            r -= 1
        return r > 0 and ctx.tokens[r - 1].norm == '"'
    return False


def clause_end(ctx: Context, i: int, stop: frozenset[str]) -> int:
    """End (exclusive) of the clause after token i: at a complementizer or clause punctuation."""
    return _clause_forward(ctx, i, stop)


def find_speaker(ctx: Context, m: Mention, lex: Lexicon, prev: Entity | None = None) -> list[Entity] | None:
    """The subject of a statement: after the verb (VSO), else just before it (SVO).

    A PER wins over an ORG or LOC in the same stretch (وزير خارجية قطر محمد ...
    speaks, not قطر); names behind a preposition are never the subject, and a place
    that qualifies a noun ner left unmarked (لنصرة فلسطين) is taken only when nothing else is.
    A title standing as subject (وقال الناطق باسم الوزارة، وطالب أمين عام المؤتمر) is the person
    that title introduced earlier in the article; a verb with no subject of its own (وأضاف أن، وقال:)
    goes on with `prev`, the speaker of the statement just before. None: the subject is someone the
    article does not name (وقال المسؤول الكوري، أكد الجانبان): no statement to record.
    """
    # the subject stands before an aside naming the source (وأضاف، بحسب ما نقلت عنه الوكالة، أن): not in it
    stop = lex.cues["speaker_titles_stop"] | lex.cues["source_openers"]
    reported = _reported_from(ctx, m)
    if reported is not None:
        return [reported]
    fronted = _fronted_subject(ctx, m) or _issuer(ctx, m, lex)
    if fronted is not None:
        return [fronted]
    if m.pos == "verb" and ctx.stems(m.i) & lex.cues["report_verbs"]:
        source = _source(ctx, m)
        return [source] if source is not None else None
    # a participle closes its clause: a name in quotes after it is what is said (قائلا "...")
    quoted = ctx.ent_at[m.j + 1] if m.pos == "verb" and m.role != "participle" and m.j + 1 < len(ctx.tokens) \
        else None
    if quoted is not None and quoted.label in ("PER", "ORG") and ctx.tokens[m.j].norm == '"' \
            and _quoted_name(ctx, m.j):
        return [quoted]  # ودعت "رابطة الشباب"، وأشار "الرصد" إلى: the subject's name in quotes, not the words said
    fronted_name = _name_before(ctx, m, lex)
    if fronted_name is not None:
        return [fronted_name]
    if m.pos == "noun":
        stop = stop - {"عن", "من"}
    end = _clause_forward(ctx, m.j - 1, stop)
    cands = [(s, e_, e) for s, e_, e in entity_spans(ctx, m.j, end) if e.label != "MISC" and not _governed(ctx, s)
             or m.pos == "noun" and e.label != "MISC" and _governed(ctx, s) in ("عن", "ل")]
    if m.pos == "verb" and m.role != "participle" and _unnamed_subject(ctx, m.j, lex) \
            and not any(c[2].label == "PER" for c in cands):
        return None  # ويقول خبراء إن ...، وقال مسؤول في الوزارة: someone the article does not name speaks
    first_prep = next((k for k in range(m.j, end) if ctx.tokens[k].norm in _PREPS), end)
    titled = m.pos == "verb" and m.role != "participle" and _title_word(ctx, m.j, lex)
    # After a title subject, a person behind a preposition is someone else (قال المسؤول بعد وصول فلان)
    # unless every preposition on the way governs a name (النائب في البرلمان الأردني فلان).
    cands = [c for c in cands if c[0] < first_prep
             or c[2].label == "PER" and (not titled or _names_after_preps(ctx, m.j, c[0]))]
    if titled and not any(c[2].label == "PER" for c in cands):
        named = _named_after_title(ctx, m, lex)
        if named is not None:
            return [named]
        holder = _title_holder(ctx, m, lex)
        if holder is not None:
            return [holder]
        return None  # وقال ممثل الولايات المتحدة، وقال المسؤول الكوري: someone unnamed speaks
    if m.pos == "verb" and m.role != "participle" and _article_subject(ctx, m.j) \
            and not any(c[2].label == "PER" or c[0] - m.j <= _SUBJECT_NP for c in cands):
        # كما أكد الجانبان رفضهما لتدخل إيران: a subject without a name, not a name further on
        # (a name within the subject's own words, ودعت الحملة الشعبية لمقاطعة إسرائيل, is a last resort);
        # a name right before the verb is its topic and stands for the subject (السودان: قال الحزب ...).
        lo = ctx.sentence_of(m.i)[0]
        topic = [e for s, e_, e in entity_spans(ctx, max(lo, m.i - 3), m.i)
                 if e.label in ("ORG", "LOC", "PER") and not _governed(ctx, s) and _adjacent_subject(ctx, e_, m.i, lex)]
        if topic:
            return topic[-1:]
        body = _body_by_head(ctx, m)
        return [body] if body is not None else None
    if m.pos == "verb" and m.role != "participle" and not cands and prev is not None and no_subject(ctx, m, lex):
        return [prev]
    # A place that qualifies a noun (وكذلك ثمنت الحملة الشعبية لمقاطعة إسرائيل) is a last resort only.
    plain = [c for c in cands if c[2].label == "PER" or not qualifies_noun(ctx, c[0], m.j, lex)]
    if m.role != "participle" and plain:
        pick = next((c for c in plain if c[2].label == "PER"), plain[0])
        return entity_list(ctx, pick[0], end, pick[2], gap=0) if pick[2].label != "PER" else [pick[2]]
    lo, _ = ctx.sentence_of(m.i)
    # a participle's subject is its sentence's (وانتقد فلان قرار الوزير فلان، قائلا: the first one)
    participle = m.role == "participle"
    before_all = [(s, e_, e) for s, e_, e in entity_spans(ctx, lo if participle else max(lo, m.i - 14), m.i)
                  if e.label != "MISC" and not _governed(ctx, s)
                  and not (e.label == "LOC" and _place_word_before(ctx, s, lex))]  # في منتجع شرم الشيخ: a place
    if m.pos == "verb" and m.role != "participle" and not ctx.tokens[m.i].clitic.startswith(("و", "ف", "ل")) \
            and not (m.i > lo and ctx.tokens[m.i - 1].norm in lex.cues["clause_links"]):
        # A verb that does not open its clause has its subject right before it (طهران تنفي، وقطر التي أكدت);
        # a name further back belongs to another clause (تقارير تقول، في حين يطالب الفلسطينيون).
        before_all = [c for c in before_all if _adjacent_subject(ctx, c[1], m.i, lex)]
    before = [c for c in before_all if c[2].label == "PER" or not qualifies_noun(ctx, c[0], lo, lex)]
    if participle:
        before_all = _participle_subjects(ctx, m, before_all, lex)
        before = [c for c in before if c in before_all]
        own = _clause_person(ctx, m, before)
        if own is not None:
            return [own]
    if m.role != "participle" and cands:
        before = [c for c in before if c[2].label == "PER"]  # only a person outranks a name after the verb
    if before:
        per = [c for c in before if c[2].label == "PER"]
        return [(per or before)[0 if participle else -1][2]]
    if cands and not participle:  # a name after a participle is in what is said or its object, never its subject
        return [next((c for c in cands if c[2].label == "PER"), cands[0])[2]]
    # a place that only qualifies a noun (عمل في الملاعب السعودية، وقال) is no subject even as a last resort
    # (only after a noun with ال: a verb before a name, ورفضت تونس، is no noun it qualifies)
    last = [c for c in before_all if not (_qualifier(ctx, c[0], lo, lex) and ctx.tokens[c[0] - 1].definite)]
    return [last[-1][2]] if last else []


def _name_before(ctx: Context, m: Mention, lex: Lexicon) -> Entity | None:
    """The name right before a verb that does not open its clause with و/ف: its subject put first (الأمم
    المتحدة تدعو تونس إلى: the UN calls, تونس is the one called; إن الحزب يرفض), whatever name follows."""
    if m.pos != "verb" or m.role == "participle" or ctx.tokens[m.i].clitic or m.i == 0:
        return None
    e = ctx.ent_at[m.i - 1]
    if e is None or e.label not in ("PER", "ORG", "LOC") or ctx.tokens[m.i - 1].end != e.end \
            or "\n" in ctx.doc.raw[e.end:ctx.tokens[m.i].start]:
        return None  # a title's last name above the line (... في غزة\n\nوثق المركز) is no subject
    s = m.i - 1
    while s > 0 and ctx.ent_at[s - 1] is e:
        s -= 1
    lo, _ = ctx.sentence_of(m.i)
    # a round-up's country heading (السودان قال الحزب) heads the line, and the verb's subject follows
    if _governed(ctx, s) or _place_word_before(ctx, s, lex) or _qualifier(ctx, s, lo, lex) or _heading(ctx, s):
        return None
    return e


def _qualifier(ctx: Context, s: int, lo: int, lex: Lexicon) -> bool:
    """`qualifies_noun`, but not after a verb of being (كانت السعودية قد أعلنت) nor for a name that opens a
    clause of its own with و (الأوروبيون متمسكون بالاتفاق وإيران تحذر): there the name is a subject."""
    if not qualifies_noun(ctx, s, lo, lex) or ctx.tokens[s].clitic.startswith("و"):
        return False
    return not (s > 0 and ctx.stems(s - 1) & lex.cues["being_verbs"])


def _participle_subjects(ctx: Context, m: Mention, spans: list[tuple[int, int, Entity]], lex: Lexicon
                         ) -> list[tuple[int, int, Entity]]:
    """The names before a participle that may be its subject.

    A participle of manner (قائلا، مؤكدة) goes with the main clause: not with a name in a subordinate clause
    fronted before it (وعندما اقترح عليه فلان ...، زجره قائلا: the one who rebuked, not the one who proposed);
    and it agrees in gender with its subject: قائلة with a woman, قائلا with a man. The gender of a person is
    read off the titles and statement verbs next to their name in the article (الفنانة فلانة، قالت فلانة).
    """
    closed = [s for s, _, _ in spans if _in_fronted_clause(ctx, s, m.i, lex)]
    spans = [c for c in spans if c[0] not in closed]
    want = _participle_gender(ctx, m)
    if want is None:
        return spans
    return [c for c in spans if c[2].label != "PER" or _gender(ctx, c[2], lex) in (None, want)]


def _clause_person(ctx: Context, m: Mention, spans: list[tuple[int, int, Entity]]) -> Entity | None:
    """The person who is the subject of the clause a participle closes, where that clause is not the sentence's
    first: the participle's own stretch since the last comma (وفي رد على فلان، انتقد فلان القرار قائلا), or a
    stretch a coordinating or purpose clitic opens (...، لترد عليها فلانة قائلة: the one who answers). In the
    sentence's first clause (وانتقد فلان قرار الوزير فلان، قائلا) the first person named is its subject, as
    find_speaker reads it; an apposition or object between commas (استقبل فلان، الوزير فلان، ...) opens no clause.
    """
    lo, _ = ctx.sentence_of(m.i)
    commas = [k for k in range(lo, m.i) if ctx.tokens[k].norm == ","]
    end = m.i
    for c in reversed(commas):
        start = c + 1
        own = end == m.i
        opener = ctx.is_word(start) and ctx.ent_at[start] is None and ctx.tokens[start].clitic[:1] in ("و", "ف", "ل")
        if own or opener:
            person = next((e for s, _, e in spans if start <= s < end and e.label == "PER"), None)
            if person is not None:
                return person
        end = c
    return None


def _in_fronted_clause(ctx: Context, s: int, i: int, lex: Lexicon) -> bool:
    """The name at s stands in a clause a subordinator opens (عندما، بينما) that a comma closes before token i."""
    lo, _ = ctx.sentence_of(s)
    opener = next((k for k in range(s - 1, lo - 1, -1) if ctx.tokens[k].norm in _CLAUSE_END
                   or ctx.tokens[k].norm == "," or ctx.ent_at[k] is None
                   and (ctx.tokens[k].norm in lex.cues["subordinators"]
                        or ctx.tokens[k].norm[1:] in lex.cues["subordinators"] and ctx.tokens[k].norm[0] in "وف")),
                  None)
    if opener is None or ctx.tokens[opener].kind == "punct":
        return False
    return any(ctx.tokens[k].norm == "," for k in range(s + 1, i))


def _participle_gender(ctx: Context, m: Mention) -> str | None:
    """'f' for a feminine singular participle (قائلة), 'm' for a masculine one (قائلا), None for a plural."""
    tok = ctx.tokens[m.i]
    raw = bare_spelling(ctx.doc.raw[tok.start:tok.end])
    if raw.endswith("ة"):
        return "f"
    return "m" if raw.endswith("ا") else None


def _gender(ctx: Context, e: Entity, lex: Lexicon) -> str | None:
    """The gender a person's mentions show ('f', 'm'; None where they show none or disagree): a gendered title
    among the two words before a mention (الفنانة المصرية فلانة، وزير الخارجية فلان) or a statement verb in the
    past right before it (قالت فلانة، أكد فلان)."""
    fem, masc = _gendered_titles(lex)
    seen: set[str] = set()
    for x in ctx.doc.entities:
        if x.label != "PER" or x.canonical != e.canonical:
            continue
        ks = ctx.token_range(x.start, x.end)
        if not ks:
            continue
        for k in (ks[0] - 1, ks[0] - 2):
            if not ctx.is_word(k) or ctx.ent_at[k] is not None:
                break
            stems = ctx.stems(k)
            if stems & fem:
                seen.add("f")
                break
            if stems & masc:
                seen.add("m")
                break
            verb = _past_statement_gender(ctx, k, lex)
            if verb is not None:
                seen.add(verb)
                break
    return seen.pop() if len(seen) == 1 else None


@lru_cache(maxsize=4)
def _gendered_titles(lex: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """Feminine titles and, without their final ة (normalized ه), the masculine ones; with and without ال."""
    fem = {w for t in lex.cues["gendered_titles"] for w in (t, t[2:] if t.startswith("ال") else t)}
    masc = {w[:-1] for w in fem if w.endswith("ه")}
    return frozenset(fem), frozenset(masc)


def _past_statement_gender(ctx: Context, k: int, lex: Lexicon) -> str | None:
    """The gender a past statement verb at k shows (قالت: 'f'; قال: 'm'); None for any other word."""
    for stem in ctx.stems(k):
        senses = lex.senses.get(stem, ())
        if any(x.type == "statement" and x.pos == "verb" and x.role == "event" for x in senses):
            if stem.endswith("ت"):
                return "f"
            if stem[:1] not in ("ي", "ت", "ن"):
                return "m"
    return None


_TITLE_PREPS = frozenset(normalize_word(w) for w in ("على", "من", "عن", "إلى"))
"""Prepositions inside a long title (رئيس الهيئة المشرفة على المعرض): they end no subject."""


def _named_after_title(ctx: Context, m: Mention, lex: Lexicon) -> Entity | None:
    """The person a long title right after the verb leads to (وأوضح رئيس الهيئة المشرفة على المعرض السنوي
    الدكتور فلان، أن): the first PER of the clause read on over the prepositions of the title, where no
    preposition governs the name itself and no other preposition (بعد، خلال) comes first; None when a
    complementizer or punctuation comes first."""
    end = _clause_forward(ctx, m.j - 1, lex.cues["speaker_titles_stop"] - _TITLE_PREPS)
    other = next((k for k in range(m.j, end) if ctx.tokens[k].norm in _PREPS - _TITLE_PREPS), end)
    # not past another preposition (قال المسؤول بعد وصول فلان: someone else)
    return next((e for s, _, e in entity_spans(ctx, m.j, other) if e.label == "PER" and not _governed(ctx, s)),
                None)


def _reported_from(ctx: Context, m: Mention) -> Entity | None:
    """The one a report quotes: a name behind عن right before a statement noun with a pronoun (نقلت الوكالة عن
    فلان قوله، عن الوزارة تأكيدها): they spoke, the reporter did not."""
    if m.pos != "noun" or m.i == 0 or not ctx.tokens[m.i].norm.endswith(("ه", "ها", "هم")):
        return None
    e = ctx.ent_at[m.i - 1]
    if e is None or e.label == "MISC":
        return None
    s = m.i - 1
    while s > 0 and ctx.ent_at[s - 1] is e:
        s -= 1
    return e if _governed(ctx, s) == "عن" else None


_SOURCE_REACH = 4
"""Words between عن and the name of the one a report quotes (عن مسؤول رفيع في الرئاسة)."""


def _source(ctx: Context, m: Mention) -> Entity | None:
    """The one a report quotes (نقلت الوكالة عن الوزير فلان؛ عن مسؤول في الرئاسة: the body the official speaks
    for): the first name after the clause's عن; None when it names nobody (عن مصادر مطلعة)."""
    _, hi = ctx.sentence_of(m.i)
    an = next((k for k in range(m.j, hi) if ctx.tokens[k].norm == "عن" and ctx.ent_at[k] is None), None)
    if an is None:
        return None
    found = _first_name(ctx, an + 1, hi, _SOURCE_REACH, lambda tok: tok.norm in _CLAUSE_PUNCT)
    return found[1] if found is not None and found[1].label in ("PER", "ORG", "LOC") else None


def _first_name(ctx: Context, lo: int, hi: int, reach: int, stop: Callable[[Token], bool]) -> tuple[int, Entity] | None:
    """The first entity in [lo, hi) and where it starts, looking past at most `reach` words and up to a token
    that `stop` says ends the search; None when there is none within that."""
    words = 0
    for k in range(lo, hi):
        e = ctx.ent_at[k]
        if e is not None:
            return k, e
        tok = ctx.tokens[k]
        if stop(tok) or words >= reach:
            return None
        words += tok.kind == "word"
    return None


_ISSUE_REACH = 8
"""Tokens between a verb of issuing and the statement noun it takes (فأصدر، قبيل التئام المجلس، بيانا)."""


def _issuer(ctx: Context, m: Mention, lex: Lexicon) -> Entity | None:
    """Who issues a statement noun (أصدر فلان بيانا، أما فلان فأصدر، قبيل الجلسة، بيانا اتهم فيه حركة ...): the
    subject of the issuing verb, named after it or just before it, not a name the statement goes on to tell.
    A statement verb right after the noun tells what that statement said (أصدر فلان بيانا دعا فيه ...): its
    speaker is the noun's issuer too."""
    noun = _issued_noun(ctx, m, lex)
    verb = None if noun is None else _issuing_verb(ctx, noun, lex)
    if noun is None or verb is None:
        return None
    lo, _ = ctx.sentence_of(noun)
    after = [e for s, _, e in entity_spans(ctx, verb + 1, noun)
             if e.label in ("PER", "ORG") and not _governed(ctx, s)
             and not any(ctx.tokens[r].kind == "punct" for r in range(verb + 1, s))]
    if after:
        return next((e for e in after if e.label == "PER"), after[0])  # ألقى أمين عام الرابطة فلان كلمة
    before = [(s, end, e) for s, end, e in entity_spans(ctx, max(lo, verb - 4), verb)
              if e.label in ("PER", "ORG", "LOC") and not _governed(ctx, s)]
    return before[-1][2] if before and all(ctx.tokens[r].norm in (",", "،") for r in range(before[-1][1], verb)) \
        else None


def _issued_noun(ctx: Context, m: Mention, lex: Lexicon) -> int | None:
    """The statement noun a mention stands for or tells of: itself, or the noun right before a statement
    verb (بيانا دعا فيه)."""
    if m.pos == "noun":
        return m.i
    return m.i - 1 if m.i > 0 and _statement_noun(ctx, m.i - 1, lex) else None


def _issuing_verb(ctx: Context, noun: int, lex: Lexicon) -> int | None:
    """The verb of issuing (أصدر، ألقى) a few tokens before a statement noun, in its sentence."""
    lo, _ = ctx.sentence_of(noun)
    return next((k for k in range(noun - 1, max(lo, noun - _ISSUE_REACH) - 1, -1)
                 if ctx.ent_at[k] is None and ctx.stems(k) & lex.cues["issue_verbs"]), None)


def _statement_noun(ctx: Context, k: int, lex: Lexicon) -> bool:
    """Whether token k reads as a one-word statement noun of the lexicon (بيانا، تصريحا، كلمة)."""
    return any(s.type == "statement" and s.pos == "noun" and len(s.words) == 1
               for w in ctx.stems(k) for s in lex.senses.get(w, ()))


_OWN_PRONOUNS = frozenset({"له", "لها", "لهم", "لهما"})
_MAIN_SUBJECT_REACH = 3
"""Words (the main verb, an adverb) between the comma that closes a fronted phrase and the main clause's subject."""


def _fronted_subject(ctx: Context, m: Mention) -> Entity | None:
    """The subject of the main clause after a fronted phrase that names a statement by its speaker's pronoun
    (وفي كلمة له أمام أنصاره، ركز فلان على ...؛ وفي تصريح لها، أكدت الوزارة): the pronoun is that subject."""
    if m.pos != "noun" or m.j >= len(ctx.tokens) or ctx.tokens[m.j].norm not in _OWN_PRONOUNS:
        return None
    _, hi = ctx.sentence_of(m.i)
    comma = next((k for k in range(m.j + 1, hi) if ctx.tokens[k].norm == ","), None)
    if comma is None:
        return None
    found = _first_name(ctx, comma + 1, hi, _MAIN_SUBJECT_REACH, lambda tok: tok.kind != "word")
    if found is None:
        return None
    k, e = found
    return e if e.label in ("PER", "ORG") and not _governed(ctx, k) else None


def _adjacent_subject(ctx: Context, end: int, i: int, lex: Lexicon) -> bool:
    """The entity ending at `end` is the subject of the verb at i: only times, an apposition between commas
    (فلان، نائب وزير العدل، قال) and subject words (التي، قد، كان) stand between them."""
    k = end
    if k < i and ctx.tokens[k].norm == ",":
        close = next((r for r in range(k + 1, min(i, k + 8)) if ctx.tokens[r].norm == ","), None)
        if close is not None and not any(ctx.tokens[r].kind == "punct" for r in range(k + 1, close)):
            k = close + 1
    return all(ctx.tmx_at[r] is not None or ctx.tokens[r].norm in lex.cues["subject_relatives"]
               for r in range(k, i)) and i - k <= 2


def _names_after_preps(ctx: Context, lo: int, hi: int) -> bool:
    """Every preposition in tokens [lo, hi) has a name right after it."""
    return all(ctx.ent_at[k + 1] is not None for k in range(lo, hi) if ctx.tokens[k].norm in _PREPS)


def _title_word(ctx: Context, k: int, lex: Lexicon) -> bool:
    """A title that no entity covers right after the verb (times skipped): وقال الناطق، وطالب أمين عام; not a
    preposition spelt like one (وصرح أمام صحافيين: أمام, not إمام)."""
    while k < len(ctx.tokens) and ctx.tmx_at[k] is not None:
        k += 1
    return ctx.is_word(k) and ctx.ent_at[k] is None and not _preposition(ctx, k) \
        and bool(ctx.stems(k) & _speaker_titles(lex))


@lru_cache(maxsize=4)
def _speaker_titles(lex: Lexicon) -> frozenset[str]:
    """ner's titles and the stage's own speaker titles: built once per lexicon, not at every statement."""
    return lex.titles | lex.cues["speaker_titles"]


@lru_cache(maxsize=4)
def _rank_words(lex: Lexicon) -> frozenset[str]:
    """Titles and honorifics (صاحب السمو الملكي الأمير), built once per lexicon."""
    return lex.titles | lex.cues["honorifics"]


def _title_holder(ctx: Context, m: Mention, lex: Lexicon) -> Entity | None:
    """The last person named before the statement with the same title in front (the minister named earlier:
    الوزير فلان ... وقال الوزير). A title that stands in apposition after a name (فلان، نائب رئيس النادي، عن
    استيائه من تصرف علان) is that name's, not the one after it."""
    k = m.j
    while ctx.tmx_at[k] is not None:
        k += 1
    titles = _speaker_titles(lex)
    want = {w for w in ctx.stems(k) & titles}
    want |= {w[2:] for w in want if w.startswith("ال")} | {"ال" + w for w in want}
    for s, _, e in reversed(entity_spans(ctx, 0, m.i)):
        if e.label != "PER" or ctx.tokens[s].sent == ctx.tokens[m.i].sent:
            continue
        lo, _ = ctx.sentence_of(s)
        for r in range(s - 1, max(lo, s - _HOLDER_REACH) - 1, -1):
            if ctx.tokens[r].norm in _CLAUSE_PUNCT or ctx.ent_at[r] is not None and ctx.ent_at[r].label == "PER":
                break
            if ctx.stems(r) & want:
                return _apposed_to(ctx, r) or e
    return None


def _apposed_to(ctx: Context, r: int) -> Entity | None:
    """The person named right before the title at token r, a comma between or not (فلان، نائب الرئيس)."""
    k = r - 1
    if k >= 0 and ctx.tokens[k].norm == ",":
        k -= 1
    e = ctx.ent_at[k] if k >= 0 else None
    return e if e is not None and e.label == "PER" else None


def no_subject(ctx: Context, m: Mention, lex: Lexicon) -> bool:
    """A verb that opens its clause (و، ف) followed straight by what is said or by a preposition
    (وأضاف أن، وقال:، وتابع "..."، وقال في مقابلة)."""
    if not ctx.tokens[m.i].clitic.startswith(("و", "ف")):
        return False
    k = m.j
    while k < len(ctx.tokens) and ctx.tmx_at[k] is not None:
        k += 1
    return k < len(ctx.tokens) and (ctx.tokens[k].norm in lex.cues["complementizers"] or ctx.tokens[k].norm == '"'
                                    or _preposition(ctx, k))


def _preposition(ctx: Context, k: int) -> bool:
    """Token k is a preposition as written: أمام, not the title إمام that normalizes the same."""
    tok = ctx.tokens[k]
    return tok.norm in _PREPS and "إ" not in ctx.doc.raw[tok.start:tok.end]


def _article_subject(ctx: Context, k: int) -> bool:
    """A noun with ال right after the verb (times skipped) that no entity covers (أكد الجانبان، ووثق المركز);
    a possessive (أكدت مشاركتها) is an object."""
    while k < len(ctx.tokens) and ctx.tmx_at[k] is not None:
        k += 1
    if not ctx.is_word(k) or ctx.ent_at[k] is not None:
        return False
    tok = ctx.tokens[k]
    return tok.norm[len(tok.clitic):].startswith("ال") or tok.norm.startswith("ال")


def _body_by_head(ctx: Context, m: Mention) -> Entity | None:
    """A body named earlier by the head noun the subject repeats alone (مركز مدى ... ووثق المركز، حركة حماس ...
    وقالت الحركة): the last such ORG before the verb that no preposition governs; not where the noun goes on
    with an adjective of its own (وقالت الحركة الشعبية: another body)."""
    k = m.j
    while k < len(ctx.tokens) and ctx.tmx_at[k] is not None:
        k += 1
    if not ctx.is_word(k) or ctx.ent_at[k] is not None or ctx.tokens[k].clitic:
        return None
    head = ctx.tokens[k].norm
    if not head.startswith("ال") or len(head) < 5:
        return None
    nxt = k + 1
    if ctx.is_word(nxt) and ctx.ent_at[nxt] is None and ctx.tmx_at[nxt] is None and ctx.tokens[nxt].definite:
        return None
    for s, _, e in reversed(entity_spans(ctx, 0, m.i)):
        words = normalize_word(e.canonical).split()
        if e.label == "ORG" and words and words[0] in (head, head[2:]) and not _governed(ctx, s):
            return e  # not one named in passing behind a preposition (معادلة لجنة المعادلات بوزارة التعليم)
    return None


def _unnamed_subject(ctx: Context, k: int, lex: Lexicon) -> bool:
    """An indefinite noun for unnamed people right after the verb (times skipped), no entity on it."""
    while k < len(ctx.tokens) and ctx.tmx_at[k] is not None:
        k += 1
    return ctx.is_word(k) and ctx.ent_at[k] is None and not ctx.tokens[k].clitic \
        and ctx.tokens[k].norm in lex.cues["unnamed_subjects"]


def _title_subject(ctx: Context, k: int) -> bool:
    """A definite noun right after the verb (times skipped) that no entity covers: a title standing as subject."""
    while k < len(ctx.tokens) and ctx.tmx_at[k] is not None:
        k += 1
    if not ctx.is_word(k) or ctx.ent_at[k] is not None:
        return False
    return ctx.tokens[k].definite


def _history(ctx: Context, k: int, m: Mention) -> bool:
    """A date years before publication that does not stand by a trigger noun: it dates something the sentence
    recalls (الاحتفالات بالذكرى الخمسين لحرب 1973، ندوة عن انتخابات 2013), not the happening reported. A verb
    reports its own past (اعتقل عام 2002)."""
    t = ctx.tmx_at[k]
    published = ctx.doc.published.value
    if m.pos != "noun" or t is None or not published or not (t.value or "")[:4].isdigit() \
            or t.type not in ("DATE", "TIME"):
        return False
    if int(t.value[:4]) >= int(published[:4]) - 1:
        return False
    first = k
    while first > 0 and ctx.tmx_at[first - 1] is t:
        first -= 1
    last = k
    while last + 1 < len(ctx.tokens) and ctx.tmx_at[last + 1] is t:
        last += 1
    gap = first - m.j if first >= m.j else m.i - last - 1
    return gap > _HISTORY_REACH


def offset_duration(ctx: Context, k: int, lex: Lexicon) -> bool:
    """The timex at token k is a duration that says no time of the event: a vague one (أيام، ساعات، سنوات طويلة:
    value with X) or one that only offsets another time (قبل نحو شهر من، بعد ساعات من، قبله بشهر)."""
    t = ctx.tmx_at[k]
    if t is None or t.type != "DURATION":
        return False
    if t.value is None or "X" in t.value:
        return True
    first = k
    while first > 0 and ctx.tmx_at[first - 1] is t:
        first -= 1
    lo, _ = ctx.sentence_of(k)
    offsets = lex.cues["offset_words"]
    return any(ctx.stems(r) & offsets for r in range(max(lo, first - 2), first + 1) if ctx.tokens[r].kind == "word")


def _since(ctx: Context, k: int, lex: Lexicon) -> bool:
    """The timex at token k follows منذ (or holds it): since when a state lasts (مدرب المنتخب منذ العام 2012،
    المعتقل منذ سنوات), said of the speaker's post or a situation, not when the words were said."""
    t = ctx.tmx_at[k]
    first = k
    while first > 0 and ctx.tmx_at[first - 1] is t:
        first -= 1
    since = lex.cues["since_words"]
    return bool(ctx.stems(first) & since) or first > 0 and bool(ctx.stems(first - 1) & since)


def statement_time(ctx: Context, m: Mention, lex: Lexicon) -> list[str]:
    """Timexes between the verb and what is said, or right before the verb; none that recurs (كل عام: a SET
    dates no single act of saying) or that tells since when (منذ 2012: the speaker's post, `_since`)."""
    def dating(a: int, b: int) -> list[str]:
        """Timexes in [a, b) that can date one act of saying."""
        return [t.id for k in range(a, b) if (t := ctx.tmx_at[k]) is not None and not offset_duration(ctx, k, lex)
                and t.type != "SET" and not _since(ctx, k, lex)]

    end = _clause_forward(ctx, m.i, lex.cues["speaker_titles_stop"], asides=True)
    ids = dating(m.j, end)
    lo, _ = ctx.sentence_of(m.i)
    # a verb opening with و or ف starts a clause of its own: a date before its comma ends the clause before
    # (ويصر فلان على تعيينه قبل سبتمبر، وأشار الوزير); one fronted to a verb without it is its own (الأحد، قال)
    joined = ctx.tokens[m.i].clitic.startswith(("و", "ف"))
    for k in range(m.i - 1, max(lo, m.i - 3) - 1, -1):
        t = ctx.tmx_at[k]
        if t is not None:
            if not offset_duration(ctx, k, lex) and t.type != "SET":
                ids.insert(0, t.id)
            break
        if ctx.tokens[k].kind == "word" and ctx.ent_at[k] is None or joined and ctx.tokens[k].norm == ",":
            break
    # أصدرت الوزارة اليوم بيانا قالت فيه: the words were said when the statement was issued
    noun = _issued_noun(ctx, m, lex) if m.pos == "verb" else None
    verb = None if noun is None else _issuing_verb(ctx, noun, lex)
    if verb is not None:
        ids[:0] = dating(verb + 1, noun)
    return list(dict.fromkeys(ids))


def statement_place(ctx: Context, m: Mention, lex: Lexicon) -> list[str]:
    """Places where the words were said: a place behind في/ب/أمام between the verb and what is said
    (وقال فلان أمام حشد في أنقرة إن ...)."""
    if m.pos != "verb":
        return []
    end = _clause_forward(ctx, m.i, lex.cues["speaker_titles_stop"] - _PLACE_PATH)
    # not a place of the speaker's description (الباحث، الذي عمل سنوات في القاهرة، ...); one that
    # describes the setting goes on (أمام جمع من مؤيديه الذين احتشدوا في الساحة بتونس)
    end = _subordinate_from(ctx, m.j, end, lex.cues["subordinators"])
    rel = _subordinate_from(ctx, m.j, end, lex.cues["relative_pronouns"])
    if not any(ctx.tokens[k].norm in _SAID_AT for k in range(m.j, rel)):
        end = rel
    return list(dict.fromkeys(e.id for s, _, e in entity_spans(ctx, m.j, end) if e.label == "LOC"
                              and (_governed(ctx, s) in _SAID_AT or _place_word_before(ctx, s, lex))
                              and not _seat(ctx, s, lex)))


def _seat(ctx: Context, s: int, lex: Lexicon) -> bool:
    """The place at s, behind its preposition, comes straight after a body's name: the body's seat, part of
    the speaker's description (عضو الهيئة الخيرية في عمّان، أستاذ بجامعة العلوم بلندن), not where the words
    were said; unless that body is itself the setting (قال أمام البرلمان في عمّان), not a title's
    (أستاذ بجامعة العلوم بلندن)."""
    k = s - 1 if ctx.tokens[s].preposition or ctx.ent_at[s].start > ctx.tokens[s].start else s - 2
    if k < 0:
        return False
    body = ctx.ent_at[k]
    if body is None or body.label != "ORG":
        return False
    first = k
    while first > 0 and ctx.ent_at[first - 1] is body:
        first -= 1
    if _governed(ctx, first) not in _SAID_AT:
        return True
    k = first - 1 if ctx.tokens[first].preposition else first - 2
    for r in range(k, max(-1, k - _TITLE_REACH), -1):  # أستاذ الطب بجامعة: a title of a few words
        if not ctx.is_word(r) or ctx.ent_at[r] is not None:
            return False
        if ctx.stems(r) & _speaker_titles(lex):
            return True
    return False


def _subordinate_from(ctx: Context, lo: int, hi: int, openers: frozenset[str]) -> int:
    """The first token in [lo, hi) that opens a clause of its own (بينما، عندما، حيث كان; with relative pronouns
    also الذي، التي), outside any name; hi when none."""
    return next((k for k in range(lo, hi) if ctx.ent_at[k] is None and ctx.tokens[k].norm in openers), hi)


def quote_span(ctx: Context, m: Mention) -> Span | None:
    """The quoted words after a statement verb, else what follows a colon or إن/أن."""
    _, hi = ctx.sentence_of(m.i)
    k = m.j
    while k < hi:
        tok = ctx.tokens[k]
        if tok.norm == '"':
            for q in range(k + 1, hi):
                if ctx.tokens[q].norm == '"' and q > k + 1:
                    a, b = ctx.tokens[k + 1].start, ctx.tokens[q - 1].end
                    return Span(text=ctx.doc.raw[a:b], start=a, end=b)
            break
        if tok.norm in (":", "ان", "انه", "انها", "بان") and k + 1 < hi:
            a, b = ctx.tokens[k + 1].start, ctx.tokens[hi - 1].end
            if ctx.tokens[hi - 1].kind == "punct" and hi - 2 > k:
                b = ctx.tokens[hi - 2].end
            return Span(text=ctx.doc.raw[a:b], start=a, end=b)
        k += 1
    return None


def _entity_owner(ctx: Context, s: int, anchors: list[int], lex: Lexicon) -> int:
    """The anchor an entity at token s belongs to: the nearest trigger before it in its clause (asides in
    brackets skipped) when a preposition or a place word governs it (افتتحت القمة الأحد في السعودية غداة
    الضربات: the place is the summit's; في مسيرة في العاصمة عمان باتجاه ...: the march's), else the nearest
    one either side."""
    if len(anchors) == 1:  # the sentence's only trigger, whichever way it is found
        return anchors[0]
    if _governed(ctx, s) or _place_word_before(ctx, s, lex):
        before = [a for a in anchors if a < s and not any(ctx.tokens[k].norm in _CLAUSE_END for k in range(a, s))]
        if before:
            return max(before)
    return _owner(s, anchors)


def _owner(i: int, anchors: list[int]) -> int:
    """The anchor token nearest to token i; a tie goes to the one before it: what follows a trigger tells of it
    (حفل في القصر، مساء الاثنين، في ختام جولته: the evening is the party's)."""
    if len(anchors) == 1:  # most sentences hold one trigger: it owns every token
        return anchors[0]
    return min(anchors, key=lambda a: (abs(a - i), a > i))


def _owned(anchors: list[int], a: int, lo: int, hi: int) -> range:
    """Tokens of [lo, hi) whose nearest anchor (`_owner`) is a: the stretch from just after halfway to the
    anchor before (a token just halfway goes to that one) to halfway to the one after (there it goes to a). Computed
    from a's neighbours instead of asking `_owner` token by token; `anchors` ascend, as mentions do."""
    if a not in anchors:
        return range(0)
    p = anchors.index(a)
    start = (anchors[p - 1] + a) // 2 + 1 if p > 0 else lo
    end = (a + anchors[p + 1]) // 2 + 1 if p + 1 < len(anchors) else hi
    return range(max(lo, start), min(hi, end))


def attach(ctx: Context, m: Mention, draft: Draft, anchors: list[int], lex: Lexicon) -> None:
    """Fill `draft` from mention m's sentence; `anchors` are the sentence's non-statement triggers."""
    lo, hi = ctx.sentence_of(m.i)
    if draft.type == "statement":
        return
    draft.backdrop = draft.backdrop or len(draft.mentions) == 1 and _time_reference(ctx, m, lex)
    mine = _owned(anchors, m.i, lo, hi)
    draft.add("time", list(dict.fromkeys(t.id for k in ctx.timed_in(mine) if (t := ctx.tmx_at[k]) is not None
                                         and abs(k - m.i) <= _reach(t) and not offset_duration(ctx, k, lex)
                                         and not _history(ctx, k, m) and not _in_quotes(ctx, m, k)
                                         and not _age(ctx, t, lex) and t.type != "SET")))
    own = _apposed_dates(ctx, m)
    if own and set(own) <= set(draft.time):
        draft.time = own  # احتجاجات 2019: the happening's own date; the sentence's others date its clause
    draft.close_time = [t for t in draft.time if _close(ctx, m, t)]
    cut = min(_subordinate_from(ctx, m.j, hi, lex.cues["subordinators"]), _said_after(ctx, m, lo, hi, lex))
    # a clause of its own after the trigger (بينما كان عائدا إلى بيته في بيروت) tells of something else
    # a name inside quoted words opened between it and the trigger is the speaker's, not the happening's
    # (مؤتمر صحفي قال فيه "سنلتقي الوزير فلان في عمّان"); a name quoted on its own ("جمعية النور") is no words
    quoted = any(ctx.tokens[k].norm == '"' for k in range(lo, cut))  # most sentences quote nothing: skip the test
    spans = [sp for sp in entity_spans(ctx, lo, cut) if _entity_owner(ctx, sp[0], anchors, lex) == m.i
             and not (quoted and _in_quotes(ctx, m, sp[0]) and not (sp[0] > 0 and _quoted_name(ctx, sp[0] - 1)))]
    cue_org, cue_part = lex.cues["organizer_cues"], lex.cues["participant_cues"]
    cue_any = cue_org | cue_part
    targets = draft.type == "attack" and event_subject(ctx, m, lex)
    taken: set[str] = set()
    heading: list[str] = []
    holder = _body_after(ctx, m)
    agent = _agent(ctx, m, lo, lex)
    undergoer = _relative_object(ctx, m, lo, lex)
    if undergoer is not None and undergoer.label in ("PER", "ORG", "LOC"):
        draft.add("participants", [undergoer.id])  # فلان، الذي اعتقلته الشرطة: the one the verb's pronoun is
    for s, _, e in spans:
        if e.id in taken:
            continue
        if s == agent and e.label in ("PER", "ORG", "LOC"):
            # قيام الشرطة باعتقال الناشط، الجيش قام بقصف المواقع: who carries the happening out
            draft.add("participants" if draft.type in _PARTICIPANT_SUBJECT_TYPES else "organizers", [e.id])
            taken.add(e.id)
            continue
        gov = _governed(ctx, s)
        cue = cue_before(ctx, s, lo, cue_any)
        modifier = qualifies_noun(ctx, s, m.j if s >= m.j else lo, lex)
        if e.label == "LOC" and _about(ctx, s, lo, lex):
            continue  # لمناقشة الوضع في سوريا: the place the event is about, not where it happens
        if s == holder and draft.type in _HELD_TYPES:
            draft.add("organizers", [e.id])  # القمة السنوية لجامعة الدول العربية: the body whose summit it is
            taken.add(e.id)
            continue
        if e.label == "LOC" and _heading(ctx, s):
            heading.append(e.id)
            continue
        if e.label == "LOC" and (gov in _PLACE_PREPS or _place_word_before(ctx, s, lex)):
            # شارك المئات في وقفة قرب السفارة، ندوة نظمها في مدينة الوادي: a place, whatever cue came before;
            # with the places joined to it (من مدن تالة والقصرين وفريانة)
            places = _place_list(ctx, s, hi, e)
            draft.add("location", places)
            taken.update(places)
        elif cue in cue_org and not modifier:
            group = entity_list(ctx, s, hi, e)
            # a visit at someone's invitation (زيارة إلى الأردن تلبية لدعوة من الملك ...): the host takes part
            slot = "participants" if draft.type == "visit" else "organizers"
            draft.add(slot, [x.id for x in group if x.label != "MISC"])
            taken.update(x.id for x in group)
        elif cue in cue_part and (cue not in ("مع", "بين") or draft.type in ("meeting", "agreement", "conference",
                                                                              "visit") and _sides_of(ctx, m, s)):
            group = entity_list(ctx, s, hi, e)
            draft.add("participants", [x.id for x in group if x.label in ("PER", "ORG", "LOC")])
            taken.update(x.id for x in group)
        elif e.label == "LOC" and (gov in _PLACE_PREPS or gov in _TARGET_PREPS and draft.type == "attack"
                                   or _place_word_before(ctx, s, lex)):
            places = _place_list(ctx, s, hi, e)
            draft.add("location", places)
            taken.update(places)
        elif e.label == "LOC" and draft.type == "attack" and m.pos == "verb" and s >= m.j and _site(e, lex):
            draft.add("location", [e.id])  # استهدفت الطائرات محطة كهرباء ...: a site is struck, it strikes nothing
        elif e.label == "LOC" and targets and s >= m.j:
            draft.add("location", [e.id])  # استهدفت العملية الأولى مطار اللد: the target is where it struck
        elif e.label == "LOC" and draft.type == "visit" and m.pos == "verb" and s >= m.j and not gov \
                and not modifier:
            # زار الوزير الأردن، وصلت البعثة لندن: a visit verb's place without a preposition is where it goes
            draft.add("location", [e.id])
            taken.add(e.id)
        elif e.label in ("PER", "ORG", "LOC") and not gov and not modifier and _is_subject_of(ctx, s, m) \
                and not (targets and s >= m.j):
            group = entity_list(ctx, s, hi, e, gap=0)
            if draft.type == "visit" and m.pos == "verb":
                # the visitor and the place visited run together (زار الوزير فلان الأردن): the place is where
                places = [x for x in group[1:] if x.label == "LOC"]
                draft.add("location", [x.id for x in places])
                taken.update(x.id for x in places)
                group = [x for x in group if x not in places]
            slot = "participants" if draft.type in _PARTICIPANT_SUBJECT_TYPES or m.verb not in _SUBJECT_VERBS_ORG \
                else "organizers"
            if draft.type == "meeting" and m.noun is not None and m.verb in _SUBJECT_VERBS_ORG:
                slot = "organizers"  # عقد المجلس جلسة: who convenes a meeting holds it
            elif draft.type == "protest" and e.label == "ORG":
                slot = "organizers"  # تظاهرت الجماعة: a body that marches calls the march
            if draft.type == "attack" and m.pos == "verb":
                # a person right by an attack verb suffers it (اعتقل الصحفي فلان: unvowelled passive);
                # armies, groups and states carry attacks out
                slot = "participants" if m.verb in lex.cues["victim_verbs"] or e.label == "PER" else "organizers"
            draft.add(slot, [x.id for x in group])
            taken.update(x.id for x in group)
        elif draft.type == "attack" and e.label == "PER" and s > m.i:
            draft.add("participants", [e.id])
        elif draft.type in ("meeting", "visit") and e.label == "PER" and s > m.i and m.pos == "verb":
            draft.add("participants", [e.id])
        elif draft.type == "visit" and e.label == "PER" and m.pos == "noun" and s >= m.j \
                and _titles_only(ctx, m.j, s, lex):
            draft.add("participants", [e.id])  # زيارة صاحب السمو الأمير فلان: the one whose visit it is
    _name_and_slogan(ctx, m, draft, lex)
    if not draft.location and not m.definite and draft.name is None:
        # the country a round-up's part is headed by, where no town is named, for a happening the line reports
        # (احتفالات شعبية), not one it recalls by name or with ال (عملية طوفان الأقصى، الهجوم)
        draft.add("location", heading)
    if draft.heading is None and heading:
        draft.heading = heading[0]
    if draft.attendance is None and draft.type in ("conference", "protest", "ceremony"):
        draft.attendance = _attendance(ctx, lo, hi, lex)


def _said_after(ctx: Context, m: Mention, lo: int, hi: int, lex: Lexicon) -> int:
    """The first colon after the trigger when a statement verb stands before the trigger (وقال في مؤتمر صحفي
    عقده أمس: التقينا الوزير فلان في عمّان): what follows is the words said, whose names are not the
    gathering's; hi when there is none. A colon with no verb of saying before it opens a list (بمشاركة: فلان)."""
    colon = next((k for k in range(m.j, hi) if ctx.tokens[k].norm == ":"), hi)
    if colon == hi:
        return hi
    for k in range(lo, m.i):
        if ctx.is_word(k) and any(sense.type == "statement" and sense.pos == "verb"
                                  for w in ctx.stems(k) for sense in lex.senses.get(w, ())):
            return colon
    return hi


def _time_reference(ctx: Context, m: Mention, lex: Lexicon) -> bool:
    """A happening named with ال to date what its clause tells (وقبل اعتقاله، كان لديه ابنتان؛ بعد الهجوم
    بساعات)."""
    if m.pos != "noun" or not m.definite or m.i == 0:
        return False
    tok = ctx.tokens[m.i]
    if tok.preposition:
        return False  # بالهجوم، للاعتقال: another preposition on the noun itself
    prev = ctx.tokens[m.i - 1].norm
    prev = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 3 else prev
    return prev in lex.cues["relative_time_preps"]


_HELD_TYPES = frozenset({"conference", "ceremony", "campaign", "meeting"})
"""Happenings a body holds as its own (مؤتمر الحزب، القمة السنوية لجامعة الدول العربية، حملة النقابة)."""
_EPITHET_REACH = 2
"""Adjectives that may stand between an event noun and the body it belongs to (القمة العربية السنوية ل...)."""


def _body_after(ctx: Context, m: Mention) -> int:
    """Token of a body (ORG) governed by ل right after the event noun, over its adjectives (القمة السنوية
    لجامعة الدول العربية، الاجتماع الدوري للمجلس): -1 when none."""
    noun = m.noun if m.noun is not None else m.i
    if m.pos == "verb" and m.verb in _SUBJECT_VERBS_ORG and ctx.is_word(m.j) and ctx.ent_at[m.j] is None \
            and ctx.tokens[m.j].definite and not ctx.tokens[m.j].clitic:
        noun = m.j  # عقدت الهيئة المديرة لمهرجان قرطاج: the body the subject's head belongs to holds it
    elif m.pos != "noun" and m.noun is None:
        return -1
    k = noun + 1
    for _ in range(_EPITHET_REACH + 1):
        if k >= len(ctx.tokens):
            return -1
        e = ctx.ent_at[k]
        if e is not None:
            # a festival (MISC) has a board that holds its events: الهيئة المديرة لمهرجان قرطاج
            ok = e.label == "ORG" or e.label == "MISC" and noun == m.j
            return k if ok and _governed(ctx, k) == "ل" else -1
        tok = ctx.tokens[k]
        if not (tok.kind == "word" and tok.definite == ctx.tokens[noun].definite and not tok.clitic
                and ctx.tmx_at[k] is None):
            return -1
        k += 1
    return -1


_CALL_PREPS = frozenset(normalize_word(w) for w in ("إلى", "الى"))
_AGENT_GAP = 3
"""Words that may stand between the verb قام and the event noun it takes with ب (قام أيضا مساء أمس بقصف)."""


def _agent(ctx: Context, m: Mention, lo: int, lex: Lexicon) -> int:
    """First token of the one who carries out or calls an event noun: one governed by ب after قام/قيام (قيام
    الشرطة باعتقال الناشط، قامت البلدية بحملة، الجيش قام بقصف المواقع), or by إلى after دعا (دعت الرابطة
    إلى وقفة أمام الوزارة): the name right after the verb, else the name right before it; -1 when the noun is
    not so governed."""
    if m.pos != "noun":
        return -1
    if ctx.tokens[m.i].preposition.startswith("ب"):
        verbs = lex.cues["agent_verbs"]
    elif m.i > lo and ctx.tokens[m.i - 1].norm in _CALL_PREPS:
        verbs = lex.cues["call_verbs"]
    else:
        return -1
    k, words = m.i - 1, 0
    while k >= lo and not ctx.stems(k) & verbs:
        if ctx.ent_at[k] is None and ctx.tmx_at[k] is None:
            if ctx.tokens[k].norm in _CLAUSE_PUNCT:
                return -1
            words += ctx.tokens[k].kind == "word"
            if words > _AGENT_GAP:
                return -1
        k -= 1
    if k < lo:
        return -1
    if ctx.ent_at[k + 1] is not None and not _governed(ctx, k + 1):
        return k + 1
    e = ctx.ent_at[k - 1] if k > lo else None
    if e is None or ctx.tokens[k].clitic:
        return -1  # وقام بقصف: the verb opens a clause of its own, no name before it is its subject
    s = k - 1
    while s > lo and ctx.ent_at[s - 1] is e:
        s -= 1
    return s


def _relative_object(ctx: Context, m: Mention, lo: int, lex: Lexicon) -> Entity | None:
    """The name a relative clause hangs on when its verb, the trigger, has an object pronoun (فلان، الذي
    اعتقلته الشرطة قبل عامين): the pronoun is that name, the one the happening befell."""
    if m.pos != "verb" or m.noun is not None or m.i - 1 <= lo:
        return None
    norm = ctx.tokens[m.i].norm
    if norm == m.verb or not norm.endswith(("ه", "ها", "هم", "هن")) or m.verb.endswith(norm[-1]):
        return None
    if ctx.tokens[m.i - 1].norm not in lex.cues["relative_pronouns"]:
        return None
    k = m.i - 2
    if ctx.tokens[k].norm == "," and k > lo:
        k -= 1
    return ctx.ent_at[k]


def affiliation(ctx: Context, s: int, lex: Lexicon) -> bool:
    """The body at s is part of a person's title, not a party of its own: a title before it and the person's
    name right after it (أمين عام الرابطة فلان) or right before the title (الدكتور فلان رئيس جامعة
    المدينة)."""
    e = ctx.ent_at[s]
    if e is None or e.label != "ORG" or s == 0:
        return False
    titles = _speaker_titles(lex)
    k = s - 1
    if ctx.tokens[k].norm in ("عام", "العام") and k > 0:
        k -= 1  # أمين عام
    if ctx.ent_at[k] is not None or not ctx.stems(k) & titles:
        return False
    end = s
    while end < len(ctx.tokens) and ctx.ent_at[end] is e:
        end += 1
    after = ctx.ent_at[end] if end < len(ctx.tokens) else None
    before = ctx.ent_at[k - 1] if k > 0 else None
    return after is not None and after.label == "PER" or before is not None and before.label == "PER"


def _titles_only(ctx: Context, lo: int, hi: int, lex: Lexicon) -> bool:
    """Tokens [lo, hi) are words of rank and address only (صاحب السمو الملكي الأمير), none with a clitic."""
    words = _rank_words(lex)
    return all(ctx.tokens[k].kind == "word" and ctx.ent_at[k] is None and ctx.stems(k) & words
               and not ctx.tokens[k].clitic for k in range(lo, hi))


def _place_list(ctx: Context, s: int, hi: int, e: Entity) -> list[str]:
    """The place at s and the places joined straight to it by و or commas (في الأردن واليمن)."""
    out: list[str] = []
    for x in entity_list(ctx, s, hi, e, gap=0):
        if x.label != "LOC":
            break
        out.append(x.id)
    if not out:
        return out
    last = ctx.entities[out[-1]]
    return out + _bracketed_places(ctx, ctx.token_range(last.start, last.end).stop, hi)


_BRACKET_LINKS = frozenset({"/", ",", "و", "-"})


def _bracketed_places(ctx: Context, k: int, hi: int) -> list[str]:
    """The places in brackets right after a place, nothing else in them (بجبل الريح (الوادي/الشمال)): the region
    it lies in, where the happening is too."""
    if k >= hi or ctx.tokens[k].norm != "(":
        return []
    out: list[str] = []
    k += 1
    while k < hi and ctx.tokens[k].norm != ")":
        e = ctx.ent_at[k]
        if e is not None and e.label == "LOC":
            if e.id not in out:
                out.append(e.id)
        elif e is not None or ctx.tokens[k].norm not in _BRACKET_LINKS:
            return []
        k += 1
    return out if k < hi else []


_SIDES_REACH = 3
"""Words between a meeting's trigger and the مع/بين that names its sides (لقاء ثنائي مع، اتفاق السلام بين)."""


def _sides_of(ctx: Context, m: Mention, s: int) -> bool:
    """The مع/بين before the entity at s follows the trigger closely: it names the sides (اجتماع مع فلان، القمة
    المرتقبة بين فلان وفلان), not the sides of a border or a war the clause also tells of (لبحث الوضع على الحدود
    بين غزة وإسرائيل)."""
    k = s - 1
    while k > m.i and ctx.tokens[k].norm not in _LIST_PREPS and not (ctx.stems(k) & _LIST_PREPS):
        k -= 1
    if k <= m.i:
        return True  # the cue is on the entity itself (بفلان) or before the trigger
    end = m.noun + 1 if m.noun is not None else m.j
    words = sum(1 for r in range(end, k) if ctx.tokens[r].kind == "word" and ctx.ent_at[r] is None
                and ctx.tmx_at[r] is None)
    return words <= _SIDES_REACH


def _site(e: Entity, lex: Lexicon) -> bool:
    """A place whose name opens with a kind of site (مطار بن غوريون، محطة كهرباء الخضيرة)."""
    words = normalize_word(e.canonical).split()
    return bool(words) and words[0] in lex.cues["facility_heads"]


def _heading(ctx: Context, s: int) -> bool:
    """A place name that opens a line and runs straight into a clause (لبنان شهدت المخيمات احتفالات ...، اليمن
    تظاهر مئات اليمنيين): the heading of a round-up by country, where what the line tells happened."""
    e = ctx.ent_at[s]
    if e is None or s == 0 or "\n" not in ctx.doc.raw[ctx.tokens[s - 1].end:e.start]:
        return False
    k = s
    while k < len(ctx.tokens) and ctx.ent_at[k] is e:
        k += 1
    return ctx.is_word(k) and ctx.ent_at[k] is None and ctx.tmx_at[k] is None \
        and "\n" not in ctx.doc.raw[e.end:ctx.tokens[k].start]


def _age(ctx: Context, t: Timex, lex: Lexicon) -> bool:
    """A decade or number of years followed by من عمره (في العقد السادس من عمره), or years set between commas
    right after a name (فلان، 26 عاما، نفذ): someone's age, no date."""
    ks = ctx.token_range(t.start, t.end)
    k = ks[-1] + 1 if ks else len(ctx.tokens)
    if k + 1 < len(ctx.tokens) and ctx.tokens[k].norm == "من" and bool(ctx.stems(k + 1) & lex.cues["age_words"]):
        return True
    first = ks[0] if ks else k
    return t.type == "DURATION" and (t.value or "").endswith("Y") and 1 < first < k < len(ctx.tokens) \
        and ctx.tokens[first - 1].norm == "," and ctx.tokens[k].norm == "," and ctx.ent_at[first - 2] is not None \
        and ctx.ent_at[first - 2].label == "PER"


def _in_quotes(ctx: Context, m: Mention, k: int) -> bool:
    """Token k stands inside a quotation opened between it and the trigger (مؤتمر صحفي ...، "إن الوزارة بدأت
    سنة 2010 خطتها"): a date of the words quoted, not of the happening."""
    lo, _ = ctx.sentence_of(k)
    if sum(1 for r in range(lo, k) if ctx.tokens[r].norm == '"') % 2 == 0:
        return False  # outside quotes (after a quoted name: مع "منتدى الشباب" الذي عقد قبل أيام)
    a, b = (m.j, k) if k >= m.j else (k + 1, m.i)
    return any(ctx.tokens[r].norm == '"' for r in range(a, b))


def _reach(t: Timex) -> int:
    """How far from the trigger a timex may stand to date the event."""
    loose = t.type == "DURATION" or (t.value or "").endswith("_REF")
    return _LOOSE_REACH if loose else _TIME_REACH


_APPOSED_REACH = 2
"""Words (adjectives, a name) that may stand between an event noun and the date that names it (الانتخابات
البلدية عام 2018)."""
_DATE_LINKS = frozenset(normalize_word(w) for w in ("و", "أو", "في"))
"""Words that join a second date to the first (هذا الشهر أو في يونيو)."""


def _apposed_dates(ctx: Context, m: Mention) -> list[str]:
    """The dates that follow an event noun as part of its naming phrase (احتجاجات 2019، الانتخابات البلدية عام
    2018، معاهدة السلام عام 1979، القمة المرتقبة هذا الشهر أو في يونيو): ids of the DATE timexes, the first
    with only adjectives or a name before it (no preposition, no punctuation), the rest joined to it by و/أو;
    none for a verb."""
    if m.pos != "noun" or m.noun is not None:
        return []
    k, words = m.j, 0
    while k < len(ctx.tokens) and ctx.tmx_at[k] is None:
        tok = ctx.tokens[k]
        if ctx.ent_at[k] is None:
            if tok.kind != "word" or tok.clitic or tok.norm in _PREPS:
                return []
            words += 1
            if words > _APPOSED_REACH:
                return []
        k += 1
    out: list[str] = []
    while k < len(ctx.tokens) and (t := ctx.tmx_at[k]) is not None and t.type == "DATE":
        out.append(t.id)
        while k < len(ctx.tokens) and ctx.tmx_at[k] is t:
            k += 1
        r = k
        while r < len(ctx.tokens) and ctx.tmx_at[r] is None and ctx.tokens[r].norm in _DATE_LINKS and r - k < 2:
            r += 1
        if r == k:
            break
        k = r
    return out


def _close(ctx: Context, m: Mention, tid: str) -> bool:
    """The timex stands within _CLOSE_REACH tokens of the trigger, no clause punctuation between (الانتخابات
    المقررة في 20 أغسطس), not further on in the clause (... تأخير الانتخابات منذ مارس الماضي حين ...)."""
    t = ctx.timexes[tid]
    ks = list(ctx.token_range(t.start, t.end))
    if not ks:
        return False
    a, b = (m.j, ks[0]) if ks[0] >= m.j else (ks[-1] + 1, m.i)
    return b - a <= _CLOSE_REACH and not any(ctx.tokens[k].norm in _CLAUSE_PUNCT for k in range(a, b))


def _about(ctx: Context, s: int, lo: int, lex: Lexicon) -> bool:
    """A topic word (لمناقشة، بشأن، الوضع) among the three words before the entity at s, no entity between."""
    for k in range(s - 1, max(lo, s - 4) - 1, -1):
        if ctx.ent_at[k] is not None or ctx.tokens[k].norm in _CLAUSE_PUNCT:
            return False
        if ctx.stems(k) & lex.cues["topic_cues"]:
            return True
    return False


def event_subject(ctx: Context, m: Mention, lex: Lexicon) -> bool:
    """A verb whose subject is an event noun with ال (استهدفت العملية الأولى، وأسفر الهجوم): it tells more of
    a happening already named, and the names after it are what it struck."""
    if m.pos != "verb":
        return False
    k = m.j
    while k < len(ctx.tokens) and ctx.tmx_at[k] is not None:
        k += 1
    return ctx.is_word(k) and ctx.ent_at[k] is None and ctx.tokens[k].definite \
        and bool(ctx.stems(k) & lex.cues["event_subject_words"])


def cue_before(ctx: Context, s: int, lo: int, cues: frozenset[str]) -> str:
    """The organizer/participant cue governing the entity at s, looking back over titles."""
    for k in range(s - 1, max(lo, s - 5) - 1, -1):
        tok = ctx.tokens[k]
        hit = ctx.stems(k) & cues
        if hit:
            return _longest(hit)
        if tok.kind == "punct" and tok.norm not in (",", '"'):
            return ""  # a name in quotes (كل من "الائتلاف العالمي") is still governed
        if ctx.ent_at[k] is not None or k == s - 1 and tok.norm in _PREPS - _LIST_PREPS:
            return ""  # لقاء مع شباب نقلا عن الوكالة: the source, behind a preposition of its own
    stems = ctx.stems(s)
    hit = stems & cues
    return _longest(hit) if hit and ctx.tokens[s].clitic else ""


def _longest(words: frozenset[str] | set[str]) -> str:
    """The longest cue, ties broken alphabetically: set order varies between processes."""
    return max(words, key=lambda w: (len(w), w))


def _place_word_before(ctx: Context, s: int, lex: Lexicon) -> bool:
    """A place word right before the name (مدينة، منطقة), or a list's opening (في مدن عدة ومن بينها، ...):
    the name is a place where it happens, as if a preposition governed it."""
    if s == 0 or ctx.ent_at[s - 1] is not None:
        return False
    if ctx.stems(s - 1) & lex.cues["location_preps"]:
        return True
    k = s - 2 if ctx.tokens[s - 1].norm in (",", ":") else s - 1
    return k >= 0 and ctx.ent_at[k] is None and bool(ctx.stems(k) & lex.cues["list_intros"])


_AMMA = normalize_word("أما")


def _is_subject_of(ctx: Context, s: int, m: Mention) -> bool:
    """The entity right after a verb trigger (only titles between) or right before it."""
    if m.pos != "verb":
        return False
    if s >= m.j:
        words = sum(1 for k in range(m.j, s) if ctx.tokens[k].kind == "word" and ctx.ent_at[k] is None
                    and ctx.tmx_at[k] is None)
        punct = any(ctx.tokens[k].norm in _CLAUSE_PUNCT and ctx.tokens[k].norm != '"' for k in range(m.j, s))
        return words <= 3 and not punct
    # أما فلان (...) فاعتقل في الميناء: the topic أما sets up is the subject of the verb its ف opens
    if s > 0 and ctx.tokens[s - 1].norm == _AMMA and ctx.tokens[m.i].clitic.startswith("ف") \
            and not any(ctx.tokens[k].norm in _CLAUSE_END for k in range(s, m.i)):
        return True
    # A verb that opens with و or ف starts a clause of its own (تركيا وتجمع مئات: a dateline, then the news);
    # a name on the line above is a heading (اليمن / تظاهر مئات اليمنيين في صنعاء), no subject.
    e = ctx.ent_at[s]
    return m.i - s <= 2 and not ctx.tokens[m.i].clitic.startswith(("و", "ف")) \
        and (e is None or "\n" not in ctx.doc.raw[e.end:ctx.tokens[m.i].start])


def _name_and_slogan(ctx: Context, m: Mention, draft: Draft, lex: Lexicon) -> None:
    raw = ctx.doc.raw
    noun = m.noun if m.noun is not None else m.i
    n = len(ctx.tokens)
    k = noun + (m.j - m.i if m.noun is None else 1)
    if draft.name is None and m.pos == "noun" or m.noun is not None:
        if k < n and ctx.tokens[k].norm == '"':
            for q in range(k + 1, min(n, k + 12)):
                if ctx.tokens[q].norm == '"':
                    if q > k + 1:
                        draft.name = raw[ctx.tokens[noun].stem_start:ctx.tokens[q].end]
                    break
        elif k < n and (e := ctx.ent_at[k]) is not None and e.label == "MISC":
            # A name that begins with an event noun of its own is the event's name as it stands: توقيع |
            # اتفاقية وادي عربة is named اتفاقية وادي عربة, as the agreement itself is.
            own = e.start == ctx.tokens[k].stem_start and not ctx.stems(k).isdisjoint(lex.senses)
            draft.name = e.text if own else raw[ctx.tokens[noun].stem_start:e.end]
        elif draft.type == "campaign":
            for q in range(k, min(n, k + 4)):
                if ctx.tokens[q].kind == "hashtag":
                    draft.name = raw[ctx.tokens[q].start:ctx.tokens[q].end]
                    break
    lo, hi = ctx.sentence_of(m.i)
    if draft.slogan is None:
        for q in range(lo + 1, hi - 1):
            if ctx.tokens[q - 1].norm == "تحت" and ctx.stems(q) & lex.cues["slogan_cues"]:
                draft.slogan = _slogan_text(ctx, q + 1, hi)
                break


def _slogan_text(ctx: Context, k: int, hi: int) -> str | None:
    closers = {'"': '"', "(": ")"}
    if k >= hi:
        return None
    first = ctx.tokens[k].norm
    if first in closers:
        for q in range(k + 1, hi):
            if ctx.tokens[q].norm == closers[first]:
                return ctx.doc.raw[ctx.tokens[k + 1].start:ctx.tokens[q - 1].end].strip() if q > k + 1 else None
        return None
    for q in range(k, hi):
        if ctx.tokens[q].norm in (",", ".", ";", ":"):
            return ctx.doc.raw[ctx.tokens[k].start:ctx.tokens[q - 1].end] if q > k else None
    return ctx.doc.raw[ctx.tokens[k].start:ctx.tokens[hi - 1].end]


def _attendance(ctx: Context, lo: int, hi: int, lex: Lexicon) -> str | None:
    """A count of people or countries: (أكثر من) N noun (من (أكثر من) N دولة)."""
    heads = lex.cues["attendance_heads"]
    units = lex.cues["attendance_units"]
    for k in range(lo, hi):
        tok = ctx.tokens[k]
        if not (tok.norm in heads or tok.kind == "number") or ctx.tmx_at[k] is not None:
            continue
        if k > lo and ctx.tokens[k - 1].norm in heads:
            continue
        q = k
        while q + 1 < hi and (ctx.tokens[q + 1].norm in heads or ctx.tokens[q + 1].kind == "number"
                              or ctx.tokens[q + 1].norm in ("من", "الاف", "الف")):
            q += 1
        vague = any(ctx.tokens[r].norm in _VAGUE for r in range(k, q + 1))
        if q + 1 >= hi or ctx.tokens[q + 1].kind != "word" or ctx.tokens[q + 1].norm == "من" \
                or not (vague or ctx.stems(q + 1) & units):
            continue
        end = q + 1
        if end + 2 < hi and ctx.tokens[end + 1].norm == "من":
            r = end + 2
            while r < hi and (ctx.tokens[r].norm in heads or ctx.tokens[r].norm == "من"
                              or ctx.tokens[r].kind == "number"):
                r += 1
            if r < hi and r > end + 2 and "دوله" in ctx.stems(r):
                end = r
        return ctx.doc.raw[tok.start:ctx.tokens[end].end]
    return None
