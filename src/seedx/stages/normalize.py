"""normalize: a matching-friendly copy of the raw text, aligned back to it.

The character rules are camel-tools' own (CharMapper 'arclean', dediac_ar and
the alef / alef-maksura / teh-marbuta normalizers); seedx only applies them one
raw character at a time so that it knows where each output character came
from. Every rule camel-tools applies is character-local, so this gives the same
text as calling them on the whole string, plus the alignment. The per-character
table ships precomputed (resources/normalize_table.json), so a process needs
neither camel-tools nor the second it takes to build the table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from seedx.align import Aligned
from seedx.document import Document

NAME = "normalize"
VERSION = "1"

# Characters whose mapping is precomputed; anything else is mapped on demand.
_TABLE_RANGES = ((0x0000, 0x3000), (0xFB00, 0x10000))
_DIGITS = {ord(d): str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(d): str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")})


@lru_cache(maxsize=65536)
def _map_char(ch: str) -> str:
    """Apply the whole normalization chain to one raw character."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if unicodedata.category(c) == "Cf":  # zero-width and bidi controls
            continue
        c = c.translate(_DIGITS)
        c = _arclean().map_string(c)
        out.append(c)
    s = dediac_ar("".join(out))
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(s)))


@lru_cache(maxsize=1)
def _arclean():  # noqa: ANN202 - camel-tools' CharMapper
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper("arclean")


TABLE_RESOURCE = "normalize_table.json"
"""The character table precomputed (tools/build_normalize_table.py): building it imports camel-tools and maps
~13,500 characters, a second of CPU in every process that normalizes, workers included."""


def table_key() -> dict[str, str]:
    """What the table depends on: camel-tools' version, Unicode's and this module's source."""
    import hashlib
    from importlib.metadata import version

    return {"camel_tools": version("camel-tools"), "unicode": unicodedata.unidata_version,
            "module": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}


def build_table() -> dict[str, dict[str, str]]:
    """Every character of _TABLE_RANGES that normalization changes, by code point: mapped to one character
    ("translate") or deleted or expanded ("special")."""
    translate: dict[str, str] = {}
    special: dict[str, str] = {}
    for lo, hi in _TABLE_RANGES:
        for cp in range(lo, hi):
            if 0xD800 <= cp <= 0xDFFF:
                continue
            ch = chr(cp)
            mapped = _map_char(ch)
            if len(mapped) == 1:
                if mapped != ch:
                    translate[str(cp)] = mapped
            else:
                special[str(cp)] = mapped
    return {"translate": translate, "special": special}


def _shipped_table() -> dict[str, dict[str, str]] | None:
    """The precomputed table when it was made for this camel-tools, Unicode and module; None otherwise."""
    import json

    from seedx.resources import path

    try:
        data = json.loads(path(TABLE_RESOURCE).read_text(encoding="utf-8"))
        key = table_key()
    except (OSError, ValueError, ImportError):  # no table; or camel-tools' version unknown (PackageNotFoundError)
        return None
    return data if data.get("key") == key else None


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], re.Pattern[str], dict[str, str]]:
    """The one-to-one part of the mapping as a str.translate table, a pattern matching every character that
    is deleted, expanded or unknown, and the mappings of the deleted and expanded ones."""
    table = _shipped_table() or build_table()
    translate = {int(cp): m for cp, m in table["translate"].items()}
    special = {chr(int(cp)): m for cp, m in table["special"].items()}
    outside = "".join(f"{chr(lo)}-{chr(hi - 1)}" for lo, hi in _TABLE_RANGES if lo > 0)
    pattern = re.compile("[" + _char_class(sorted(map(ord, special))) + f"]|[^\\x00-\\u2fff{outside}]")
    return translate, pattern, special


def _char_class(cps: list[int]) -> str:
    """The body of a [...] class for sorted code points, runs written as ranges: a far shorter pattern."""
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(parts)


def _is_attached(ch: str) -> bool:
    """A deleted character that belongs to the letter before it."""
    return ch == "\u0640" or unicodedata.combining(ch) > 0


def normalize_text(raw: str) -> Aligned:
    """Normalize `raw` and keep, per output character, its raw range."""
    translate, special, mapping = _tables()
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in special.finditer(raw):
        i = m.start()
        if i > pos:
            parts.append(raw[pos:i].translate(translate))
            starts.extend(range(pos, i))
            ends.extend(range(pos + 1, i + 1))
        ch = raw[i]
        mapped = mapping.get(ch)
        if mapped is None:
            mapped = _map_char(ch)
        if mapped:
            parts.append(mapped)
            starts.extend([i] * len(mapped))
            ends.extend([i + 1] * len(mapped))
        elif ends and _is_attached(ch) and ends[-1] == i:
            ends[-1] = i + 1
        pos = i + 1
    if pos < len(raw):
        parts.append(raw[pos:].translate(translate))
        starts.extend(range(pos, len(raw)))
        ends.extend(range(pos + 1, len(raw) + 1))
    return Aligned("".join(parts), starts, ends, len(raw))


def normalize(doc: Document) -> Document:
    """Stage entry point: fill `doc.norm`."""
    doc.norm = normalize_text(doc.raw)
    return doc


@lru_cache(maxsize=1 << 14)
def normalize_word(word: str) -> str:
    """Normalize a lexicon entry or a name the same way the text is normalized. Memoized: the event rules
    normalize entity names again for every pair they compare, and names recur from article to article."""
    return normalize_text(word).text
