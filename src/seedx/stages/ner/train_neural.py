"""Training the neural tagger (neural.py) on ANERcorp train, reproducibly on one CPU thread.

Word vectors come from a gensim KeyedVectors file of word2vec trained on the
news corpus (the one clusters.build_clusters saves as vectors.kv); the lexicon
is the CRF model's (lexicon.tsv.gz of models/ner-1). Early stopping uses the
last tenth of the train split; ANERcorp dev is only scored, never trained on.

    python -m seedx.stages.ner.train_neural --jackknife /tmp/jk/train_marginals.npz
    python -m seedx.stages.ner.train_neural --vectors vectors.kv --out models/ner-nn-1 --crf 1 \
        --stack ner-1 --stack-marginals /tmp/jk/train_marginals.npz

The first command writes the stacked model's training input: CRF marginals of
each train sentence from CRFs trained on the other four fifths (ner-1's
features and settings). Without --stack the network stands alone.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from seedx.evaluate.conll import score
from seedx.stages.ner.data import Sentence, chunk, read_conll
from seedx.stages.ner.features import View
from seedx.stages.ner.lexicon import Lexicon
from seedx.stages.ner.neural import (
    LEXICON_FILE,
    TAGS,
    UNK,
    VOCAB_FILE,
    WEIGHTS_FILE,
    Encoder,
    EnsembleTagger,
    Net,
    NetConfig,
    NeuralTagger,
    decode,
    lexicon_kinds,
    tensors,
)
from seedx.stages.ner.train import DOC_WINDOW, evaluate_tagger, views


@dataclass
class NeuralConfig:
    """Everything that decides the model besides the data files; written to vocab.json."""

    hidden: int = 128
    char_filters: int = 64
    dropout: float = 0.5
    word_dropout: float = 0.05
    """Probability of reading a training word (and its stem) as unknown."""
    freeze_words: bool = False
    lr: float = 2e-3
    batch: int = 16
    max_epochs: int = 30
    patience: int = 6
    heldout: float = 0.1
    """Last fraction of the train split used for early stopping."""
    max_vocab: int = 100_000
    """Corpus words kept (most frequent first), besides every word of the training data."""
    seed: int = 1
    crf: bool = False
    """CRF output layer instead of per-token softmax."""
    stack: str = ""
    """Builtin CRF model name (sibling of the output directory) whose marginals are extra inputs; "" for none.
    Training reads jackknifed marginals of the train split from `stack_marginals` (jackknife.py)."""


def build_vocab(train_views: list[list[View]], kv: Any, max_vocab: int) -> tuple[list[str], np.ndarray]:
    """Words (PAD, UNK, training forms, top corpus words) and their initial vectors (unit-scaled w2v)."""
    from seedx.stages.ner.lexicon import core

    words = ["<pad>", "<unk>"]
    seen = set(words)
    for vs in train_views:
        for v in vs:
            low = v.norm.lower() if v.kind == "latin" else v.norm
            for w in (low, v.stem, core(v.stem)):
                if w not in seen:
                    seen.add(w)
                    words.append(w)
    for w in kv.index_to_key[:max_vocab]:
        if w not in seen:
            seen.add(w)
            words.append(w)
    dim = kv.vector_size
    rng = np.random.default_rng(1)
    scale = float(kv.vectors.std())
    mat = rng.normal(0.0, 0.1, size=(len(words), dim)).astype(np.float32)
    mat[0] = 0.0
    for i, w in enumerate(words):
        j = kv.key_to_index.get(w)
        if j is not None:
            mat[i] = kv.vectors[j] / scale * 0.1
    return words, mat


def build_chars(words: list[str], train_views: list[list[View]], min_count: int = 2) -> list[str]:
    from collections import Counter

    counts: Counter[str] = Counter()
    for vs in train_views:
        for v in vs:
            counts.update(v.norm)
    for w in words[2:]:
        counts.update(set(w))
    return ["<pad>", "<unk>", *sorted(c for c, n in counts.items() if n >= min_count)]


def _heldout_f1(net: Net, batches: list[tuple[dict[str, torch.Tensor], list[list[str]]]]) -> float:
    net.eval()
    pairs = []
    with torch.inference_mode():
        for x, gold in batches:
            p = net.distributions(net(**x), x["lengths"]).numpy()
            for row, g in enumerate(gold):
                pairs.append((g, [TAGS[j] for j in decode(p[row, : len(g)])]))
    net.train()
    return score(pairs).prf()[2]


def train(out: Path, ner_dir: Path, vectors: Path, lexicon_path: Path, cfg: NeuralConfig, *,
          crf_model: Path | None = None, log: Any = print, dev: bool = True,
          stack_marginals: Path | None = None) -> dict[str, Any]:
    """Train into `out` (weights.pt, vocab.json, lexicon.tsv.gz); return the metadata with dev scores."""
    from gensim.models import KeyedVectors

    t0 = time.time()
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    out.mkdir(parents=True, exist_ok=True)
    lexicon = Lexicon.load(lexicon_path)
    if lexicon_path.resolve() != (out / LEXICON_FILE).resolve():
        shutil.copyfile(lexicon_path, out / LEXICON_FILE)
    sents = chunk(list(read_conll(ner_dir / "anercorp" / "train.txt")))
    all_views = [views(w) for w, _ in sents]
    n_held = int(len(sents) * cfg.heldout)
    n_fit = len(sents) - n_held
    kv = KeyedVectors.load(str(vectors))
    words, matrix = build_vocab(all_views, kv, cfg.max_vocab)
    chars = build_chars(words, all_views)
    net_cfg = NetConfig(word_dim=kv.vector_size, hidden=cfg.hidden, char_filters=cfg.char_filters,
                        dropout=cfg.dropout, lex_kinds=lexicon_kinds(lexicon), crf=cfg.crf,
                        stack=cfg.stack)
    encoder = Encoder(words, chars, lexicon, net_cfg)
    net = Net(len(words), len(chars), net_cfg, sparse=not cfg.freeze_words)
    net.words.weight.data.copy_(torch.from_numpy(matrix))
    net.words.weight.requires_grad = not cfg.freeze_words
    tag_id = {t: i for i, t in enumerate(TAGS)}
    enc = [encoder.sentence(v) for v in all_views]
    stacked: list[np.ndarray] | None = None
    if cfg.stack:
        assert stack_marginals is not None, "a stacked model trains on jackknifed CRF marginals"
        data = np.load(stack_marginals)
        stacked = [data[f"arr_{i}"] for i in range(len(sents))]
        assert all(len(m) == len(e[0]) for m, e in zip(stacked, enc, strict=True))
    gold = [[tag_id[t] for t in tags] for _, tags in sents]
    held = [(tensors(enc[i : i + 64], encoder.n_feats, stacked[i : i + 64] if stacked else None),
             [sents[j][1] for j in range(i, min(i + 64, len(sents)))]) for i in range(n_fit, len(sents), 64)]
    # The word matrix is large and a batch touches few rows: sparse gradients and SparseAdam for it.
    params = [p for n, p in net.named_parameters() if n != "words.weight"]
    opts: list[torch.optim.Optimizer] = [torch.optim.Adam(params, lr=cfg.lr)]
    if not cfg.freeze_words:
        opts.append(torch.optim.SparseAdam([net.words.weight], lr=cfg.lr))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-1)
    order = list(range(n_fit))
    rng = random.Random(cfg.seed)
    best, best_epoch, best_state = -1.0, 0, None
    history = []
    net.train()
    for epoch in range(1, cfg.max_epochs + 1):
        te = time.time()
        rng.shuffle(order)
        total = 0.0
        for k in range(0, n_fit, cfg.batch):
            idx = order[k : k + cfg.batch]
            x = tensors([enc[i] for i in idx], encoder.n_feats, [stacked[i] for i in idx] if stacked else None)
            y = torch.full(x["words"].shape, -1, dtype=torch.int64)
            for row, i in enumerate(idx):
                y[row, : len(gold[i])] = torch.tensor(gold[i])
            if cfg.word_dropout:
                drop = (torch.rand(x["words"].shape) < cfg.word_dropout) & (x["words"] > UNK)
                x["words"] = x["words"].masked_fill(drop, UNK)
                x["stems"] = x["stems"].masked_fill(drop, UNK)
            logits = net(**x)
            if cfg.crf:
                loss = net.crf_nll(logits, y.clamp(min=0), x["lengths"]) / len(idx)
            else:
                loss = loss_fn(logits.reshape(-1, len(TAGS)), y.reshape(-1))
            for opt in opts:
                opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            for opt in opts:
                opt.step()
            total += float(loss.detach()) * len(idx)
        f1 = _heldout_f1(net, held)
        history.append({"epoch": epoch, "loss": round(total / n_fit, 4), "heldout_f1": round(f1, 4),
                        "seconds": round(time.time() - te, 1)})
        log(f"epoch {epoch}: loss {total / n_fit:.4f} held-out F1 {f1:.4f} ({time.time() - te:.0f} s)")
        if f1 > best:
            best, best_epoch = f1, epoch
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        elif epoch - best_epoch >= cfg.patience:
            break
    train_s = time.time() - t0
    assert best_state is not None
    torch.save({k: v.half() for k, v in best_state.items()}, out / WEIGHTS_FILE)
    meta: dict[str, Any] = {"name": out.name, "net": asdict(net_cfg), "train": asdict(cfg), "consistency": True,
                            "words": words, "chars": chars, "train_sentences": n_fit, "heldout_sentences": n_held,
                            "train_tokens": sum(len(s[0]) for s in sents[:n_fit]), "best_epoch": best_epoch,
                            "heldout_f1": round(best, 4), "history": history, "train_seconds": round(train_s, 1)}
    if cfg.stack:
        from seedx.stages.ner.neural import crf_digest

        meta["stack_digest"] = crf_digest(out.parent / cfg.stack)
    (out / VOCAB_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    log(f"trained in {train_s:.0f} s; best held-out F1 {best:.4f} at epoch {best_epoch}")
    if dev and (ner_dir / "anercorp" / "dev.txt").exists():
        meta.update(score_dev(out, ner_dir, crf_model, log=log))
        (out / "scores.json").write_text(json.dumps({k: v for k, v in meta.items()
                                                     if k not in ("words", "chars")}, indent=2), encoding="utf-8")
    return meta


def score_dev(model: Path, ner_dir: Path, crf_model: Path | None, *, weights: tuple[float, ...] = (0.5,),
              log: Any = print) -> dict[str, Any]:
    """Dev scores of the network alone (sentence, document) and with the CRF at each ensemble weight."""
    dev = list(read_conll(ner_dir / "anercorp" / "dev.txt"))
    t = time.perf_counter()
    crf = None
    if crf_model is not None and (crf_model / "model.crfsuite").exists():
        from seedx.stages.ner.crf import CrfTagger

        crf = CrfTagger.load(crf_model)
    tagger = NeuralTagger.load(model, crf=crf if json.loads((model / VOCAB_FILE).read_text())["net"]["stack"] else None)
    res: dict[str, Any] = {"load_seconds": round(time.perf_counter() - t, 3)}
    res["dev_sentence_only"] = evaluate_tagger(tagger, dev, consistency=False).as_dict()
    s = evaluate_tagger(tagger, dev, consistency=True)
    res["dev"] = s.as_dict()
    log("neural, document pass:\n" + s.report())
    res["tokens_per_second"] = round(speed(tagger, dev))
    if crf is not None:
        res["ensemble"] = {}
        for w in weights:
            ens = EnsembleTagger(crf, tagger, w)
            s = evaluate_tagger(ens, dev, consistency=True)
            res["ensemble"][str(w)] = {"dev": s.as_dict(),
                                       "dev_sentence_only": evaluate_tagger(ens, dev, consistency=False).as_dict()}
            log(f"ensemble weight {w}:\n" + s.report())
        res["ensemble_tokens_per_second"] = round(speed(EnsembleTagger(crf, tagger, weights[0]), dev))
    return res


def jackknife(crf_model: Path, ner_dir: Path, out: Path, folds: int = 5, *, log: Any = print) -> Path:
    """CRF marginals of each train sentence from a CRF trained on the other folds (crf_model's features and
    crfsuite settings), saved as npz arrays arr_0.. in sentence order: the stacked model's training input."""
    import pycrfsuite

    from seedx.stages.ner.crf import CrfTagger

    crf = CrfTagger.load(crf_model)
    cfg = crf.meta.get("config", {})
    sents = chunk(list(read_conll(ner_dir / "anercorp" / "train.txt")))
    items = [crf.featurizer.items(views(w)) for w, _ in sents]
    fold = [i * folds // len(sents) for i in range(len(sents))]
    result: list[np.ndarray] = [np.zeros((0, len(TAGS)), dtype=np.float32)] * len(sents)
    out.parent.mkdir(parents=True, exist_ok=True)
    for f in range(folds):
        t = time.time()
        trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
        trainer.set_params({"c1": cfg.get("c1", 0.05), "c2": cfg.get("c2", 0.05),
                            "max_iterations": cfg.get("max_iterations", 200), "feature.possible_transitions": True})
        for it, (_, tags), g in zip(items, sents, fold, strict=True):
            if g != f:
                trainer.append(it, tags)
        path = out.parent / f"{out.stem}.fold{f}.crfsuite"
        trainer.train(str(path))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        labels = set(tagger.labels())
        for i, g in enumerate(fold):
            if g == f:
                tagger.set(items[i])
                m = np.zeros((len(items[i]), len(TAGS)), dtype=np.float32)
                for j, tag in enumerate(TAGS):
                    if tag in labels:
                        m[:, j] = [tagger.marginal(tag, p) for p in range(len(items[i]))]
                result[i] = m
        tagger.close()
        path.unlink()
        log(f"jackknife fold {f}: {time.time() - t:.0f} s")
    np.savez_compressed(out, *result)
    return out


def speed(tagger: Any, sentences: list[Sentence], repeats: int = 2) -> float:
    """Tokens per second of encode + network + decode + consistency, Views precomputed, 20-sentence documents."""
    vs = [views(w) for w, _ in sentences]
    n = sum(len(v) for v in vs) * repeats
    t = time.perf_counter()
    for _ in range(repeats):
        for i in range(0, len(vs), DOC_WINDOW):
            tagger.tag_document(vs[i : i + DOC_WINDOW])
    return n / (time.perf_counter() - t)


def main(argv: list[str] | None = None) -> None:
    from seedx.stages.ner.train import default_ner_dir

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("models/ner-nn-1"))
    ap.add_argument("--ner-dir", type=Path, default=None)
    ap.add_argument("--vectors", type=Path, help="gensim KeyedVectors (word2vec on the corpus); needed to train")
    ap.add_argument("--lexicon", type=Path, default=Path("models/ner-1/lexicon.tsv.gz"))
    ap.add_argument("--crf-model", type=Path, default=Path("models/ner-1"), help="CRF model for the ensemble scores")
    ap.add_argument("--weights", default="0.5", help="ensemble weights of the network to score")
    ap.add_argument("--stack-marginals", type=Path, default=None, help="jackknifed CRF marginals (npz) for --stack")
    for f, v in asdict(NeuralConfig()).items():
        ap.add_argument("--" + f.replace("_", "-"), type=type(v) if not isinstance(v, bool) else int, default=v)
    ap.add_argument("--jackknife", type=Path, default=None,
                    help="only write jackknifed CRF marginals of the train split (for --stack-marginals) here")
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    if a.jackknife:
        jackknife(a.crf_model, a.ner_dir or default_ner_dir(), a.jackknife)
        return
    cfg = NeuralConfig(**{f: (bool(getattr(a, f)) if isinstance(v, bool) else getattr(a, f))
                          for f, v in asdict(NeuralConfig()).items()})
    ner_dir = a.ner_dir or default_ner_dir()
    if a.vectors is None:
        ap.error("--vectors is needed to train")
    meta = train(a.out, ner_dir, a.vectors, a.lexicon, cfg, crf_model=None, dev=False,
                 stack_marginals=a.stack_marginals)
    meta.update(score_dev(a.out, ner_dir, a.crf_model, weights=tuple(float(w) for w in a.weights.split(","))))
    (a.out / "scores.json").write_text(json.dumps({k: v for k, v in meta.items() if k not in ("words", "chars")},
                                                  indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
