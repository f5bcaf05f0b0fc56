"""The auditing engine: article in, sourcing-transparency report out.

``audit`` is the one entry point every face (API, CLI, review page) calls.
Stages: ``document.load`` -> ``quotes.find_quotes`` -> ``attribution.attribute``
-> ``sources.resolve_sources`` -> ``report.build_report``.

This module is the engine's public surface: faces import ``service.engine``
and never its modules.
"""
from __future__ import annotations

from . import deadline as _deadline
from . import quotes
from .attribution import PATTERNS, attribute
from .document import FORMATS, Document, load
from .errors import DeadlineExceeded, InputError, PolicyError, SourcecheckError
from .furniture import Furniture
from .furniture import find as find_furniture
from .model import (QUOTE_KINDS, SEVERITIES, SOURCE_TYPES, Cue, Deduction, Finding, Mention, Quote,
                    Readability, Report, Score, Sentence, Severity, Source, SourceType, Span, Summary)
from .policy import DEFAULT, Policy, RulePolicy, ScorePolicy, Thresholds, resolve
from .report import build_report
from .report.findings import RULES, Rule
from .report.readability import measure as measure_readability
from .report.wording import compile_phrase
from .sources import resolve_sources
from .sources.mentions import analyse as analyse_mention
from .tokens import tokenize

__all__ = [
    "audit", "load", "find_furniture", "Furniture", "resolve_sources", "analyse_mention", "build_report", "measure_readability", "compile_phrase", "tokenize",
    "Document", "FORMATS",
    "SourcecheckError", "InputError", "PolicyError", "DeadlineExceeded",
    "Cue", "Deduction", "Finding", "Mention", "Quote", "Readability", "Report", "Score", "Sentence",
    "Source", "Span", "Summary", "Severity", "SourceType", "QUOTE_KINDS", "SEVERITIES", "SOURCE_TYPES",
    "Policy", "RulePolicy", "ScorePolicy", "Thresholds", "DEFAULT",
    "RULES", "Rule", "PATTERNS",
]


def audit(text: object, format: str = "text", policy: Policy | None = None, *,
          title: str | None = None, id: str | None = None,
          max_chars: int | None = 2_000_000, deadline: float | None = None) -> Report:
    """Audit one article under ``policy`` (None: ``DEFAULT``; build one from
    a mapping or file with ``service.policy``). Raises ``InputError`` for
    input that cannot be audited, ``PolicyError`` when ``policy`` is not a
    ``Policy``, and ``DeadlineExceeded`` when ``deadline`` (seconds) passes
    before the report is done; never anything else on purpose."""
    policy = resolve(policy)  # checked first: a bad policy fails before any work
    with _deadline.within(deadline):
        doc = load(text, format, max_chars=max_chars).audited()  # set-aside code blanked
        _deadline.check()
        found = quotes.find_quotes(doc)
        _deadline.check()
        attributed = attribute(doc, found)
        _deadline.check()
        resolved, srcs = resolve_sources(doc, attributed, house_titles=policy.house_titles)
        _deadline.check()
        return build_report(doc, resolved, srcs, policy=policy, title=title, id=id)
