"""The sourcing-transparency report: summary, findings, readability, score.

``build_report`` is the engine's last stage and is pure: it reads the
document, quotes and sources and returns a new ``Report``. The pieces live in
their own modules: ``wording`` (phrase and verb matchers), ``findings`` (the
rule registry), ``summary`` (aggregates), ``readability`` and ``score``.
The stage takes a ``Policy`` and never builds one: the policy's defaults
come from the findings' registry, so ``..policy`` sits above this package
and ``service.engine.audit`` is the one place where None becomes ``DEFAULT``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..document import Document
from ..model import Quote, Report, Source
from .findings import Context, run_rules
from .readability import measure
from .score import score
from .summary import summarize
from .wording import loaded_cue, mark_loaded

if TYPE_CHECKING:
    from ..policy import Policy

__all__ = ["build_report"]


def build_report(doc: Document, quotes: Sequence[Quote], sources: Sequence[Source], *,
                 policy: "Policy", title: str | None = None,
                 id: str | None = None) -> Report:
    """Assemble the report for ``doc`` under ``policy`` (``DEFAULT`` for the
    house default). Each quote's loaded verb is worked out once: the returned
    quotes carry their cue's ``loaded`` flag and neutral suggestion, and the
    ``loaded-verb`` rule reports the same verdicts."""
    loaded = tuple(loaded_cue(q.cue, policy) for q in quotes)
    marked = tuple(mark_loaded(q, hit) for q, hit in zip(quotes, loaded, strict=True))
    sources = tuple(sources)
    findings = run_rules(Context(doc, marked, sources, policy, loaded))
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
