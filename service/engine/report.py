"""The sourcing-transparency report: summary, findings, readability, score.

``build_report`` is the engine's last stage and is pure: it reads the
document, quotes and sources and returns a new ``Report``. The pieces live in
their own modules: ``summary`` (aggregates), ``findings`` (the rule
registry), ``readability`` and ``score``.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .document import Document
from .findings import Context, mark_loaded, run_rules
from .model import Quote, Report, Source
from .readability import measure
from .score import score
from .summary import summarize

if TYPE_CHECKING:
    from service.policy import Policy


def build_report(doc: Document, quotes: Sequence[Quote], sources: Sequence[Source], *,
                 policy: "Policy | Mapping | None" = None, title: str | None = None,
                 id: str | None = None) -> Report:
    """Assemble the report for ``doc``. ``policy`` is a ``Policy``, a mapping
    in the policy format (validated; ``PolicyError`` if bad) or None for the
    default. The returned quotes carry their cue's ``loaded`` flag and
    neutral suggestion as the policy's word lists decide."""
    from service.policy import Policy

    policy = Policy.from_mapping(policy)
    marked = tuple(mark_loaded(q, policy) for q in quotes)
    sources = tuple(sources)
    findings = run_rules(Context(doc, marked, sources, policy))
    return Report(
        document=doc,
        quotes=marked,
        sources=sources,
        findings=findings,
        summary=summarize(doc, marked, sources),
        readability=measure(doc.text),
        score=score(findings, policy),
        title=title,
        id=id,
    )
