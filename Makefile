# The two commands of the README: `make serve` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: serve test install install-dev

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
	$(BIN)/gunicorn -c docker/gunicorn.conf.py --bind 0.0.0.0:$(PORT) "service.app:create_app()"

test: install-dev
	bash scripts/test-setup.sh
	$(BIN)/python -m pytest
