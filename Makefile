# Set-up and everyday commands. `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= .demo/twindesk-demo.db
SCALE ?= 100000
TS := resources/translations/twindesk_zh_CN.ts
QM := $(TS:.ts=.qm)

.PHONY: run test test-deps test-postgresql lint demo system-deps bench clean translations package package-test package-measure

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

# The compiled Chinese translation the window loads (the .ts is the source, kept in git).
$(QM): $(TS) | $(BIN)/.installed
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# After changing the window's strings: refresh the .ts from the sources, translate, then `make`.
translations: $(BIN)/.installed
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none -extensions py twindesk/ui -ts $(TS)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# Open the window on the demo database (writing it first if needed).
run: system-deps $(BIN)/.installed $(QM) $(DEMO_DB)
	$(BIN)/twindesk --db $(DEMO_DB)

lint: $(BIN)/.installed
	$(BIN)/ruff check .

# Lint, then the whole test suite with Qt offscreen, then the store, domain, exchange and briefing tests
# again on PostgreSQL (test-postgresql).
# PostgreSQL's server binaries: the suite starts its own throwaway cluster on loopback (tests/pg_cluster.py).
test-deps:
	bash packaging/apt-install-missing.sh test-deps postgresql

test: system-deps test-deps $(BIN)/.installed $(QM)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory test-postgresql

# Every test that uses the `db` fixture, on a throwaway PostgreSQL cluster the tests start on loopback
# (tests/pg_cluster.py; skipped without the server's binaries unless TWINDESK_REQUIRE_POSTGRES=1). Tests
# about SQLite files are marked sqlite_only; the window's and the packages' tests run once, above.
test-postgresql: $(BIN)/.installed
	TWINDESK_TEST_ENGINE=postgresql QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not sqlite_only" \
		--ignore=tests/gui --ignore=tests/packaging

# Benchmarks are apart from the test run: each prints our time, the floor's and the ratio.
bench: $(BIN)/.installed
	for b in tests/benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b $(SCALE) || exit 1; done

# The packages (packaging/, README "Building the packages"): dist/TwinDesk, the one-folder build that
# runs with no Python installed, and on Linux the archive dist/TwinDesk-<version>-linux-<arch>.tar.gz.
$(BIN)/.installed-package: $(BIN)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $@

package: $(BIN)/.installed-package $(if $(wildcard $(TS)),$(QM))
	bash packaging/package-deps.sh
	$(BIN)/python packaging/build.py

# Build, then run the frozen program from the unpacked archive, headless, with Python hidden (slow: not
# part of `make test`).
package-test: package
	TWINDESK_FROZEN_ARCHIVE=$$($(BIN)/python packaging/buildinfo.py archive) $(BIN)/python -m pytest -q -rs tests/packaging

# The bundle's size and start-up time against running from source.
package-measure: package
	$(BIN)/python packaging/measure.py

clean:
	rm -rf $(VENV) .demo .pytest_cache .ruff_cache build dist
