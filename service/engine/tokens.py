"""Word tokens with character offsets, the unit the pattern stages work on."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words keep inner apostrophes, periods (U.S., Jan.) and hyphens; every other
# non-space character is a token of its own. Two-character quote marks ('' ``)
# are single tokens.
_TOKEN = re.compile(
    r"``|''|[A-Za-z]\.(?:[A-Za-z]\.)+|\w+(?:[’'\-\.]\w+)*(?:\.(?=\s+[a-z,]))?|[^\w\s]"
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
