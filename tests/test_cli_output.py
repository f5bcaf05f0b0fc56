"""Output details tested in-process: GitHub escaping, the readable report."""
import pytest

from service.cli.checking import FileResult, place
from service.cli.output import github
from service.cli.output.report_text import render as render_report
from service.engine.document import load
from service.engine.model import Cue, Finding, Mention, Quote, Report, Score, Source, Span


@pytest.mark.parametrize("raw, data, prop", [
    ("plain", "plain", "plain"),
    ("100%", "100%25", "100%25"),
    ("a\nb", "a%0Ab", "a%0Ab"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("a: b, c", "a: b, c", "a%3A b%2C c"),
    ("%0A", "%250A", "%250A"),
    ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
])
def test_github_escaping(raw, data, prop):
    assert github.escape_data(raw) == data
    assert github.escape_property(raw) == prop


def test_github_annotation_spanning_lines_gives_end_line_not_columns():
    doc = load("One officials\nsaid two.\n", "text")
    start = doc.text.index("officials")
    report = Report(doc, findings=(Finding("anonymous-source", "warning", "m", Span(start, start + 14)),))
    (located,) = place("d.txt", report)
    assert github.annotation("d.txt", located) == (
        "::warning file=d.txt,line=1,col=5,endLine=2,title=sourcecheck%3A anonymous-source::m")


def test_github_annotation_for_the_whole_draft_has_no_line():
    doc = load("Text.\n", "text")
    (located,) = place("d.txt", Report(doc, findings=(Finding("anonymous-share", "error", "m"),)))
    assert github.annotation("d.txt", located) == "::error file=d.txt,title=sourcecheck%3A anonymous-share::m"


def test_report_lists_quotes_with_place_kind_type_and_speaker():
    source = "# Budget\n\nThe mayor said it was *fair*. \"We will cut nothing,\" an official said.\n"
    doc = load(source, "markdown")
    t = doc.text
    q1 = t.index("it was fair")
    q2 = t.index("We will")
    quotes = (
        Quote("q1", "indirect", Span(q1, q1 + 11), "it was fair", cue=Cue(Span(t.index("said"), t.index("said") + 4),
              "said", "say"), speaker=Mention(Span(t.index("The mayor"), t.index("The mayor") + 9), "The mayor"),
              source_id="s1"),
        Quote("q2", "direct", Span(q2, q2 + 16), "We will cut nothing", source_id="s2"),
    )
    sources = (Source("s1", "The mayor", "named", quote_ids=("q1",)),
               Source("s2", "an official", "anonymous", quote_ids=("q2",)))
    report = Report(doc, quotes, sources, score=Score(80, "B"), title="Budget")
    out = render_report(FileResult("d.md", "markdown", report, place("d.md", report))).splitlines()
    assert out[0] == "Budget"
    assert out[2] == "Score: 80/100 (grade B)"
    quotes_at = out.index("Quotes (2)")
    assert out[quotes_at + 1:quotes_at + 5] == [
        "#  Where  Kind      Type       Speaker      Quote",
        "-  -----  --------  ---------  -----------  " + "-" * 19,
        "1  3:16   indirect  named      The mayor    it was fair",
        "2  3:32   direct    anonymous  an official  We will cut nothing",
    ]
    assert "Sources (2)" in out
