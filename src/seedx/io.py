"""Inputs (.txt, .jsonl, directories, stdin) and outputs (record files, JSONL).

Reading never raises on a bad article: it yields an `InputError` in the
article's place so that one broken file or line costs only itself.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from seedx.document import Document, document_from_json
from seedx.isodate import is_iso_date
from seedx.record import Published

MAX_ARTICLE_BYTES = 20_000_000
"""Articles above this size are refused: no real news article comes close."""

_KNOWN_KEYS = ("id", "text", "published", "title", "url")


@dataclass
class InputError(Exception):
    """One article that could not be read, and why."""

    source: str
    code: str
    message: str
    doc_id: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message} [{self.code}]"

    def to_json(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "source": self.source, "line": self.line, "code": self.code,
                "message": self.message}


def decode(data: bytes, source: str) -> str | InputError:
    """Raw text as SPEC.md defines it: UTF-8, leading BOM dropped, nothing else changed."""
    if len(data) > MAX_ARTICLE_BYTES:
        return InputError(source, "E_TOO_LARGE", f"article is {len(data):,} bytes; the limit is {MAX_ARTICLE_BYTES:,}")
    if b"\x00" in data[:8192]:
        return InputError(source, "E_BINARY", "looks binary (NUL bytes): not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(source, "E_UTF8", f"invalid UTF-8 at byte offset {exc.start}")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return InputError(source, "E_EMPTY", "empty article" if not text else "article is only whitespace")
    return text


def read_inputs(paths: list[str], published: str | None = None, stdin: BinaryIO | None = None
                ) -> Iterator[Document | InputError]:
    """Every article named by `paths`, in order: files, directories (recursive
    .txt and .jsonl, sorted) and `-` for standard input."""
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stdin(stream, published)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.suffix in (".txt", ".jsonl") and f.is_file())
            for f in files:
                yield from _read_file(f, published)
        elif path.is_file():
            yield from _read_file(path, published)
        else:
            yield InputError(p, "E_NOT_FOUND", "no such file or directory")


def _read_file(path: Path, published: str | None) -> Iterator[Document | InputError]:
    if path.suffix == ".jsonl":
        with open(path, "rb") as f:
            yield from _read_jsonl(f, str(path), published)
        return
    text = decode(path.read_bytes(), str(path))
    if isinstance(text, InputError):
        text.doc_id = path.stem
        yield text
        return
    yield _document(path.stem, text, str(path), published)


def _read_stdin(stream: BinaryIO, published: str | None) -> Iterator[Document | InputError]:
    head = b""
    while True:
        chunk = stream.readline()
        if not chunk:
            break
        head += chunk
        if head.strip():
            break
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _read_jsonl(_Chain(head, stream), "-", published)
        return
    text = decode(head + stream.read(), "-")
    if isinstance(text, InputError):
        text.doc_id = "stdin"
        yield text
        return
    yield _document("stdin", text, "-", published)


class _Chain:
    """A line reader over a buffered head and the rest of a stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head: bytes | None = head
        self._rest = rest

    def __iter__(self) -> Iterator[bytes]:
        if self._head:
            yield from self._head.splitlines(keepends=True)
        yield from self._rest


def _read_jsonl(lines: Any, source: str, published: str | None) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(lines, 1):
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield InputError(source, "E_JSONL", f"broken JSON line: {exc}", line=lineno)
            continue
        if not isinstance(obj, dict):
            yield InputError(source, "E_JSONL", "a JSONL line must be an object", line=lineno)
            continue
        if obj.get("seedx_document") == 1:
            yield document_from_json(obj)
            continue
        doc_id = obj.get("id")
        doc_id = str(doc_id) if doc_id is not None and str(doc_id).strip() else f"{Path(source).stem}-{lineno}"
        text = obj.get("text")
        if not isinstance(text, str):
            yield InputError(source, "E_NO_TEXT", "JSONL object has no \"text\" string", doc_id=doc_id, line=lineno)
            continue
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            yield InputError(source, "E_EMPTY", "article text is empty", doc_id=doc_id, line=lineno)
            continue
        if len(text) > MAX_ARTICLE_BYTES:
            yield InputError(source, "E_TOO_LARGE", "article text is too large", doc_id=doc_id, line=lineno)
            continue
        pub = published or _as_date(obj.get("published"))
        doc = _document(doc_id, text, where, pub)
        doc.title = obj.get("title") if isinstance(obj.get("title"), str) else None
        doc.url = obj.get("url") if isinstance(obj.get("url"), str) else None
        doc.meta = {k: v for k, v in obj.items() if k not in _KNOWN_KEYS}
        yield doc


def _as_date(v: Any) -> str | None:
    return v if is_iso_date(v) else None


def _document(doc_id: str, text: str, source: str, published: str | None) -> Document:
    doc = Document(id=doc_id, raw=text, source=source, published_input=published)
    if published:
        doc.published = Published(value=published, source="input")
    return doc


# -- output -------------------------------------------------------------------

_UNSAFE = re.compile(r"[^\w.\-]+")
_MAX_NAME = 120


def safe_name(doc_id: str) -> str:
    """A file name for `doc_id` that stays inside the output directory.

    Keeps letters (any script), digits, `.`, `-` and `_`; anything else
    (slashes, NUL, `..` tricks) becomes `_`, and a short hash of the original
    id is added whenever the name had to change, so distinct ids stay distinct.
    """
    name = _UNSAFE.sub("_", doc_id).strip("._") or "doc"
    if name != doc_id or len(name) > _MAX_NAME:
        digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = f"{name[:_MAX_NAME]}-{digest}"
    return name


class NameAllocator:
    """Distinct output names for the articles of one run, in input order."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, doc_id: str) -> str:
        base = safe_name(doc_id)
        n = self._seen.get(base, 0) + 1
        self._seen[base] = n
        return base if n == 1 else f"{base}~{n}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old state or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
