"""The standards desk's review pages over HTTP, with CSRF checking on as in
the service: story fields on the form, decisions on findings, the story page,
exports, the paginated list and the trends page."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timezone

import pytest
from flask.testing import FlaskClient

import service.review.views as views
from service.store import StoryMeta
from tests.desk_fixtures import finding, made_report
from tests.review_fixtures import review_app
from tests.store_fixtures import Clock

V1 = made_report(named=1, anonymous=1, named_sources=("Maria Lopez",), anonymous_sources=(("A senior official", None),),
                 findings=(finding("anonymous-without-reason", "A senior official"),
                           finding("anonymous-only-claim", "the cost had doubled")))
V2 = made_report(named=1, anonymous=2, named_sources=("Maria Lopez",),
                 anonymous_sources=(("A senior official", None), ("People familiar with the talks", None)),
                 findings=(finding("anonymous-without-reason", "A senior official"),
                           finding("anonymous-without-reason", "People familiar with the talks")))


@pytest.fixture
def app(tmp_path):
    return review_app(DATABASE_URL=None, SOURCECHECK_DB_PATH=str(tmp_path / "r.db"), WTF_CSRF_ENABLED=True)


@pytest.fixture
def client(app):
    return app.test_client()


def bare_client(app) -> FlaskClient:
    """A client that posts exactly what it is given (the app's own adds a page's CSRF token)."""
    return FlaskClient(app, app.response_class)


@pytest.fixture
def store(app):
    return app.extensions["sourcecheck.store"]


def page(resp) -> str:
    return resp.get_data(as_text=True)


def token(client, url="/review") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page(client.get(url))).group(1)


@pytest.fixture
def versions(store):
    """Two versions of the story "bridge", a minute apart."""
    store._clock = clock = Clock(datetime(2026, 3, 3, 9, tzinfo=timezone.utc))
    meta = StoryMeta("bridge", desk="Metro", authors=("Ann Lee",))
    first = store.save(V1, text="t", format="text", title="Bridge v1", story=meta)
    clock.advance(minutes=1)
    return first, store.save(V2, text="t", format="text", title="Bridge v2", story=meta)


# --- the form's story fields ------------------------------------------------------------

def test_the_form_has_labelled_story_fields_and_a_csrf_token(client):
    html = page(client.get("/review"))
    for field in ("story_id", "desk", "authors", "published_at", "url"):
        assert re.search(rf'<label for="{field}">', html) and f'id="{field}"' in html, field
    assert re.search(r'<input type="hidden" name="csrf_token" value="[^"]+">', html)


def test_a_post_without_the_csrf_token_is_refused(app):
    resp = bare_client(app).post("/review", data={"article": "Words.", "keep": "on"})
    assert resp.status_code == 400


def test_the_form_keeps_story_metadata_with_the_report(client, store, monkeypatch, seed):
    from tests.review_fixtures import seed_report_model

    monkeypatch.setattr(views, "audit", lambda text, format="text", **kw: seed_report_model(seed))
    resp = client.post("/review", data={
        "csrf_token": token(client), "article": seed["text"], "keep": "on", "story_id": " bridge ",
        "desk": "Metro", "authors": "Ann Lee, Bo Chen;", "published_at": "2026-03-03",
        "url": "https://news.example/bridge"})
    assert resp.status_code == 303
    stored = store.get(resp.headers["Location"].rsplit("/", 1)[1])
    assert stored.story == StoryMeta("bridge", "https://news.example/bridge", "Metro", ("Ann Lee", "Bo Chen"),
                                     datetime(2026, 3, 3, tzinfo=timezone.utc))


def test_a_bad_publication_date_is_a_message_on_the_form(client):
    resp = client.post("/review", data={"csrf_token": token(client), "article": "Words.",
                                        "published_at": "last Tuesday"})
    assert resp.status_code == 400 and "YYYY-MM-DD" in page(resp)


# --- decisions ----------------------------------------------------------------------------

def decide(client, report_id, index, **data):
    data = {"csrf_token": token(client, f"/review/{report_id}"), **data}
    return client.post(f"/review/{report_id}/findings/{index}/decision", data=data)


def test_dismissing_with_a_note_records_who_and_when_and_shows_it(client, versions):
    first, _ = versions
    resp = decide(client, first, 1, state="dismissed", note="source's position given in the next graf")
    assert (resp.status_code, resp.headers["Location"]) == (303, f"/review/{first}#f1")
    html = page(client.get(f"/review/{first}"))
    assert "Dismissed</strong>" in html and "by editor" in html and "source&#39;s position given in the next graf" in html


def test_the_deciding_editor_is_the_signed_in_one(client, versions):
    with client.session_transaction() as s:
        s["editor"] = "Dana Desk"
    decide(client, versions[0], 0, state="accepted")
    assert "by Dana Desk" in page(client.get(f"/review/{versions[0]}"))


def test_dismissing_without_a_note_is_refused_with_a_message_at_the_finding(client, versions):
    resp = decide(client, versions[0], 1, state="dismissed", note=" ")
    assert resp.status_code == 400
    assert re.search(r'id="decision-error-1">Say why the finding is dismissed: a note is required', page(resp))


def test_a_decision_without_the_csrf_token_is_refused(app, versions):
    resp = bare_client(app).post(f"/review/{versions[0]}/findings/0/decision", data={"state": "accepted"})
    assert resp.status_code == 400


@pytest.mark.parametrize(("path", "status"), [("/review/nope/findings/0/decision", 404),
                                               ("{first}/findings/9/decision", 404)])
def test_deciding_on_a_missing_report_or_finding_is_404(client, versions, path, status):
    path = path.replace("{first}", f"/review/{versions[0]}")
    assert client.post(path, data={"csrf_token": token(client), "state": "accepted"}).status_code == status


def test_a_dismissal_is_carried_to_the_next_version_and_new_findings_are_marked_new(client, versions):
    first, second = versions
    decide(client, first, 0, state="dismissed", note="reason in graf 4")
    html = page(client.get(f"/review/{second}"))
    f0 = html.split('id="f0"', 1)[1].split("</li>", 1)[0]
    f1 = html.split('id="f1"', 1)[1].split("</li>", 1)[0]
    assert "Persists" in f0 and "Dismissed" in f0 and "carried from an earlier version" in f0
    assert "New" in f1 and "decision--" not in f1
    assert "Version 2 of 2 of story" in html


def test_reopening_a_dismissed_finding(client, versions):
    decide(client, versions[0], 0, state="dismissed", note="n")
    decide(client, versions[0], 0, state="reopened")
    html = page(client.get(f"/review/{versions[0]}"))
    assert "Reopened</strong>" in html


# --- exports ------------------------------------------------------------------------

def test_findings_export_as_json_carries_decisions(client, versions):
    decide(client, versions[0], 0, state="accepted")
    resp = client.get(f"/review/{versions[1]}?format=json")
    body = json.loads(resp.get_data())
    assert resp.mimetype == "application/json" and body["story"]["story_id"] == "bridge"
    assert [f["decision"] and f["decision"]["state"] for f in body["findings"]] == ["accepted", None]
    assert body["findings"][0]["decision"]["carried_from"] == versions[0]


def test_findings_export_as_csv(client, versions):
    decide(client, versions[0], 1, state="dismissed", note="=HYPERLINK(x)")
    resp = client.get(f"/review/{versions[0]}?format=csv")
    rows = list(csv.DictReader(io.StringIO(page(resp))))
    assert resp.mimetype == "text/csv" and "attachment" in resp.headers["Content-Disposition"]
    assert [(r["rule"], r["quoted"], r["decision"], r["note"]) for r in rows] == [
        ("anonymous-without-reason", "A senior official", "", ""),
        ("anonymous-only-claim", "the cost had doubled", "dismissed", "'=HYPERLINK(x)")]  # no formula


def test_an_unknown_export_format_is_400(client, versions):
    assert client.get(f"/review/{versions[0]}?format=pdf").status_code == 400


def test_pages_link_the_print_stylesheet(client, versions):
    assert 'href="/review/static/print.css" media="print"' in page(client.get(f"/review/{versions[0]}"))


# --- the story page -------------------------------------------------------------------

def test_the_story_page_lists_versions_and_new_resolved_persisting_findings(client, versions):
    html = page(client.get("/review/stories/bridge"))
    assert html.count('href="/review/' + versions[0]) and "Version 2" in html
    counts = dict(re.findall(r'id="(new|resolved|persisting)-h">[^<]*<span class="count">(\d+)', html))
    assert counts == {"new": "1", "resolved": "1", "persisting": "1"}
    assert "People familiar with the talks" in html.split('id="new"', 1)[1].split("</section>", 1)[0]
    assert "the cost had doubled" in html.split('id="resolved"', 1)[1].split("</section>", 1)[0]


def test_an_unknown_story_is_404(client):
    assert client.get("/review/stories/none").status_code == 404


# --- the list -------------------------------------------------------------------------

def test_the_list_searches_and_filters_by_desk(client, versions, store):
    store.save(made_report(named=1, named_sources=("Kim Park",)), text="t", format="text", title="Storm",
               story=StoryMeta(desk="Weather"))
    html = page(client.get("/review/reports?q=bridge+v2&desk=Metro"))
    assert "1 report</caption>" in html and "Bridge v2" in html and "Storm" not in html
    assert '<option value="Weather">' in html and '<option value="Ann Lee">' in html


def test_the_list_paginates(client, store):
    for i in range(53):
        store.save(made_report(title=f"Story {i}"), text="t", format="text", title=f"Story {i:02d}")
    first, second = page(client.get("/review/reports")), page(client.get("/review/reports?page=2"))
    assert "53 reports; page 1 of 2" in first and 'rel="next" href="/review/reports?page=2"' in first
    assert second.count("<tr>") == 3 + 1  # three rows and the header


def test_a_bad_page_number_is_a_message(client):
    resp = client.get("/review/reports?page=0")
    assert resp.status_code == 400 and "Pages are numbered from 1." in page(resp)


# --- the trends page --------------------------------------------------------------------

@pytest.fixture
def march(store):
    for day, report, desk in [(2, V1, "Metro"), (4, V2, "Politics"), (10, made_report(named=3), "Metro")]:
        store.save(report, text="t", format="text", story=StoryMeta(
            desk=desk, published_at=datetime(2026, 3, day, tzinfo=timezone.utc)))


def test_the_trends_page_draws_each_chart_with_a_title_and_a_table_of_its_numbers(client, march):
    html = page(client.get("/review/trends?from=2026-03-01&to=2026-03-15"))
    for chart in ("stories", "quotes", "anonymous-share", "reason-share", "single-source", "rules", "phrases",
                  "desks"):
        assert f'id="chart-{chart}-table"' in html, chart
    assert re.search(r'<svg class="chart chart--columns" role="img" aria-labelledby="chart-quotes-title', html)
    stories = html.split('id="chart-stories-table"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'<th scope="row">([\d-]+)</th><td class="num" data-series="stories">(\d+)</td>', stories) == [
        ("2026-02-23", "0"), ("2026-03-02", "2"), ("2026-03-09", "1")]
    assert 'data-value="2"' in html.split('id="chart-stories"', 1)[1].split("</svg>", 1)[0]


def test_the_trends_page_has_no_inline_script_or_style(client, march):
    html = page(client.get("/review/trends?from=2026-03-01&to=2026-03-15"))
    assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_the_trends_page_filters_by_desk(client, march):
    html = page(client.get("/review/trends?from=2026-03-01&to=2026-03-15&desk=Politics"))
    assert re.search(r"<dt>Stories audited</dt><dd>1</dd>", html)


@pytest.mark.parametrize("query", ["from=2026-03-10&to=2026-03-01", "from=yesterday", "from=2020-01-01&to=2026-01-01"])
def test_a_bad_trends_range_is_a_message(client, query):
    assert client.get(f"/review/trends?{query}").status_code == 400


def test_the_trends_default_is_the_last_twelve_weeks(client):
    html = page(client.get("/review/trends"))
    today = datetime.now(timezone.utc).date()
    assert f'value="{today.isoformat()}"' in html


@pytest.mark.parametrize("query", ["to=0001-01-05", "from=9999-12-20&to=9999-12-31"])
def test_trends_at_the_ends_of_the_calendar_are_answered(client, query):
    assert client.get(f"/review/trends?{query}").status_code == 200
