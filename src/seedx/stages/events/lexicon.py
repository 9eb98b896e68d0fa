"""The events stage's data files, validated and indexed for matching.

Triggers and cue words are written in ordinary Arabic so that a linguist can
edit them; they are normalized here, once per process, with the same
`normalize_word` the tokens went through, so the two always compare equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from seedx.record import EventType
from seedx.resources import load_json, load_lines
from seedx.stages.normalize import normalize_word

Role = Literal["event", "support", "participle"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class TriggerEntry(_Strict):
    """A group of trigger forms that share a role and context conditions."""

    role: Role
    pos: Literal["noun", "verb"]
    forms: list[str]
    requires_next: list[str] = Field(default_factory=list)
    not_next: list[str] = Field(default_factory=list)
    not_prev: list[str] = Field(default_factory=list)
    not_before_quantity: bool = False
    """Not when a number or a quantity word follows within two words (يصل إلى 142 عاما، لتصل إلى 13.5 مليار)."""
    not_after_quantity: bool = False
    """Not when a number or a quantity word comes right before (مئة ألف توقيع: signatures counted)."""
    requires_entity_next: bool = False
    """Only with a name right after, its subject in the genitive (إعلان اللجنة ...; not بإعلان عدم رغبتها)."""
    not_surface: list[str] = Field(default_factory=list)
    """Whole words that only look like a form with a clitic (وزارة is no و + زار + ه)."""
    requires_later: list[str] = Field(default_factory=list)
    """One of these words must follow within `later_reach` words of the sentence (حمّل فلان الحكومة المسؤولية،
    عبّر الوزير عن): the verb's reading as a statement needs its complement."""
    later_reach: int = 8
    requires_person_next: bool = False
    """Only with a person as subject right after: a person's name, a title or a rank word (وعبّر صاحب السمو
    ...): the same letters are also a preposition (عبر منصة)."""
    article_wide_not_prev: bool = False
    """Once not_prev rules one occurrence out, every occurrence in the article goes (طائرات مسيرة ... المسيرات
    الثلاث الأخرى: drones throughout)."""
    not_later: list[str] = Field(default_factory=list)
    """None of these words may follow within `later_reach` words of the sentence: they make it another sense of
    the verb (طلب فلان من صديقه أن ...: a private request, no statement)."""
    not_written: list[str] = Field(default_factory=list)
    """Spellings, hamza included, of another word that normalizes like a form (أحياء, districts, is no إحياء):
    compared with the raw word, diacritics and proclitics aside."""
    not_number_next: bool = False
    """Not with a number right after (الجولة 35، الجولة الـ32: a round of a league)."""
    not_pronouns: list[str] = Field(default_factory=list)
    """Attached pronouns that make the word another one: an object on an intransitive verb (تجمعه بـ: brings
    him together with, not تجمع, gather) or a person's possessive on a noun (مسيرته: his career)."""


class SupportVerbs(_Strict):
    """Light verbs that lend themselves to the event noun after them."""

    doc: str = Field("", alias="_doc")
    forms: list[str]
    window: int = 6


class TriggerFile(_Strict):
    """triggers.json."""

    doc: str = Field("", alias="_doc")
    types: dict[EventType, list[TriggerEntry]]
    support_verbs: SupportVerbs


