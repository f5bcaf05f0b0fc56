"""Reported claims beyond speech verbs (issue 10): refusals, reported questions,
beliefs with a bare clause, and the two halves of a passive frame. Our own sentences."""
import pytest

from service.engine import audit
from service.engine.attribution import attribute
from service.engine.document import load
from service.engine.quotes import find_quotes


def claims(text):
    doc = load(text)
    return [(q.rule, q.text, q.speaker.text if q.speaker else None) for q in attribute(doc, find_quotes(doc))]


@pytest.mark.parametrize("text, content, speaker", [
    ("The ministry declined to comment on the report.", "to comment on the report", "The ministry"),
    ("A spokeswoman for the club declined to comment.", "to comment", "A spokeswoman for the club"),
    ("The coach refused to say whether he would stay.", "to say whether he would stay", "The coach"),
])
def test_a_refusal_is_the_refuser_s_claim(text, content, speaker):
    assert ("refusal", content, speaker) in claims(text)


def test_a_refusal_needs_someone_who_refuses():
    assert not [c for c in claims("Sales declined to their lowest level in a decade.") if c[0] == "refusal"]


def test_a_question_asked_of_an_unnamed_asker_has_no_speaker():
    assert ("asked-whether", "whether the plant would close", None) in claims(
        "When asked whether the plant would close, the manager shrugged.")


def test_a_question_asked_of_someone_belongs_to_the_asker():
    assert ("asked-whether", "if the ferry would run on Sunday", "Two riders") in claims(
        "Two riders asked the captain if the ferry would run on Sunday.")


@pytest.mark.parametrize("text, content, speaker", [
    ("Economists believe the new rule will raise prices.", "the new rule will raise prices", "Economists"),
    ("Most residents think the mill should stay open.", "the mill should stay open", "Most residents"),
    ("Her neighbours suspect Harbour Road could flood again.", "Harbour Road could flood again", "Her neighbours"),
])
def test_a_belief_with_a_bare_clause_is_a_claim(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text", [
    "The children believe in ghosts.",
    "We think about the river every day.",
    "The team hopes for sunshine at the final.",
])
def test_a_belief_without_a_clause_is_no_claim(text):
    assert claims(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    ("The senator called for a full inquiry into the fire.", "a full inquiry into the fire", "The senator"),
    ("Two unions called on the council to delay the vote.", "the council to delay the vote", "Two unions"),
    ("Recent surveys show the mayor trailing by ten points.", "the mayor trailing by ten points", "Recent surveys"),
    ("The governor hopes to sign the bill next week.", "to sign the bill next week", "The governor"),
    ("The club plans to open a second pitch in May.", "to open a second pitch in May", "The club"),
])
def test_calls_findings_and_intentions_are_claims(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text", [
    "She hosts a talk show on Sundays.",
    "The plan to widen the road failed.",
    "The club plans to the letter of the law.",
])
def test_nouns_and_prepositions_are_no_claims(text):
    assert claims(text) == []


def test_a_second_predicate_of_speech_is_a_second_claim():
    found = claims("The mayor called on residents to save water and said the reservoir was low.")
    assert ("reported-leading", "residents to save water", "The mayor") in found
    assert [c[1] for c in found if c[0] == "reported-leading"] == ["residents to save water", "the reservoir was low"]


def test_a_tail_after_a_direct_quotation_is_no_claim():
    found = claims("“We will not give up,” he said outside the town hall on Monday.")
    assert [c[0] for c in found] == ["trailing"]


def test_a_that_clause_after_a_direct_quotation_is_a_claim():
    found = claims("“We will not give up,” she said, adding that the strike would go on.")
    assert ("reported-leading", "the strike would go on", "she") in found


def test_a_direct_quotation_after_a_claim_stays_direct():
    found = claims("She maintained that the tests are required by law, the minister said, “I support parents.”")
    assert ("leading", "I support parents.", "the minister") in found


