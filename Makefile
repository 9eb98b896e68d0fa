# seedx: the README's commands. Each target works alone on a fresh clone.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install extract test lint model stanza-model bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev,dask,view,train]'
	touch $(STAMP)

install: $(STAMP)

extract: $(STAMP)
	$(VENV)/bin/seedx extract data/raw

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench tools

model: $(STAMP)
	$(VENV)/bin/seedx train ner

# seedx's stanza NER model (about an hour on one core); VECTORS: the vectors.kv that
# seedx.stages.ner.clusters.build_clusters writes in its work directory
stanza-model: $(STAMP)
	OMP_NUM_THREADS=1 $(PY) -m seedx.stages.ner.train_stanza --vectors $(VECTORS) --out models/stanza-ner-1

bench: $(STAMP)
	$(PY) bench/run.py --limit 5000
	$(PY) bench/dates_bench.py --limit 2000 --dateparser-limit 200 --adversarial

clean:
	rm -rf data/out .pytest_cache .ruff_cache
