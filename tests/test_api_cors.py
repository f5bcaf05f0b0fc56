"""CORS for browser-based editors: only configured origins may call /v1/*,
preflights are answered (before the API key check), credentials never."""
from __future__ import annotations

import pytest

from tests.apiclient import make_app

CMS = "https://cms.example.org"
KEY = "k" * 24
PREFLIGHT = {"Origin": CMS, "Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "authorization, content-type, if-none-match"}


@pytest.fixture
def app(monkeypatch):
    from tests.apiclient import curly_quotes_audit

    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    return make_app(SOURCECHECK_CORS_ORIGINS=f"{CMS}, http://localhost:3000")


def test_allowed_origin_gets_its_origin_back_and_the_etag_exposed(client):
    response = client.post("/v1/audits", json={"text": "\u201cYes,\u201d she said."}, headers={"Origin": CMS})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    assert "ETag" in response.headers["Access-Control-Expose-Headers"].split(", ")
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert response.headers["Vary"] == "Origin"


def test_other_origin_gets_no_cors_headers(client):
    response = client.post("/v1/audits", json={"text": "a"}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_preflight_is_answered_with_the_methods_and_headers_allowed(client):
    response = client.options("/v1/audits", headers=PREFLIGHT)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    assert "POST" in response.headers["Access-Control-Allow-Methods"].split(", ")
    assert set(response.headers["Access-Control-Allow-Headers"].lower().split(", ")) == {
        "authorization", "content-type", "if-none-match"}
    assert response.headers["Access-Control-Max-Age"] == "600"


def test_preflight_from_another_origin_allows_nothing(client):
    response = client.options("/v1/audits", headers={**PREFLIGHT, "Origin": "https://evil.example"})
    assert not any(h.startswith("Access-Control-Allow") for h in response.headers.keys())


def test_preflight_needs_no_api_key_but_the_request_does(monkeypatch):
    from tests.apiclient import curly_quotes_audit

    monkeypatch.setattr("service.api.audit", curly_quotes_audit)
    client = make_app(SOURCECHECK_CORS_ORIGINS=CMS, SOURCECHECK_API_KEYS=KEY).test_client()
    assert client.options("/v1/audits", headers=PREFLIGHT).status_code == 204
    refused = client.post("/v1/audits", json={"text": "a"}, headers={"Origin": CMS})
    assert refused.status_code == 401
    assert refused.headers["Access-Control-Allow-Origin"] == CMS  # so the page can read the problem
    allowed = client.post("/v1/audits", json={"text": "a"}, headers={"Origin": CMS, "Authorization": f"Bearer {KEY}"})
    assert allowed.status_code == 200


def test_without_configured_origins_no_cors_header_is_sent():
    client = make_app().test_client()
    for response in (client.post("/v1/audits", json={"text": "a"}, headers={"Origin": CMS}),
                     client.options("/v1/audits", headers=PREFLIGHT)):
        assert not any(h.startswith("Access-Control-") for h in response.headers.keys())


def test_wildcard_allows_any_origin_without_credentials():
    client = make_app(SOURCECHECK_CORS_ORIGINS="*").test_client()
    response = client.options("/v1/audits", headers={**PREFLIGHT, "Origin": "https://any.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_review_pages_are_not_opened_to_other_origins(client):
    response = client.get("/review", headers={"Origin": CMS})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_kit_modules_load_cross_origin_from_an_allowed_origin(client):
    """A CMS page on another origin imports the panel as a module: a CORS fetch."""
    response = client.get("/cms/panel/panel.js", headers={"Origin": CMS})
    assert response.headers["Access-Control-Allow-Origin"] == CMS
