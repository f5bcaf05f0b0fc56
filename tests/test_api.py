"""The REST API's endpoints: what a CMS plugin sends and gets back.

Every response here is also checked against /openapi.json (``apiclient``).
"""
from __future__ import annotations

import io
import json
import logging
import re

import pytest

from service import requestlog
from tests.apiclient import FakeStore, curly_quotes_audit, make_app


def audit(client, **body):
    return client.post("/v1/audits", json=body)


# --- POST /v1/audits ------------------------------------------------------------

def test_audit_returns_report_with_quote_offsets_into_the_sent_text(client):
    text = "The mayor said: \u201cWe will win.\u201d"
    report = audit(client, text=text).get_json()
    [quote] = report["quotes"]
    assert (quote["start"], quote["end"], quote["text"]) == (17, 29, "We will win.")
    assert text[quote["start"]:quote["end"]] == quote["text"]


def test_report_says_offsets_count_code_points(client):
    assert audit(client, text="Plain words.").get_json()["unit"] == "codepoint"


def test_offsets_count_code_points_past_astral_characters(client):
    text = "\U0001F4F0 \U0001F4F0 Editor: \u201cCheck it.\u201d"
    [quote] = audit(client, text=text).get_json()["quotes"]
    assert (quote["start"], quote["end"]) == (13, 22)
    assert text[quote["start"]:quote["end"]] == "Check it."


@pytest.mark.parametrize("fmt, text, start, end, quoted", [
    ("html", "<p>She said <b>\u201cWe&nbsp;will win.\u201d</b></p>", 16, 33, "We&nbsp;will win."),
    ("html", "<h1>Vote</h1>\n<p>\u201cIt&#8217;s on,\u201d he said.</p>", 18, 32, "It&#8217;s on,"),
    ("markdown", "# Vote\n\nShe said **\u201cWe will win.\u201d**", 20, 32, "We will win."),
    ("markdown", "> \u201cA *quoted* line.\u201d", 3, 19, "A *quoted* line."),
])
def test_markup_quote_offsets_point_into_the_original_markup(client, fmt, text, start, end, quoted):
    report = audit(client, text=text, format=fmt).get_json()
    [quote] = report["quotes"]
    assert (quote["start"], quote["end"], quote["text"]) == (start, end, quoted)
    assert text[start:end] == quoted
    assert report["format"] == fmt


def test_title_and_id_are_echoed(client):
    report = audit(client, text="Plain words.", title="Budget vote", id="cms-42").get_json()
    assert (report["title"], report["id"]) == ("Budget vote", "cms-42")


def test_report_has_every_part_of_the_contract(client):
    report = audit(client, text="Plain words.").get_json()
    assert set(report) == {"id", "title", "format", "unit", "stats", "quotes", "sources", "summary",
                           "findings", "readability", "score", "set_aside"}


def test_valid_policy_is_accepted(client):
    assert audit(client, text="Plain words.", policy={}).status_code == 200


def test_policy_is_passed_to_the_engine(monkeypatch):
    seen = []

    def spy(text, format="text", policy=None, **kw):
        seen.append(policy)
        return curly_quotes_audit(text, format, policy, **kw)

    monkeypatch.setattr("service.api.audit", spy)
    make_app().test_client().post("/v1/audits", json={"text": "Plain words.", "policy": {}})
    from service.engine import Policy
    assert isinstance(seen[0], Policy)


def test_text_limit_is_passed_to_the_engine(monkeypatch):
    seen = []
    monkeypatch.setattr("service.api.audit", lambda text, fmt, policy, **kw: seen.append(kw["max_chars"])
                        or curly_quotes_audit(text, fmt, policy, **kw))
    make_app(SOURCECHECK_MAX_CHARS=1234).test_client().post("/v1/audits", json={"text": "Plain words."})
    assert seen == [1234]


# --- POST /v1/audits:batch ------------------------------------------------------

def test_batch_returns_one_report_per_article_in_order(client):
    response = client.post("/v1/audits:batch", json={"articles": [
        {"text": "\u201cOne.\u201d", "id": "a"},
        {"text": "<p>\u201cTwo.\u201d</p>", "format": "html", "id": "b"},
    ]})
    reports = response.get_json()["reports"]
    assert [r["id"] for r in reports] == ["a", "b"]
    assert [(q["start"], q["end"]) for r in reports for q in r["quotes"]] == [(1, 5), (4, 8)]


