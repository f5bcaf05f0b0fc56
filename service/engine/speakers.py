"""Attribution of direct quotations: a sieve of patterns, most certain first,
each a small named function that returns the cue and speaker mention.

1. ``trailing``       "...," said Kerry.  /  "...," Kerry said.
2. ``leading``        Kerry said: "..."  /  According to X, "..."
3. ``colon_before``   a previous sentence ending in "X said:"
4. ``continuing``     a quote standing alone after a quote by a known speaker

A quotation broken by its attribution ("We will win," she said, "and
soon.") is merged into one quote with two fragments. Reported speech got its
speaker when it was found (``reported``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from .cues import aux_start, make_cue, verb_at
from .document import Document
from .model import Cue, Mention, Quote, Span
from .phrases import clause_subject, phrase_after, starts_phrase, subject_before
from .tokens import Token, index_at, paragraph_tokens

_MARKS = frozenset(["\"", "“", "”", "''", "``", "„", "«", "»", "‘", "’", "'"])
_SENTENCE_END = frozenset([".", "!", "?"])
MAX_TAIL_TOKENS = 24
_DASHES = frozenset(["—", "–", "-", "―", "--"])
# Words that open an adverbial after a cue ("said on Monday", "said in an interview")
_ADVERBIAL_STARTS = frozenset("on in at during after before while with to from as by of later earlier "
                              "monday tuesday wednesday thursday friday saturday sunday today yesterday "
                              "tonight last this".split())
SCARE_QUOTE_WORDS = 4  # an unattributed partial quote this short is a term, not a quotation


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Cue | None
    speaker: Mention
    rule: str
    end: int = -1  # where the attribution ends in the text (for merging split quotes)


class _Context:
    """Per-document token cache: the sieve rules read paragraphs' tokens."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._tokens: dict[int, list[Token]] = {}

    def tokens(self, paragraph: int) -> list[Token]:
        toks = self._tokens.get(paragraph)
        if toks is None:
            p = self.doc.paragraphs[paragraph]
            toks = self._tokens[paragraph] = paragraph_tokens(self.doc.text, p.start, p.end)
        return toks


