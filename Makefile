# seedx: the README's commands. Each target works alone on a fresh clone.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install extract test lint model bench clean

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

bench: $(STAMP)
	$(PY) bench/run.py --limit 2000
	$(PY) bench/dates_bench.py --limit 2000 --dateparser-limit 200 --adversarial

clean:
	rm -rf data/out .pytest_cache .ruff_cache
