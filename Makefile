# Two commands on a fresh machine (README.md):  make demo   and   make test
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install bench eval clean

$(BIN)/eventwire: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (eventwire needs Python 3.11; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/eventwire

## Set up and code the bundled sample corpus into demo-out/
demo: install
	$(BIN)/eventwire demo --out-dir demo-out

## Set up and run the whole test suite
test: install
	$(BIN)/python -m pytest -q

## Throughput benchmark: eventwire pipeline vs bare spaCy on the same corpus
bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) demo-out .pytest_cache build src/*.egg-info
