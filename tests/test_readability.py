"""Readability: textstat's indices, offline (no CMU dictionary download),
never crashing on text with nothing to measure."""
import socket

import nltk
import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine.model import Readability
from service.engine.report.readability import measure, syllables

PLAIN = "The cat sat on the mat. The dog ran to the park. It was a sunny day."


@pytest.fixture
def offline(monkeypatch):
    """No network and no NLTK downloads: any attempt fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(nltk, "download", refuse)


def test_network_is_really_blocked_by_the_offline_fixture(offline):
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9))


def test_readability_works_offline(offline):
    assert measure(PLAIN) == Readability(
        flesch_reading_ease=111.51, flesch_kincaid_grade=-0.89, gunning_fog=2.27, smog_index=3.13,
        coleman_liau_index=-4.31, automated_readability_index=-4.19, words=17, sentences=3,
        reading_time_seconds=4.3)


def test_readability_of_the_seed_article_works_offline(offline, seed):
    r = measure(seed["text"])
    assert (r.words, r.sentences) == (329, 13)
    assert 30 < r.flesch_reading_ease < 60 and 10 < r.flesch_kincaid_grade < 16


# words, apostrophes in and around them (contractions and not), punctuation alone, every kind of space
WORD_PIECES = st.sampled_from(["cat", "don't", "we've", "'em", "'tis", "o'clock", "it's", "'", "''", "’s", "'t",
                               "rock'n'roll", "-", "—", ".", "5", "_", " ", "\n", "\t", "\u00a0", "\u2003", "\x1c"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD_PIECES, max_size=30).map("".join))
def test_words_are_counted_as_textstat_counts_them(text):
    r = measure(text + " cat.")  # a word with a syllable: always measured
    assert r.words == textstat.lexicon_count(text + " cat.")


@pytest.mark.parametrize("text", ["", "   \n\t ", "— … 123 %", "“”"])
def test_text_with_nothing_to_measure_has_no_readability(offline, text):
    assert measure(text) is None


@pytest.mark.parametrize("text", ["“Yes.”", "“We will not back down.”", "“No.”\n\n“Never.”"])
def test_quote_only_text_is_measured(offline, text):
    r = measure(text)
    assert r is not None and r.words >= 1 and r.sentences >= 1


def test_textstat_keeps_no_article_in_its_caches():
    from service.engine.report.readability import _textstat_caches

    measure(PLAIN + " A different article.")
    assert _textstat_caches(), "found textstat's memoised functions"
    assert all(fn.cache_info().currsize == 0 for fn in _textstat_caches())


@pytest.mark.parametrize("word, count", [("cat", 1), ("the", 1), ("sunny", 2), ("university", 4),
                                         ("2,000", 0), ("—", 0)])
def test_syllables_come_from_pyphen(offline, word, count):
    assert syllables(word) == count


def test_syllable_indices_match_textstat_given_the_same_syllable_counts(monkeypatch):
    """Our Flesch, Flesch-Kincaid and SMOG are textstat's formulas: with
    textstat's CMU lookup stubbed empty (so it falls back to Pyphen, as we
    do) the values agree. Reaches into textstat 0.7.13 internals (pinned):
    if this fails after an upgrade, recheck readability.py's formulas."""
    from textstat.backend.utils import get_cmudict

    class NoEntries:
        @staticmethod
        def dict():
            return {}

    monkeypatch.setattr(nltk.data, "find", lambda *a, **k: None)
    monkeypatch.setattr(nltk.corpus, "cmudict", NoEntries)
    get_cmudict.cache_clear()
    try:
        text = "Officials reported new developments yesterday. The ministry did not comment at all. " \
               "Analysts were surprised by the announcement."
        ours = measure(text)
        assert ours.flesch_reading_ease == round(textstat.flesch_reading_ease(text), 2)
        assert ours.flesch_kincaid_grade == round(textstat.flesch_kincaid_grade(text), 2)
        assert ours.smog_index == round(textstat.smog_index(text), 2)
    finally:
        get_cmudict.cache_clear()