def attribute(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """The quotes with ``cue``, ``speaker`` and ``rule`` filled where found,
    split quotes merged, and unattributed scare quotes dropped."""
    if not doc.paragraphs:
        return list(quotes)
    ctx = _Context(doc)
    out: list[Quote] = []
    prev: Quote | None = None  # the direct quote before, for merging split quotes
    known: Quote | None = None  # the last quote with a speaker, for quotes that continue it
    for q in quotes:
        if q.kind == "indirect":
            out.append(q)
            if q.speaker is not None:
                known = q
            continue
        att = None
        for rule in SIEVE:
            att = rule(ctx, q, known)
            if att is not None:
                break
        if att is not None:
            q = replace(q, cue=att.cue, speaker=att.speaker, rule=att.rule)
        if prev is not None and out and out[-1] is prev and _merges(doc, prev, q):
            q = _merge(doc, prev, q)
            out[-1] = q
        else:
            out.append(q)
        prev = q
        if q.speaker is not None:
            known = q
    kept = [q for q in out if not _scare_quote(q)]
    return [replace(q, id=f"q{i}") for i, q in enumerate(kept, 1)]


def _ends_sentence(toks: list[Token], i: int) -> bool:
    """A full stop that ends a sentence (not one inside "(R-Fla.)")."""
    return toks[i].text in _SENTENCE_END and not (i + 1 < len(toks) and toks[i + 1].text in (")", ","))


def _scare_quote(q: Quote) -> bool:
    return q.kind != "indirect" and q.speaker is None and len(q.text.split()) <= SCARE_QUOTE_WORDS


def _close_end(text: str, q: Quote) -> int:
    """Offset just after the closing mark(s) of a quote."""
    i = q.span.end
    while i < len(text) and (text[i] in "\"“”'’»`" or text[i] in ".,!?" and i + 1 < len(text) and text[i + 1] in "\"“”'’"):
        i += 1
    return i


def _open_start(text: str, q: Quote) -> int:
    """Offset of the opening mark(s) of a quote."""
    i = q.span.start
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    while i > 0 and text[i - 1] in "\"“”'‘«`":
        i -= 1
    return i if i < q.span.start and text[i] not in " \u00a0" else q.span.start


def trailing(ctx: _Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """"...," said Kerry.  /  "...," Kerry said.  /  "..." she added."""
    text = ctx.doc.text
    toks = ctx.tokens(q.paragraph)
    end = _close_end(text, q)
    k = index_at(toks, end)
    if k >= len(toks):
        return None
    tail: list[Token] = []
    prev_end = -1
    for i in range(k, min(len(toks), k + MAX_TAIL_TOKENS)):
        t = toks[i]
        possessive = t.text in ("'", "’") and t.start == prev_end
        if (t.text in _MARKS and not possessive) or _ends_sentence(toks, i):
            break
        tail.append(t)
        prev_end = t.end
    if not tail:
        return None
    if len(tail) >= 2 and tail[0].text in _DASHES and tail[1].is_cap and tail[1].is_word:
        # a quotation signed with a dash: "..." ― Pamela Padilla
        name = phrase_after(text, tail, 1)
        if name is not None and not any(verb_at(tail, i) for i in range(1, len(tail))):
            return Attribution(None, name, "signed", name.span.end)
    j = 1 if tail[0].text in (",", "—", "–", "-") else 0
    if j >= len(tail):
        return None
    # the quotation ends its sentence when it ends with a full stop and a capital follows
    ended = q.text.rstrip("\"“”'’ ")[-1:] in (".", "!", "?") and tail[j].is_cap
    if j + 2 < len(tail) and tail[j].lower == "according" and tail[j + 1].lower == "to":
        speaker = phrase_after(text, tail, j + 2)
        if speaker is not None:
            cs = Span(tail[j].start, tail[j + 1].end)
            return Attribution(Cue(cs, cs.of(text), "according to"), speaker, "according-to", speaker.span.end)
    # inverted: said Kerry
    hit = verb_at(tail, j) if j < len(tail) else None
    if hit is not None and hit[0].cls != "belief" and hit[1] < len(tail) and starts_phrase(tail[hit[1]]):
        verb, e = hit
        speaker = phrase_after(text, tail, e)
        if speaker is not None:
            return Attribution(make_cue(text, tail, j, verb, e), speaker, "trailing", speaker.span.end)
    for i in range(j, len(tail)):
        hit = verb_at(tail, i)
        if hit is None or hit[0].cls == "belief":
            continue
        verb, e = hit
        first = aux_start(tail, i, floor=j)
        speaker = None
        if tail[j].is_cap and first - j > 3:
            # "..., Harry Bond, 30, of Raleigh, who ..., said": the name right after the quote
            name = phrase_after(text, tail, j)
            if name is not None:
                nxt = next((t for t in tail if t.start >= name.span.end), None)
                if nxt is not None and nxt.text == ",":
                    speaker = name
        if speaker is None:
            speaker = subject_before(text, tail, first, floor=j)
        if speaker is None:
            continue
        if ended and e < len(tail) and tail[e].is_word and tail[e].lower not in _ADVERBIAL_STARTS \
                and (len(tail) - e > 6 or any(t.lower == "that" for t in tail[e:])):
            return None  # a new sentence with a claim of its own: "She noted a planned rally ..."
        return Attribution(make_cue(text, tail, first, verb, e), speaker, "trailing", tail[e - 1].end)
    return None


def leading(ctx: _Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """Kerry said, "..."  /  Kerry said in an interview: "..."  /  According to X, "..." """
    text = ctx.doc.text
    toks = ctx.tokens(q.paragraph)
    start = _open_start(text, q)
    k = index_at(toks, start)
    # back to the start of this sentence or the previous quotation
    lo = k
    while lo > 0 and not _ends_sentence(toks, lo - 1) and toks[lo - 1].text not in _MARKS:
        lo -= 1
    before = toks[lo:k]
    if not before:
        return None
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        if t.lower == "according" and i + 1 < len(before) and before[i + 1].lower == "to":
            speaker = phrase_after(text, before, i + 2)
            if speaker is not None:
                cs = Span(t.start, before[i + 1].end)
                return Attribution(Cue(cs, cs.of(text), "according to"), speaker, "according-to")
        hit = verb_at(before, i)
        if hit is None:
            continue
        verb, e = hit
        if verb.cls == "belief" and not (e < len(before) and before[e].text == ":"):
            continue
        first = aux_start(before, i)
        speaker = subject_before(text, before, first)
        if speaker is None and e < len(before) and starts_phrase(before[e]):
            speaker = phrase_after(text, before, e)  # said Kerry: "..."
        if speaker is None and (before[i].lower.endswith("ing") or (first > 0 and before[first - 1].lower in ("and", "but"))):
            speaker = clause_subject(text, before[:first])  # "Ms. Sherry smiled and said", "..., writing"
        if speaker is not None:
            return Attribution(make_cue(text, before, first, verb, e), speaker, "leading")
        break  # the nearest cue speaks for the quote, or nothing does
    return _colon_lead(text, before)


def _colon_lead(text: str, before: list[Token]) -> Attribution | None:
    if before[-1].text == ":":
        # "Rubio fired back: "..."": the subject of the clause before the colon
        c = max((i for i, t in enumerate(before) if t.text == ","), default=-1) + 1
        if c < len(before) - 1 and (before[c].is_cap or before[c].lower in ("he", "she", "they", "we", "i")):
            speaker = phrase_after(text, before, c)
            if speaker is not None:
                return Attribution(None, speaker, "colon-leading")
    return None


def colon_before(ctx: _Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quote opening its paragraph after one that ends "... X said:"."""
    doc = ctx.doc
    text = doc.text
    if q.paragraph == 0 or _open_start(text, q) != doc.paragraphs[q.paragraph].start:
        return None
    p = doc.paragraphs[q.paragraph - 1]
    if not text[p.start:p.end].rstrip().endswith(":"):
        return None
    toks = ctx.tokens(q.paragraph - 1)
    lo = len(toks) - 1
    while lo > 0 and not _ends_sentence(toks, lo - 1):
        lo -= 1
    sent = toks[lo:]
    for i in range(len(sent) - 1, -1, -1):
        hit = verb_at(sent, i)
        if hit is None:
            continue
        verb, e = hit
        first = aux_start(sent, i)
        speaker = subject_before(text, sent, first) or phrase_after(text, sent, e)
        if speaker is not None:
            return Attribution(make_cue(text, sent, first, verb, e), speaker, "colon-before")
    return None


def sentence_before(ctx: _Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quote right after a sentence that ends with its attribution and no
    claim of its own: "Sam Lau said in a statement. "There are no ballots."" """
    text = ctx.doc.text
    toks = ctx.tokens(q.paragraph)
    start = _open_start(text, q)
    k = index_at(toks, start)
    if k < 3 or toks[k - 1].text not in (".", ":"):
        return None
    lo = k - 1
    while lo > 0 and not _ends_sentence(toks, lo - 1) and toks[lo - 1].text not in _MARKS:
        lo -= 1
    sent = toks[lo:k - 1]
    if not sent or len(sent) > 16:
        return None
    for i in range(len(sent) - 1, -1, -1):
        hit = verb_at(sent, i)
        if hit is None or hit[0].cls == "belief":
            continue
        verb, e = hit
        rest = sent[e:]
        if len(rest) > 6 or any(t.lower == "that" for t in rest):
            return None
        first = aux_start(sent, i)
        speaker = subject_before(text, sent, first)
        if speaker is None and first == 0 and e < len(sent) and starts_phrase(sent[e], pronouns=False):
            speaker = phrase_after(text, sent, e)  # "...," said Paul Beck. "That was ..."
        if speaker is not None:
            return Attribution(make_cue(text, sent, first, verb, e), speaker, "sentence-before")
    return None


def transcript(ctx: _Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A transcript line quoted whole: "WALLACE: Governor, ..." names its speaker."""
    text = ctx.doc.text
    head = text[q.span.start:q.span.start + 40]
    colon = head.find(":")
    if colon < 2:
        return None
    label = head[:colon]
    words_ = label.replace(".", " ").split()
    if not words_ or len(words_) > 3 or not all(w.isupper() and w.isalpha() for w in words_):
        return None
    span = Span(q.span.start, q.span.start + colon)
    return Attribution(None, Mention(span, span.of(text)), "transcript")


def dash_after(ctx: _Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quotation closing its paragraph, signed on the next line: "- Sanders."."""
    doc = ctx.doc
    text = doc.text
    if q.paragraph + 1 >= len(doc.paragraphs):
        return None
    para = doc.paragraphs[q.paragraph]
    if text[_close_end(text, q):para.end].strip(" .,\u00a0"):
        return None
    toks = ctx.tokens(q.paragraph + 1)
    if len(toks) < 2 or toks[0].text not in ("-", "—", "–") or not toks[1].is_cap:
        return None
    speaker = phrase_after(text, toks, 1)
    return None if speaker is None else Attribution(None, speaker, "signed")


def continuing(ctx: _Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quotation with no attribution of its own, right after a quotation by a
    known speaker in the same or the previous paragraph, continues it."""
    if prev is None or prev.speaker is None or q.kind != "direct":
        return None
    if q.paragraph - prev.paragraph > 1 or (prev.kind == "indirect" and q.paragraph != prev.paragraph):
        return None
    if q.paragraph != prev.paragraph:
        # only a paragraph that opens with the quotation
        if _open_start(ctx.doc.text, q) != ctx.doc.paragraphs[q.paragraph].start:
            return None
    return Attribution(None, prev.speaker, "continuing")


def label(ctx: _Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """Clinton: "Our goal is ..." (a name and a colon introduce the quote)."""
    text = ctx.doc.text
    toks = ctx.tokens(q.paragraph)
    start = _open_start(text, q)
    k = index_at(toks, start)
    if k < 2 or toks[k - 1].text != ":":
        return None
    lo = k - 1
    while lo > 0 and toks[lo - 1].is_cap and toks[lo - 1].is_word and k - lo <= 4:
        lo -= 1
    name = toks[lo:k - 1]
    if not name or (lo > 0 and not _ends_sentence(toks, lo - 1) and toks[lo - 1].text not in _MARKS
                    and toks[lo - 1].text not in (",", ";")):
        return None
    span = Span(name[0].start, name[-1].end)
    return Attribution(None, Mention(span, span.of(text)), "label")


SIEVE: tuple[Callable[[_Context, Quote, Quote | None], Attribution | None], ...] = (
    transcript, trailing, leading, label, colon_before, sentence_before, dash_after, continuing,
)


def _merges(doc: Document, a: Quote, b: Quote) -> bool:
    """Is ``b`` the second half of ``a``, broken only by ``a``'s attribution?"""
    if a.kind == "indirect" or b.kind == "indirect" or a.rule != "trailing" or a.speaker is None:
        return False
    if b.rule not in (None, "continuing", "leading") or a.paragraph != b.paragraph:
        return False
    if b.rule == "leading" and (b.speaker is None or b.speaker.span != a.speaker.span):
        return False
    if a.cue is None:
        return False
    # the gap between the halves is the attribution and punctuation, nothing else
    end = max(a.cue.span.end, a.speaker.span.end)
    start = _open_start(doc.text, b)
    return a.span.end < end <= start and not doc.text[end:start].strip(" \t\n,.:;—–-")


def _merge(doc: Document, a: Quote, b: Quote) -> Quote:
    frags = (a.fragments or (a.span,)) + (b.fragments or (b.span,))
    span = Span(a.span.start, b.span.end)
    return replace(a, kind="direct", span=span, text=span.of(doc.text), fragments=frags)
