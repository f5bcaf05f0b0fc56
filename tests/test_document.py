"""Document: plain text, paragraphs, sentences and offsets back to the source."""
import pytest

from service.engine.document import load
from service.engine.errors import InputError
from service.engine.model import Span


def sentences(text):
    doc = load(text)
    return [s.span.of(doc.text) for s in doc.sentences]


@pytest.mark.parametrize("text, expected", [
    ("Sen. John Smith met Mr. Jones on Jan. 5. He left.",
     ["Sen. John Smith met Mr. Jones on Jan. 5.", "He left."]),
    ("The U.S. Army said so. Gov. Lee agreed.", ["The U.S. Army said so.", "Gov. Lee agreed."]),
    ("She lives at No. 10 Downing St. in London. Dr. Who did not.",
     ["She lives at No. 10 Downing St. in London.", "Dr. Who did not."]),
    ('He said, "We will win." Then he left.', ['He said, "We will win."', "Then he left."]),
    ("It was 5 p.m. on Tuesday. Nobody came.", ["It was 5 p.m. on Tuesday.", "Nobody came."]),
    ("She thanked Govs. Ana Ruiz and Tom Lake. They left.", ["She thanked Govs. Ana Ruiz and Tom Lake.", "They left."]),
    ("Gens. Ana Ruiz and Tom Lake agreed. They left.", ["Gens. Ana Ruiz and Tom Lake agreed.", "They left."]),
])
def test_punkt_sentences_know_newsroom_abbreviations(text, expected):
    assert sentences(text) == expected



