"""Direct quotations between marks: straight, curly, doubled and single
marks; quotes over several paragraphs; partial quotes. Nothing else: who
said them, and reported speech, is ``attribution``'s work.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import furniture
from .document import Document
from .model import Quote, QuoteKind, Span
from .lexicon import rows
from .lexicon import words as rows_words
from .words import SUBJECT_PRONOUNS, TITLE_SMALL_WORDS

_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’'‹›]")
OPENERS = frozenset(["``", "“", "„", "«"])
CLOSERS = frozenset(["''", "”", "»"])
_LEFT_CONTEXT = set(" \t\n\r\f\v([{—–-/:\u00a0") | set("\"“”‘’'`«»")
_RIGHT_CONTEXT = set(" \t\n\r\f\v.,;:!?)]}—–-/\u00a0…") | set("\"“”‘’'`«»")
MAX_QUOTE_PARAGRAPHS = 12
_LABEL = re.compile(r"[A-Z][A-Z.]+(?: [A-Z][A-Z.]+){0,2}:")  # "WALLACE:" opens a transcript line


_MAX_FORMAT_RUN = 16  # format characters looked past beside a mark (bounded: no quadratic walls)


def _is_format(c: str) -> bool:
    """An invisible format character (U+200B, U+FEFF, U+202E...): category Cf."""
    return c > "\x7f" and unicodedata.category(c) == "Cf"


def _before(text: str, i: int) -> str:
    """The visible character before offset ``i`` (format characters skipped); a space at the start."""
    j, stop = i - 1, max(-1, i - 1 - _MAX_FORMAT_RUN)
    while j > stop and _is_format(text[j]):
        j -= 1
    return text[j] if j >= 0 else " "


def _after(text: str, i: int) -> str:
    """The visible character at or after offset ``i``; a space at the end."""
    j, stop = i, min(len(text), i + _MAX_FORMAT_RUN)
    while j < stop and _is_format(text[j]):
        j += 1
    return text[j] if j < len(text) else " "


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    text: str

    def opens(self, text: str) -> bool:
        """Could this mark open a quotation (left-flanking)? Invisible format
        characters beside it do not count: they are not what a reader sees."""
        return not _after(text, self.end).isspace() and (_before(text, self.start) in _LEFT_CONTEXT)

    def closes(self, text: str) -> bool:
        """Could this mark close a quotation (right-flanking)?"""
        return not _before(text, self.start).isspace() and (_after(text, self.end) in _RIGHT_CONTEXT)


def find_quotes(doc: Document) -> list[Quote]:
    """The quotations between marks, in text order, with no speaker and no id
    yet (``attribution.attribute`` gives both)."""
    text = doc.text
    double = _double_quoted(doc)
    single = _single_quoted(doc, double)
    # where double marks quote people, a paragraph that is one single-quoted line
    # is a subheading ("'A fight from start to finish.'")
    singles_are_heads = len(double) >= 2
    spans = sorted([(f, False) for f in double] + [(f, True) for f in single])
    furn = doc.furniture
    signs: list[Span] = []  # quotes read off signs so far
    out = []
    for frags, is_single in spans:
        frags = tuple(f for f in (_trim(text, f) for f in frags) if f is not None)
        if not frags:
            continue
        span = Span(frags[0].start, frags[-1].end)
        if _title_like(text, span) or _subhead(doc, span, any_case=is_single and singles_are_heads) \
                or _work_title(text, span) or furniture.inside(furn, span):
            continue
        if _sign(doc, span, signs[-1] if signs else None):
            signs.append(span)
            continue
        out.append(Quote(id="", kind=_kind(text, span), span=span, text=span.of(text),
                         fragments=frags if len(frags) > 1 else (), paragraph=doc.paragraph_at(span.start)))
    return out


def _trim(text: str, span: Span) -> Span | None:
    """The span without surrounding space; None for nothing worth quoting: no
    letters, or a stage direction in parentheses ("(CROSSTALK.)")."""
    a, b = span.start, span.end
    while a < b and (text[a].isspace() or _is_format(text[a])):
        a += 1
    while b > a and (text[b - 1].isspace() or _is_format(text[b - 1])):
        b -= 1
    if b <= a or not any(c.isalnum() for c in text[a:b]):
        return None
    if text[a] in "([" and text[a:b].rstrip(".").endswith((")", "]")):
        return None
    return Span(a, b)


def _double_quoted(doc: Document) -> list[tuple[Span, ...]]:
    """Pair double marks paragraph by paragraph. An unclosed quote continues
    into the next paragraph only if that paragraph opens with a mark (the
    newspaper convention for multi-paragraph quotes); otherwise it ends with
    its paragraph, so a stray mark never swallows the rest of the article."""
    text = doc.text
    out: list[tuple[Span, ...]] = []
    carry: list[Span] = []  # fragments of a quote running over paragraphs
    for pi, para in enumerate(doc.paragraphs):
        marks = [Mark(m.start(), m.end(), m.group()) for m in _DOUBLE.finditer(text, para.start, para.end)]
        open_at: int | None = None
        if carry:
            first = marks[0] if marks else None
            if first is not None and first.start == para.start and first.text not in CLOSERS \
                    and not _LABEL.match(text, first.end):
                open_at = first.end
                marks = marks[1:]
            else:
                out.append(tuple(carry))  # the multi-paragraph quote ended without its closing mark
                carry = []
        depth = 0  # quotations nested inside the open one with the same marks: “... “hell” ...”
        for n, m in enumerate(marks):
            if open_at is None:
                if m.text in CLOSERS and not m.opens(text):
                    continue
                if m.opens(text) or (m.text in OPENERS):
                    open_at = m.end
                continue
            # a quote is open: this mark closes it unless it can only open
            if m.text in OPENERS and not m.closes(text):
                if m.start - open_at > 1 and _nests(text, marks, n, depth):  # '"“': the first was stray
                    depth += 1
                    continue
                # two openers in a row: the first was stray
                open_at = m.end
                continue
            if depth and m.text in CLOSERS:
                depth -= 1
                continue
            if m.text == '"' and m.opens(text) and not m.closes(text):
                if m.start - open_at <= 1:
                    open_at = m.end
                    continue
            carry.append(Span(open_at, m.start))
            out.append(tuple(carry))
            carry, open_at = [], None
        if open_at is not None:
            carry.append(Span(open_at, para.end))
            if len(carry) >= MAX_QUOTE_PARAGRAPHS or pi == len(doc.paragraphs) - 1:
                out.append(tuple(carry))
                carry = []
    if carry:
        out.append(tuple(carry))
    return out


def _nests(text: str, marks: list[Mark], n: int, depth: int) -> bool:
    """Does the opening mark ``n``, met inside an open quotation, open one
    nested in it: do enough closing marks follow in the paragraph, before any
    other opener, for it and for every quotation open around it? A straight
    mark that can close counts ('"... the question: “Do you ...?” Forty-three, no."')."""
    closers = 0
    for m in marks[n + 1:]:
        if m.text in OPENERS:
            break
        if m.text in CLOSERS or (m.text == '"' and m.closes(text)):
            closers += 1
    return closers >= depth + 2


def _single_quoted(doc: Document, double: list[tuple[Span, ...]]) -> list[tuple[Span, ...]]:
    """Single marks used as quotation marks (headlines, British style),
    outside double-quoted text, within one paragraph."""
    text = doc.text
    inside = sorted(Span(max(0, f[0].start - 1), f[-1].end + 1) for f in double)
    inside_starts = [s.start for s in inside]

    def quoted(pos: int) -> bool:
        i = bisect_right(inside_starts, pos) - 1
        return i >= 0 and pos < inside[i].end

    out: list[tuple[Span, ...]] = []
    for para in doc.paragraphs:
        open_at: int | None = None
        for found in _SINGLE.finditer(text, para.start, para.end):
            # only an opening mark matters while no quotation is open, only a closing one while one is
            # (most are apostrophes: "’s", "don't"), so the others are passed over before anything is read
            if found.group() not in ("‘'‹" if open_at is None else "’'›") or quoted(found.start()):
                continue
            m = Mark(found.start(), found.end(), found.group())
            if open_at is None:
                if m.opens(text) and not _before(text, m.start).isalnum() and _after(text, m.end).isalpha():
                    open_at = m.end
            elif m.closes(text) and not _after(text, m.end).isalnum():
                if m.start - open_at >= 2:
                    out.append((Span(open_at, m.start),))
                open_at = None
    return out




def _title_like(text: str, span: Span) -> bool:
    """A short run of Title Case words inside a sentence names a show, book or
    slogan ("said on ABC's "This Week.""), it does not quote anyone."""
    content = span.of(text)
    words = [w.strip(".,!?:;") for w in content.split()]
    # a title with its subtitle ("The Long Road: A Life in Politics") may run longer
    if not words or len(words) > (14 if ":" in content.rstrip(".,!?:;") else 7):
        return False
    j = span.start - 1
    while j >= 0 and text[j] in "\"“”„«»‘’'` ":
        j -= 1
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words if w):
        return _named_at_start(text, span, words, j)
    if (_headline_cue_before(text, j) or _colon_closes_line(text, j, span)) and _ends_line(text, span.end) \
            or _uttered_after(text, j):
        return False
    return j >= 0 and (text[j].isalnum() or text[j] in ",;:") or _named_at_start(text, span, words, j)


_WORK_BEFORE = re.compile(r"(?:['’]s?|\b(?i:the|a|an|his|her|their|its|my|our|your))\s+(?:[a-z-]+\s+)?"
                          r"(?:commentary|column|op-ed|essay|editorial|article|book|piece|poem|song|film|novel"
                          r"|memoir|album|documentary|letter|report|speech),\s*[\"“”'‘’]*$")
_PREDICATE_AFTER = re.compile(r"[\"“”'‘’]*,?\s+(?:is|was|are|were|has|had)\b")


def _work_title(text: str, span: Span) -> bool:
    """A work named in apposition: "Ruiz's essay, "Let the harbor breathe," is
    thoughtful". The words in marks are its title; the sentence goes on about
    the work, so nobody is quoted."""
    # the anchored test after the marks first: it fails at once for most quotations
    return _PREDICATE_AFTER.match(text, span.end) is not None \
        and _WORK_BEFORE.search(text, max(0, span.start - 60), span.start) is not None


def _headline_cue_before(text: str, j: int) -> bool:
    """Does a capitalised speech verb end at ``text[j]``, a Title Case
    headline's cue (Mayor Says "We Will Rebuild")? Its quote is the
    speaker's words in headline case, not a title."""
    m = _WORD_BEFORE.search(text, max(0, j - 30), j + 1) if j >= 0 else None
    return m is not None and m.group()[:1].isupper() and not m.group().isupper() \
        and m.group().rstrip(":").lower() in _speech_forms()