def test_a_claim_ends_before_adding_and_its_quotation():
    found = claims("The mayor said the plan “was a failure from the start,” adding, “We lost every vote.”")
    assert ("continuing", "We lost every vote.", "The mayor") in found


def test_a_claim_before_its_parenthetical_and_a_participle_is_one_claim():
    found = claims("The two leaders will meet next week, the spokesman said, adding, “They need to talk.”")
    assert ("reported-parenthetical", "The two leaders will meet next week", "the spokesman") in found


@pytest.mark.parametrize("text, content, speaker", [
    ("Six in 10 say the ferry should run all winter.", "the ferry should run all winter", "Six in 10"),
    ("About 4 in 10 said they want a new harbour master.", "they want a new harbour master", "About 4 in 10"),
    ("43 percent of riders said the fares were too high.", "the fares were too high", "43 percent of riders"),
    ("The coach told the Valley Herald he’s received hundreds of letters.", "he’s received hundreds of letters",
     "The coach"),
])
def test_counted_speakers_and_contracted_pronouns(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text, content, speaker", [
    ("Some say they hear the old bell on stormy nights.", "they hear the old bell on stormy nights", "Some"),
    ("One in five said the ferry was always late.", "the ferry was always late", "One in five"),
    ("About one in three say they would move away.", "they would move away", "About one in three"),
])
def test_a_counted_word_or_a_share_before_say_is_its_subject(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


def test_say_after_a_counted_word_is_a_noun_without_a_clause():
    assert claims("Some say in the harbour plan would please the fishermen.") == []


@pytest.mark.parametrize("text, content, speaker", [
    ("The senator called the report a hoax.", "the report a hoax", "The senator"),
    ("Critics called Smith a fraud.", "Smith a fraud", "Critics"),
    ("Residents called it a disaster for the town.", "it a disaster for the town", "Residents"),
])
def test_naming_something_is_a_claim_about_it(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text", [
    "She called him back on Tuesday.",
    "The mayor called the police after the storm.",
    "I called Tom and his wife.",
])
def test_calling_someone_is_no_claim(text):
    assert claims(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    ("As the mayor noted, the bridge has been closed for a year.", "the bridge has been closed for a year", "the mayor"),
    ("The bridge has been closed for a year, as the mayor noted.", "The bridge has been closed for a year", "the mayor"),
    ("But as Ruiz said in May, the vote will be close.", "the vote will be close", "Ruiz"),
])
def test_an_as_phrase_attributes_the_clause_it_comments_on(text, content, speaker):
    assert ("as-said", content, speaker) in claims(text)


def test_a_subordinate_clause_with_an_object_is_no_claim():
    assert claims("As the company reported losses, shares fell by a third.") == []


