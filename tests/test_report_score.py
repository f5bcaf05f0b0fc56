"""The score: base minus capped per-rule deductions, a letter by bands, each
deduction explained."""
import pytest

from service.engine.model import Deduction, Finding
from service.engine.report.score import grade, score
from service.policy import DEFAULT, from_mapping


def findings(*rules_and_severities):
    return [Finding(rule, severity, "m") for rule, severity in rules_and_severities]


def test_no_findings_is_a_perfect_a():
    s = score([], DEFAULT)
    assert (s.value, s.grade, s.deductions, s.base) == (100, "A", (), 100.0)


def test_each_finding_costs_its_severity_weight():
    s = score(findings(("loaded-verb", "warning"), ("loaded-verb", "warning"), ("unattributed-quote", "error")),
              DEFAULT)
    assert s.value == 100 - 8 - 8 - 15
    assert s.grade == "D"


def test_deductions_list_the_arithmetic_biggest_first():
    s = score(findings(("anonymous-only-claim", "info"), ("loaded-verb", "warning"), ("loaded-verb", "warning")),
              DEFAULT)
    assert s.deductions == (
        Deduction("loaded-verb", 16.0, 2, "2 × loaded-verb at 8 points (warning weight)", 8.0, 30.0),
        Deduction("anonymous-only-claim", 2.0, 1, "1 × anonymous-only-claim at 2 points (info weight)", 2.0, 30.0),
    )


def test_one_rule_costs_at_most_its_cap():
    s = score(findings(*[("vague-attribution", "warning")] * 5), DEFAULT)
    assert (s.value, s.deductions[0].points) == (70, 30.0)
    assert s.deductions[0].reason == "5 × vague-attribution at 8 points (warning weight), capped at 30"


def test_rule_weight_and_cap_override_the_severity_weight():
    policy = from_mapping({"rules": {"loaded-verb": {"weight": 1, "cap": 2.5}}})
    s = score(findings(*[("loaded-verb", "warning")] * 4), policy)
    assert (s.value, s.deductions[0].reason) == (
        98, "4 × loaded-verb at 1 points (the rule's weight), capped at 2.5")


def test_zero_weight_rule_costs_nothing_and_is_not_listed():
    policy = from_mapping({"score": {"weights": {"info": 0}}})
    assert score(findings(("anonymous-only-claim", "info")), policy).deductions == ()


def test_score_never_goes_below_zero():
    rules = ["loaded-verb", "vague-attribution", "unattributed-quote", "anonymous-without-reason"]
    s = score(findings(*[(r, "error") for r in rules for _ in range(3)]), DEFAULT)
    assert (s.value, s.grade) == (0, "F")


@pytest.mark.parametrize("value, letter", [(100, "A"), (90, "A"), (89, "B"), (80, "B"), (70, "C"),
                                           (60, "D"), (59, "F"), (0, "F")])
def test_default_grade_bands(value, letter):
    assert grade(value, DEFAULT) == letter


def test_grade_bands_come_from_the_policy():
    policy = from_mapping({"score": {"grades": {"Pass": 50}, "fail_grade": "Fail"}})
    assert (grade(50, policy), grade(49, policy)) == ("Pass", "Fail")
