"""ETag / If-None-Match on POST /v1/audits: an unchanged article is answered
304 without being audited again, so an editor's panel can skip identical text."""
from __future__ import annotations

import pytest

from tests.apiclient import FakeStore, curly_quotes_audit, make_app

ARTICLE = {"text": "\u201cWe will win,\u201d the mayor said.", "title": "Vote"}


@pytest.fixture
def audits(monkeypatch):
    """The stand-in engine, counting its calls."""
    calls = []

    def counting(text, *args, **kwargs):
        calls.append(text)
        return curly_quotes_audit(text, *args, **kwargs)

    monkeypatch.setattr("service.api.audit", counting)
    return calls


def test_report_carries_a_strong_etag(client):
    etag = client.post("/v1/audits", json=ARTICLE).headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"') and len(etag) == 34


def test_same_article_with_its_etag_is_304_without_an_audit(client, audits):
    etag = client.post("/v1/audits", json=ARTICLE).headers["ETag"]
    response = client.post("/v1/audits", json=ARTICLE, headers={"If-None-Match": etag})
    assert (response.status_code, response.data, response.headers["ETag"]) == (304, b"", etag)
    assert len(audits) == 1


def test_weakened_etag_still_matches(client):
    etag = client.post("/v1/audits", json=ARTICLE).headers["ETag"]
    assert client.post("/v1/audits", json=ARTICLE, headers={"If-None-Match": f"W/{etag}"}).status_code == 304


@pytest.mark.parametrize("change", [
    {"text": "\u201cWe will lose,\u201d the mayor said."},
    {"format": "markdown"},
    {"title": "Another"},
    {"id": "a-1"},
    {"policy": {"thresholds": {"max_anonymous_quote_share": 0.2}}},
])
def test_anything_that_decides_the_report_changes_the_etag(client, change):
    etag = client.post("/v1/audits", json=ARTICLE).headers["ETag"]
    response = client.post("/v1/audits", json={**ARTICLE, **change}, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.headers["ETag"] != etag


def test_defaults_spelt_out_are_the_same_request(client):
    etag = client.post("/v1/audits", json=ARTICLE).headers["ETag"]
    spelt = {**ARTICLE, "format": "text", "id": None, "store": False}
    assert client.post("/v1/audits", json=spelt, headers={"If-None-Match": etag}).status_code == 304


def test_policy_key_order_does_not_matter(client):
    a = {**ARTICLE, "policy": {"thresholds": {"max_anonymous_quote_share": 0.2, "single_source_min_quotes": 2}}}
    b = {**ARTICLE, "policy": {"thresholds": {"single_source_min_quotes": 2, "max_anonymous_quote_share": 0.2}}}
    assert client.post("/v1/audits", json=a).headers["ETag"] == client.post("/v1/audits", json=b).headers["ETag"]


def test_star_does_not_skip_the_audit(client):
    assert client.post("/v1/audits", json=ARTICLE, headers={"If-None-Match": "*"}).status_code == 200


def test_new_release_never_matches_an_old_etag(client, monkeypatch):
    etag = client.post("/v1/audits", json=ARTICLE).headers["ETag"]
    monkeypatch.setattr("service.api.__version__", "999.0.0")
    assert client.post("/v1/audits", json=ARTICLE, headers={"If-None-Match": etag}).status_code == 200


def test_storing_audits_each_time_and_has_no_etag(audits):
    app = make_app()
    app.extensions["sourcecheck.store"] = FakeStore()
    client = app.test_client()
    first = client.post("/v1/audits", json={**ARTICLE, "store": True})
    etag = client.post("/v1/audits", json=ARTICLE).headers["ETag"]
    again = client.post("/v1/audits", json={**ARTICLE, "store": True}, headers={"If-None-Match": etag})
    assert (first.status_code, again.status_code) == (200, 200)
    assert "ETag" not in first.headers and again.get_json()["stored_id"] == "r2"
    assert len(audits) == 3
