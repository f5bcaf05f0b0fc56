"""The sourcing-transparency report: aggregates, findings, readability, score."""
from __future__ import annotations

from .document import Document
from .model import Quote, Report, Source


def build_report(doc: Document, quotes: list[Quote], sources: list[Source], *,
                 policy=None, title: str | None = None, id: str | None = None) -> Report:
    """Assemble the report (summary, findings, readability and score to come)."""
    return Report(document=doc, quotes=tuple(quotes), sources=tuple(sources), title=title, id=id)
