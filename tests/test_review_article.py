"""Splitting the article into plain runs and highlighted quote runs."""
from __future__ import annotations

import pytest

from service.review.article import Run, anchor_id, runs

TEXT = 'She said "we will win" and "soon".'
#       0123456789012345678901234567890123
Q1 = {"id": "q1", "start": 10, "end": 21, "text": "we will win", "source_type": "named"}
Q2 = {"id": "q2", "start": 28, "end": 32, "text": "soon", "source_type": "anonymous"}


def test_quotes_become_highlighted_runs_between_plain_ones():
    assert runs(TEXT, [Q1, Q2]) == [
        Run('She said "'),
        Run("we will win", "q1", "named", first=True),
        Run('" and "'),
        Run("soon", "q2", "anonymous", first=True),
        Run('".'),
    ]


def test_runs_join_back_to_the_text():
    assert "".join(r.text for r in runs(TEXT, [Q2, Q1])) == TEXT


def test_a_quote_broken_by_its_attribution_is_highlighted_by_fragment():
    text = '"We will win," she said, "and soon."'
    q = {"id": "q1", "start": 1, "end": 34, "text": text[1:34], "source_type": "named",
         "fragments": [{"start": 1, "end": 12, "text": "We will win"}, {"start": 26, "end": 34, "text": "and soon"}]}
    marked = [(r.text, r.first) for r in runs(text, [q]) if r.quote_id]
    assert marked == [("We will win", True), ("and soon", False)]


def test_overlapping_quotes_are_clipped_so_the_earlier_keeps_the_overlap():
    text = "abcdefghij"
    a = {"id": "a", "start": 1, "end": 6, "text": "bcdef"}
    b = {"id": "b", "start": 4, "end": 9, "text": "efghi"}
    assert [(r.text, r.quote_id) for r in runs(text, [b, a])] == [
        ("a", None), ("bcdef", "a"), ("ghi", "b"), ("j", None)]


def test_a_quote_inside_another_is_dropped_from_the_highlights():
    text = "abcdefghij"
    outer = {"id": "o", "start": 1, "end": 9, "text": "bcdefghi"}
    inner = {"id": "i", "start": 3, "end": 5, "text": "de"}
    assert [r.quote_id for r in runs(text, [outer, inner])] == [None, "o", None]


@pytest.mark.parametrize("bad", [
    {"id": "x", "start": 10, "end": 21, "text": "not the text"},
    {"id": "x", "start": -1, "end": 3, "text": "She"},
    {"id": "x", "start": 30, "end": 99, "text": "??"},
    {"id": "x", "start": 5, "end": 5, "text": ""},
    {"id": "x", "start": "10", "end": 21, "text": "we will win"},
])
def test_quotes_whose_offsets_do_not_match_the_text_are_not_highlighted(bad):
    assert runs(TEXT, [bad]) == [Run(TEXT)]


def test_offsets_count_code_points_not_utf16_units():
    text = "😀 said “yes”."
    q = {"id": "q1", "start": 8, "end": 11, "text": "yes", "source_type": "named"}
    assert [r.text for r in runs(text, [q]) if r.quote_id] == ["yes"]


def test_anchors_are_placed_before_the_run_at_their_offset():
    out = runs(TEXT, [Q1], {"at-f0": 4})
    assert out[:2] == [Run("She "), Run('said "', anchors=("at-f0",))]


def test_an_anchor_inside_a_highlight_moves_to_its_start():
    out = runs(TEXT, [Q1], {"at-f0": 15})
    assert out[1] == Run("we will win", "q1", "named", first=True, anchors=("at-f0",))


def test_an_anchor_at_the_end_of_the_text_is_kept():
    assert runs("abc", [], {"end": 3}) == [Run("abc"), Run("", anchors=("end",))]


def test_a_quote_with_no_source_type_is_unattributed():
    q = {"id": "q1", "start": 10, "end": 21, "text": "we will win"}
    assert runs(TEXT, [q])[1].source_type == "unattributed"


@pytest.mark.parametrize(("id", "expected"), [("q1", "q-q1"), ("q 1/é", "q-q-1-"), (7, "q-7")])
def test_anchor_ids_are_safe_html_ids(id, expected):
    assert anchor_id("q", id) == expected
