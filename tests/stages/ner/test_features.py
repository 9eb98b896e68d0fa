from __future__ import annotations

from pathlib import Path

import numpy as np

from seedx.stages.ner.crf import load_vectors
from seedx.stages.ner.features import Featurizer, View, view_of_word
from seedx.stages.ner.lexicon import Lexicon, entry_keys


def _lexicon() -> Lexicon:
    lex = Lexicon()
    lex.add("GAZ-LOC", entry_keys("غزة"))
    lex.add("GAZ-ORG", entry_keys("الأمم المتحدة"))
    lex.add("TITLE", entry_keys("الرئيس"))
    lex.reindex()
    return lex


def test_view_of_word_matches_the_tokenizer() -> None:
    assert view_of_word("وبغزة") == View("وبغزه", "وب", "word")
    assert view_of_word("للقدس").stem == "القدس"
    assert view_of_word("2019").kind == "number"
    assert view_of_word("CNN").kind == "latin"
    assert view_of_word("،").kind == "punct"


def test_gazetteer_context_and_cue_features() -> None:
    feat = Featurizer(_lexicon(), {"غزه": ("1", "2", "3")}, cue_window=3)
    words = ["قال", "الرئيس", "في", "وغزة", "إن", "الأمم", "المتحدة"]
    f = feat.sentence([view_of_word(w) for w in words])
    assert "g=LOC" in f[3] and "s=غزه" in f[3] and "c=و" in f[3] and "k2=3" in f[3]
    assert "-1t=TITLE" in f[2] and "cw=TITLE" in f[3] and "cw=TITLE" not in f[2]
    assert "gm=B-ORG" in f[5] and "gm=I-ORG" in f[6]
    assert "-1BOUND" in f[0] and "1BOUND" in f[6]


def test_dense_vectors_become_weighted_features(tmp_path: Path) -> None:
    np.savez_compressed(tmp_path / "v.npz", words=np.array(["غزه"]), matrix=np.array([[0.5, -0.25]], "float16"))
    feat = Featurizer(_lexicon(), {}, vectors=load_vectors(tmp_path / "v.npz"))
    items = feat.items([view_of_word("في"), view_of_word("غزة")])
    assert items[1]["e0"] == 0.5 and items[1]["e1"] == -0.25 and items[1]["bias"] == 1.0
    assert "e0" not in items[0]
    assert load_vectors(tmp_path / "missing.npz") is None
