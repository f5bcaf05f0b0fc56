"""Invariants of the engine on generated input (hypothesis)."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.engine import InputError, audit

WORDS = st.sampled_from([
    "said", "told", "according", "to", "officials", "the", "mayor", "He", "she", "Kerry", "that", "“", "”",
    '"', "'", "‘", "’", ",", ".", ":", "\n\n", "There", "are", "claims", "It", "is", "believed", "Mr.",
    "reportedly", "who", "spoke", "on", "condition", "of", "anonymity", "because", "a", "senior", "official",
    "``", "''", "—", "(", ")", "Sen.", "U.S.", "added", "we", "will", "win",
])
ARTICLES = st.lists(WORDS, max_size=80).map(" ".join)


def check_spans(text, report):
    doc = report.document
    assert doc.text == text
    for q in report.quotes:
        assert q.span.of(text) == q.text
        for f in q.fragments:
            assert q.span.contains(f)
        for m in (q.speaker, q.cue):
            if m is not None:
                assert m.span.of(text) == m.text
    for s in report.sources:
        for m in (*s.mentions, s.descriptor, s.anonymity_reason):
            if m is not None:
                assert m.span.of(text) == m.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES)
def test_spans_always_match_the_text_on_newsy_noise(text):
    check_spans(text, audit(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_engine_never_raises_on_arbitrary_unicode(text):
    try:
        report = audit(text)
    except InputError:
        return  # binary-looking text is refused, on purpose
    check_spans(text, report)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.sampled_from(["html", "markdown"]))
def test_markup_never_raises_and_maps_into_the_source(text, fmt):
    try:
        report = audit(text, fmt)
    except InputError:
        return
    doc = report.document
    for q in report.quotes:
        m = doc.to_source(q.span)
        assert 0 <= m.start <= m.end <= len(text)
