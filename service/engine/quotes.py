"""Quotation spans: direct (straight and curly marks, multi-paragraph,
partial) and reported speech ("said that...", "according to...")."""
from __future__ import annotations

from .document import Document
from .model import Quote


def find_quotes(doc: Document) -> list[Quote]:
    """Every quotation in the document, in text order (not yet attributed)."""
    return []
