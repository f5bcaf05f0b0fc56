"""Source types per shared/design/SOURCE_TYPES.md, one attribution a row, each naming
the typing rule that decides it (``service.engine.sources.types``)."""
import pytest

from service.engine import audit
from service.engine.sources.mentions import analyse
from tests.builders import resolve, source_of


def spans_hold(doc, sources):
    for s in sources:
        for m in (*s.mentions, s.descriptor, s.anonymity_reason):
            if m is not None:
                assert doc.text[m.span.start:m.span.end] == m.text


TYPES = [
    # named: people identified by name
    ('Maria Lopez said the plan would fail.', 'the plan would fail',
     'Maria Lopez', 'named', 'Maria Lopez', 'full-name'),
    ('"We will not back down," Governor Ellen Marsh said.', 'We will not back down',
     'Ellen Marsh', 'named', 'Ellen Marsh', 'full-name'),
    ('Sen. Ana Ruiz (D-N.M.) said the bill would pass.', 'the bill would pass',
     'Sen. Ana Ruiz (D-N.M.)', 'named', 'Ana Ruiz', 'full-name'),
    ('Okafor and other council members said the bill was dead.', 'the bill was dead',
     'Okafor and other council members', 'named', 'Okafor and other council members', 'group'),
    ('Guccifer 2.0 said the files were authentic.', 'the files were authentic',
     'Guccifer 2.0', 'named', 'Guccifer 2.0', 'person-name'),
    ('"I was wrong," I said.', 'I was wrong',
     'I', 'named', 'the author', 'pronoun'),
    ('Nuri Kamal al-Maliki said the army would hold.', 'the army would hold',
     'Nuri Kamal al-Maliki', 'named', 'Nuri Kamal al-Maliki', 'full-name'),
    # anonymous: unnamed people and informal groups
    ('A senior American official said the strikes would continue.', 'the strikes would continue',
     'A senior American official', 'anonymous', 'A senior American official', 'people'),
    ('Officials said the bridge would reopen in May.', 'the bridge would reopen in May',
     'Officials', 'anonymous', 'Officials', 'common-word'),
    ('Sources said the merger talks had stalled.', 'the merger talks had stalled',
     'Sources', 'anonymous', 'Sources', 'common-word'),
    ('Critics said the measure went too far.', 'the measure went too far',
     'Critics', 'anonymous', 'Critics', 'people'),
    ('Some experts warned that prices would rise.', 'prices would rise',
     'Some experts', 'anonymous', 'Some experts', 'people'),
    ('Aides said the senator was resting.', 'the senator was resting',
     'Aides', 'anonymous', 'Aides', 'people'),
    ('Pentagon officials said the drills would continue.', 'the drills would continue',
     'Pentagon officials', 'anonymous', 'Pentagon officials', 'people'),
    ('Residents said the water tasted of metal.', 'the water tasted of metal',
     'Residents', 'anonymous', 'Residents', 'people'),
    ('One voter said she had not decided.', 'she had not decided',
     'One voter', 'anonymous', 'One voter', 'people'),
    ('A person familiar with the matter said the bid was rejected.', 'the bid was rejected',
     'A person familiar with the matter', 'anonymous', 'A person familiar with the matter', 'people'),
    ('Some 58 percent of parents surveyed said the buses ran late.', 'the buses ran late',
     '58 percent of parents surveyed', 'anonymous', '58 percent of parents surveyed', 'earlier-head'),
    ('Critics, including Trump, said the deal was a disaster.', 'the deal was a disaster',
     'Critics, including Trump', 'anonymous', 'Critics, including Trump', 'group'),
    ('A police officer said the driver was not hurt.', 'the driver was not hurt',
     'A police officer', 'anonymous', 'A police officer', 'indefinite-title'),
    ('Administration officials said the rule would be dropped.', 'the rule would be dropped',
     'Administration officials', 'anonymous', 'Administration officials', 'people'),
    # institutional: organisations speaking as such, and documents
    ('The White House said the president would sign the bill.', 'the president would sign the bill',
     'The White House', 'institutional', 'The White House', 'collective-name'),
    ('Iran said the inspectors were welcome.', 'the inspectors were welcome',
     'Iran', 'institutional', 'Iran', 'collective-name'),
    ('Police said the driver fled on foot.', 'the driver fled on foot',
     'Police', 'institutional', 'Police', 'body-head'),
    ('The court said the law was unconstitutional.', 'the law was unconstitutional',
     'The court', 'institutional', 'The court', 'body-head'),
    ('The Democrats said the vote was rigged.', 'the vote was rigged',
     'The Democrats', 'institutional', 'The Democrats', 'collective-name'),
    ('The Trump campaign said the rally would go ahead.', 'the rally would go ahead',
     'The Trump campaign', 'institutional', 'The Trump campaign', 'body-head'),
    ('Reuters reported that the factory had closed.', 'the factory had closed',
     'Reuters', 'institutional', 'Reuters', 'collective-name'),
    ('State media said the talks were productive.', 'the talks were productive',
     'State media', 'institutional', 'State media', 'collective-name'),
    ('The report found that emissions had doubled.', 'emissions had doubled',
     'The report', 'institutional', 'The report', 'body-head'),
    ('A statement from the company said the recall was voluntary.', 'the recall was voluntary',
     'A statement from the company', 'institutional', 'A statement from the company', 'body-head'),
    ('A poll showed that most voters opposed the plan.', 'most voters opposed the plan',
     'A poll', 'institutional', 'A poll', 'body-head'),
    ('A spokesman for the ministry said the report was false.', 'the report was false',
     'A spokesman for the ministry', 'institutional', 'A spokesman for the ministry', 'spokesperson'),
    ('A spokesman for Clinton said the email was private.', 'the email was private',
     'A spokesman for Clinton', 'institutional', 'A spokesman for Clinton', 'spokesperson'),
    ('The Brookings Institution said the forecast was too rosy.', 'the forecast was too rosy',
     'The Brookings Institution', 'institutional', 'The Brookings Institution', 'proper-title'),
    ('Human Rights Watch said the detainees had been beaten.', 'the detainees had been beaten',
     'Human Rights Watch', 'institutional', 'Human Rights Watch', 'body-head'),
    ('The State Department said the embassy would stay open.', 'the embassy would stay open',
     'The State Department', 'institutional', 'The State Department', 'body-head'),
    ('The New York Post reported that the deal was off.', 'the deal was off',
     'The New York Post', 'institutional', 'The New York Post', 'proper-title'),
    ('The Department of Justice said the case was closed.', 'the case was closed',
     'The Department of Justice', 'institutional', 'The Department of Justice', 'body-of'),
    ('Court filings show that the firm owed millions.', 'the firm owed millions',
     'Court filings', 'institutional', 'Court filings', 'body-head'),
    ('House Democrats said the bill would fail.', 'the bill would fail',
     'House Democrats', 'institutional', 'House Democrats', 'caucus'),
    ('Some Democrats said the bill would fail.', 'the bill would fail',
     'Some Democrats', 'anonymous', 'Some Democrats', 'people'),
    ('The Iranians said the offer was fair.', 'the offer was fair',
     'The Iranians', 'anonymous', 'The Iranians', 'people'),
    ('The ACLU said the law was vague.', 'the law was vague',
     'The ACLU', 'institutional', 'The ACLU', 'acronym'),
    ('Texas said the rule was illegal.', 'the rule was illegal',
     'Texas', 'institutional', 'Texas', 'collective-name'),
    ('A Monmouth poll released Monday found that the race was tied.', 'the race was tied',
     'A Monmouth poll released Monday', 'institutional', 'A Monmouth poll released Monday', 'earlier-head'),
    ('Former Ruiz chief of staff Tom Lake said the memo was lost.', 'the memo was lost',
     'Former Ruiz chief of staff Tom Lake', 'named', 'Tom Lake', 'full-name'),
    ('The Halden ambassador at the time, Paul R. Dane, said the tariffs were working.', 'the tariffs were working',
     'The Halden ambassador at the time, Paul R. Dane', 'named', 'Paul R. Dane', 'description-then-name'),
    ('Marlow and Ben Ortiz said the board was split.', 'the board was split',
     'Marlow and Ben Ortiz', 'named', 'Marlow and Ben Ortiz', 'group'),
]


