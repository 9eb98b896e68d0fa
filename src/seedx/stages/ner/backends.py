"""Which NER backends are installed, found without importing them or touching the network.

camel-tools downloads its catalogue on import when it has none, and stanza
downloads models unless told not to, so both are probed on disk only; they
are imported only once their data is known to be there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BACKENDS = ("builtin", "neural", "camel", "stanza")
BUILTIN_MODEL = "ner-1"
NEURAL_MODEL = "ner-nn-1"


@lru_cache(maxsize=1)
def repo_root() -> Path:
    """The checkout holding models/ (resolved once: the NER stage asks for every article)."""
    return Path(__file__).resolve().parents[4]


def builtin_model_dir(path: str | Path | None = None) -> Path:
    """The builtin model: an explicit path, $SEEDX_NER_MODEL, or models/ner-1 of the repository (or cwd)."""
    if path:
        return Path(path)
    env = os.environ.get("SEEDX_NER_MODEL")
    if env:
        return Path(env)
    for base in (repo_root(), Path.cwd()):
        p = base / "models" / BUILTIN_MODEL
        if (p / "model.crfsuite").exists():
            return p
    return repo_root() / "models" / BUILTIN_MODEL


def neural_model_dir(path: str | Path | None = None) -> Path:
    """The neural model (stacked on ner-1, its sibling): an explicit path, or models/ner-nn-1 of the repository
    (or cwd)."""
    if path:
        return Path(path)
    for base in (repo_root(), Path.cwd()):
        p = base / "models" / NEURAL_MODEL
        if (p / "weights.pt").exists():
            return p
    return repo_root() / "models" / NEURAL_MODEL


def camel_data_dir() -> Path:
    """camel-tools' data directory ($CAMELTOOLS_DATA or ~/.camel_tools), as camel-tools computes it."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser().absolute() if env else Path.home() / ".camel_tools"


def camel_ner_dir() -> Path | None:
    """The installed camel-tools NER model directory (catalogue present too, else import would download)."""
    base = camel_data_dir()
    model = base / "data" / "ner" / "arabert"
    if (base / "catalogue.json").exists() and (model / "config.json").exists():
        return model
    return None


def stanza_dir() -> Path:
    """models/stanza of the repository if present, else $STANZA_RESOURCES_DIR, else stanza's default."""
    local = repo_root() / "models" / "stanza"
    if local.exists():
        return local
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    return Path.home() / "stanza_resources"


def stanza_ner_installed(root: Path | None = None) -> bool:
    root = root or stanza_dir()
    return (root / "resources.json").exists() and any((root / "ar" / "ner").glob("*.pt"))


@dataclass(frozen=True)
class BackendInfo:
    name: str
    installed: bool
    where: str
    install: str


def list_backends(model: str | Path | None = None) -> list[BackendInfo]:
    """What `seedx models` prints: each backend, whether it is usable offline now, and how to install it."""
    b = builtin_model_dir(model)
    camel = camel_ner_dir()
    sroot = stanza_dir()
    return [
        BackendInfo("builtin", (b / "model.crfsuite").exists(), str(b),
                    "shipped with seedx; rebuild: seedx train ner (needs ../shared/ner)"),
        BackendInfo("neural", (neural_model_dir() / "weights.pt").exists(), str(neural_model_dir()),
                    "shipped with seedx (needs torch); rebuild: python -m seedx.stages.ner.train_neural"),
        BackendInfo("camel", camel is not None, str(camel or camel_data_dir() / "data" / "ner" / "arabert"),
                    "camel_data -i ner-arabert   (set CAMELTOOLS_DATA to choose the folder)"),
        BackendInfo("stanza", stanza_ner_installed(sroot), str(sroot),
                    f"python -c \"import stanza; stanza.download('ar', model_dir='{repo_root() / 'models' / 'stanza'}',"
                    " processors='tokenize,mwt,ner')\""),
    ]


def resolve_backend(name: str | None) -> str:
    """auto: camel where its NER data is installed, else stanza where its Arabic NER model is, else builtin."""
    name = (name or "auto").lower()
    if name == "auto":
        if camel_ner_dir() is not None:
            return "camel"
        if stanza_ner_installed():
            return "stanza"
        return "builtin"
    if name not in BACKENDS:
        raise ValueError(f"unknown NER backend {name!r}: choose builtin, neural, camel, stanza or auto")
    return name