def test_batch_at_the_limit_is_accepted(monkeypatch):
    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    client = make_app(SOURCECHECK_MAX_BATCH=3).test_client()
    response = client.post("/v1/audits:batch", json={"articles": [{"text": "x"}] * 3})
    assert len(response.get_json()["reports"]) == 3


# --- storing reports for the review page -------------------------------------------

@pytest.fixture
def store(app):
    app.extensions["sourcecheck.store"] = store = FakeStore()
    return store


def test_stored_audit_carries_its_id_and_review_url(client, store):
    report = audit(client, text="\u201cKeep it.\u201d", title="T", store=True).get_json()
    assert (report["stored_id"], report["review_url"]) == ("r1", "/review/r1")


def test_stored_audit_hands_report_text_format_and_title_to_the_store(client, store):
    audit(client, text="<p>\u201cKeep it.\u201d</p>", format="html", title="T", store=True)
    saved = store.saved["r1"]
    assert (saved.text, saved.format, saved.title) == ("<p>\u201cKeep it.\u201d</p>", "html", "T")
    assert saved.report["quotes"][0]["text"] == "Keep it."


def test_audit_without_store_flag_is_not_stored(client, store):
    report = audit(client, text="Plain words.").get_json()
    assert "stored_id" not in report and store.saved == {}


def test_batch_stores_each_article_that_asks(client, store):
    reports = client.post("/v1/audits:batch", json={"articles": [
        {"text": "One.", "store": True}, {"text": "Two."}, {"text": "Three.", "store": True},
    ]}).get_json()["reports"]
    assert [r.get("stored_id") for r in reports] == ["r1", None, "r2"]


def test_get_returns_the_stored_report(client, store):
    posted = audit(client, text="\u201cKeep it.\u201d", store=True).get_json()
    got = client.get("/v1/audits/r1")
    assert got.status_code == 200
    assert got.get_json() == posted


# --- health, readiness, OpenAPI ----------------------------------------------------

def test_healthz_says_ok(client):
    response = client.get("/healthz")
    assert (response.status_code, response.get_json()["status"]) == (200, "ok")


