"""The sourcing score: 0-100 and a letter, from the findings, by the
policy's formula, with each deduction listed so an editor sees why.

    score = clamp(base - sum over rules of min(cap, weight x findings), 0, 100)

``weight`` is the rule's own (``rules.<id>.weight``) or that of the finding's
severity (``score.weights``); ``cap`` is the rule's own or ``score.cap_per_rule``.
The letter is the first ``score.grades`` band whose floor the score reaches.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Deduction, Finding, Score

if TYPE_CHECKING:
    from ..policy import Policy


def score(findings: Sequence[Finding], policy: "Policy") -> Score:
    """Score ``findings`` under ``policy``; deductions biggest first."""
    counts = Counter(f.rule for f in findings)
    severities = {f.rule: f.severity for f in findings}
    deductions = []
    for rule_id, count in counts.items():
        settings = policy.rule(rule_id)
        severity = severities[rule_id]
        per = settings.weight if settings.weight is not None else policy.score.weights.get(severity, 0.0)
        cap = settings.cap if settings.cap is not None else policy.score.cap_per_rule
        points = min(cap, per * count)
        if points <= 0:
            continue
        source = "the rule's weight" if settings.weight is not None else f"{severity} weight"
        reason = f"{count} × {rule_id} at {_num(per)} points ({source})"
        if per * count > cap:
            reason += f", capped at {_num(cap)}"
        deductions.append(Deduction(rule_id, round(points, 2), count, reason, per, cap))
    deductions.sort(key=lambda d: (-d.points, d.rule))
    value = int(round(min(100.0, max(0.0, policy.score.base - sum(d.points for d in deductions)))))
    return Score(value, grade(value, policy), tuple(deductions), policy.score.base)


def grade(value: float, policy: "Policy") -> str:
    """The letter for ``value``: the first band (best first) it reaches."""
    for letter, floor in sorted(policy.score.grades, key=lambda band: -band[1]):
        if value >= floor:
            return letter
    return policy.score.fail_grade


def _num(x: float) -> str:
    return f"{x:g}"
