"""Sources as entities: merging mentions, type, descriptor, anonymity reason."""
from __future__ import annotations

from .document import Document
from .model import Quote, Source


def resolve_sources(doc: Document, quotes: list[Quote]) -> tuple[list[Quote], list[Source]]:
    """Group speaker mentions into sources; return quotes with ``source_id``."""
    return list(quotes), []
