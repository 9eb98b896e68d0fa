"""seedx: structured facts (entities, time expressions, events) from Arabic news."""

__version__ = "0.1.0"
