"""What the article says about a source besides its name: the descriptor
("a visiting fellow at the Brookings Doha Center") and the stated reason for
anonymity ("because he was not authorised to speak")."""
from __future__ import annotations

import bisect
import re

from ..lexicon import rows, words
from ..model import Mention, Span
from .geometry import Geometry, clause_end, mention, skip_space
from .reading import MentionInfo, opens_appositive
from .titles import title_before

_WORD_AFTER = re.compile(r"[\s,]*(\S+)")

def _phrase_pattern(phrase: str) -> str:
    return r"\s+".join(r"\S+" if w == "*" else re.escape(w) for w in phrase.split())


_ANON_ANCHOR = re.compile(
    r"\b(?:" + "|".join(_phrase_pattern(p) for p in sorted(words("anonymity_phrases"), key=len, reverse=True)) + r")\b",
    re.I)
# every anonymity phrase has one of these words: a cheap test before the full pattern
_ANON_HINTS = ("anonym", "named", "identified", "background", "withheld", "not be used")
_REASON_ROWS = rows("anonymity_reasons")
_REASON_OPENER = re.compile(
    r"[\s,]*(?P<c>" + "|".join(_phrase_pattern(r[0]) for r in sorted(_REASON_ROWS, key=lambda r: -len(r[0]))
                               if len(r) == 1) + r")\b", re.I)
_REASON_SELF = re.compile(
    r"\b(?:" + "|".join(_phrase_pattern(r[0]) for r in _REASON_ROWS if len(r) > 1 and r[1] == "self") + r")\b",
    re.I)
# "to" and "as" and "for" open many things that are not reasons ("spoke to reporters")
_REASON_GUARD = {
    "to": re.compile(r"\s+(?!(?i:the|a|an|reporters|journalists|him|her|them|us|me|his|their|its|this|"
                     r"that)\b)[a-z]+"),
    "as": re.compile(r"\s+(?:he|she|they|it|the|his|her|their|its|talks|negotiations)\b", re.I),
    "for": re.compile(r"\s+(?:fear|safety|security|reasons?|\w+\s+reasons?)\b", re.I),
    "given": re.compile(r"\s+(?:the|its|their|his|her)\b", re.I),
}
_CLAUSE_CUE = re.compile(r"\s(?:" + "|".join(re.escape(w) for w in sorted(words("clause_stops"))) + r")\b", re.I)
_RELATIVE_AFTER = re.compile(r",?[ \t]+(?:who|whom|whose)\b", re.I)


class Anchors:
    """Anonymity phrases ("spoke on condition of anonymity") in one article,
    found on first use (most articles grant no anonymity)."""

    __slots__ = ("geo", "_found", "_starts", "has_self_reason")

    def __init__(self, geo: Geometry):
        self.geo = geo
        self._found: list[re.Match] | None = None
        self._starts: list[int] = []
        self.has_self_reason = False

    def within(self, lo: int, hi: int) -> list[re.Match]:
        """The anonymity phrases inside ``[lo, hi)``."""
        if self._found is None:
            text = self.geo.text
            found: dict[tuple[int, int], re.Match] = {}
            low = text.lower()
            for hint in _ANON_HINTS:
                h = low.find(hint)
                while h >= 0:
                    for a in _ANON_ANCHOR.finditer(text, max(0, h - 60), h + len(hint) + 60):
                        found.setdefault(a.span(), a)
                    h = low.find(hint, h + 1)
            self._found = [found[k] for k in sorted(found)]
            self._starts = [a.start() for a in self._found]
            self.has_self_reason = _REASON_SELF.search(text) is not None
        i = bisect.bisect_left(self._starts, lo)
        out = []
        while i < len(self._found) and self._found[i].end() <= hi:
            out.append(self._found[i])
            i += 1
        return out


# a clause, not a description: a cue verb or a new sentence inside it
_APPOSITIVE_LEAD = re.compile(r"(?:who|which)\s+(?:is|was|has\s+been)\s+|(?:now|then|also|currently|formerly)\s+", re.I)
_APPOSITIVE_NOT = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes)\b|[.!?]\s+[A-Z]")


def _appositive_after(text: str, end: int, hi: int, house: frozenset[str]) -> Mention | None:
    """", a visiting fellow at the Brookings Doha Center in Qatar," after a
    name: the descriptor without its commas."""
    hi = min(hi, len(text))
    i = end
    if i >= hi or text[i] != ",":
        return None
    i += 1
    while i < hi and text[i] in " \t":
        i += 1
    m = re.match(r"\d{1,3},[ \t]+", text[i:i + 6])  # "Smith, 45, a farmer"
    if m:
        i += m.end()
    m = _APPOSITIVE_LEAD.match(text, i, hi)
    if m:
        i = m.end()
    first = _WORD_AFTER.match(text, i, hi)
    if not first or first.start(1) != i:
        return None
    stop = clause_end(text, i, hi)
    desc = mention(text, i, stop)
    if desc is None or len(desc.text) < 3 or not opens_appositive(desc.text, house) \
            or len(desc.text.split()) > 24 or _APPOSITIVE_NOT.search(desc.text):
        return None
    return desc


