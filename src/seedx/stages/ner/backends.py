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
PROJECT_STANZA_MODEL = "stanza-ner-1"
"""seedx's own stanza NER model (stanza's trainer on ANERcorp), used by `--ner stanza` when stanza's official
Arabic model is not installed; never chosen by `auto`."""


@lru_cache(maxsize=1)
def repo_root() -> Path:
    """The checkout holding models/ (resolved once: the NER stage asks for every article)."""
    return Path(__file__).resolve().parents[4]


def shipped_model_dir(name: str, marker: str, path: str | Path | None = None) -> Path:
    """A model directory: an explicit path, or models/<name> of the repository, else of the working
    directory, wherever its `marker` file is (the repository's when neither has it)."""
    if path:
        return Path(path)
    for base in (repo_root(), Path.cwd()):
        p = base / "models" / name
        if (p / marker).exists():
            return p
    return repo_root() / "models" / name


def builtin_model_dir(path: str | Path | None = None) -> Path:
    """The builtin model: an explicit path, $SEEDX_NER_MODEL, or models/ner-1 of the repository (or cwd)."""
    return shipped_model_dir(BUILTIN_MODEL, "model.crfsuite", path or os.environ.get("SEEDX_NER_MODEL"))


def neural_model_dir(path: str | Path | None = None) -> Path:
    """The neural model (stacked on ner-1, its sibling): an explicit path, or models/ner-nn-1 of the repository
    (or cwd)."""
    return shipped_model_dir(NEURAL_MODEL, "weights.pt", path)


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
    """Whether `--ner stanza` can run. With `root`: stanza's official Arabic NER model is installed there
    (resources.json and ar/ner/*.pt). Without: the official model under `stanza_dir()`, or else seedx's own
    stanza model (models/stanza-ner-1) with the stanza package."""
    if root is not None:
        return (root / "resources.json").exists() and any((root / "ar" / "ner").glob("*.pt"))
    return stanza_ner_installed(stanza_dir()) or project_stanza_installed()


def project_stanza_dir(path: str | Path | None = None) -> Path:
    """seedx's stanza NER model: an explicit path, or models/stanza-ner-1 of the repository (or cwd)."""
    from seedx.stages.ner.stanza_backend import MODEL_FILE

    return shipped_model_dir(PROJECT_STANZA_MODEL, MODEL_FILE, path)


def project_stanza_installed(path: str | Path | None = None) -> bool:
    """seedx's stanza model files are there and the stanza package is importable (checked without importing)."""
    import importlib.util

    from seedx.stages.ner.stanza_backend import MODEL_FILE, PRETRAIN_FILE, RESOURCES_FILE

    p = project_stanza_dir(path)
    if not all((p / f).exists() for f in (MODEL_FILE, PRETRAIN_FILE, RESOURCES_FILE)):
        return False
    try:
        return importlib.util.find_spec("stanza") is not None
    except (ImportError, ValueError):
        return False


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
    official = stanza_ner_installed(sroot)
    if official or not project_stanza_installed():
        stanza_where = str(sroot)
    else:
        stanza_where = (f"{project_stanza_dir()} (seedx-trained on ANERcorp; stanza's official Arabic model is not "
                        f"installed under {sroot})")
    return [
        BackendInfo("builtin", (b / "model.crfsuite").exists(), str(b),
                    "shipped with seedx; rebuild: seedx train ner (needs ../shared/ner)"),
        BackendInfo("neural", (neural_model_dir() / "weights.pt").exists(), str(neural_model_dir()),
                    "shipped with seedx (needs torch); rebuild: python -m seedx.stages.ner.train_neural"),
        BackendInfo("camel", camel is not None, str(camel or camel_data_dir() / "data" / "ner" / "arabert"),
                    "camel_data -i ner-arabert   (set CAMELTOOLS_DATA to choose the folder)"),
        BackendInfo("stanza", official or project_stanza_installed(), stanza_where,
                    f"python -c \"import stanza; stanza.download('ar', model_dir='{repo_root() / 'models' / 'stanza'}',"
                    " processors='tokenize,mwt,ner')\""),
    ]


def resolve_backend(name: str | None) -> str:
    """auto: camel where its NER data is installed, else stanza where its official Arabic NER model is, else
    builtin (never seedx's own stanza model, which scores below the builtin on ANERcorp dev)."""
    name = (name or "auto").lower()
    if name == "auto":
        if camel_ner_dir() is not None:
            return "camel"
        if stanza_ner_installed(stanza_dir()):
            return "stanza"
        return "builtin"
    if name not in BACKENDS:
        raise ValueError(f"unknown NER backend {name!r}: choose builtin, neural, camel, stanza or auto")
    return name
