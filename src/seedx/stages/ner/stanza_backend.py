"""stanza's NER: the official Arabic pipeline when installed, else seedx's own stanza model (models/stanza-ner-1).

The official pipeline tokenizes for itself (its NER was trained on its own tokens), so its entities come
as character ranges of the raw text; each seedx token they cover takes the entity's tag, and seedx's span
rules apply as for any backend. Its models are read from models/stanza or $STANZA_RESOURCES_DIR, never
downloaded.

Without it, `--ner stanza` runs `models/stanza-ner-1`: stanza's NER tagger trained by seedx on ANERcorp
(`python -m seedx.stages.ner.train_stanza`) over seedx's word vectors. It was trained on ANERcorp's tokens
in seedx's normalized form, clitics attached (والسيارات), which is what seedx's tokens are, so it tags
seedx's tokens directly (stanza's `tokenize_pretokenized`; no tokenizer model, no alignment), followed by
the document consistency pass of the builtin model. `auto` never picks it (it scores below the builtin).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from seedx.document import Document, Token
from seedx.stages.ner.data import map_tag, repair_iob

MODEL_FILE = "ar_anercorp_nertagger.pt"
PRETRAIN_FILE = "ar_seedx100_pretrain.pt"
RESOURCES_FILE = "resources.json"
"""An empty resources.json: stanza's Pipeline reads one; this says there is nothing to download."""
LEXICON_FILE = "lexicon.tsv.gz"
"""A copy of the builtin model's lexicon: cue words and organization heads for the consistency pass."""

Tagged = list[tuple[list[Token], list[str], list[float] | None]]


@lru_cache(maxsize=1)
def load_stanza(model_dir: str | None = None) -> Any:
    """stanza's Arabic tokenize+mwt+ner pipeline from local files only."""
    from seedx.stages.ner.backends import stanza_dir, stanza_ner_installed

    root = stanza_dir() if model_dir is None else Path(model_dir)
    if not stanza_ner_installed(root):
        raise FileNotFoundError(f"stanza's Arabic NER model is not installed under {root}: see `seedx models`")
    import stanza

    return stanza.Pipeline("ar", processors="tokenize,mwt,ner", dir=str(root), download_method=None,
                           use_gpu=False, logging_level="WARN")


def align(stanza_doc: Any, sentences: list[list[Token]], offset: int = 0) -> Tagged:
    """seedx tags from stanza's entities (character ranges; `offset` shifts them onto the raw text)."""
    spans = sorted((e.start_char + offset, e.end_char + offset, map_tag("B-" + e.type)[2:]) for e in stanza_doc.ents)
    out: Tagged = []
    for toks in sentences:
        tags = ["O"] * len(toks)
        for i, t in enumerate(toks):
            for s, e, label in spans:
                if label and s < t.end and t.start < e:
                    inside = i > 0 and tags[i - 1] != "O" and tags[i - 1][2:] == label and s < toks[i - 1].end
                    tags[i] = ("I-" if inside else "B-") + label
                    break
        out.append((toks, tags, None))
    return out


def iob2(tags: list[str]) -> list[str]:
    """stanza's BIOES tags as seedx's IOB2 with its four types (S- opens, E- continues; strays repaired)."""
    out = []
    for t in tags:
        prefix, _, kind = (t or "O").partition("-")
        out.append(map_tag({"S": "B", "E": "I"}.get(prefix, prefix) + "-" + kind) if kind else "O")
    return repair_iob(out)


