"""Document: the article as plain text, its paragraphs and sentences, and an
offset map back to the string the client sent (plain text, Markdown or HTML).

Sentence splitting is NLTK's Punkt with abbreviation parameters we supply,
so nothing is downloaded (``lexicon/abbreviations.txt``).
"""
from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Literal

from . import lazy
from .errors import InputError
from .lexicon import words
from .model import Sentence, Span
from .tokens import Token, between, joined, tokenize

if TYPE_CHECKING:
    from .furniture import Furniture
    from nltk.tokenize.punkt import PunktSentenceTokenizer

Format = Literal["text", "markdown", "html"]
FORMATS: tuple[str, ...] = ("text", "markdown", "html")

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # control characters that text does not hold
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NEWLINE = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Document:
    """Plain ``text`` with paragraphs and sentences as spans into it.

    ``source`` is what the client sent; for plain text it is ``text`` itself
    and the offset map is the identity.
    """

    text: str
    source: str
    format: str = "text"
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    set_aside: tuple[Span, ...] = ()  # in ``text`` but not prose (Markdown code): never audited
    _starts: array | None = field(default=None, repr=False, compare=False)
    _ends: array | None = field(default=None, repr=False, compare=False)
    # each paragraph's tokens and, of paragraphs not tokenised yet, sentences'
    # (paragraph -> sentence start -> tokens), made on first use; not copied by
    # ``replace``: a document with other text has other tokens
    _tokens: dict[int, list[Token]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _sentence_tokens: dict[int, dict[int, list[Token]]] = field(default_factory=dict, init=False, repr=False,
                                                                 compare=False)

    @cached_property
    def furniture(self) -> tuple[Furniture, ...]:
        """The page furniture (``furniture.find``), found once for this document
        and kept with it, so no stage keeps one audit's text for the next."""
        from .furniture import find  # furniture reads documents
        return find(self)

    def to_source(self, span: Span) -> Span:
        """Map a span of ``text`` to the matching span of ``source``."""
        if self._starts is None or self._ends is None:
            return span
        if span.start == span.end:
            at = self._starts[span.start] if span.start < len(self.text) else len(self.source)
            return Span(at, at)
        return Span(self._starts[span.start], self._ends[span.end - 1])

    def from_source(self, span: Span) -> Span | None:
        """The span of ``text`` that ``span`` of ``source`` maps back to: the
        characters whose source lies inside it; None if no character does."""
        if self._starts is None or self._ends is None:
            return span
        starts = self._starts
        i = bisect.bisect_left(starts, span.start, 0, len(self.text))
        j = bisect.bisect_right(self._ends, span.end, i, len(self.text))
        return Span(i, j) if i < j else None

    def audited(self) -> Document:
        """This document as the stages read it: set-aside spans blanked
        (newlines kept), so offsets stay those of ``text``."""
        if not self.set_aside:
            return self
        return replace(self, text=_blank(self.text, self.set_aside))

    def paragraph_tokens(self, paragraph: int) -> list[Token]:
        """Tokens of paragraph number ``paragraph``, made once (from those of
        its sentences already made, ``tokens.joined``). Callers must not
        change the list."""
        toks = self._tokens.get(paragraph)
        if toks is None:
            p = self.paragraphs[paragraph]
            made = self._sentence_tokens.pop(paragraph, None)
            toks = joined(self.text, p.start, p.end, sorted(made.items())) if made \
                else tokenize(self.text, p.start, p.end)
            self._tokens[paragraph] = toks
        return toks

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        """Tokens of one of the document's sentences, made once (read off its
        paragraph's when those are made, ``tokens.between``). Callers must
        not change the list."""
        s = sentence.span
        whole = self._tokens.get(sentence.paragraph)
        if whole is not None:
            return between(whole, self.text, s.start, s.end)
        made = self._sentence_tokens.setdefault(sentence.paragraph, {})
        toks = made.get(s.start)
        if toks is None:
            toks = made[s.start] = tokenize(self.text, s.start, s.end)
        return toks

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid].span
            if offset < s.start:
                hi = mid
            elif offset >= s.end:
                lo = mid + 1
            else:
                return self.sentences[mid]
        return None

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding (or first after) ``offset``."""
        lo, hi = 0, len(self.paragraphs)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.paragraphs[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, max(0, len(self.paragraphs) - 1))

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column of an offset into ``source``."""
        line = self.source.count("\n", 0, source_offset) + 1
        col = source_offset - (self.source.rfind("\n", 0, source_offset) + 1) + 1
        return line, col


