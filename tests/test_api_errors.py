"""Every error the API returns is an RFC 9457 problem (application/problem+json)
with a clear message and, for invalid bodies, field-level errors."""
from __future__ import annotations

import io
import json
import logging

import pytest

from service.engine import Policy, PolicyError
from tests.apiclient import curly_quotes_audit, make_app

PROBLEM = "application/problem+json"


def post(client, body: bytes | str, content_type="application/json", path="/v1/audits", **kw):
    return client.post(path, data=body, content_type=content_type, **kw)


def problem(response, status: int) -> dict:
    assert (response.status_code, response.mimetype) == (status, PROBLEM), response.get_data(as_text=True)
    body = json.loads(response.get_data())
    assert body["status"] == status
    assert body["request_id"] == response.headers["X-Request-ID"]
    return body


def pointers(body: dict) -> dict[str, str]:
    return {e["pointer"]: e["detail"] for e in body.get("errors", [])}


# --- 400: not JSON ------------------------------------------------------------------

@pytest.mark.parametrize("body, detail", [
    (b"", "the request body is empty; send a JSON object"),
    (b"  \n", "the request body is empty; send a JSON object"),
    (b'{"text": "a",}', "Expecting property name enclosed in double quotes at line 1, column 14"),
    (b'{"text": "caf\xe9"}', "the request body is not valid UTF-8 (byte 13)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "the request body is not valid UTF-8 (byte 0)"),
    (b'{"text": NaN}', "NaN is not valid JSON"),
    (b'{"text": "a", "policy": ' + b'{"a": ' * 40 + b"1" + b"}" * 41, "JSON nested more than 32 levels"),
    (b"[" * 200_000 + b"]" * 200_000, "JSON nested more than 32 levels"),
])
def test_malformed_body_is_400(client, body, detail):
    got = problem(post(client, body), 400)
    assert (got["type"], got["detail"]) == ("urn:sourcecheck:problem:invalid-json", detail)


def test_utf16_body_is_400(client):
    got = problem(post(client, json.dumps({"text": "a"}).encode("utf-16")), 400)
    assert got["detail"].startswith("the request body is not valid UTF-8")


# --- 422: JSON that breaks the contract ---------------------------------------------

@pytest.mark.parametrize("body, errors", [
    ({}, {"/text": "Missing data for required field."}),
    ({"text": 42}, {"/text": "Not a valid string."}),
    ({"text": ""}, {"/text": "text is empty: send the article's text"}),
    ({"text": " \n\t"}, {"/text": "text is empty: send the article's text"}),
    ({"text": "a", "format": "pdf"}, {"/format": "Must be one of: text, markdown, html."}),
    ({"text": "a", "colour": "red"}, {"/colour": "Unknown field."}),
    ({"text": "a", "policy": "strict"}, {"/policy": "Not a valid mapping type."}),
    ({"text": "a", "store": "maybe"}, {"/store": "Not a valid boolean."}),
    ({"text": "a", "title": "t" * 1001}, {"/title": "Longer than maximum length 1000."}),
    ({"text": "a", "id": ["x"]}, {"/id": "Not a valid string."}),
    ({"text": "a", "a/b~c": 1}, {"/a~1b~0c": "Unknown field."}),
])
def test_invalid_member_is_422_with_its_pointer(client, body, errors):
    got = problem(client.post("/v1/audits", json=body), 422)
    assert got["type"] == "urn:sourcecheck:problem:invalid-body"
    assert pointers(got) == errors


@pytest.mark.parametrize("body, kind", [(b"[]", "an array"), (b'"text"', "a string"), (b"null", "null"),
                                        (b"3", "a number")])
def test_body_that_is_not_an_object_is_422(client, body, kind):
    got = problem(post(client, body), 422)
    assert got["detail"] == f"the request body must be a JSON object, not {kind}"
    assert pointers(got) == {"": "must be an object"}


def test_policy_errors_are_422_with_pointers_into_the_policy(client, monkeypatch):
    def strict(data):
        raise PolicyError("2 invalid members", {"thresholds.anonymous_share": "must be between 0 and 1",
                                                "findings": "unknown finding 'x'"})

    monkeypatch.setattr("service.policy.from_mapping", strict)
    got = problem(client.post("/v1/audits", json={"text": "a", "policy": {"findings": ["x"]}}), 422)
    assert pointers(got) == {"/policy/thresholds/anonymous_share": "must be between 0 and 1",
                             "/policy/findings": "unknown finding 'x'"}


@pytest.mark.parametrize("policy, errors", [
    ({"rules": {"loaded-verb": {"severity": "fatal"}}},
     {"/policy/rules/loaded-verb/severity": "Must be one of: info, warning, error."}),
    ({"rules": {"loaded-verb": {"weight": "8"}}}, {"/policy/rules/loaded-verb/weight": "Not a valid number."}),
    ({"thresholds": {"max_anonymous_quote_share": 1.5, "single_source_min_quotes": 0}},
     {"/policy/thresholds/max_anonymous_quote_share": "Must be greater than or equal to 0.0 and less than "
                                                      "or equal to 1.0.",
      "/policy/thresholds/single_source_min_quotes": "Must be greater than or equal to 1."}),
    ({"colour": "red"}, {"/policy/colour": "Unknown field."}),
])
def test_real_policy_errors_point_into_the_policy(client, policy, errors):
    got = problem(client.post("/v1/audits", json={"text": "a", "policy": policy}), 422)
    assert got["type"] == "urn:sourcecheck:problem:invalid-body"
    assert pointers(got) == errors


def test_policy_message_on_the_whole_policy_points_at_it(client, monkeypatch):
    def strict(data):
        raise PolicyError("policy must be an object", {"policy": "must be an object"})

    monkeypatch.setattr("service.policy.from_mapping", strict)
    got = problem(client.post("/v1/audits", json={"text": "a", "policy": {}}), 422)
    assert pointers(got) == {"/policy": "must be an object"}


def test_policy_is_validated_once_by_service_policy_from_mapping(client, monkeypatch):
    from schemas.policy import PolicySchema

    calls = []
    load = PolicySchema.load
    monkeypatch.setattr(PolicySchema, "load", lambda self, data, **kw: calls.append(data) or load(self, data, **kw))
    policy = {"rules": {"loaded-verb": {"severity": "error"}}}
    assert client.post("/v1/audits", json={"text": "a", "policy": policy}).status_code == 200
    assert calls == [policy]


def test_text_over_the_character_limit_is_422(monkeypatch):
    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    client = make_app(SOURCECHECK_MAX_CHARS=10).test_client()
    got = problem(client.post("/v1/audits", json={"text": "x" * 11}), 422)
    assert got["type"] == "urn:sourcecheck:problem:invalid-input"
    assert pointers(got) == {"/text": "input is 11 characters; the limit is 10"}


def test_binary_text_is_422(client):
    got = problem(client.post("/v1/audits", json={"text": "\x00\x01\x02binary"}), 422)
    assert pointers(got) == {"/text": "input looks like binary data, not text"}


# --- batch ---------------------------------------------------------------------------

@pytest.mark.parametrize("body, errors", [
    ({}, {"/articles": "Missing data for required field."}),
    ({"articles": []}, {"/articles": "Length must be between 1 and 1000."}),
    ({"articles": {"text": "a"}}, {"/articles": "Not a valid list."}),
    ({"articles": [{"text": "a"}, {"format": "html"}]}, {"/articles/1/text": "Missing data for required field."}),
])
def test_invalid_batch_is_422_pointing_at_the_article(client, body, errors):
    assert pointers(problem(client.post("/v1/audits:batch", json=body), 422)) == errors


def test_batch_over_the_limit_is_422(monkeypatch):
    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    client = make_app(SOURCECHECK_MAX_BATCH=2).test_client()
    got = problem(client.post("/v1/audits:batch", json={"articles": [{"text": "a"}] * 3}), 422)
    assert got["detail"] == "at most 2 articles per batch, got 3"
    assert pointers(got) == {"/articles": "at most 2 articles"}


def test_batch_article_the_engine_refuses_is_422_pointing_at_it(client):
    got = problem(client.post("/v1/audits:batch", json={"articles": [{"text": "fine"}, {"text": "\x00\x00"}]}), 422)
    assert pointers(got) == {"/articles/1/text": "input looks like binary data, not text"}


# --- 413, 415 ------------------------------------------------------------------------

def test_body_over_the_size_limit_is_413(client):
    body = json.dumps({"text": "x" * 1_000_001}).encode()
    got = problem(post(client, body), 413)
    assert (got["type"], got["detail"]) == ("urn:sourcecheck:problem:body-too-large", "the limit is 1,000,000 bytes")


def test_size_limit_is_configurable(monkeypatch):
    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    client = make_app(SOURCECHECK_MAX_BYTES=100).test_client()
    assert client.post("/v1/audits", json={"text": "x" * 50}).status_code == 200
    assert problem(client.post("/v1/audits", json={"text": "x" * 100}), 413)["detail"] == "the limit is 100 bytes"


def test_batch_over_the_size_limit_is_413(client):
    body = json.dumps({"articles": [{"text": "x" * 400_000}] * 3}).encode()
    problem(post(client, body, path="/v1/audits:batch"), 413)


@pytest.mark.parametrize("content_type, detail", [
    ("text/plain", "send Content-Type: application/json (got 'text/plain')"),
    ("application/x-www-form-urlencoded", "send Content-Type: application/json (got 'application/x-www-form-urlencoded')"),
    (None, "send Content-Type: application/json (got no Content-Type)"),
    ("application/json; charset=latin-1", "JSON must be UTF-8, not latin-1"),
])
def test_wrong_content_type_is_415(client, content_type, detail):
    got = problem(post(client, b'{"text": "a"}', content_type=content_type), 415)
    assert (got["type"], got["detail"]) == ("urn:sourcecheck:problem:unsupported-media-type", detail)


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "application/merge-patch+json"])
def test_json_media_types_are_accepted(client, content_type):
    assert post(client, b'{"text": "a"}', content_type=content_type).status_code == 200


