"""Attribution patterns: the registry, its sieves, and every pattern on its own example."""
import pytest

from service.engine.attribution import PATTERNS, attribute, direct, pattern, reported
from service.engine.document import load
from service.engine import RULES
from service.engine.quotes import find_quotes


def attributed(text):
    doc = load(text)
    return attribute(doc, find_quotes(doc))


@pytest.mark.parametrize("p", PATTERNS.values(), ids=list(PATTERNS))
def test_every_pattern_attributes_its_own_example(p):
    quotes = [q for q in attributed(p.example) if q.rule == p.id]
    assert quotes, [(q.text, q.rule) for q in attributed(p.example)]
    for q in quotes:
        assert p.example[q.span.start:q.span.end] == q.text
        assert q.speaker is None or p.example[q.speaker.span.start:q.speaker.span.end] == q.speaker.text


@pytest.mark.parametrize("p", PATTERNS.values(), ids=list(PATTERNS))
def test_a_pattern_id_is_its_function_name_and_it_says_what_it_catches(p):
    assert p.id == p.check.__name__.replace("_", "-")
    assert p.doc


def test_each_pattern_is_tried_by_exactly_one_sieve():
    sieves = [p.id for p in direct.SIEVE + reported.SIEVE]
    assert sorted(sieves) == sorted(PATTERNS)
    assert set(reported.TEXT_SIEVE) <= set(reported.SIEVE)


def test_pattern_ids_are_not_finding_ids():
    assert not set(PATTERNS) & set(RULES)


def test_a_pattern_id_registers_once():
    with pytest.raises(ValueError, match="registered twice"):
        pattern("trailing", example="")(lambda ctx, q, prev: None)


def test_quote_ids_are_given_once_in_text_order():
    text = "The mayor said the plan was over budget. “We will fix it,” she said. “Soon.”"
    assert [q.id for q in attributed(text)] == ["q1", "q2", "q3"]


def test_find_quotes_gives_marks_only():
    doc = load("“We will fix it,” she said. The mayor said the plan was over budget by far.")
    [q] = find_quotes(doc)
    assert (q.text, q.speaker, q.rule, q.id) == ("We will fix it,", None, None, "")


@pytest.mark.parametrize("text, rule", [
    ("“We will win,” she said, “and we will win soon.”", "trailing"),
    ("“We will win,” said Ana Ruiz, “and we will win soon.”", "trailing-inverted"),
])
def test_split_quote_keeps_the_rule_of_its_first_half(text, rule):
    [q] = attributed(text)
    assert len(q.fragments) == 2 and q.rule == rule


def test_openapi_lists_the_pattern_ids_as_the_values_of_a_quote_rule(client):
    rule = client.get("/openapi.json").get_json()["components"]["schemas"]["Quote"]["properties"]["rule"]
    assert rule["enum"] == [*PATTERNS, None]


def test_readme_lists_every_pattern_in_sieve_order():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Attribution patterns", 1)[1].split("\n\n")[2]
    rows = [r.split("|")[1:3] for r in table.splitlines()[2:]]
    for column, sieve in zip(zip(*rows), (direct.SIEVE, reported.SIEVE)):
        assert [c.split("`")[1] for c in column if c.strip()] == [p.id for p in sieve]