# --- loading -----------------------------------------------------------------

def load(source: object, format: str = "text", max_chars: int | None = 2_000_000, *,
         sentences: bool = True) -> Document:
    """Build a Document from what a client sent; raise InputError if it
    cannot be audited (not a string, binary, too large, unknown format).
    ``sentences=False``: the text and its map only (to show it, not audit it)."""
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(f"input is not valid UTF-8 (byte {e.start})") from None
    if not isinstance(source, str):
        raise InputError(f"input must be text, not {type(source).__name__}")
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    if max_chars is not None and len(source) > max_chars:
        raise InputError(f"input is {len(source):,} characters; the limit is {max_chars:,}")
    if _looks_binary(source):
        raise InputError("input looks like binary data, not text")
    aside: tuple[Span, ...] = ()  # set-aside code (Markdown, HTML)
    if format == "text":
        text, starts, ends = source, None, None
    else:
        builder = _PlainBuilder(source)
        if format == "html":
            _extract_html(source, builder)
        else:
            _extract_markdown(source, builder)
        text, starts, ends = builder.result()
        aside = tuple(builder.set_aside)
    prose = _blank(text, aside) if aside else text  # paragraphs and sentences of the prose alone
    paragraphs = _paragraphs(prose) if sentences else ()
    return Document(text, source, format, paragraphs, tuple(_sentences(prose, paragraphs)), aside, starts, ends)


def _blank(text: str, spans: tuple[Span, ...]) -> str:
    """``text`` with each span's characters but newlines turned into spaces."""
    parts, pos = [], 0
    for sp in spans:
        parts.append(text[pos:sp.start])
        parts.append(re.sub(r"[^\n]", " ", text[sp.start:sp.end]))
        pos = sp.end
    parts.append(text[pos:])
    return "".join(parts)


