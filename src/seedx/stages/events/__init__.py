"""events: rule-based extraction of who did what, when and where (SPEC.md Events).

Four passes, finding kept apart from writing: trigger mentions from the
lexicon (triggers.py), arguments by cue patterns in each mention's sentence
(arguments.py), coreferent mentions merged into the first event of the
happening (coref.py), then status (status.py). In an article about one
conference or ceremony, its programme items fold into it and participation
cues anywhere in the article attach to it; a statement made during a gathering
(خلال ندوة، أثناء الزيارة) makes its speaker take part in it, and a body that
announces carrying out an attack organizes it (extract.py). Works with empty entities and
timexes: it then finds fewer arguments and drops statements without a speaker.

Version 7 joins the mentions of one kind in a sentence before coreference, keeps an arrest
without organizer, scopes arguments out of subordinate and relative clauses, quotations and
ages, and reads a few more subject constructions (أما ... فـ، قام ... بـ، دعا ... إلى، a name in quotes).

Version 8 keeps arrests apart from strikes and a happening answered (ردا على هجوم) apart from the answer,
reads تم + masdar as a new report, lets الاجتماع name a conference again, spreads a round-up's day to its
country lines, keeps a clause dated by a happening (وقبل اعتقاله، ...) out of it, adds places in brackets
(بجبل ... (الولاية/المدينة)), gives a subject-less verb to the person the story turned to, and reads more
statements (حمّل ... المسؤولية، عبّر/طلب + a person، نقلت ... عن، كلمة له ...، فلان، أصدر فلان بيانا) and
candidacies (ليكون مرشحه، وهما ...).

Version 9 reads news outside politics (sport, culture) with fewer false events: a participle of manner
(قائلا، مؤكدة) must be one (not مضيفه, his host; not after a preposition or كان; not an adjective: مسيرة لافتة),
its subject stands before it in its own clause and agrees with it in gender; a verb behind a preposition
(لطلب) is a noun; a request to a friend (طلب من صديقه) is no statement; ها is a pronoun, never ة + alef (ضربها);
sport senses (ضربة جزاء، خط الهجوم، الجولة الثالثة، قمة الترتيب، مسيرته، تجمع بين، احتفاله بالهدف) and other
words spelt alike (أحياء، رسالة احتجاج، وصل إلى مستوى) are no happenings; a body's seat (ومقرها) is no second
speaker, a date before a coordinated verb's comma is the clause before's, and a holding verb with its own
subject (الندوة التي نظمتها الجمعية) leaves the speaker a participant.
"""

from __future__ import annotations

from typing import Any

from seedx.document import Document

NAME = "events"
VERSION = "11"


def config(options: dict[str, Any]) -> dict[str, Any]:
    """The stage has no options yet; its data files are versioned with VERSION."""
    return {"backend": "rules"}


def run(doc: Document, options: dict[str, Any]) -> Document:
    """Stage entry point: fill `doc.events`."""
    from seedx.stages.events.extract import extract_events

    doc.events = extract_events(doc)
    return doc
