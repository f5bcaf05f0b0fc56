import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed():
    """The bundled acceptance example (service/examples/seed.json)."""
    return json.loads((ROOT / "service" / "examples" / "seed.json").read_text(encoding="utf-8"))