class CueFile(_Strict):
    """cues.json."""

    doc: str = Field("", alias="_doc")
    organizer_cues: list[str]
    organizer_skip: list[str]
    participant_cues: list[str]
    gathering_participant_cues: list[str]
    """Words that introduce who takes part in a gathering (كلمة، بإدارة، بحضور), read across the whole article."""
    location_preps: list[str]
    complementizers: list[str]
    planned_markers: list[str]
    ongoing_markers: list[str]
    concluded_markers: list[str]
    slogan_cues: list[str]
    attendance_heads: list[str]
    attendance_units: list[str]
    demonstratives: list[str]
    quantity_words: list[str]
    speaker_titles_stop: list[str]
    speaker_titles: list[str]
    """Words that stand for a person as a statement's subject (الناطق، الوزير، أمين): with ner's titles, they send
    a speaker without a name back to the person that title introduced earlier."""
    subject_relatives: list[str]
    """Words that may stand between a subject and its verb (وقطر التي أكدت، السعودية قد أعلنت)."""
    clause_links: list[str]
    candidate_cues: list[str]
    adverbial_preps: list[str]
    election_body_words: list[str]
    election_body_heads: list[str]
    """First words of a commission's name (اللجنة، الهيئة، المفوضية): with an election word, it runs elections."""
    party_words: list[str]
    """A party's name or its committee (لجنة الانتخابات للحزب): no election commission."""
    event_subject_words: list[str]
    """Event nouns that stand as an attack verb's subject (استهدفت العملية الأولى): the verb tells more of it."""
    topic_cues: list[str]
    """Words that make the place after them what an event is about (لمناقشة الوضع في سوريا)."""
    """Words in the name of a body that runs elections (اللجنة العليا للانتخابات): it organizes the election."""
    """Prepositions after an indefinite accusative masdar that make it a purpose (احتفالا ب، احتجاجا على)."""
    """Words that introduce an election's candidate (المرشح، لمواجهة): read across the whole article."""
    """Words that open a clause going on with the subject before them (حيث جدد، ثم قال)."""
    relative_blockers: list[str]
    """Words before a statement verb that make it a relative or complement clause (الذي تنفيه، أن يعبر)."""
    victim_verbs: list[str]
    """Attack verbs whose subject suffers the attack (استشهد الصحفي ...): it takes part, it does not organize."""
    offset_words: list[str]
    """Words that make a duration an offset from another time (قبل أيام من، بعد ساعات من): no event's time."""
    facility_heads: list[str]
    """First words of a site's name (مطار، محطة، ميناء): a site right after an attack verb is what it struck, a
    place, never who attacked (استهدفت محطة كهرباء ...، قصفت مطار ...)."""
    honorifics: list[str]
    """Words of address and rank before a name (صاحب السمو الملكي الأمير، جلالة الملك، فخامة الرئيس): with
    ner's titles, all that may stand between a visit noun and the visitor (زيارة صاحب السمو الأمير فلان)."""
    unnamed_subjects: list[str]
    """Indefinite nouns for people the article does not name (ويقول خبراء، وقال مسؤول): a statement verb with
    one as subject has no speaker to record."""
    claim_words: list[str]
    """What a body announces doing (أعلنت الجماعة تنفيذ 4 عمليات، أعلنت مسؤوليتها عن الهجوم): it carries out the
    attack its statement names."""
    during_cues: list[str]
    """Words that set a statement within a gathering (قال فلان خلال ندوة، أثناء زيارته، على هامش القمة): the one
    who speaks takes part in it, and says it where and when the gathering is."""
    medium_words: list[str]
    """Media a statement goes out through (في تغريدة، لوكالة، في مقابلة): said there, not at a gathering."""
    agent_verbs: list[str]
    """The verb whose subject carries out the event noun it governs with ب (قام الجيش بقصف، قيام الجهاز باعتقال)."""
    call_verbs: list[str]
    """Verbs of calling people to a happening named after إلى (دعت المجموعة إلى وقفة): the caller organizes it."""
    subordinators: list[str]
    """Words that open a clause of its own (بينما، عندما، بعدما): what follows them is not the trigger's."""
    relative_pronouns: list[str]
    """الذي، التي...: a relative clause describes a name; a place in it is not where words were said."""
    list_intros: list[str]
    """Words that open the list of the places just named in general (في مدن عدة ومن بينها، ...)."""
    age_words: list[str]
    """Words after من that make the years before them an age (في الخمسينيات من عمره), not a date."""
    arrest_words: list[str]
    """Words of an arrest (اعتقل، اعتقال، معتقل): no one organizes it; who arrests and who is arrested take part."""
    candidacy_words: list[str]
    """A candidacy told with a pronoun (ليكون مرشحه، عن ترشحها): the person named before it in its clause runs."""
    list_pronouns: list[str]
    """Pronouns that open the list of those just counted (اثنان من المرشحين، وهما فلان وفلان)."""
    report_verbs: list[str]
    """Verbs of reporting someone's words (نقلت الوكالة عن فلان): the one quoted after عن speaks."""
    response_words: list[str]
    """Words that make the happening after them the one answered (ردا على هجوم، انتقاما لاغتيال): another one."""
    relative_time_preps: list[str]
    """Prepositions that date a clause by a happening told before (وقبل اعتقاله، غداة الضربات): that mention
    brings none of its clause's names or dates."""
    issue_verbs: list[str]
    """Verbs that take a statement noun as object (أصدر بيانا، ألقى كلمة، أدلى بتصريحات): their subject speaks."""
    passive_lights: list[str]
    """Verbs that make the masdar after them a passive report (تم الاشتباك مع، جرى الاتفاق على): its ال marks the
    verbal noun, not a happening told before."""
    participle_blockers: list[str]
    """Prepositions right before a statement participle: they make it a noun (على مضيفه، أمام مضيفه: his host),
    no adverbial of manner (حال)."""
    being_verbs: list[str]
    """Verbs of being before a participle, its subject's name between or not (ستكون الجمعية مطالبة بـ: obliged
    to): the participle is their predicate, no words said."""
    pronoun_complementizers: list[str]
    """إنه، إنها، بأنهم...: a complementizer whose pronoun is the subject of the verb after it; right after a verb
    of saying (قالت الجمعية إنها تدين) that verb's speaker goes on saying the same words, no statement of its own."""
    source_openers: list[str]
    """Words that open an aside naming the source that reports the words (بحسب ما نقلت عنه وكالة، وفق ما
    أوردته الصحيفة): a name after them is the medium, never the speaker."""
    since_words: list[str]
    """Words that start a state lasting until now (منذ): a date after them tells since when the speaker holds
    a post or a state lasts (مدرب المنتخب منذ 2012), not when the words were said."""
    gendered_titles: list[str]
    """Feminine titles of persons (الفنانة، الوزيرة); without their final ة, the masculine ones (الفنان، الوزير).
    Before a name they tell its gender, which a participle (قائلة، قائلا) must agree with."""


