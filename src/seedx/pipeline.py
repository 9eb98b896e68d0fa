"""Stage registry and runner.

A stage is a named callable `Document -> Document` with a version, the
document fields it requires and the ones it assigns (spaCy's and stanza's
component contract). The registry is the pipeline order. Stage modules are
imported only when a stage runs, so `seedx --help` stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from seedx import __version__
from seedx.document import Document
from seedx.record import Pipeline, Record, StageRun


@dataclass(frozen=True)
class Stage:
    """A pipeline stage, described without importing its code."""

    name: str
    module: str
    """Module holding the stage: it defines VERSION and a callable named like the stage."""
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    description: str
    cacheable: bool = True
    """False for stages cheaper to recompute than to read back (normalize, tokenize)."""

    def load(self) -> Any:
        return importlib.import_module(self.module)

    @property
    def version(self) -> str:
        return str(self.load().VERSION)

    def config(self, options: dict[str, Any]) -> dict[str, Any]:
        """The stage's effective configuration: part of its cache key and provenance."""
        mod = self.load()
        fn = getattr(mod, "config", None)
        return dict(fn(options)) if fn else {}

    def run(self, doc: Document, options: dict[str, Any]) -> Document:
        mod = self.load()
        runner = getattr(mod, "run", None)
        if runner is not None:
            return runner(doc, options)
        fn: Callable[[Document], Document] = getattr(mod, self.name)
        return fn(doc)


STAGES: tuple[Stage, ...] = (
    Stage("normalize", "seedx.stages.normalize", ("raw",), ("norm",),
          "camel-tools character normalization with a map back to raw offsets", cacheable=False),
    Stage("tokenize", "seedx.stages.tokenize", ("norm",), ("sentences", "tokens"),
          "sentences and tokens with raw offsets and proclitic guesses", cacheable=False),
    Stage("ner", "seedx.stages.ner", ("tokens",), ("entities",),
          "named entities: PER, ORG, LOC, MISC"),
    Stage("dates", "seedx.stages.dates", ("tokens",), ("timexes", "published"),
          "time expressions resolved to TIMEX3 values; the article date"),
    Stage("events", "seedx.stages.events", ("tokens", "entities", "timexes"), ("events",),
          "rule-based events with type, trigger, time, place and participants"),
)
STAGE_NAMES = tuple(s.name for s in STAGES)


def get_stage(name: str) -> Stage:
    for s in STAGES:
        if s.name == name:
            return s
    raise KeyError(f"unknown stage {name!r}; stages: {', '.join(STAGE_NAMES)}")


def stages_until(until: str | None) -> tuple[Stage, ...]:
    """The stages up to and including `until` (all when None)."""
    if until is None:
        return STAGES
    names = list(STAGE_NAMES)
    if until not in names:
        raise KeyError(f"unknown stage {until!r}; stages: {', '.join(STAGE_NAMES)}")
    return STAGES[: names.index(until) + 1]


@dataclass
class Runner:
    """Runs a sequence of stages over documents, with an optional cache."""

    stages: tuple[Stage, ...] = STAGES
    options: dict[str, Any] = field(default_factory=dict)
    cache: Any = None
    """A `seedx.cache.StageCache`, or None."""
    force: bool = False
    on_stage: Callable[[Document, Stage, bool], None] | None = None
    """Called after each stage with (doc, stage, came_from_cache)."""

    def __post_init__(self) -> None:
        self._configs = {s.name: s.config(self.options) for s in self.stages}
        self._versions = {s.name: s.version for s in self.stages}

    def run(self, doc: Document, materialize: bool = False) -> Document:
        """Run the stages on `doc`, reading and filling the cache.

        Uncacheable stages are run only when a later stage has to run (or
        `materialize` asks for the whole document): a fully cached article
        costs a few file reads.
        """
        key = doc.sha256
        pending: list[Stage] = []
        for stage in self.stages:
            key = _chain(key, stage.name, self._versions[stage.name], self._configs[stage.name])
            hit = None
            if self.cache is not None and not self.force and stage.cacheable:
                hit = self.cache.get(key)
            if not stage.cacheable and self.cache is not None:
                pending.append(stage)
                continue
            if hit is not None:
                from seedx.document import load_fields

                load_fields(doc, hit)
                self._done(doc, stage, cached=True)
                continue
            for p in pending:
                doc = self._run_one(doc, p)
            pending.clear()
            doc = self._run_one(doc, stage)
            if self.cache is not None and stage.cacheable:
                from seedx.document import dump_fields

                self.cache.put(key, dump_fields(doc, stage.assigns))
        ends_uncached = bool(pending) and pending[-1] is self.stages[-1]
        for p in pending:
            # Stages whose every consumer was cached are skipped; a run that
            # stops at an uncacheable stage runs it (the user asked for it).
            if materialize or ends_uncached:
                doc = self._run_one(doc, p)
            else:
                self._done(doc, p, cached=True)
        return doc

    def _run_one(self, doc: Document, stage: Stage) -> Document:
        missing = [f for f in stage.requires if f != "raw" and not _has(doc, f)]
        if missing:
            raise ValueError(f"stage {stage.name} requires {', '.join(missing)}: run the earlier stages first")
        doc = stage.run(doc, self.options)
        self._done(doc, stage, cached=False)
        return doc

    def _done(self, doc: Document, stage: Stage, cached: bool) -> None:
        doc.stages[stage.name] = {"version": self._versions[stage.name], "cached": cached,
                                  **self._configs[stage.name]}
        if self.on_stage:
            self.on_stage(doc, stage, cached)


def _has(doc: Document, name: str) -> bool:
    v = getattr(doc, name)
    if name == "norm":
        return v is not None
    if name in ("tokens", "sentences"):
        return bool(v) or not doc.raw.strip() or doc.norm is not None and not doc.norm.text.strip()
    return name in {a for s in STAGES if s.name in doc.stages for a in s.assigns}


def _chain(prev: str, name: str, version: str, config: dict[str, Any]) -> str:
    import hashlib

    import orjson

    blob = orjson.dumps([prev, name, version, config], option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(blob).hexdigest()


def to_record(doc: Document) -> Record:
    """The output record of a processed document."""
    title = doc.title
    if title is None:
        title = next((ln.strip() for ln in doc.raw.splitlines() if ln.strip()), None)
    return Record(
        doc_id=doc.id,
        source=doc.source,
        text_sha256=doc.sha256,
        title=title,
        url=doc.url,
        published=doc.published,
        entities=doc.entities,
        timexes=doc.timexes,
        events=doc.events,
        meta=doc.meta,
        pipeline=Pipeline(version=__version__,
                          stages={k: StageRun(**v) for k, v in doc.stages.items()}),
    )


def run_all(docs: Iterable[Document], runner: Runner) -> Iterable[Document]:
    for doc in docs:
        yield runner.run(doc)
