"""A newsroom's sourcing policy as the engine reads it: which findings are
on, their severities, thresholds, score weights and house word lists.

Plain frozen dataclasses; ``DEFAULT`` is the house default. The engine never
parses a policy: ``service.policy`` turns files and request mappings into a
``Policy`` (through ``schemas.policy``) at the edge. The default rules come
from the findings' registry, so this module sits between the report's rules
and ``build_report``.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import PolicyError
from .model import Severity
from .report.findings import RULES

__all__ = ["Policy", "RulePolicy", "Thresholds", "ScorePolicy", "DEFAULT", "resolve"]


@dataclass(frozen=True)
class RulePolicy:
    """One finding rule as the newsroom configures it. ``weight`` and ``cap``
    override the score's per-severity weight and per-rule cap."""

    enabled: bool = True
    severity: Severity = "warning"
    weight: float | None = None
    cap: float | None = None


@dataclass(frozen=True)
class Thresholds:
    """Limits that turn aggregates into findings (``anonymous-share``,
    ``single-source-story``). ``None`` switches a limit off."""

    max_anonymous_quote_share: float | None = 0.5
    max_anonymous_source_share: float | None = None
    single_source_min_quotes: int = 2


@dataclass(frozen=True)
class ScorePolicy:
    """The score formula: ``base`` minus, for each rule, ``min(cap, weight x
    findings)``; the weight is the rule's own or its severity's. ``grades``
    maps each letter to the lowest score that earns it, best first; below
    the last band the grade is ``fail_grade``."""

    base: float = 100.0
    weights: Mapping[str, float] = field(
        default_factory=lambda: {"info": 2.0, "warning": 8.0, "error": 15.0})
    cap_per_rule: float = 30.0
    grades: tuple[tuple[str, float], ...] = (("A", 90.0), ("B", 80.0), ("C", 70.0), ("D", 60.0))
    fail_grade: str = "F"


def _default_rules() -> Mapping[str, RulePolicy]:
    return {r.id: RulePolicy(severity=r.severity) for r in RULES.values()}


@dataclass(frozen=True)
class Policy:
    """A newsroom's rules for the report.

    ``loaded_verbs`` adds to ``lexicon/loaded_verbs.txt`` (verb lemma ->
    neutral verb); ``house_titles`` adds to the spokesperson titles
    (``lexicon/spokespeople.txt``); ``vague_phrases`` adds to
    ``lexicon/vague_attributions.txt`` (same pattern syntax).

    Treat it as read-only; its tables are plain dicts so that a policy
    pickles (batch and distributed runs send it to workers).
    """

    name: str | None = None
    rules: Mapping[str, RulePolicy] = field(default_factory=_default_rules)
    thresholds: Thresholds = field(default_factory=Thresholds)
    score: ScorePolicy = field(default_factory=ScorePolicy)
    loaded_verbs: Mapping[str, str] = field(default_factory=lambda: {})
    house_titles: tuple[str, ...] = ()
    vague_phrases: tuple[str, ...] = ()

    def rule(self, rule_id: str) -> RulePolicy:
        """The configuration of ``rule_id`` (its registry default if unset)."""
        found = self.rules.get(rule_id)
        if found is None:
            return RulePolicy(severity=RULES[rule_id].severity)
        return found

    def enabled(self, rule_id: str) -> bool:
        return self.rule(rule_id).enabled

    def severity(self, rule_id: str) -> Severity:
        return self.rule(rule_id).severity


DEFAULT = Policy()


def resolve(policy: Policy | None) -> Policy:
    """``policy``, or ``DEFAULT`` for None. Anything else (a mapping, say) is
    a ``PolicyError``: the faces build a ``Policy`` with
    ``service.policy.from_mapping`` first."""
    if policy is None:
        return DEFAULT
    if not isinstance(policy, Policy):
        raise PolicyError(f"policy must be a Policy, not {type(policy).__name__} "
                          "(build one with service.policy.from_mapping)",
                          {"policy": "must be a Policy"})
    return policy
