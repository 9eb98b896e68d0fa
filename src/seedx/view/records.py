"""Reading records back and finding the raw text their offsets point into.

Records leave the text out (it is the user's data, often large), so a viewer
must find it again: from the record's `source` when that file still holds the
same text (checked by `text_sha256`), else from texts the user names with
`--text`. Offsets into a different text would highlight the wrong words, so a
text whose hash differs is never used.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ValidationError

from seedx.record import Entity, Event, Offsets, Pipeline, Published, Record, Span, Timex

_SOURCE_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+)$")
_NESTED: dict[str, type[BaseModel]] = {"entities": Entity, "timexes": Timex, "events": Event}
_EVENT_NESTED: dict[str, type[BaseModel]] = {"trigger": Span, "quote": Span, "sentence": Offsets}


class RecordError(ValueError):
    """A file or line that is not a readable record."""


@dataclass
class Article:
    """A record with its raw text when that could be found."""

    record: Record
    raw: str | None = None
    text_note: str = ""
    """Where the text came from, or why it is unavailable: shown to the user."""
    origin: str = ""
    """The file (and line) the record was read from."""
    problems: list[str] = field(default_factory=list)
    """Spans whose offsets do not fit the text: they are not drawn."""


def sha256_text(raw: str) -> str:
    """The hash records carry as `text_sha256`."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _known(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in model.model_fields}


def record_from_dict(data: dict[str, Any]) -> Record:
    """A Record from JSON, dropping keys the model does not know.

    Gold files add `annotated` and lack `pipeline`, and later seedx versions
    may add fields (SPEC.md allows it): a viewer should show them all rather
    than refuse, so unknown keys are dropped here instead of failing
    `extra="forbid"`.
    """
    if not isinstance(data, dict) or "doc_id" not in data:
        raise RecordError("not a seedx record (no doc_id)")
    out = _known(Record, data)
    for key, model in _NESTED.items():
        items = out.get(key) or []
        cleaned = []
        for item in items:
            item = _known(model, item) if isinstance(item, dict) else item
            if key == "events" and isinstance(item, dict):
                for sub, sub_model in _EVENT_NESTED.items():
                    if isinstance(item.get(sub), dict):
                        item[sub] = _known(sub_model, item[sub])
                item.setdefault("sentence", {"start": item.get("trigger", {}).get("start", 0),
                                             "end": item.get("trigger", {}).get("end", 0)})
            cleaned.append(item)
        out[key] = cleaned
    if isinstance(out.get("published"), dict):
        out["published"] = _known(Published, out["published"])
    out.setdefault("source", "-")
    out.setdefault("text_sha256", "")
    if not isinstance(out.get("pipeline"), dict):
        out["pipeline"] = Pipeline(version="unknown").model_dump()
    try:
        return Record.model_validate(out)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RecordError(f"invalid record {data.get('doc_id')!r}: {where}: {first['msg']}") from exc


def is_record(data: Any) -> bool:
    """Records have doc_id and text_sha256; input articles have id and text."""
    return isinstance(data, dict) and "doc_id" in data and "text_sha256" in data