@pytest.mark.parametrize("text, content, speaker", [
    ("Ana Ruiz suggested the council should meet in the spring.", "the council should meet in the spring", "Ana Ruiz"),
    ("The coach noted the pitch was still wet.", "the pitch was still wet", "The coach"),
])
def test_a_clause_without_that_after_a_verb_of_saying(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


def test_an_object_s_own_clause_is_no_complement():
    assert claims("The teacher explained the rule to pupils who were late.") == []


def test_an_endorsement_names_whom_it_backs():
    assert ("reported-leading", "Ana Ruiz", "The union") in claims("The union endorsed Ana Ruiz.")


@pytest.mark.parametrize("text", [
    'The plan is known as a "soft landing" for small firms.',
    "The deal, which is known as the backstop, keeps the border open.",
])
def test_known_as_names_a_thing_and_claims_nothing(text):
    assert claims(text) == []


def test_known_to_is_still_an_impersonal_claim():
    assert [r for r, _, _ in claims("The minister is known to favour an early vote.")] == ["impersonal"]


@pytest.mark.parametrize("text, content, speaker", [
    ("He told detectives he had never been there.", "he had never been there", "He"),
    ("She told the court the fund had paid for operations that were never carried out.",
     "the fund had paid for operations that were never carried out", "She"),
    ("Varga told state television he was confident of a majority.", "he was confident of a majority", "Varga"),
    ("A manager told a court on Monday he had never seen the invoices.", "he had never seen the invoices",
     "A manager"),
    ("Moss told the Bay Herald the workers would accept the delay.", "the workers would accept the delay", "Moss"),
    ("She warned residents the river would rise overnight.", "the river would rise overnight", "She"),
])
def test_told_someone_then_a_clause_without_that_is_a_claim(text, content, speaker):
    assert [(c, s) for _, c, s in claims(text)] == [(content, speaker)]


@pytest.mark.parametrize("text", [
    "He told the story of his grandfather.",
    "She told the children a story about the sea.",
])
def test_told_with_a_plain_object_is_no_claim(text):
    assert claims(text) == []


def test_a_reported_directive_is_the_teller_s_claim():
    """What someone was told to do is reported speech (the mayor said "stay indoors")."""
    assert claims("The mayor told residents to stay indoors.") == [
        ("reported-leading", "residents to stay indoors", "The mayor")]


def test_an_adverb_between_said_and_a_pronoun_clause_is_passed():
    assert [(c, s) for _, c, s in claims("Diplomats said privately they were worried about the reports.")] == [
        ("they were worried about the reports", "Diplomats")]


def test_a_focus_adverb_belongs_to_the_clause():
    assert claims("She said only they could win.") == []


@pytest.mark.parametrize("text, content", [
    ('He said the opposition was trying to "cover a defeat."', 'the opposition was trying to "cover a defeat."'),
    ("She said the results were “a very good start.”", "the results were “a very good start.”"),
    ('He said the pier had been "falling apart" for years.', 'the pier had been "falling apart" for years'),
])
def test_a_claim_ending_in_quoted_words_keeps_their_closing_mark(text, content):
    assert [c for _, c, _ in claims(text)] == [content]


@pytest.mark.parametrize("text, speaker", [
    ("Sleep researchers not involved in the study said the results matched.",
     "Sleep researchers not involved in the study"),
    ("A doctor at the Holm hospital, who asked not to be named, said patients were waiting.",
     "A doctor at the Holm hospital"),
    ("A trader in Frankfurt said several funds had been selling.", "A trader in Frankfurt"),
])
def test_a_working_person_at_a_place_is_the_whole_subject(text, speaker):
    assert [s for _, _, s in claims(text)] == [speaker]


@pytest.mark.parametrize("text, content, speaker", [
    ("His claim that the vote was rigged has been rejected by the courts.", "the vote was rigged", "His"),
    ("Ana Ruiz's false claim that the vote was rigged angered officials.", "the vote was rigged", "Ana Ruiz"),
    ("The assertion by the minister that taxes would fall was false.", "taxes would fall", "the minister"),
    ("The ferry company made an assertion that the timetable was safe.", "the timetable was safe",
     "The ferry company"),
    ("That's when the union pointed to reports that the yard would close.", "the yard would close", "the union"),
    ("News that the plant would close spread fast.", "the plant would close spread fast", None),
    ("The report that the mayor resigned was false.", "the mayor resigned", None),
])
def test_a_claim_noun_and_its_that_clause_are_a_claim(text, content, speaker):
    assert ("noun-cue", content, speaker) in claims(text)


@pytest.mark.parametrize("text", [
    "So why chase a claim that is as weak as it is unkind?",
    "The council published a report that could change the plan.",
])
def test_a_claim_noun_before_a_relative_clause_is_no_claim(text):
    assert not [c for c in claims(text) if c[0] == "noun-cue"]


@pytest.mark.parametrize("text, content, speaker", [
    ("The governor promised to cut ferry fares next year.", "to cut ferry fares next year", "The governor"),
    ("The union has vowed to appeal the ruling.", "to appeal the ruling", "The union"),
    ("The club wants to build a new stand by the river.", "to build a new stand by the river", "The club"),
])
def test_a_stated_intent_is_its_subject_s_claim(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text", [
    "Riders may want to check the timetable before they travel.",
    "His oft-repeated promise to build a new pier was never kept.",
])
def test_advice_and_a_noun_are_no_stated_intent(text):
    assert not [c for c in claims(text) if c[0] == "reported-leading"]