def descriptor(geo: Geometry, house: frozenset[str], kind: str, spokes: bool, info: MentionInfo, m: Mention,
               exact: bool) -> Mention | None:
    """The descriptor a mention of a source of this ``kind`` carries: a title,
    an appositive, a relative clause that describes an unnamed person."""
    text = geo.text
    sent = geo.sentence_span(m.span.start)
    if exact and info.appositive is not None:
        a, b = m.span.start + info.appositive[0], m.span.start + info.appositive[1]
        inner = Mention(Span(a, b), text[a:b])
        if not (kind == "anonymous" and (_ANON_ANCHOR.search(inner.text) or _REASON_SELF.search(inner.text))):
            if not (kind == "person" and info.title_span is not None):
                return inner
    if kind == "person" and info.form == "name":
        if exact and info.title_span is not None:
            a = m.span.start + info.title_span[0]
            return Mention(Span(a, m.span.start + info.title_span[1]), text[a:m.span.start + info.title_span[1]])
        name_start = m.span.start + info.name_span[0] if exact else m.span.start
        t = title_before(text, name_start, sent.start, house)
        if t is not None:
            return Mention(t, t.of(text))
        return _appositive_after(text, m.span.end, sent.end, house)
    if info.form not in ("description", "definite"):
        return None
    if kind == "anonymous":
        appos = _appositive_after(text, m.span.end, sent.end, house)
        if appos is not None and not _ANON_ANCHOR.search(appos.text):
            return appos
        rel = _RELATIVE_AFTER.match(text, m.span.end, sent.end)
        if rel is not None:
            stop = clause_end(text, rel.end(), sent.end)
            cue = _CLAUSE_CUE.search(text, rel.end(), stop)
            if cue is not None:  # "a person who attended the meeting said ...": no comma before the verb
                stop = cue.start()
            clause = text[rel.end():stop]
            if clause.strip() and not _ANON_ANCHOR.search(clause) and not _REASON_SELF.search(clause):
                return mention(text, m.span.start, stop)
        return m if exact else None
    if kind == "institutional":
        if spokes:
            return m if exact else None
        return _appositive_after(text, m.span.end, sent.end, house)
    return None


def anonymity_reason(anchors: Anchors, m: Mention) -> Mention | None:
    """The stated reason for anonymity near a mention: "because he was
    discussing classified reports" in "who spoke on the condition of anonymity
    because he was discussing classified reports"."""
    geo = anchors.geo
    text = geo.text
    sent = geo.sentence_span(m.span.start)
    regions = [sent]
    if sent.end < len(text):
        nxt = geo.sentence_span(skip_space(text, sent.end))
        if nxt.start >= sent.end and geo.doc.paragraph_at(nxt.start) == geo.doc.paragraph_at(sent.start):
            regions.append(nxt)
    k = geo.sentence_index(sent.start)
    if 0 < k < len(geo.doc.sentences) and geo.doc.sentences[k].span == sent:
        # "Two officials spoke on condition of anonymity because ... They said ..."
        prev = geo.doc.sentences[k - 1]
        if prev.paragraph == geo.doc.sentences[k].paragraph:
            regions.append(prev.span)
    for region in regions:
        hi = min(region.end, len(text))
        near = [a for a in anchors.within(region.start, hi) if _owner(geo, a.start(), a.end()) == m.span]
        near.sort(key=lambda a: abs(a.start() - m.span.end))
        for a in near:
            r = _reason_after(text, a.end(), hi)
            if r is not None:
                return r
        s = _REASON_SELF.search(text, region.start, hi) if anchors.has_self_reason else None
        if s is not None and _owner(geo, s.start(), s.end()) == m.span:
            return mention(text, s.start(), clause_end(text, s.start(), hi))
        if near:
            return None  # anonymity granted, no reason given
    return None


def _owner(geo: Geometry, a: int, b: int) -> Span | None:
    """The speaker mention nearest to an anonymity phrase at [a, b): the one it is about."""
    i = bisect.bisect_left(geo.speakers, (a, a))
    best, dist = None, None
    for j in (i - 2, i - 1, i, i + 1):
        if 0 <= j < len(geo.speakers):
            s, e = geo.speakers[j]
            d = a - e if e <= a else s - b if s >= b else 0
            if d >= 0 and (dist is None or d < dist):
                best, dist = Span(s, e), d
    return best


def _reason_after(text: str, pos: int, hi: int) -> Mention | None:
    c = _REASON_OPENER.match(text, pos, hi)
    if c is None:
        s = _REASON_SELF.match(text, skip_space(text, pos), hi)
        if s is None:
            return None
        start = s.start()
    else:
        word = c.group("c").lower()
        guard = _REASON_GUARD.get(word)
        if guard is not None and not guard.match(text, c.end("c"), hi):
            return None
        start = c.start("c")
    stop = clause_end(text, start, hi)
    if len(text[start:stop].split()) < 2:
        return None
    return mention(text, start, stop)
