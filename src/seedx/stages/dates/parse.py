"""From a rule's match to a `Draft`: what the expression says, before any
anchoring. Parsing is context-free (it may look at the word before or after
to reject a false friend), so candidates can be chosen before resolution."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from seedx.stages.dates.lexicon import lexicon
from seedx.stages.dates.patterns import pieces
from seedx.stages.dates.tense import is_future

_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass
class Draft:
    """One candidate expression on the normalized text."""

    start: int
    end: int
    kind: str
    """cal, hijri, month, numeric, year, day, this_part, discourse, period, ago, duration, set, clock, ref, decade."""
    year: int | None = None
    year2: int | None = None
    months: list[int] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    weekday: int | None = None
    weekday2: int | None = None
    direction: str | None = None
    offset: int | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    ampm: str | None = None
    hijri: bool = False
    unit: str | None = None
    clock_unit: bool = False
    number: float | None = None
    mod: str | None = None
    value: str | None = None
    word: str | None = None
    relmonth: str | None = None
    explicit_clock: bool = False


@lru_cache(maxsize=1)
def _sub_res() -> dict[str, re.Pattern[str]]:
    p = pieces()
    return {"wd": re.compile(p.wd), "mon": re.compile(p.mon), "hmon": re.compile(p.hmon),
            "ord": re.compile(p.ordinal), "dir": re.compile(p.direction), "part": re.compile(p.part),
            "mods": re.compile(p.mods), "ap": re.compile(p.clock_suffix)}


def _key(s: str) -> str:
    return " ".join(s.split()).lower() if s.isascii() else " ".join(s.split())


def _get(table: dict[str, Any], s: str | None) -> Any:
    """Look a matched word up, restoring the ال of a contracted لل (للسبت matched as لسبت)."""
    if not s:
        return None
    k = _key(s)
    if k in table:
        return table[k]
    return table.get("ا" + k) if k.startswith("ل") else None


def _weekdays(s: str | None) -> list[int]:
    if not s:
        return []
    found = (_get(lexicon().weekdays, m.group()) for m in _sub_res()["wd"].finditer(s))
    return [v for v in found if v is not None]


def _months(s: str | None) -> list[int]:
    if not s:
        return []
    lx = lexicon()
    return [_get(lx.months, m.group()) for m in _sub_res()["mon"].finditer(s)]


def _ordinal(s: str) -> int | None:
    lx = lexicon()
    k = _key(s)
    if k in lx.ordinals:
        return lx.ordinals[k]
    parts = k.split(" و")
    if len(parts) == 2 and parts[0] in lx.ordinal_units and parts[1] in lx.ordinal_tens:
        return lx.ordinal_units[parts[0]] + lx.ordinal_tens[parts[1]]
    return None


def _days(s: str | None) -> list[int]:
    if not s:
        return []
    out: list[int] = []
    for m in re.finditer(r"\d{1,2}|" + pieces().ordinal, s):
        v = int(m.group()) if m.group().isdigit() else _ordinal(m.group())
        if v is not None:
            out.append(v)
    return out


def _number(s: str) -> float | None:
    lx = lexicon()
    k = _key(s)
    if k in lx.cardinals:
        return float(lx.cardinals[k])
    try:
        return float(k.replace(",", "."))
    except ValueError:
        return None


def word_before(text: str, start: int) -> str:
    """The word just before `start` (proclitic و dropped), or ''."""
    words = _WORD_RE.findall(text[max(0, start - 30):start])
    if not words:
        return ""
    w = words[-1]
    return w[1:] if w.startswith("و") and len(w) > 3 else w


def word_after(text: str, end: int) -> str:
    m = re.match(r"\s*(\S+)", text[end:end + 40])
    return m.group(1) if m else ""


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


# -- one parser per rule ------------------------------------------------------


_PART_OF = frozenset({"النصف", "الربع", "الثلث", "الاسبوع", "العشر", "الشهر", "العقد", "الفصل"})


def _english(m: re.Match[str], text: str) -> Draft | None:
    d = _days(m.group("days"))
    return Draft(m.start("x"), m.end("x"), "cal", year=int(m.group("year")), months=_months(m.group("mon")), days=d)


def _cal(m: re.Match[str], text: str) -> Draft | None:
    x = m.group("x")
    dr = Draft(m.start("x"), m.end("x"), "cal")
    dr.days = _days(m.group("days"))
    if not dr.days or any(not 1 <= d <= 31 for d in dr.days):
        return None
    if not m.group("days")[:1].isdigit() and word_before(text, m.start("days")) in _PART_OF:
        return None  # النصف الثاني من يوليو: a part of the month, not its second day
    if m.group("mon"):
        dr.months = _months(m.group("mon"))[:1]
    y = m.group("year")
    if y:
        dr.year = int(re.search(r"\d{4}", y).group())  # type: ignore[union-attr]
    dr.relmonth = None
    _relyear(m, dr)
    if m.group("relmon"):
        dirs = _sub_res()["dir"].findall(m.group("relmon"))
        dr.relmonth = (_get(lexicon().direction, dirs[-1]) or "this") if dirs else "this"
    if m.group("dir"):
        dr.direction = _get(lexicon().direction, m.group("dir"))
    head = x[: m.start("days") - m.start("x")]
    wds = _weekdays(head)
    dr.weekday = wds[0] if wds else None
    parts = _sub_res()["part"].findall(head)
    if parts:
        dr.part = _get(lexicon().parts_of_day, parts[-1])
    clock = m.group("clock") or m.group("tpre")
    if clock:
        hm = re.search(r"(\d{1,2})[:.](\d{2})", clock)
        if hm:
            dr.hour, dr.minute = int(hm.group(1)), int(hm.group(2))
            ap = _sub_res()["ap"].findall(clock[hm.end():])
            if ap:
                dr.ampm = _get(lexicon().clock_suffix, ap[0])
            elif dr.part in ("MI", "AF", "EV"):
                dr.ampm = "pm"
    if dr.hour is None and len(dr.days) == 1 and not dr.year and not dr.direction and not dr.relmonth:
        # A bare "3 مارس" where the month is a common word needs a cue too.
        name = m.group("mon") or ""
        if name.strip() in lexicon().ambiguous_months and "/" not in name and "(" not in name:
            between = text[m.end("days"):m.start("mon")].split()
            if not m.group("days")[0].isdigit() and "من" not in between:
                return None  # الثالث مارس ... is an ordinal and a verb; الثالث من مارس is a date
    return dr


def _relyear(m: re.Match[str], dr: Draft) -> None:
    """مارس من العام الماضي: the year as an offset from the article's (kept in `offset`)."""
    ry = m.group("relyear")
    if ry:
        d = _get(lexicon().direction, ry.split()[-1])
        dr.offset = {"next": 1, "prev": -1}.get(d or "this", 0)


