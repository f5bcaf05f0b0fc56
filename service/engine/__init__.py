"""The auditing engine: article in, sourcing-transparency report out.

``audit`` is the one entry point every face (API, CLI, review page) calls.
Stages: ``document.load`` -> ``quotes.find_quotes`` -> ``speakers.attribute``
-> ``sources.resolve_sources`` -> ``report.build_report``.
"""
from __future__ import annotations

from .document import FORMATS, Document, load
from .errors import InputError, PolicyError, SourcecheckError
from .model import SEVERITIES, Quote, Report, Source, Span

__all__ = ["audit", "Document", "FORMATS", "InputError", "PolicyError", "RULES", "SEVERITIES",
           "SourcecheckError", "Quote", "Report", "Source", "Span"]


def __getattr__(name: str):
    """``RULES`` (the finding rules' registry) is imported when first asked
    for, so importing the engine stays cheap for a command's start-up."""
    if name == "RULES":
        from .findings import RULES

        return RULES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def audit(text: object, format: str = "text", policy: object = None, *,
          title: str | None = None, id: str | None = None,
          max_chars: int | None = 2_000_000) -> Report:
    """Audit one article. ``policy`` is a ``service.policy.Policy``, a mapping
    in the policy format, or None for the default newsroom policy. Raises
    ``InputError`` for input that cannot be audited and ``PolicyError`` for a
    bad policy; never anything else on purpose."""
    from service.policy import Policy

    from . import quotes, report, sources, speakers

    policy = Policy.from_mapping(policy)  # validated first: a bad policy fails before any work
    doc = load(text, format, max_chars=max_chars)
    found = quotes.find_quotes(doc)
    attributed = speakers.attribute(doc, found)
    resolved, srcs = sources.resolve_sources(doc, attributed, house_titles=policy.house_titles)
    return report.build_report(doc, resolved, srcs, policy=policy, title=title, id=id)
