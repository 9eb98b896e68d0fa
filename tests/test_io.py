from __future__ import annotations

import io
from pathlib import Path

from seedx.document import Document
from seedx.io import InputError, NameAllocator, read_inputs, safe_name


def items(paths: list[str], **kw) -> list[Document | InputError]:
    return list(read_inputs(paths, **kw))


def test_txt_file_keeps_raw_text_but_drops_the_bom(tmp_path: Path) -> None:
    p = tmp_path / "a1.txt"
    p.write_bytes("\ufeffسطر أول\r\nسطر ثان".encode())
    [doc] = items([str(p)])
    assert isinstance(doc, Document)
    assert doc.id == "a1"
    assert doc.raw == "سطر أول\r\nسطر ثان"


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("نص ب", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("نص أ", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "نص ج"}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    ids = [d.id for d in items([str(tmp_path)])]
    assert ids == ["b", "c1", "a"]


def test_jsonl_fields_and_meta(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": 7, "text": "نص", "published": "2020-11-02", "title": "عنوان", "url": "u", "corpus": "x"}\n',
                 encoding="utf-8")
    [doc] = items([str(p)])
    assert (doc.id, doc.title, doc.url, doc.meta) == ("7", "عنوان", "u", {"corpus": "x"})
    assert doc.published.value == "2020-11-02" and doc.published.source == "input"
    assert doc.source.endswith("in.jsonl:1")


def test_published_option_overrides_every_article(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("نص", encoding="utf-8")
    [doc] = items([str(p)], published="2021-01-01")
    assert doc.published.value == "2021-01-01"


def test_stdin_plain_text_and_jsonl() -> None:
    [doc] = items(["-"], stdin=io.BytesIO("\n\nخبر عاجل".encode()))
    assert doc.id == "stdin" and doc.raw == "\n\nخبر عاجل"
    docs = items(["-"], stdin=io.BytesIO(b'\n{"id": "a", "text": "x y"}\n{"id": "b", "text": "z"}\n'))
    assert [d.id for d in docs] == ["a", "b"]


def test_bad_inputs_become_errors_and_do_not_stop_the_rest(tmp_path: Path) -> None:
    (tmp_path / "1_empty.txt").write_bytes(b"")
    (tmp_path / "2_space.txt").write_bytes(b" \n\t ")
    (tmp_path / "3_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "4_latin1.txt").write_bytes(b"abc " + b"\xe9t\xe9")
    (tmp_path / "5_good.txt").write_text("نص سليم", encoding="utf-8")
    lines = '{"id": "ok", "text": "نص"}\n{broken\n{"id": "nt"}\n[1]\n'
    (tmp_path / "6_lines.jsonl").write_text(lines, encoding="utf-8")
    out = items([str(tmp_path)])
    codes = [(o.code, o.line) if isinstance(o, InputError) else o.id for o in out]
    assert codes == [("E_EMPTY", None), ("E_EMPTY", None), ("E_BINARY", None), ("E_UTF8", None), "5_good", "ok",
                     ("E_JSONL", 2), ("E_NO_TEXT", 3), ("E_JSONL", 4)]
    utf8 = out[3]
    assert isinstance(utf8, InputError) and "byte offset 4" in utf8.message


def test_missing_path_is_an_error() -> None:
    [err] = items(["/nonexistent/seedx/x.txt"])
    assert isinstance(err, InputError) and err.code == "E_NOT_FOUND"


def test_hostile_ids_get_safe_distinct_names() -> None:
    hostile = ["../../x", "a/b", "a\x00b", "..", "", "/etc/passwd", "ok-id_1.2", "خبر/عاجل"]
    names = [safe_name(i) for i in hostile]
    for n in names:
        assert "/" not in n and "\x00" not in n and not n.startswith(".") and n
    assert safe_name("ok-id_1.2") == "ok-id_1.2"
    assert len(set(names)) == len(names)


def test_duplicate_ids_get_distinct_names_in_order() -> None:
    alloc = NameAllocator()
    assert [alloc("a"), alloc("b"), alloc("a"), alloc("a")] == ["a", "b", "a~2", "a~3"]
