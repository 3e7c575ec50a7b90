# Two commands for a new machine: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint check bench e2e clean messages

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# Serve the demo forum on http://127.0.0.1:8000 (SQLite), with the task worker for mail alongside.
run: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Demo accounts: see README.md. Confirmation and notification mails print below."
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py db_worker --interval 2 & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:8000

# The whole suite; with DATABASE_URL set it runs on that database instead of SQLite.
# On SQLite it runs on every core (pytest-xdist). `--dist load` hands tests out in collection
# order, so each worker still runs the transactional tests (which flush the database, and with it
# the rows the data migrations made) after the others, as pytest-django orders them; `loadfile`
# would not. On PostgreSQL it stays serial: the fault tests restart the servers and the
# concurrency and scale-out tests share Redis databases. XDIST= runs serially anywhere.
ifdef DATABASE_URL
XDIST ?=
else
XDIST ?= -n auto --dist load
endif
test: $(VENV)/.dev
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

# After changing user-facing strings: update locale/nl/LC_MESSAGES/django.po, fill in the new
# msgstr lines, then run it again to compile the .mo (both files are committed). README: Translations.
messages: $(VENV)/.runtime
	$(PY) manage.py makemessages -l nl --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=media --ignore=tests --ignore=bench
	$(PY) manage.py compilemessages -l nl --ignore=.venv --ignore=.e2e-node

# --- e2e: browser tests (tests/e2e) ---
# Chromium from Debian (apt-get install chromium), axe-core from npm into the git-ignored .e2e-node/,
# on PostgreSQL (E2E_DATABASE_URL unless DATABASE_URL is set). Screenshots: test-artifacts/screenshots/.
E2E_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/forum_e2e
e2e: $(VENV)/.dev
	@test -f .e2e-node/node_modules/axe-core/axe.min.js || npm install --no-save --silent --prefix .e2e-node axe-core@4.14.1
	DATABASE_URL=$${DATABASE_URL:-$(E2E_DATABASE_URL)} E2E_REQUIRED=1 $(PY) -m pytest tests/e2e $(PYTEST_ARGS)
# --- end e2e ---

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

# Benchmark as production serves (PostgreSQL forum_bench, Redis db 13, gunicorn, wrk: apt-get install wrk),
# beside Spirit 0.14.3 (its own bench/.spirit-venv from the registry, once; --no-spirit leaves it out);
# writes bench/RESULTS.md. Quick rerun: make bench BENCH_ARGS="--reuse --duration 5"; all options: --help.
bench: $(VENV)/.dev
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
