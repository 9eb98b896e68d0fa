"""Train stanza's own NER tagger on ANERcorp with seedx's word vectors: models/stanza-ner-1.

    python -m seedx.stages.ner.train_stanza --vectors DIR/vectors.kv --out models/stanza-ner-1

Steps (each skipped when its output already exists in the work directory):

1. ANERcorp train (../shared/ner/anercorp/train.txt, long sentences cut as for the other models) as
   stanza's NER JSON, words in seedx's normalized form (`Token.norm`, clitics attached, as ANERcorp
   writes them and as the word vectors were trained); the last tenth is stanza's dev set (early stopping
   and model selection). ANERcorp dev.txt is only scored, never trained on.
2. A stanza pretrain file from a gensim word2vec `vectors.kv` (`seedx.stages.ner.clusters.build_clusters`
   leaves one in its work directory): the `--max-words` most frequent words plus every training word the
   vectors know.
3. `stanza.models.ner_tagger --mode train` on the CPU, one thread, fixed seed.
4. Scores on ANERcorp dev with seedx's conlleval scorer, sentence by sentence and with the document
   consistency pass over runs of 20 sentences (how `ner-1` and `ner-nn-1` are scored); `scores.json`.

Run it with OMP_NUM_THREADS=1 for figures comparable to the other models' cards.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from seedx.stages.ner.data import Sentence, chunk, read_conll
from seedx.stages.ner.stanza_backend import MODEL_FILE, PRETRAIN_FILE

SCORES_FILE = "scores.json"


def word_form(word: str) -> str:
    """The form stanza sees: seedx's normalized token (what `Token.norm` holds at tagging time)."""
    from seedx.stages.ner.features import view_of_word

    return view_of_word(word).norm


def to_json(sents: list[Sentence], path: Path) -> None:
    """stanza's NER training format: a list of sentences, each a list of {"text", "ner"} tokens (IOB2)."""
    data = [[{"text": word_form(w), "ner": t} for w, t in zip(words, tags, strict=True)] for words, tags in sents]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def prepare(ner_dir: Path, work: Path, heldout: float) -> tuple[Path, Path, set[str]]:
    """train.json / heldout.json in `work` and the set of training word forms."""
    sents = chunk(list(read_conll(ner_dir / "anercorp" / "train.txt")))
    n_held = int(len(sents) * heldout)
    fit, held = sents[: len(sents) - n_held], sents[len(sents) - n_held :]
    work.mkdir(parents=True, exist_ok=True)
    train_json, held_json = work / "train.json", work / "heldout.json"
    to_json(fit, train_json)
    to_json(held, held_json)
    words = {word_form(w) for ws, _ in sents for w in ws}
    print(f"train: {len(fit)} sentences, {sum(len(w) for w, _ in fit)} tokens; "
          f"held out: {len(held)} sentences", flush=True)
    return train_json, held_json, words


def build_pretrain(vectors: Path, words: set[str], out: Path, max_words: int) -> int:
    """A stanza pretrain .pt: the `max_words` most frequent words of `vectors` and every word of `words` it
    knows, most frequent first. Returns the number of words."""
    import torch
    from gensim.models import KeyedVectors
    from stanza.models.common.pretrain import Pretrain

    kv = KeyedVectors.load(str(vectors))
    keep = [w for i, w in enumerate(kv.index_to_key) if i < max_words or w in words]
    text = out.with_suffix(".txt")
    with open(text, "w", encoding="utf-8") as f:
        f.write(f"{len(keep)} {kv.vector_size}\n")
        for w in keep:
            f.write(w + " " + " ".join(f"{x:.5f}" for x in kv[w]) + "\n")
    pre = Pretrain(None, str(text), save_to_file=False)
    # float16 on disk halves the shipped file; stanza copies it into its float32 embedding at load time.
    torch.save({"vocab": pre.vocab.state_dict(), "emb": pre.emb.half()}, str(out), _use_new_zipfile_serialization=False)
    text.unlink()
    return len(keep)


def shrink_model(src: Path, dst: Path) -> None:
    """Copy stanza's saved model with its float tensors as float16 (half the size; stanza's load_state_dict
    copies them into its float32 parameters)."""
    import torch

    data = torch.load(str(src), map_location="cpu", weights_only=True)
    data["model"] = {k: v.half() if v.is_floating_point() else v for k, v in data["model"].items()}
    torch.save(data, str(dst), _use_new_zipfile_serialization=False)


def write_support_files(out: Path) -> None:
    """The empty resources.json stanza's Pipeline wants, and a copy of the builtin model's lexicon (cue words and
    organization heads of the consistency pass)."""
    import shutil

    from seedx.stages.ner.backends import builtin_model_dir
    from seedx.stages.ner.stanza_backend import LEXICON_FILE, RESOURCES_FILE

    (out / RESOURCES_FILE).write_text("{}\n", encoding="utf-8")
    shutil.copyfile(builtin_model_dir() / LEXICON_FILE, out / LEXICON_FILE)


