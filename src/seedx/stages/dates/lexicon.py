"""The dates stage's linguistic data: loaded from resources/dates/*.json,
validated (a typo in a data file should fail loudly at load, not silently
stop matching), and normalized exactly like the text it will be matched on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from seedx.resources import load_json
from seedx.stages.normalize import normalize_word


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MonthName(_Strict):
    name: str = Field(min_length=2)
    family: Literal["egyptian_gulf", "levantine", "maghreb", "moroccan", "english", "hijri"] = "hijri"
    ambiguous: bool = False


class Month(_Strict):
    month: int = Field(ge=1, le=12)
    names: list[MonthName]


class MonthsFile(_Strict):
    doc: str = Field(alias="_doc")
    months: list[Month] = Field(min_length=12, max_length=12)
    hijri: list[Month] = Field(min_length=12, max_length=12)


class Weekday(_Strict):
    iso: int = Field(ge=1, le=7)
    names: list[str]


class WeekdaysFile(_Strict):
    doc: str = Field(alias="_doc")
    weekdays: list[Weekday] = Field(min_length=7, max_length=7)


class NumbersFile(_Strict):
    doc: str = Field(alias="_doc")
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    ordinal_units: dict[str, int]
    ordinal_tens: dict[str, int]
    fractions: dict[str, float]


class RelativeFile(_Strict):
    doc: str = Field(alias="_doc")
    days: dict[str, int]
    refs: dict[str, Literal["PAST_REF", "PRESENT_REF", "FUTURE_REF"]]
    direction: dict[str, Literal["next", "prev", "this", "same"]]
    periods: dict[str, Literal["W", "M", "Y", "CE", "DE"]]
    vague_plurals: list[str]
    vague_directions: dict[str, Literal["PAST_REF", "PRESENT_REF", "FUTURE_REF"]]
    discourse_days: dict[str, int]
    event_days: dict[str, int]


class Unit(_Strict):
    code: Literal["D", "W", "M", "Y", "DE", "CE", "H"]
    clock: bool
    singular: list[str]
    accusative: list[str]
    plural: list[str]
    dual: list[str]


class UnitsFile(_Strict):
    doc: str = Field(alias="_doc")
    units: list[Unit]
    vague_counts: list[str]
    vague_after: list[str]
    approx: list[str]
    sets: dict[str, str]


_Part = Literal["MO", "MI", "AF", "EV", "NI"]


class PartsFile(_Strict):
    doc: str = Field(alias="_doc")
    parts_of_day: dict[str, _Part]
    clock_suffix: dict[str, Literal["am", "pm"]]
    seasons: dict[str, Literal["SP", "SU", "FA", "WI"]]
    mods: dict[str, Literal["START", "MID", "END"]]
    decades: dict[str, int]
    centuries: dict[str, int]


class CuesFile(_Strict):
    doc: str = Field(alias="_doc")
    future: list[str]
    past: list[str]
    time_prepositions: list[str]
    year_keywords: list[str]
    not_year_after: list[str]
    not_date_before: list[str]
    age_before: list[str]
    event_relative_after: list[str]
    not_weekday_before: list[str]


@dataclass(frozen=True)
class UnitForm:
    """One surface form of a unit: its TIMEX3 code, whether it is a clock unit, and its grammatical number."""

    code: str
    clock: bool
    number: Literal["singular", "accusative", "plural", "dual"]


@dataclass(frozen=True)
class Lexicon:
    """Everything normalized: keys are normalized surface forms."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    ambiguous_hijri: frozenset[str]
    weekdays: dict[str, int]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    ordinal_units: dict[str, int]
    ordinal_tens: dict[str, int]
    fractions: dict[str, float]
    rel_days: dict[str, int]
    refs: dict[str, str]
    direction: dict[str, str]
    periods: dict[str, str]
    vague_plurals: tuple[str, ...]
    vague_directions: dict[str, str]
    discourse_days: dict[str, int]
    event_days: dict[str, int]
    units: dict[str, UnitForm]
    vague_counts: tuple[str, ...]
    vague_after: tuple[str, ...]
    approx: tuple[str, ...]
    sets: dict[str, str]
    parts_of_day: dict[str, str]
    clock_suffix: dict[str, str]
    seasons: dict[str, str]
    mods: dict[str, str]
    decades: dict[str, int]
    centuries: dict[str, int]
    future: frozenset[str]
    past: frozenset[str]
    time_prepositions: frozenset[str]
    year_keywords: tuple[str, ...]
    not_year_after: frozenset[str]
    not_date_before: frozenset[str]
    age_before: frozenset[str]
    event_relative_after: frozenset[str]
    not_weekday_before: frozenset[str]


