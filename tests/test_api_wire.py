"""The audit responses' thin path: reports written straight to JSON are the
bytes the response schema would have written, and request schemas are built
once, not per request."""
import json

import pytest

from schemas.audit import AuditRequestSchema, AuditResponseSchema, BatchRequestSchema
from tests.apiclient import make_app


@pytest.fixture
def client():
    return make_app().test_client()


def test_an_audit_response_is_what_the_response_schema_dumps(client, seed):
    """A real report (the seed article) answered without a schema dump is the
    schema's dump of it, key for key and in the same order; the client checks
    it against /openapi.json as it does every response."""
    response = client.post("/v1/audits", json={"text": seed["text"], "title": seed["title"], "id": seed["id"]})
    assert response.status_code == 200 and response.headers["ETag"]
    body = response.get_json()
    assert body["quotes"] and body["sources"] and body["findings"]
    assert json.dumps(AuditResponseSchema().dump(body)) == json.dumps(body)
    assert response.data.decode() == json.dumps(AuditResponseSchema().dump(body), separators=(",", ":")) + "\n"


def test_a_batch_response_is_what_the_response_schema_dumps(client, seed):
    response = client.post("/v1/audits:batch", json={"articles": [{"text": seed["text"]},
                                                                  {"text": "“We will win,” the mayor said."}]})
    assert response.status_code == 200
    reports = response.get_json()["reports"]
    assert len(reports) == 2
    assert [json.dumps(AuditResponseSchema().dump(r)) for r in reports] == [json.dumps(r) for r in reports]


def test_request_schemas_are_built_once_not_per_request(client, monkeypatch):
    built = []
    for schema in (AuditRequestSchema, BatchRequestSchema):
        real = schema.__init__
        monkeypatch.setattr(schema, "__init__", lambda self, *a, _real=real, **k: built.append(self) or _real(self, *a, **k))
    for _ in range(3):
        assert client.post("/v1/audits", json={"text": "The mayor said it."}).status_code == 200
        assert client.post("/v1/audits:batch", json={"articles": [{"text": "The mayor said it."}]}).status_code == 200
    assert built == []