@pytest.mark.parametrize("text", [
    "He left. The door shut. Reporters waited. Nobody came.",
    "Ana Ruiz spoke. Ruiz. Then she left. Sen. Ruiz. Mr. Ruiz agreed. Gen. Lee came.",
    "It rained. I stayed. A car passed. J. Smith waved. Plan B. Then C. 5. Done.",
    "It ended at 5 p.m. Then lunch. They met on Jan. 5. He said so... Then more.",
    "He said it was over. \nThe end. well. what? Fine! OK.\n\nNext, he left. \"Yes.\" (Right.) Co. Ltd. Inc. Corp.",
    "(It rained.) Then it stopped. \"Go!\" he said. \"Now?\" \u201cYes.\u201d Very bad acting!!! I promise.",
    " .A. b.  C. d... E?! f.\t G. \"H.\" (I.) [J.] 3. 4.5. x.. Y. ",
    "",
])
def test_punkt_memo_gives_punkts_own_answers(text):
    """The engine memoises Punkt's per-break question on a key that sets aside
    words that cannot change the answer, and walks the candidate breaks in one
    loop (``_punkt_spans``): the sentences are those of a plain Punkt with the
    same parameters."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from service.engine.document import _punkt, _punkt_spans
    from service.engine.lexicon import words

    params = PunktParameters()
    params.abbrev_types = set(words("abbreviations"))
    assert "xx" not in params.abbrev_types  # the memo's stand-in for a word that is no abbreviation
    plain = list(PunktSentenceTokenizer(params).span_tokenize(text))
    assert list(_punkt().span_tokenize(text)) == plain
    assert _punkt_spans(text) == plain

def test_paragraphs_are_blank_line_blocks():
    doc = load("First para\nstill first.\n\nSecond para.\n\n\nThird.")
    assert [p.of(doc.text) for p in doc.paragraphs] == ["First para\nstill first.", "Second para.", "Third."]


def test_paragraphs_are_lines_when_text_has_no_blank_line():
    doc = load("One.\nTwo.\nThree.")
    assert [p.of(doc.text) for p in doc.paragraphs] == ["One.", "Two.", "Three."]


def test_plain_text_offsets_are_identity():
    doc = load("Hello world.")
    assert doc.text == doc.source and doc.to_source(Span(0, 5)) == Span(0, 5)


def test_html_text_maps_back_to_source_offsets():
    src = '<p>He said, &ldquo;We <em>will</em> win.&rdquo;</p><p>Next &amp; more</p>'
    doc = load(src, "html")
    assert doc.text.startswith("He said, “We will win.”")
    i = doc.text.index("We will win.")
    mapped = doc.to_source(Span(i, i + len("We will win.")))
    assert mapped.of(src) == "We <em>will</em> win."
    amp = doc.text.index("&")
    assert doc.to_source(Span(amp, amp + 1)).of(src) == "&amp;"


def test_html_scripts_and_styles_are_not_text():
    doc = load("<style>p{}</style><script>var x = 'said';</script><p>Plain.</p>", "html")
    assert doc.text.strip() == "Plain."


def test_markdown_markup_is_stripped_and_mapped_back():
    src = '# Title\n\nShe said "*yes*" and [left](http://x.example).\n'
    doc = load(src, "markdown")
    assert "She said \"yes\" and left." in doc.text
    i = doc.text.index("yes")
    assert doc.to_source(Span(i, i + 3)).of(src) == "yes"


def test_line_and_column_are_one_based():
    doc = load("a\nbc\ndef")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(doc.source.index("e")) == (3, 2)


@pytest.mark.parametrize("bad, message", [
    (b"\xff\xfe not utf-8", "UTF-8"),
    ("bin\x00ary", "binary"),
    (42, "must be text"),
    ("x" * 11, "limit"),
])
def test_bad_input_is_an_input_error(bad, message):
    with pytest.raises(InputError, match=message):
        load(bad, max_chars=10)


def test_unknown_format_is_an_input_error():
    with pytest.raises(InputError, match="format"):
        load("text", "docx")


def test_empty_text_has_no_paragraphs():
    doc = load("   \n\n  ")
    assert doc.paragraphs == () and doc.sentences == ()


def test_text_inside_a_textarea_script_or_style_is_not_audited():
    from service.engine import audit

    html = ('<p>“Real words,” the mayor said.</p><textarea>“Typed in a box,” he said.</textarea>'
            '<script>var q = "“Code,” she said.";</script><style>p::before { content: "“x,” they said." }</style>')
    assert [q.text for q in audit(html, "html").quotes] == ["Real words,"]



# --- what is not audited: form fields, scripts, styles, Markdown code ------------------

def test_textarea_script_and_style_are_tags_whose_text_is_skipped():
    from service.engine.document import _SKIP_TAGS

    assert {"textarea", "script", "style"} <= _SKIP_TAGS


@pytest.mark.parametrize("tag", ["textarea", "script", "style"])
def test_no_quote_reported_speech_or_name_is_found_inside_a_skipped_tag(tag):
    from service.engine import audit

    html = (f"<p>Intro.</p><{tag}>“Typed words,” said Lee Park. Lee Park said the pier is unsafe.</{tag}>"
            "<p>“Real words,” said Ana Ruiz.</p>")
    report = audit(html, "html")
    assert [q.text for q in report.quotes] == ["Real words,"]
    assert [s.name for s in report.sources] == ["Ana Ruiz"]


MARKDOWN_CODE = (
    "Run this: `“Inline words,” said Lee Park.`\n\n"
    "Example: `Lee Park said that the pier is unsafe.`\n\n"
    "```\n“Fenced,” said Kim Vale. Kim Vale said the pier is unsafe.\n```\n\n"
    "    “Indented,” said Bo Hale. Bo Hale said it rained.\n\n"
    "“Real words,” said Ana Ruiz.\n"
)


def test_markdown_code_is_kept_in_the_text_and_set_aside():
    doc = load(MARKDOWN_CODE, "markdown")
    assert [s.of(doc.text) for s in doc.set_aside] == [
        "“Inline words,” said Lee Park.",
        "Lee Park said that the pier is unsafe.",
        "“Fenced,” said Kim Vale. Kim Vale said the pier is unsafe.",
        "“Indented,” said Bo Hale. Bo Hale said it rained.",
    ]
    for s in doc.set_aside:  # offsets unchanged: each maps back to the code as written
        assert doc.to_source(s).of(MARKDOWN_CODE) == s.of(doc.text)
    sentences = [s.span.of(doc.text) for s in doc.sentences]
    assert not any("Kim Vale" in s or "Bo Hale" in s for s in sentences)  # code blocks are no prose


def test_no_quote_reported_speech_or_name_is_found_in_markdown_code():
    from schemas.report import dump_report
    from service.engine import audit

    report = dump_report(audit(MARKDOWN_CODE, "markdown"))
    assert [(q["text"], q["kind"]) for q in report["quotes"]] == [("Real words,", "direct")]
    assert [MARKDOWN_CODE[q["start"]:q["end"]] for q in report["quotes"]] == ["Real words,"]
    assert [s["name"] for s in report["sources"]] == ["Ana Ruiz"]
    assert not any(n in str(report["findings"]) for n in ("Lee Park", "Kim Vale", "Bo Hale"))


def test_a_code_span_inside_a_quote_keeps_the_quote_and_its_offsets():
    from schemas.report import dump_report
    from service.engine import audit

    md = "“Type `make test` twice,” said Ana Ruiz.\n"
    quotes = dump_report(audit(md, "markdown"))["quotes"]
    assert [(q["text"], md[q["start"]:q["end"]]) for q in quotes] == [("Type `make test` twice,",) * 2]


def test_no_sentence_opens_in_lower_case():
    # Punkt ends a sentence after "(D-N.J.)"; a lower-case word after it goes on with the sentence
    from service.engine.document import load
    text = "Sens. Ana Ruiz (D-Ore.) and Rob Lee (D-N.J.) all suggested that the claims were grounds for a case."
    doc = load(text)
    assert [doc.text[s.span.start:s.span.end] for s in doc.sentences] == [text]
