"""Schema fuzz: schemathesis generates requests from /openapi.json (valid and
invalid bodies) against the real engine; no request may get a 5xx, and every
response must match what the document says (status, media type, body).

Bounded so the suite stays fast: a fixed number of examples per operation,
derandomized (the same cases on every run), no deadline (tests never time).
"""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, negative_data_rejection,
                                               response_schema_conformance, status_code_conformance)

from service.app import create_app
from tests.apiclient import TEST_DB_DIR, FakeStore

EXAMPLES = 40



def fuzzed_app():
    """The real app and engine, with a fake report store so storing and
    fetching are fuzzed too."""
    app = create_app({"SOURCECHECK_MAX_BATCH": 20, "SOURCECHECK_DB_PATH": f"{TEST_DB_DIR.name}/fuzz.db"})
    app.extensions["sourcecheck.store"] = FakeStore()
    return app


# (schemathesis.pytest.from_fixture does not work with this pytest; the app is cheap to build)
schema = schemathesis.openapi.from_wsgi("/openapi.json", fuzzed_app())


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_answers_generated_requests_without_server_errors(case):
    # Not positive_data_acceptance: schema-valid text may still be refused by
    # the engine (binary-looking, over the batch limit) with a documented 422.
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                                   response_schema_conformance, negative_data_rejection])
