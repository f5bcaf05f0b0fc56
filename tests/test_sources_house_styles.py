"""Speakers as other outlets write them: a title standing alone and
capitalised (British usage, "the Prime Minister"), a title written as an
acronym ("the CEO", "an MP"). Our own sentences."""
import pytest

from service.engine import audit


def speaker_and_source(text):
    report = audit(text)
    (quote,) = report.quotes
    source = next(s for s in report.sources if s.id == quote.source_id)
    assert text[quote.speaker.span.start:quote.speaker.span.end] == quote.speaker.text
    return quote.speaker.text, source.type, source.name


@pytest.mark.parametrize("text, speaker", [
    ("The Prime Minister said that the talks would resume.", "The Prime Minister"),
    ("The President told reporters that the talks would resume.", "The President"),
    ("The Foreign Secretary said that the talks would resume.", "The Foreign Secretary"),
])
def test_a_capitalised_title_alone_keeps_its_article_and_names_the_office_holder(text, speaker):
    assert speaker_and_source(text) == (speaker, "named", speaker)


def test_a_capitalised_body_keeps_its_article():
    assert speaker_and_source("In a vote on Friday, the Security Council said that the talks would resume.") \
        == ("the Security Council", "institutional", "the Security Council")


@pytest.mark.parametrize("text, speaker, type_", [
    ("The CEO said that costs would fall next year.", "The CEO", "named"),
    ("The CFO told analysts that costs would fall next year.", "The CFO", "named"),
    ("An MP said that costs would fall next year.", "An MP", "anonymous"),
])
def test_a_title_written_as_an_acronym_is_a_person_not_a_body(text, speaker, type_):
    assert speaker_and_source(text)[:2] == (speaker, type_)


def test_an_acronym_title_refers_to_the_person_who_holds_it():
    text = ("The company's chief executive, Mark Olsen, defended the plan on Monday. "
            "The CEO said that costs would fall next year.")
    report = audit(text)
    (source,) = [s for s in report.sources if s.id == report.quotes[-1].source_id]
    assert (report.quotes[-1].speaker.text, source.name, source.type) == ("The CEO", "Mark Olsen", "named")


def test_an_acronym_that_is_no_title_is_still_a_body():
    assert speaker_and_source("NASA said that the launch would slip to May.") == ("NASA", "institutional", "NASA")


@pytest.mark.parametrize("text, name", [
    ('Det Insp Alan Carr said: "We are not looking for anyone else."', "Alan Carr"),
    ("Det Ch Insp Ruth Bell said the victim was 19.", "Ruth Bell"),
    ("Chief Constable Mark Lowe said officers would patrol the area.", "Mark Lowe"),
])
def test_british_police_ranks_are_titles_before_the_name(text, name):
    assert speaker_and_source(text) == (name, "named", name)


def test_an_honorific_without_a_full_stop_is_a_person_s():
    text = "Ruth Patel, a consultant, said waiting lists had doubled. Ms Patel added that staff were exhausted."
    report = audit(text)
    assert {s.name for s in report.sources} == {"Ruth Patel"}
