"""Attribution: who the article says said each quotation.

``attribute`` takes the quotations between marks (``quotes.find_quotes``),
adds reported speech (``reported``), lets quoted words inside reported
speech belong to it, gives each direct quotation the speaker of the first
pattern of ``direct.SIEVE`` that finds one, merges a quotation broken by its
attribution into one, drops unattributed scare quotes and numbers what is
left, once, in text order. Every pattern is in ``PATTERNS`` (``pattern``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .. import deadline, furniture
from ..document import Document
from ..model import Quote, Span
from ..quotes import close_end, open_start
from . import direct, reported
from .pattern import PATTERNS, Pattern, pattern

__all__ = ["attribute", "PATTERNS", "Pattern", "pattern"]

SCARE_QUOTE_WORDS = 4  # an unattributed partial quote this short is a term, not a quotation
# Attributions that may stand between two halves of one quotation
# ("We will win," she said, "and soon."), and what the second half may carry.
_BREAKING = frozenset(p.id for p in (direct.trailing, direct.trailing_inverted))
_SECOND_HALF = frozenset(p.id for p in (direct.continuing, direct.leading))


def attribute(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """The document's quotations, direct ``quotes`` and reported speech, in
    text order with ids ``q1``, ``q2``..., ``cue``, ``speaker`` and ``rule``
    filled where found."""
    found = _with_reported(quotes, _set_aside(doc, reported.reported_speech(doc, quotes)))
    if doc.paragraphs:
        found = [q for q in _attribute_direct(doc, found) if not _scare_quote(q) and not _distant_term(doc.text, q)]
    return [replace(q, id=f"q{i}") for i, q in enumerate(found, 1)]


def _set_aside(doc: Document, claims: list[Quote]) -> list[Quote]:
    """Reported speech without page furniture: none spoken in a link line,
    caption or byline, none by a section label ("ENERGY: Crude fell."), and a
    dateline is not part of a claim ("LONDON -- Prices rose, officials said")."""
    furn = doc.furniture
    if not furn:
        return claims
    out = []
    for q in claims:
        if furniture.inside(furn, q.span) or (q.speaker is not None and any(
                f.span.overlaps(q.speaker.span) for f in furn if f.kind != "dateline")):
            continue
        opener = next((f for f in furn if f.kind in ("dateline", "label") and f.span.start <= q.span.start
                       < f.span.end < q.span.end), None)
        if opener is not None:
            span = Span(opener.span.end, q.span.end)
            q = replace(q, span=span, text=span.of(doc.text),
                        fragments=tuple(f for f in q.fragments if f.end > span.start))
        out.append(q)
    return out


def _with_reported(direct_quotes: list[Quote], indirect: list[Quote]) -> list[Quote]:
    """Direct and reported quotations in text order. Quoted words inside
    reported speech belong to it: "said the plan was 'reckless'", "declared
    that "real Christians" don't support him and that "the South is not listening""."""
    starts = [r.span.start for r in indirect]

    def inside_reported(q: Quote) -> bool:
        i = bisect_right(starts, q.span.start) - 1
        if i < 0 or q.span.start >= indirect[i].span.end:
            return False
        return q.kind == "partial" or q.span.end <= indirect[i].span.end + 2

    kept = [q for q in direct_quotes if not inside_reported(q)]
    return sorted(kept + indirect, key=lambda q: (q.span.start, q.span.end))


def _attribute_direct(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """Each direct quotation with the attribution of the first pattern of the
    sieve that finds one; a quotation split by its attribution merged."""
    ctx = direct.Context(doc)
    out: list[Quote] = []
    prev: Quote | None = None  # the direct quote before, for merging split quotes
    known: Quote | None = None  # the last quote with a speaker, for quotes that continue it
    for q in quotes:
        deadline.check()
        if q.kind == "indirect":
            out.append(q)
            if q.speaker is not None and not _aside_of(doc, known, q):
                known = q
            continue
        for p in direct.SIEVE:
            att = p.check(ctx, q, known)
            if att is not None:
                q = replace(q, cue=att.cue, speaker=att.speaker, rule=p.id)
                break
        if prev is not None and out and out[-1] is prev and _merges(doc, prev, q):
            q = _merge(doc, prev, q)
            out[-1] = q
        else:
            out.append(q)
        prev = q
        if q.speaker is not None:
            known = q
    return out


_SUBORDINATORS = frozenset("after before when whenever while as since because though although if unless until "
                           "which who whom where wherever during".split())
_WORD = re.compile(r"[A-Za-z]+")


def _aside_of(doc: Document, known: Quote | None, claim: Quote) -> bool:
    """Is ``claim`` reported in a subordinate clause of the sentence that
    attributes the direct quotation ``known`` ('"...," Trump assured Jones,
    after Jones assured him that ...')? The next quotation continues
    ``known``'s speaker, not the claim's."""
    if known is None or known.kind == "indirect" or known.speaker is None or claim.speaker is None:
        return False
    a, b = known.speaker.span.end, claim.speaker.span.start
    if not 0 <= b - a <= 200 or doc.sentence_at(a) is not doc.sentence_at(b):
        return False
    return any(w.lower() in _SUBORDINATORS for w in _WORD.findall(doc.text, a, b))


def _scare_quote(q: Quote) -> bool:
    return q.kind != "indirect" and q.speaker is None and len(q.text.split()) <= SCARE_QUOTE_WORDS


TERM_WORDS = 2  # a partial quote this short is a term unless its cue stands right beside it
_NEAR_CUE = 4  # words between a cue and its term's opening mark: "called him “a liar”", "described as “peaceful”"


def _distant_term(text: str, q: Quote) -> bool:
    """A quoted term of a word or two whose cue is not beside it: the speaker
    found is far off, a spurious one ('said Ramos, whose book features
    interviews with politicians and “rebellious” people', 'a federal “supermax”
    prison ..., an official said'). A term closed by a comma before its
    attribution, or right after its cue ("called it “a disgrace”"), stays."""
    if q.kind != "partial" or q.cue is None or len(q.text.split()) > TERM_WORDS:
        return False
    if q.cue.span.end <= q.span.start:  # the cue before the quote
        return len(text[q.cue.span.end:open_start(text, q)].split()) > _NEAR_CUE
    k = close_end(text, q)
    return not (text[q.span.end - 1:q.span.end] == "," or text[k:k + 1] == ",")


def _merges(doc: Document, a: Quote, b: Quote) -> bool:
    """Is ``b`` the second half of ``a``, broken only by ``a``'s attribution?"""
    if a.kind == "indirect" or b.kind == "indirect" or a.rule not in _BREAKING or a.speaker is None:
        return False
    if (b.rule is not None and b.rule not in _SECOND_HALF) or a.paragraph != b.paragraph:
        return False
    if b.rule == direct.leading.id and (b.speaker is None or b.speaker.span != a.speaker.span):
        return False
    if a.cue is None:
        return False
    # the gap between the halves is the attribution and punctuation, nothing else
    end = max(a.cue.span.end, a.speaker.span.end)
    start = open_start(doc.text, b)
    return a.span.end < end <= start and not doc.text[end:start].strip(" \t\n,.:;—–-")


def _merge(doc: Document, a: Quote, b: Quote) -> Quote:
    frags = (a.fragments or (a.span,)) + (b.fragments or (b.span,))
    span = Span(a.span.start, b.span.end)
    return replace(a, kind="direct", span=span, text=span.of(doc.text), fragments=frags)
