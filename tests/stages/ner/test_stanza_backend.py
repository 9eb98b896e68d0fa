"""The stanza adapter: alignment of a real stanza Document to seedx tokens; no download when missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedx.document import Document
from seedx.stages.ner import tagging_units
from seedx.stages.ner.spans import make_entities
from seedx.stages.normalize import normalize
from seedx.stages.tokenize import tokenize

stanza_doc = pytest.importorskip("stanza.models.common.doc")


def _stanza_document(raw: str, tagged: list[tuple[str, str]]):  # noqa: ANN202 - stanza Document
    """A stanza Document as its pipeline would return it, from pretokenized words with BIOES tags."""
    tokens = []
    pos = 0
    for word, tag in tagged:
        s = raw.index(word, pos)
        pos = s + len(word)
        tokens.append({"id": len(tokens) + 1, "text": word, "ner": tag, "misc": f"start_char={s}|end_char={pos}"})
    return stanza_doc.Document([tokens], text=raw)


def test_alignment_to_seedx_offsets() -> None:
    from seedx.stages.ner.stanza_backend import align

    raw = "وصل خالد مشعل إلى وإسطنبول ثم مجلس_الأمن."
    doc = tokenize(normalize(Document(id="s", raw=raw)))
    # stanza splits و off and keeps مجلس_الأمن whole: tokens differ from seedx's.
    sdoc = _stanza_document(raw, [("وصل", "O"), ("خالد", "B-PER"), ("مشعل", "E-PER"), ("إلى", "O"),
                                  ("و", "O"), ("إسطنبول", "S-LOC"), ("ثم", "O"), ("مجلس_الأمن", "S-ORG"), (".", "O")])
    tagged = align(sdoc, tagging_units(doc.tokens))
    ents = make_entities(doc, tagged)
    assert [(e.text, e.label, e.canonical) for e in ents] == [
        ("خالد مشعل", "PER", "خالد مشعل"), ("إسطنبول", "LOC", "إسطنبول"), ("مجلس_الأمن", "ORG", "مجلس الأمن")]
    assert all(raw[e.start : e.end] == e.text and e.score is None for e in ents)


def test_missing_model_is_an_error_not_a_download(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seedx.stages.ner import backends
    from seedx.stages.ner.stanza_backend import load_stanza

    monkeypatch.setattr(backends, "stanza_dir", lambda: tmp_path)
    load_stanza.cache_clear()
    with pytest.raises(FileNotFoundError):
        load_stanza()
    assert not backends.stanza_ner_installed(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_installed_layout_is_detected(tmp_path: Path) -> None:
    from seedx.stages.ner.backends import stanza_ner_installed

    (tmp_path / "ar" / "ner").mkdir(parents=True)
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    assert not stanza_ner_installed(tmp_path)
    (tmp_path / "ar" / "ner" / "aqmar.pt").write_bytes(b"")
    assert stanza_ner_installed(tmp_path)


def test_choosing_a_missing_backend_fails_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seedx.stages.ner import backends, config

    monkeypatch.setattr(backends, "stanza_dir", lambda: tmp_path)
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    for name in ("stanza", "camel"):
        with pytest.raises(FileNotFoundError, match="seedx models"):
            config({"ner": name})
    assert config({"ner": "auto"})["backend"] == "builtin"
