import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed():
    """The bundled acceptance example (service/examples/seed.json)."""
    return json.loads((ROOT / "service" / "examples" / "seed.json").read_text(encoding="utf-8"))


@pytest.fixture
def app(monkeypatch):
    """The API with a stand-in engine (quotes between curly marks) and no
    report store; a test module may define its own ``app`` instead."""
    from tests.apiclient import curly_quotes_audit, make_app

    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()
