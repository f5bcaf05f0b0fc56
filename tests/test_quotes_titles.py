"""Titles and names in marks are not quotations (issue 10, item 2); our own sentences."""
import pytest

from service.engine import audit


def quoted(text):
    return [(q.text, q.speaker.text if q.speaker else None) for q in audit(text).quotes if q.kind != "indirect"]


@pytest.mark.parametrize("text", [
    "“Night Ferry” star Ana Ruiz opened up about her new role.",
    "“Stay Home” signs lined the road to the harbour.",
    "Her first novel, “The Long Road: A Life in the Harbour Towns of the North,” sold well.",
    "The chapter is drawn from “Salt and Iron: How a Small Port Built a Navy” by Jo Reyes.",
])
def test_a_title_or_name_in_marks_is_no_quotation(text):
    assert quoted(text) == []


@pytest.mark.parametrize("text, words, speaker", [
    ("“We Will Win” he said.", "We Will Win", "he"),
    ("“Go home,” she said.", "Go home,", "she"),
    ("“Stay there!” a man yelled from the back.", "Stay there!", "a man"),
])
def test_a_quotation_opening_a_sentence_stays(text, words, speaker):
    assert quoted(text) == [(words, speaker)]


def test_new_manner_of_speaking_verbs_attribute_quotes():
    assert quoted("“Go back to your seat,” the mayor barked.") == [("Go back to your seat,", "the mayor")]


def test_a_quotation_over_paragraphs_is_read_to_its_end():
    text = "The mayor spoke first.\n\n“We will rebuild the pier.\n\n“And we will do it this year,” she said."
    [q] = audit(text).quotes
    assert q.text.startswith("We will rebuild") and q.text.endswith("this year,")
    assert [f.of(text) for f in q.fragments] == ["We will rebuild the pier.", "And we will do it this year,"]


@pytest.mark.parametrize("text", [
    'Vendors marched carrying signs reading "Our carts, our city" and "No licence, no dinner, no rent."',
    'A banner hung from the market gate read "Madurapuram belongs to the people who work in it."',
    'Protesters wore T-shirts bearing the words "Nobody asked the fishermen of this harbour."',
])
def test_words_on_a_sign_banner_or_shirt_are_no_quotation(text):
    assert quoted(text) == []


def test_a_quote_after_a_sign_elsewhere_in_the_paragraph_stays():
    text = 'Signs lined the road. "We will not move," said Ana Ruiz, who sells flowers there.'
    assert quoted(text) == [("We will not move,", "Ana Ruiz")]


@pytest.mark.parametrize("text, words, speaker", [
    ("The crowd cheered when the result came in. Some chanted “Go Rovers!”", "Go Rovers!", "Some"),
    ("Asked about a second term, Ana Ruiz smiled and said, “Probably.”", "Probably.", "Ana Ruiz"),
    ("From the back of the hall, a fisherman shouted “Not Again!”", "Not Again!", "a fisherman"),
])
def test_words_in_capitals_right_after_a_verb_of_speech_are_a_quotation(text, words, speaker):
    assert quoted(text) == [(words, speaker)]


@pytest.mark.parametrize("text", [
    "The film critic wrote “Harbour Lights” in a single summer.",
    "Last year the band called its tour “Salt Roads.”",
    "The mayor told “Morning Harbour” she would run.",
])
def test_a_title_after_a_verb_of_writing_naming_or_telling_is_no_quotation(text):
    assert quoted(text) == []


@pytest.mark.parametrize("text", [
    "The candidate wore a hat that says “Make the Coast Proud Again” all week.",
    "Her supporters wore hats that said “nobody asked the people of this town” to the hearing.",
])
def test_words_on_a_hat_are_no_quotation(text):
    assert quoted(text) == []


@pytest.mark.parametrize("text", [
    "“We cannot wait,” said Ana Ruiz, whose new book features interviews with fishermen and “stubborn” harbour masters.",
    "A federal “supermax” prison in the hills was considered, and a former official said there had been talks.",
])
def test_a_quoted_term_far_from_its_cue_is_no_quotation(text):
    assert [w for w, _ in quoted(text) if len(w.split()) <= 2] == []


@pytest.mark.parametrize("text, words, speaker", [
    ("The council called the plan “a disgrace.”", "a disgrace.", "The council"),
    ("The minister expressed “deep concern,” she said.", "deep concern,", "she"),
])
def test_a_quoted_term_beside_its_cue_stays(text, words, speaker):
    assert quoted(text) == [(words, speaker)]
