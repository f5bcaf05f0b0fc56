"""Each finding rule on small articles of our own: one that triggers it, with
the exact span, and ones that must not."""
import pytest

from service.engine import RULES
from tests.report_builders import Article


def anonymous(text, speaker, words, *, cue="said", reason=None, descriptor=None, organisation=None):
    a = Article(text)
    a.source("s1", "anonymous", speaker, reason=reason, descriptor=descriptor, organisation=organisation)
    a.quote(words, kind="indirect", cue=cue, lemma="say", speaker=speaker, source="s1")
    return a


def named(text, speaker, words, *, cue="said", lemma="say", kind="indirect"):
    a = Article(text)
    a.source("s1", "named", speaker)
    a.quote(words, kind=kind, cue=cue, lemma=lemma, speaker=speaker, source="s1")
    return a


def test_every_rule_has_a_docstring_with_an_example():
    for r in RULES.values():
        assert "Example" in r.doc, r.id


# --- anonymous-without-reason -------------------------------------------------------

def test_anonymous_without_reason_points_at_the_speaker():
    a = anonymous("An official said the bridge would close.", "An official", "the bridge would close")
    assert a.findings("anonymous-without-reason") == [("warning", "An official")]


def test_anonymous_with_a_stated_reason_is_not_reported():
    a = anonymous("An official, who spoke on condition of anonymity because she was not authorized to "
                  "discuss the closure, said the bridge would close.", "An official", "the bridge would close",
                  reason="because she was not authorized to discuss the closure")
    assert a.findings("anonymous-without-reason") == []


def test_named_source_needs_no_reason():
    a = named("Mayor Ana Ruiz said the bridge would close.", "Mayor Ana Ruiz", "the bridge would close")
    assert a.findings("anonymous-without-reason") == []


def test_anonymous_source_quoted_twice_is_one_finding_at_its_first_mention():
    a = Article("An official said the bridge would close. The official said it would reopen in May.")
    a.source("s1", "anonymous", "An official")
    a.quote("the bridge would close", kind="indirect", cue="said", speaker="An official", source="s1")
    a.quote("it would reopen in May", kind="indirect", cue="said", speaker="The official", source="s1")
    assert a.findings("anonymous-without-reason") == [("warning", "An official")]


def test_anonymous_source_under_a_new_description_is_reported_again():
    a = Article("American officials said the bridge would close. Senior American officials said it was unsafe.")
    a.source("s1", "anonymous", "American officials")
    a.quote("the bridge would close", kind="indirect", cue="said", speaker="American officials", source="s1")
    a.quote("it was unsafe", kind="indirect", cue="said", speaker="Senior American officials", source="s1")
    assert a.findings("anonymous-without-reason") == [("warning", "American officials"),
                                                      ("warning", "Senior American officials")]


def test_anonymous_source_referred_to_by_pronoun_is_not_reported_again():
    a = Article("An official said the bridge would close. He said it was unsafe.")
    a.source("s1", "anonymous", "An official")
    a.quote("the bridge would close", kind="indirect", cue="said", speaker="An official", source="s1")
    a.quote("it was unsafe", kind="indirect", cue="said", speaker="He", source="s1")
    assert a.findings("anonymous-without-reason") == [("warning", "An official")]


# --- anonymous-without-basis --------------------------------------------------------

@pytest.mark.parametrize("speaker", ["An official", "A senior official", "Officials", "An aide"])
def test_anonymous_without_basis_fires_on_a_bare_noun_and_rank(speaker):
    a = anonymous(f"{speaker} said the bridge would close.", speaker, "the bridge would close")
    assert a.findings("anonymous-without-basis") == [("warning", speaker)]


@pytest.mark.parametrize("speaker", [
    "A senior official who attended the meeting",
    "A transport ministry official",
    "A person familiar with the plans",
    "A police officer",
])
def test_anonymous_with_position_or_basis_is_not_reported(speaker):
    a = anonymous(f"{speaker} said the bridge would close.", speaker, "the bridge would close")
    assert a.findings("anonymous-without-basis") == []


