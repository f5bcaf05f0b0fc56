"""Who may read and write reports: with API keys set, the review pages ask
an editor to sign in (a signed, HttpOnly, SameSite session cookie), the API
asks for a Bearer key, and ``SOURCECHECK_REVIEW=off`` removes the pages."""
from __future__ import annotations

import re

import pytest

from service.app import create_app
from tests.review_fixtures import EditorClient, csrf_token_of, seed_report

KEY = "desk-key-for-tests-0123456789"
OTHER = "second-key-for-tests-98765"


def keyed_app(tmp_path, **settings):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"),
                      "SOURCECHECK_API_KEYS": f"desk:{KEY},{OTHER}", **settings})
    app.test_client_class = EditorClient
    return app


@pytest.fixture
def app(tmp_path):
    return keyed_app(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def stored_id(app, seed):
    return app.extensions["sourcecheck.store"].save(seed_report(seed), text=seed["text"], format="text",
                                                   title="Confidential draft")


def sign_in(client, key=KEY, next=None):
    data = {"key": key, **({"next": next} if next else {})}
    return client.post("/review/sign-in", data=data)


@pytest.mark.parametrize("path", ["/review", "/review/reports", "/review/{id}"])
def test_with_keys_set_a_review_page_sends_a_stranger_to_sign_in(client, stored_id, seed, path):
    resp = client.get(path.format(id=stored_id))
    assert resp.status_code == 303
    assert resp.headers["Location"].startswith("/review/sign-in?next=")
    assert seed["text"][:40] not in resp.get_data(as_text=True)


def test_with_keys_set_a_stranger_cannot_audit_and_store_through_the_review_form(client, app, seed):
    resp = client.post("/review", data={"article": seed["text"], "format": "text", "keep": "on"})
    assert resp.status_code == 401
    assert app.extensions["sourcecheck.store"].recent() == []


def test_the_sign_in_page_asks_for_a_key_in_a_password_field(client):
    html = client.get("/review/sign-in").get_data(as_text=True)
    assert re.search(r'<input id="key" name="key" type="password"', html)


def test_a_wrong_key_is_refused_with_401_and_no_session(client, stored_id):
    resp = sign_in(client, key="not-a-key-at-all-000000")
    assert resp.status_code == 401
    assert "not valid" in resp.get_data(as_text=True)
    assert client.get(f"/review/{stored_id}").status_code == 303


def test_signing_in_sets_a_signed_httponly_samesite_cookie_and_opens_the_pages(client, stored_id):
    resp = sign_in(client, next=f"/review/{stored_id}")
    assert (resp.status_code, resp.headers["Location"]) == (303, f"/review/{stored_id}")
    cookie = resp.headers["Set-Cookie"]
    assert cookie.startswith("sourcecheck_session=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert KEY not in cookie
    assert client.get(f"/review/{stored_id}").status_code == 200
    assert client.get("/review/reports").status_code == 200


def test_the_session_names_the_editor_by_the_keys_label(client):
    sign_in(client)
    with client.session_transaction() as session:
        assert session["editor"] == "desk"
    other = client.application.test_client()
    sign_in(other, key=OTHER)
    with other.session_transaction() as session:
        assert session["editor"] == "editor"


def test_the_signed_in_editor_can_audit_and_keep_a_report(client, app, seed):
    sign_in(client)
    resp = client.post("/review", data={"article": seed["text"], "format": "text", "keep": "on"})
    assert resp.status_code == 303
    assert len(app.extensions["sourcecheck.store"].recent()) == 1


def test_signing_out_ends_the_session(client, stored_id):
    sign_in(client)
    assert client.post("/review/sign-out").status_code == 303
    assert client.get(f"/review/{stored_id}").status_code == 303


def test_a_session_ends_when_its_key_is_removed_from_the_configuration(tmp_path, seed):
    secret = "s" * 40
    first = keyed_app(tmp_path, SOURCECHECK_SECRET_KEY=secret)
    client = first.test_client()
    sign_in(client)
    cookie = client.get_cookie("sourcecheck_session").value
    later = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"),
                        "SOURCECHECK_API_KEYS": OTHER, "SOURCECHECK_SECRET_KEY": secret})
    again = later.test_client()
    again.set_cookie("sourcecheck_session", cookie)
    assert again.get("/review/reports").status_code == 303


def test_a_tampered_session_cookie_is_not_a_sign_in(client, stored_id):
    client.set_cookie("sourcecheck_session", '{"editor": "desk", "key": "x"}')
    assert client.get(f"/review/{stored_id}").status_code == 303


def test_sign_in_never_redirects_off_the_review_pages(client):
    resp = sign_in(client, next="//evil.example/phish")
    assert resp.headers["Location"] == "/review"


def test_the_static_files_stay_open_for_the_sign_in_page(client):
    assert client.get("/review/static/review.css").status_code == 200


def test_the_api_still_wants_a_bearer_key_and_takes_no_session(client, stored_id):
    sign_in(client)
    assert client.get(f"/v1/audits/{stored_id}").status_code == 401
    ok = client.get(f"/v1/audits/{stored_id}", headers={"Authorization": f"Bearer {KEY}"})
    assert ok.status_code == 200


def test_without_keys_the_review_pages_are_open(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db")})
    assert app.test_client().get("/review/reports").status_code == 200
    assert app.test_client().get("/review/sign-in").status_code == 303  # nothing to sign in to


@pytest.mark.parametrize("path", ["/review", "/review/reports", "/review/sign-in", "/review/abc"])
def test_review_off_removes_every_review_page(tmp_path, path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"), "SOURCECHECK_REVIEW": "off"})
    resp = app.test_client().get(path)
    assert (resp.status_code, resp.mimetype) == (404, "application/problem+json")


def test_review_off_keeps_the_api_and_its_store(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"), "SOURCECHECK_REVIEW": "off"})
    resp = app.test_client().post("/v1/audits", json={"text": "“Yes,” she said.", "store": True})
    assert resp.status_code == 200 and "stored_id" in resp.get_json()


def test_a_posted_form_needs_the_csrf_token_of_the_signed_in_session(client, app):
    sign_in(client)
    token = csrf_token_of(client, "/review")
    stranger = app.test_client()
    resp = stranger.post("/review", data={"article": "“Hi,” she said.", "keep": "on", "csrf_token": token})
    assert resp.status_code in (400, 401)
    assert app.extensions["sourcecheck.store"].recent() == []
