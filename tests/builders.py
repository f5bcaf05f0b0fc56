"""Build engine inputs by hand for stage tests: a Document and Quotes whose
speaker mentions are found by string in the text."""
from __future__ import annotations

import re

from service.engine.document import Document, load
from service.engine.model import Mention, Quote, Span
from service.engine.sources import resolve_sources


def find(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text`` as whole
    words ("he" is not found inside "the")."""
    pattern = (r"\b" if needle[:1].isalnum() else "") + re.escape(needle) + (r"\b" if needle[-1:].isalnum() else "")
    m = list(re.finditer(pattern, text))[nth]
    return Span(m.start(), m.end())


def quote(text: str, words: str, speaker: str | None, *, nth: int = 0, kind: str = "direct",
          qid: str = "q1") -> Quote:
    """A quote of ``words`` attributed to the ``nth`` occurrence of ``speaker``."""
    span = find(text, words)
    mention = None
    if speaker is not None:
        mention = Mention(find(text, speaker, nth), speaker)
    return Quote(id=qid, kind=kind, span=span, text=words, speaker=mention)


def resolve(text: str, *quotes: tuple, house_titles: frozenset[str] = frozenset()):
    """Resolve ``(words, speaker[, nth])`` quotes in ``text``; return (doc, quotes, sources)."""
    doc: Document = load(text)
    built = []
    for i, q in enumerate(quotes):
        words, speaker, *rest = q
        nth = rest[0] if rest else 0
        kind = "direct" if text[max(0, find(text, words).start - 1)] in "\"“" else "indirect"
        built.append(quote(text, words, speaker, nth=nth, kind=kind, qid=f"q{i + 1}"))
    out, sources = resolve_sources(doc, built, house_titles=house_titles)
    return doc, out, sources


def source_of(quotes, sources, qid: str):
    q = next(q for q in quotes if q.id == qid)
    return next((s for s in sources if s.id == q.source_id), None)