class ProjectStanza:
    """seedx's stanza NER model (stanza's BiLSTM-CRF tagger, trained on ANERcorp) on pretokenized words."""

    def __init__(self, nlp: Any, lexicon: Any, path: Path) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        self.path = path

    @classmethod
    def load(cls, path: Path) -> ProjectStanza:
        from seedx.stages.ner.lexicon import Lexicon

        path = Path(path)
        missing = [f for f in (MODEL_FILE, PRETRAIN_FILE, RESOURCES_FILE) if not (path / f).exists()]
        if missing:
            raise FileNotFoundError(f"no seedx stanza NER model at {path} (missing {', '.join(missing)}): "
                                    "python -m seedx.stages.ner.train_stanza")
        import stanza

        nlp = stanza.Pipeline("ar", dir=str(path), processors="tokenize,ner", tokenize_pretokenized=True,
                              ner_model_path=str(path / MODEL_FILE), ner_pretrain_path=str(path / PRETRAIN_FILE),
                              download_method=None, use_gpu=False, allow_unknown_language=True,
                              logging_level="ERROR")
        lexicon = Lexicon.load(path / LEXICON_FILE) if (path / LEXICON_FILE).exists() else None
        return cls(nlp, lexicon, path)

    def tag_words(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags of word lists (normalized forms, as `Token.norm`); empty sentences stay empty."""
        todo = [[w.replace(" ", "_") or "_" for w in ws] for ws in sentences if ws]
        tagged = iter(self.nlp(todo).sentences if todo else [])
        return [iob2([t.ner for t in next(tagged).tokens]) if ws else [] for ws in sentences]

    def tag_document(self, sentences: list[list[Any]], *, consistency: bool | None = None,
                     with_scores: bool = True) -> list[tuple[list[str], list[float]]]:
        """Tags of a document's sentences (lists of `View`s), then the builtin model's consistency pass.
        stanza gives no per-tag probability: every score is 1.0 (the pass gives its own to what it adds)."""
        tags = self.tag_words([[v.norm for v in vs] for vs in sentences])
        scores = [[1.0] * len(t) for t in tags]
        if (consistency is None or consistency) and self.lexicon is not None:
            from seedx.stages.ner.consistency import propagate
            from seedx.stages.ner.lexicon import core

            keys = [[core(v.stem) for v in vs] for vs in sentences]
            tags, scores = propagate(keys, tags, scores, blocked=self.lexicon.cue_words,
                                     org_heads=self.lexicon.org_heads)
        return list(zip(tags, scores, strict=True))


@lru_cache(maxsize=2)
def load_project(path: str) -> ProjectStanza:
    """The seedx stanza model at `path`, loaded once per process."""
    return ProjectStanza.load(Path(path))


def tag_project(sentences: list[list[Token]], path: Path | None = None) -> Tagged:
    """seedx's stanza model on seedx's tokens (one document), with the consistency pass."""
    from seedx.stages.ner import _view
    from seedx.stages.ner.backends import project_stanza_dir

    tagger = load_project(str(project_stanza_dir(path)))
    tagged = tagger.tag_document([[_view(t) for t in toks] for toks in sentences])
    return [(toks, tags, None) for toks, (tags, _) in zip(sentences, tagged, strict=True)]


def tag_stanza(doc: Document, sentences: list[list[Token]], model_dir: str | None = None) -> Tagged:
    """The official Arabic pipeline when installed (or asked for by `model_dir`), else seedx's stanza model."""
    from seedx.stages.ner.backends import stanza_dir, stanza_ner_installed

    if model_dir is not None or stanza_ner_installed(stanza_dir()):
        return align(load_stanza(model_dir)(doc.raw), sentences)
    return tag_project(sentences)


def eval_conll_project(path: Path, model: Path | None = None, *, consistency: bool = True) -> Any:
    """conlleval scores of seedx's stanza model on a gold CoNLL file, as 20-sentence documents (`seedx eval ner
    FILE --ner stanza`; the figure of its model card)."""
    from seedx.stages.ner.backends import project_stanza_dir
    from seedx.stages.ner.data import read_conll
    from seedx.stages.ner.train import evaluate_tagger

    tagger = load_project(str(project_stanza_dir(model)))
    return evaluate_tagger(tagger, list(read_conll(path)), consistency=consistency)


def time_project(path: Path, model: Path | None = None) -> dict[str, float]:
    """Load time (first load in this process, stanza's import included) and tokens/s over a CoNLL file."""
    import time

    from seedx.stages.ner.backends import project_stanza_dir
    from seedx.stages.ner.data import read_conll
    from seedx.stages.ner.train import DOC_WINDOW, views

    load_project.cache_clear()
    t = time.perf_counter()
    tagger = load_project(str(project_stanza_dir(model)))
    load_s = time.perf_counter() - t
    vs = [views(w) for w, _ in read_conll(path, tagged=False)]
    t = time.perf_counter()
    for i in range(0, len(vs), DOC_WINDOW):
        tagger.tag_document(vs[i : i + DOC_WINDOW])
    return {"load_seconds": round(load_s, 3),
            "tokens_per_second": round(sum(len(v) for v in vs) / (time.perf_counter() - t))}
