"""Drafts name confidential sources' positions: nothing is kept unless asked,
a kept report can be deleted (API and page), and reports older than
``SOURCECHECK_RETENTION_DAYS`` are purged on start and by
``python -m service.store purge``."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from service.app import create_app
from service.store import Store, sqlite_url
from tests.review_fixtures import EditorClient

ROOT = Path(__file__).resolve().parent.parent
KEY = "retention-key-for-tests-000"
REPORT = {"quotes": [], "sources": [], "findings": []}


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db")})
    app.test_client_class = EditorClient
    return app


def test_keep_this_report_is_off_by_default(app):
    html = app.test_client().get("/review").get_data(as_text=True)
    [box] = re.findall(r'<input id="keep"[^>]*>', html)
    assert "checked" not in box


def test_a_form_sent_without_keep_stores_nothing(app):
    resp = app.test_client().post("/review", data={"article": "“Hi,” she said.", "format": "text"})
    assert resp.status_code == 200 and app.extensions["sourcecheck.store"].recent() == []


def test_delete_on_the_api_forgets_a_stored_report(app):
    client = app.test_client()
    stored_id = client.post("/v1/audits", json={"text": "“Hi,” she said.", "store": True}).get_json()["stored_id"]
    resp = client.delete(f"/v1/audits/{stored_id}")
    assert (resp.status_code, resp.get_data()) == (204, b"")
    assert client.get(f"/v1/audits/{stored_id}").status_code == 404
    assert client.delete(f"/v1/audits/{stored_id}").status_code == 404


def test_delete_on_the_api_needs_the_key_when_keys_are_set(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"), "SOURCECHECK_API_KEYS": KEY})
    stored_id = app.extensions["sourcecheck.store"].save(REPORT, text="x", format="text")
    assert app.test_client().delete(f"/v1/audits/{stored_id}").status_code == 401
    ok = app.test_client().delete(f"/v1/audits/{stored_id}", headers={"Authorization": f"Bearer {KEY}"})
    assert ok.status_code == 204


def test_the_report_page_has_a_delete_button_that_deletes(app):
    client = app.test_client()
    resp = client.post("/review", data={"article": "“Hi,” she said.", "format": "text", "keep": "on"})
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    [action] = re.findall(r'<form class="delete-form" method="post" action="([^"]+)"', page)
    done = client.post(action)
    assert (done.status_code, done.headers["Location"]) == (303, "/review/reports")
    assert app.extensions["sourcecheck.store"].recent() == []
    assert "The report was deleted." in client.get("/review/reports").get_data(as_text=True)


def test_deleting_an_unknown_report_is_a_404_page(app):
    assert app.test_client().post("/review/nope/delete").status_code == 404


def aged_store(path: Path, days_ago: int) -> str:
    then = datetime.now(timezone.utc) - timedelta(days=days_ago)
    store = Store(sqlite_url(path), clock=lambda: then)
    stored_id = store.save(REPORT, text="an old draft", format="text")
    store.close()
    return stored_id


def test_reports_past_the_retention_period_are_purged_when_the_app_starts(tmp_path):
    old = aged_store(tmp_path / "r.db", 40)
    recent = aged_store(tmp_path / "r.db", 2)
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"),
                      "SOURCECHECK_RETENTION_DAYS": "30"})
    store = app.extensions["sourcecheck.store"]
    assert store.get(old) is None and store.get(recent) is not None


def test_without_a_retention_period_nothing_is_purged(tmp_path):
    old = aged_store(tmp_path / "r.db", 4000)
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db")})
    assert app.extensions["sourcecheck.store"].get(old) is not None


def purge(tmp_path, *args, **env):
    return subprocess.run([sys.executable, "-m", "service.store", "purge", *args], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"),
                                          "DATABASE_URL": "", **env}, timeout=120)


def test_the_purge_command_forgets_reports_older_than_the_retention_period(tmp_path):
    old = aged_store(tmp_path / "r.db", 8)
    recent = aged_store(tmp_path / "r.db", 1)
    done = purge(tmp_path, SOURCECHECK_RETENTION_DAYS="7")
    assert (done.returncode, done.stdout) == (0, "purged 1 report(s) kept more than 7 day(s)\n")
    store = Store(sqlite_url(tmp_path / "r.db"))
    assert store.get(old) is None and store.get(recent) is not None


def test_the_purge_command_without_a_period_is_exit_2_with_a_message(tmp_path):
    done = purge(tmp_path, SOURCECHECK_RETENTION_DAYS="")
    assert done.returncode == 2 and "needs --days N or SOURCECHECK_RETENTION_DAYS" in done.stderr


def test_the_index_page_says_how_long_reports_are_kept(tmp_path):
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"),
                      "SOURCECHECK_RETENTION_DAYS": "30"})
    assert "deleted after 30 days" in app.test_client().get("/review").get_data(as_text=True)
