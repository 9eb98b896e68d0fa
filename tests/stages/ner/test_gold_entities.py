"""A floor on the pipeline's entity scores on the gold sets: a regression alarm for the span rules.

Just under the figures reached by the fourth round of span and document rules with the builtin model
(lenient/strict F1: PER 0.938/0.905, ORG 0.891/0.816, LOC 0.952/0.932, MISC 0.731/0.708, micro
0.913/0.878; the third round's PER 0.917/0.885, ORG 0.849/0.774, LOC 0.925/0.903, MISC 0.690/0.667,
micro 0.883/0.847; the second round's were PER 0.899/0.866, ORG 0.788/0.714, LOC 0.859/0.834, MISC
0.496/0.481, micro 0.817/0.780; the first round's PER 0.896/0.842, ORG 0.738/0.659, LOC 0.854/0.823,
MISC 0.461/0.445, micro 0.800/0.755).
"""

from __future__ import annotations

from pathlib import Path

from seedx.evaluate.entities import score_entities


def test_entity_floor_on_seeds_and_dev(shared: Path) -> None:
    result = score_entities([shared / "gold" / "seeds", shared / "gold" / "dev"], {"ner": "builtin"})["all"]
    lenient, strict = result["lenient"], result["strict"]
    assert lenient["micro"]["f1"] >= 0.908 and strict["micro"]["f1"] >= 0.873
    assert strict["PER"]["f1"] >= 0.90
    assert strict["ORG"]["f1"] >= 0.81
    assert strict["LOC"]["f1"] >= 0.926
    assert strict["MISC"]["f1"] >= 0.70
