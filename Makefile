# Every target creates .venv when it is missing and installs the project into it.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f newsgraph.db newsgraph.db-wal newsgraph.db-shm
	$(BIN)/newsgraph --db newsgraph.db ingest examples/
	$(BIN)/newsgraph --db newsgraph.db summary

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/newsgraph evaluate --gold ../shared/gold/seeds.yaml --corpus ../shared/seeds

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_ingest.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) newsgraph.db newsgraph.db-wal newsgraph.db-shm