def _looks_binary(s: str) -> bool:
    if "\x00" in s:
        return True
    sample = s[:4096]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls > max(8, len(sample) // 20)


def _paragraphs(text: str) -> tuple[Span, ...]:
    """Blank-line separated blocks; single lines when the text has no blank line."""
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    out, pos = [], 0
    for m in sep.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    spans = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append(Span(a, b))
    return tuple(spans)


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    punkt = lazy.punkt()  # imported on first use, without the rest of NLTK
    params = punkt.PunktParameters()
    params.abbrev_types = set(words("abbreviations"))
    tok = punkt.PunktSentenceTokenizer(params, lang_vars=_unguarded_lang_vars(punkt)(),
                                       token_cls=_unguarded_token(punkt))
    # Punkt asks of each candidate break's few words ("Mr. Trump", "said. The")
    # whether they hold a sentence break, building a token object per word
    # each time; with fixed parameters the answer depends on those words
    # alone, and on news text most questions are asked again once the words
    # that cannot change the answer are set aside (``_context_key``).
    asked = lru_cache(maxsize=8192)(tok.text_contains_sentbreak)
    abbreviations = frozenset(params.abbrev_types)
    tok.text_contains_sentbreak = lambda context: asked(_context_key(context, abbreviations))
    return tok


# A candidate break's context is the word before the stop, the stop and the
# next run of non-space characters. With our parameters (abbreviations only:
# no collocations, sentence starters or orthographic counts) Punkt reads of a
# word of two or more letters before ". " only whether it is an abbreviation,
# and of a next token of letters alone only its first letter's case (its type
# is looked up in those empty tables): such words are replaced by one of the
# same kind, so the memo holds one entry for "said. The" and "reported. Many".
_WORD_BEFORE_STOP = re.compile(r"[A-Za-z]{2,}(?=\.\s)")
_CAPITALISED_NEXT = re.compile(r"(?<=\s)[A-Z][a-z]*$")
_SAME_WORD_BEFORE = "xx"
_SAME_NEXT = "Xx"


def _context_key(context: str, abbreviations: frozenset[str]) -> str:
    """``context`` with the words whose spelling cannot change Punkt's
    answer replaced by stand-ins of the same kind."""
    m = _WORD_BEFORE_STOP.match(context)
    if m is not None and m.group().lower() not in abbreviations:
        context = _SAME_WORD_BEFORE + context[m.end():]
    return _CAPITALISED_NEXT.sub(_SAME_NEXT, context, count=1)


# NLTK (3.9.3 on) runs every regex through ``nltk.redos``: a Python wrapper that
# passes a wall-clock timeout to each match, about half of Punkt's time on news
# text. Punkt's own patterns are NLTK's constants, not a caller's, so the engine
# compiles the same sources with the same ``regex`` engine and flags (the same
# matches by construction) and calls them directly; a runaway article is bounded
# by the engine's deadline instead.
def _unguarded(pattern):
    """``pattern`` compiled again without NLTK's ReDoS wrapper (as is when it has none)."""
    import regex

    if type(pattern).__name__ != "TimedPattern":
        return pattern
    return regex.compile(pattern.pattern, pattern.flags)


def _kept(obj, attr: str, make):
    """``obj.attr``, made unwrapped by ``make`` on first use."""
    try:
        return getattr(obj, attr)
    except AttributeError:
        setattr(obj, attr, _unguarded(make()))
        return getattr(obj, attr)


def _unguarded_lang_vars(punkt):
    """Punkt's language variables (English) with unwrapped patterns."""
    base = punkt.PunktLanguageVars

    class LanguageVars(base):
        __slots__ = ()
        re_boundary_realignment = _unguarded(base.re_boundary_realignment)

        # NLTK builds these two on first use and keeps them on the instance; so do we, unwrapped
        def _word_tokenizer_re(self):
            return _kept(self, "_re_word_tokenizer", lambda: base._word_tokenizer_re(self))

        def period_context_re(self):
            return _kept(self, "_re_period_context", lambda: base.period_context_re(self))

    return LanguageVars


def _unguarded_token(punkt):
    """Punkt's token class with unwrapped patterns."""
    base = punkt.PunktToken

    class Token(base):
        __slots__ = ()
        _RE_ELLIPSIS = _unguarded(base._RE_ELLIPSIS)
        _RE_NUMERIC = _unguarded(base._RE_NUMERIC)
        _RE_INITIAL = _unguarded(base._RE_INITIAL)
        _RE_ALPHA = _unguarded(base._RE_ALPHA)

    return Token


_STOP = re.compile(r"[.?!…]")


_LOWER_START = re.compile(r"[\"“‘'(\[]*[a-z]")


# ``string.whitespace``, the characters Punkt looks back for before a candidate break
_LAST_WHITESPACE = re.compile(r".*[ \t\n\r\x0b\x0c]", re.S)


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    """``_punkt().span_tokenize(text)``, the same spans by the same steps
    (NLTK 3.10's ``_match_potential_end_contexts``, ``_slices_from_text`` and
    ``_realign_boundaries``) in one loop: no generator, slice object or
    character-by-character look back per candidate break (NLTK is pinned in
    requirements.txt; the tests compare the spans with NLTK's own)."""
    tok = _punkt()
    lang = tok._lang_vars
    breaks = tok.text_contains_sentbreak
    slices: list[tuple[int, int]] = []
    last_break = 0

    def ask(match, start: int, stop: int) -> None:
        # is there a break in the word before the stop, the stop and what follows it?
        nonlocal last_break
        if breaks(text[start:stop] + match.group() + match.group("after_tok")):
            slices.append((last_break, match.end()))
            last_break = match.start("next_tok") if match.group("next_tok") else match.end()

    prev, prev_start, prev_stop = None, 0, 0  # the previous candidate and the word before it
    for match in lang.period_context_re().finditer(text):
        at = match.start()
        ws = _LAST_WHITESPACE.match(text, prev_stop, at)
        # the word before the stop starts after the last whitespace since the previous
        # candidate; as in NLTK, whitespace right at that candidate counts as none
        word = ws.end() if ws is not None and ws.end() - 1 > prev_stop else prev_start
        if prev is not None and prev_stop <= word:
            ask(prev, prev_start, prev_stop)
        prev, prev_start, prev_stop = match, word, at
    if prev is not None:
        ask(prev, prev_start, prev_stop)
    slices.append((last_break, len(text.rstrip())))

    out: list[tuple[int, int]] = []
    realign = 0
    last = len(slices) - 1
    for k, (a, b) in enumerate(slices):
        a += realign
        if k < last:
            c, d = slices[k + 1]
            m = lang.re_boundary_realignment.match(text[c:d])
            if m:  # "(Sent1.) Sent2.": the closing bracket stays with the first sentence
                out.append((a, c + len(m.group(0).rstrip())))
                realign = m.end()
                continue
            realign = 0
        if a < b:
            out.append((a, b))
    return out


def _sentences(text: str, paragraphs: tuple[Span, ...]):
    for i, p in enumerate(paragraphs):
        # a paragraph with no stop before its last few characters is one sentence:
        # no need to ask Punkt (most news paragraphs are short)
        if not _STOP.search(text, p.start, max(p.start, p.end - 4)):
            yield Sentence(p, i)
            continue
        chunk = p.of(text)
        last: tuple[int, int] | None = None
        for a, b in _punkt_spans(chunk):
            if last is not None and _LOWER_START.match(chunk, a):
                last = (last[0], b)  # "Rob Lee (D-N.J.) all said ...": no sentence opens in lower case
                continue
            if last is not None:
                yield Sentence(Span(p.start + last[0], p.start + last[1]), i)
            last = (a, b)
        if last is not None:
            yield Sentence(Span(p.start + last[0], p.start + last[1]), i)


# --- markup to plain text with an offset map -----------------------------------

class _PlainBuilder:
    """Accumulates plain text, remembering each character's source range."""

    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.starts = array("l")
        self.ends = array("l")
        self.set_aside: list[Span] = []

    def add_aside(self, content: str, start: int, end: int) -> int:
        """Like ``add_aligned``, for text kept but not audited (code)."""
        at = len(self.starts)
        pos = self.add_aligned(content, start, end)
        if len(self.starts) > at:
            self.set_aside.append(Span(at, len(self.starts)))
        return pos

    def add(self, text: str, at: int) -> None:
        """Text copied verbatim from ``source[at:at+len(text)]``."""
        self.parts.append(text)
        self.starts.extend(range(at, at + len(text)))
        self.ends.extend(range(at + 1, at + len(text) + 1))

    def add_char(self, char: str, start: int, end: int) -> None:
        """One character standing for ``source[start:end]`` (an entity, a break)."""
        self.parts.append(char)
        self.starts.append(start)
        self.ends.append(end)

    def add_aligned(self, content: str, start: int, end: int) -> int:
        """Text decoded from ``source[start:end]`` (escapes, entities): align it
        greedily character by character; return where the alignment ended."""
        pos = start
        found = self.source.find(content, start, end) if content else -1
        if found >= 0:
            self.add(content, found)
            return found + len(content)
        for ch in content:
            hit = self.source.find(ch, pos, min(end, pos + 12))
            if hit < 0:
                self.add_char(ch, pos, pos)
            else:
                self.add_char(ch, hit, hit + 1)
                pos = hit + 1
        return pos

    def breaks(self, at: int, n: int = 2) -> None:
        """Paragraph break standing at ``at`` (no source characters)."""
        tail = "".join(self.parts[-3:])
        have = len(tail) - len(tail.rstrip("\n"))
        if not self.parts:
            return
        for _ in range(max(0, n - have)):
            self.add_char("\n", at, at)

    def result(self) -> tuple[str, array, array]:
        text = "".join(self.parts)
        self.starts.append(len(self.source))  # sentinel for empty spans at the end
        return text, self.starts, self.ends


_BLOCK_TAGS = frozenset(
    "p div section article header footer aside main nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
    "blockquote pre table tr td th thead tbody tfoot figure figcaption hr br address details "
    "summary form fieldset caption".split()
)
_SKIP_TAGS = frozenset("script style noscript template head svg math iframe object textarea".split())


class _HTMLText(HTMLParser):
    def __init__(self, source: str, builder: _PlainBuilder, base: int = 0):
        super().__init__(convert_charrefs=False)
        self.src = source
        self.b = builder
        self.base = base
        self.skip = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "br":
            self.b.breaks(self._pos(), 1)
        elif tag in _BLOCK_TAGS:
            self.b.breaks(self._pos())

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.b.breaks(self._pos(), 1)
        elif tag in _BLOCK_TAGS:
            self.b.breaks(self._pos())

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.b.breaks(self._pos())

    def handle_data(self, data):
        if not self.skip:
            self.b.add(data, self._pos())

    def _ref(self, raw: str, char: str):
        if self.skip:
            return
        at = self._pos()
        end = at + len(raw)
        if self.b.source.startswith(raw + ";", at):
            end += 1
        self.b.add_char(char, at, end)

    def handle_entityref(self, name):
        from html import unescape

        char = unescape(f"&{name};")
        self._ref("&" + name, char if len(char) == 1 else " ")

    def handle_charref(self, name):
        from html import unescape

        char = unescape(f"&#{name};")
        self._ref("&#" + name, char if len(char) == 1 else " ")


def _extract_html(source: str, builder: _PlainBuilder, base: int = 0) -> None:
    parser = _HTMLText(source, builder, base)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read
        pass


def _extract_markdown(source: str, builder: _PlainBuilder) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)] + [len(source)]
    tokens = md.parse(source)
    for tok in tokens:
        if tok.map is None:
            continue
        start = line_starts[min(tok.map[0], len(line_starts) - 1)]
        end = line_starts[min(tok.map[1], len(line_starts) - 1)]
        if tok.type == "inline":
            builder.breaks(start)
            _markdown_inline(tok.children or [], builder, start, end)
        elif tok.type == "html_block":
            builder.breaks(start)
            _extract_html(source[start:end], builder, base=start)
        elif tok.type in ("fence", "code_block"):
            # code is kept in the text (offsets as written) but set aside: not prose
            builder.breaks(start)
            body = line_starts[min(tok.map[0] + (tok.type == "fence"), len(line_starts) - 1)]
            builder.add_aside(tok.content.rstrip("\n"), body, end)
    builder.breaks(len(source))


def _markdown_inline(children, builder: _PlainBuilder, pos: int, end: int) -> None:
    src = builder.source
    for child in children:
        if child.type == "text":
            pos = builder.add_aligned(child.content, pos, end)
        elif child.type == "code_inline":
            pos = builder.add_aside(child.content, pos, end)  # kept for locations, never audited
        elif child.type == "softbreak":
            nl = src.find("\n", pos, end)
            at = nl if nl >= 0 else pos
            builder.add_char(" ", at, at + 1 if nl >= 0 else at)
            pos = at + 1 if nl >= 0 else pos
        elif child.type == "hardbreak":
            nl = src.find("\n", pos, end)
            at = nl if nl >= 0 else pos
            builder.add_char("\n", at, at + 1 if nl >= 0 else at)
            pos = at + 1 if nl >= 0 else pos
        elif child.type == "html_inline":
            found = src.find(child.content, pos, end)
            if found >= 0:
                pos = found + len(child.content)
        elif child.type == "image":
            # skip the image syntax entirely: alt text is not prose
            close = src.find(")", pos, end)
            if close >= 0:
                pos = close + 1
