"""The review pages over HTTP (Flask test client; no browser)."""
from __future__ import annotations

import io
import re
from datetime import datetime, timezone

import pytest

import service.review.views as views
from tests.review_fixtures import EditorClient, review_app, seed_report, seed_report_model


@pytest.fixture
def app(tmp_path):
    return review_app(SOURCECHECK_DB_PATH=str(tmp_path / "reports.db"), DATABASE_URL=None)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def store(app):
    return app.extensions["sourcecheck.store"]


@pytest.fixture
def stored_seed(store, seed):
    return store.save(seed_report(seed), text=seed["text"], format="text", title=seed["title"])


@pytest.fixture
def engine_returns_seed_report(monkeypatch, seed):
    """Stand in for the engine, which does not find quotes yet."""
    monkeypatch.setattr(views, "audit", lambda text, format="text", policy=None, **kw: seed_report_model(seed))


def page(resp) -> str:
    return resp.get_data(as_text=True)


# --- init_app -------------------------------------------------------------------------

def test_init_app_attaches_a_sqlite_store_at_the_configured_path(tmp_path):
    app = review_app(DATABASE_URL=None, SOURCECHECK_DB_PATH=str(tmp_path / "x" / "r.db"))
    assert app.extensions["sourcecheck.store"].url == f"sqlite:///{tmp_path}/x/r.db"


def test_init_app_keeps_a_store_already_attached(tmp_path):
    from flask import Flask

    from service.review import init_app
    from service.store import Store

    app = Flask(__name__)
    mine = Store("sqlite://")
    app.extensions["sourcecheck.store"] = mine
    init_app(app)
    assert app.extensions["sourcecheck.store"] is mine


# --- the form -------------------------------------------------------------------------

def test_form_page_has_a_labelled_textarea_file_input_and_format(client):
    html = page(client.get("/review"))
    for field in ("title", "article", "file", "format", "keep"):
        assert re.search(rf'<label for="{field}">', html), field
        assert f'id="{field}"' in html


def test_review_with_a_trailing_slash_redirects_to_the_form(client):
    resp = client.get("/review/")
    assert (resp.status_code, resp.headers["Location"]) == (308, "/review")


def test_submitting_keeps_the_report_and_redirects_to_its_permalink(client, store, seed):
    resp = client.post("/review", data={"article": seed["text"], "format": "text", "keep": "on"})
    assert resp.status_code == 303
    report_id = resp.headers["Location"].rsplit("/", 1)[1]
    kept = store.get(report_id)
    assert (kept.text, kept.format, kept.report["format"]) == (seed["text"], "text", "text")


def test_submitting_without_keep_shows_the_report_and_stores_nothing(client, store, seed):
    resp = client.post("/review", data={"article": seed["text"], "title": "Draft"})
    assert resp.status_code == 200
    assert "<h1>Draft</h1>" in page(resp)
    assert store.recent() == []


def test_a_submitted_article_is_highlighted(client, seed, engine_returns_seed_report):
    resp = client.post("/review", data={"article": seed["text"], "keep": "on"}, follow_redirects=True)
    assert page(resp).count('<a class="q-link"') == 6


def test_an_uploaded_markdown_file_is_audited_as_markdown(client, store):
    data = {"file": (io.BytesIO("# Title\n\nShe said “yes”.".encode()), "story.md"), "keep": "on",
            "format": "auto"}
    resp = client.post("/review", data=data, content_type="multipart/form-data")
    kept = store.get(resp.headers["Location"].rsplit("/", 1)[1])
    assert kept.format == "markdown"


def test_an_empty_submission_is_a_400_with_a_message_and_the_form(client):
    resp = client.post("/review", data={"article": "  ", "title": "Kept title"})
    assert resp.status_code == 400
    assert "Paste an article or choose a file" in page(resp)
    assert 'value="Kept title"' in page(resp)


def test_input_the_engine_refuses_is_a_400_with_its_message(client):
    resp = client.post("/review", data={"article": "\x00\x01binary\x00" * 10, "format": "text"})
    assert resp.status_code == 400
    assert "binary" in page(resp)


def test_an_article_too_large_to_post_is_a_413_with_a_message(tmp_path):
    app = review_app(DATABASE_URL=None, SOURCECHECK_DB_PATH=str(tmp_path / "r.db"), MAX_FORM_MEMORY_SIZE=100)
    resp = app.test_client().post("/review", data={"article": "x" * 1000}, content_type="multipart/form-data")
    assert resp.status_code == 413
    assert "too large" in page(resp)


@pytest.fixture
def service_app(tmp_path, engine_returns_seed_report):
    """The whole service (create_app) with a small body limit."""
    from service.app import create_app

    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"), "SOURCECHECK_MAX_BYTES": 2000})
    app.test_client_class = EditorClient
    return app


