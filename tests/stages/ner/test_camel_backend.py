"""The camel-tools adapter against a real NERecognizer: a tiny random BERT saved where camel-tools looks.

Runs in a subprocess because camel-tools fixes its data directory (and
fetches its catalogue when missing) at import time.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

if importlib.util.find_spec("transformers") is None or importlib.util.find_spec("camel_tools") is None:
    pytest.skip("camel-tools with transformers is not installed", allow_module_level=True)

_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]

_SCRIPT = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from test_camel_backend import _tiny_bert
_tiny_bert(Path(sys.argv[2]))
from seedx.document import Document
from seedx.stages.ner import config, run
from seedx.stages.ner.backends import resolve_backend
from seedx.stages.normalize import normalize
from seedx.stages.tokenize import tokenize

raw = "وصل خالد إلى وإسطنبول."
doc = run(tokenize(normalize(Document(id="c", raw=raw))), {"ner": "auto"})
print(json.dumps({"auto": resolve_backend("auto"), "config": config({"ner": "auto"}),
                  "ents": [[e.text, e.label, e.start, e.end] for e in doc.entities], "raw": raw}))
"""


def _tiny_bert(path: Path) -> None:
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *"ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآ.", "##ل", "##ا"]
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    BertTokenizer(str(path / "vocab.txt")).save_pretrained(str(path))
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=300, num_labels=len(_LABELS),
                     id2label=dict(enumerate(_LABELS)), label2id={k: i for i, k in enumerate(_LABELS)})
    torch.manual_seed(0)
    model = BertForTokenClassification(cfg)
    with torch.no_grad():  # every token B-PERS, whatever the random encoder says
        model.classifier.bias.fill_(0.0)
        model.classifier.bias[_LABELS.index("B-PERS")] = 100.0
    model.save_pretrained(str(path))


def test_camel_adapter_with_a_tiny_model(tmp_path: Path) -> None:
    data = tmp_path / "camel"
    model_dir = data / "data" / "ner" / "arabert"
    model_dir.mkdir(parents=True)
    catalogue = {"version": "1.6", "packages": {}, "components": {"NamedEntityRecognition": {
        "default": "arabert", "datasets": {"arabert": {"path": "ner/arabert"}}}}}
    (data / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    env = dict(os.environ, CAMELTOOLS_DATA=str(data), OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1",
               STANZA_RESOURCES_DIR=str(tmp_path / "no-stanza"))
    proc = subprocess.run([sys.executable, "-c", _SCRIPT, str(Path(__file__).parent), str(model_dir)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["auto"] == "camel" and out["config"]["backend"] == "camel"
    raw = out["raw"]
    # Every token is B-PERS: one PER entity per token, proclitic و left out of وإسطنبول.
    assert [e[0] for e in out["ents"]] == ["وصل", "خالد", "إلى", "إسطنبول", "."]
    assert all(e[1] == "PER" and raw[e[2] : e[3]] == e[0] for e in out["ents"])


def test_no_camel_data_means_builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seedx.stages.ner import backends

    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    monkeypatch.setattr(backends, "stanza_ner_installed", lambda root=None: False)
    assert backends.camel_ner_dir() is None
    assert backends.resolve_backend("auto") == "builtin"
    with pytest.raises(ValueError):
        backends.resolve_backend("spacy")
