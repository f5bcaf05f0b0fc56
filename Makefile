# The two commands of the README: `make serve` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Loopback only by default; `make serve HOST=0.0.0.0` exposes it (the Dockerfile does, on purpose).
# Set on the command line only: an environment HOST (zsh sets it to the hostname) must not expose it.
HOST := 127.0.0.1

.PHONY: serve test install install-dev js-test js-types

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .  # the sourcecheck command, on $(BIN)

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .

serve: install
	$(BIN)/python -m service.smoke
	$(BIN)/gunicorn -c docker/gunicorn.conf.py --bind $(HOST):$(PORT) "service.app:create_app()"

test: install-dev
	bash scripts/test-setup.sh
	$(MAKE) js-test
	$(BIN)/python -m pytest

# The CMS kit's node tests (clients/js), when node and npm are installed
# (scripts/test-setup.sh installs Debian's nodejs and npm).
js-test:
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then \
		cd clients/js && npm ci --no-audit --no-fund --loglevel=error && npm test; \
	else \
		echo "js-test: node and npm are not installed; skipping the CMS kit's node tests"; \
	fi

# Regenerate clients/js/src/openapi.d.ts from the app's /openapi.json
# (tests/test_cms_kit.py fails when the committed file is out of date).
js-types: install-dev
	mkdir -p test-artifacts
	SOURCECHECK_DB_PATH=test-artifacts/openapi.db $(BIN)/flask --app "service.app:create_app()" openapi write test-artifacts/openapi.json
	cd clients/js && npm ci --no-audit --no-fund --loglevel=error && OPENAPI=../../test-artifacts/openapi.json npm run types
