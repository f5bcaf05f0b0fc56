"""The report's wire form: schema-valid, spans into the sent text, and in the
OpenAPI document with the policy schema."""
import pytest
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from schemas.policy import PolicySchema
from schemas.report import ReportSchema, dump_report
from service.engine import DEFAULT, build_report, load
from tests.report_builders import Article


def test_report_with_every_kind_of_finding_is_schema_valid():
    a = Article("An official claimed the bridge would close. “We will not back down.”\n\n"
                "It is believed repairs are late.")
    a.source("s1", "anonymous", "An official")
    a.quote("the bridge would close", kind="indirect", cue="claimed", lemma="claim", speaker="An official",
            source="s1")
    a.quote("We will not back down.")
    wire = dump_report(a.report())
    assert ReportSchema().validate(wire) == {}
    assert {f["rule"] for f in wire["findings"]} == {
        "anonymous-without-reason", "anonymous-without-basis", "anonymous-only-claim", "loaded-verb",
        "unattributed-quote", "vague-attribution"}
    assert wire["quotes"][0]["cue"] == {"start": 12, "end": 19, "text": "claimed", "lemma": "claim",
                                        "loaded": True, "neutral": "said"}


def test_finding_spans_on_the_wire_are_offsets_into_the_sent_markdown():
    sent = "# Bridge\n\nThe bridge is *reportedly* unsafe, and **critics say** it is old."
    report = build_report(load(sent, "markdown"), [], [], policy=DEFAULT)
    spans = [f["span"] for f in dump_report(report)["findings"]]
    assert spans == [{"start": 25, "end": 35, "text": "reportedly"},
                     {"start": 51, "end": 62, "text": "critics say"}]
    assert all(sent[s["start"]:s["end"]] == s["text"] for s in spans)


def test_score_and_summary_are_on_the_wire():
    wire = dump_report(Article("The bridge is reportedly unsafe.").report())
    assert wire["score"] == {"value": 92, "grade": "A", "base": 100.0, "deductions": [
        {"rule": "vague-attribution", "points": 8.0, "count": 1, "per_finding": 8.0, "cap": 30.0,
         "reason": "1 × vague-attribution at 8 points (warning weight)"}]}
    assert wire["summary"]["claims"] == 0 and wire["summary"]["quotes_by_kind"]["direct"] == 0


def test_empty_article_report_is_schema_valid_without_readability():
    wire = dump_report(build_report(load(""), [], [], policy=DEFAULT))
    assert ReportSchema().validate(wire) == {}
    assert wire["readability"] is None and wire["findings"] == [] and wire["score"]["value"] == 100


@pytest.fixture(scope="module")
def openapi():
    spec = APISpec("Sourcecheck", "1", "3.0.3", plugins=[MarshmallowPlugin()])
    spec.components.schema("Report", schema=ReportSchema)
    spec.components.schema("Policy", schema=PolicySchema)
    return spec.to_dict()["components"]["schemas"]


@pytest.mark.parametrize("name", ["Finding", "Summary", "Readability", "Score", "Deduction", "Policy",
                                  "RulePolicy", "Thresholds", "ScorePolicy", "Words"])
def test_report_and_policy_schemas_are_openapi_components(openapi, name):
    assert name in openapi


def test_openapi_finding_documents_its_fields(openapi):
    finding = openapi["Finding"]["properties"]
    assert finding["severity"]["enum"] == ["info", "warning", "error"]
    assert "rule's id" in finding["rule"]["description"]


def test_the_report_lists_what_it_set_aside_with_spans_into_the_sent_text():
    from service.engine import audit

    sent = ("READ MORE: Residents angry after the outage\n\n"
            "The ferry at dawn. (Tom Lake/City News)\n\n"
            "Run `\"quoted\" code` to see it.\n\n"
            "\"We were left in the dark,\" said Ana Ruiz.")
    wire = dump_report(audit(sent, "markdown"))
    assert ReportSchema().validate(wire) == {}
    assert [(a["kind"], a["text"]) for a in wire["set_aside"]] == [
        ("link", "READ MORE: Residents angry after the outage"),
        ("caption", "The ferry at dawn. (Tom Lake/City News)"),
        ("code", '"quoted" code')]
    for a in wire["set_aside"]:
        assert sent[a["start"]:a["end"]] == a["text"]
    assert [q["text"] for q in wire["quotes"]] == ["We were left in the dark,"]


def test_a_stored_report_from_before_set_aside_dumps_an_empty_list():
    old = {"format": "text", "unit": "codepoint", "stats": {"characters": 0, "words": 0, "sentences": 0,
                                                            "paragraphs": 0},
           "quotes": [], "sources": [], "summary": {}, "findings": [], "readability": None, "score": None}
    assert ReportSchema(only=("set_aside",)).dump(old) == {"set_aside": []}
