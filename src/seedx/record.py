"""The output contract: one validated record per article (SPEC.md).

These models are what users, scorers and downstream tools read. Field names
are fixed by SPEC.md; fields may be added, never renamed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventType = Literal[
    "conference",
    "campaign",
    "ceremony",
    "meeting",
    "protest",
    "statement",
    "agreement",
    "attack",
    "election",
    "visit",
]
EventStatus = Literal["planned", "ongoing", "concluded", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class Span(_Model):
    """A stretch of the raw text."""

    text: str
    """The raw characters, exactly `raw[start:end]`."""
    start: int = Field(ge=0)
    """Code-point offset into the raw text where the span starts."""
    end: int = Field(ge=0)
    """Code-point offset just past the span's last character."""


class Offsets(_Model):
    """Where something sits in the raw text, without repeating its text."""

    start: int = Field(ge=0)
    """Code-point offset of the first character."""
    end: int = Field(ge=0)
    """Code-point offset just past the last character."""


class Published(_Model):
    """The article's publication date and where seedx got it."""

    value: str | None = None
    """ISO date YYYY-MM-DD, or null when unknown."""
    source: Literal["text", "input", "none"] = "none"
    """`text`: found in the article; `input`: given by JSONL or --published; `none`."""
    text: str | None = None
    """The dateline's raw text when found in the article."""
    start: int | None = None
    """Offset of the dateline in the raw text, when found there."""
    end: int | None = None
    """End offset of the dateline in the raw text, when found there."""


class Entity(_Model):
    """A named entity mention."""

    id: str
    """Record-local id, `e1`, `e2`, ... in text order."""
    text: str
    """The mention as it stands in the raw text, proclitics left out."""
    start: int = Field(ge=0)
    """Start offset in the raw text."""
    end: int = Field(ge=0)
    """End offset in the raw text (exclusive)."""
    label: EntityLabel
    """PER, ORG, LOC or MISC, as SPEC.md defines them."""
    canonical: str
    """Name without proclitics or diacritics, mapped to the longest earlier mention."""
    score: float | None = None
    """The model's confidence in the span and label, 0 to 1."""


class Timex(_Model):
    """A time expression with its TIMEX3 value."""

    id: str
    """Record-local id, `t1`, `t2`, ... in text order."""
    text: str
    """The expression as it stands in the raw text."""
    start: int = Field(ge=0)
    """Start offset in the raw text."""
    end: int = Field(ge=0)
    """End offset in the raw text (exclusive)."""
    type: TimexType
    """TIMEX3 type: DATE, TIME, DURATION or SET."""
    value: str | None
    """TIMEX3 value (2025-12-07, 2020-11-02TEV, P3D, PAST_REF, an ISO interval), or null."""
    calendar: Literal["gregorian", "hijri"] | None = None
    """The calendar the text names the date in."""
    anchor: Literal["published", "speech"] | None = None
    """What a relative expression was resolved against."""
    hijri_value: str | None = None
    """For Hijri dates: the Hijri date itself, YYYY-MM-DD (Umm al-Qura)."""
    mod: Literal["START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "APPROX"] | None = None
    """TIMEX3 mod: the part of the period meant (نهاية يناير → END)."""
    conflict: bool | None = None
    """True when a named weekday disagrees with the date it stands beside."""


class Event(_Model):
    """One real-world happening, however many sentences mention it."""

    id: str
    """Record-local id, `v1`, `v2`, ... in order of first mention."""
    type: EventType
    """One of the ten event types of SPEC.md."""
    trigger: Span
    """The word that first reports the happening."""
    name: str | None = None
    """The event's own name where the text gives one."""
    slogan: str | None = None
    """The text after تحت شعار, without quotes."""
    time: list[str] = Field(default_factory=list)
    """Ids of the record's timexes that place the event."""
    location: list[str] = Field(default_factory=list)
    """Ids of LOC entities where it happens."""
    organizers: list[str] = Field(default_factory=list)
    """Ids of entities that organize or host it."""
    participants: list[str] = Field(default_factory=list)
    """Ids of entities that take part."""
    speaker: str | None = None
    """For statements: the id of the entity speaking."""
    attendance: str | None = None
    """The text that counts participants or countries."""
    quote: Span | None = None
    """For statements: the quoted or reported words."""
    status: EventStatus = "unknown"
    """planned, ongoing, concluded or unknown, relative to `published`."""
    sentence: Offsets
    """The sentence holding the trigger."""


class StageRun(_Model):
    """What one stage was and how it ran."""

    model_config = ConfigDict(extra="allow", use_attribute_docstrings=True)

    version: str
    """The stage's version; part of its cache key."""
    cached: bool = False
    """True when the result came from the cache."""


class Pipeline(_Model):
    """Provenance: which seedx and which stages made the record."""

    version: str
    """seedx's version."""
    stages: dict[str, StageRun] = Field(default_factory=dict)
    """Stage name to its run, in pipeline order; stage-specific keys (backend, model) allowed."""


class Record(_Model):
    """One article's extraction: the unit seedx writes and scorers read."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    """Version of this record layout."""
    doc_id: str
    """The article's id: the file stem or the JSONL `id`, unchanged."""
    source: str
    """Where the article was read from (path, `path:line` for JSONL, or `-`)."""
    text_sha256: str
    """SHA-256 of the raw text's UTF-8 bytes: ties the offsets to one text."""
    title: str | None = None
    """The input's title, else the first non-empty line."""
    url: str | None = None
    """The input's url, when given."""
    published: Published = Field(default_factory=Published)
    """Publication date and its provenance."""
    entities: list[Entity] = Field(default_factory=list)
    """Named entity mentions in text order."""
    timexes: list[Timex] = Field(default_factory=list)
    """Time expressions in text order."""
    events: list[Event] = Field(default_factory=list)
    """Events in order of first mention."""
    meta: dict[str, Any] = Field(default_factory=dict)
    """Unknown keys of the JSONL input, kept as given."""
    pipeline: Pipeline
    """Provenance of the record."""