@pytest.mark.parametrize("text, words, speaker, type_, name, rule", TYPES, ids=[r[2] for r in TYPES])
def test_source_type_and_name(text, words, speaker, type_, name, rule):
    doc, quotes, sources = resolve(text, (words, speaker))
    src = source_of(quotes, sources, "q1")
    assert (src.type, src.name) == (type_, name)
    assert analyse(speaker).rule == rule  # the typing rule (or reading) that decides it
    spans_hold(doc, sources)


ORGANISATIONS = [
    ("A spokesman for the ministry said the report was false.", "the report was false",
     "A spokesman for the ministry", "the ministry"),
    ("A spokesman for Clinton said the email was private.", "the email was private", "A spokesman for Clinton", "Clinton"),
    ("A Pentagon spokeswoman said the drills would go on.", "the drills would go on", "A Pentagon spokeswoman", "Pentagon"),
    ("Pentagon officials said the drills would continue.", "the drills would continue", "Pentagon officials", "Pentagon"),
    ("State Department officials said the visit was off.", "the visit was off", "State Department officials",
     "State Department"),
    ("Officials at the agency said the data was lost.", "the data was lost", "Officials at the agency", "the agency"),
    ("Senior American officials said the efforts were separate.", "the efforts were separate",
     "Senior American officials", None),
    ("U.S. officials said the efforts were separate.", "the efforts were separate", "U.S. officials", None),
]


