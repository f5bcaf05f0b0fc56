"""Quotation finding and attribution: one small case per pattern, exact spans."""
import pytest

from service.engine import audit
from service.engine.model import Span
from tests.engine_helpers import span_of


def quotes(text, format="text"):
    return audit(text, format).quotes


def only(text):
    qs = quotes(text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# (article, quoted words, kind, speaker mention, cue)
DIRECT = [
    # straight and curly double marks, trailing attribution
    ('"The budget is balanced," said Maria Lopez.', "The budget is balanced,", "direct", "Maria Lopez", "said"),
    ("“The budget is balanced,” Maria Lopez said.", "The budget is balanced,", "direct", "Maria Lopez", "said"),
    ("“The budget is balanced,” she added.", "The budget is balanced,", "direct", "she", "added"),
    # doubled apostrophes and backticks as marks
    ("''We will appeal,'' the lawyer said.", "We will appeal,", "direct", "the lawyer", "said"),
    # leading attribution with a colon or a comma
    ('The mayor said: "Nobody will lose a job."', "Nobody will lose a job.", "direct", "The mayor", "said"),
    ("Tom Reyes told reporters, “We are ready for the storm.”", "We are ready for the storm.",
     "direct", "Tom Reyes", "told"),
    # according to
    ("According to the coach, “the team has never been stronger.”", "the team has never been stronger.",
     "direct", "the coach", "According to"),
    # same sentence with an appositive between speaker and cue
    ("Ana Silva, a nurse at the county hospital, said, “We ran out of beds on Friday.”",
     "We ran out of beds on Friday.", "direct", "Ana Silva", "said"),
    # a space set between a nested closing mark and the outer one
    ("\"She promised to stand 'above the council,' \" said Aung Min, a former councillor.",
     "She promised to stand 'above the council,'", "direct", "Aung Min", "said"),
    ("''It held because she built coalitions, '' said Mr. Ferreira.",
     "It held because she built coalitions,", "direct", "Mr. Ferreira", "said"),
    # after a question, a capitalised speaker and a prepositional tail still attribute it
    ("\"Why would anyone close the pool in June?\" Ms. Okafor said about the council's plan to save money.",
     "Why would anyone close the pool in June?", "direct", "Ms. Okafor", "said"),
    # a roundup line: a section label, a dash, the writer and a colon
    ("FERRY FARES STAY HIGH - Ana Ruiz: \u201cThe ferry lost money again this year.\u201d",
     "The ferry lost money again this year.", "direct", "Ana Ruiz", None),
    ("More from Ruiz: \u201cThe ferry lost money again this year.\u201d",
     "The ferry lost money again this year.", "direct", "Ruiz", None),
    # labelling verbs and less common speech verbs
    ('Oslo branded the plan a "reckless gamble with the fjord."', "reckless gamble with the fjord.",
     "partial", "Oslo", "branded"),
    ('"People are afraid of wasting votes," Ruiz surmised.', "People are afraid of wasting votes,",
     "direct", "Ruiz", "surmised"),
    # a plural possessive's apostrophe in the lead is no quotation mark
    ("Ana Silva, who runs the drive for nurses' unions, said, \u201cWe ran out of beds on Friday.\u201d",
     "We ran out of beds on Friday.", "direct", "Ana Silva", "said"),
    # an adverb between a modal and its cue; a statement issued before the quote
    ("A spokesman for the mayor could only quip: \u201cThe holiday was booked.\u201d",
     "The holiday was booked.", "direct", "A spokesman for the mayor", "could only quip"),
    ("After the flood, Ana Silva issued a statement, \u201cWe ran out of beds on Friday.\u201d",
     "We ran out of beds on Friday.", "direct", "Ana Silva", None),
    # single marks used as quotation marks (headline style)
    ("Mayor says 'we will rebuild the bridge' after the flood", "we will rebuild the bridge",
     "partial", "Mayor", "says"),
]


@pytest.mark.parametrize("text, words, kind, speaker, cue", DIRECT)
def test_direct_quotation_and_its_attribution(text, words, kind, speaker, cue):
    q = only(text)
    assert (q.text, q.kind) == (words, kind)
    assert q.span == span_of(text, words)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.speaker.span == span_of(text, speaker)
    if cue is None:
        assert q.cue is None
    else:
        assert q.cue is not None and q.cue.text == cue and q.cue.span == span_of(text, cue)


def test_quote_split_by_attribution_is_one_quote():
    text = "“We will win,” she said, “and we will win soon.”"
    q = only(text)
    assert q.fragments == (span_of(text, "We will win,"), span_of(text, "and we will win soon."))
    assert q.span == Span(1, len(text) - 1)
    assert q.speaker.text == "she" and q.kind == "direct"


def test_partial_quote_inside_a_sentence():
    text = 'The senator called the plan "reckless and cruel" in a speech on Monday.'
    q = only(text)
    assert q.kind == "partial" and q.text == "reckless and cruel"
    assert q.speaker.text == "The senator"


def test_quote_over_several_paragraphs_runs_to_the_last_closing_mark():
    text = ("The chief said in a statement:\n\n“We have reviewed every case.\n\n"
            "“We found no evidence of wrongdoing, and we will say so in court.”\n\nThe hearing is in May.")
    q = only(text)
    assert q.fragments == (span_of(text, "We have reviewed every case."),
                           span_of(text, "We found no evidence of wrongdoing, and we will say so in court."))
    assert q.speaker.text == "The chief"


def test_nested_quotes_stay_inside_the_outer_quotation():
    text = "“He told me ‘never again’ and walked out,” said Lena Park."
    q = only(text)
    assert q.text == "He told me ‘never again’ and walked out,"
    assert q.speaker.text == "Lena Park"


def test_a_quotation_nested_in_the_same_marks_stays_inside_the_outer_one():
    text = ("“I would sooner stay in what she calls “exile” than in a town she governs.” ― Ana Ortiz\n\n"
            "“Two openers “stand in a row on this page” then one closer.")
    qs = quotes(text)
    assert qs[0].text == "I would sooner stay in what she calls “exile” than in a town she governs."
    assert qs[0].speaker.text == "Ana Ortiz"
    assert text[qs[0].span.start:qs[0].span.end] == qs[0].text
    # without a closing mark for the outer one, the first opener was stray
    assert qs[-1].text == "stand in a row on this page"


def test_unbalanced_mark_never_swallows_the_rest_of_the_article():
    text = "“This is unfinished, the clerk said.\n\nThe council met on Tuesday. It voted to close the pool."
    qs = quotes(text)
    assert all(q.span.end <= text.index("\n\n") for q in qs)


def test_quote_standing_alone_takes_the_previous_speaker():
    text = ("“We are not done,” said Chen Wei, the union leader.\n\n"
            "“The members will decide next week what comes next.”")
    a, b = quotes(text)
    assert b.text == "The members will decide next week what comes next."
    assert b.speaker == a.speaker and b.rule == "continuing"


def test_quote_after_its_attribution_sentence():
    text = "Jo Baker said in a statement. “The plant will stay open through the winter.”"
    q = only(text)
    assert q.speaker.text == "Jo Baker" and q.rule == "sentence-before"


def test_short_unattributed_quoted_term_is_not_a_quotation():
    assert quotes('Locals call the hill "the Hump" and avoid it in winter.') == ()


def test_show_titles_are_not_quotations():
    text = '"We are winning," Ms. Cole said on ABC\'s "This Week." She smiled.'
    assert [q.text for q in quotes(text)] == ["We are winning,"]


REPORTED = [
    ("The governor said that the roads would reopen on Friday.", "the roads would reopen on Friday",
     "The governor", "said"),
    ("The governor said the roads would reopen on Friday.", "the roads would reopen on Friday",
     "The governor", "said"),
    ("The minister told reporters that the talks had failed.", "the talks had failed", "The minister", "told"),
    ("The senator told The Daily Ledger last week she would vote against the bill.",
     "she would vote against the bill", "The senator", "told"),
    ("The bridge will close for a month, the engineers said.", "The bridge will close for a month",
     "the engineers", "said"),
    ("The bridge will close for a month, said Paula Diaz.", "The bridge will close for a month",
     "Paula Diaz", "said"),
    ("According to the police, the driver fled on foot.", "the driver fled on foot", "the police",
     "According to"),
    ("The driver fled on foot, according to the police.", "The driver fled on foot", "the police",
     "according to"),
    ("The mayor has emphasized that the budget is balanced.", "the budget is balanced", "The mayor",
     "has emphasized"),
    ("Local officials are reporting that the river is rising.", "the river is rising", "Local officials",
     "are reporting"),
    # a participle speaks for the sentence's subject, not for a place in apposition before its comma
    ("Mara Quist spoke on Tuesday about the flood in Linz, Austria, arguing that the dams had failed.",
     "the dams had failed", "Mara Quist", "arguing"),
]


@pytest.mark.parametrize("text, words, speaker, cue", REPORTED)
def test_reported_speech_and_its_source(text, words, speaker, cue):
    q = only(text)
    assert (q.kind, q.text, q.span) == ("indirect", words, span_of(text, words))
    assert q.speaker.text == speaker and q.speaker.span == span_of(text, speaker)
    assert q.cue.text == cue and q.cue.span == span_of(text, cue)


@pytest.mark.parametrize("text, words, cue", [
    ("There are also claims that the vote was rigged.", "the vote was rigged", "There are also claims"),
    ("It is believed that the suspect left the country.", "the suspect left the country", "It is believed"),
])
def test_unattributed_claims_have_no_speaker(text, words, cue):
    q = only(text)
    assert q.kind == "indirect" and q.text == words and q.speaker is None
    assert q.cue.text == cue and q.cue.span == span_of(text, cue)


def test_claim_broken_by_its_attribution_has_two_fragments():
    text = "The new law, analysts said, will raise rents across the city."
    q = only(text)
    assert q.fragments == (span_of(text, "The new law"), span_of(text, "will raise rents across the city"))
    assert q.speaker.text == "analysts"


def test_loaded_cue_carries_the_neutral_suggestion():
    q = only("The contractor admitted that the wall was never inspected.")
    assert q.cue.loaded and q.cue.neutral == "said"


@pytest.mark.parametrize("text", [
    "The state will vote in March on the measure.",
    "A new report compares prices across the region.",
    "The company added 300 jobs in December.",
    "Officials met at noon.",
])
def test_sentences_without_attribution_have_no_quotes(text):
    assert quotes(text) == ()


def test_quote_ids_follow_text_order():
    text = "“One,” she said. The mayor said the plan was over budget by far. “Two three four five,” he said."
    assert [q.id for q in quotes(text)] == ["q1", "q2", "q3"]


def test_every_span_matches_the_text():
    text = ("“We’ll see,” said Dr. Ana Ruiz, the director. Officials said the plan, which costs "
            "$4 million, would pass. “It is ‘done,’” he added.")
    for q in quotes(text):
        assert q.span.of(text) == q.text
        for s in [q.speaker, q.cue]:
            if s is not None:
                assert s.span.of(text) == s.text


@pytest.mark.parametrize("text", [
    '"We are not going anywhere tonight," ',
    '"We are not going anywhere tonight,"',
    "“We are not going anywhere tonight,” —",
])
def test_quote_at_the_very_end_of_the_text(text):
    q = only(text)
    assert q.text == "We are not going anywhere tonight," and q.speaker is None


@pytest.mark.parametrize("text, speakers, rules", [
    ("“We can build a better city than this one.” ― Ana Torres", ["Ana Torres"], ["signed"]),
    ('"WALLACE: Governor, do you see those two as the same?"', ["WALLACE"], ["transcript"]),
    ("“The budget will pass this week,” Rep. Joan Mica (R-Fla.) said. “We have the votes.”",
     ["Joan Mica", "Joan Mica"], ["trailing", "sentence-before"]),
    ("A director of the firm -- the company that owns the station -- told me, “We will not sell the network.”",
     ["A director of the firm"], ["leading"]),
])
def test_signed_transcript_and_aside_attributions(text, speakers, rules):
    qs = quotes(text)
    assert [q.speaker.text for q in qs] == speakers
    assert [q.rule for q in qs] == rules
    for q in qs:
        assert q.speaker.span.of(text) == q.speaker.text


def test_quoted_title_case_line_alone_is_a_subheading():
    text = "“We will rebuild,” the mayor said.\n\n'Legend in the Salt Marshes.'\n\nThe mine closed in May."
    assert [q.text for q in quotes(text)] == ["We will rebuild,"]


def test_stage_directions_in_a_transcript_are_not_quotations():
    text = '"WALLACE: Governor, go ahead.\n\n"(CROSSTALK.)\n\n"PENCE: Thank you, Chris, and good evening.'
    qs = quotes(text)
    assert [(q.speaker.text, q.text) for q in qs] == [
        ("WALLACE", "WALLACE: Governor, go ahead."),
        ("PENCE", "PENCE: Thank you, Chris, and good evening."),
    ]


def test_inverted_attribution_needs_a_speaker_not_an_object():
    text = "Ana Ruiz, the mayor's oldest niece, noted the bylaw in a podcast last month."
    assert quotes(text) == ()


def test_claim_reported_inside_a_claim_is_its_own_quote():
    text = "The coach said that in private the owners say the stadium will be finished by spring."
    outer, inner = quotes(text)
    assert (outer.speaker.text, outer.text) == (
        "The coach", "in private the owners say the stadium will be finished by spring")
    assert (inner.speaker.text, inner.text) == ("the owners", "the stadium will be finished by spring")


def test_quoted_words_inside_reported_speech_belong_to_it():
    text = "The pastor declared that “real believers” stay home and that “the whole South is not listening.”"
    q = only(text)
    assert q.kind == "indirect" and q.speaker.text == "The pastor"
    assert q.text.startswith("“real believers” stay home")


@pytest.mark.parametrize("text, words, speaker, cue", [
    ("Mayor Says He Will Not Run Again In The Fall", "He Will Not Run Again In The Fall", "Mayor", "Says"),
    ("Lopez: The bridge will reopen before the winter storms.", "The bridge will reopen before the winter storms",
     "Lopez", ":"),
])
def test_headline_attributions(text, words, speaker, cue):
    q = only(text)
    assert (q.kind, q.text, q.speaker.text, q.cue.text) == ("indirect", words, speaker, cue)
    assert q.span == span_of(text, words)


@pytest.mark.parametrize("text, words", [
    ('Mayor Says "We Will Rebuild"', "We Will Rebuild"),
    ('Mayor Says: "We Will Rebuild"', "We Will Rebuild"),
])
def test_a_title_case_headline_s_cue_attributes_its_quote(text, words):
    q = only(text)
    assert (q.kind != "indirect", q.text, q.speaker.text, q.cue.text, q.rule) == (True, words, "Mayor", "Says", "leading")
    assert q.span == span_of(text, words)


@pytest.mark.parametrize("text, words", [
    ("Harbour Master On The Storm Season: \u2018We Will Be Ready.\u2019\n\nThe harbour master spoke on Monday.",
     "We Will Be Ready."),
    ("Lopez: \u2018Close The Bridge Tonight.\u2019\n\nThe mayor spoke.", "Close The Bridge Tonight."),
])
def test_a_title_case_sentence_after_a_headline_s_colon_is_a_quotation(text, words):
    q = only(text)
    assert (q.kind, q.text, q.rule) == ("direct", words, "colon-leading")
    assert q.span == span_of(text, words)


def test_a_title_case_name_after_a_colon_in_the_body_is_no_quotation():
    assert quotes("The mayor spoke.\n\nHer new book: \u2018The Long Winter Ahead.\u2019") == ()


def test_a_quoted_word_inside_a_title_case_headline_is_no_quotation():
    text = "Retired Captain Reveals \u2018Grim\u2019 Years Of Ferry Service On The Coast."
    assert [q for q in quotes(text) if q.kind != "indirect"] == []


def test_a_title_case_passive_before_a_quote_is_no_cue():
    assert quotes("Actor Gets Candid About Being Called “A Born Villain.”") == ()


@pytest.mark.parametrize("text, words, cue", [
    ("The budget is said to include new taxes.", "to include new taxes", "is said"),
    ("The owner is widely believed to have left the country.", "to have left the country", "is widely believed"),
])
def test_impersonal_claims_are_unattributed_claims(text, words, cue):
    q = only(text)
    assert (q.text, q.speaker, q.cue.text) == (words, None, cue)


@pytest.mark.parametrize("text", [
    "The council is expected to approve the budget on Friday.",
    "The talks seemed to stall after the vote.",
    "The ferry appears to have run aground near the pier.",
    "Sales are projected to rise by a tenth next year.",
])
def test_hedges_and_expectations_are_not_quotations(text):
    assert quotes(text) == ()


def test_note_and_update_labels_are_not_speakers():
    assert quotes("Correction: A previous version of this article misstated the date.") == ()


def test_single_quoted_line_alone_is_a_subheading_where_double_marks_quote_people():
    text = ("“We will rebuild,” the mayor said. “It will take years,” she added.\n\n"
            "'A fight from start to finish.'\n\nThe council voted on Monday.")
    assert [q.text for q in quotes(text)] == ["We will rebuild,", "It will take years,"]


@pytest.mark.parametrize("invisible", ["\ufeff", "\u200b", "\u202e", "\u200b\u200d"],
                         ids=["bom", "zero-width-space", "rtl-override", "two-format-chars"])
@pytest.mark.parametrize("where", ["before", "after-close", "inside-open"])
def test_format_characters_beside_straight_marks_do_not_hide_a_quote(invisible, where):
    text = {"before": f'Earlier. {invisible}"We will win," the mayor said.',
            "after-close": f'Earlier. "We will win,"{invisible} the mayor said.',
            "inside-open": f'Earlier. "{invisible}We will win," the mayor said.'}[where]
    quote = only(text)
    assert (quote.text, quote.speaker.text) == ("We will win,", "the mayor")
    assert quote.text == "We will win,"
    assert text[quote.span.start:quote.span.end] == quote.text


def test_after_a_full_stop_a_new_sentence_s_subject_does_not_take_the_quote():
    text = ('"Nobody will lose a job," Mayor Ana Ruiz said. "This is a promise." The union, which '
            "represents the port's 400 workers, said it would wait and see.")
    direct = [q for q in quotes(text) if q.kind == "direct"]
    assert [(q.text, q.speaker.text) for q in direct] == [
        ("Nobody will lose a job,", "Ana Ruiz"), ("This is a promise.", "Ana Ruiz")]


def test_the_addressee_after_told_is_never_an_inverted_speaker():
    text = '"There is no job description," Ana Ruiz, who served as chief of staff, told City Radio.'
    q = only(text)
    assert (q.kind, q.text, q.speaker.text) == ("direct", "There is no job description,", "Ana Ruiz")
    assert q.speaker.span == span_of(text, "Ana Ruiz")


@pytest.mark.parametrize("lead, speaker", [
    ("On July 6, Ana Ruiz made the following comment:", "Ana Ruiz"),
    ("The ministry issued this statement:", "The ministry"),
])
def test_a_paragraph_announcing_a_statement_attributes_the_quote_below(lead, speaker):
    text = f'{lead}\n\n"We regret the delay at the port."'
    q = only(text)
    assert (q.kind, q.text, q.speaker.text) == ("direct", "We regret the delay at the port.", speaker)
    assert q.speaker.span == span_of(text, speaker)


def test_and_with_a_cue_after_a_quotation_is_the_speaker_s_next_claim_not_an_attribution():
    text = "She declared “What a night for the harbour!” and said that the council had promised a new pier."
    assert [(q.kind, q.text, q.speaker.text, q.cue.text) for q in quotes(text)] == [
        ("direct", "What a night for the harbour!", "She", "declared"),
        ("indirect", "the council had promised a new pier", "She", "said")]


@pytest.mark.parametrize("text, words, speaker, cue", [
    ("“We will not move,” Ana Ruiz, the union's secretary, told Harbour Radio on Monday, when the strike began.",
     "We will not move,", "Ana Ruiz", "told"),
    ("“The vote was fair,” said Tom Lake, who has also advised Mayor Ana Ruiz, the board's chair.",
     "The vote was fair,", "Tom Lake", "said"),
])
def test_a_quotation_closed_by_a_comma_is_followed_by_its_attribution_not_a_claim(text, words, speaker, cue):
    q = only(text)
    assert (q.kind, q.text, q.speaker.text, q.cue.text) == ("direct", words, speaker, cue)
    assert q.span == span_of(text, words)


def test_a_quotation_the_writer_carries_on_stays_in_the_claim():
    text = "“The pier will be rebuilt by spring,” since the council found the money, Ana Ruiz said."
    q = only(text)
    assert (q.kind, q.speaker.text) == ("indirect", "Ana Ruiz")
    assert q.text == "“The pier will be rebuilt by spring,” since the council found the money"


def test_a_quotation_opens_right_after_a_colon_without_a_space():
    text = 'Mayor Ana Ruiz:"We will rebuild the pier before the winter storms."'
    q = only(text)
    assert (q.kind, q.text, q.speaker.text) == ("direct", "We will rebuild the pier before the winter storms.", "Ana Ruiz")
    assert q.span == span_of(text, "We will rebuild the pier before the winter storms.")


def test_a_curly_quotation_nests_inside_a_straight_one_that_closes_after_it():
    text = ('Lake continued:\n\n"The issue is partisan, and I am going to read out the ballot text: “As you know, the '
            'mayor left early. Do you think it matters?” Forty-three, yes; forty-four, no."')
    report = audit(text)
    assert [(q.text, q.speaker.text) for q in report.quotes] == [(
        "The issue is partisan, and I am going to read out the ballot text: “As you know, the mayor left early. "
        "Do you think it matters?” Forty-three, yes; forty-four, no.", "Lake")]
    # a straight mark right before the curly one is stray: the curly quotation stands alone
    text = '"“We will win the port,” Lake said on Monday.'
    assert [(q.text, q.speaker.text) for q in audit(text).quotes] == [("We will win the port,", "Lake")]


@pytest.mark.parametrize("text", [
    'LETTERS. Ana Ruiz\' commentary, "Harbor, tell your own story," is very thoughtful.',
    'His essay, "Why the port must close," was widely shared on Monday.',
])
def test_a_work_named_in_apposition_before_its_predicate_is_a_title_not_a_quotation(text):
    assert list(quotes(text)) == []


def test_a_quotation_from_a_work_with_its_attribution_is_still_a_quotation():
    text = 'In her column, "We must act now," Ruiz wrote.'
    q = only(text)
    assert (q.text, q.speaker.text) == ("We must act now,", "Ruiz")
    assert text[q.span.start:q.span.end] == q.text
