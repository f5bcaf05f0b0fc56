"""An HTML article on the review page: shown as the text a reader sees (tags
gone, entities decoded, scripts and form fields left out), with each quote
highlighted on that text where the report's offsets into the markup point."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from schemas.report import dump_report
from service.engine import Span, audit, load
from service.review import reportview
from tests.review_fixtures import review_app

ARTICLE = (
    '<h1>Pier &amp; promenade</h1>\n'
    '<p>&ldquo;We <em>will</em> rebuild the pier,&rdquo; said Mayor Ana Ruiz on Tuesday.</p>\n'
    '<p>Tom &amp; Jerry&rsquo;s caf&eacute; stays shut &mdash; for now.</p>\n'
    '<p>&ldquo;Nobody told us anything,&rdquo; a shop owner said, asking not to be named.</p>\n'
    '<textarea>&ldquo;Typed in a box,&rdquo; said Lee Park.</textarea>\n'
    '<script>var q = "“Code,” said Kim Vale.";</script><style>p::after { content: "“x,” they said." }</style>\n'
)


@pytest.fixture
def client(tmp_path):
    return review_app(SOURCECHECK_DB_PATH=str(tmp_path / "reports.db"), DATABASE_URL=None).test_client()


def article_panel(page: str) -> str:
    return re.search(r'<div class="article-text" id="article-text">(.*?)</div>\s*</section>', page, re.S).group(1)


def marks(panel: str) -> list[str]:
    return [htmllib.unescape(re.sub(r"<[^>]*>", "", m))
            for m in re.findall(r'<mark class="q[^"]*"[^>]*>(.*?)</mark>', panel, re.S)]


def test_review_page_shows_an_html_article_as_rendered_text(client):
    resp = client.post("/review", data={"article": ARTICLE, "format": "html", "keep": "on"}, follow_redirects=True)
    assert resp.status_code == 200
    panel = article_panel(resp.get_data(as_text=True))
    shown = htmllib.unescape(re.sub(r"<[^>]*>", "", panel))  # our own marks and links taken away
    assert shown == load(ARTICLE, "html").text
    assert "Tom & Jerry’s café stays shut — for now." in shown
    for raw in ("<p>", "<em>", "&amp;", "&ldquo;", "&rsquo;", "&mdash;", "Typed in a box", "Code,", "content:"):
        assert raw not in shown, raw
    assert "&amp;amp;" not in panel and "&lt;" not in panel  # nothing escaped twice, no tag shown as text


def test_highlights_sit_on_the_rendered_text_where_the_report_points(client):
    report = dump_report(audit(ARTICLE, "html"))
    assert [q["text"] for q in report["quotes"]] == [
        "We <em>will</em> rebuild the pier,", "Nobody told us anything,"]
    doc = load(ARTICLE, "html")
    expected = []
    for q in report["quotes"]:
        assert ARTICLE[q["start"]:q["end"]] == q["text"]  # the report's offsets into the markup hold
        at = doc.from_source(Span(q["start"], q["end"]))
        assert doc.to_source(at) == Span(q["start"], q["end"])  # and map onto the rendered text exactly
        expected.append(at.of(doc.text))
    assert expected == ["We will rebuild the pier,", "Nobody told us anything,"]

    resp = client.post("/review", data={"article": ARTICLE, "format": "html", "keep": "on"}, follow_redirects=True)
    page = resp.get_data(as_text=True)
    assert marks(article_panel(page)) == expected
    cards = [htmllib.unescape(t) for t in re.findall(r'class="qcard__quote"[^>]*>.*?<a [^>]*>“(.*?)”</a>', page, re.S)]
    assert cards == expected  # the details cards quote the rendered words too


def test_a_split_html_quote_is_highlighted_fragment_by_fragment():
    src = '<p>&ldquo;We will rebuild,&rdquo; the mayor said, &ldquo;and <b>soon</b>.&rdquo;</p>'
    report = dump_report(audit(src, "html"))
    view = reportview.build(report, src)
    doc = load(src, "html")
    highlighted = [r.text for r in view.runs if r.quote_id]
    frags = [f for q in report["quotes"] for f in q.get("fragments") or [q]]
    assert len(frags) == 2
    assert highlighted == [doc.from_source(Span(f["start"], f["end"])).of(doc.text) for f in frags]
    assert "".join(r.text for r in view.runs) == doc.text


def test_plain_text_and_markdown_are_shown_as_written():
    src = "“We will,” said Ana Ruiz. <b>not a tag</b>"
    view = reportview.build(dump_report(audit(src, "text")), src)
    assert "".join(r.text for r in view.runs) == src


def test_an_untitled_html_article_is_named_by_its_first_rendered_line():
    src = "<style>h1 { color: red }</style><h1>Caf&eacute; &amp; pier</h1><p>Text.</p>"
    assert reportview.display_title(src, "html") == "Café & pier"