def test_the_paste_box_takes_an_article_as_large_as_the_api_body_limit(service_app):
    article = "A line of the article.\r\n" * 83 + "x" * 91  # line breaks as CRLF, as browsers send a textarea
    assert len(article.replace("\r\n", "\n").encode()) == 2000
    resp = service_app.test_client().post("/review", data={"article": article, "format": "text"},
                                          content_type="multipart/form-data")
    assert resp.status_code == 200


def test_the_default_paste_limit_is_the_api_limit_not_flasks_500_kb(tmp_path, engine_returns_seed_report):
    from service.app import create_app

    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db")})
    app.test_client_class = EditorClient
    resp = app.test_client().post("/review", data={"article": "Words. " * 100_000, "format": "text"},
                                  content_type="multipart/form-data")
    assert resp.status_code == 200


@pytest.mark.parametrize("data", [
    {"article": "x" * 2001},
    {"article": "\u00e9" * 1001},  # 1001 characters, 2002 bytes in UTF-8
    {"file": (io.BytesIO(b"x" * 2001), "story.txt")},
    {"article": "x" * 100_000},  # beyond what the server reads at all (werkzeug refuses it)
])
def test_an_article_over_the_configured_limit_is_a_413_page_saying_the_limit(service_app, data):
    resp = service_app.test_client().post("/review", data={"format": "text", **data},
                                          content_type="multipart/form-data")
    assert (resp.status_code, resp.mimetype) == (413, "text/html")
    assert "The article is too large to check" in page(resp) and "The limit is 2,000 bytes." in page(resp)


def test_the_review_page_passes_the_api_text_limit_to_the_engine(tmp_path, monkeypatch, seed):
    from service.app import create_app

    seen = []
    monkeypatch.setattr(views, "audit", lambda text, format="text", **kw: seen.append(kw) or seed_report_model(seed))
    app = create_app({"TESTING": True, "SOURCECHECK_DB_PATH": str(tmp_path / "r.db"), "SOURCECHECK_MAX_CHARS": 1234})
    app.test_client_class = EditorClient
    app.test_client().post("/review", data={"article": "Words.", "format": "text"})
    assert seen[0]["max_chars"] == 1234


def test_html_from_the_client_is_shown_rendered_never_injected(client):
    evil = '<p onclick="steal()">Hi</p><script>alert(1)</script><img src=x onerror=alert(2)>'
    resp = client.post("/review", data={"article": evil, "format": "html", "keep": "on"}, follow_redirects=True)
    html = page(resp)
    article = re.search(r'<div class="article-text" id="article-text">(.*?)</div>', html, re.S).group(1)
    assert article.strip() == "Hi"  # the text a reader sees: no tags, raw or escaped, and no script
    assert "alert(1)" not in html and "&lt;script" not in html
    assert "<script>alert" not in html and "<img src=x" not in html and '<p onclick' not in html


# --- a stored report -----------------------------------------------------------------

def test_stored_report_highlights_each_quote_with_its_type(client, stored_seed, seed):
    html = page(client.get(f"/review/{stored_seed}"))
    marks = re.findall(r'<mark class="q q-(\w+)"[^>]*><a class="q-link"[^>]*>(.*?)</a></mark>', html, re.S)
    expected = [(q["source_type"], q["quote"].replace("’", "’")) for q in seed["quotes"]]
    assert marks == expected


def test_each_quote_link_points_at_its_details_card(client, stored_seed):
    html = page(client.get(f"/review/{stored_seed}"))
    for target in re.findall(r'<a class="q-link" href="#([\w-]+)"', html):
        assert f'id="{target}"' in html


def test_findings_link_to_places_that_exist(client, stored_seed):
    html = page(client.get(f"/review/{stored_seed}"))
    targets = re.findall(r'class="finding__go" href="#([\w-]+)"', html)
    assert targets == ["q-q2", "q-q3", "at-f2"]
    for target in targets:
        assert f'id="{target}"' in html


def test_legend_names_the_four_source_types(client, stored_seed):
    html = page(client.get(f"/review/{stored_seed}"))
    legend = html[html.index('<ul class="legend"'):]
    legend = legend[:legend.index("</ul>")]
    assert re.findall(r'legend__swatch">(\w+)<', legend) == [
        "Named", "Anonymous", "Institutional", "Unattributed"]


def test_score_deductions_and_chart_are_shown(client, stored_seed):
    html = page(client.get(f"/review/{stored_seed}"))
    assert '<span class="score__value">71</span>' in html
    assert "−18" in html and "−11" in html
    assert "<desc id=\"chart-desc\">Named: 2; Anonymous: 3; Institutional: 0; Unattributed: 1.</desc>" in html