@pytest.mark.parametrize("text, words, speaker, organisation", ORGANISATIONS, ids=[r[2] for r in ORGANISATIONS])
def test_organisation_behind_spokespeople_and_officials(text, words, speaker, organisation):
    _, quotes, sources = resolve(text, (words, speaker))
    assert source_of(quotes, sources, "q1").organisation == organisation


def test_quote_without_speaker_is_unattributed_and_has_no_source():
    text = "There are also claims that the airfield is in use. Kerry said the talks would go on."
    doc, quotes, sources = resolve(text, ("the airfield is in use", None), ("the talks would go on", "Kerry"))
    assert quotes[0].source_id is None
    assert [s.id for s in sources] == ["s1"] and sources[0].quote_ids == ("q2",)


def test_house_titles_name_spokespeople_too():
    text = "A communications officer for the ministry said the report was false."
    plain = resolve(text, ("the report was false", "A communications officer for the ministry"))[2][0]
    house = resolve(text, ("the report was false", "A communications officer for the ministry"),
                    house_titles=frozenset({"Communications Officer"}))[2][0]
    assert plain.type == "anonymous"
    assert (house.type, house.organisation) == ("institutional", "the ministry")


# Every example of shared/design/SOURCE_TYPES.md, in one frame sentence.
GUIDELINE = {
    "named": ["John Kerry", "Kerry", "Mr. Kerry", "the president", "the pope", "Guccifer 2.0",
              "Okafor and other council members"],
    "anonymous": ["a senior American official", "officials", "administration officials", "sources",
                  "a person familiar with the matter", "people close to him", "aides", "a campaign operative",
                  "critics", "some experts", "analysts", "witnesses", "residents", "a police officer", "one voter",
                  "critics, including the mayor", "58 percent of parents surveyed"],
    "institutional": ["the White House", "the Pentagon", "the State Department", "Iran", "police", "the court",
                      "the Democrats", "Quds Force", "the Trump campaign", "The Post", "Reuters", "state media",
                      "the report", "a statement", "a study", "a poll", "court filings",
                      "a spokesman for the ministry", "a spokesman for Clinton"],
}
GUIDELINE_ROWS = [(speaker, type_) for type_, speakers in GUIDELINE.items() for speaker in speakers]


@pytest.mark.parametrize("speaker, type_", GUIDELINE_ROWS, ids=[r[0] for r in GUIDELINE_ROWS])
def test_guideline_example(speaker, type_):
    text = f"On Monday, {speaker} said that the plan would work."
    _, quotes, sources = resolve(text, ("the plan would work", speaker))
    assert source_of(quotes, sources, "q1").type == type_


@pytest.mark.parametrize("name", ["Oakhill Brewery", "Harbour Distillery", "Nordvik Airlines"])
def test_a_brewery_distillery_or_airline_is_institutional(name):
    report = audit(f"{name} said on Thursday that it would cut 300 jobs.")
    assert [(s.name, s.type) for s in report.sources] == [(name, "institutional")]
