"""The stanza adapter: alignment of a real stanza Document to seedx tokens; no download when missing; seedx's
own stanza model (models/stanza-ner-1) on seedx's tokens when the official one is not installed."""

from __future__ import annotations

import json
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
    monkeypatch.setattr(backends, "project_stanza_dir", lambda path=None: tmp_path / "no-stanza-ner-1")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    for name in ("stanza", "camel"):
        with pytest.raises(FileNotFoundError, match="seedx models"):
            config({"ner": name})
    assert config({"ner": "auto"})["backend"] == "builtin"


# seedx's own stanza model (models/stanza-ner-1), loaded once for the module.

RAW = ("قال الرئيس محمود عباس في رام الله إن منظمة التحرير الفلسطينية ستعقد اجتماعا في القاهرة الشهر المقبل. "
       "واستقبل الملك عبد الله الثاني وزير خارجية فرنسا في عمان.")


@pytest.fixture(scope="module")
def project_model():  # noqa: ANN201 - ProjectStanza
    pytest.importorskip("stanza")
    from seedx.stages.ner.backends import project_stanza_dir, project_stanza_installed
    from seedx.stages.ner.stanza_backend import load_project

    if not project_stanza_installed():
        pytest.skip("models/stanza-ner-1 is not there")
    return load_project(str(project_stanza_dir()))


@pytest.fixture
def no_official_stanza(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither camel-tools' nor stanza's official Arabic NER installed."""
    from seedx.stages.ner import backends

    monkeypatch.setattr(backends, "stanza_dir", lambda: tmp_path / "stanza")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "camel"))


def _valid_iob2(tags: list[str]) -> bool:
    prev = "O"
    for t in tags:
        if t != "O" and (t[:2] not in ("B-", "I-") or t[2:] not in ("PER", "ORG", "LOC", "MISC")):
            return False
        if t.startswith("I-") and prev[2:] != t[2:]:
            return False
        prev = t
    return True


def test_bioes_to_iob2() -> None:
    from seedx.stages.ner.stanza_backend import iob2

    assert iob2(["O", "S-PER", "B-ORG", "I-ORG", "E-ORG", "S-LOC", "E-LOC", "I-MISC"]) == [
        "O", "B-PER", "B-ORG", "I-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC"]
    assert iob2(["E-PER", "O", "S-GPE"]) == ["B-PER", "O", "B-LOC"]


def test_project_model_tags_seedx_tokens(project_model, no_official_stanza: None) -> None:  # noqa: ANN001
    from seedx.stages.ner.stanza_backend import tag_stanza

    doc = tokenize(normalize(Document(id="s", raw=RAW)))
    sentences = tagging_units(doc.tokens)
    tagged = tag_stanza(doc, sentences)
    assert [toks for toks, _, _ in tagged] == sentences
    for toks, tags, scores in tagged:
        assert len(tags) == len(toks) and scores is None
        assert _valid_iob2(tags), tags
    by_word = {RAW[t.start : t.end]: tag[2:] for toks, tags, _ in tagged for t, tag in zip(toks, tags, strict=True)}
    assert by_word["محمود"] == by_word["عباس"] == "PER"
    assert by_word["القاهرة"] == "LOC"
    assert by_word["قال"] == by_word["في"] == ""


def test_stage_runs_the_project_model(project_model, no_official_stanza: None) -> None:  # noqa: ANN001
    from seedx.stages.ner import config, run

    assert config({"ner": "stanza"})["backend"] == "stanza"
    doc = run(tokenize(normalize(Document(id="s", raw=RAW))), {"ner": "stanza"})
    ents = {(e.text, e.label) for e in doc.entities}
    assert ("محمود عباس", "PER") in ents and ("القاهرة", "LOC") in ents
    assert all(RAW[e.start : e.end] == e.text for e in doc.entities)


def test_auto_never_picks_the_project_model(project_model, no_official_stanza: None) -> None:  # noqa: ANN001
    from seedx.stages.ner import backends, config

    assert backends.project_stanza_installed() and backends.stanza_ner_installed()
    assert not backends.stanza_ner_installed(backends.stanza_dir())
    assert backends.resolve_backend("auto") == "builtin"
    assert config({"ner": "auto"})["backend"] == "builtin"
    stanza = {b.name: b for b in backends.list_backends()}["stanza"]
    assert stanza.installed and "stanza-ner-1" in stanza.where


def test_eval_ner_with_the_project_model(project_model, tmp_path: Path) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from seedx.cli import app

    gold = tmp_path / "gold.txt"
    rows = [("قال", "O"), ("الرئيس", "O"), ("محمود", "B-PER"), ("عباس", "I-PER"), ("في", "O"),
            ("القاهرة", "B-LOC"), (".", "O")]
    gold.write_text("\n".join(f"{w} {t}" for w, t in rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "ner", str(gold), "--ner", "stanza", "--json"])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)
    assert scores["micro"]["gold"] == 2 and scores["micro"]["f1"] > 0.5