def iter_record_sources(paths: Iterable[Path]) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    """(origin, parsed JSON or error) for every record under `paths`.

    A directory contributes its `*.json` and `*.jsonl` files, sorted, except
    `errors.jsonl` (extract's error log) and anything under a dot-directory
    (`.cache`) or dot-file (extract's temporary files).
    """
    for path in paths:
        if path.is_dir():
            files = sorted(
                f for f in path.rglob("*")
                if f.is_file() and f.suffix in (".json", ".jsonl") and f.name != "errors.jsonl"
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
            for f in files:
                yield from _read_file(f)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield str(path), RecordError(f"{path}: no such file or directory")


def _read_file(path: Path) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield str(path), RecordError(f"{path}: {exc.strerror}")
        return
    if path.suffix == ".jsonl":
        for lineno, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            yield f"{path}:{lineno}", _parse(line, f"{path}:{lineno}")
        return
    yield str(path), _parse(data, str(path))


def _parse(data: bytes, where: str) -> dict[str, Any] | RecordError:
    try:
        obj = orjson.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        return RecordError(f"{where}: broken JSON: {exc}")
    if not isinstance(obj, dict):
        return RecordError(f"{where}: not a JSON object")
    return obj


def load_records(paths: Iterable[Path]) -> tuple[list[tuple[str, Record]], list[str]]:
    """All readable records under `paths` with their origins, and one message per unreadable one."""
    records: list[tuple[str, Record]] = []
    errors: list[str] = []
    not_records: dict[str, int] = {}
    for origin, obj in iter_record_sources(paths):
        if isinstance(obj, RecordError):
            errors.append(str(obj))
            continue
        if not is_record(obj):
            # one message per file: a JSONL of input articles is not a thousand errors
            name = _SOURCE_LINE.sub(r"\g<path>", origin) if origin.endswith(tuple("0123456789")) else origin
            not_records[name] = not_records.get(name, 0) + 1
            continue
        try:
            records.append((origin, record_from_dict(obj)))
        except RecordError as exc:
            errors.append(f"{origin}: {exc}")
    for name, n in not_records.items():
        errors.append(f"{name}: {n} JSON object{'s' if n > 1 else ''} that are not seedx records "
                      "(no doc_id/text_sha256) skipped")
    return records, errors


# -- finding the raw text -------------------------------------------------------


class TextIndex:
    """Raw texts named by `--text` (directories, .txt or .jsonl of articles), by hash and by id.

    Read once, lazily: `show` on one record should not pay for a corpus it never needs.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self._paths = [str(p) for p in paths]
        self._by_sha: dict[str, str] | None = None
        self._by_id: dict[str, str] = {}

    def _load(self) -> dict[str, str]:
        if self._by_sha is None:
            from seedx.io import InputError, read_inputs

            self._by_sha = {}
            for doc in read_inputs(self._paths) if self._paths else ():
                if isinstance(doc, InputError):
                    continue
                self._by_sha.setdefault(doc.sha256, doc.raw)
                self._by_id.setdefault(doc.id, doc.raw)
        return self._by_sha

    def __bool__(self) -> bool:
        return bool(self._paths)

    def find(self, record: Record) -> tuple[str | None, str]:
        """The text with the record's hash, else why none fits."""
        by_sha = self._load()
        if record.text_sha256 and record.text_sha256 in by_sha:
            return by_sha[record.text_sha256], "from --text (sha256 matches)"
        if record.doc_id in self._by_id:
            if not record.text_sha256:
                return self._by_id[record.doc_id], "from --text by doc_id (record has no sha256 to check)"
            return None, f"--text has {record.doc_id!r} but its sha256 differs: the text changed since extraction"
        return None, f"--text has no article {record.doc_id!r}"


def read_source(source: str, bases: Iterable[Path] = ()) -> str | None:
    """The raw text at a record's `source` (`path` or `path:LINE` of a JSONL), or None."""
    if not source or source == "-":
        return None
    candidates: list[tuple[str, int | None]] = [(source, None)]
    m = _SOURCE_LINE.match(source)
    if m:
        candidates.insert(0, (m["path"], int(m["line"])))
    for name, line in candidates:
        for path in _resolve(Path(name), bases):
            text = _read_article(path, line)
            if text is not None:
                return text
    return None


def _resolve(path: Path, bases: Iterable[Path]) -> Iterator[Path]:
    if path.is_file():
        yield path
    if path.is_absolute():
        return
    for base in bases:
        p = base / path
        if p.is_file():
            yield p


def _read_article(path: Path, line: int | None) -> str | None:
    from seedx.io import decode

    try:
        data = path.read_bytes()
    except OSError:
        return None
    if line is None:
        text = decode(data, str(path))
        return text if isinstance(text, str) else None
    lines = data.splitlines()
    if not 1 <= line <= len(lines):
        return None
    raw_line = lines[line - 1]
    if line == 1:
        raw_line = raw_line.removeprefix(b"\xef\xbb\xbf")
    try:
        obj = orjson.loads(raw_line)
    except orjson.JSONDecodeError:
        return None
    text = obj.get("text") if isinstance(obj, dict) else None
    if not isinstance(text, str):
        return None
    return text.removeprefix("\ufeff")


def find_text(record: Record, origin: str = "", texts: TextIndex | None = None) -> tuple[str | None, str]:
    """The raw text for `record` and a note saying where it came from or why it is missing.

    Relative sources are tried from the working directory, then from the
    record file's directory and its parents (extract usually ran from the
    project root, with the records two levels down in data/out).
    """
    origin_path = Path(_SOURCE_LINE.sub(r"\g<path>", origin)) if origin else None
    bases = list(origin_path.resolve().parents)[:4] if origin_path else []
    raw = read_source(record.source, bases)
    if raw is not None:
        if not record.text_sha256 or sha256_text(raw) == record.text_sha256:
            return raw, f"from {record.source}"
        stale = f"{record.source} has changed since extraction (sha256 differs)"
    else:
        stale = "" if record.source == "-" else f"{record.source} not found"
    if texts:
        raw, note = texts.find(record)
        if raw is not None:
            return raw, note
        stale = f"{stale}; {note}" if stale else note
    if not stale:
        stale = "the record was made from standard input"
    return None, f"text unavailable: {stale}; pass --text DIR_OR_JSONL with the articles"


def check_spans(record: Record, raw: str) -> list[str]:
    """Spans whose offsets do not give their text: drawing them would mislead."""
    problems = []
    spans: list[tuple[str, int, int, str]] = [(e.id, e.start, e.end, e.text) for e in record.entities]
    spans += [(t.id, t.start, t.end, t.text) for t in record.timexes]
    spans += [(f"{v.id}.trigger", v.trigger.start, v.trigger.end, v.trigger.text) for v in record.events]
    for sid, start, end, text in spans:
        if not (0 <= start <= end <= len(raw)) or raw[start:end] != text:
            problems.append(f"{sid}: raw[{start}:{end}] is {raw[start:end]!r}, the record says {text!r}")
    return problems


def attach_texts(records: Iterable[tuple[str, Record]], texts: TextIndex | None = None) -> list[Article]:
    """Articles for records, each with its text where one could be found and checked."""
    out = []
    for origin, record in records:
        raw, note = find_text(record, origin, texts)
        art = Article(record=record, raw=raw, text_note=note, origin=origin)
        if raw is not None:
            art.problems = check_spans(record, raw)
        out.append(art)
    return out