def test_a_question_opening_the_sentence_has_no_asker():
    assert ("asked-whether", "if the delays had worried them", None) in claims(
        "Asked if the delays had worried them, the riders shrugged.")


def test_according_to_after_a_conjunction_leads_the_claim():
    assert ("according-to", "the ferry will not run on Sunday", "the harbour office") in claims(
        "But according to the harbour office, the ferry will not run on Sunday.")


@pytest.mark.parametrize("text, rule, content, speaker", [
    ("Such a move could cost the club its fans, the owners believe.", "reported-trailing",
     "Such a move could cost the club its fans", "the owners"),
    ("The ferry, officials believe, will run again next week.", "reported-parenthetical",
     "The ferry, officials believe, will run again next week", "officials"),
])
def test_a_belief_set_off_by_commas_is_its_holder_s(text, rule, content, speaker):
    assert (rule, content, speaker) in claims(text)


def test_a_belief_before_a_contracted_clause_is_a_claim():
    assert ("reported-leading", "it's in the town's interest to wait", "I") in claims(
        "Yes, I think it's in the town's interest to wait.")


@pytest.mark.parametrize("text", [
    "The mayor did not say that the bridge would close next year.",
    "The mayor never said the bridge would close.",
    "The captain didn't tell riders the ferry would stop.",
])
def test_what_someone_did_not_say_is_not_their_claim(text):
    assert claims(text) == []


def test_a_subject_pronoun_opens_a_clause_without_that():
    assert ("reported-leading", "she would change her vote on the pier", "A council ally") in claims(
        "A council ally suggested she would change her vote on the pier.")


def test_a_speech_verb_then_a_place_or_occasion_then_a_bare_clause():
    assert ("reported-leading", "he was ready", "Kim") in claims("Kim said in his speech he was ready.")


def test_a_parenthetical_attribution_may_say_where_it_was_said():
    assert ("reported-parenthetical", "Fraudsters, he said in a podcast, never last long", "he") in claims(
        "Fraudsters, he said in a podcast, never last long.")


def test_an_opening_adverbial_before_according_to_is_not_the_claim():
    assert claims("By March, according to the agency, prices rose.") == [
        ("according-to", "prices rose", "the agency")]


def test_a_participle_opening_the_sentence_speaks_for_the_main_subject():
    assert claims("Insisting that the vote was fair, the mayor walked out.") == [
        ("participle-leading", "the vote was fair", "the mayor")]


def test_a_relative_clause_s_claim_and_the_main_clause_s_are_two():
    found = claims("McClendon, who said the plan was dead, has argued the city should wait.")
    assert [(rule, content) for rule, content, _ in found] == [
        ("reported-leading", "the plan was dead"), ("reported-leading", "the city should wait")]


def test_words_before_a_cue_set_off_by_commas_and_a_quotation_are_the_quotation_s_first_half():
    found = claims('If the council wins, Ana Ruiz said, "we will rebuild the harbour."')
    assert found == [("reported-parenthetical", "If the council wins", "Ana Ruiz"),
                     ("leading", "we will rebuild the harbour.", "Ana Ruiz")]


@pytest.mark.parametrize("text", [
    'In a statement on Monday, Ana Ruiz said, "We will rebuild the harbour."',
    'Speaking to reporters, Ana Ruiz said, "We will rebuild the harbour."',
    'But, Ana Ruiz said, "we will rebuild the harbour."',
])
def test_a_setting_or_a_connective_before_the_cue_is_no_claim(text):
    assert [c[0] for c in claims(text)] == ["leading"]


