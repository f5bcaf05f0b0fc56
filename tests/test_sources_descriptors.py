"""Descriptors (titles, appositives, descriptions) and stated reasons for anonymity, as exact spans."""
import pytest

from tests.builders import find, resolve, source_of

DESCRIPTORS = [
    # title before the name
    ("Secretary of State Lena Marsh said the harbor talks would resume.", "the harbor talks would resume", "Lena Marsh",
     "Secretary of State"),
    ("Sen. Ana Ruiz said the bill would pass.", "the bill would pass", "Ana Ruiz", "Sen."),
    ("Former Defense Secretary Tom Hale said the plan was reckless.", "the plan was reckless", "Tom Hale",
     "Former Defense Secretary"),
    ("But White House press secretary Josh Lane said the memo was fake.", "the memo was fake", "Josh Lane",
     "White House press secretary"),
    ("Iran's Foreign Minister Ali Rahimi said the talks were over.", "the talks were over", "Ali Rahimi",
     "Iran's Foreign Minister"),
    # the title inside the mention
    ("FBI Director James Cole said the inquiry was open.", "the inquiry was open", "FBI Director James Cole",
     "FBI Director"),
    # appositive after the name, without its commas
    ("Charles Lister, a visiting fellow at the Brookings Doha Center in Qatar, said the offensive had stalled.",
     "the offensive had stalled", "Charles Lister", "a visiting fellow at the Brookings Doha Center in Qatar"),
    ('"Rates will fall," said Dana Whitfield, a professor of economics at Ohio State University.',
     "Rates will fall", "Dana Whitfield", "a professor of economics at Ohio State University"),
    ("Tom Reyes, 54, a farmer near Ames, said the rain came too late.", "the rain came too late", "Tom Reyes",
     "a farmer near Ames"),
    ("Ruth Amos, who is a nurse in Tulsa, said the ward was full.", "the ward was full", "Ruth Amos",
     "a nurse in Tulsa"),
    # an appositive inside the mention, after or before the name
    ("The Halden ambassador at the time, Paul R. Dane, said the tariffs were working.",
     "the tariffs were working", "The Halden ambassador at the time, Paul R. Dane",
     "The Halden ambassador at the time"),
    ("Ben Ortiz, organizer of a group called Harbor Watch, said the hall was full.", "the hall was full",
     "Ben Ortiz, organizer of a group called Harbor Watch,", "organizer of a group called Harbor Watch"),
    ("Governor Tom Lake - a Halden Rovers fan - said the match was fixed.", "the match was fixed",
     "Governor Tom Lake", "Governor"),
    ("Ruth Amos, a nurse in Tulsa, said the ward was full.", "the ward was full", "Ruth Amos, a nurse in Tulsa,",
     "a nurse in Tulsa"),
    # anonymous sources: the description itself, or with its relative clause
    ("A senior American official said the strikes would continue.", "the strikes would continue",
     "A senior American official", "A senior American official"),
    ("A person who attended the meeting said the vote was close.", "the vote was close", "A person",
     "A person who attended the meeting"),
    # spokespeople: the description
    ("A spokesman for the ministry said the report was false.", "the report was false",
     "A spokesman for the ministry", "A spokesman for the ministry"),
]


@pytest.mark.parametrize("text, words, speaker, descriptor", DESCRIPTORS, ids=[r[3] for r in DESCRIPTORS])
def test_descriptor_is_exact_span(text, words, speaker, descriptor):
    doc, quotes, sources = resolve(text, (words, speaker))
    d = source_of(quotes, sources, "q1").descriptor
    assert d is not None and d.text == descriptor
    assert d.span == find(text, descriptor)


@pytest.mark.parametrize("text, words, speaker, nth", [
    ("Maria Lopez said the plan would fail.", "the plan would fail", "Maria Lopez", 0),
    ("For Trump, the topic gave an opening. Trump said the rally was huge.", "the rally was huge", "Trump", 1),
    ("Obama, who knew the votes were not there, said the bill was dead.", "the bill was dead", "Obama", 0),
    ("Kerry, Lavrov and Zarif met. Kerry said the talks were useful.", "the talks were useful", "Kerry", 1),
])
def test_no_descriptor_when_none_is_written(text, words, speaker, nth):
    _, quotes, sources = resolve(text, (words, speaker, nth))
    assert source_of(quotes, sources, "q1").descriptor is None


def test_house_titles_extend_the_title_list():
    text = "Chief Meteorologist Dana Cole said the storm would strengthen."
    plain = resolve(text, ("the storm would strengthen", "Dana Cole"))
    house = resolve(text, ("the storm would strengthen", "Dana Cole"), house_titles=frozenset({"Chief Meteorologist"}))
    assert plain[2][0].descriptor is None
    assert house[2][0].descriptor.text == "Chief Meteorologist"


