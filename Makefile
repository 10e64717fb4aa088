# Every target creates .venv when it is missing and installs the project into it.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Locks with hashes: requirements.lock (the package), requirements-dev.lock (+ [dev]). Both
# hold the build backend, so the project installs with no unhashed download. --no-deps: a lock is
# the whole resolution; pip 23.2 (Python 3.11's own) re-resolving a dependency's extra (weasel's
# smart-open[http]) takes the newest release outside the lock and refuses it. pip check proves
# the lock complete.
LOCK := requirements-dev.lock
UV_COMPILE := $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu pyproject.toml requirements-build.txt

.PHONY: demo serve test eval bench bench-ray lint clean lock check-install

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --no-deps --require-hashes -r $(LOCK)
	$(BIN)/pip check
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Re-resolve after changing pyproject.toml (a new extra: add `--extra NAME` to a lock line).
lock:
	$(UV_COMPILE) --extra dev -o requirements-dev.lock
	$(UV_COMPILE) -c requirements-dev.lock -o requirements.lock
	$(UV_COMPILE) --extra dev --extra ray -c requirements-dev.lock -o requirements-ray.lock

# A fresh venv with Python 3.11's own pip installs requirements.lock + the project, cleans a page.
check-install:
	.ci/fresh-install

demo: $(STAMP)
	rm -f newsgraph.db newsgraph.db-wal newsgraph.db-shm
	$(BIN)/newsgraph --db newsgraph.db ingest examples/
	$(BIN)/newsgraph --db newsgraph.db summary
	@echo "The desk: run 'make serve', then open http://127.0.0.1:8765/"

serve: $(STAMP)
	$(BIN)/newsgraph --db newsgraph.db serve

# The Ray extra (requirements-ray.lock: dev + ray, same pins), so the Ray tests run too.
RAY_STAMP := $(VENV)/.installed-ray
$(RAY_STAMP): $(STAMP) requirements-ray.lock
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-ray.lock
	$(BIN)/pip check
	touch $(RAY_STAMP)

test: $(STAMP) $(RAY_STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/newsgraph evaluate --gold ../shared/gold/seeds.yaml --corpus ../shared/seeds

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_ingest.py

bench-ray: $(RAY_STAMP)
	$(BIN)/python benchmarks/bench_ray.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) newsgraph.db newsgraph.db-wal newsgraph.db-shm
