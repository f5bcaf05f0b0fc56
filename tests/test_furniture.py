"""Page furniture is set aside, never content (issue 10, item 1); our own invented lines."""
import pytest

from service.engine import audit, find_furniture, load


def furniture(text, format="text"):
    doc = load(text, format)
    return [(f.kind, f.span.of(doc.text)) for f in find_furniture(doc)]


def quotes(text, format="text"):
    return [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in audit(text, format).quotes]


@pytest.mark.parametrize("line, kind", [
    ("READ MORE: 'We were left in the dark': Residents angry after outage", "link"),
    ("WATCH: Ferry crews battle the storm", "link"),
    ("Related: Upstream estate approved despite objections", "link"),
    ("Story continues below advertisement", "advert"),
    ("The ferry at dawn. (Tom Lake/City News)", "caption"),
    ("Water covers Mill Lane. Photo: Anwen Hughes/City News", "caption"),
    ("The plant, which opened in 1911. (Getty Images)", "caption"),
    ("By Ana Ruiz, City News", "byline"),
    ("Column by Fergus Mulligan", "byline"),
    ("Email: newsdesk@citynews.example", "contact"),
    ("Ana Ruiz can be reached at aruiz@citynews.example.", "contact"),
    ("This interview has been edited for length and clarity.", "note"),
    ("23:40", "timestamp"),
    ("EASTMERE, Feb. 9", "dateline"),
])
def test_a_furniture_line_is_set_aside_whole(line, kind):
    assert furniture(f"Ferry halted.\n\n{line}\n\nThe ferry will not run, officials said.") == [(kind, line)]


def test_a_byline_block_sets_aside_the_desk_under_the_name():
    assert furniture("By Lena Marchetti\nHarbour Courier\n\nThe ferry stopped.") == [
        ("byline", "By Lena Marchetti"), ("byline", "Harbour Courier")]


def test_a_dateline_opening_a_paragraph_is_set_aside_alone():
    assert furniture("KESSING BAY -- The ferry will not sail, the transport office said.") == [
        ("dateline", "KESSING BAY -- ")]


@pytest.mark.parametrize("text, dateline", [
    ("OSLO, Dec 3 (Reuters) - Ferry traffic fell for a third month, port data showed.", "OSLO, Dec 3 (Reuters) - "),
    ("Kessing Bay (CNN) The ferry will not sail this week, the transport office said.", "Kessing Bay (CNN) "),
    ("Kessing Bay, Maine (AP) — Crews worked all night, officials said.", "Kessing Bay, Maine (AP) — "),
])
def test_a_dateline_with_a_date_or_an_agency_is_set_aside_alone(text, dateline):
    assert furniture(text) == [("dateline", dateline)]


def test_a_name_with_a_party_before_its_verb_is_no_dateline():
    assert furniture("Ana Ruiz (Democrat) said the ferry will not sail this week.") == []


def test_a_section_label_of_a_roundup_is_set_aside_alone():
    assert furniture("ENERGY: Brent crude rose $1.20 to $84.10 a barrel after an outage.") == [("label", "ENERGY:")]


@pytest.mark.parametrize("line", [
    "By Tuesday, the river had dropped below the wall.",
    "Shares of Credit Suisse fell 3 percent on the news.",
    "EVEN THE MAYOR'S BOSS THINKS HE IS WRONG — The head of the council said otherwise.",
    "Lopez: The bridge will reopen before the winter storms.",
    "The vote is at 9:30 on Friday.",
])
def test_content_that_looks_like_furniture_stays_content(line):
    assert furniture(line) == []


def test_a_quote_in_a_read_more_line_is_no_quotation():
    text = ("READ MORE: 'We were left in the dark': Residents angry after outage\n\n"
            '"We will rebuild," said Mayor Ana Ruiz.')
    assert quotes(text) == [("direct", "We will rebuild,", "Ana Ruiz")]


def test_a_section_label_is_nobody_speaking():
    assert quotes("ENERGY: Brent crude rose $1.20 to $84.10 a barrel after a pipeline outage.") == []


def test_a_dateline_is_not_part_of_a_claim():
    assert quotes("LONDON -- The ferry will not sail for two weeks, the transport office said.") == [
        ("indirect", "The ferry will not sail for two weeks", "the transport office")]


def test_a_caption_holds_no_claim():
    html = ("<figure><figcaption>Mayor Ana Ruiz said the wall would hold. (Tom Lake/City News)</figcaption></figure>"
            "<p>The river rose on Thursday.</p>")
    assert quotes(html, "html") == []


def test_a_name_in_a_byline_is_nobody_s_antecedent():
    html = ("<p>By Anton Petrescu, Foreign Correspondent</p>"
            "<p>DUNAREA -- The leader of the opposition said on Monday that the count was rigged.</p>")
    report = audit(html, "html")
    assert [s.name for s in report.sources] == ["The leader of the opposition"]


def test_furniture_is_found_once_and_kept_with_its_document():
    doc = load("READ MORE: Ferry halted\n\nThe ferry will not run, officials said.")
    assert doc.furniture is doc.furniture
    assert [f.kind for f in doc.furniture] == ["link"]


def test_no_audit_sees_another_document_s_furniture():
    first = load("READ MORE: Ferry halted\n\nThe ferry will not run, officials said.")
    second = load("The ferry will not run, officials said.\n\nREAD MORE: Ferry halted")
    assert [f.span.of(first.text) for f in first.furniture] == ["READ MORE: Ferry halted"]
    assert [f.span.of(second.text) for f in second.furniture] == ["READ MORE: Ferry halted"]
    assert first.furniture[0].span != second.furniture[0].span