def test_a_descriptor_elsewhere_counts_as_basis():
    a = anonymous("An official, who attended the meeting, said the bridge would close.", "An official",
                  "the bridge would close", descriptor="who attended the meeting")
    assert a.findings("anonymous-without-basis") == []


def test_a_known_organisation_counts_as_position():
    a = anonymous("Officials said the bridge would close.", "Officials", "the bridge would close",
                  organisation="City Hall")
    assert a.findings("anonymous-without-basis") == []


def test_weasel_group_is_left_to_vague_attribution():
    a = anonymous("Critics said the bridge would close.", "Critics", "the bridge would close")
    assert a.findings("anonymous-without-basis") == []
    assert a.findings("anonymous-without-reason") == []
    assert a.findings("vague-attribution") == [("warning", "Critics")]


# --- anonymous-only-claim -----------------------------------------------------------

def test_anonymous_only_claim_points_at_the_claim():
    a = anonymous("Officials said the bridge would close.", "Officials", "the bridge would close")
    assert a.findings("anonymous-only-claim") == [("info", "the bridge would close")]


def test_claim_also_attributed_to_a_named_source_is_corroborated():
    a = Article("Mayor Ana Ruiz and officials said the bridge would close.")
    a.source("s1", "named", "Ana Ruiz")
    a.source("s2", "anonymous", "officials")
    a.quote("the bridge would close", kind="indirect", cue="said", speaker="Mayor Ana Ruiz", source="s1")
    a.quote("the bridge would close", kind="indirect", cue="said", speaker="officials", source="s2")
    assert a.findings("anonymous-only-claim") == []
    assert a.report().summary.claims == 1


def test_named_claim_is_not_anonymous_only():
    a = named("Mayor Ana Ruiz said the bridge would close.", "Mayor Ana Ruiz", "the bridge would close")
    assert a.findings("anonymous-only-claim") == []


# --- vague-attribution --------------------------------------------------------------

@pytest.mark.parametrize("text, cue", [
    ("It is believed that the bridge will close.", "It is believed"),
    ("There are claims that the bridge will close.", "There are claims"),
    ("There have also been reports that the bridge will close.", "There have also been reports"),
    ("It was widely thought that the bridge will close.", "It was widely thought"),
])
def test_vague_attribution_points_at_the_vague_cue(text, cue):
    a = Article(text)
    a.quote("the bridge will close", kind="indirect", cue=cue, lemma=cue.lower())
    assert a.findings("vague-attribution") == [("warning", cue)]


@pytest.mark.parametrize("speaker", ["Critics", "Some experts", "Sources", "One source", "Many observers"])
def test_vague_attribution_points_at_a_bare_weasel_speaker(speaker):
    a = anonymous(f"{speaker} said the bridge was unsafe.", speaker, "the bridge was unsafe")
    assert a.findings("vague-attribution") == [("warning", speaker)]


@pytest.mark.parametrize("text, phrase", [
    ("The bridge is reportedly unsafe.", "reportedly"),
    ("Critics say the bridge is unsafe.", "Critics say"),
    ("Some analysts believe the bridge is unsafe.", "Some analysts believe"),
    ("The bridge, some say, is unsafe.", "some say"),
    ("According to some experts, the bridge is unsafe.", "According to some experts"),
    ("It is said that the bridge is unsafe.", "It is said"),
])
def test_vague_attribution_is_found_in_prose_the_engine_did_not_quote(text, phrase):
    assert Article(text).findings("vague-attribution") == [("warning", phrase)]


def test_described_source_is_not_vague():
    a = named("Maria Lopez, an engineer for the city, said the bridge was unsafe.", "Maria Lopez",
              "the bridge was unsafe")
    assert a.findings("vague-attribution") == []