def test_a_quotation_set_off_by_dashes_ends_the_claim_before_it():
    found = claims('The mayor suggested the pier was unsafe - "We cannot wait for the storms," she said - '
                   'and asked the council to close it.')
    assert ("reported-leading", "the pier was unsafe", "The mayor") in found
    assert ("trailing", "We cannot wait for the storms,", "she") in found


def test_quoted_words_between_dashes_stay_in_the_claim():
    found = claims('The mayor said the delay -- "an insult to the fishermen" -- would end in June.')
    assert found == [("reported-leading", 'the delay -- "an insult to the fishermen" -- would end in June',
                      "The mayor")]


def test_a_claim_ends_before_a_clause_that_quotes_someone_else():
    found = claims("Moments after the mayor said the pier was safe, a fisherman shouted “Not again!”")
    assert found == [("reported-leading", "the pier was safe", "the mayor"), ("leading", "Not again!", "a fisherman")]


@pytest.mark.parametrize("text, content, speaker", [
    ("The inspectors concluded this month that the pier had been neglected.", "the pier had been neglected",
     "The inspectors"),
    ("The captain implied the harbour master was to blame for the delay.",
     "the harbour master was to blame for the delay", "The captain"),
])
def test_a_claim_after_a_time_before_that_or_a_bare_clause_after_implied(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text, content, speaker", [
    ("The captain told the AP his crew had worked through the night.", "his crew had worked through the night",
     "The captain"),
    ("The harbour master told her she would have to wait until Monday.", "she would have to wait until Monday",
     "The harbour master"),
])
def test_told_a_listener_then_a_clause(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


def test_a_counted_subject_before_a_verb_and_that_is_a_speaker():
    assert [(q.speaker.text, q.text) for q in audit("Most argue that the port is closed.").quotes] == [
        ("Most", "the port is closed")]
    # a plural noun after a quantifier is no verb: "some notes that the mayor wrote"
    assert audit("Some notes that the mayor wrote were lost.").quotes == ()


@pytest.mark.parametrize("text, first, second", [
    ("The pilot said the runway was icy and criticized the airport for the delay.",
     ("the runway was icy", "The pilot"), ("the airport for the delay", "The pilot")),
    ("The union condemned the new rota but praised the nurses who kept the ward open.",
     ("the new rota", "The union"), ("the nurses who kept the ward open", "The union")),
    ("The judge said she regretted the remark and vowed to keep clear of politics.",
     ("she regretted the remark", "The judge"), ("to keep clear of politics", "The judge")),
])
def test_a_second_predicate_of_the_same_speaker_is_a_second_claim(text, first, second):
    found = [(content, speaker) for _, content, speaker in claims(text)]
    assert found[:2] == [first, second]


def test_a_relative_clause_s_claim_ends_at_its_comma_before_the_main_cue():
    found = claims("Ana Ruiz, who had said she would run again, criticized the council on two counts.")
    assert [(content, speaker) for _, content, speaker in found] == [
        ("she would run again", "who"), ("the council on two counts", "Ana Ruiz")]


def test_a_coordinated_verb_inside_the_claim_stays_in_it():
    """Only a cue of the same speaker splits: the harbour's own verbs stay in the claim."""
    assert claims("The mayor said the harbour had flooded and closed the road.") == [
        ("reported-leading", "the harbour had flooded and closed the road", "The mayor")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nThe harbour master called him reckless.", "him reckless", "The harbour master"),
    ("Intro.\n\nThe senator calls herself a moderate.", "herself a moderate", "The senator"),
    ("Intro.\n\nOn the radio, Ana Ruiz called Cole “unhinged.”", "Cole “unhinged.”", "Ana Ruiz"),
])
def test_what_a_naming_verb_names_is_a_claim(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text", [
    "Intro.\n\nThe harbour master called him yesterday.",
    "Intro.\n\nThe harbour master called them back.",
])
def test_a_phone_call_is_no_claim(text):
    assert claims(text) == []


