"""The standards desk over the REST API: story metadata on requests, the
editors' decisions in stored reports, and ``GET /v1/trends`` (JSON and CSV)
behind the API key. Every response is checked against /openapi.json."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest

from service.store import Store, StoryMeta, finding_keys
from tests.apiclient import make_app
from tests.desk_fixtures import STORY_V1, STORY_V2, finding, made_report

KEY = "k" * 32


@pytest.fixture
def store():
    s = Store("sqlite://")
    yield s
    s.close()


@pytest.fixture
def app(store):
    app = make_app()  # the real engine
    app.extensions["sourcecheck.store"] = store
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def file(client, text, **story):
    return client.post("/v1/audits", json={"text": text, "store": True, "story_id": "bridge", **story})


def test_story_metadata_is_kept_with_a_stored_report(client, store):
    resp = file(client, STORY_V1, desk="Metro", authors=["Ann Lee"], url="https://news.example/b",
                published_at="2026-03-03T08:00:00+01:00")
    assert resp.status_code == 200
    stored = store.get(resp.get_json()["stored_id"])
    assert stored.story == StoryMeta("bridge", "https://news.example/b", "Metro", ("Ann Lee",),
                                     datetime(2026, 3, 3, 7, tzinfo=timezone.utc))


def test_a_stored_reports_findings_carry_a_null_decision_until_one_is_made(client):
    report = file(client, STORY_V1).get_json()
    assert report["findings"] and all(f["decision"] is None for f in report["findings"])


def test_a_decision_appears_in_the_stored_report_and_carries_to_the_next_version(client, store):
    first = file(client, STORY_V1).get_json()
    stored = store.get(first["stored_id"])
    key = finding_keys(stored.report)[0]
    store.decide(stored.id, key, "dismissed", note="reason in the next graf", editor="Dana")
    got = client.get(f"/v1/audits/{stored.id}").get_json()["findings"][0]["decision"]
    assert (got["state"], got["note"], got["editor"], got["carried_from"]) == (
        "dismissed", "reason in the next graf", "Dana", None)
    second = file(client, STORY_V2).get_json()
    carried = [f["decision"] for f in second["findings"] if f["decision"]]
    assert [(d["state"], d["carried_from"]) for d in carried] == [("dismissed", stored.id)]


@pytest.mark.parametrize(("field", "value"), [("published_at", "yesterday"), ("published_at", "2026-13-03T08:00:00Z"),
                                              ("authors", "Ann Lee"), ("desk", ""), ("story_id", 7)])
def test_bad_story_metadata_is_422_pointing_at_the_field(client, field, value):
    resp = client.post("/v1/audits", json={"text": "Words.", field: value})
    assert resp.status_code == 422
    assert any(e["pointer"].startswith(f"/{field}") for e in resp.get_json()["errors"])


@pytest.fixture
def march(store):
    for day, report, desk in [
        (2, made_report(named=1, anonymous=1, named_sources=("A",), anonymous_sources=(("a senior official", None),),
                        findings=(finding("anonymous-source", "a senior official"),)), "Metro"),
        (10, made_report(named=3, named_sources=("B",)), "Politics"),
    ]:
        store.save(report, text="t", format="text",
                   story=StoryMeta(desk=desk, published_at=datetime(2026, 3, day, tzinfo=timezone.utc)))


def test_trends_as_json(client, march):
    body = client.get("/v1/trends?from=2026-03-02&to=2026-03-15").get_json()
    assert (body["from"], body["to"], body["total"]["stories"], body["total"]["quotes"]) == (
        "2026-03-02", "2026-03-15", 2, 5)
    assert [(w["week"], w["stories"]) for w in body["weeks"]] == [("2026-03-02", 1), ("2026-03-09", 1)]
    assert body["weeks"][0]["findings_by_rule"] == {"anonymous-source": 1}
    assert [d["desk"] for d in body["desks"]] == ["Metro", "Politics"]
    assert body["phrases"] == [{"key": "a senior official", "count": 1}]
    assert body["total"]["anonymous_quote_share"] == pytest.approx(0.2)


def test_a_publication_time_without_a_zone_is_read_as_utc(client, store):
    stored = store.get(file(client, STORY_V1, published_at="2026-03-03T08:00").get_json()["stored_id"])
    assert stored.story.published_at == datetime(2026, 3, 3, 8, tzinfo=timezone.utc)


def test_trends_by_desk(client, march):
    assert client.get("/v1/trends?from=2026-03-02&to=2026-03-15&desk=Politics").get_json()["total"]["stories"] == 1


@pytest.mark.parametrize(("query", "header"), [("&format=csv", {}), ("", {"Accept": "text/csv"})])
def test_trends_as_csv(client, march, query, header):
    resp = client.get(f"/v1/trends?from=2026-03-02&to=2026-03-15{query}", headers=header)
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    assert resp.mimetype == "text/csv"
    assert [(r["week"], r["stories"], r["quotes_anonymous"], r["findings:anonymous-source"]) for r in rows] == [
        ("2026-03-02", "1", "1", "1"), ("2026-03-09", "1", "0", "0")]


@pytest.mark.parametrize("table", ["desks", "rules", "phrases"])
def test_trends_csv_tables(client, march, table):
    text = client.get(f"/v1/trends?from=2026-03-02&to=2026-03-15&format=csv&table={table}").get_data(as_text=True)
    assert text.splitlines()[0].split(",")[0] == {"desks": "desk", "rules": "rule", "phrases": "phrase"}[table]


@pytest.mark.parametrize("query", ["from=tuesday", "to=2026-02-30", "format=pdf", "table=charts"])
def test_bad_trends_queries_are_422(client, query):
    resp = client.get(f"/v1/trends?{query}")
    assert (resp.status_code, resp.mimetype) == (422, "application/problem+json")


@pytest.mark.parametrize("query, used", [
    ("from=2026-03-10&to=2026-03-01", ("2026-03-01", "2026-03-10")),  # ends the wrong way round: swapped
    ("from=2020-01-01&to=2026-01-01", ("2022-12-31", "2026-01-01")),  # longer than 1098 days: the last 1098
    ("to=0001-01-05", ("0001-01-01", "0001-01-05")),  # no twelve weeks before the first days a date can be
    ("from=9999-12-20&to=9999-12-31", ("9999-12-20", "9999-12-31")),  # nor a week after the last
])
def test_any_two_days_make_a_range_and_the_answer_says_which(client, query, used):
    """The OpenAPI document cannot state a rule between two parameters, so the
    service accepts every pair of days (schemathesis checks that it does) and
    answers with the range it covered."""
    body = client.get(f"/v1/trends?{query}").get_json()
    assert (body["from"], body["to"]) == used


def test_trends_need_the_api_key_when_keys_are_set(store):
    app = make_app(SOURCECHECK_API_KEYS=KEY)
    app.extensions["sourcecheck.store"] = store
    client = app.test_client()
    assert client.get("/v1/trends").status_code == 401
    assert client.get("/v1/trends", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200


def test_trends_without_a_store_is_501():
    assert make_app().test_client().get("/v1/trends").status_code == 501


def test_a_batch_keeps_each_articles_story_metadata_and_versions(client, store):
    resp = client.post("/v1/audits:batch", json={"articles": [
        {"text": STORY_V1, "store": True, "story_id": "bridge", "desk": "Metro", "authors": ["Ann Lee"]},
        {"text": STORY_V2, "store": True, "story_id": "bridge", "desk": "Metro"}]})
    assert resp.status_code == 200
    first, second = (r["stored_id"] for r in resp.get_json()["reports"])
    assert all(f["decision"] is None for r in resp.get_json()["reports"] for f in r["findings"])
    assert store.get(first).story.authors == ("Ann Lee",) and store.get(second).story.desk == "Metro"
    assert [v.id for v in store.versions("bridge")] == [first, second] and store.get(second).is_latest


def test_deleting_a_storys_latest_version_over_the_api_counts_the_one_before(client, store):
    first = file(client, STORY_V1).get_json()["stored_id"]
    second = file(client, STORY_V2).get_json()["stored_id"]
    assert client.delete(f"/v1/audits/{second}").status_code == 204
    assert store.get(first).is_latest


def test_trends_are_exempt_from_csrf_like_the_rest_of_the_api(store):
    app = make_app(WTF_CSRF_ENABLED=True)
    app.extensions["sourcecheck.store"] = store
    assert app.test_client().get("/v1/trends").status_code == 200
    assert {"audits", "trends"} <= {b.name for b in app.extensions["csrf"]._exempt_blueprints}
