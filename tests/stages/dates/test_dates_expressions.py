"""The expression table: each row is a sentence, its article date, and the
timex expected in it (or, for negatives, none at all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedx.document import Document
from seedx.record import Published
from seedx.stages.dates import run

HERE = Path(__file__).parent


def _rows() -> list[tuple[str, ...]]:
    rows = []
    for name in ("hand.tsv", "generated.tsv"):
        for i, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                cols = line.split("\t")
                assert len(cols) == 5, f"{name}:{i}: {len(cols)} columns"
                rows.append((f"{name}:{i}", *cols))
    return rows


ROWS = _rows()


def test_table_size() -> None:
    assert len(ROWS) >= 200
    assert sum(r[3] == "-" for r in ROWS) >= 25


def _doc(published: str, text: str) -> Document:
    doc = Document(id="t", raw=text)
    if published != "-":
        doc.published_input = published
        doc.published = Published(value=published, source="input")
    return run(doc, {})


@pytest.mark.parametrize(("where", "published", "text", "span", "type_", "value"), ROWS, ids=[r[0] for r in ROWS])
def test_expression(where: str, published: str, text: str, span: str, type_: str, value: str) -> None:
    doc = _doc(published, text)
    for t in doc.timexes:
        assert doc.raw[t.start:t.end] == t.text
    if span == "-":
        assert [t.text for t in doc.timexes] == []
        return
    got = [t for t in doc.timexes if t.text == span]
    assert got, f"no timex {span!r}; got {[(t.text, t.value) for t in doc.timexes]}"
    assert (got[0].type, str(got[0].value)) == (type_, value)