def test_a_quoted_name_after_a_pronoun_stays_a_direct_quotation():
    found = claims('Intro.\n\nWhen the storms come, the two mayors call them "acts of God" and ask for aid.')
    assert ("leading", "acts of God", "the two mayors") in found


def test_participles_joined_by_and_speak_for_the_main_subject():
    found = claims("Intro.\n\nKerry spoke for an hour, saying the talks had stalled and warning that war was near.")
    assert found == [("reported-leading", "the talks had stalled", "Kerry"),
                     ("reported-leading", "war was near", "Kerry")]


def test_a_participle_after_a_sentence_opening_with_the_speaks_for_that_subject():
    assert claims("Intro.\n\nThe new coach arrived in a hurry, calling the schedule a disgrace.") == [
        ("reported-leading", "the schedule a disgrace", "The new coach")]


def test_a_verb_joined_to_a_relative_clause_has_the_relative_pronoun_as_subject():
    found = claims("Intro.\n\nThe square drew crowds of fans, who have marched all week and called for a full recount.")
    assert ("reported-leading", "a full recount", "who") in found


def test_a_possessor_s_document_is_the_subject_of_a_second_predicate():
    found = claims('Intro.\n\nHowever, Dana Cole\'s brief said that was not true and dismissed the reports as '
                   '"idle gossip from the old days."')
    assert {speaker for _, _, speaker in found} == {"Dana Cole's brief"}


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nThe mayor said after the storm she would rebuild the pier.", "she would rebuild the pier", "The mayor"),
    ("Intro.\n\nRuiz told WKRB's \"Morning Call\" that the ferry would run again.", "the ferry would run again", "Ruiz"),
    ("Intro.\n\nRuiz says at a rally in Halden, Maine, that the ferry will run again.", "the ferry will run again",
     "Ruiz"),
    ("Intro.\n\nThe board has said about 20 staff have left since May.", "about 20 staff have left since May",
     "The board"),
    ("Intro.\n\nThe office said roughly half of the budget was never spent.", "roughly half of the budget was never spent",
     "The office"),
])
def test_a_speech_verb_then_an_aside_then_its_clause(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


def test_talking_about_a_quantity_is_no_claim():
    assert claims("Intro.\n\nShe talked about 20 minutes with the crew.") == []


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nExperts on river fish and coastal ecology said the dam could harm the salmon.",
     "the dam could harm the salmon", "Experts on river fish and coastal ecology"),
    ("Intro.\n\nThe plan upset the residents, many of whom say the fees are unfair.", "the fees are unfair",
     "many of whom"),
])
def test_a_subject_of_several_parts_speaks_whole(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nThe coach explained why he had dropped the captain.", "why he had dropped the captain", "The coach"),
    ("Intro.\n\nThen someone asked how the ferry could run at a loss.", "the ferry could run at a loss", "someone"),
    ("Intro.\n\nThe auditors noted the mayor's office ignored two warnings.", "the mayor's office ignored two warnings",
     "The auditors"),
    ("Intro.\n\nOne survey found the council would need a new tax.", "the council would need a new tax",
     "One survey"),
    ("Intro.\n\nA review panel in 2019 found the pier was unsafe.", "the pier was unsafe", "A review panel"),
])
def test_a_clause_without_that_after_a_speech_or_finding_verb(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text", [
    "Intro.\n\nThe auditors suggested the revised figures.",
    "Intro.\n\nThe auditors suggested the report released by the council.",
])
def test_a_suggested_noun_phrase_is_no_clause(text):
    assert claims(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nAt the debate, the mayor mentioned her plan for the harbour.", "her plan for the harbour", "the mayor"),
    ("Intro.\n\nThe club acknowledged the error in its accounts.", "the error in its accounts", "The club"),
    ("Intro.\n\nThe minister recalled the long winter of 1963 on the farm.", "the long winter of 1963 on the farm",
     "The minister"),
])
def test_what_a_speaker_mentions_is_their_claim(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


def test_a_bare_noun_after_mention_is_no_claim():
    assert claims("Intro.\n\nNobody mentioned money at the meeting.") == []


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nThe pier will reopen in May, Defense Secretary Ana Ruiz told a panel on Tuesday.",
     "The pier will reopen in May", "Ana Ruiz"),
    ("Intro.\n\nThe levy was never lawful, the club told the court in its filing.", "The levy was never lawful",
     "the club"),
])
def test_a_trailing_tell_names_whom_it_told(text, content, speaker):
    assert ("reported-trailing", content, speaker) in claims(text)


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nSince May, officials have told Halden residents not to drink the tap water.",
     "Halden residents not to drink the tap water", "officials"),
    ("Intro.\n\nThe coach told the board members to resign.", "the board members to resign", "The coach"),
])
def test_what_someone_was_told_to_do_is_a_claim(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


def test_told_a_listener_a_clause_is_not_a_directive():
    assert claims("Intro.\n\nThe coach told Harbor News she wanted to stay.") == [
        ("reported-leading", "she wanted to stay", "The coach")]


def test_what_was_agreed_to_is_a_claim_but_an_agreement_to_a_thing_is_not():
    assert claims("Intro.\n\nIn the end, the ferry company agreed to pay the fine in full.") == [
        ("reported-leading", "to pay the fine in full", "the ferry company")]
    assert claims("Intro.\n\nThe two sides agreed to a truce.") == []


def test_a_plural_subject_s_that_clause_is_passed_over():
    assert claims("Intro.\n\nInsurers that had covered the old pier agreed to pay for the new one.") == [
        ("reported-leading", "to pay for the new one", "Insurers")]


def test_what_someone_was_warned_to_do_is_a_claim():
    assert ("reported-leading", "the harbour staff to wear life jackets", "The coastguard") in claims(
        "Intro.\n\nThe coastguard warned the harbour staff to wear life jackets.")


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nAt the debate, the mayor mentioned unpaid invoices from the harbour works.",
     "unpaid invoices from the harbour works", "the mayor"),
    ("Intro.\n\nThe mayor has mentioned raising the ferry fares next spring.", "raising the ferry fares next spring",
     "The mayor"),
    ("Intro.\n\nThe deputy echoed the concerns of the fishermen, in part because of the storms.",
     "the concerns of the fishermen", "The deputy"),
    ("Intro.\n\nThe report pointed to the closure of the mill as the cause.", "the closure of the mill as the cause",
     "The report"),
])
def test_a_mentioned_or_echoed_noun_phrase_is_a_claim_ending_at_its_comma(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


def test_an_adverb_after_mention_is_no_topic():
    assert claims("Intro.\n\nShe mentioned briefly the weather.") == []


@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nThe mayor is warning residents that the river could flood tonight.", "the river could flood tonight",
     "The mayor"),
    ("Intro.\n\nThe ferry crews have stopped work, warning that the boats are unsafe.", "the boats are unsafe",
     "The ferry crews"),
    ("Intro.\n\nLast month, the coastguard warned harbour staff to wear life jackets.",
     "harbour staff to wear life jackets", "the coastguard"),
    ("Ana Ruiz calls Halden ‘a ghost town’ after the mill closes.\n\nText.", "Halden ‘a ghost town’ after the mill closes",
     "Ana Ruiz"),
])
def test_a_participle_or_a_headline_s_naming_verb_reports(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


def test_the_calls_someone_made_are_no_naming():
    assert claims("Intro.\n\nThe calls Ana made were recorded.") == []


@pytest.mark.parametrize("text, content", [
    ("Intro.\n\nAsked about the new fares, the captain shrugged.", "the new fares"),
    ("Intro.\n\nAsked to name the buyer, the broker said nothing.", "to name the buyer"),
])
def test_a_question_put_to_someone_unnamed_is_an_unattributed_claim(text, content):
    assert ("asked-whether", content, None) in claims(text)


@pytest.mark.parametrize("text, content, speaker", [
    ("Former harbour chief calls for a new ferry contract.\n\nText.", "a new ferry contract", "Former harbour chief"),
    ("Intro.\n\nThe attorney general called Friday for publishing the harbour footage.", "publishing the harbour footage",
     "The attorney general"),
    ("Intro.\n\nSmall groups of residents continued to call for a full account of the fire.",
     "a full account of the fire", "Small groups of residents"),
])
def test_a_phrasal_call_after_its_subject_a_day_or_a_leading_verb(text, content, speaker):
    assert ("reported-leading", content, speaker) in claims(text)


@pytest.mark.parametrize("text", [
    "Intro.\n\nThere were renewed calls for reform.",
    "Intro.\n\nGrowing calls for his resignation were ignored.",
])
def test_calls_for_after_an_adjective_are_a_noun(text):
    assert claims(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    ("After the vote, the council issued a statement saying that the mill would close.",
     "the mill would close", "the council"),
    ("Senator Ana Ruiz (D-Ore.) issued a statement saying that the bridge was unsafe.",
     "the bridge was unsafe", "Ana Ruiz"),
    ("Shortly after the storm, the harbour board put out a statement saying the ferry would not run.",
     "the ferry would not run", "the harbour board"),
    ("The union sent a letter to members saying that the strike would go ahead.",
     "the strike would go ahead", "The union"),
])
def test_a_document_s_participle_speaks_for_whoever_made_the_document(text, content, speaker):
    # past an opening phrase and a parenthetical: the subject of the verb that made it
    assert ("reported-leading", content, speaker) in claims(text)