@dataclass(frozen=True, slots=True)
class Sense:
    """What one normalized trigger form means."""

    type: EventType
    role: Role
    pos: str
    words: tuple[str, ...]
    """The whole form, word by word (multi-word triggers such as وقف إطلاق النار)."""
    requires_next: frozenset[str]
    not_next: frozenset[str]
    not_prev: frozenset[str] = frozenset()
    not_before_quantity: bool = False
    not_after_quantity: bool = False
    requires_entity_next: bool = False
    not_surface: frozenset[str] = frozenset()
    article_wide_not_prev: bool = False
    requires_later: frozenset[str] = frozenset()
    later_reach: int = 0
    requires_person_next: bool = False
    not_later: frozenset[str] = frozenset()
    not_written: frozenset[str] = frozenset()
    not_number_next: bool = False
    not_pronouns: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the stage matches on, normalized.

    Compared and hashed by identity (there is one per process): per-word look-ups
    can then be memoized with the lexicon as part of their key.
    """

    senses: dict[str, tuple[Sense, ...]]
    """First word of a form -> its senses."""
    support: frozenset[str]
    support_window: int
    cues: dict[str, frozenset[str]]
    titles: frozenset[str] = frozenset()
    """Words that stand before a person's name (ner/titles.txt), normalized, with and without ال."""
    heads: frozenset[str] = frozenset()
    """What a reading of a word must begin with to be a trigger's first word or a light verb (`_heads`)."""

    def __post_init__(self) -> None:
        if not self.heads:  # derived from the forms, also for a lexicon built by hand
            object.__setattr__(self, "heads", _heads(frozenset(self.senses) | self.support))


_SPACE = re.compile(r"\s+")
_DIACRITICS = re.compile("[\u064b-\u0652\u0640]")


def bare_spelling(word: str) -> str:
    """A raw word without diacritics and tatweel, hamza kept: how `not_written` spellings are compared."""
    return _DIACRITICS.sub("", word)


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(normalize_word(w) for w in words)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and index both data files (once per process)."""
    trig = TriggerFile.model_validate(load_json("events/triggers.json"))
    cue = CueFile.model_validate(load_json("events/cues.json"))
    senses: dict[str, list[Sense]] = {}
    for etype, entries in trig.types.items():
        for entry in entries:
            req, neg, neg_prev = _norm_set(entry.requires_next), _norm_set(entry.not_next), _norm_set(entry.not_prev)
            for form in entry.forms:
                words = tuple(normalize_word(w) for w in _SPACE.split(form.strip()))
                if entry.pos == "noun":  # ال of a noun is the article; of a verb (التقى) it is the stem
                    words = tuple(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words[:1]) + words[1:]
                senses.setdefault(words[0], []).append(Sense(etype, entry.role, entry.pos, words, req, neg,
                                                           neg_prev, entry.not_before_quantity,
                                                           entry.not_after_quantity, entry.requires_entity_next,
                                                           _norm_set(entry.not_surface), entry.article_wide_not_prev,
                                                           _norm_set(entry.requires_later), entry.later_reach,
                                                           entry.requires_person_next, _norm_set(entry.not_later),
                                                           frozenset(bare_spelling(w) for w in entry.not_written),
                                                           entry.not_number_next,
                                                           tuple(sorted(entry.not_pronouns, key=len, reverse=True))))
    cues = {name: _norm_set(vals) for name, vals in cue.model_dump(exclude={"doc"}).items()}
    return Lexicon(
        senses={k: tuple(v) for k, v in senses.items()},
        support=_norm_set(trig.support_verbs.forms),
        support_window=trig.support_verbs.window,
        cues=cues,
        titles=_titles(),
    )


def _heads(forms: frozenset[str]) -> frozenset[str]:
    """First three letters of each form, and of each three-letter form ending in ه, its first two + ت.

    A reading (context.analyses) that is not the whole word starts within the
    word's first five letters and has three letters at least; it is a piece of
    the word, or a piece whose ت became ه (زيارت + ها -> زياره). So a word with
    no such head at offsets 0-4 and not itself a form has no reading in the
    lexicon, and most words are dismissed with five slices instead of analyses.
    """
    heads = {f[:3] for f in forms}
    heads.update(f[:2] + "ت" for f in forms if len(f) == 3 and f.endswith("ه"))
    return frozenset(heads)


def _titles() -> frozenset[str]:
    """Titles shared with ner (one list, read here): الرئيس and رئيس alike."""
    out: set[str] = set()
    for line in load_lines("ner/titles.txt"):
        w = normalize_word(line)
        out.add(w)
        out.add(w[2:] if w.startswith("ال") and len(w) > 3 else w)
    return frozenset(out)