def _n(word: str) -> str:
    """Normalized lexicon key; Latin entries are matched case-insensitively, so lower them."""
    w = normalize_word(word.strip())
    return w.lower() if w.isascii() else w


def _nd(d: dict[str, object]) -> dict:  # type: ignore[type-arg]
    return {_n(k): v for k, v in d.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load, validate and normalize the data files once per process."""
    months = MonthsFile.model_validate(load_json("dates/months.json"))
    weekdays = WeekdaysFile.model_validate(load_json("dates/weekdays.json"))
    numbers = NumbersFile.model_validate(load_json("dates/numbers.json"))
    rel = RelativeFile.model_validate(load_json("dates/relative.json"))
    units = UnitsFile.model_validate(load_json("dates/units.json"))
    parts = PartsFile.model_validate(load_json("dates/parts.json"))
    cues = CuesFile.model_validate(load_json("dates/cues.json"))

    unit_forms: dict[str, UnitForm] = {}
    for u in units.units:
        for number in ("singular", "accusative", "plural", "dual"):
            for w in getattr(u, number):
                unit_forms.setdefault(_n(w), UnitForm(u.code, u.clock, number))  # type: ignore[arg-type]
    return Lexicon(
        months={_n(n.name): m.month for m in months.months for n in m.names},
        ambiguous_months=frozenset(_n(n.name) for m in months.months for n in m.names if n.ambiguous),
        hijri_months={_n(n.name): m.month for m in months.hijri for n in m.names},
        ambiguous_hijri=frozenset(_n(n.name) for m in months.hijri for n in m.names if n.ambiguous),
        weekdays={_n(w): d.iso for d in weekdays.weekdays for w in d.names},
        cardinals=_nd(numbers.cardinals),
        ordinals=_nd(numbers.ordinals),
        ordinal_units=_nd(numbers.ordinal_units),
        ordinal_tens=_nd(numbers.ordinal_tens),
        fractions=_nd(numbers.fractions),
        rel_days=_nd(rel.days),
        refs=_nd(rel.refs),
        direction=_nd(rel.direction),
        periods=_nd(rel.periods),
        vague_plurals=tuple(_n(w) for w in rel.vague_plurals),
        vague_directions=_nd(rel.vague_directions),
        discourse_days=_nd(rel.discourse_days),
        event_days=_nd(rel.event_days),
        units=unit_forms,
        vague_counts=tuple(_n(w) for w in units.vague_counts),
        vague_after=tuple(_n(w) for w in units.vague_after),
        approx=tuple(_n(w) for w in units.approx),
        sets=_nd(units.sets),
        parts_of_day=_nd(parts.parts_of_day),
        clock_suffix=_nd(parts.clock_suffix),
        seasons=_nd(parts.seasons),
        mods=_nd(parts.mods),
        decades=_nd(parts.decades),
        centuries=_nd(parts.centuries),
        future=frozenset(_n(w) for w in cues.future),
        past=frozenset(_n(w) for w in cues.past),
        time_prepositions=frozenset(_n(w) for w in cues.time_prepositions),
        year_keywords=tuple(_n(w) for w in cues.year_keywords),
        not_year_after=frozenset(_n(w) for w in cues.not_year_after),
        not_date_before=frozenset(_n(w) for w in cues.not_date_before),
        age_before=frozenset(_n(w) for w in cues.age_before),
        event_relative_after=frozenset(_n(w) for w in cues.event_relative_after),
        not_weekday_before=frozenset(_n(w) for w in cues.not_weekday_before),
    )