# --- 404, 405 ------------------------------------------------------------------------

def test_unknown_path_is_404(client):
    got = problem(client.get("/v2/audits"), 404)
    assert (got["type"], got["title"], got["instance"]) == ("about:blank", "Not Found", "/v2/audits")


def test_wrong_method_is_405_with_allow_header(client):
    response = client.put("/v1/audits", json={"text": "a"})
    got = problem(response, 405)
    assert got["title"] == "Method Not Allowed"
    assert set(response.headers["Allow"].split(", ")) == {"POST", "OPTIONS"}


@pytest.mark.parametrize("method", ["get", "delete", "patch"])
def test_batch_accepts_only_post(client, method):
    problem(getattr(client, method)("/v1/audits:batch"), 405)


# --- storage: 501 without a store, 404 for an unknown id -----------------------------

def test_store_request_without_a_store_is_501(client):
    got = problem(client.post("/v1/audits", json={"text": "a", "store": True}), 501)
    assert got["type"] == "urn:sourcecheck:problem:storage-unavailable"


def test_batch_store_request_without_a_store_is_501(client):
    problem(client.post("/v1/audits:batch", json={"articles": [{"text": "a"}, {"text": "b", "store": True}]}), 501)


def test_get_without_a_store_is_501(client):
    problem(client.get("/v1/audits/r1"), 501)


