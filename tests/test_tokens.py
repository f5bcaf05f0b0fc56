"""Tokens: made once per paragraph, a sentence's read off its paragraph's."""
from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine.document import load
from service.engine.tokens import Token, between, index_at, joined, tokenize, tokenize_iter

# pieces whose tokens depend on what follows them: abbreviations, initials,
# a full stop before a lowercase word, quote marks, runs without spaces
PIECES = st.sampled_from([
    "x", "_", "Sen", "Mr",
    "Mr.", "Sen.", "U.S.", "R.", "J.", "a.", "p.m.", "Jan.", "ill.", "Miss.", "said", "Kelly", "officials",
    "it", "''", "``", "--", "—", "'", "’", "\"", "“", ",", ".", "?", "5", "5.5", "don't", "x-ray",
    " ", "  ", "\n", "\n\n", "\u00a0", "\t",
])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.data())
def test_a_spans_tokens_are_those_of_one_match_at_a_time(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert tokenize(text, start, end) == list(tokenize_iter(text, start, end))


def test_tokens_carry_their_offsets_lower_case_and_first_character_classes():
    text = "Mr. Kelly said it's 5.5, \u201cno.\u201d"
    assert tokenize(text, 4) == [
        Token(4, 9, "Kelly", "kelly", True, True), Token(10, 14, "said", "said", True, False),
        Token(15, 19, "it's", "it's", True, False), Token(20, 23, "5.5", "5.5", True, False),
        Token(23, 24, ",", ",", False, False), Token(25, 26, "\u201c", "\u201c", False, False),
        Token(26, 28, "no", "no", True, False), Token(28, 29, ".", ".", False, False),
        Token(29, 30, "\u201d", "\u201d", False, False),
    ]


def test_a_span_starting_inside_a_word_reads_the_word_before_it():
    # "\b" before "Sen." does not hold inside "XSen.": the abbreviation is not one token
    assert [t.text for t in tokenize("XSen. Kelly", 1)] == ["Sen", ".", "Kelly"]


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.data())
def test_a_spans_tokens_read_off_wider_tokens_are_its_own(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    start = data.draw(st.integers(a, b))
    end = data.draw(st.integers(start, b))
    assert between(tokenize(text, a, b), text, start, end) == tokenize(text, start, end)


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.data())
def test_a_spans_tokens_joined_from_its_parts_tokens_are_its_own(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    cuts = sorted(data.draw(st.lists(st.integers(a, b), max_size=8)))
    parts = [(x, y) for x, y in zip(cuts[::2], cuts[1::2])]  # in order, not overlapping, gaps between
    pieces = [(x, tokenize(text, x, y)) for x, y in parts]
    assert joined(text, a, b, pieces) == tokenize(text, a, b)


def test_a_sentence_ending_in_an_initial_keeps_the_initial_apart():
    # the paragraph reads "R." before a capital as one token; the sentence ends at "R."
    text = "He met officials from Company R. Kelly was not there."
    assert [t.text for t in between(tokenize(text), text, 0, 32)][-2:] == ["R", "."]


def test_sentence_tokens_are_those_of_the_sentence_alone():
    doc = load("Sen. Lee met U.S. officials. R. Kelly said no.\n\nIt was 5 p.m. in Jackson, Miss. Then rain.")
    for s in doc.sentences:
        assert doc.sentence_tokens(s) == tokenize(doc.text, s.span.start, s.span.end)


def test_paragraph_tokens_made_after_its_sentences_are_the_paragraphs_own():
    doc = load("Sen. Lee met U.S. officials. R. Kelly said no. It was 5 p.m. in Jackson, Miss. Then rain.")
    for s in doc.sentences[:3]:
        doc.sentence_tokens(s)
    assert doc.paragraph_tokens(0) == tokenize(doc.text)


def test_paragraph_tokens_are_made_once():
    doc = load("One paragraph here.\n\nAnother one.")
    assert doc.paragraph_tokens(1) is doc.paragraph_tokens(1)
    assert [t.text for t in doc.paragraph_tokens(1)] == ["Another", "one", "."]


def test_a_document_with_other_text_has_its_own_tokens():
    doc = load("Code `x.y` here.", "markdown")
    assert [t.text for t in doc.paragraph_tokens(0)] == ["Code", "x.y", "here", "."]
    assert [t.text for t in doc.audited().paragraph_tokens(0)] == ["Code", "here", "."]  # the code set aside


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.data())
def test_index_at_is_the_first_token_starting_at_or_after_the_offset(text, data):
    toks = tokenize(text)
    offset = data.draw(st.integers(-1, len(text) + 1))
    lo = data.draw(st.integers(0, len(toks) + 1))
    expected = next((i for i in range(lo, len(toks)) if toks[i].start >= offset), max(lo, len(toks)))
    assert index_at(toks, offset, lo) == expected