def test_a_document_made_in_an_infinitive_keeps_the_document_as_speaker():
    # "to run an editorial": not the subject of "prompting" (nobody said the paper made it)
    found = claims("The scandal grew, prompting the paper to run an editorial saying that the mayor should resign.")
    assert [(c[1], c[2]) for c in found if c[0] == "reported-leading"] == [
        ("the mayor should resign", "an editorial")]


@pytest.mark.parametrize("aside", [
    "after Ben Ortiz told her that the vote was close",
    "a point she makes whenever critics claim that she is paid",
])
def test_a_claim_in_an_aside_of_an_attribution_does_not_take_the_next_quotation(aside):
    # the quotation after the sentence continues the one its sentence attributes
    text = f"“We have the votes,” Ana Ruiz said, {aside}. “Nobody will change that.”"
    assert ("continuing", "Nobody will change that.", "Ana Ruiz") in claims(text)


def test_a_claim_coordinated_with_an_attribution_takes_the_next_quotation():
    text = "“We have the votes,” Ana Ruiz said, and Ben Ortiz said that the count was wrong. “It will not hold.”"
    assert ("continuing", "It will not hold.", "Ben Ortiz") in claims(text)


def test_a_finding_introduced_with_that_attributes_its_quotation():
    text = "In 2014, the survey found that “twice as many voters wanted the road rebuilt as wanted it closed.”"
    assert ("leading", "twice as many voters wanted the road rebuilt as wanted it closed.", "the survey") in claims(text)


def test_a_belief_without_that_or_a_colon_attributes_no_quotation():
    text = "The survey found “twice as many voters” wanted the road rebuilt."
    assert [c for c in claims(text) if c[0] == "leading"] == []


def test_a_new_sentence_that_introduces_the_next_quotation_is_its_attribution():
    text = "Ana Ruiz replied: “No, I meant the bridge.” Ben Ortiz quipped, “Which bridge?”"
    found = claims(text)
    assert ("leading", "No, I meant the bridge.", "Ana Ruiz") in found
    assert ("leading", "Which bridge?", "Ben Ortiz") in found


def test_proclaimed_is_a_verb_of_speech():
    assert ("leading", "We did nothing wrong.", "the mayor") in claims(
        "At the hearing, the mayor proclaimed, “We did nothing wrong.”")