def test_quote_details_show_speaker_descriptor_cue_and_findings(client, stored_seed):
    html = page(client.get(f"/review/{stored_seed}"))
    card = html[html.index('id="qd-q4"'):]
    card = card[:card.index("</li>")]
    assert "John Kerry" in card and "Secretary of State" in card and "“said”" in card


def test_an_unknown_report_is_a_404_page(client):
    resp = client.get("/review/does-not-exist")
    assert resp.status_code == 404
    assert "Report not found" in page(resp)


def test_a_report_without_quotes_or_score_renders(client, store):
    report_id = store.save({"quotes": [], "sources": [], "findings": [], "score": None, "format": "text"},
                           text="Nothing quoted here.", format="text", title=None)
    html = page(client.get(f"/review/{report_id}"))
    assert "No quotations were found" in html and "This report has no score." in html


def test_pages_use_only_assets_shipped_with_the_package(client, stored_seed):
    for url in ("/review", f"/review/{stored_seed}", "/review/reports"):
        html = page(client.get(url))
        refs = re.findall(r'(?:src|href)="([^"#][^"]*)"', html)
        assert refs and all(r.startswith("/") for r in refs), refs
        for ref in refs:
            if "/static/" in ref:
                assert client.get(ref).status_code == 200, ref


# --- the list -----------------------------------------------------------------------

@pytest.fixture
def listed(store):
    def save(score, anonymous, title):
        r = {"quotes": [{"id": "q1", "source_type": "anonymous" if anonymous else "named"}], "sources": [],
             "findings": [], "score": {"value": score, "grade": "B", "deductions": []}}
        return store.save(r, text=title, format="text", title=title)
    return [save(90, False, "Council budget"), save(55, True, "Leaked memo"), save(70, True, "Storm damage")]


def titles(resp) -> list[str]:
    return re.findall(r'<td><a href="/review/\w+">([^<]+)</a>', page(resp))


def test_list_shows_recent_reports_newest_first(client, listed):
    assert titles(client.get("/review/reports")) == ["Storm damage", "Leaked memo", "Council budget"]


@pytest.mark.parametrize(("query", "expected"), [
    ("min_score=60", ["Storm damage", "Council budget"]),
    ("max_score=60", ["Leaked memo"]),
    ("anonymous=yes", ["Storm damage", "Leaked memo"]),
    ("anonymous=no", ["Council budget"]),
    ("anonymous=yes&min_score=60", ["Storm damage"]),
])
def test_list_filters(client, listed, query, expected):
    assert titles(client.get(f"/review/reports?{query}")) == expected


def test_list_filters_by_utc_day(client, listed):
    today = datetime.now(timezone.utc).date()
    assert len(titles(client.get(f"/review/reports?date={today}"))) == 3
    assert titles(client.get("/review/reports?date=2001-01-01")) == []
    assert titles(client.get("/review/reports?date=9999-12-31")) == []  # the last day a date can be


def test_bad_list_filters_are_a_400_with_a_message(client, listed):
    resp = client.get("/review/reports?min_score=lots")
    assert resp.status_code == 400
    assert "whole numbers from 0 to 100" in page(resp)


def test_filter_fields_are_labelled_and_keep_their_values(client):
    html = page(client.get("/review/reports?min_score=40&anonymous=yes"))
    for field in ("date", "min_score", "max_score", "anonymous"):
        assert f'<label for="{field}">' in html
    assert 'value="40"' in html and '<option value="yes" selected>' in html


def test_each_highlight_is_described_by_its_source_type_and_speaker(client, stored_seed):
    html = page(client.get(f"/review/{stored_seed}"))
    described = re.search(r'<mark[^>]*id="q-q4"[^>]*><a [^>]*aria-describedby="([\w-]+)"', html).group(1)
    summary = re.search(rf'id="{described}">([^<]*)<', html).group(1)
    assert summary == "Named source: John Kerry"


def test_the_report_page_lists_what_was_not_audited(client):
    article = ("READ MORE: Residents angry after the outage\n\n"
               "The ferry at dawn. (Tom Lake/City News)\n\n"
               "\"We were left in the dark,\" said Ana Ruiz.")
    html = page(client.post("/review", data={"article": article, "format": "text"}))
    assert "Not audited" in html
    assert "<strong>Link line:</strong> READ MORE: Residents angry after the outage" in html
    assert "<strong>Caption or credit:</strong> The ferry at dawn. (Tom Lake/City News)" in html


def test_a_report_with_nothing_set_aside_has_no_such_list(client):
    html = page(client.post("/review", data={"article": '"We were left in the dark," said Ana Ruiz.'}))
    assert "Not audited" not in html