def stanza_args(train_json: Path, held_json: Path, pretrain: Path, save_dir: Path, a: argparse.Namespace,
                ) -> list[str]:
    return ["--mode", "train", "--shorthand", "ar_anercorp", "--train_file", str(train_json),
            "--eval_file", str(held_json), "--wordvec_pretrain_file", str(pretrain),
            "--save_dir", str(save_dir), "--save_name", MODEL_FILE, "--cpu", "--seed", str(a.seed),
            "--max_steps", str(a.max_steps), "--eval_interval", str(a.eval_interval),
            "--max_steps_no_improve", str(a.max_steps_no_improve), "--batch_size", str(a.batch_size),
            "--hidden_dim", str(a.hidden_dim), "--char_hidden_dim", str(a.char_hidden_dim),
            "--log_step", "50", *a.stanza_extra]


def train_stanza(argv: list[str]) -> float:
    """stanza's trainer, one thread; returns the seconds it took."""
    import torch
    from stanza.models import ner_tagger

    torch.set_num_threads(1)
    t = time.perf_counter()
    ner_tagger.main(argv)
    return time.perf_counter() - t


def score_dev(model_dir: Path, ner_dir: Path) -> dict[str, Any]:
    """conlleval scores on ANERcorp dev: sentence by sentence and as 20-sentence documents; speed."""
    from seedx.stages.ner.stanza_backend import ProjectStanza
    from seedx.stages.ner.train import DOC_WINDOW, evaluate_tagger, views

    t = time.perf_counter()
    tagger = ProjectStanza.load(model_dir)
    load_s = time.perf_counter() - t
    dev = list(read_conll(ner_dir / "anercorp" / "dev.txt"))
    t = time.perf_counter()
    sent = evaluate_tagger(tagger, dev, consistency=False)
    tag_s = time.perf_counter() - t
    doc = evaluate_tagger(tagger, dev, consistency=True)
    n_tokens = sum(len(w) for w, _ in dev)
    # speed again on documents of DOC_WINDOW sentences (tags only, no scoring)
    vs = [views(w) for w, _ in dev]
    t = time.perf_counter()
    for i in range(0, len(vs), DOC_WINDOW):
        tagger.tag_document(vs[i : i + DOC_WINDOW], consistency=True)
    doc_s = time.perf_counter() - t
    return {"dev_sentence": sent.as_dict(), "dev_document": doc.as_dict(),
            "report_sentence": sent.report(), "report_document": doc.report(),
            "speed": {"load_seconds": round(load_s, 3), "tokens": n_tokens,
                      "tokens_per_second_sentence": round(n_tokens / tag_s),
                      "tokens_per_second_document": round(n_tokens / doc_s)}}


def main(argv: list[str] | None = None) -> None:
    from seedx.stages.ner.train import default_ner_dir

    p = argparse.ArgumentParser(prog="python -m seedx.stages.ner.train_stanza", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--vectors", type=Path, required=True, help="gensim KeyedVectors (vectors.kv of build_clusters)")
    p.add_argument("--out", type=Path, default=Path("models/stanza-ner-1"), help="model directory to write")
    p.add_argument("--ner-dir", type=Path, default=None, help="NER corpora (default ../shared/ner)")
    p.add_argument("--work", type=Path, default=Path("/tmp/seedx_stanza_ner"), help="work directory")
    p.add_argument("--max-words", type=int, default=40_000, help="most frequent corpus words in the pretrain")
    p.add_argument("--heldout", type=float, default=0.1, help="last fraction of train for stanza's dev set")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-steps", type=int, default=10000)
    p.add_argument("--eval-interval", type=int, default=200)
    p.add_argument("--max-steps-no-improve", type=int, default=3000)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--hidden-dim", type=int, default=256)
    p.add_argument("--char-hidden-dim", type=int, default=100)
    p.add_argument("--score-only", action="store_true", help="only score the model in --out")
    p.add_argument("stanza_extra", nargs="*", help="more options for stanza's ner_tagger (after --)")
    a = p.parse_args(argv)
    ner_dir = a.ner_dir or default_ner_dir()
    out: Path = a.out
    meta: dict[str, Any] = {}
    if not a.score_only:
        train_json, held_json, words = prepare(ner_dir, a.work, a.heldout)
        out.mkdir(parents=True, exist_ok=True)
        write_support_files(out)
        n_words = build_pretrain(a.vectors, words, out / PRETRAIN_FILE, a.max_words)
        print(f"pretrain: {n_words} words", flush=True)
        save_dir = a.work / "saved"
        args = stanza_args(train_json, held_json, out / PRETRAIN_FILE, save_dir, a)
        seconds = train_stanza(args)
        shrink_model(save_dir / MODEL_FILE, out / MODEL_FILE)
        meta = {"train": {"seconds": round(seconds, 1), "pretrain_words": n_words, "stanza_args": args,
                          "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(a).items()}}}
    scores = score_dev(out, ner_dir)
    print(scores["report_sentence"], scores["report_document"], json.dumps(scores["speed"]), sep="\n\n", flush=True)
    old = json.loads((out / SCORES_FILE).read_text(encoding="utf-8")) if (out / SCORES_FILE).exists() else {}
    old.update(meta)
    old.update({k: v for k, v in scores.items() if not k.startswith("report")})
    (out / SCORES_FILE).write_text(json.dumps(old, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