def test_get_unknown_stored_audit_is_404(app, client):
    from tests.apiclient import FakeStore

    app.extensions["sourcecheck.store"] = FakeStore()
    assert problem(client.get("/v1/audits/nope"), 404)["detail"] == "no stored audit 'nope'"


# --- 401 -----------------------------------------------------------------------------

KEY = "s3cret-key-for-tests-0001"


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    return make_app(SOURCECHECK_API_KEYS=KEY).test_client()


@pytest.mark.parametrize("headers, challenge", [
    ({}, 'Bearer realm="sourcecheck"'),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, 'Bearer realm="sourcecheck"'),
    ({"Authorization": "Bearer"}, 'Bearer realm="sourcecheck"'),
    ({"Authorization": "Bearer wrong-key-of-the-same-len"}, 'Bearer realm="sourcecheck", error="invalid_token"'),
    ({"Authorization": f"Bearer {KEY}x"}, 'Bearer realm="sourcecheck", error="invalid_token"'),
])
def test_missing_or_wrong_key_is_401(keyed, headers, challenge):
    response = keyed.post("/v1/audits", json={"text": "a"}, headers=headers)
    assert problem(response, 401)["type"] == "urn:sourcecheck:problem:unauthorized"
    assert response.headers["WWW-Authenticate"] == challenge


