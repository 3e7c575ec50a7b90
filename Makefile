# Two commands for a new machine: `make run` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint check bench e2e clean

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
	$(PY) manage.py createcachetable
	$(PY) manage.py seed_demo
	@echo "Demo accounts: see README.md. Confirmation and notification mails print below."
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py db_worker --interval 2 & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:8000

# The whole suite; with DATABASE_URL set it runs on that database instead of SQLite.
test: $(VENV)/.dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .

bench: $(VENV)/.dev
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
