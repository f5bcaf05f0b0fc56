"""The auditing engine: article in, sourcing-transparency report out.

``audit`` is the one entry point every face (API, CLI, review page) calls.
Stages: ``document.load`` -> ``quotes.find_quotes`` -> ``speakers.attribute``
-> ``sources.resolve_sources`` -> ``report.build_report``.
"""
from __future__ import annotations

from . import deadline as _deadline
from .document import Document, load
from .errors import DeadlineExceeded, InputError, PolicyError, SourcecheckError
from .model import Quote, Report, Source, Span

__all__ = ["audit", "Document", "DeadlineExceeded", "InputError", "PolicyError", "SourcecheckError",
           "Quote", "Report", "Source", "Span"]


def audit(text: object, format: str = "text", policy: object = None, *,
          title: str | None = None, id: str | None = None,
          max_chars: int | None = 2_000_000, deadline: float | None = None) -> Report:
    """Audit one article. ``policy`` is a ``service.policy.Policy``, a mapping
    in the policy format, or None for the default newsroom policy. Raises
    ``InputError`` for input that cannot be audited and ``PolicyError`` for a
    bad policy, and ``DeadlineExceeded`` when ``deadline`` (seconds) passes
    before the report is done; never anything else on purpose."""
    from service.policy import Policy

    from . import quotes, report, sources, speakers

    policy = Policy.from_mapping(policy)  # validated first: a bad policy fails before any work
    with _deadline.within(deadline):
        doc = load(text, format, max_chars=max_chars)
        _deadline.check()
        found = quotes.find_quotes(doc)
        _deadline.check()
        attributed = speakers.attribute(doc, found)
        _deadline.check()
        resolved, srcs = sources.resolve_sources(doc, attributed, house_titles=policy.house_titles)
        _deadline.check()
        return report.build_report(doc, resolved, srcs, policy=policy, title=title, id=id)
