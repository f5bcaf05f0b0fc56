"""Readability: textstat's indices, offline (no CMU dictionary download),
never crashing on text with nothing to measure."""
import socket

import nltk
import pytest
import textstat

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
