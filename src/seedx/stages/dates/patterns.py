"""Regular expressions for time expressions, built once from the lexicon.

Every pattern runs on the normalized text. Each rule is a flat sequence of
optional parts over disjoint vocabularies (digits, separators, listed words),
and every repetition is bounded, so matching stays linear on adversarial
input (long runs of digits, slashes and month names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from seedx.stages.dates.lexicon import Lexicon, lexicon

# A word starts here: nothing word-like before, except listed proclitics.
CLITIC = r"(?<!\w)(?:[وفبلك]|وب|ول|فب|فل|وك)?"
END = r"(?!\w)"
LETTER_END = r"(?![^\W\d_])"
"""No letter follows (a digit may: ديسمبر2014)."""


def _trie(words: list[list[str]]) -> str:
    """A regex for a set of token sequences as a trie: at each step the engine
    tries one branch per distinct next character, not one per word, which keeps
    the per-position cost small on long runs of near-misses."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = []
        optional = "" in node
        for ch in sorted((c for c in node if c), key=lambda c: c == " "):
            head = r"\s+" if ch == " " else re.escape(ch)
            branches.append(head + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return emit(tree)


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of words, longest match first (a trie).

    Spaces match any run of whitespace; a leading ال also matches the bare ل
    left after a contracted لل (للاسبوع → ل + لاسبوع); Latin words match in any case.
    """
    ws = sorted(set(words))
    arabic = [w for w in ws if not w.isascii()]
    latin = [w for w in ws if w.isascii()]
    out = []
    if arabic:
        out.append(_trie([list(w) for w in arabic]))
        al = [list(w[2:]) for w in arabic if w.startswith("ال") and len(w) > 3]
        if al:
            out.append(r"(?<=ل)ل" + _trie(al))
    if latin:
        out.append("(?i:" + _trie([list(w.lower()) for w in latin]) + ")")
    return "(?:" + "|".join(out) + ")"


@dataclass(frozen=True, eq=False)
class Rule:
    """A named pattern; the name selects the parser in `parse.py`.

    Compared and hashed by identity (the rules are built once): the stage's
    per-article cache look-ups keyed by the rule tuple then cost nothing,
    where hashing every field of 19 rules took a twentieth of the stage.

    `core` is a cheap pattern for something every match contains (a month
    name, a digit run, a keyword): the rule only runs in windows around its
    hits, so text without that core costs one fast scan, not a full match
    attempt at every position.
    """

    name: str
    regex: re.Pattern[str]
    core: re.Pattern[str] | None
    """Digit-shaped core (numeric dates, years, clock times), or None."""
    keywords: frozenset[str]
    """Words (first words of phrases, normalized, lowercase Latin) any of which may anchor a match."""


@dataclass(frozen=True)
class Pieces:
    """Alternations reused by the rules and by the parsers that re-read a match."""

    wd: str
    mon: str
    hmon: str
    ordinal: str
    card: str
    direction: str
    part: str
    units: str
    units_sing: str
    units_plural: str
    units_acc: str
    duals: str
    approx: str
    mods: str
    hour_words: str
    clock_suffix: str


@lru_cache(maxsize=1)
def pieces() -> Pieces:
    lx = lexicon()
    compounds = [f"{u} و{t}" for u in lx.ordinal_units for t in lx.ordinal_tens]
    hour_words = [w for w, v in lx.ordinals.items() if v <= 12 and w.endswith("ه")]
    return Pieces(
        wd=alt(lx.weekdays) + LETTER_END,
        mon=alt(lx.months) + LETTER_END,
        hmon=alt(lx.hijri_months) + LETTER_END,
        ordinal=alt(list(lx.ordinals) + compounds),
        card=alt(lx.cardinals),
        direction=alt(lx.direction),
        part=alt(lx.parts_of_day),
        units=alt(lx.units),
        units_sing=alt(w for w, f in lx.units.items() if f.number == "singular"),
        units_plural=alt(w for w, f in lx.units.items() if f.number == "plural"),
        units_acc=alt(w for w, f in lx.units.items() if f.number == "accusative"),
        duals=alt(w for w, f in lx.units.items() if f.number == "dual"),
        approx=alt(list(lx.approx) + ["اكثر من", "اقل من"]),
        mods=alt(lx.mods),
        hour_words=alt(hour_words),
        clock_suffix=alt(lx.clock_suffix),
    )


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """All rules, in priority order for equally long matches."""
    lx: Lexicon = lexicon()
    p = pieces()
    wd, mon, hmon, dirw, part = p.wd, p.mon, p.hmon, p.direction, p.part
    day = rf"(?:(?:ال)?\d{{1,2}}(?!\d)|{p.ordinal})"
    days = rf"(?P<days>{day}(?:\s*(?:,|و|-|–|الي|حتي)\s*{day}){{0,6}})"
    monp = rf"{mon}(?:\s*[/\-]\s*{mon}|\s*\(\s*{mon}\s*\)|\s+{mon})?"
    year = r"(?:\s*,?\s*(?:من\s+)?(?:(?:ال|ل)?عام|(?:ال|ل)?سنه)?\s*\d{4}(?!\d)(?:\s*(?:م|ه)(?!\w))?)"
    clock = rf"\d{{1,2}}[:.]\d{{2}}(?!\d)(?:\s*{p.clock_suffix}(?!\w))?"
    wd_prefix = rf"(?:(?:يوم|يومي|ايام)\s+)?(?:{wd}\s*,?\s*\(?\s*)?"
    relmon = rf"(?:(?:هذا\s+)?الشهر\s+{dirw}|هذا\s+الشهر)"
    ymod = rf"(?:(?P<mod>{p.mods})\s+)?"
    relyear = rf"(?:\s+من\s+(?P<relyear>(?:العام|السنه)\s+{dirw}|(?:هذا|هذه)\s+(?:العام|السنه)))"
    specs: list[tuple[str, str]] = [
        ("english", rf"(?P<mon>{mon})\s+(?P<days>\d{{1,2}})(?!\d),?\s+(?P<year>\d{{4}})(?!\d)"),
        ("cal", rf"{wd_prefix}(?:(?P<tpre>(?:الساعه\s+)?{clock})\s+)?(?:{part}\s+)?"
                rf"(?:(?:من|بين)\s+(?=\d{{1,2}}\s*(?:الي|حتي|و|-)))?{days}\s*(?:من\s+)?(?:شهر\s+)?"
                rf"(?:(?P<mon>{monp})(?:(?P<year>{year})|{relyear})?|(?P<relmon>{relmon}))"
                rf"(?:\s+(?P<dir>{dirw}))?(?P<clock>\s*,?\s*(?:الساعه\s+)?{clock})?"),
        ("hijri", rf"{wd_prefix}(?:(?P<days>{day})\s*(?:من\s+)?)?(?P<shahr>شهر\s+)?(?P<hmon>{hmon})"
                  r"(?P<year>\s*(?:عام|لعام|سنه)?\s*\d{4}(?!\d)(?:\s*(?:ه|هجريه|للهجره)(?!\w))?)?"),
        ("nth", rf"(?P<nthwd>{wd})\s+(?P<nth>الاخيره|الاخير|الاولي|الاول)\s+من\s+(?:شهر\s+)?"
                rf"(?:(?P<hmon>{hmon})|(?P<mon>{mon}))(?P<year>\s*(?:عام|لعام|سنه)?\s*\d{{4}}(?!\d))?"),
        ("month", rf"{ymod}(?:(?:من|بين)\s+(?=(?:شهر\s+)?{mon}\s*(?:الي|حتي|و|-|–)))?(?:(?P<pre>شهر|اشهر|شهري)\s+)?"
                  rf"(?P<mons>{monp}(?:\s*(?:,|و|الي|حتي|-|–)\s*(?:شهر\s+)?{monp}){{0,3}})"
                  rf"(?:(?P<year>{year})|{relyear})?(?:\s+(?P<dir>{dirw}))?"),
        ("numeric", rf"(?:(?:يوم\s+)?{wd}(?:\s*/\s*{wd})?\s*,?\s*)?"
                    r"(?:(?P<a>\d{1,2})\s*[/\-–.]\s*(?P<b>\d{1,2})\s*[/\-–.]\s*(?P<c>\d{4})"
                    r"|(?P<c2>\d{4})\s*[/\-.]\s*(?P<b2>\d{1,2})\s*[/\-.]\s*(?P<a2>\d{1,2})"
                    r"(?:\s*[-–]\s*(?P<a3>\d{1,2}))?)(?![\d/])"
                    r"(?:\s*(?P<sfx>م|ه|هجريه|للهجره)(?!\w))?"),
        ("year", rf"{ymod}(?P<bain>بين\s+)?(?P<kw>{alt(lx.year_keywords)}\s*)?"
                 r"(?<![\d.,/])(?P<y1>\d{4})(?![\d/]|[.,]\d)(?:\s*(?P<s1>م|ه|هجريه|للهجره|ميلاديه|للميلاد)(?!\w))?"
                 r"(?:\s*(?:-|–|/|و|الي|حتي)\s*(?P<y2>\d{4})(?![\d/]|[.,]\d)(?:\s*(?P<s2>م|ه)(?!\w))?)?"),
        ("per", r"في\s+(?P<per>(?:ال|(?<=ل)ل)(?:يوم|سنه|عام|شهر|اسبوع|ساعه))"),
        ("quarter", rf"(?P<q>الربع|النصف)\s+(?P<qo>الاول|الثاني|الثالث|الرابع|الاخير)\s+(?:من\s+)?"
                    rf"(?:(?:(?:ال)?(?:عام|سنه)(?:\s+الماليه|\s+المالي)?\s*)?(?P<y>\d{{4}})(?![\d/]|\s*[-–]\s*\d)"
                    rf"|(?:هذا\s+|هذه\s+)?(?P<per>العام|السنه)(?:\s+(?P<dir>{dirw}))?)"),
        ("day", rf"(?:وقت\s+(?:سابق|لاحق)\s+(?:من\s+)?)?(?:(?P<part>{part})\s+)?"
                rf"(?:(?P<rd>{alt(lx.rel_days)})(?:\s*,?\s*\(?\s*(?P<wd1>{wd})(?:\s*\))?)?"
                rf"|(?:(?:يوم|يومي)\s+)?(?P<wd>{wd})(?:\s*(?:و|/)\s*(?P<wd2>{wd}))?(?:\s+(?P<dir>{dirw}))?)"),
        ("this_part", r"(?:هذا|هذه)\s+(?P<part>المساء|الصباح|الليله)"
                      r"|(?P<tonight>الليله)(?:\s+(?P<last>الماضيه|الفائته))?"),
        ("discourse", rf"(?P<dd>{alt(list(lx.discourse_days) + list(lx.event_days))})"),
        ("period", rf"(?:وقت\s+(?:سابق|لاحق)\s+من\s+)?{ymod}(?:(?P<this>هذا|هذه)\s+)?"
                   rf"(?P<per>{alt(list(lx.periods) + list(lx.seasons))})(?:\s+(?P<fin>الماليه|المالي))?"
                   rf"(?:\s+(?P<dir>{dirw})|\s+(?P<before_last>قبل\s+الماضي(?:ه)?))?"),
        ("ago", rf"(?P<dir>قبل|بعد)\s+(?:(?P<approx>{p.approx})\s+)?"
                rf"(?:(?P<num>\d{{1,3}}|{p.card})\s+(?P<u>{p.units})|(?P<dual>{p.duals})"
                rf"|(?P<pl>{p.units_plural}|فتره|مده)(?:\s+(?:قليله|طويله|عده))?|(?P<sg>{p.units_sing}))"),
        ("duration", rf"(?:(?P<approx>{p.approx})\s+)?"
                     rf"(?:(?P<num>\d+(?:[.,]\d+)?|{p.card})\s+(?P<u>{p.units})(?:\s+و(?P<half>نصف|ربع))?"
                     rf"|(?:ال)?(?P<dual>{p.duals})(?:\s+و(?P<half2>نصف|ربع))?(?:\s+(?:الماضيين|المقبلين|الاخيرين|القادمين|الماضيتين|المقبلتين|الاخيرتين|القادمتين))?"
                     rf"|(?P<fr>نصف|ربع)\s+(?P<u2>{p.units_sing})"
                     rf"|(?P<us>{p.units_sing}|{p.units_acc})\s+(?:واحد|واحده|واحدا|و(?P<half3>نصف|ربع))"
                     rf"|(?P<vague>{alt(lx.vague_counts)})\s+(?P<u3>{p.units_plural})"
                     rf"|(?P<up>{p.units_plural})(?:\s+(?:{alt(lx.vague_after)}))?"
                     rf"|(?:ال)?(?P<up2>{p.units_plural})(?:ه|ها)?\s+ال(?P<card2>{p.card})(?:\s+(?:الاخيره|الماضيه|المقبله))?"
                     rf"|(?(approx)(?P<us4>{p.units_sing})|(?!)))"),
        ("set", rf"كل\s+(?:يوم\s+)?(?:(?P<wd2>{wd})|(?P<wd3>{alt(w[2:] for w in lx.weekdays if w.startswith('ال'))}))"
                rf"|كل\s+(?P<d>\d{{1,2}})\s+(?P<mon>{monp})|(?P<set>{alt(lx.sets)})"),
        ("clock", rf"(?P<sa>الساعه\s+)?(?:(?P<h>\d{{1,2}})(?:(?P<sep>[:.])(?P<mi>\d{{2}}))?(?![\d.,:])"
                  rf"|(?P<hw>{p.hour_words}))"
                  rf"(?:\s+و(?P<fr>النصف|الربع|نصف|ربع|الثلث|ثلث))?(?:\s*(?P<ap>{p.clock_suffix})(?!\w))?"
                  rf"(?:\s+(?:من\s+)?(?P<tpart>{part})\s+(?P<trd>{alt(lx.rel_days)}|{wd}))?"
                  r"(?(sa)|(?(sep)|(?(ap)|(?(fr)|(?(tpart)|(?!))))))"),
        ("ref", rf"(?P<ref>{alt(lx.refs)})|(?P<vp>{alt(lx.vague_plurals)})\s+(?P<vd>{alt(lx.vague_directions)})"),
        ("decade", rf"(?P<dec>{alt(lx.decades)})"
                   rf"(?:\s+من\s+(?:(?P<dcent>{alt(lx.centuries)})|القرن\s+(?P<ddir>{dirw})))?"
                   rf"|(?P<cent>{alt(lx.centuries)})|القرن\s+(?P<cdir>{dirw})"),
    ]
    def kw(*groups: Iterable[str]) -> frozenset[str]:
        return frozenset(w.split()[0].lower() for g in groups for w in g)

    hour_words = [w for w, v in lx.ordinals.items() if v <= 12 and w.endswith("ه")]
    keywords = {
        "english": kw(w for w in lx.months if w.isascii()), "cal": kw(lx.months, ["الشهر"]),
        "hijri": kw(lx.hijri_months), "nth": kw(["الاخيره", "الاخير", "الاولي", "الاول"]), "month": kw(lx.months),
        "numeric": frozenset(), "year": frozenset(),
        "day": kw(lx.weekdays, lx.rel_days), "this_part": kw(["هذا", "هذه", "الليله"]),
        "discourse": kw(lx.discourse_days, lx.event_days), "period": kw(lx.periods, lx.seasons),
        "ago": kw(["قبل", "بعد"]), "per": kw(["اليوم", "السنه", "العام", "الشهر", "الاسبوع", "الساعه"]),
        "quarter": kw(["الربع", "النصف"]),
        "duration": kw(lx.units, [w + sfx for w, f in lx.units.items() if f.number == "plural" for sfx in ("ه", "ها")]),
        "set": kw(lx.sets, ["كل"]),
        "clock": kw(["الساعه"], hour_words, [w for w in lx.clock_suffix if len(w) > 1]),
        "ref": kw(lx.refs, lx.vague_plurals), "decade": kw(lx.decades, lx.centuries, ["القرن"]),
    }
    # Each core starts with a digit (then checks it starts a digit run), so the
    # regex engine skips non-digits in its fast C loop.
    cores = {"numeric": r"\d(?<!\d\d)\d*+(?:\s*+[/\-–.]\s*+\d++)++", "year": r"\d(?<!\d\d)\d{3,}+",
             "clock": r"\d(?<!\d\d)\d*+(?:[:.]\d++)++|\d\s*+[صم](?![^\W\d_])"}
    return tuple(Rule(name, re.compile(CLITIC + f"(?P<x>{body})" + END),
                      re.compile(cores[name]) if name in cores else None, keywords[name])
                 for name, body in specs)
