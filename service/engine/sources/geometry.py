"""Where things stand in one article: sentences, quoted stretches, the
look-back window for antecedents, and clause ends. Built once per article."""
from __future__ import annotations

import bisect

from ..document import Document
from ..lexicon import words
from ..model import Mention, Quote, Span

LOOKBACK_PARAGRAPHS = 2
LOOKBACK_CHARS = 3000  # about 500 words
MAX_CLAUSE = 200
CLAUSE_STOPS = frozenset(",;:!?\"“”()[]—–\n")
_ABBREVIATIONS = frozenset(words("abbreviations"))


class Geometry:
    """Sentences, quoted stretches and speaker mentions of one article, for
    binary searches (read-only after construction)."""

    __slots__ = ("doc", "text", "sent_starts", "quoted", "quoted_starts", "speakers")

    def __init__(self, doc: Document, quotes: list[Quote]):
        self.doc = doc
        self.text = doc.text
        self.sent_starts = [s.span.start for s in doc.sentences]
        self.quoted = sorted((f.start, f.end) for q in quotes if q.kind in ("direct", "partial")
                             for f in (q.fragments or (q.span,)))
        self.quoted_starts = [a for a, _ in self.quoted]
        self.speakers = sorted({(q.speaker.span.start, q.speaker.span.end) for q in quotes if q.speaker is not None})

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def sentence_span(self, pos: int) -> Span:
        s = self.doc.sentence_at(pos)
        if s is not None:
            return s.span
        lo = max(0, self.text.rfind("\n", 0, pos) + 1, pos - 300)
        hi = self.text.find("\n", pos)
        return Span(lo, min(hi if hi >= 0 else len(self.text), pos + 400, len(self.text)))

    def window_start(self, pos: int) -> int:
        """Where the look-back for an antecedent starts: two paragraphs back, and
        never more than ``LOOKBACK_CHARS`` (a wall of text must not make the
        search quadratic)."""
        floor = max(0, pos - LOOKBACK_CHARS)
        if not self.doc.paragraphs:
            return floor
        p = self.doc.paragraph_at(pos)
        return max(floor, self.doc.paragraphs[max(0, p - LOOKBACK_PARAGRAPHS)].start)

    def in_quoted(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]


def clause_end(text: str, start: int, hi: int, stops: frozenset[str] = CLAUSE_STOPS) -> int:
    """Where the clause starting at ``start`` ends: a stop character or a full
    stop that is not an abbreviation's."""
    hi = min(hi, start + MAX_CLAUSE, len(text))
    i = start
    while i < hi:
        c = text[i]
        if c in stops:
            break
        if c == "." and (i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in "\"”’'"):
            word = text[text.rfind(" ", start, i) + 1:i].lower()
            if len(word) > 1 and word not in _ABBREVIATIONS:
                break
        i += 1
    while i > start and text[i - 1].isspace():
        i -= 1
    return i


def mention(text: str, a: int, b: int) -> Mention | None:
    """``text[a:b]`` without its surrounding space, None if nothing is left."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b <= a:
        return None
    return Mention(Span(a, b), text[a:b])


def skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i
