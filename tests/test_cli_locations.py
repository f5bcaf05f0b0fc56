"""Placing findings in the file: a finding's plain-text span maps to the
line and column of the same words in the Markdown, HTML or text as written."""
import pytest
from hypothesis import given, settings, strategies as st

from service.cli.checking import fingerprint, locate, place
from service.engine.document import load
from service.engine.model import Finding, Report, Span


def finding_on(doc, words: str, rule: str = "anonymous-source", nth: int = 0) -> Finding:
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(words, at + 1)
    return Finding(rule, "warning", "message", Span(at, at + len(words)))


@pytest.mark.parametrize("fmt, source, words, expected", [
    ("text", "One.\nTwo officials said.\n", "officials said", (2, 5, 2, 19)),
    ("text", "One.\r\nTwo officials said.\r\n", "officials said", (2, 5, 2, 19)),
    ("text", "Café — “officials said”.\n", "officials said", (1, 9, 1, 23)),
    ("markdown", "# Head\n\nSome *officials* said it.\n", "officials said", (3, 7, 3, 22)),
    ("markdown", "# Head\n\nSome **officials** said it.\n", "officials", (3, 8, 3, 17)),
    ("markdown", "See [the officials said](https://x.org/a) here.\n", "officials said", (1, 10, 1, 24)),
    ("markdown", "- first item\n- officials said it\n", "officials said", (2, 3, 2, 17)),
    ("markdown", "> a quote\n> officials said so\n", "officials said", (2, 3, 2, 17)),
    ("markdown", "first line\nofficials said\n", "line officials", (1, 7, 2, 10)),
    ("markdown", "Intro.\n\n<div>\n<p>officials said</p>\n</div>\n", "officials said", (4, 4, 4, 18)),
    ("markdown", "Use `code` then officials said.\n", "code then", (1, 6, 1, 16)),
    ("markdown", "Tom &amp; Jerry officials said.\n", "Jerry officials", (1, 11, 1, 26)),
    ("markdown", "Intro.\r\n\r\nSome *officials* said it.\r\n", "officials said", (3, 7, 3, 22)),
    ("html", "<p>A &amp; B</p>\n<p>officials <b>said</b></p>\n", "officials said", (2, 4, 2, 21)),
    ("html", "<p>caf&eacute; officials said</p>", "officials said", (1, 16, 1, 30)),
    ("html", "<p>caf&eacute; said</p>", "café", (1, 4, 1, 15)),
    ("html", "<script>var x = 'officials said';</script>\n<p>officials said</p>", "officials said", (2, 4, 2, 18)),
])
def test_finding_is_placed_on_the_same_words_in_the_file(fmt, source, words, expected):
    doc = load(source, fmt)
    loc = locate(doc, finding_on(doc, words))
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == expected


def test_finding_without_a_span_has_no_location():
    doc = load("Text.", "text")
    assert locate(doc, Finding("anonymous-share", "warning", "m")) is None


def test_location_offsets_cover_the_flagged_words_in_the_source():
    source = "Intro.\n\nThe *senior* officials said it.\n"
    doc = load(source, "markdown")
    loc = locate(doc, finding_on(doc, "senior officials"))
    assert source[loc.start:loc.end] == "senior* officials"


def test_place_orders_findings_by_position_with_whole_draft_findings_first():
    doc = load("RUMOUR one. Then officials said.\n", "text")
    report = Report(doc, findings=(finding_on(doc, "officials said"), Finding("anonymous-share", "warning", "m"),
                                   finding_on(doc, "RUMOUR", "unattributed-claim")))
    assert [f.finding.rule for f in place("d.txt", report)] == [
        "anonymous-share", "unattributed-claim", "anonymous-source"]


def test_fingerprints_tell_repeated_findings_apart_and_ignore_line_numbers():
    doc = load("officials said A.\n\nofficials said B.\n", "text")
    report = Report(doc, findings=(finding_on(doc, "officials said"), finding_on(doc, "officials said", nth=1)))
    first, second = place("d.txt", report)
    assert first.fingerprint != second.fingerprint
    assert first.fingerprint == fingerprint("d.txt", "anonymous-source", "officials said", 0, "officials said A.")
    assert second.fingerprint == fingerprint("d.txt", "anonymous-source", "officials said", 0, "officials said B.")


def test_the_same_words_twice_in_one_sentence_are_told_apart_by_occurrence():
    doc = load("officials said A, officials said B.\n", "text")
    report = Report(doc, findings=(finding_on(doc, "officials said"), finding_on(doc, "officials said", nth=1)))
    first, second = place("d.txt", report)
    sentence = "officials said A, officials said B."
    assert first.fingerprint == fingerprint("d.txt", "anonymous-source", "officials said", 0, sentence)
    assert second.fingerprint == fingerprint("d.txt", "anonymous-source", "officials said", 1, sentence)


def test_fingerprint_survives_edits_to_other_sentences_and_lines_moving():
    before = load("The lede.\n\nofficials said A.\n", "text")
    after = load("A new, longer lede.\n\nA new paragraph with officials said C.\n\n\nofficials said A.\n", "text")
    (old,) = place("d.txt", Report(before, findings=(finding_on(before, "officials said"),)))
    moved = place("d.txt", Report(after, findings=(finding_on(after, "officials said", nth=1),)))[0]
    assert (old.line, moved.line) == (3, 6)
    assert old.fingerprint == moved.fingerprint


def test_fingerprint_ignores_how_the_flagged_words_are_wrapped():
    assert fingerprint("d.md", "r", "officials\nsaid", 0) == fingerprint("d.md", "r", "officials said", 0)


# Property: in Markdown built from plain words with inline markup, every
# word of the plain text is placed on that same word in the file.
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü", min_size=1, max_size=8)
MARKUP = st.sampled_from(["{}", "*{}*", "**{}**", "_{}_", "`{}`", "[{}](https://x.org/p)", "~{}~"])


@st.composite
def markdown_paragraphs(draw):
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        words = [draw(MARKUP).format(draw(WORD)) for _ in range(draw(st.integers(1, 12)))]
        breaks = [draw(st.sampled_from([" ", " ", " ", "\n"])) for _ in words[1:]]
        line = words[0] + "".join(b + w for b, w in zip(breaks, words[1:]))
        prefix = draw(st.sampled_from(["", "", "> ", "- ", "## "]))
        paragraphs.append(prefix + line)
    return "\n\n".join(paragraphs) + "\n"


@settings(max_examples=150, deadline=None)
@given(markdown_paragraphs())
def test_every_plain_word_is_placed_on_the_same_word_in_markdown(source):
    import re

    doc = load(source, "markdown")
    lines = source.split("\n")
    for m in re.finditer(r"[^\W\d_]+", doc.text):
        loc = locate(doc, Finding("r", "info", "m", Span(m.start(), m.end())))
        assert source[loc.start:loc.end] == m.group()
        assert lines[loc.line - 1][loc.column - 1:].startswith(m.group())
