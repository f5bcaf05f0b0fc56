"""The report's word lists and phrase patterns."""
import re

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from service.engine.report.wording import (compile_phrase, describes_position, is_weasel, loaded_table,
                                           trigger_starts, vague_matches, vague_triggers, verb_forms)
from service.engine.lexicon import resources

REPORT_LISTS = ["loaded_verbs", "vague_attributions", "weasel_speakers", "uninformative_words",
                "bare_source_nouns", "spokespeople"]


@pytest.mark.parametrize("name", REPORT_LISTS)
def test_every_list_says_where_it_comes_from(name):
    first = resources.files("service.engine.lexicon").joinpath(f"{name}.txt").read_text("utf-8").splitlines()[0]
    assert first.startswith("# ") and "Compiled by the Sourcecheck team from" in first


@pytest.mark.parametrize("phrase, text, match", [
    ("there is|are (also) claims", "There are also claims that", "There are also claims"),
    ("there (also) is|are claims", "There are also claims that", None),
    ("there (also) is|are claims", "there is claims", "there is claims"),
    ("it is|was (widely) believed", "It was\nwidely believed", "It was\nwidely believed"),
    ("reportedly", "was reportedly seen", "reportedly"),
    ("reportedly", "unreportedly", None),
    ("critics say", "critics sayings", None),
    ("rumor (has) (it)", "rumor has it", "rumor has it"),
])
def test_phrase_patterns(phrase, text, match):
    m = compile_phrase(phrase).search(text)
    assert (m.group() if m else None) == match


@pytest.mark.parametrize("phrase", ["", "(optional)", "bad(", "a ** b", "x||y"])
def test_malformed_phrase_is_rejected(phrase):
    with pytest.raises(ValueError):
        compile_phrase(phrase)


def test_every_shipped_phrase_compiles():
    from service.engine.report.wording import vague_patterns

    assert all(isinstance(p, re.Pattern) for p in vague_patterns())


@pytest.mark.parametrize("lemma, forms", [
    ("claim", {"claim", "claims", "claimed", "claiming"}),
    ("admit", {"admit", "admits", "admitted", "admitting"}),
    ("concede", {"concede", "concedes", "conceded", "conceding"}),
    ("deny", {"deny", "denies", "denied", "denying"}),
    ("say", {"say", "says", "said", "saying"}),
])
def test_verb_forms(lemma, forms):
    assert forms <= verb_forms(lemma)


def test_loaded_verbs_named_by_the_issue_are_listed():
    assert {"claim", "admit", "insist", "concede", "allege"} <= set(loaded_table())
    assert all(neutral for neutral, _ in loaded_table().values())


@pytest.mark.parametrize("text, weasel", [("critics", True), ("Some experts", True), ("sources", True),
                                          ("many", True), ("analysts at Moody's", False),
                                          ("a senior official", False), ("American officials", False)])
def test_weasel_speakers(text, weasel):
    assert is_weasel(text) is weasel


@pytest.mark.parametrize("text, described", [("an official", False), ("a senior official", False),
                                             ("he", False), ("American officials", True),
                                             ("a senior official who attended the meeting", True)])
def test_describes_position(text, described):
    assert describes_position(text) is described


# words and marks around the vague phrases' first words: case, apostrophes,
# hyphens, underscores, letters that lower-case longer ("İ") or fold to an
# ASCII letter in ``re`` only ("ſ", "ı"), the Kelvin sign (lower case "k")
VAGUE_PIECES = st.sampled_from([
    "sources", "Sources", "SOURCES", "ſources", "critics", "some", "Some", "it", "It", "ıt", "İt", "many",
    "others", "Kritics", "\u212aritics", "u.s.", "officials", "say", "said", "x", "_", "-", "'", "’", "s",
    ".", ",", "é", " ", "\n",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(VAGUE_PIECES, max_size=30).map("".join),
       st.sampled_from([(), ("u.s. officials",), ("others say",), ("Kritics claim",)]))
def test_vague_phrase_triggers_are_found_where_their_pattern_matches(text, extra):
    assert trigger_starts(text, extra) == [m.start() for m in vague_triggers(extra).finditer(text)]


def test_a_vague_phrase_is_found_in_any_case():
    assert [m.group() for m in vague_matches("SOURCES SAY it. Critics say so.")] == ["SOURCES SAY", "Critics say"]


def test_a_vague_phrase_inside_a_longer_word_is_not_found():
    assert list(vague_matches("Nonsources say so; sources-say too; critics’ say")) == []
