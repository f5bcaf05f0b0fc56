"""Word tokens with character offsets, the unit the pattern stages work on."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

from .lexicon import words

# Words keep inner apostrophes, periods (U.S., Jan.) and hyphens; known
# abbreviations (Mr., Sen., Jan.) and initials (R.) keep their period; every
# other non-space character is a token of its own. Two-character quote marks
# ('' ``) are single tokens.
# Capitalised abbreviations only, and not those that are also common words
# ending a sentence ("he was ill.", "in Jackson, Miss.").
_AMBIGUOUS = frozenset("ill wash mass miss ore sat sun mon wed fri thu tue tues thur thurs la pa del ind mo "
                       "est fig p pp v vs etc".split())
_ABBREVIATIONS = "|".join(sorted((re.escape(w.capitalize()) for w in words("abbreviations")
                                  if "." not in w and w not in _AMBIGUOUS), key=len, reverse=True))
_TOKEN = re.compile(
    r"``|''|--|[A-Za-z]\.(?:[A-Za-z]\.)+|\b(?=[A-Z][a-z]*\.)(?:" + _ABBREVIATIONS + r")\.|\b[A-Z]\.(?=\s+[A-Z])"
    r"|\w+(?:[’'\-\.]\w+)*(?:\.(?=\s+[a-z,]|,))?|[^\w\s]"
)
# the same pattern as one group: ``split`` gives the tokens and the gaps between them, in C
_SPLIT = re.compile(f"({_TOKEN.pattern})")
_FIRST = itemgetter(0)
_START = attrgetter("start")


class Token(NamedTuple):
    """A word or punctuation mark (a named tuple: tokens are made by the
    hundred thousand, and tuples are the cheapest immutable records)."""

    start: int
    end: int
    text: str
    lower: str  # text.lower(), computed once: the pattern stages compare it often
    is_word: bool  # starts with a letter or digit
    is_cap: bool  # starts with a capital


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        # ``\b`` at ``start`` reads the character before it, which a slice would hide
        return list(tokenize_iter(text, start, end))
    # The tokens and the gaps between them from one ``split`` of the slice
    # (``finditer`` stops at ``end`` as the slice does), offsets by summing
    # lengths, and the records built by ``map``: no Python code runs per
    # token, as it does in a loop over match objects.
    parts = _SPLIT.split(text[start:end])  # gap, token, gap, token, ..., gap
    at = list(accumulate(map(len, parts), initial=start))
    toks = parts[1::2]
    firsts = "".join(map(_FIRST, toks))  # one character a token: a string is cheaper to make than a list
    return list(map(tuple.__new__, repeat(Token), zip(at[1::2], at[2::2], toks, map(str.lower, toks),
                                                      map(str.isalnum, firsts), map(str.isupper, firsts))))


def tokenize_iter(text: str, start: int, end: int):
    """``tokenize``, one token at a time."""
    make = tuple.__new__
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        c = t[0]
        yield make(Token, (m.start(), m.end(), t, t.lower(), c.isalnum(), c.isupper()))


def between(tokens: list[Token], text: str, start: int, end: int) -> list[Token]:
    """``tokenize(text, start, end)``, read off ``tokens``: the tokens of a
    wider span of ``text`` (a paragraph's, for one of its sentences).

    A token's match reads at most its run of non-space characters, one
    character after it and, past a full stop, the spaces to the next
    character ("U.S. officials", "R. Kelly"): a token whose run ends before
    the last run starting before ``end`` is the same either way; the tokens
    of that last run are made again, since they may have read past ``end``."""
    i = index_at(tokens, start)
    if i > 0 and tokens[i - 1].end > start:  # ``start`` cuts a token
        return tokenize(text, start, end)
    k = _last_run(tokens, text, i, index_at(tokens, end, i))
    if k <= i:
        return tokenize(text, start, end)
    return tokens[i:k] + tokenize(text, tokens[k].start, end)


def joined(text: str, start: int, end: int, pieces: list[tuple[int, list[Token]]]) -> list[Token]:
    """``tokenize(text, start, end)``, reusing tokens already made of spans
    inside it (a paragraph's sentences): ``pieces`` are ``(at, tokens)`` in
    text order, each ``tokens`` those of a span from ``at`` to at most
    ``end``. A piece starting a run of non-space characters gives its tokens
    but those of its last run (as in ``between``); the rest are made."""
    out: list[Token] = []
    pos = start  # where the tokens still to make begin: a run's start
    for at, toks in pieces:
        if at < pos or (at > start and not text[at - 1].isspace()):
            continue
        k = _last_run(toks, text, 0, len(toks))
        if k <= 0:
            continue
        out += _until(text, pos, end, at)
        out += toks[:k]
        pos = toks[k].start
    out += tokenize(text, pos, end)
    return out


def _last_run(tokens: list[Token], text: str, i: int, j: int) -> int:
    """Index of the first token of the last run of non-space characters
    among ``tokens[i:j]`` (``i - 1`` when there are none)."""
    k = j - 1
    while k > i and not text[tokens[k].start - 1].isspace():
        k -= 1
    return k


def _until(text: str, start: int, end: int, stop: int) -> list[Token]:
    """The tokens of ``tokenize(text, start, end)`` that start before ``stop``."""
    out = []
    for t in tokenize_iter(text, start, end):
        if t.start >= stop:
            break
        out.append(t)
    return out


def index_at(tokens: list[Token], offset: int, lo: int = 0) -> int:
    """Index of the first token starting at or after ``offset`` (binary
    search, from index ``lo`` on; ``bisect`` takes the same steps in C that
    a loop here would take in Python, and the pattern stages ask often)."""
    return bisect_left(tokens, offset, lo, key=_START)