def test_weasel_words_inside_a_direct_quotation_are_the_speakers_not_the_storys():
    a = named("“Critics say we are slow,” Mayor Ruiz said.", "Mayor Ruiz", "Critics say we are slow",
              kind="direct")
    assert a.findings("vague-attribution") == []


def test_policy_vague_phrases_extend_the_list():
    a = Article("Insiders whisper that the bridge will close.")
    assert a.findings("vague-attribution") == []
    assert a.findings("vague-attribution", {"words": {"vague_phrases": ["insiders whisper|whispered"]}}) == [
        ("warning", "Insiders whisper")]


# --- loaded-verb --------------------------------------------------------------------

@pytest.mark.parametrize("cue, lemma, neutral", [
    ("claimed", "claim", "said"),
    ("admitted", "admit", "said"),
    ("insisted", "insist", "said"),
    ("conceded", "concede", "said"),
    ("alleged", "allege", "said"),
    ("has admitted", "admit", "has said"),
    ("claims", "claim", "says"),
    ("is insisting", "insist", "is saying"),
    ("pointed out", "point out", "said"),
    ("pointed out", "point", "said"),
    ("Claimed", "claimed", "Said"),
])
def test_loaded_verb_points_at_the_cue_with_a_neutral_suggestion(cue, lemma, neutral):
    a = named(f"Mayor Ana Ruiz {cue} that the bridge was safe.", "Mayor Ana Ruiz", "the bridge was safe",
              cue=cue, lemma=lemma)
    [f] = [f for f in a.report().findings if f.rule == "loaded-verb"]
    assert (f.span.of(a.text), f.suggestion) == (cue, neutral)


@pytest.mark.parametrize("cue, lemma", [("said", "say"), ("told reporters", "tell"), ("wrote", "write"),
                                        ("according to", "according to")])
def test_neutral_cue_is_not_loaded(cue, lemma):
    text = f"Mayor Ana Ruiz {cue} that the bridge was safe."
    a = named(text, "Mayor Ana Ruiz", "the bridge was safe", cue=cue, lemma=lemma)
    assert a.findings("loaded-verb") == []


def test_report_quotes_carry_the_loaded_flag_and_neutral_cue():
    a = named("Mayor Ana Ruiz admitted that the bridge was unsafe.", "Mayor Ana Ruiz", "the bridge was unsafe",
              cue="admitted", lemma="admit")
    cue = a.report().quotes[0].cue
    assert (cue.loaded, cue.neutral) == (True, "said")


def test_each_quotes_loaded_verb_is_worked_out_once_for_flag_and_finding(monkeypatch):
    from service.engine.report import wording

    calls = []
    real = wording.loaded_verb
    monkeypatch.setattr(wording, "loaded_verb", lambda cue, table: calls.append(cue) or real(cue, table))
    a = named("Mayor Ana Ruiz admitted that the bridge was unsafe.", "Mayor Ana Ruiz", "the bridge was unsafe",
              cue="admitted", lemma="admit")
    report = a.report()
    [f] = [f for f in report.findings if f.rule == "loaded-verb"]
    assert [c.text for c in calls] == ["admitted"]
    assert f.suggestion == report.quotes[0].cue.neutral == "said"


def test_policy_loaded_verbs_extend_the_list():
    a = named("Mayor Ana Ruiz lambasted the plan as reckless.", "Mayor Ana Ruiz", "the plan as reckless",
              cue="lambasted", lemma="lambaste")
    assert a.findings("loaded-verb") == []
    report = a.report({"words": {"loaded_verbs": {"lambaste": "criticize"}}})
    assert [f.suggestion for f in report.findings if f.rule == "loaded-verb"] == ["criticized"]


@pytest.mark.parametrize("cue, lemma", [("There are claims", "there are claims"), ("There are claims", "claims"),
                                        ("It is claimed", "claim")])
def test_vague_cue_is_not_a_loaded_verb(cue, lemma):
    a = Article(f"{cue} that the bridge will close.")
    a.quote("the bridge will close", kind="indirect", cue=cue, lemma=lemma)
    assert a.findings("loaded-verb") == []
    assert a.report().quotes[0].cue.loaded is False


# --- unattributed-quote -------------------------------------------------------------

def test_unattributed_direct_quote_points_at_the_quotation():
    a = Article("“We will not back down.”\n\nThe council meets on Monday.")
    a.quote("We will not back down.")
    assert a.findings("unattributed-quote") == [("error", "We will not back down.")]


def test_attributed_direct_quote_is_not_reported():
    a = named("“We will not back down,” Mayor Ana Ruiz said.", "Mayor Ana Ruiz", "We will not back down,",
              kind="direct")
    assert a.findings("unattributed-quote") == []


def test_unattributed_reported_speech_is_left_to_vague_attribution():
    a = Article("It is believed that the bridge will close.")
    a.quote("the bridge will close", kind="indirect", cue="It is believed")
    assert a.findings("unattributed-quote") == []


# --- single-source-story ------------------------------------------------------------

MAYOR_TWICE = "Mayor Ana Ruiz said the bridge would close. “We have no choice,” Ruiz said."


def mayor_twice(more: str = ""):
    a = Article(MAYOR_TWICE + more)
    a.source("s1", "named", "Ana Ruiz")
    a.quote("the bridge would close", kind="indirect", cue="said", speaker="Mayor Ana Ruiz", source="s1")
    a.quote("We have no choice,", cue="said", speaker="Ruiz", source="s1", after=40)
    return a


def test_single_source_story_points_at_the_sources_first_mention():
    assert mayor_twice().findings("single-source-story") == [("warning", "Mayor Ana Ruiz")]


def test_story_with_two_sources_is_not_single_source():
    a = mayor_twice(" Engineer Li Wei said repairs would take a year.")
    a.source("s2", "named", "Li Wei")
    a.quote("repairs would take a year", kind="indirect", cue="said", speaker="Engineer Li Wei", source="s2")
    assert a.findings("single-source-story") == []


def test_single_quote_is_below_the_minimum():
    a = named("Mayor Ana Ruiz said the bridge would close.", "Mayor Ana Ruiz", "the bridge would close")
    assert a.findings("single-source-story") == []


def test_single_source_minimum_comes_from_the_policy():
    assert mayor_twice().findings("single-source-story", {"thresholds": {"single_source_min_quotes": 3}}) == []


# --- unnamed-spokesperson -----------------------------------------------------------

def spokesperson(text, speaker):
    a = Article(text)
    a.source("s1", "institutional", "the embassy", organisation="the embassy")
    a.quote("the road would reopen", kind="indirect", cue="said", speaker=speaker, source="s1")
    return a


def test_unnamed_spokesperson_points_at_the_mention_with_the_title():
    a = spokesperson("A spokesman for the embassy said the road would reopen.", "A spokesman for the embassy")
    assert a.findings("unnamed-spokesperson") == [("info", "A spokesman for the embassy")]


def test_spokesperson_title_just_before_the_institution_mention_is_included_in_the_span():
    a = spokesperson("A spokesman for the embassy said the road would reopen.", "the embassy")
    assert a.findings("unnamed-spokesperson") == [("info", "A spokesman for the embassy")]


def test_institution_speaking_as_itself_is_not_a_spokesperson():
    a = spokesperson("The embassy said the road would reopen.", "The embassy")
    assert a.findings("unnamed-spokesperson") == []


def test_named_spokesperson_is_not_reported():
    a = Article("Embassy spokesman Ali Reza said the road would reopen.")
    a.source("s1", "named", "Ali Reza")
    a.quote("the road would reopen", kind="indirect", cue="said", speaker="Embassy spokesman Ali Reza", source="s1")
    assert a.findings("unnamed-spokesperson") == []


