"""Aggregates over quotes and sources: counts by kind and type, anonymous
shares, words quoted, and the claims that rest on anonymous sources alone."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Document
from ..model import QUOTE_KINDS, SOURCE_TYPES, Quote, Source, Span, Summary

WORD = re.compile(r"\w+(?:['’-]\w+)*")


def source_types(quotes: Sequence[Quote], sources: Sequence[Source]) -> dict[str, str]:
    """Quote id -> the type of its source ("unattributed" when it has none)."""
    by_id: dict[str | None, str] = {s.id: s.type for s in sources}
    return {q.id: by_id.get(q.source_id, "unattributed") for q in quotes}


def claims(quotes: Sequence[Quote]) -> tuple[tuple[Quote, ...], ...]:
    """Quotes grouped into claims: quotations whose spans overlap report the
    same words ("officials and the ministry said that ...") and are one claim,
    supported by each of their sources. In text order."""
    groups: list[list[Quote]] = []
    end = -1
    for q in sorted(quotes, key=lambda q: (q.span.start, q.span.end)):
        if groups and q.span.start < end:
            groups[-1].append(q)
            end = max(end, q.span.end)
        else:
            groups.append([q])
            end = q.span.end
    return tuple(tuple(g) for g in groups)


def claim_span(claim: Sequence[Quote]) -> Span:
    return Span(min(q.span.start for q in claim), max(q.span.end for q in claim))


def anonymous_only(claim: Sequence[Quote], types: dict[str, str]) -> bool:
    """True when every quotation of ``claim`` comes from an anonymous source."""
    return bool(claim) and all(types[q.id] == "anonymous" for q in claim)


def words_quoted(doc: Document, quote: Quote) -> int:
    """Words inside the quotation itself (its fragments, not the attribution)."""
    return sum(len(WORD.findall(f.of(doc.text))) for f in (quote.fragments or (quote.span,)))


def summarize(doc: Document, quotes: Sequence[Quote], sources: Sequence[Source]) -> Summary:
    """The report's summary. Shares are fractions in [0, 1], rounded to 4
    places; the source share counts sources that have a type other than
    ``unattributed`` (a missing source is not a source)."""
    types = source_types(quotes, sources)
    by_kind = dict.fromkeys(QUOTE_KINDS, 0)
    by_type = dict.fromkeys(SOURCE_TYPES, 0)
    words = dict.fromkeys(SOURCE_TYPES, 0)
    for q in quotes:
        by_kind[q.kind] = by_kind.get(q.kind, 0) + 1
        by_type[types[q.id]] += 1
        words[types[q.id]] += words_quoted(doc, q)
    sources_by_type = dict.fromkeys(SOURCE_TYPES, 0)
    for s in sources:
        sources_by_type[s.type] += 1
    real_sources = len(sources) - sources_by_type["unattributed"]
    groups = claims(quotes)
    anonymous_claims = sum(1 for c in groups if anonymous_only(c, types))
    return Summary(
        quotes=len(quotes),
        quotes_by_kind=by_kind,
        quotes_by_type=by_type,
        sources=len(sources),
        sources_by_type=sources_by_type,
        anonymous_quote_share=_share(by_type["anonymous"], len(quotes)),
        anonymous_source_share=_share(sources_by_type["anonymous"], real_sources),
        words_quoted_by_type=words,
        claims=len(groups),
        anonymous_only_claims=anonymous_claims,
        anonymous_only_claim_share=_share(anonymous_claims, len(groups)),
    )


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
