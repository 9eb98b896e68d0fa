"""The model card: what a shipped model was trained on, under which licenses, and how well it does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

_LICENSES = {
    "anercorp": "ANERcorp train split (CAMeL Lab release), CC BY-SA 4.0; Benajiba et al. 2007, Obeid et al. 2020",
    "aqmar": "AQMAR Arabic Wikipedia NER (train + dev), CC BY-SA 3.0; Mohit et al. 2012",
    "wikiann": "WikiANN / PAN-X Arabic train (silver), CC BY-SA; Pan et al. 2017",
}


ABLATIONS = [
    "Measured with /tmp experiments through seedx.stages.ner.train.train (one core, c1=0.05, c2=0.05,",
    "200 iterations unless said). \"doc\" = with the document consistency pass, \"sent\" = without.",
    "",
    "- base: word/stem/clitic, affixes 1-3, shape, ±2 context, ANERgazet + NERAr (Buckwalter→Arabic),",
    "  cue words, word2vec k-means clusters 64/256/1024, ANERcorp train only: sent 0.733, doc 0.749",
    "- base + AQMAR train+dev as extra data: sent 0.721 (hurts; not used)",
    "- base + WikiANN train (20k sentences): doc 0.727 (hurts ORG; not used)",
    "- base + WikiANN sentences whose entities are all PER: doc 0.759",
    "- base with c1=0.1, c2=0.01: doc 0.747; with 400 iterations: doc 0.756",
    "- base + training-name lexicon learnt by 5-fold jackknife: doc 0.745 (sent 0.738)",
    "- A = base + affixes up to 4 + cue words 2-3 words back: doc 0.765 (sent 0.749)",
    "- A + WikiANN PER-only sentences: doc 0.758 (gains do not add up; not used)",
    "- A + names harvested from the news corpus (harvested.tsv.gz): doc 0.765 (sent 0.750); gold entities",
    "  (seeds+dev) lenient 0.778 / strict 0.709; kept (this is the shipped configuration)",
    "- that + training-name lexicon: doc 0.751; + 400 iterations: 0.762; c1=0.02: 0.756;",
    "  + 50 PCA dims of the word2vec vectors as dense features: 0.761 (sent 0.753);",
    "  + pairs of neighbours' cluster ids: 0.757; + ORG names harvested after شركة/نادي/صحيفة...: 0.764",
    "  (ORG 0.697 but MISC 0.506; gold entities unchanged) (none used)",
    "- that, features emitted in a fixed order (byte-identical retraining): doc 0.764 (the shipped model)",
    "- decoding with a lower bar for entities (tag where P(O) < 0.5/0.6/0.7): 0.761/0.752/0.753 (not used)",
    "- documents as runs of 10/20/40/400 dev sentences: 0.766/0.764/0.757/0.733 (news articles are",
    "  short; 20 is the reported setting)",
]


def write_card(out: Path, meta: dict[str, Any]) -> Path:
    """Write README.md beside the model from its model.json metadata."""
    cfg = meta.get("config", {})
    lines = [
        f"# seedx builtin NER model `{meta.get('name', out.name)}`",
        "",
        "A linear-chain CRF (python-crfsuite, L-BFGS with L1+L2) over word, affix, shape, ±2 context,",
        "gazetteer, cue-word and word-cluster features. Tags PER, ORG, LOC, MISC (IOB2).",
        "Retrain with `seedx train ner` (deterministic: same data and options, same model).",
        "",
        "## Files",
        "",
        "- `model.crfsuite`: CRF weights.",
        "- `lexicon.tsv.gz`: gazetteer and cue-word entries (normalized, kind<TAB>entry), derived from",
        "  ANERgazet (Benajiba; free for research), NERAr dictionaries (BSD-2, CNRS; converted from",
        "  Buckwalter to Arabic script with camel-tools' bw2ar) and seedx/resources/ner/*.txt.",
        "- `clusters.tsv.gz`: word<TAB>cluster ids (k-means with 64/256/1024 centres) of word2vec vectors",
        "  (gensim CBOW, 100 dims, window 5, min count 10, 3 epochs, seed 1, one worker) trained on",
        "  ../shared/corpus/news.jsonl.gz (ant-multisource: Apache-2.0 + citation; saudinewsnet:",
        "  CC BY-NC-SA 4.0; ant-jawharafm: Apache-2.0 + citation; arabic-newspapers-corpus and",
        "  aljazeera-palestine: no license stated). Only cluster ids of words are kept, no text.",
        "  Caveat: part of that corpus is non-commercial (saudinewsnet); whether word cluster ids are a",
        "  derived work is for the project's license review to decide. `seedx train ner --corpus FILE`",
        "  rebuilds clusters and harvested names from another corpus (delete both files from the model",
        "  directory first).",
        "- `harvested.tsv.gz`: LOC and PER name words (label<TAB>word<TAB>count) harvested from the same corpus:",
        "  words found right after a place head noun (مدينة، ولاية، بلدة ...) or a person's title (السيد،",
        "  الشيخ ...) in at least 5 places and a quarter of all their occurrences. Words and counts only.",
        "- `model.json`: the training configuration and the figures below, machine-readable.",
        "",
        "## Training data",
        "",
    ]
    for s in cfg.get("sources", []):
        lines.append(f"- {_LICENSES.get(s, s)}")
    lines += [
        f"- {meta.get('train_sentences', '?')} sentences, {meta.get('train_tokens', '?')} tokens;"
        f" c1={cfg.get('c1')}, c2={cfg.get('c2')}, max_iterations={cfg.get('max_iterations')},"
        f" NERAr={'yes' if cfg.get('nerar') else 'no'}; trained in {meta.get('train_seconds', '?')} s on one core.",
        "",
        "## Scores: ANERcorp dev (last 10% of the CAMeL train split; conlleval, exact entities)",
        "",
        "| type | precision | recall | F1 | gold |",
        "|---|---|---|---|---|",
    ]
    for k, v in meta.get("dev", {}).items():
        lines.append(f"| {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['gold']} |")
    lines += [
        "",
        "## Speed",
        "",
        f"- load: {meta.get('load_seconds', '?')} s; tagging: {meta.get('tokens_per_second', '?')} tokens/s"
        " on one CPU core (features + Viterbi + marginals).",
    ]
    gold = meta.get("gold_entities")
    if gold:
        lines += ["", "## Scores: entities in records on ../shared/gold (seedx eval entities; whole pipeline,",
                  "with SPEC.md's span conventions applied after tagging)", "",
                  "| set | label | lenient P | lenient R | lenient F1 | strict F1 | gold |",
                  "|---|---|---|---|---|---|---|"]
        for name, rows in gold.items():
            for label, le in rows["lenient"].items():
                st = rows["strict"][label]
                lines.append(f"| {name} | {label} | {le['precision']:.3f} | {le['recall']:.3f} | {le['f1']:.3f} |"
                             f" {st['f1']:.3f} | {le['gold']} |")
    lines += ["", "## How the configuration was chosen (ANERcorp dev micro F1, conlleval)", "", *ABLATIONS]
    extra = meta.get("notes")
    if extra:
        lines += ["", "## Notes", "", *extra]
    path = out / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
