"""The review forms carry CSRF tokens and refuse foreign origins; every
HTML page carries a strict Content-Security-Policy and its companions, and
JSON carries ``nosniff``."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from service.app import create_app
from tests.review_fixtures import EditorClient, csrf_token_of, seed_report

TEMPLATES = Path(__file__).resolve().parent.parent / "service" / "review" / "templates" / "review"
ARTICLE = {"article": "“We will win,” the mayor said.", "format": "text", "keep": "on"}


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db")})
    app.test_client_class = EditorClient
    return app


@pytest.fixture
def store(app):
    return app.extensions["sourcecheck.store"]


def test_a_form_post_without_a_csrf_token_is_refused_and_stores_nothing(app, store):
    resp = FlaskClient(app, app.response_class).post("/review", data=ARTICLE)
    assert resp.status_code == 400
    assert "CSRF" in resp.get_data(as_text=True)
    assert store.recent() == []


def test_a_form_post_with_a_forged_token_is_refused(app, store):
    resp = FlaskClient(app, app.response_class).post("/review", data={**ARTICLE, "csrf_token": "forged"})
    assert resp.status_code == 400 and store.recent() == []


def test_a_cross_origin_post_is_refused_even_with_a_token(app, store):
    client = app.test_client()
    token = csrf_token_of(client)
    resp = client.post("/review", data={**ARTICLE, "csrf_token": token}, headers={"Origin": "https://evil.example"})
    assert resp.status_code == 403
    assert store.recent() == []


def test_a_cross_site_fetch_is_refused(app, store):
    client = app.test_client()
    resp = client.post("/review", data={**ARTICLE, "csrf_token": csrf_token_of(client)},
                       headers={"Sec-Fetch-Site": "cross-site"})
    assert resp.status_code == 403 and store.recent() == []


def test_a_same_origin_post_with_its_token_is_accepted(app, store):
    client = app.test_client()
    resp = client.post("/review", data={**ARTICLE, "csrf_token": csrf_token_of(client)},
                       headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"})
    assert resp.status_code == 303 and len(store.recent()) == 1


def test_the_json_api_needs_no_csrf_token(app):
    resp = FlaskClient(app, app.response_class).post("/v1/audits", json={"text": "“Hi,” she said."})
    assert resp.status_code == 200


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_every_post_form_in_the_templates_carries_the_csrf_token(name):
    html = (TEMPLATES / name).read_text()
    for form in re.findall(r"<form\b[^>]*>.*?</form>", html, re.S):
        if 'method="post"' in form:
            assert '<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">' in form, name


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_no_template_has_inline_script_or_style(name):
    html = (TEMPLATES / name).read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), name
    assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=", html), name


def html_pages(app, seed) -> list[str]:
    rid = app.extensions["sourcecheck.store"].save(seed_report(seed), text=seed["text"], format="text", title="t")
    return ["/review", "/review/reports", f"/review/{rid}", "/review/no-such-report", "/review/x/y/z"]


def test_every_html_page_carries_the_strict_headers(app, seed):
    client = app.test_client()
    for path in html_pages(app, seed):
        resp = client.get(path, headers={"Accept": "text/html"})
        assert resp.mimetype == "text/html", path
        csp = resp.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "http" not in csp
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["Referrer-Policy"] == "same-origin"
        assert resp.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/healthz", "/openapi.json", "/v1/audits/none", "/nowhere"])
def test_json_answers_carry_nosniff(app, path):
    resp = app.test_client().get(path)
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in resp.headers or resp.mimetype == "text/html"


def test_the_report_page_and_a_submitted_report_carry_the_headers(app):
    client = app.test_client()
    resp = client.post("/review", data={"article": "“Hi,” she said.", "format": "text"})
    assert resp.status_code == 200 and "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
