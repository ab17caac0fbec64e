# The two commands a newcomer runs: `make demo` and `make test`. Each creates .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-quick lint bench clean install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Editable install in "compat" mode (a path in a .pth file): setuptools' default editable finder
# imports pathlib at every interpreter start, 14 ms of each `akkoord` command. The package is
# byte-compiled once (checked-hash .pyc stay valid only while the source is unchanged), so a
# command does not recompile its modules on every run when PYTHONDONTWRITEBYTECODE is set.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,bench]' --config-settings editable_mode=compat
	$(BIN)/python -m compileall -q --invalidation-mode checked-hash akkoordvc
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash demo/run.sh

# Lint and types first (seconds), then the suite. `make lint` runs only the first two.
test: lint
	$(BIN)/python -m pytest -q

# For landing on a busy machine: lint, types and every test not marked slow (corpus-wide, LibreOffice,
# browser, kill-at-every-step). CI runs `make test`, which includes them.
test-quick: lint
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check akkoordvc tests bench
	$(BIN)/ruff format --check akkoordvc tests bench
	$(BIN)/mypy

# Not part of `make test`: timings of `akkoord redline` and `akkoord import` against xmldiff, difflib
# and git diff; prints a table and writes BENCHMARKS.md (takes a few minutes: xmldiff is slow); the redline's
# own targets on pair (b) and 10,000 clauses (bench/redline_bench.py, a minute). Then
# `amend list`, `blame` and `history` on 200 amendments and 50 versions (bench/history.py), the
# block-level merge of amendments (bench/blockmerge.py),
# signature checks in-process against ssh-keygen, the trust and history commands at 500 to 5,000
# signed statements (bench/trust_bench.py; the repositories are built once, under build/bench), the review
# site on the corpus laws (bench/site_bench.py), and clone, pull and push against plain git
# (bench/exchange_bench.py), each written to its own section of BENCHMARKS.md.
bench: $(STAMP)
	$(BIN)/python -m compileall -q --invalidation-mode checked-hash akkoordvc
	$(BIN)/python bench/run.py
	$(BIN)/python bench/redline_bench.py --write BENCHMARKS.md
	$(BIN)/python bench/history.py --write BENCHMARKS.md
	$(BIN)/python bench/blockmerge.py --write BENCHMARKS.md
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python bench/sshsig_bench.py
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python bench/trust_bench.py --write BENCHMARKS.md
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python bench/site_bench.py
	$(BIN)/python bench/exchange_bench.py --write BENCHMARKS.md

clean:
	rm -rf $(VENV) build *.egg-info demo-out