def test_house_titles_extend_the_spokesperson_titles():
    a = spokesperson("The duty officer at the embassy said the road would reopen.", "The duty officer at the embassy")
    assert a.findings("unnamed-spokesperson") == []
    assert a.findings("unnamed-spokesperson", {"words": {"house_titles": ["duty officer"]}}) == [
        ("info", "The duty officer at the embassy")]


# --- anonymous-share ----------------------------------------------------------------

def mostly_anonymous():
    a = Article("Officials said the bridge would close. Aides said it was unsafe. "
                "Insiders said repairs were late. Mayor Ana Ruiz said she was confident.")
    for i, (speaker, words) in enumerate([("Officials", "the bridge would close"), ("Aides", "it was unsafe"),
                                          ("Insiders", "repairs were late")], 1):
        a.source(f"s{i}", "anonymous", speaker)
        a.quote(words, kind="indirect", cue="said", speaker=speaker, source=f"s{i}")
    a.source("s4", "named", "Ana Ruiz")
    a.quote("she was confident", kind="indirect", cue="said", speaker="Mayor Ana Ruiz", source="s4")
    return a


def test_anonymous_share_above_the_threshold_is_a_story_level_finding():
    [f] = [f for f in mostly_anonymous().report().findings if f.rule == "anonymous-share"]
    assert (f.severity, f.span, f.message) == (
        "warning", None, "3 of 4 quotations are anonymous (75%); the policy allows 50%.")


@pytest.mark.parametrize("thresholds", [{"max_anonymous_quote_share": 0.8},
                                        {"max_anonymous_quote_share": None}])
def test_anonymous_share_within_or_without_a_threshold_is_quiet(thresholds):
    assert mostly_anonymous().findings("anonymous-share", {"thresholds": thresholds}) == []


def test_anonymous_source_share_threshold_is_checked_when_set():
    found = mostly_anonymous().findings("anonymous-share", {"thresholds": {
        "max_anonymous_quote_share": None, "max_anonymous_source_share": 0.5}})
    assert found == [("warning", None)]


# --- policy switches ----------------------------------------------------------------

def test_disabled_rule_reports_nothing():
    a = anonymous("An official said the bridge would close.", "An official", "the bridge would close")
    assert a.findings("anonymous-without-reason", {"rules": {"anonymous-without-reason": {"enabled": False}}}) == []


def test_policy_severity_is_the_findings_severity():
    a = anonymous("An official said the bridge would close.", "An official", "the bridge would close")
    assert a.findings("anonymous-without-reason", {"rules": {"anonymous-without-reason": {"severity": "error"}}}) == [
        ("error", "An official")]


def test_findings_come_in_text_order_story_level_last():
    report = mostly_anonymous().report()
    starts = [f.span.start for f in report.findings if f.span]
    assert starts == sorted(starts)
    assert report.findings[-1].span is None


def test_a_cue_looks_up_its_verb_without_scanning_the_loaded_verb_table(monkeypatch):
    """The table is indexed by verb form once; a cue then inflects only the
    entries its lemma can name, however long the newsroom's list."""
    from service.engine.model import Cue, Span
    from service.engine.report import wording

    table = {**wording.loaded_table(), **{f"zorble{i}": ("say", "invented") for i in range(500)}}
    cue = Cue(Span(0, 8), "admitted", "admit")
    assert wording.loaded_verb(cue, table).neutral == "said"  # builds the index
    calls = []
    real = wording.verb_forms
    monkeypatch.setattr(wording, "verb_forms", lambda lemma: calls.append(lemma) or real(lemma))
    assert wording.loaded_verb(cue, table).neutral == "said"
    assert len(calls) <= 5


@pytest.mark.parametrize("text", ["There are also claims", "critics say", "it is believed", "reportedly",
                                  "the mayor said", "sources close to the talks", "Some Experts", ""])
def test_one_vague_pattern_finds_what_any_vague_phrase_finds(text):
    from service.engine.report import wording

    assert bool(wording.vague_anywhere().search(text)) == any(p.search(text) for p in wording.vague_patterns())
