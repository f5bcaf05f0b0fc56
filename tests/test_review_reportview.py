"""What the report page shows, built from the report dict."""
from __future__ import annotations

import pytest

from service.review.reportview import build, chart, display_title
from tests.review_fixtures import seed_report


@pytest.fixture(scope="module")
def view(seed):
    return build(seed_report(seed), seed["text"])


def test_every_quote_is_highlighted_once_with_its_source_type(view, seed):
    marked = [(r.text, r.source_type) for r in view.runs if r.quote_id]
    assert marked == [(q["quote"], q["source_type"]) for q in seed["quotes"]]


def test_counts_quotes_by_source_type(view):
    assert view.counts == {"named": 2, "anonymous": 3, "institutional": 0, "unattributed": 1}


def test_quote_details_carry_speaker_descriptor_and_cue(view):
    kerry = view.quote("q4")
    assert (kerry.speaker, kerry.descriptor, kerry.cue, kerry.source_type) == (
        "John Kerry", "Secretary of State", "said", "named")


def test_anonymity_reason_is_shown_with_the_quote(view):
    assert view.quote("q2").anonymity_reason == "because he was discussing classified reports"


def test_findings_on_a_quote_link_to_its_highlight(view):
    assert [(f.rule, f.href) for f in view.findings[:2]] == [
        ("anonymous-source", "#q-q2"), ("unattributed-claim", "#q-q3")]


def test_a_finding_with_only_a_span_links_to_an_anchor_at_that_place(view):
    assert view.findings[2].href == "#at-f2"
    assert any("at-f2" in r.anchors and r.text.startswith("Senior American officials") for r in view.runs)


def test_findings_are_listed_with_their_quote(view):
    assert [f.rule for f in view.quote("q3").findings] == ["unattributed-claim"]


def test_sources_list_their_quotes_and_unsourced_quotes_are_listed_apart(view):
    assert [(s.name, [q.id for q in s.quotes]) for s in view.sources][2] == ("John Kerry", ["q4"])
    assert [q.id for q in view.unattributed] == ["q3"]


def test_score_and_deductions(view):
    assert (view.score, view.grade, [d["rule"] for d in view.deductions]) == (
        71, "C", ["anonymous-source", "unattributed-claim"])


def test_chart_bars_scale_to_the_largest_count():
    c = chart({"named": 2, "anonymous": 4, "institutional": 0, "unattributed": 1})
    assert [(b.type, b.count, b.width) for b in c.bars] == [
        ("named", 2, 110.0), ("anonymous", 4, 220.0), ("institutional", 0, 0.0), ("unattributed", 1, 55.0)]


def test_chart_of_no_quotes_has_empty_bars():
    assert [b.width for b in chart({}).bars] == [0.0, 0.0, 0.0, 0.0]


def test_an_empty_report_builds():
    view = build({"quotes": [], "sources": [], "findings": [], "score": None}, "Plain words.")
    assert (view.score, view.quotes, view.title) == (None, (), "Plain words.")


def test_a_malformed_report_still_builds():
    view = build({"quotes": [None, {"id": "q1"}], "sources": "nope", "findings": [{"span": 3}], "score": 5},
                 "text")
    assert (len(view.quotes), len(view.findings), view.score) == (1, 1, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("\n\n# Big news\nBody", "Big news"),
    ("<h1>Big <em>news</em></h1><p>Body</p>", "Big news Body"),
    ("", "Untitled article"),
    ("x" * 100, "x" * 89 + "…"),
])
def test_display_title_is_the_first_line_without_markup(text, expected):
    assert display_title(text) == expected