def _colon_closes_line(text: str, j: int, span: Span) -> bool:
    """Does a colon at ``text[j]`` open a quoted sentence (a stop inside the
    marks) in the text's first line, its headline ("Mayor: 'We Will Rebuild.'")?
    The words are the claim of whoever the headline names, not a title."""
    return 0 <= j < _HEADLINE_CHARS and text[j] == ":" and "\n" not in text[:j] \
        and text[span.end - 1:span.end] in ".!?"


_HEADLINE_CHARS = 300  # a headline is short; looking no further keeps the check constant-time


def _uttered_after(text: str, j: int) -> bool:
    """Does a verb of speech in lower case end at ``text[j]`` (or before a comma
    or colon there): the words in marks are what was said, in capitals or not
    ("a man yelled "Stay there!"", "Some chanted "USA! USA!"", "said, "No.""),
    not a title. Verbs that take a work or a listener as object ("wrote",
    "called", "told") may name a title and do not count, nor a participle
    ("were shown chanting "..."": whose words they are is not said)."""
    if j >= 0 and text[j] in ",:":
        j -= 1
    m = _WORD_BEFORE.search(text, max(0, j - 30), j + 1) if j >= 0 else None
    return m is not None and m.group().islower() and not m.group().endswith("ing") \
        and m.group() in _uttered_forms()


