"""Anchoring drafts to TIMEX3 values.

Relative expressions are resolved against the article date (TimeML's
document creation time); clock times and "the next day" against the last
day the text itself mentioned, which is what a news reader does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from seedx.stages.dates.parse import Draft

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def hijri_to_gregorian(y: int, m: int, d: int) -> date | None:
    """Umm al-Qura conversion; None outside the table or for an impossible day."""
    try:
        from hijridate import Hijri

        g = Hijri(y, m, d, validate=True).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def hijri_month_length(y: int, m: int) -> int | None:
    try:
        from hijridate import Hijri

        return int(Hijri(y, m, 1).month_length())
    except (ValueError, OverflowError):
        return None


def gregorian_to_hijri_year(d: date) -> int | None:
    try:
        from hijridate import Gregorian

        return int(Gregorian(d.year, d.month, d.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def nearest_year(pub: date, month: int, day: int, lean: str | None = None) -> int:
    """The year putting day/month nearest the article date; `lean` (past/future) breaks towards one side."""
    best: tuple[float, int] | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = _safe_date(y, month, min(day, 28) if month == 2 and day == 29 else day)
        if d is None:
            continue
        delta = (d - pub).days
        cost = abs(delta)
        if lean == "future" and delta < -1:
            cost += 200
        elif lean == "past" and delta > 1:
            cost += 200
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else pub.year


def weekday_date(pub: date, iso: int, direction: str | None, future: bool) -> date:
    """The weekday meant: المقبل the next one, الماضي the last one; unmarked: the article's own day,
    else the next one in a future clause and the last one otherwise."""
    cur = pub.isoweekday()
    if direction == "next":
        return pub + timedelta(days=(iso - cur) % 7 or 7)
    if direction == "prev":
        return pub - timedelta(days=(cur - iso) % 7 or 7)
    if iso == cur:
        return pub
    if future:
        return pub + timedelta(days=(iso - cur) % 7)
    return pub - timedelta(days=(cur - iso) % 7)


@dataclass
class Result:
    """A resolved expression: what becomes a `Timex`."""

    type: str
    value: str | None
    calendar: str | None = None
    anchor: str | None = None
    hijri_value: str | None = None
    mod: str | None = None
    conflict: bool | None = None
    day: date | None = None
    """The single day it names, if any: the next discourse reference."""


@dataclass
class Resolver:
    """Resolves drafts in text order, keeping the discourse reference day."""

    pub: date | None
    ref: date | None = None
    last_hour: int | None = None
    event_day1: date | None = None
    tense: str | None = None
    last_cal: date | None = None
    """The last day named by a calendar date: what هذا التاريخ refers to."""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ref = self.pub

    # -- helpers -----------------------------------------------------------
    def _day_value(self, d: date | None) -> str | None:
        return d.isoformat() if d else None

    def _with_time(self, res: Result, dr: Draft, d: date | None) -> Result:
        if dr.hour is not None:
            res.type = "TIME"
            res.value = (d.isoformat() if d else "XXXX-XX-XX") + f"T{self._hour(dr, d):02d}:{dr.minute or 0:02d}"
        elif dr.part:
            res.type = "TIME"
            res.value = f"{d.isoformat()}T{dr.part}" if d else None
        return res

    def _hour(self, dr: Draft, d: date | None) -> int:
        h = dr.hour or 0
        if dr.ampm == "pm" and h < 12:
            h += 12
        elif dr.ampm == "am" and h == 12:
            h = 0
        elif dr.ampm is None and h < 12:
            # Unmarked: early hours are afternoon in news schedules, and a time
            # listed after a later one on the same day is read after it.
            if 1 <= h <= 6 or (self.last_hour is not None and self.last_hour >= 12 and h + 12 >= self.last_hour):
                h += 12
        self.last_hour = h
        return h

    def set_ref(self, d: date | None) -> None:
        """Move the discourse reference day (clock times and اليوم التالي follow it)."""
        if d is not None and d != self.ref:
            self.ref = d
            self.last_hour = None

    # -- per kind ------------------------------------------------------------
    def resolve(self, dr: Draft, tense: str | None) -> Result | None:
        """Resolve one draft; `tense` is its clause's ("future", "past" or None)."""
        fn = getattr(self, "_" + dr.kind)
        self.tense = tense
        try:
            res: Result | None = fn(dr, tense == "future")
        except (OverflowError, ValueError):
            return None  # arithmetic past year 1 or 9999: an absurd article date, nothing to say
        if res is not None and dr.mod and res.mod is None:
            res.mod = dr.mod
        if res is not None and res.day is not None:
            self.set_ref(res.day)
            if dr.kind in ("cal", "numeric", "hijri"):
                self.last_cal = res.day
        return res

    def _cal(self, dr: Draft, future: bool) -> Result | None:
        pub = self.pub
        month = dr.months[0] if dr.months else None
        year = dr.year
        anchor = None
        if dr.relmonth:
            base = pub if dr.relmonth != "same" else self.ref
            if base is None:
                return Result("DATE", None, "gregorian", "published")
            k = {"next": 1, "prev": -1}.get(dr.relmonth, 0)
            year, month = shift_month(base.year, base.month, k)
            anchor = "published" if dr.relmonth != "same" else None
        elif year is None and dr.offset is not None:
            anchor = "published"
            year = pub.year + dr.offset if pub else None
        elif year is None:
            anchor = "published"
            if pub is not None and month is not None:
                if dr.direction == "this":
                    year = pub.year
                elif dr.direction in ("prev", "next"):
                    year = pub.year
                    d0 = _safe_date(year, month, dr.days[0])
                    if d0 and dr.direction == "prev" and d0 > pub:
                        year -= 1
                    if d0 and dr.direction == "next" and d0 < pub:
                        year += 1
                else:
                    year = nearest_year(pub, month, dr.days[0], self.tense)
        if month is None:
            return None
        ds = [_safe_date(year, month, d) if year else None for d in dr.days]
        if year is not None and any(d is None for d in ds):
            return None
        if year is None:
            vals = [f"XXXX-{month:02d}-{d:02d}" for d in dr.days]
        else:
            vals = [d.isoformat() for d in ds if d]
        value = vals[0] if len(vals) == 1 else f"{vals[0]}/{vals[-1]}"
        res = Result("DATE", value, "gregorian", anchor)
        if len(ds) == 1 and ds[0] is not None:
            res.day = ds[0]
            if dr.weekday and ds[0].isoweekday() != dr.weekday:
                res.conflict = True
        return self._with_time(res, dr, ds[0] if len(ds) == 1 else None)

    def _numeric(self, dr: Draft, future: bool) -> Result | None:
        y, m = dr.year or 0, dr.months[0]
        if dr.hijri:
            ds = [hijri_to_gregorian(y, m, d) for d in dr.days]
            if any(d is None for d in ds):
                return None
            hv = [f"{y}-{m:02d}-{d:02d}" for d in dr.days]
            res = Result("DATE", "", "hijri", hijri_value=hv[0] if len(hv) == 1 else f"{hv[0]}/{hv[-1]}")
        else:
            ds = [_safe_date(y, m, d) for d in dr.days]
            if any(d is None for d in ds):
                return None
            res = Result("DATE", "", "gregorian")
        vals = [d.isoformat() for d in ds if d]
        res.value = vals[0] if len(vals) == 1 else f"{vals[0]}/{vals[-1]}"
        if len(ds) == 1 and ds[0] is not None:
            res.day = ds[0]
            if dr.weekday and ds[0].isoweekday() != dr.weekday:
                res.conflict = True
        return res

    def _hijri(self, dr: Draft, future: bool) -> Result | None:
        m = dr.months[0]
        y = dr.year
        anchor = None
        if y is None:
            if self.pub is None:
                return Result("DATE", None, "hijri", None, None)
            anchor = "published"
            hy = gregorian_to_hijri_year(self.pub)
            if hy is None:
                return None
            best = None
            for cand in (hy - 1, hy, hy + 1):
                g = hijri_to_gregorian(cand, m, dr.days[0] if dr.days else 15)
                if g is not None and (best is None or abs((g - self.pub).days) < best[0]):
                    best = (abs((g - self.pub).days), cand)
            if best is None:
                return None
            y = best[1]
        if dr.days:
            g = hijri_to_gregorian(y, m, dr.days[0])
            if g is None:
                return None
            res = Result("DATE", g.isoformat(), "hijri", anchor, f"{y}-{m:02d}-{dr.days[0]:02d}", day=g)
            if dr.weekday and g.isoweekday() != dr.weekday:
                res.conflict = True
            return res
        first = hijri_to_gregorian(y, m, 1)
        n = hijri_month_length(y, m)
        if first is None or n is None:
            return None
        return Result("DATE", f"{first.isoformat()}/{(first + timedelta(days=n - 1)).isoformat()}", "hijri", anchor,
                      f"{y}-{m:02d}")

    def _nth(self, dr: Draft, future: bool) -> Result | None:
        """الجمعة الأخيرة من شهر رمضان: the first or last such weekday of the month."""
        if dr.hijri:
            whole = self._hijri(Draft(dr.start, dr.end, "hijri", year=dr.year, months=dr.months), future)
            span = whole.value.split("/") if whole and whole.value else None
        else:
            whole = self._month(Draft(dr.start, dr.end, "month", year=dr.year, months=dr.months), future)
            span = None
            if whole and whole.value and not whole.value.startswith("X"):
                y, mo = map(int, whole.value.split("-"))
                ny, nm = shift_month(y, mo, 1)
                span = [f"{y}-{mo:02d}-01", (date(ny, nm, 1) - timedelta(days=1)).isoformat()]
        cal = "hijri" if dr.hijri else "gregorian"
        if not span or len(span) != 2:
            return Result("DATE", None, cal, "published" if dr.year is None else None)
        first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])
        if dr.word == "last":
            d = last - timedelta(days=(last.isoweekday() - (dr.weekday or 1)) % 7)
        else:
            d = first + timedelta(days=((dr.weekday or 1) - first.isoweekday()) % 7)
        hv = None
        if dr.hijri:
            from hijridate import Gregorian

            h = Gregorian(d.year, d.month, d.day).to_hijri()
            hv = f"{h.year}-{h.month:02d}-{h.day:02d}"
        return Result("DATE", d.isoformat(), cal, "published" if dr.year is None else None, hv, day=d)

    def _quarter(self, dr: Draft, future: bool) -> Result | None:
        if dr.year is not None:
            return Result("DATE", f"{dr.year}-{dr.word}", "gregorian")
        if self.pub is None:
            return Result("DATE", None, "gregorian", "published")
        k = {"next": 1, "prev": -1}.get(dr.direction or "", 0)
        return Result("DATE", f"{self.pub.year + k}-{dr.word}", "gregorian", "published")

    def _month(self, dr: Draft, future: bool) -> Result | None:
        pub = self.pub
        year = dr.year
        anchor = None
        first = dr.months[0]
        if year is None and dr.offset is not None:
            anchor = "published"
            year = pub.year + dr.offset if pub else None
        elif year is None:
            anchor = "published"
            if pub is not None:
                year = pub.year
                if dr.direction == "prev" and first >= pub.month:
                    year -= 1
                elif dr.direction == "next" and first <= pub.month:
                    year += 1
                elif dr.direction is None:
                    year = nearest_year(pub, first, 15, self.tense)
        fmt = (lambda mo: f"{year}-{mo:02d}") if year else (lambda mo: f"XXXX-{mo:02d}")
        value = fmt(first) if len(dr.months) == 1 else f"{fmt(first)}/{fmt(dr.months[-1])}"
        return Result("DATE", value, "gregorian", anchor)

    def _year(self, dr: Draft, future: bool) -> Result | None:
        if dr.hijri:
            first = hijri_to_gregorian(dr.year or 0, 1, 1)
            last_len = hijri_month_length(dr.year or 0, 12)
            last = hijri_to_gregorian(dr.year or 0, 12, last_len) if last_len else None
            if first is None or last is None:
                return None
            return Result("DATE", f"{first.isoformat()}/{last.isoformat()}", "hijri", hijri_value=str(dr.year))
        value = str(dr.year) if dr.year2 is None else f"{dr.year}/{dr.year2}"
        return Result("DATE", value, "gregorian")

    def _day(self, dr: Draft, future: bool) -> Result | None:
        pub = self.pub
        conflict = None
        if dr.offset is not None:
            if dr.word == "this":
                base = self.ref
                d = base
            else:
                d = pub + timedelta(days=dr.offset) if pub else None
            if d is not None and dr.weekday and d.isoweekday() != dr.weekday:
                conflict = True
                back = (d.isoweekday() - dr.weekday) % 7
                d = d - timedelta(days=back) if back <= 3 else d + timedelta(days=7 - back)
        elif pub is None:
            d = None
        elif dr.weekday2:
            a = weekday_date(pub, dr.weekday or 1, dr.direction, future)
            b = a + timedelta(days=(dr.weekday2 - (dr.weekday or 1)) % 7)
            res = Result("DATE", f"{a.isoformat()}/{b.isoformat()}", "gregorian", "published")
            return res
        else:
            d = weekday_date(pub, dr.weekday or 1, dr.direction, future)
        res = Result("DATE", self._day_value(d), "gregorian", "published", conflict=conflict, day=d)
        return self._with_time(res, dr, d)

    def _discourse(self, dr: Draft, future: bool) -> Result | None:
        base = (self.last_cal or self.ref) if dr.word == "date" else self.ref
        d = base + timedelta(days=dr.offset or 0) if base else None
        return Result("DATE", self._day_value(d), "gregorian", day=d)

    def _eventday(self, dr: Draft, future: bool) -> Result | None:
        n = dr.offset or 0
        if n == 0:
            d = self.pub  # the closing day the article reports on
        elif self.event_day1 is None:
            d = self.ref
            if d is not None:
                self.event_day1 = d - timedelta(days=n - 1)
        else:
            d = self.event_day1 + timedelta(days=n - 1)
        return Result("DATE", self._day_value(d), "gregorian", "published", day=d)

    def _period(self, dr: Draft, future: bool) -> Result | None:
        base = self.ref if dr.direction == "same" else self.pub
        k = {"next": 1, "prev": -1, "prev2": -2}.get(dr.direction or "", 0)
        if dr.word == "season":
            start = _SEASON_START[dr.unit or "SP"]
            if base is None:
                return Result("DATE", f"XXXX-{dr.unit}", "gregorian", "published")
            y = base.year
            if dr.direction == "next" and start <= base.month:
                y += 1
            elif dr.direction == "prev" and start + 3 > base.month:
                y -= 1
            return Result("DATE", f"{y}-{dr.unit}", "gregorian", "published")
        if base is None:
            return Result("DATE", None, "gregorian", "published")
        if dr.unit == "W":
            value = iso_week(base + timedelta(days=7 * k))
            if dr.mod == "END":
                return Result("DATE", value + "-WE", "gregorian", "published")  # نهاية الأسبوع: the weekend
        elif dr.unit == "M":
            y, m = shift_month(base.year, base.month, k)
            value = f"{y}-{m:02d}"
        elif dr.unit == "Y":
            value = str(base.year + k)
        elif dr.unit == "DE":
            value = str(base.year // 10 + k)
        else:
            value = f"{base.year // 100 + k:02d}"
        return Result("DATE", value, "gregorian", "published" if dr.direction != "same" else None)

    def _ago(self, dr: Draft, future: bool) -> Result | None:
        sign = -1 if dr.direction == "prev" else 1
        vague = "PAST_REF" if sign < 0 else "FUTURE_REF"
        if dr.number is None or dr.clock_unit or dr.unit == "X":
            return Result("DATE", vague, None, "published")
        pub = self.pub
        if pub is None:
            return Result("DATE", None, "gregorian", "published")
        n = int(dr.number) * sign
        if dr.unit == "D":
            d = pub + timedelta(days=n)
            return Result("DATE", d.isoformat(), "gregorian", "published", day=None)
        if dr.unit == "W":
            return Result("DATE", iso_week(pub + timedelta(days=7 * n)), "gregorian", "published")
        if dr.unit == "M":
            y, m = shift_month(pub.year, pub.month, n)
            return Result("DATE", f"{y}-{m:02d}", "gregorian", "published")
        if dr.unit == "Y":
            return Result("DATE", str(pub.year + n), "gregorian", "published")
        if dr.unit == "DE":
            return Result("DATE", str((pub.year + 10 * n) // 10), "gregorian", "published")
        return Result("DATE", f"{(pub.year + 100 * n) // 100:02d}", "gregorian", "published")

    def _duration(self, dr: Draft, future: bool) -> Result | None:
        return Result("DURATION", duration_value(dr.number, dr.unit or "D", dr.clock_unit))

    def _set(self, dr: Draft, future: bool) -> Result | None:
        return Result("SET", dr.value)

    def _clock(self, dr: Draft, future: bool) -> Result | None:
        res = Result("TIME", None, "gregorian")
        day = self.ref
        if dr.offset is not None or dr.weekday is not None:
            res.anchor = "published"
            if self.pub is None:
                day = None
            elif dr.offset is not None:
                day = self.pub + timedelta(days=dr.offset)
            else:
                day = weekday_date(self.pub, dr.weekday or 1, None, future)
            res.day = day
        return self._with_time(res, dr, day)

    def _ref(self, dr: Draft, future: bool) -> Result | None:
        return Result("DATE", dr.value, None, "published")

    def _decade(self, dr: Draft, future: bool) -> Result | None:
        if dr.value is None:
            if self.pub is None:
                return Result("DATE", None, "gregorian", "published")
            k = {"next": 1, "prev": -1}.get(dr.direction or "", 0)
            return Result("DATE", f"{self.pub.year // 100 + k}{int(dr.number or 0)}", "gregorian", "published")
        return Result("DATE", dr.value, "gregorian")


_IN_UNITS = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24)}


def duration_value(n: float | None, code: str, clock: bool) -> str:
    """TIMEX3 duration: P3D, PT2H, P25Y (ربع قرن), PT1H30M (ساعة ونصف), PXY (سنوات)."""
    if clock:
        if n is None:
            return f"PTX{code}"
        if code == "H" and n != int(n):
            h, mins = int(n), round((n - int(n)) * 60)
            return f"PT{h}H{mins}M" if h else f"PT{mins}M"
        return f"PT{int(n)}{code}"
    if n is None:
        return f"PX{code}"
    if n != int(n) and code in _IN_UNITS:
        sub, k = _IN_UNITS[code]
        v = round(n * k)
        return f"PT{v}H" if sub == "H" else f"P{v}{sub}"
    if code == "CE":
        return f"P{int(n) * 100}Y"
    return f"P{int(n)}{code}"