REASONS = [
    ('According to a senior official, who spoke on the condition of anonymity because he was discussing classified '
     'reports, "The shipments are large."', "The shipments are large", "a senior official",
     "because he was discussing classified reports"),
    ("Two officials, who spoke on condition of anonymity because they were not cleared to speak publicly, said "
     "the strike was planned for weeks.", "the strike was planned for weeks", "Two officials",
     "because they were not cleared to speak publicly"),
    ("An aide, who requested anonymity to discuss private deliberations, said the president was furious.",
     "the president was furious", "An aide", "to discuss private deliberations"),
    ("Speaking on condition of anonymity to describe the negotiations, a diplomat said the deal was close.",
     "the deal was close", "a diplomat", "to describe the negotiations"),
    ("A police officer, who was not authorized to speak to the press, said the suspect was armed.",
     "the suspect was armed", "A police officer", "not authorized to speak to the press"),
    ("A campaign aide said the candidate would skip the debate. The aide spoke on condition of anonymity for fear of "
     "retaliation.", "the candidate would skip the debate", "A campaign aide", "for fear of retaliation"),
    ("Officials, speaking on condition of anonymity because the inquiry is continuing, said the suspect had fled.",
     "the suspect had fled", "Officials", "because the inquiry is continuing"),
    ("A diplomat, who asked not to be named because of the sensitivity of the talks, said the deal was close.",
     "the deal was close", "A diplomat", "because of the sensitivity of the talks"),
    ("The plan was a mistake, said one retired banker who requested anonymity to avoid hurting his firm.",
     "The plan was a mistake", "one retired banker", "to avoid hurting his firm"),
    ("A strategist, speaking on the condition of anonymity to offer a candid assessment, said the race was over.",
     "the race was over", "A strategist", "to offer a candid assessment"),
]


@pytest.mark.parametrize("text, words, speaker, reason", REASONS, ids=[r[3] for r in REASONS])
def test_anonymity_reason_is_exact_span(text, words, speaker, reason):
    _, quotes, sources = resolve(text, (words, speaker))
    src = source_of(quotes, sources, "q1")
    assert src.type == "anonymous"
    assert src.anonymity_reason is not None and src.anonymity_reason.text == reason
    assert src.anonymity_reason.span == find(text, reason)


@pytest.mark.parametrize("text, words, speaker", [
    ("An official, who spoke on condition of anonymity, said the plant would close.", "the plant would close",
     "An official"),
    ("An official said the plant would close.", "the plant would close", "An official"),
    ("An official spoke to reporters on condition of anonymity. The plant will close, the official said.",
     "The plant will close", "the official"),
])
def test_no_reason_when_none_is_stated(text, words, speaker):
    _, quotes, sources = resolve(text, (words, speaker))
    assert source_of(quotes, sources, "q1").anonymity_reason is None


def test_reason_belongs_to_the_nearest_source_only():
    text = ("American officials say Iran is sending supplies. According to a senior American official, who spoke on "
            'the condition of anonymity because he was discussing classified reports, "It is a lot."')
    _, quotes, sources = resolve(text, ("Iran is sending supplies", "American officials"),
                                 ("It is a lot.", "a senior American official"))
    assert source_of(quotes, sources, "q1").anonymity_reason is None
    assert source_of(quotes, sources, "q2").anonymity_reason.text == "because he was discussing classified reports"


def test_named_source_gets_no_anonymity_reason():
    text = ("Maria Lopez said the plan would fail. An official, who spoke on condition of anonymity because the "
            "matter was sensitive, said the plan would pass.")
    _, quotes, sources = resolve(text, ("the plan would fail", "Maria Lopez"), ("the plan would pass", "An official"))
    assert source_of(quotes, sources, "q1").anonymity_reason is None
    assert source_of(quotes, sources, "q2").anonymity_reason.text == "because the matter was sensitive"


def test_reason_stated_in_the_sentence_before():
    text = ("Two officials spoke on condition of anonymity because the talks were secret. They said the deal was "
            "close.")
    _, quotes, sources = resolve(text, ("the deal was close", "They"))
    assert sources[0].anonymity_reason.text == "because the talks were secret"


def test_reason_given_at_a_later_pronoun_goes_to_the_source():
    text = ("One delegate said the mood was grim. He had not met a single backer, he said, on condition of "
            "anonymity to speak freely about the nominee.")
    _, quotes, sources = resolve(text, ("the mood was grim", "One delegate"),
                                 ("He had not met a single backer", "he"))
    assert len(sources) == 1
    assert sources[0].anonymity_reason.text == "to speak freely about the nominee"
