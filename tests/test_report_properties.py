"""Invariants of the report stage on arbitrary text (hypothesis)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.report import ReportSchema, dump_report
from service.engine import DEFAULT, build_report, load

WORDS = st.sampled_from(["critics", "say", "reportedly", "It", "is", "believed", "there", "are", "claims",
                         "officials", "said", "the", "bridge", "“", "”", ".", "\n\n", "—", "é", "according",
                         "to", "some", "experts"])


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=300), st.lists(WORDS, max_size=60).map(" ".join)))
def test_report_on_any_text_is_valid_and_every_span_is_exact(text):
    report = build_report(load(text), [], [], policy=DEFAULT)
    wire = dump_report(report)
    assert ReportSchema().validate(wire) == {}
    for f in wire["findings"]:
        if f["span"] is not None:
            assert text[f["span"]["start"]:f["span"]["end"]] == f["span"]["text"] != ""
    assert 0 <= wire["score"]["value"] <= 100
