"""Text that is not Unicode is refused at the boundary, before anything is
audited or stored; a batch is stored all or nothing, in one transaction;
a batch's total text is bounded; an audit past its deadline is a 503."""
from __future__ import annotations

import json

import pytest

from service.app import create_app
from tests.apiclient import ConformingClient

LONE = b'"\\ud800"'  # a lone surrogate, escaped as JSON allows


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db")})
    app.test_client_class = ConformingClient
    return app


@pytest.fixture
def store(app):
    return app.extensions["sourcecheck.store"]


def post(client, path, raw: bytes):
    return client.post(path, data=raw, content_type="application/json")


@pytest.mark.parametrize("field", ["text", "title", "id"])
def test_a_lone_surrogate_is_a_422_pointing_at_its_field_and_nothing_is_stored(app, store, field):
    body = {"text": '"“Hi,” she said. ' + "\\ud800" + '"' if field == "text" else '"“Hi,” she said."',
            "store": "true"}
    if field != "text":
        body[field] = LONE.decode()
    raw = ("{" + ", ".join(f'"{k}": {v}' for k, v in body.items()) + "}").encode()
    resp = post(app.test_client(), "/v1/audits", raw)
    problem = resp.get_json()
    assert (resp.status_code, problem["errors"][0]["pointer"]) == (422, f"/{field}")
    assert "lone surrogate (U+D800)" in problem["errors"][0]["detail"]
    assert store.recent() == []


def test_a_lone_surrogate_in_a_batch_stores_none_of_the_earlier_articles(app, store):
    raw = b'{"articles": [{"text": "\\u201cHi,\\u201d she said.", "store": true}, {"text": ' + LONE + \
          b', "store": true}]}'
    resp = post(app.test_client(), "/v1/audits:batch", raw)
    assert (resp.status_code, resp.get_json()["errors"][0]["pointer"]) == (422, "/articles/1/text")
    assert store.recent() == []


def test_a_batch_is_stored_in_one_transaction_all_or_nothing(app, store, monkeypatch):
    import uuid

    same = uuid.uuid4()
    monkeypatch.setattr("service.store.store.uuid.uuid4", lambda: same)  # the second row collides
    articles = [{"text": "“Hi,” she said.", "store": True}, {"text": "“Bye,” he said.", "store": True}]
    resp = app.test_client().post("/v1/audits:batch", json={"articles": articles})
    assert resp.status_code == 500 and resp.mimetype == "application/problem+json"
    monkeypatch.undo()
    assert store.recent() == []


def test_a_stored_batch_gives_every_article_its_own_id(app, store):
    articles = [{"text": "“Hi,” she said.", "store": True}, {"text": "No quotes."},
                {"text": "“Bye,” he said.", "store": True}]
    reports = app.test_client().post("/v1/audits:batch", json={"articles": articles}).get_json()["reports"]
    assert "stored_id" not in reports[1]
    assert {reports[0]["stored_id"], reports[2]["stored_id"]} == {r.id for r in store.recent()}


def test_a_batch_over_the_character_budget_is_refused_before_any_work(tmp_path, monkeypatch):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"),
                      "SOURCECHECK_MAX_BATCH_CHARS": "1000"})
    monkeypatch.setattr("service.api.audit", lambda *a, **k: pytest.fail("audited"))
    articles = [{"text": "x" * 600}, {"text": "y" * 600}]
    resp = app.test_client().post("/v1/audits:batch", json={"articles": articles})
    problem = resp.get_json()
    assert (resp.status_code, problem["errors"][0]["pointer"]) == (422, "/articles")
    assert "1,200 characters" in problem["detail"] and "at most 1,000" in problem["detail"]


def test_the_default_batch_budget_is_one_articles_limit(app):
    assert app.config["SOURCECHECK_MAX_BATCH_CHARS"] == app.config["SOURCECHECK_MAX_CHARS"] == 500_000


def test_an_audit_past_its_deadline_is_a_503_with_retry_after(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"),
                      "SOURCECHECK_DEADLINE": "0.001"})
    app.test_client_class = ConformingClient
    resp = app.test_client().post("/v1/audits", json={"text": "“Hi,” she said.\n\n" * 3000})
    assert (resp.status_code, resp.mimetype, resp.headers["Retry-After"]) == (503, "application/problem+json", "30")
    assert resp.get_json()["type"] == "urn:sourcecheck:problem:deadline-exceeded"


def test_a_batch_shares_one_deadline_and_names_the_article_it_stopped_at(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"),
                      "SOURCECHECK_DEADLINE": "0.001"})
    articles = [{"text": "“Hi,” she said.\n\n" * 3000, "store": True}] * 2
    resp = app.test_client().post("/v1/audits:batch", json={"articles": articles})
    assert resp.status_code == 503 and "/articles/0" in resp.get_json()["detail"]
    assert app.extensions["sourcecheck.store"].recent() == []


def test_the_deadline_defaults_to_five_seconds_inside_the_worker_timeout():
    from service.config import Config

    assert Config.from_env({"SOURCECHECK_TIMEOUT": "30"}).engine_deadline() == 25.0
    assert Config.from_env({"SOURCECHECK_DEADLINE": "7.5"}).engine_deadline() == 7.5
