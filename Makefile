# Set-up and everyday commands. `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= .demo/twindesk-demo.db
SCALE ?= 100000

.PHONY: run test lint demo system-deps bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	bash packaging/debian-deps.sh

$(DEMO_DB): | $(BIN)/.installed
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/twindesk demo --db $(DEMO_DB)

demo: $(DEMO_DB)

# Open the window on the demo database (writing it first if needed).
run: system-deps $(BIN)/.installed $(DEMO_DB)
	$(BIN)/twindesk --db $(DEMO_DB)

lint: $(BIN)/.installed
	$(BIN)/ruff check .

# Lint, then the whole test suite with Qt offscreen.
test: system-deps $(BIN)/.installed
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Benchmarks are apart from the test run: each prints our time, the floor's and the ratio.
bench: $(BIN)/.installed
	for b in tests/benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b $(SCALE) || exit 1; done

clean:
	rm -rf $(VENV) .demo .pytest_cache .ruff_cache