def test_key_is_checked_before_the_body_is_read(keyed):
    assert keyed.post("/v1/audits", data=b"not json", content_type="text/plain").status_code == 401


def test_get_stored_audit_needs_the_key(keyed):
    problem(keyed.get("/v1/audits/r1"), 401)


# --- 500 -----------------------------------------------------------------------------

@pytest.fixture
def broken(monkeypatch):
    def crash(*args, **kwargs):
        raise KeyError("secret internal detail")

    monkeypatch.setattr("service.api.audit", crash)
    return make_app().test_client()


def test_engine_crash_is_500_without_internals(broken):
    response = broken.post("/v1/audits", json={"text": "a"})
    got = problem(response, 500)
    assert (got["type"], got["title"]) == ("about:blank", "Internal Server Error")
    assert "secret" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_engine_crash_logs_the_trace_with_the_request_id(broken):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    from service.requestlog import JSONFormatter

    handler.setFormatter(JSONFormatter())
    logger = logging.getLogger("sourcecheck")
    logger.addHandler(handler)
    try:
        response = broken.post("/v1/audits", json={"text": "a"})
    finally:
        logger.removeHandler(handler)
    [entry] = [json.loads(line) for line in stream.getvalue().splitlines() if '"sourcecheck.errors"' in line]
    assert entry["request_id"] == response.headers["X-Request-ID"]
    assert "KeyError: 'secret internal detail'" in entry["exc"]
    assert entry["level"] == "ERROR"


def test_failing_batch_stores_nothing(app, client):
    from tests.apiclient import FakeStore

    app.extensions["sourcecheck.store"] = store = FakeStore()
    response = client.post("/v1/audits:batch", json={"articles": [{"text": "fine", "store": True},
                                                                   {"text": "\x00\x00", "store": True}]})
    problem(response, 422)
    assert store.saved == {}


def test_batch_policy_errors_point_into_each_article(client, monkeypatch):
    def strict(data):
        if data:
            raise PolicyError("invalid", {"severity": "unknown severity"})
        return Policy()

    monkeypatch.setattr("service.policy.from_mapping", strict)
    body = {"articles": [{"text": "a", "policy": {"severity": "x"}}, {"text": "b", "policy": {}},
                         {"text": "c", "policy": {"severity": "y"}}]}
    got = problem(client.post("/v1/audits:batch", json=body), 422)
    assert pointers(got) == {"/articles/0/policy/severity": "unknown severity",
                             "/articles/2/policy/severity": "unknown severity"}


def test_batch_real_policy_errors_point_into_each_article(client):
    body = {"articles": [{"text": "a", "policy": {"rules": {"no-such-rule": {}}}}, {"text": "b", "policy": {}}]}
    got = problem(client.post("/v1/audits:batch", json=body), 422)
    assert list(pointers(got)) == ["/articles/0/policy/rules/no-such-rule"]
    assert pointers(got)["/articles/0/policy/rules/no-such-rule"].startswith("unknown rule 'no-such-rule'; the rules are: ")
