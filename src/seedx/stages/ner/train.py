"""Training the builtin CRF from ../shared/ner, reproducibly.

crfsuite's L-BFGS is deterministic, corpus order is fixed and nothing is
sampled, so the same data and options give the same model file. The ANERcorp
dev split is used only for scoring, never for training.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from seedx.evaluate.conll import Scores, score
from seedx.stages.ner.clusters import load_clusters
from seedx.stages.ner.crf import (
    CLUSTERS_FILE,
    LEXICON_FILE,
    META_FILE,
    MODEL_FILE,
    VECTORS_FILE,
    CrfTagger,
    load_vectors,
)
from seedx.stages.ner.data import Sentence, chunk, read_conll
from seedx.stages.ner.features import Featurizer, View, view_of_word
from seedx.stages.ner.lexicon import Lexicon, build_lexicon, core

SOURCES = {
    "anercorp": ("anercorp/train.txt",),
    "aqmar": ("aqmar/train.txt", "aqmar/dev.txt"),
    "wikiann": ("wikiann/train.tsv",),
}
DEV = "anercorp/dev.txt"
HARVEST_FILE = "harvested.tsv.gz"
DOC_WINDOW = 20
"""ANERcorp has no article boundaries; the consistency pass is scored over runs of this many sentences."""


class DocumentTagger(Protocol):
    """What scoring needs of a tagger: the CRF and the neural model both tag whole documents."""

    def tag_document(self, sentences: list[list[View]], *, consistency: bool | None = None,
                     with_scores: bool = True) -> list[tuple[list[str], list[float]]]: ...


@dataclass
class TrainConfig:
    """Everything that decides the model; written to model.json."""

    sources: list[str] = field(default_factory=lambda: ["anercorp"])
    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 200
    nerar: bool = True
    wikiann_limit: int = 20000
    seed: int = 1
    consistency: bool = True
    seen_names: bool = False
    """Names tagged in the training data become a lexicon (SEEN-*), its features learnt by jackknife."""
    folds: int = 5
    affix_max: int = 4
    cue_window: int = 3
    harvest: bool = True
    embeddings: int = 0
    """Dense word2vec dimensions as features (vectors.npz in the model directory); 0: off."""
    """Use harvested.tsv.gz in the model directory (names found after head nouns in the news corpus)."""
    wikiann_only: list[str] = field(default_factory=list)
    """Keep only WikiANN sentences whose entities all have these labels (empty: keep all)."""
    """Document-level consistency pass at tagging time (scored on dev in windows of DOC_WINDOW sentences)."""


def default_ner_dir() -> Path:
    """../shared/ner next to the repository (or $SEEDX_SHARED/ner)."""
    shared = os.environ.get("SEEDX_SHARED")
    if shared:
        return Path(shared) / "ner"
    return Path(__file__).resolve().parents[4].parent / "shared" / "ner"


def load_sources(ner_dir: Path, cfg: TrainConfig) -> list[Sentence]:
    sents: list[Sentence] = []
    for name in cfg.sources:
        for rel in SOURCES[name]:
            part = list(read_conll(ner_dir / rel))
            if name == "wikiann":
                if cfg.wikiann_only:
                    keep = set(cfg.wikiann_only)
                    part = [(w, t) for w, t in part if all(x == "O" or x[2:] in keep for x in t)]
                part = part[: cfg.wikiann_limit]
            sents.extend(part)
    return chunk(sents)


def views(words: list[str]) -> list[View]:
    return [view_of_word(w) for w in words]


def seen_names(vs: list[View], tags: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """(label, match keys) of each entity of a tagged sentence."""
    from seedx.evaluate.conll import chunks

    return [(label, tuple(core(v.stem) for v in vs[s:e])) for s, e, label in chunks(tags)]


def _with_names(base: Lexicon, names: list[list[tuple[str, tuple[str, ...]]]]) -> Lexicon:
    lex = Lexicon({kd: set(v) for kd, v in base.entries.items()})
    for sent in names:
        for label, keys in sent:
            if keys and all(keys):
                lex.entries.setdefault("SEEN-" + label, set()).add(keys)
    lex.reindex()
    return lex


def evaluate_tagger(tagger: DocumentTagger, sentences: list[Sentence], *, consistency: bool | None = None,
                    window: int = DOC_WINDOW) -> Scores:
    """conlleval scores of `tagger` on gold sentences, read as documents of `window` sentences."""
    pairs = []
    for i in range(0, len(sentences), window):
        part = sentences[i : i + window]
        tagged = tagger.tag_document([views(w) for w, _ in part], consistency=consistency, with_scores=False)
        pairs.extend((gold, pred) for (_, gold), (pred, _) in zip(part, tagged, strict=True))
    return score(pairs)


def train(out: Path, ner_dir: Path, cfg: TrainConfig, *, clusters: Path | None,
          log: Any = print, card: bool = True) -> dict[str, Any]:
    """Train into `out` (model, lexicon, clusters, model.json, README.md); return the dev metrics."""
    import pycrfsuite

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    harvested = out / HARVEST_FILE if cfg.harvest and (out / HARVEST_FILE).exists() else None
    lexicon, lex_counts = build_lexicon(ner_dir, nerar=cfg.nerar, harvested=harvested)
    if clusters is not None and clusters.exists():
        if clusters.resolve() != (out / CLUSTERS_FILE).resolve():
            shutil.copyfile(clusters, out / CLUSTERS_FILE)
        table = load_clusters(out / CLUSTERS_FILE)
    else:
        table = {}
    vectors = load_vectors(out / VECTORS_FILE) if cfg.embeddings else None
    train_sents = load_sources(ner_dir, cfg)
    train_views = [views(w) for w, _ in train_sents]
    k = cfg.folds if cfg.seen_names else 1
    fold_of = [i * k // max(len(train_sents), 1) for i in range(len(train_sents))]
    if cfg.seen_names:
        names = [seen_names(v, t) for v, (_, t) in zip(train_views, train_sents, strict=True)]
        feats = [Featurizer.from_config(
            _with_names(lexicon, [n for n, f in zip(names, fold_of, strict=True) if f != fold]), table, asdict(cfg),
            vectors) for fold in range(k)]
        lexicon = _with_names(lexicon, names)
        meta_names = sum(len(v) for kd, v in lexicon.entries.items() if kd.startswith("SEEN-"))
    else:
        feats = [Featurizer.from_config(lexicon, table, asdict(cfg), vectors)]
        meta_names = 0
    lexicon.save(out / LEXICON_FILE)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({"c1": cfg.c1, "c2": cfg.c2, "max_iterations": cfg.max_iterations,
                        "feature.possible_transitions": True})
    n_tokens = 0
    for v, (words, tags), fold in zip(train_views, train_sents, fold_of, strict=True):
        trainer.append(feats[fold].items(v), tags)
        n_tokens += len(words)
    log(f"training on {len(train_sents)} sentences / {n_tokens} tokens ({', '.join(cfg.sources)})")
    trainer.train(str(out / MODEL_FILE))
    train_s = time.time() - t0
    log(f"trained in {train_s:.0f} s")
    lex_counts["seen/training names"] = meta_names
    meta: dict[str, Any] = {"name": out.name, "config": asdict(cfg), "lexicon": lex_counts,
                            "clusters": len(table), "train_sentences": len(train_sents),
                            "train_tokens": n_tokens, "train_seconds": round(train_s, 1)}
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    dev_path = ner_dir / DEV
    if dev_path.exists():
        t1 = time.time()
        tagger = CrfTagger.load(out)
        load_s = time.time() - t1
        dev = list(read_conll(dev_path))
        scores = evaluate_tagger(tagger, dev)
        meta["dev"] = scores.as_dict()
        meta["dev_sentence_only"] = evaluate_tagger(tagger, dev, consistency=False).as_dict()
        meta["load_seconds"] = round(load_s, 3)
        meta["tokens_per_second"] = round(measure_speed(tagger, dev))
        log(scores.report())
        (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    gold = ner_dir.parent / "gold"
    if (gold / "seeds" / "input.jsonl").exists():
        meta["gold_entities"] = gold_scores(out, [gold / "seeds", gold / "dev"])
        (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    if card:
        from seedx.stages.ner.card import write_card

        write_card(out, meta)
    return meta


def measure_speed(tagger: CrfTagger, sentences: list[Sentence], repeats: int = 2) -> float:
    """Tokens per second of featurize + tag + marginals, Views precomputed (as the pipeline has tokens)."""
    vs = [views(w) for w, _ in sentences]
    n = sum(len(v) for v in vs) * repeats
    tagger.featurizer._cache.clear()
    t = time.perf_counter()
    for _ in range(repeats):
        for i in range(0, len(vs), DOC_WINDOW):
            tagger.tag_document(vs[i : i + DOC_WINDOW])
    return n / (time.perf_counter() - t)


def train_cli(*, out: Path | None, ner_dir: Path | None, clusters: Path | None, corpus: Path | None,
              sources: str, c1: float | None, c2: float | None, max_iterations: int | None) -> dict[str, Any]:
    """`seedx train ner`: defaults are the shipped model's settings."""
    from seedx.stages.ner.backends import builtin_model_dir
    from seedx.stages.ner.clusters import build_clusters

    out = out or builtin_model_dir()
    ner_dir = ner_dir or default_ner_dir()
    if not (ner_dir / "anercorp" / "train.txt").exists():
        raise SystemExit(f"no NER corpora at {ner_dir}: pass --ner-dir")
    cfg = TrainConfig()
    if sources:
        cfg.sources = [s.strip() for s in sources.split(",") if s.strip()]
    for name, value in (("c1", c1), ("c2", c2), ("max_iterations", max_iterations)):
        if value is not None:
            setattr(cfg, name, value)
    out.mkdir(parents=True, exist_ok=True)
    corpus = corpus or ner_dir.parent / "corpus" / "news.jsonl.gz"
    need_clusters = clusters is None and not (out / CLUSTERS_FILE).exists()
    need_names = cfg.harvest and not (out / HARVEST_FILE).exists()
    if need_clusters or need_names:
        import tempfile

        from seedx.stages.ner import harvest
        from seedx.stages.ner.clusters import corpus_text

        with tempfile.TemporaryDirectory() as tmp:
            if need_clusters:
                print(f"building word clusters from {corpus} (a few minutes, one core)")
                build_clusters(corpus, out / CLUSTERS_FILE, work=Path(tmp), seed=cfg.seed)
            if need_names:
                print(f"harvesting names from {corpus}")
                harvest.save(harvest.harvest(corpus_text(corpus, Path(tmp))), out / HARVEST_FILE)
    return train(out, ner_dir, cfg, clusters=clusters or out / CLUSTERS_FILE)


def gold_scores(model: Path, sets: list[Path]) -> dict[str, Any]:
    """Micro lenient/strict entity scores of the whole pipeline with this model on gold sets."""
    from seedx.evaluate.entities import score_entities
    from seedx.stages.ner import load_builtin

    load_builtin.cache_clear()
    result = score_entities([s for s in sets if (s / "input.jsonl").exists()],
                            {"ner": "builtin", "ner_model": str(model)})
    load_builtin.cache_clear()
    out = {name: {mode: rows[mode] for mode in ("lenient", "strict")} for name, rows in result["sets"].items()}
    out["all"] = {mode: result["all"][mode] for mode in ("lenient", "strict")}
    return out