def test_readyz_says_ready_once_the_engine_warmed_up(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["checks"] == {"engine": "ok"}


def test_readyz_reports_the_store_when_there_is_one(client, store):
    assert client.get("/readyz").get_json()["checks"] == {"engine": "ok", "store": "ok"}


def test_readyz_is_503_when_the_engine_failed_to_warm_up(app, client):
    app.extensions["sourcecheck.ready"] = False
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"


def test_openapi_document_is_served(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/v1/audits", "/v1/audits:batch", "/v1/audits/{audit_id}", "/healthz", "/readyz"} <= set(spec["paths"])


def test_openapi_request_schema_lists_the_formats(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["components"]["schemas"]["AuditRequest"]["properties"]["format"]["enum"] == [
        "text", "markdown", "html"]


def test_openapi_request_policy_is_the_policy_schema(client):
    schemas = client.get("/openapi.json").get_json()["components"]["schemas"]
    assert schemas["AuditRequest"]["properties"]["policy"]["anyOf"] == [
        {"$ref": "#/components/schemas/Policy"}, {"type": "null"}]
    assert set(schemas["Policy"]["properties"]) == {"name", "rules", "thresholds", "score", "words"}
    assert schemas["Policy"]["additionalProperties"] is False


def test_openapi_policy_rules_are_keyed_by_the_registered_rule_ids(client):
    from service.engine import RULES

    rules = client.get("/openapi.json").get_json()["components"]["schemas"]["Policy"]["properties"]["rules"]
    assert rules["propertyNames"]["enum"] == list(RULES)
    assert rules["additionalProperties"] == {"$ref": "#/components/schemas/RulePolicy"}


@pytest.mark.parametrize("verb", ["", " ", "\u2003", "\x1c", "\ufeff", "sneer", " sneer ", "x"])
@pytest.mark.parametrize("shape", ["list", "table key", "table value"])
def test_openapi_loaded_verbs_allow_exactly_what_the_server_accepts(client, verb, shape):
    """The document's verbs (list items, table keys and values) are the server's: a
    schema-valid policy is never refused, a refused one is never schema-valid."""
    import jsonschema

    words = client.get("/openapi.json").get_json()["components"]["schemas"]["Words"]
    verbs = {"list": [verb], "table key": {verb: "say"}, "table value": {"sneer": verb}}[shape]
    valid = jsonschema.Draft202012Validator(words).is_valid({"loaded_verbs": verbs})
    response = client.post("/v1/audits", json={"text": "We will win.", "policy": {"words": {"loaded_verbs": verbs}}})
    assert (response.status_code == 200) == valid, response.get_json()
    assert response.status_code in (200, 422)


def test_readme_api_table_lists_every_path_of_the_openapi_document(client):
    from pathlib import Path

    def any_param(text: str) -> str:  # {audit_id} in the document, {id} in the README
        return re.sub(r"\{[^}]*\}", "{}", text)

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = any_param(readme.split("## API at a glance", 1)[1].split("\n\n", 2)[1])
    for path, operations in client.get("/openapi.json").get_json()["paths"].items():
        for method in set(operations) & {"get", "post", "put", "patch", "delete"}:
            assert f"{method.upper()} {any_param(path)}`" in table, (method, path)


def test_openapi_documents_errors_as_problem_json(client):
    spec = client.get("/openapi.json").get_json()
    responses = spec["paths"]["/v1/audits"]["post"]["responses"]
    for status in ("400", "413", "415", "422", "500"):
        ref = responses[status]["$ref"].rsplit("/", 1)[1]
        assert list(spec["components"]["responses"][ref]["content"]) == ["application/problem+json"]


def test_openapi_declares_bearer_auth_only_when_keys_are_configured():
    plain = make_app().test_client().get("/openapi.json").get_json()
    keyed = make_app(SOURCECHECK_API_KEYS="k" * 20).test_client().get("/openapi.json").get_json()
    assert "security" not in plain
    assert keyed["security"] == [{"bearerAuth": []}]
    assert keyed["paths"]["/healthz"]["get"]["security"] == []


# --- API keys ----------------------------------------------------------------------

KEY = "s3cret-key-for-tests-0001"


@pytest.fixture
def keyed(monkeypatch):
    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    return make_app(SOURCECHECK_API_KEYS=f"other-key-for-tests-9999,{KEY}").test_client()


def test_no_key_needed_when_none_configured(client):
    assert audit(client, text="Plain words.").status_code == 200


@pytest.mark.parametrize("authorization", [f"Bearer {KEY}", f"bearer {KEY}", f"Bearer  {KEY} "])
def test_configured_key_is_accepted(keyed, authorization):
    response = keyed.post("/v1/audits", json={"text": "x"}, headers={"Authorization": authorization})
    assert response.status_code == 200


def test_health_and_openapi_need_no_key(keyed):
    assert [keyed.get(p).status_code for p in ("/healthz", "/readyz", "/openapi.json")] == [200, 200, 200]


# --- request ids and logs ------------------------------------------------------------

def test_response_carries_a_new_request_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first.headers["X-Request-ID"]) == 32
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


def test_client_request_id_is_echoed(client):
    response = client.get("/healthz", headers={"X-Request-ID": "cms-abc.123"})
    assert response.headers["X-Request-ID"] == "cms-abc.123"


def test_unsafe_client_request_id_is_replaced(client):
    response = client.get("/healthz", headers={"X-Request-ID": "bad id\u00e9<script>"})
    assert len(response.headers["X-Request-ID"]) == 32


@pytest.fixture
def log_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(requestlog.JSONFormatter())
    logger = logging.getLogger("sourcecheck")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_each_request_is_logged_as_one_json_line(client, log_lines):
    response = audit(client, text="Plain words.")
    [line] = [entry for entry in log_lines() if entry["logger"] == "sourcecheck.request"]
    assert line["request_id"] == response.headers["X-Request-ID"]
    assert (line["method"], line["path"], line["status"]) == ("POST", "/v1/audits", 200)
    assert line["duration_ms"] >= 0 and line["bytes_in"] > 0


@pytest.mark.parametrize("settings", [{}, {"SOURCECHECK_API_KEYS": "k" * 20}], ids=["open", "keyed"])
def test_openapi_document_is_valid_openapi_3_1(settings):
    from openapi_spec_validator import validate

    validate(make_app(**settings).test_client().get("/openapi.json").get_json())
