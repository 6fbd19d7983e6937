# Two commands for a newcomer: `make run` and `make test` (see README.md).
# Everything is installed from uv.lock into .venv, using the machine's own Python.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
HOST_PORT ?= 127.0.0.1:8000

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_NO_PROGRESS := 1
# Installed packages are compiled to bytecode once, here: where PYTHONDONTWRITEBYTECODE is
# set (as on our CI machines), every process otherwise compiled Django from source again,
# 4.5 s for each `manage.py` or gunicorn worker started (0.6 s once compiled).
export UV_COMPILE_BYTECODE := 1

.PHONY: run test lint lighthouse bench install install-dev messages clean

# uv itself comes from PyPI into a private venv, so a bare machine needs only Python + pip.
$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# --inexact: serving or benchmarking after `make test` keeps the dev tools installed.
install: $(UV)
	$(UV) sync --frozen --no-dev --inexact --python $(PYTHON)

install-dev: $(UV)
	$(UV) sync --frozen --python $(PYTHON)

# The translations we write (locale/*/LC_MESSAGES/django.po, see locale/README.md) are
# compiled here by Babel, in pure Python: no GNU gettext needed to serve or test.
messages: install
	$(PY) -m babel.messages.frontend compile --domain django --directory locale --statistics

# Local development server: DEBUG is on here (and only here) unless you say otherwise.
run: export DJANGO_DEBUG ?= 1
run: install messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py sync_catalogue
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST_PORT)

# Tests run as production does (DEBUG off), so they need a strong key and host names;
# their servers speak plain HTTP (DJANGO_HTTPS=0). Tests of HTTPS behaviour turn it on.
TEST_ENV := DJANGO_SECRET_KEY=test-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
	DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1,testserver DJANGO_HTTPS=0
# What production sets: HTTPS on (the default without DEBUG), a real key and host.
DEPLOY_ENV := DJANGO_SECRET_KEY=deploy-check-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
	DJANGO_ALLOWED_HOSTS=careerfit.example

# PYTEST_ARGS narrows a run, e.g. PYTEST_ARGS='-m "not browser and not lighthouse"' (CI's
# second database; a -m replaces the default one, which leaves Lighthouse out).
test: install-dev messages
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev messages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(PY) manage.py check --deploy --fail-level WARNING

# Load figures under gunicorn against a bare-Django ceiling (see README, "Performance").
# Lighthouse (Node.js, from the npm registry, pinned by tests/lighthouse/package-lock.json)
# on every page type; two to four minutes, so apart from `make test`. CI runs it.
lighthouse: install-dev messages
	command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	npm ci --prefix tests/lighthouse --no-audit --no-fund --loglevel=error
	$(TEST_ENV) $(PY) -m pytest -m lighthouse tests/test_lighthouse.py

bench: install messages
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	DJANGO_SECRET_KEY=bench-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
		DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost,testserver DJANGO_HTTPS=0 \
		DJANGO_RATE_LIMITS=0 $(PY) manage.py bench

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache locale/*/LC_MESSAGES/*.mo
