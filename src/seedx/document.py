"""The working document that stages read and fill in.

Stages pass a `Document` along; the output `Record` is made from it at the
end. Tokens are plain slotted dataclasses (there are millions of them in a
corpus run); entities, timexes and events are already the record's models.
Everything here round-trips through JSON so that `seedx run STAGE` can save a
document between stages and the cache can store what a stage assigned.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from seedx.align import Aligned
from seedx.record import Entity, Event, Published, Timex


@dataclass(slots=True)
class Token:
    """A token with raw offsets and what later stages match on."""

    start: int
    """Raw offset of the first character."""
    end: int
    """Raw offset just past the last character."""
    norm: str
    """Normalized surface (no diacritics, unified alef/ya/teh marbuta, ASCII digits)."""
    kind: str
    """word, number, date, punct, url, email, hashtag, mention or latin."""
    sent: int
    """Index of the sentence holding the token."""
    clitic: str = ""
    """Guessed proclitics (normalized), e.g. "و", "وب", "ل" (of لل); "" when none."""
    stem_start: int = -1
    """Raw offset where the word after the proclitics starts (== start when none)."""
    stem: str = field(default="", init=False, repr=False, compare=False)
    """The normalized form without its proclitics (`stem_of(norm, clitic)`).

    Worked out once when the token is made: NER and events read it some
    400 times an article, where a property would redo it on every read."""

    def __init__(self, start: int, end: int, norm: str, kind: str, sent: int, clitic: str = "",
                 stem_start: int = -1) -> None:
        # Written out rather than generated only to fill `stem` without a __post_init__ call per token.
        self.start = start
        self.end = end
        self.norm = norm
        self.kind = kind
        self.sent = sent
        self.clitic = clitic
        self.stem_start = stem_start
        self.stem = stem_of(norm, clitic) if clitic else norm

    @property
    def preposition(self) -> str:
        """The proclitic preposition without the conjunction before it (وب → ب, ل → ل, و → ""): the
        letter that governs the word."""
        return self.clitic.lstrip("وف")

    @property
    def definite(self) -> bool:
        """True when the stem carries the article ال (القدس, بالقدس, للقدس)."""
        return self.stem.startswith("ال") and len(self.stem) > 3


def stem_of(norm: str, clitic: str) -> str:
    """A normalized word without the proclitics `clitic` (what `Token.stem` gives)."""
    if not clitic:
        return norm
    if clitic.endswith("ل") and norm.startswith(clitic + "ل"):
        # ل + ال contracted (للقدس): the stem is "لقدس", read as "القدس".
        return "ا" + norm[len(clitic) :]
    return norm[len(clitic) :]


@dataclass(slots=True)
class Document:
    """One article on its way through the pipeline."""

    id: str
    raw: str
    source: str = "-"
    title: str | None = None
    url: str | None = None
    published_input: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    norm: Aligned | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    published: Published = field(default_factory=Published)
    stages: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        """SHA-256 of the raw text's UTF-8 bytes."""
        return hashlib.sha256(self.raw.encode("utf-8", "surrogatepass")).hexdigest()

    def span(self, start: int, end: int) -> str:
        """The raw text of [start, end)."""
        return self.raw[start:end]


# -- JSON round trip --------------------------------------------------------
# Each field a stage may assign has a dump and a load, so the cache can store
# exactly what one stage produced.


def _dump_norm(a: Aligned | None) -> Any:
    if a is None:
        return None
    return {"text": a.text, "starts": list(a.starts), "ends": list(a.ends), "raw_length": a.raw_length}


def _load_norm(v: Any) -> Aligned | None:
    return None if v is None else Aligned(v["text"], v["starts"], v["ends"], v["raw_length"])


def _dump_tokens(tokens: list[Token]) -> Any:
    return [[t.start, t.end, t.norm, t.kind, t.sent, t.clitic, t.stem_start] for t in tokens]


def _load_tokens(v: Any) -> list[Token]:
    return [Token(*row) for row in v]


_FIELDS: dict[str, tuple[Any, Any]] = {
    "norm": (_dump_norm, _load_norm),
    "sentences": (lambda v: [list(s) for s in v], lambda v: [tuple(s) for s in v]),
    "tokens": (_dump_tokens, _load_tokens),
    "entities": (lambda v: [e.model_dump(exclude_none=True) for e in v], lambda v: [Entity(**e) for e in v]),
    # a timex's value is required but may be null: kept as null (exclude_defaults), and read as null where a
    # document or cache entry written before this left it out
    "timexes": (lambda v: [t.model_dump(exclude_defaults=True) for t in v],
                lambda v: [Timex(**{"value": None, **t}) for t in v]),
    "events": (lambda v: [e.model_dump(exclude_none=True) for e in v], lambda v: [Event(**e) for e in v]),
    "published": (lambda v: v.model_dump(), lambda v: Published(**v)),
    "stages": (lambda v: v, lambda v: dict(v)),
    "meta": (lambda v: v, lambda v: dict(v)),
}
_PLAIN = ("id", "raw", "source", "title", "url", "published_input")


def dump_fields(doc: Document, names: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """The named fields of `doc` as JSON-ready values."""
    return {n: _FIELDS[n][0](getattr(doc, n)) for n in names}


def load_fields(doc: Document, data: dict[str, Any]) -> Document:
    """Set the fields in `data` (as made by `dump_fields`) on `doc`."""
    for n, v in data.items():
        setattr(doc, n, _FIELDS[n][1](v))
    return doc


def document_to_json(doc: Document) -> dict[str, Any]:
    """The whole document, for `seedx run` and for debugging."""
    out: dict[str, Any] = {"seedx_document": 1}
    out.update({n: getattr(doc, n) for n in _PLAIN})
    out.update(dump_fields(doc, list(_FIELDS)))
    return out


def document_from_json(data: dict[str, Any]) -> Document:
    """Inverse of `document_to_json`."""
    doc = Document(**{n: data.get(n) for n in ("id", "raw")})
    for n in _PLAIN[2:]:
        if n in data:
            setattr(doc, n, data[n])
    return load_fields(doc, {n: data[n] for n in _FIELDS if n in data})