# speech verbs whose object may be a title or a name, or is the listener
_NAMING_LEMMAS = frozenset("call write read sing quote post text email tell ask inform advise brief notify "
                           "lecture assure warn detail cite".split())


@lru_cache(maxsize=1)
def _uttered_forms() -> frozenset[str]:
    """One-word forms of the verbs of speech whose object is what was said."""
    return frozenset(form for row in rows("cue_verbs") if row[2] in ("speech", "speech-that")
                     and row[0] not in _NAMING_LEMMAS for form in row[1].split(",") if " " not in form)


def _ends_line(text: str, at: int) -> bool:
    """Does the line end after the quote at ``at`` (past its marks and a stop)?
    A headline quote that is its cue's whole complement."""
    k = at
    while k < len(text) and text[k] in "\"“”„«»‘’'`.!?":
        k += 1
    return k >= len(text) or text[k] == "\n"


_WORD_BEFORE = re.compile(r"[A-Za-z]+:?$")


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """One-word forms of the speech verbs ("says", "tells", "warns")."""
    return frozenset(form for row in rows("cue_verbs") if row[2] in ("speech", "speech-that")
                     for form in row[1].split(",") if " " not in form)


@lru_cache(maxsize=1)
def _cue_forms() -> frozenset[str]:
    return frozenset(w for row in rows("cue_verbs") for form in row[1].split(",") for w in form.split()[:1])


def _named_at_start(text: str, span: Span, words: list[str], j: int) -> bool:
    """A quoted name opening a sentence and used as a modifier ("“Night
    Ferry” star Ana Ruiz", "“Go Home” signs"): mostly Title Case, no closing
    punctuation inside the marks, a lower-case noun (no cue verb) right after."""
    if j >= 0 and text[j] not in ".!?\n":
        return False
    if text[span.end - 1:span.end] in ".,!?;:" or sum(w[:1].isupper() for w in words) < 0.6 * len(words):
        return False
    k = span.end
    while k < len(text) and text[k] in "\"“”„«»‘’'`":
        k += 1
    if k == span.end or k >= len(text) or text[k] != " ":
        return False
    m = _NEXT_WORD.match(text, k + 1)
    return m is not None and m.group().islower() and m.group() not in _cue_forms() \
        and m.group() not in SUBJECT_PRONOUNS


