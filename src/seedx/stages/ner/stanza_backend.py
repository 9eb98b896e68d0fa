"""stanza's Arabic NER, run on the raw text and aligned back to seedx's tokens.

stanza tokenizes for itself (its NER was trained on its own tokens), so its
entities come as character ranges of the raw text; each seedx token they
cover takes the entity's tag, and seedx's span rules apply as for any backend.
Models are read from models/stanza or $STANZA_RESOURCES_DIR, never downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from seedx.document import Document, Token
from seedx.stages.ner.data import map_tag


@lru_cache(maxsize=1)
def load_stanza(model_dir: str | None = None) -> Any:
    """stanza's Arabic tokenize+mwt+ner pipeline from local files only."""
    from seedx.stages.ner.backends import stanza_dir, stanza_ner_installed

    root = stanza_dir() if model_dir is None else __import__("pathlib").Path(model_dir)
    if not stanza_ner_installed(root):
        raise FileNotFoundError(f"stanza's Arabic NER model is not installed under {root}: see `seedx models`")
    import stanza

    return stanza.Pipeline("ar", processors="tokenize,mwt,ner", dir=str(root), download_method=None,
                           use_gpu=False, logging_level="WARN")


def align(stanza_doc: Any, sentences: list[list[Token]], offset: int = 0,
          ) -> list[tuple[list[Token], list[str], list[float] | None]]:
    """seedx tags from stanza's entities (character ranges; `offset` shifts them onto the raw text)."""
    spans = sorted((e.start_char + offset, e.end_char + offset, map_tag("B-" + e.type)[2:]) for e in stanza_doc.ents)
    out = []
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


def tag_stanza(doc: Document, sentences: list[list[Token]], model_dir: str | None = None,
               ) -> list[tuple[list[Token], list[str], list[float] | None]]:
    return align(load_stanza(model_dir)(doc.raw), sentences)
