"""Titles in running text: the title written before a name ("Secretary of
State John Kerry") and the roles a title or descriptor names."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Span
from ..lexicon import table
from .reading import FUNCTION_WORDS, HONORIFICS, TITLE_MODIFIERS, titles_lookup

MAX_TITLE_WORDS = 5
_TOKEN = re.compile(r"\S+")


def roles(phrase: str, house: frozenset[str]) -> set[str]:
    """Roles named anywhere in a title or descriptor: "the Florida senator" -> {senator}."""
    titles = titles_lookup(house)
    toks = [t.strip(",").lower() for t in phrase.split()]
    out = set()
    for n in (1, 2, 3, 4):
        for i in range(len(toks) - n + 1):
            r = titles.get(" ".join(toks[i:i + n]))
            if r and r[0] not in ("mr", "mrs", "ms"):
                out.add(r[0])
    return out


@lru_cache(maxsize=None)
def _title_last_words(house: frozenset[str]) -> frozenset[str]:
    return frozenset(t.split()[-1] for t in titles_lookup(house))


def title_before(text: str, pos: int, lo: int, house: frozenset[str]) -> Span | None:
    """The title written right before a name at ``pos``: "Secretary of State"
    in "Secretary of State John Kerry said" (a courtesy title alone is none)."""
    lo = max(lo, pos - 120)
    if pos <= lo or not text[pos - 1].isspace():
        return None
    # cheap test first: is the word before the name the last word of a title?
    k = pos - 1
    while k > lo and text[k - 1].isspace():
        k -= 1
    w = text[max(lo, text.rfind(" ", lo, k) + 1):k].lower()
    if w not in _title_last_words(house):
        return None
    titles = titles_lookup(house)
    # the words before ``pos`` back to ``lo`` (the first cut there), from the last one; ``\S+``
    # reads no character outside the bounds it is given, so bounds and a slice match alike
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, pos)]
    lows = [t[2].lower() for t in toks[-MAX_TITLE_WORDS:]]
    best = 0
    for n in range(1, min(MAX_TITLE_WORDS, len(toks)) + 1):
        if toks[-n][2][-1] in ",;:\"“”()" and n > 0:
            break
        if " ".join(lows[-n:]) in titles:
            best = n
    if not best:
        return None
    phrase = " ".join(lows[-best:])
    if phrase in HONORIFICS and HONORIFICS[phrase] in ("m", "f"):
        return None
    j = len(toks) - best
    added = 0
    while j > 0 and added < 4:
        w = toks[j - 1][2]
        if w[-1] in ",;:\"“”()" or w in FUNCTION_WORDS:
            break
        if w.lower() in TITLE_MODIFIERS or (w[0].isupper() and not w.lower().endswith(("said", "says"))):
            j -= 1
            added += 1
        else:
            break
    return Span(toks[j][0], toks[-1][1])



_ROLE_GROUPS = {k: frozenset(v[0].split(",")) for k, v in table("role_groups").items()}


@lru_cache(maxsize=None)
def role_fits(role: str) -> frozenset[str]:
    """The roles a description with ``role`` may refer to: itself and, for a
    generic role, the specific ones ("lawmaker": senator, representative ...)."""
    return frozenset({role}) | _ROLE_GROUPS.get(role, frozenset())
