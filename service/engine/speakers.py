"""Attribution: cue verbs and the sieve of patterns linking a quote to its
speaker mention; pronoun and short-mention resolution."""
from __future__ import annotations

from .document import Document
from .model import Quote


def attribute(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """The quotes with ``cue``, ``speaker`` and ``rule`` filled where found."""
    return list(quotes)
