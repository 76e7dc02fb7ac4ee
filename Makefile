# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?= -n 2

.PHONY: demo test test-fast lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/rassegna demo

# CI runs all of it: the gates, then every test (the distributed ones serially, after the rest).
test: lint
	$(BIN)/pytest $(PYTEST_ARGS) -m "not distributed"
	$(BIN)/pytest -p no:xdist -m distributed

# The edit-run loop: the gates and the tests not marked slow or distributed (a few minutes).
test-fast: lint
	$(BIN)/pytest $(PYTEST_ARGS) -m "not slow and not distributed"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check rassegna tests benchmarks
	$(BIN)/ruff format --check rassegna tests benchmarks
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/nlp.py
	$(BIN)/python benchmarks/report.py
	$(BIN)/python benchmarks/crawl.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache demo-output test-artifacts
