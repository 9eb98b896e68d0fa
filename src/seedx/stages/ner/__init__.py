"""ner: PER, ORG, LOC and MISC entities, offline by default.

The builtin CRF ships with seedx (models/ner-1) so that extraction needs no
download; camel-tools' and stanza's neural taggers are used when their data
is installed (`--ner camel|stanza`, or `auto`). This module stays cheap to
import: backends load their libraries on first use, once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from seedx.document import Document, Token

NAME = "ner"
VERSION = "9"


def config(options: dict[str, Any]) -> dict[str, Any]:
    """Backend and model actually used: part of the cache key and of the record's provenance."""
    from seedx.stages.ner.backends import (
        builtin_model_dir,
        camel_ner_dir,
        resolve_backend,
        stanza_dir,
        stanza_ner_installed,
    )

    backend = resolve_backend(options.get("ner"))
    if backend == "builtin":
        path = builtin_model_dir(options.get("ner_model"))
        return {"backend": "builtin", "model": path.name, "digest": _digest(path / "model.crfsuite")}
    if backend == "neural":
        from seedx.stages.ner.backends import neural_model_dir

        path = neural_model_dir(options.get("ner_model"))
        if not (path / "weights.pt").exists():
            raise FileNotFoundError(f"--ner neural: no neural NER model at {path}")
        # A stacked model's output also depends on the CRF it reads (ner-1, its sibling).
        return {"backend": "neural", "model": path.name,
                "digest": _digest(path / "weights.pt") + "+" + _digest(path.parent / "ner-1" / "model.crfsuite")}
    # An explicitly chosen backend must be installed: fail before the first article, never download.
    if backend == "camel":
        if camel_ner_dir() is None:
            raise FileNotFoundError("--ner camel: camel-tools' NER data is not installed (see `seedx models`)")
        return {"backend": "camel", "model": "camel-tools ner arabert"}
    if not stanza_ner_installed():
        raise FileNotFoundError(f"--ner stanza: no Arabic NER model under {stanza_dir()} (see `seedx models`)")
    if not stanza_ner_installed(stanza_dir()):
        # seedx's own stanza model (models/stanza-ner-1): its own cache key, like builtin and neural
        from seedx.stages.ner.backends import project_stanza_dir
        from seedx.stages.ner.stanza_backend import MODEL_FILE

        path = project_stanza_dir()
        return {"backend": "stanza", "model": path.name, "digest": _digest(path / MODEL_FILE)}
    return {"backend": "stanza", "model": "stanza ar ner"}


def _digest(path: Path) -> str:
    """Short content hash of the model, so that a retrained ner-1 does not reuse cached entities."""
    if not path.exists():
        return "missing"
    stat = path.stat()
    return _digest_of(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=8)
def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    import hashlib

    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def run(doc: Document, options: dict[str, Any]) -> Document:
    """Stage entry point: fill `doc.entities`."""
    from seedx.stages.ner.backends import builtin_model_dir, resolve_backend
    from seedx.stages.ner.spans import make_entities

    backend = resolve_backend(options.get("ner"))
    sentences = tagging_units(doc.tokens)
    if backend in ("builtin", "neural"):
        if backend == "builtin":
            tagger = load_builtin(str(builtin_model_dir(options.get("ner_model"))))
        else:
            from seedx.stages.ner.backends import neural_model_dir

            tagger = load_neural(str(neural_model_dir(options.get("ner_model"))))
        tagged = tag_builtin(tagger, sentences)
        places = tagger.featurizer.lexicon.known_places
    elif backend == "camel":
        from seedx.stages.ner.camel_backend import tag_camel

        tagged = tag_camel(doc, sentences)
        places = frozenset()
    else:
        from seedx.stages.ner.stanza_backend import tag_stanza

        tagged = tag_stanza(doc, sentences)
        places = frozenset()
    from seedx.stages.ner.conventions import apply

    if not places:
        places = _builtin_places(options)
    tagged = [(toks, *apply(toks, tags, scores, places)) for toks, tags, scores in tagged]
    doc.entities = make_entities(doc, tagged, places)
    return doc


def tagging_units(tokens: list[Token]) -> list[list[Token]]:
    """Tokens by sentence, without joiner underscores (مجلس_الأمن is tagged as مجلس الأمن)."""
    from seedx.stages.ner.spans import is_joiner

    out: list[list[Token]] = []
    current: list[Token] = []
    sent = None
    for i, t in enumerate(tokens):
        if t.sent != sent and current:
            out.append(current)
            current = []
        sent = t.sent
        if not is_joiner(tokens, i):
            current.append(t)
    if current:
        out.append(current)
    return out


def _builtin_places(options: dict[str, Any]) -> frozenset[str]:
    """Place names of the builtin model's lexicon, for rules that other backends share."""
    from seedx.stages.ner.backends import builtin_model_dir

    path = builtin_model_dir(options.get("ner_model"))
    if not (path / "model.crfsuite").exists():
        return frozenset()
    return load_builtin(str(path)).featurizer.lexicon.known_places


@lru_cache(maxsize=4)
def load_builtin(path: str) -> Any:
    """The builtin CRF at `path`, loaded once per process."""
    from seedx.stages.ner.crf import CrfTagger

    p = Path(path)
    if not (p / "model.crfsuite").exists():
        raise FileNotFoundError(f"no NER model at {p}: run `seedx train ner` or pass --ner camel|stanza")
    return CrfTagger.load(p)


@lru_cache(maxsize=2)
def load_neural(path: str) -> Any:
    """The neural model at `path` with its stacked CRF (the cached builtin of the sibling directory)."""
    import json

    from seedx.stages.ner.neural import VOCAB_FILE, NeuralTagger

    p = Path(path)
    stack = json.loads((p / VOCAB_FILE).read_text(encoding="utf-8"))["net"].get("stack")
    return NeuralTagger.load(p, crf=load_builtin(str(p.parent / stack)) if stack else None)


def tag_builtin(tagger: Any, sentences: list[list[Token]]) -> list[tuple[list[Token], list[str], list[float]]]:
    from seedx.stages.ner.features import View

    new = tuple.__new__  # View(...) without NamedTuple's Python-level __new__: one per token adds up
    views = [[_view(t, View) if t.kind == "hashtag" else new(View, (t.norm, t.clitic, t.kind)) for t in toks]
             for toks in sentences]
    tagged = tagger.tag_document(views)
    return [(toks, tags, scores) for toks, (tags, scores) in zip(sentences, tagged, strict=True)]


def _view(t: Token, view: Any = None) -> Any:
    """The tagger's view of a token; a one-word hashtag (#غزة) reads as the word, which it names."""
    if view is None:
        from seedx.stages.ner.features import View as view
    if t.kind == "hashtag" and "_" not in t.norm and len(t.norm) > 2 and not t.norm[1:].isascii():
        return view(t.norm[1:], "", "word")
    return view(t.norm, t.clitic, t.kind)
