# Neural Networks from Scratch: the course's commands. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
# nbgrader starts `alembic` from PATH when it creates a gradebook.
export PATH := $(BIN):$(PATH)
SOURCE_ASSIGNMENTS := $(notdir $(wildcard solutions/*))

.PHONY: help demo test test-fast trust release lab hub hub-deps benchmark constraints strip sandbox postgresql chromium

help:
	@echo "make demo       build the release, autograde the sample class (grades, feedback, plot)"
	@echo "make test       run the full test suite"
	@echo "make test-fast  run only the fast unit tests (seconds; no grading)"
	@echo "make trust      autograde the catalogues of answers and the faults; print the trust table"
	@echo "make release    regenerate notebooks/ from solutions/ with nbgrader"
	@echo "make lab        open JupyterLab on the student notebooks (self-study; a local exchange in build/exchange)"
	@echo "make hub        run the class on a JupyterHub on 127.0.0.1:8000 (instructor and student accounts)"
	@echo "make chromium   install Debian's headless Chromium, for the browser test of the hub (as root; apt-get)"
	@echo "make benchmark  print how long grading takes, what the sandbox costs, and the sample class graded three ways"
	@echo "make sandbox    install bubblewrap, the autograding sandbox (as root; apt-get)"
	@echo "make postgresql install PostgreSQL, for tests of a PostgreSQL gradebook (as root; apt-get)"
	@echo "make strip      remove outputs from solutions/ (nbstripout)"

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

release: $(VENV)/.installed
	@for a in $(SOURCE_ASSIGNMENTS); do \
	  $(BIN)/nbgrader generate_assignment $$a --force --no-db --log-level=WARN || exit 1; \
	done
	@echo "notebooks/ regenerated from solutions/ for: $(SOURCE_ASSIGNMENTS)"

demo: release sandbox
	$(BIN)/python -m autograders.grade_class --sample

# Three pytest workers on this 2-core machine: each waits part of its time (kernels starting, cells
# running into their time limits, the browser), and worksteal evens out the long items at the end.
test: $(VENV)/.installed sandbox postgresql chromium hub-deps
	$(BIN)/python -m pytest -n 3 --dist worksteal --durations=20

test-fast: $(VENV)/.installed
	$(BIN)/python -m pytest -q tests/unit

trust: $(VENV)/.installed sandbox
	$(BIN)/python -m pytest -n 3 --dist worksteal tests/test_catalogue.py tests/test_faults.py

# Self-study: a student's JupyterLab (nbgrader's Assignments list and Validate, on the local
# exchange build/exchange; no formgrader), config written by autograders/classroom.py.
lab: $(VENV)/.installed
	$(BIN)/python -m autograders.classroom lab

# The class on a JupyterHub (hub/jupyterhub_config.py): the proxy and MathJax from npm (hub/package-lock.json).
hub-deps: hub/node_modules/.installed
hub/node_modules/.installed: hub/package.json hub/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Node.js and npm, for the hub's proxy (apt-get install nodejs npm)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else \
	    echo "The hub's proxy needs Node.js and npm: sudo apt-get install nodejs npm"; exit 1; \
	  fi; }
	cd hub && npm ci --no-audit --no-fund --loglevel=error
	touch $@

hub: $(VENV)/.installed hub-deps sandbox
	$(BIN)/python -m autograders.classroom hub

# tests/test_hub_flow.py drives the hub with Playwright in Debian's Chromium (never a downloaded
# browser); it skips, saying why, where Chromium is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Chromium for the browser test of the hub (apt-get install chromium)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is not installed: the browser test of the hub will be skipped."; \
	    echo "  sudo apt-get install chromium"; \
	  fi; }

benchmark: $(VENV)/.installed sandbox
	$(BIN)/python -m autograders.benchmark
	$(BIN)/python -m autograders.benchmark_sandbox
	$(BIN)/python -m autograders.benchmark_class $(foreach a,$(BENCHMARK_ASSIGNMENTS),--assignment $(a))

strip: $(VENV)/.installed
	$(BIN)/nbstripout --keep-id --keep-metadata-keys=nbgrader solutions/*/*.ipynb

constraints: $(VENV)/.installed
	$(BIN)/python -m pip freeze --exclude-editable | sed '1i # Every package of the environment, pinned: `pip install -r requirements.txt -c constraints.txt`.\n# Regenerate with `make constraints` after changing requirements.txt.' > constraints.txt

# The autograder runs each submission in a bubblewrap sandbox (autograders/sandbox.py).
sandbox:
	@command -v bwrap >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing bubblewrap, the autograder's sandbox (apt-get install bubblewrap)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null; \
	  else \
	    echo "The autograder runs submissions in a bubblewrap sandbox: install it with"; \
	    echo "  sudo apt-get install bubblewrap   (Fedora: sudo dnf install bubblewrap)"; \
	    exit 1; \
	  fi; }

# tests/test_scale.py starts its own PostgreSQL server (a cluster in a temporary folder, on
# loopback) to test a PostgreSQL gradebook; it skips, saying why, where PostgreSQL is missing.
POSTGRES_INITDB := $(firstword $(shell command -v initdb 2>/dev/null) $(wildcard /usr/lib/postgresql/*/bin/initdb))
postgresql:
	@if [ -z "$(POSTGRES_INITDB)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing PostgreSQL for the gradebook tests (apt-get install postgresql)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else \
	    echo "PostgreSQL is not installed: tests of a PostgreSQL gradebook will be skipped."; \
	    echo "  sudo apt-get install postgresql   (Fedora: sudo dnf install postgresql-server)"; \
	  fi; fi