def _hijri(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    hm = m.group("hmon")
    days = _days(m.group("days"))
    y = m.group("year")
    if not days and not m.group("shahr") and not y and _key(hm) in lx.ambiguous_hijri:
        return None  # رجب طيب أردوغان, رمضان عبدالله, صفر: a name or a number, unless a day or year says month
    if any(not 1 <= d <= 30 for d in days):
        return None
    dr = Draft(m.start("x"), m.end("x"), "hijri", hijri=True, months=[_get(lx.hijri_months, hm)], days=days)
    if y:
        dr.year = int(re.search(r"\d{4}", y).group())  # type: ignore[union-attr]
    wds = _weekdays(m.group("x")[: (m.start("days") if m.group("days") else m.start("hmon")) - m.start("x")])
    dr.weekday = wds[0] if wds else None
    return dr


def _month(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    dr = Draft(m.start("x"), m.end("x"), "month")
    names = [_key(n.group()) for n in _sub_res()["mon"].finditer(m.group("mons"))]
    dr.months = _months(m.group("mons"))
    y = m.group("year")
    if y:
        dr.year = int(re.search(r"\d{4}", y).group())  # type: ignore[union-attr]
    if m.group("dir"):
        dr.direction = _get(lx.direction, m.group("dir"))
    if m.group("mod"):
        dr.mod = _get(lx.mods, m.group("mod"))
    _relyear(m, dr)
    paired = len(names) > 1
    if not (y or dr.direction or dr.offset is not None or m.group("pre") or dr.mod or paired):
        if names[0] in lx.ambiguous_months and word_before(text, dr.start) not in lx.time_prepositions:
            return None
        if names[0] in lx.ambiguous_months and names[0].isascii():
            return None
    # A list of months names a span: keep first and last distinct months.
    seen: list[int] = []
    for mo in dr.months:
        if not seen or seen[-1] != mo:
            seen.append(mo)
    dr.months = seen  # a paired name (مارس/آذار) collapses to one month; a list or range keeps its ends
    return dr


def _numeric(m: re.Match[str], text: str) -> Draft | None:
    dr = Draft(m.start("x"), m.end("x"), "numeric")
    sfx = m.group("sfx")
    if m.group("c"):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        if b > 12 and a <= 12:
            a, b = b, a
        dr.days = [a]
    else:
        y, b = int(m.group("c2")), int(m.group("b2"))
        dr.days = sorted({int(m.group("a2"))} | ({int(m.group("a3"))} if m.group("a3") else set()))
    dr.year, dr.months = y, [b]
    dr.hijri = sfx in ("ه", "هجريه", "للهجره") or (1300 <= y <= 1500 and sfx != "م")
    if not 1 <= b <= 12 or any(not 1 <= d <= 31 for d in dr.days):
        return None
    if not dr.hijri and not 1800 <= y <= 2200:
        return None
    wds = _weekdays(m.group("x")[: (m.start("a") if m.group("a") else m.start("c2")) - m.start("x")])
    dr.weekday = wds[0] if wds else None
    dr.weekday2 = wds[1] if len(wds) > 1 else None
    return dr


def _year(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    y1 = int(m.group("y1"))
    y2 = int(m.group("y2")) if m.group("y2") else None
    kw = m.group("kw")
    hijri = m.group("s1") in ("ه", "هجريه", "للهجره")
    start = m.start("x")
    if m.group("bain") and y2 is None:
        start = m.start("kw") if kw else m.start("y1")
    if not hijri and y2 is None and not 1000 <= y1 <= 2200:
        return None
    if hijri and not 1200 <= y1 <= 1600:
        return None
    if not (kw or m.group("mod") or hijri or m.group("s1")):
        if not 1900 <= y1 <= 2100:
            return None
        if word_after(text, m.end("x")) in lx.not_year_after or word_before(text, start) in lx.not_date_before:
            return None
    if y2 is not None and not (y1 < y2 <= y1 + 50):
        return None
    dr = Draft(start, m.end("x"), "year", year=y1, year2=y2, hijri=hijri)
    if m.group("mod"):
        dr.mod = _get(lx.mods, m.group("mod"))
    return dr


def _day(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    dr = Draft(m.start("x"), m.end("x"), "day")
    if m.group("part"):
        dr.part = _get(lx.parts_of_day, m.group("part"))
    if m.group("rd"):
        key = _key(m.group("rd"))
        dr.offset = _get(lx.rel_days, key)
        if dr.offset is None:
            return None
        wd1 = _weekdays(m.group("wd1"))
        dr.weekday = wd1[0] if wd1 else None
        if key.endswith("اليوم") or key == "ليوم":
            nxt = word_after(text, dr.end)
            if dr.weekday is None and nxt.startswith("ال") and len(nxt) > 3:
                return None  # اليوم الوطني, اليوم العالمي: a name, not today
    else:
        wds = _weekdays(m.group("wd")) + _weekdays(m.group("wd2"))
        if not wds:
            return None
        dr.weekday = wds[0]
        dr.weekday2 = wds[1] if len(wds) > 1 else None
        if m.group("dir"):
            dr.direction = _get(lx.direction, m.group("dir"))
        if word_before(text, dr.start) in lx.not_weekday_before and not dr.direction:
            return None
        if dr.weekday == 1 and not dr.direction and not dr.part and not m.group("x").startswith("يوم"):
            # الاثنين is also "the two": only a weekday beside a cue.
            if word_before(text, dr.start) not in ("يوم", "في", "منذ", "حتي", "مساء", "صباح"):
                return None
    return dr


def _this_part(m: re.Match[str], text: str) -> Draft | None:
    if m.group("tonight"):
        # الليلة: tonight; الليلة الماضية: last night.
        return Draft(m.start("x"), m.end("x"), "day", offset=-1 if m.group("last") else 0, part="NI")
    part = {"المساء": "EV", "الصباح": "MO", "الليله": "NI"}[m.group("part")]
    return Draft(m.start("x"), m.end("x"), "day", offset=0, part=part, word="this")


def _discourse(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    key = _key(m.group("dd"))
    if key.startswith("ل") and not key.startswith("ال"):
        key = "ا" + key
    if key in lx.discourse_days:
        return Draft(m.start("x"), m.end("x"), "discourse", offset=lx.discourse_days[key],
                     word="date" if "تاريخ" in key else "day")
    if text[m.end("x"):m.end("x") + 12].split()[:2] == ["علي", "التوالي"]:
        return None  # لليوم الثالث على التوالي: a count of days, not a date
    return Draft(m.start("x"), m.end("x"), "eventday", offset=lx.event_days.get(key, 0))


def _period(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    per = _key(m.group("per"))
    if per.startswith("ل") and not per.startswith("ال"):
        per = "ا" + per
    dr = Draft(m.start("x"), m.end("x"), "period")
    dr.unit = lx.periods.get(per) or lx.seasons.get(per)
    dr.word = "season" if per in lx.seasons else "period"
    if m.group("dir"):
        dr.direction = _get(lx.direction, m.group("dir"))
    elif m.group("this"):
        dr.direction = "this"
    if m.group("mod"):
        dr.mod = _get(lx.mods, m.group("mod"))
        dr.direction = dr.direction or "this"
    if m.group("before_last"):
        dr.direction = "prev2"
    if not dr.direction or dr.unit is None:
        return None
    if dr.direction == "same" and dr.unit not in ("M", "Y", "W"):
        return None
    return dr


def _ago(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    dr = Draft(m.start("x"), m.end("x"), "ago", direction="prev" if m.group("dir") == "قبل" else "next")
    appr = m.group("approx")
    if appr and _key(appr) in lx.approx:
        dr.mod = "APPROX"
    qty = next(g for g in ("approx", "num", "dual", "pl", "sg") if m.group(g))
    follow = text[dr.end:dr.end + 30].split()[:2]
    if follow[:1] == ["فقط"]:
        follow = follow[1:]
    if (follow and follow[0] in lx.event_relative_after) or (
            dr.direction == "next" and m.group("num") and not is_future(text, dr.start, dr.end)):
        # قبل أيام من الانتخابات, بعد 23 سنة خلف القضبان: anchored to an event, not to
        # the article; what is left to say is how long.
        for rule in _duration_rules():
            d = rule.regex.match(text, m.start(qty))
            if d is not None and d.end("x") == dr.end:
                return _duration(d, text)
        return None
    if m.group("num"):
        dr.number = _number(m.group("num"))
        u = _get(lx.units, m.group("u"))
    elif m.group("dual"):
        dr.number = 2
        u = _get(lx.units, m.group("dual"))
    elif m.group("sg"):
        dr.number = 1
        u = _get(lx.units, m.group("sg"))
    else:
        dr.number = None
        dr.unit = "X"
        return dr
    dr.unit, dr.clock_unit = u.code, u.clock
    return dr


_FRACTIONS = {"نصف": 0.5, "ربع": 0.25}


def _duration(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    dr = Draft(m.start("x"), m.end("x"), "duration")
    if m.group("approx") and _key(m.group("approx")) in lx.approx:
        dr.mod = "APPROX"
    half = m.group("half") or m.group("half2") or m.group("half3")
    extra = _FRACTIONS.get(half, 0.0) if half else 0.0
    if m.group("num"):
        dr.number, unit = _number(m.group("num")), m.group("u")
    elif m.group("dual"):
        dr.number, unit = 2.0, m.group("dual")
    elif m.group("fr"):
        dr.number, unit = _FRACTIONS[m.group("fr")], m.group("u2")
    elif m.group("us"):
        dr.number, unit = 1.0, m.group("us")
    elif m.group("u3"):
        dr.number, unit = None, m.group("u3")
    elif m.group("up"):
        dr.number, unit = None, m.group("up")
        if unit == "اشهر" and word_after(text, dr.end).startswith("ال"):
            return None  # أشهر الساسة: "the most famous", not "months"
    elif m.group("us4"):
        dr.number, unit = 1.0, m.group("us4")

    else:
        dr.number, unit = _number(m.group("card2")), m.group("up2")
    if dr.number is not None:
        dr.number += extra
        if dr.number <= 0 or dr.number > 10000:
            return None
    form = _get(lx.units, unit)
    dr.unit, dr.clock_unit = form.code, form.clock
    if dr.unit == "DE" and (dr.number is None or (m.group("num") or "").isdigit()):
        return None  # عقد/عقود is far more often "contract(s)"
    before = word_before(text, dr.start)
    if dr.unit == "Y" and (before in lx.age_before or (text[dr.start - 1:dr.start] == "(" and
                                                         text[dr.end:dr.end + 1] == ")")):
        return None  # an age: البالغ من العمر 53 عاما, (45 عاما)
    return dr


@lru_cache(maxsize=1)
def _duration_rules() -> tuple:  # type: ignore[type-arg]
    from seedx.stages.dates.patterns import rules

    return tuple(r for r in rules() if r.name == "duration")


def _set(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    dr = Draft(m.start("x"), m.end("x"), "set")
    if m.group("set"):
        dr.value = _get(lx.sets, m.group("set"))
    elif m.group("d"):
        mo = _months(m.group("mon"))
        d = int(m.group("d"))
        if not 1 <= d <= 31:
            return None
        dr.value = f"XXXX-{mo[0]:02d}-{d:02d}"
    elif m.group("wd3"):
        wds = _weekdays("ال" + m.group("wd3"))
        if not wds:
            return None
        dr.value = f"XXXX-WXX-{wds[0]}"
    else:
        wds = _weekdays(m.group("wd2"))
        if not wds:
            return None
        dr.value = f"XXXX-WXX-{wds[0]}"
    return dr


def _clock(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    sa, ap, fr = m.group("sa"), m.group("ap"), m.group("fr")
    dr = Draft(m.start("x"), m.end("x"), "clock")
    if m.group("h"):
        dr.hour = int(m.group("h"))
        dr.minute = int(m.group("mi")) if m.group("mi") else 0
        colon = m.group("sep") == ":"
        if not (sa or ap or colon):
            return None
        if m.group("sep") == "." and not (sa or ap):
            return None
        if ap in ("م", "ص") and not m.group("mi"):
            return None
    else:
        dr.hour = _get(lexicon().ordinals, m.group("hw"))
        dr.minute = 0
        if not (sa or ap or fr):
            return None
    if fr:
        dr.minute = {"النصف": 30, "نصف": 30, "الربع": 15, "ربع": 15, "الثلث": 20, "ثلث": 20}[fr]
    if dr.hour > 24 or (dr.minute or 0) > 59:
        return None
    dr.ampm = _get(lx.clock_suffix, ap) if ap else None
    dr.explicit_clock = True
    if m.group("tpart"):
        # العاشرة من صباح اليوم / الساعة 11 من مساء أمس: the clock names its own day.
        part = _get(lx.parts_of_day, m.group("tpart"))
        dr.ampm = dr.ampm or ("am" if part == "MO" else "pm" if part in ("AF", "EV") or dr.hour < 5 else None)
        rd = _get(lx.rel_days, m.group("trd"))
        if rd is not None:
            dr.offset = rd
        else:
            wds = _weekdays(m.group("trd"))
            dr.weekday = wds[0] if wds else None
    return dr


def _ref(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    if m.group("ref"):
        return Draft(m.start("x"), m.end("x"), "ref", value=_get(lx.refs, m.group("ref")))
    return Draft(m.start("x"), m.end("x"), "ref", value=_get(lx.vague_directions, m.group("vd")))


def _decade(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    if m.group("dec"):
        d = _get(lx.decades, m.group("dec"))
        if m.group("ddir"):
            # التسعينيات من القرن الماضي: the century is relative to the article.
            return Draft(m.start("x"), m.end("x"), "decade", number=d,
                         direction=_get(lx.direction, m.group("ddir")))
        cent = _get(lx.centuries, m.group("dcent")) if m.group("dcent") else 19
        return Draft(m.start("x"), m.end("x"), "decade", value=f"{cent}{d}")
    if m.group("cent"):
        return Draft(m.start("x"), m.end("x"), "decade", value=f"{_get(lx.centuries, m.group('cent')):02d}")
    return Draft(m.start("x"), m.end("x"), "period", unit="CE", direction=_get(lx.direction, m.group("cdir")),
                 word="period")


def _nth(m: re.Match[str], text: str) -> Draft | None:
    lx = lexicon()
    wds = _weekdays(m.group("nthwd"))
    if not wds:
        return None
    dr = Draft(m.start("x"), m.end("x"), "nth", weekday=wds[0],
               word="last" if m.group("nth").startswith("الاخير") else "first")
    if m.group("hmon"):
        dr.hijri, dr.months = True, [_get(lx.hijri_months, m.group("hmon"))]
    else:
        dr.months = _months(m.group("mon"))
    if m.group("year"):
        dr.year = int(re.search(r"\d{4}", m.group("year")).group())  # type: ignore[union-attr]
    return dr


_PER = {"يوم": "P1D", "سنه": "P1Y", "عام": "P1Y", "شهر": "P1M", "اسبوع": "P1W", "ساعه": "PT1H"}
_QUANTITY_RE = re.compile(r"\d|مر(?:ه|تين|ات)(?!\w)")
_QUARTERS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4}


def _per(m: re.Match[str], text: str) -> Draft | None:
    """14 يوما في السنة, 200 ألف متر مكعب في اليوم: a rate, so a set (per year, per day)."""
    start = m.start("per")
    clause = re.split(r"[.!?;\n]", text[max(0, start - 45):start])[-1]
    if not _QUANTITY_RE.search(clause):
        return None
    nxt = word_after(text, m.end("x"))
    if nxt.startswith("ال") or nxt in ("نفسه", "ذاته", "عينه"):
        return None  # في اليوم التالي / الذي / العالمي: a particular day, not a rate
    return Draft(start, m.end("x"), "set", value=_PER[m.group("per")[2:]])


def _quarter(m: re.Match[str], text: str) -> Draft | None:
    """الربع الأول من العام الحالي → 2020-Q1, النصف الثاني من 2019 → 2019-H2."""
    dr = Draft(m.start("x"), m.end("x"), "quarter")
    n = _QUARTERS[m.group("qo")]
    if m.group("q") == "النصف":
        if n > 2 and m.group("qo") != "الاخير":
            return None
        dr.word = f"H{min(n, 2)}"
    else:
        dr.word = f"Q{n}"
    if m.group("y"):
        dr.year = int(m.group("y"))
    else:
        dr.direction = _get(lexicon().direction, m.group("dir")) or "this"
    return dr


PARSERS: dict[str, Callable[[re.Match[str], str], Draft | None]] = {
    "english": _english, "cal": _cal, "nth": _nth, "per": _per, "quarter": _quarter, "hijri": _hijri,
    "month": _month, "numeric": _numeric, "year": _year,
    "day": _day, "this_part": _this_part, "discourse": _discourse, "period": _period, "ago": _ago,
    "duration": _duration, "set": _set, "clock": _clock, "ref": _ref, "decade": _decade,
}
