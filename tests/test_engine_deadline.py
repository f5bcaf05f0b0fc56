"""The engine's deadline is checked inside its long stages, not only between
them: an article too dense to finish in time stops in the middle of the stage
that is running (per sentence, per quote, per rule) with ``DeadlineExceeded``,
so a server answers at its deadline instead of when the stage happens to end.
A deadline already past makes each stage stop at its first check."""
from __future__ import annotations

import pytest

from service.engine import DEFAULT, DeadlineExceeded, audit, build_report, load, resolve_sources
from service.engine import deadline
from service.engine.attribution import attribute, reported
from service.engine.quotes import find_quotes

ARTICLE = "“We will rebuild the pier,” said Mayor Ana Ruiz. She said the work starts in May.\n\n" * 20


@pytest.fixture(scope="module")
def stages():
    doc = load(ARTICLE)
    found = find_quotes(doc)
    attributed = attribute(doc, found)
    resolved, sources = resolve_sources(doc, attributed)
    return doc, found, attributed, resolved, sources


def past():
    return deadline.within(-1.0)  # a deadline that has already passed


def test_reported_speech_checks_the_deadline_sentence_by_sentence(stages):
    doc, found, *_ = stages
    with past(), pytest.raises(DeadlineExceeded):
        reported.reported_speech(doc, found)


def test_direct_attribution_checks_the_deadline_quote_by_quote(stages, monkeypatch):
    doc, found, *_ = stages
    monkeypatch.setattr(reported, "reported_speech", lambda doc, quotes: [])  # only the direct sieve runs
    with past(), pytest.raises(DeadlineExceeded):
        attribute(doc, found)


def test_source_resolution_checks_the_deadline_quote_by_quote(stages):
    doc, _, attributed, *_ = stages
    with past(), pytest.raises(DeadlineExceeded):
        resolve_sources(doc, attributed)


def test_the_report_checks_the_deadline_rule_by_rule(stages):
    doc, _, _, resolved, sources = stages
    with past(), pytest.raises(DeadlineExceeded):
        build_report(doc, resolved, sources, policy=DEFAULT)


def test_without_a_deadline_every_stage_runs_to_the_end(stages):
    doc, _, _, resolved, sources = stages
    assert len(build_report(doc, resolved, sources, policy=DEFAULT).quotes) == 40
    assert len(audit(ARTICLE, deadline=None).quotes) == 40


def test_a_deadline_not_reached_changes_nothing():
    assert audit(ARTICLE, deadline=600) == audit(ARTICLE)
