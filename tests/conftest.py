import json
import os
import pathlib

import pytest
from hypothesis import settings

# CI must not depend on luck: the property tests run the same examples every
# time (``derandomize``) and keep no example database between runs. A longer,
# randomized fuzz is ``bench/fuzz.py``; HYPOTHESIS_PROFILE=random runs the
# suite's own properties with fresh random examples.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("random", derandomize=False, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
