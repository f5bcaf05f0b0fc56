"""A newsroom's sourcing policy: which findings are on, their severities,
thresholds, score weights and house word lists. Loaded from TOML/YAML or a
request body; validated by ``schemas.policy.PolicySchema``.

Interface:
- ``Policy``: frozen dataclass; ``DEFAULT`` is the house default.
- ``Policy.from_mapping(data)``: validate a dict (request body, parsed file);
  raise ``PolicyError(message, errors={"field.path": "message"})``.
- ``load_policy_file(path)``: a ``.toml``, ``.yaml`` or ``.yml`` file, same format.

Every field is optional; what a policy leaves out keeps its default. The
format is documented in ``docs/report.md``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from service.engine.errors import PolicyError
from service.engine.findings import RULES
from service.engine.model import Severity

__all__ = ["Policy", "RulePolicy", "Thresholds", "ScorePolicy", "DEFAULT", "PolicyError",
           "load_policy_file"]


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
    (``lexicon/spokesperson_titles.txt``); ``vague_phrases`` adds to
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

    @classmethod
    def from_mapping(cls, data: Mapping | None) -> "Policy":
        """Validate ``data`` (a request body or a parsed file) into a Policy;
        ``None`` is the default policy. Raises ``PolicyError`` whose
        ``errors`` map each bad field's dotted path to a message."""
        if data is None or isinstance(data, Policy):  # nothing to validate: spare the schema import
            return DEFAULT if data is None else data
        from schemas.policy import load_policy

        return load_policy(data)


DEFAULT = Policy()


def load_policy_file(path: str | Path) -> Policy:
    """Read a ``.toml``, ``.yaml`` or ``.yml`` policy file and validate it."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".yaml", ".yml"):
        raise PolicyError(f"cannot read policy {path}: expected a .toml, .yaml or .yml file",
                          {"policy": "unsupported file type"})
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PolicyError(f"cannot read policy {path}: {e}", {"policy": "cannot be read"}) from None
    if suffix == ".toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise PolicyError(f"cannot parse policy {path}: {e}", {"policy": f"invalid TOML: {e}"}) from None
    else:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as e:
            raise PolicyError(f"cannot parse policy {path}: {e}", {"policy": f"invalid YAML: {e}"}) from None
        if data is None:  # an empty file is the default policy
            data = {}
    try:
        return Policy.from_mapping(data)
    except PolicyError as e:
        raise PolicyError(f"{path}: {e}", e.errors) from None