def test_a_token_longer_than_any_word_is_never_hyphenated(offline, monkeypatch):
    """A hostile 500,000-character token costs one pass, not Pyphen's work on
    every letter: Pyphen only ever sees words of at most MAX_HYPHENATED letters."""
    from service.engine.report import readability

    real, seen = readability._pyphen(), []

    class Spy:
        @staticmethod
        def positions(word):
            seen.append(len(word))
            return real.positions(word)

    monkeypatch.setattr(readability, "_pyphen", Spy)
    readability._syllables.cache_clear()
    r = measure("abcdefghij" * 50_000 + ". The cat sat on the mat.")
    assert r.words == 7
    assert seen and max(seen) <= readability.MAX_HYPHENATED


@pytest.mark.parametrize("word, count", [
    ("ab" * 30, 30),                       # 60 letters: one syllable per vowel group
    ("strengths" * 5, 5),                  # 45 letters, five vowel groups
    ("x" * 41, 1),                         # no vowel: still a word of one syllable
    ("-" * 30 + "university", 4),          # long, but only 10 letters: Pyphen as usual
])
def test_long_tokens_count_vowel_groups(offline, word, count):
    assert syllables(word) == count


def _fixture_texts(seed) -> list[str]:
    """Our own texts: the plain sentences, the seed article, the archive
    example's articles, and edges of textstat's word and sentence rules."""
    import json
    from pathlib import Path

    archive = Path(__file__).resolve().parent.parent / "examples" / "archive.jsonl"
    return [PLAIN, seed["text"], *(json.loads(line)["text"] for line in archive.open(encoding="utf-8") if line.strip()),
            "Officials reported new developments yesterday. The ministry did not comment at all. "
            "Analysts were surprised by the announcement.",
            "Don't go. 'Quoted' words we've seen, ain't they? I'd say so!", "No. Yes. Maybe so, then.",
            "Dr. Smith met Mrs. Jones at 3 p.m. on Jan. 5 — “we agreed,” she said… Really?!",
            "Naïve coöperation in Zürich\u00a0and Straße, under_scores and 2,000 numbers."]


def test_every_index_matches_textstat_to_the_second_decimal(monkeypatch, seed):
    """The one-pass counts are textstat's: words, sentences, Coleman-Liau and
    ARI agree with textstat itself on every fixture text; with textstat's CMU
    lookup stubbed empty (so it counts syllables with Pyphen, as we do) so do
    Flesch, Flesch-Kincaid and SMOG wherever both count the same syllables
    word by word, in texts of three sentences or more (they differ by design
    on numbers, which have none here, on contractions, which textstat
    hyphenates with their apostrophe, and on SMOG under three sentences)."""
    import re

    from textstat.backend.utils import get_cmudict

    from service.engine.report.readability import syllables

    class NoEntries:
        @staticmethod
        def dict():
            return {}

    monkeypatch.setattr(nltk.data, "find", lambda *a, **k: None)
    monkeypatch.setattr(nltk.corpus, "cmudict", NoEntries)
    get_cmudict.cache_clear()
    same_syllables = []
    try:
        for text in _fixture_texts(seed):
            ours = measure(text)
            assert (ours.words, ours.sentences) == (textstat.lexicon_count(text), textstat.sentence_count(text)), text
            indices = ["coleman_liau_index", "automated_readability_index"]
            theirs = sorted(textstat.syllable_count(w) for w in re.sub(r"[^\w\s']", "", text).split())
            if sorted(map(syllables, re.sub(r"[^\w\s]", "", text).split())) == theirs and ours.sentences >= 3:
                same_syllables.append(text)
                indices += ["flesch_reading_ease", "flesch_kincaid_grade", "smog_index"]
            for index in indices:
                assert getattr(ours, index) == round(getattr(textstat, index)(text), 2), (index, text)
    finally:
        get_cmudict.cache_clear()
    assert PLAIN in same_syllables and len(same_syllables) >= 3


def test_syllables_are_pyphens_positions_for_every_fixture_word(seed):
    """``_Hyphenator`` finds the same hyphenation points as Pyphen itself."""
    import re

    from pyphen import Pyphen

    from service.engine.report import readability

    reference = Pyphen(lang="en_US", cache=False)
    words = {readability._letters(w) for text in _fixture_texts(seed) for w in re.sub(r"[^\w\s]", "", text).split()}
    words |= {"hyphenation", "responsibilities", "extraordinarily", "counterintelligence", "a", "ab", "abc"}
    for word in sorted(words - {""}):
        assert readability._pyphen().positions(word) == reference.positions(word), word