_NEXT_WORD = re.compile(r"[A-Za-z]+")
# what a sign, banner or shirt says is written on it, not said: "signs reading "Go home"",
# "a banner hung from the gate read "...""
_SIGN = re.compile(r"\b(?:%s)\b[^.!?\"“”]{0,80}?\b(?:read|reads|reading|that read|bearing(?: the words?)?|saying|that said|"
                   r"that says|says|emblazoned with(?: the words?)?|with the words?)[ \t]*[:,]?[ \t]*[\"“”„«‘']*$" % "|".join(
                       re.escape(w) for w in sorted(rows_words("sign_nouns"), key=len, reverse=True)), re.I)
_SIGN_CUE = re.compile(r"(?:read|reads|reading|bearing|saying|said|says|with|words?)[ \t]*[:,]?[ \t]*[\"“”„«‘']*$", re.I)
_SIGN_AND = re.compile(r"[\"”’'.,]*[ \t]*(?:,|and|or|, and)[ \t]*[\"“‘']*$")


def _sign(doc: Document, span: Span, last: Span | None) -> bool:
    """Words written on a sign, placard, banner or shirt (not a quotation), and
    the next of a list of them ("signs reading "Go home" and "Not here""). Looked
    at within the quote's sentence, at most 120 characters back."""
    text = doc.text
    sent = doc.sentence_at(span.start)
    start = max(sent.span.start if sent else 0, span.start - 120)
    if last is not None and last.end >= start and _SIGN_AND.fullmatch(text, last.end, span.start):
        return True
    if _SIGN_CUE.search(text, max(start, span.start - 32), span.start) is None:
        return False  # no verb of writing right before the mark: the cheap test first
    return _SIGN.search(text, start, span.start) is not None


def _only(text: str, i: int, stop: int, step: int, chars: str) -> bool:
    """Are the characters from ``i`` to ``stop`` (exclusive, by ``step``) all in ``chars``?"""
    while (i < stop) if step > 0 else (i > stop):
        if text[i] not in chars:
            return False
        i += step
    return True


def _subhead(doc: Document, span: Span, any_case: bool = False) -> bool:
    """A paragraph that is nothing but a short quoted Title Case line (or, with
    ``any_case``, any short line) is a subheading ("'Legend of the Harbor.'"),
    not a quotation."""
    text = doc.text
    para = doc.paragraphs[doc.paragraph_at(span.start)]
    # scanned from the quote outwards, stopping at the first other character: no copy
    # of the paragraph per quote, so a long paragraph of many quotes stays linear
    if not _only(text, span.start - 1, para.start - 1, -1, "\"“”„«»‘’'` ") \
            or not _only(text, span.end, para.end, 1, "\"“”„«»‘’'` .,"):
        return False
    words = [w.strip(".,!?:;") for w in span.of(text).split()]
    if any_case:
        return 0 < len(words) <= 8
    return 0 < len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS
                                       for w in words if w)


def _kind(text: str, span: Span) -> QuoteKind:
    """direct for a quoted sentence or clause; partial for a few quoted words
    inside the writer's own sentence ("called the plan 'reckless'")."""
    content = span.of(text)
    first = next((c for c in content if c.isalpha()), "")
    j = span.start - 1
    while j >= 0 and (text[j] in "\"“”„«»‘’'`" or text[j] == " "):
        j -= 1
    before = text[j] if j >= 0 else "\n"
    embedded = before.isalnum() or before in ")%"
    nwords = len(content.split())
    if first.islower() and (embedded or nwords <= 3):
        return "partial"
    if embedded and nwords <= 5 and content.rstrip()[-1:] not in ".!?":
        return "partial"
    return "direct"


def close_end(text: str, q: Quote) -> int:
    """Offset just after the closing mark(s) of a quote."""
    i = q.span.end
    if text[i:i + 1] in (" ", "\u00a0", "\u2009", "\u202f") and text[i + 1:i + 2] in ("\"", "”", "'", "’", "»"):
        i += 1  # a space set between a nested mark and the outer one: "... 'above the law,' " said Ann.
    while i < len(text) and (text[i] in "\"“”'’»`" or text[i] in ".,!?" and i + 1 < len(text) and text[i + 1] in "\"“”'’"):
        i += 1
    return i


def open_start(text: str, q: Quote) -> int:
    """Offset of the opening mark(s) of a quote."""
    i = q.span.start
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    while i > 0 and text[i - 1] in "\"“”'‘«`":
        i -= 1
    return i if i < q.span.start and text[i] not in " \u00a0" else q.span.start
