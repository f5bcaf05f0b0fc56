"""What a speaker mention says on its own (mentions.analyse): its form, the
kind of source it implies, the name and the title inside it."""
import pytest

from service.engine.sources.mentions import analyse

ROWS = [
    # text, form, kind, name, title inside the mention
    ("John Kerry", "name", "person", "John Kerry", None),
    ("Secretary of State John Kerry", "name", "person", "John Kerry", "Secretary of State"),
    ("Mr. Kerry", "name", "person", "Kerry", None),
    ("Sen. Bernie Sanders (I-Vt.)", "name", "person", "Bernie Sanders", "Sen."),
    ("Texas Sen. Ted Cruz", "name", "person", "Ted Cruz", "Texas Sen."),
    ("White House press secretary Josh Earnest", "name", "person", "Josh Earnest", "White House press secretary"),
    ("Donald J. Trump", "name", "person", "Donald J. Trump", None),
    ("Trump's", "name", "person", "Trump", None),
    ("Gov. Ana Marie Ruiz of New Mexico", "name", "person", "Ana Marie Ruiz", "Gov."),
    ("Representative Tom J. Lake of New York", "name", "person", "Tom J. Lake", "Representative"),
    ("he", "pronoun", None, "he", None),
    ("They", "pronoun", None, "They", None),
    ("I", "author", "person", "I", None),
    ("who", "relative", None, "who", None),
    ("the senator", "definite", None, "the senator", None),
    ("the former secretary of state", "definite", None, "the former secretary of state", None),
    ("The official", "definite", "anonymous", "The official", None),
    ("the company", "definite", "institutional", "the company", None),
    ("a senior American official", "description", "anonymous", "a senior American official", None),
    ("a spokesman for the ministry", "description", "institutional", "a spokesman for the ministry", None),
    ("the Trump campaign", "description", "institutional", "the Trump campaign", None),
    ("The New York Post", "description", "institutional", "The New York Post", None),
    ("Iran", "description", "institutional", "Iran", None),
    ("a statement", "description", "institutional", "a statement", None),
    ("the Department of Homeland Security", "description", "institutional", "the Department of Homeland Security",
     None),
    ("Halden College graduates", "description", "anonymous", "Halden College graduates", None),
    # a name with stray words after it keeps the name
    ("Mr. Rubio himself", "name", "person", "Rubio", None),
    ("Ted Cruz made an unprompted call", "name", "person", "Ted Cruz", None),
    # a title counts only right before the name
    ("director for HBX Health Sciences", "definite", None, "director for HBX Health Sciences", None),
]


@pytest.mark.parametrize("text, form, kind, name, title", ROWS, ids=[r[0] for r in ROWS])
def test_analyse_mention(text, form, kind, name, title):
    info = analyse(text)
    assert (info.form, info.kind, info.name) == (form, kind, name)
    assert (text[info.title_span[0]:info.title_span[1]] if info.title_span else None) == title


@pytest.mark.parametrize("text, gender", [
    ("John Kerry", "m"), ("Hillary Clinton", "f"), ("Mr. Lee", "m"), ("Ms. Lee", "f"), ("Lee", "u"),
    ("she", "f"), ("the congresswoman", "f"), ("a spokeswoman for the ministry", "f"),
])
def test_analyse_gender(text, gender):
    assert analyse(text).gender == gender


@pytest.mark.parametrize("text, plural", [
    ("officials", True), ("a senior official", False), ("they", True), ("people close to him", True),
    ("one delegate", False), ("two judges", True),
])
def test_analyse_number(text, plural):
    assert analyse(text).plural is plural


def test_another_makes_a_fresh_source():
    assert analyse("another source").fresh and not analyse("a source").fresh


@pytest.mark.parametrize("text, unique", [
    ("the president", True), ("the pope", True), ("the senator", False),
    ("vice chairwoman for the campaign", False),
])
def test_unique_office(text, unique):
    assert analyse(text).unique is unique


@pytest.mark.parametrize("text, kind", [
    ("YouTube", "institutional"), ("ProPublica", "institutional"), ("Outsports.com", "institutional"),
    ("McCain", "person"), ("DeSantis", "person"), ("O'Rourke", "person"),
])
def test_brand_spellings_are_institutions_and_surname_prefixes_are_not(text, kind):
    assert analyse(text).kind == kind
