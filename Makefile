# The two commands of the README: `make serve` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Loopback only by default; `make serve HOST=0.0.0.0` exposes it (the Dockerfile does, on purpose).
HOST ?= 127.0.0.1

.PHONY: serve test install install-dev

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt

serve: install
	$(BIN)/python -m service.smoke
	$(BIN)/gunicorn -c docker/gunicorn.conf.py --bind $(HOST):$(PORT) "service.app:create_app()"

test: install-dev
	bash scripts/test-setup.sh
	$(BIN)/python -m pytest
