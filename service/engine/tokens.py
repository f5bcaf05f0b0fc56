"""Word tokens with character offsets, the unit the pattern stages work on."""
from __future__ import annotations

import re
from functools import lru_cache
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
    r"|\w+(?:[’'\-\.]\w+)*(?:\.(?=\s+[a-z,]))?|[^\w\s]"
)


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
    make = tuple.__new__
    out = []
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        c = t[0]
        out.append(make(Token, (m.start(), m.end(), t, t.lower(), c.isalnum(), c.isupper())))
    return out


@lru_cache(maxsize=512)
def paragraph_tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokens of one paragraph, cached: the quote, reported-speech and
    attribution stages all read them. Callers must not mutate the list."""
    return tokenize(text, start, end)


def index_at(tokens: list[Token], offset: int) -> int:
    """Index of the first token starting at or after ``offset`` (binary search)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo
