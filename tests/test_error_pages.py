"""Errors by face: the review pages answer their own paths' errors with HTML
pages for browsers; the API, the probes, the OpenAPI document and every
other path keep RFC 9457 problem+json."""
from __future__ import annotations

import json
import logging

import pytest

from service.app import create_app

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
PROBLEM = "application/problem+json"


@pytest.fixture
def app(tmp_path):
    return create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "reports.db")})


@pytest.fixture
def client(app):
    return app.test_client()


def html_page(response, status: int) -> str:
    assert (response.status_code, response.mimetype) == (status, "text/html"), response.get_data(as_text=True)
    return response.get_data(as_text=True)


def problem(response, status: int) -> dict:
    assert (response.status_code, response.mimetype) == (status, PROBLEM), response.get_data(as_text=True)
    return json.loads(response.get_data())


# --- the review pages: HTML --------------------------------------------------------

@pytest.mark.parametrize("headers", [BROWSER, {}, {"Accept": "*/*"}])
def test_unknown_review_path_is_an_html_404_page(client, headers):
    response = client.get("/review/a/b", headers=headers)
    page = html_page(response, 404)
    assert "<h1>Page not found</h1>" in page
    assert response.headers["X-Request-ID"] in page


def test_review_404_page_keeps_the_review_layout(client):
    page = html_page(client.get("/review/static/no-such.css", headers=BROWSER), 404)
    assert 'href="/review/reports"' in page and "review.css" in page


def test_wrong_method_on_a_review_page_is_an_html_405_with_allow(client):
    response = client.put("/review", headers=BROWSER)
    html_page(response, 405)
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_error_in_a_review_view_is_an_html_500_without_internals(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("service.store.Store.recent", broken)
    with caplog.at_level(logging.ERROR, logger="sourcecheck.errors"):
        response = client.get("/review", headers=BROWSER)
    page = html_page(response, 500)
    assert "<h1>Something went wrong</h1>" in page and response.headers["X-Request-ID"] in page
    assert "secret internal detail" not in page and "Traceback" not in page
    assert "secret internal detail" in caplog.text


def test_review_error_is_problem_json_when_the_client_asks_for_json(client):
    got = problem(client.get("/review/a/b", headers={"Accept": "application/json"}), 404)
    assert (got["status"], got["instance"]) == (404, "/review/a/b")


def test_unknown_report_keeps_its_own_not_found_page(client):
    page = html_page(client.get("/review/0123456789abcdef", headers=BROWSER), 404)
    assert "<h1>Report not found</h1>" in page


def test_a_failing_error_page_falls_back_to_the_problem(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template gone")

    monkeypatch.setattr("service.review.views.render_template", broken)
    problem(client.get("/review/a/b", headers=BROWSER), 404)


# --- everything else: problem+json, whatever the Accept header -------------------------

@pytest.mark.parametrize("method, path, status", [
    ("GET", "/v1/nope", 404),
    ("GET", "/nope", 404),
    ("GET", "/reviewer", 404),  # /review is a path segment, not a string prefix
    ("GET", "/v1/audits", 405),
    ("POST", "/healthz", 405),
    ("POST", "/readyz", 405),
    ("POST", "/openapi.json", 405),
])
def test_other_paths_answer_errors_with_problem_json_even_to_browsers(client, method, path, status):
    got = problem(client.open(path, method=method, headers=BROWSER), status)
    assert (got["type"], got["status"], got["instance"]) == ("about:blank", status, path)


def test_error_in_an_api_view_is_a_problem_even_to_browsers(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("service.api.audit", broken)
    got = problem(client.post("/v1/audits", json={"text": "a"}, headers=BROWSER), 500)
    assert "secret" not in json.dumps(got)
