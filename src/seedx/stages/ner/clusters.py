"""Word clusters from the news corpus: the CRF's answer to unseen names.

ANERcorp is small; most names in new articles never occur in it. Words that
share contexts in 19M words of news (word2vec, then k-means at several
granularities) share a cluster id, so a feature learnt on one name transfers
to its neighbours. Only cluster ids leave the corpus, never its text.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+|\d+")
SIZES = (64, 256, 1024)


def corpus_sentences(corpus: Path, max_docs: int | None = None) -> Iterator[list[str]]:
    """Normalized token lists, one per corpus line of text."""
    import orjson

    from seedx.stages.normalize import normalize_text

    with gzip.open(corpus, "rb") as f:
        for i, line in enumerate(f):
            if max_docs is not None and i >= max_docs:
                break
            text = orjson.loads(line).get("text") or ""
            for para in normalize_text(text).text.split("\n"):
                words = _WORD.findall(para)
                if len(words) > 2:
                    yield words


def corpus_text(corpus: Path, work: Path, max_docs: int | None = None) -> Path:
    """The corpus normalized and space-tokenized, one paragraph a line, in `work` (made once)."""
    work.mkdir(parents=True, exist_ok=True)
    text = work / "w2v_corpus.txt"
    if not text.exists():
        tmp = text.with_suffix(".part")
        with open(tmp, "w", encoding="utf-8") as f:
            for words in corpus_sentences(corpus, max_docs):
                f.write(" ".join(words) + "\n")
        tmp.rename(text)
    return text


def build_clusters(corpus: Path, out: Path, *, work: Path, max_docs: int | None = None, seed: int = 1,
                   dim: int = 100, min_count: int = 10, epochs: int = 3, max_words: int = 200_000) -> Path:
    """Train word2vec on one core, cluster the vectors, write `word<TAB>c64<TAB>c256<TAB>c1024` (gzip)."""
    import numpy as np
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence
    from sklearn.cluster import MiniBatchKMeans

    text = corpus_text(corpus, work, max_docs)
    model = Word2Vec(LineSentence(str(text)), vector_size=dim, window=5, min_count=min_count, sg=0,
                     workers=1, epochs=epochs, seed=seed, max_final_vocab=max_words)
    words = model.wv.index_to_key
    model.wv.save(str(work / "vectors.kv"))
    vecs = model.wv.vectors / np.maximum(np.linalg.norm(model.wv.vectors, axis=1, keepdims=True), 1e-8)
    ids = []
    for k in SIZES:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3, max_iter=100)
        ids.append(km.fit_predict(vecs))
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(int(c[i])) for c in ids) + "\n")
    return out


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word -> cluster ids, coarse to fine.

    Most of the ~90k words share their ids with others (a few tens of thousands of distinct
    combinations), so equal tuples are stored once: a smaller model in every worker, loaded faster.
    """
    table: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return table
    with gzip.open(path, "rb") as f:
        text = f.read().decode("utf-8")
    shared: dict[str, tuple[str, ...]] = {}
    for line in text.split("\n"):
        if not line:
            continue
        word, _, ids = line.partition("\t")
        ids_tuple = shared.get(ids)
        if ids_tuple is None:
            ids_tuple = shared[ids] = tuple(ids.split("\t")) if ids else ()
        table[word] = ids_tuple
    return table
