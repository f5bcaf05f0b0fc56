"""Readability of an article's plain text, offline.

Counts that need no syllables (words, sentences, letters, characters,
Coleman-Liau, ARI, reading time) come from textstat. textstat 0.7.13 counts
English syllables with NLTK's CMU dictionary and downloads it on first use,
which a service without network access cannot do; so the syllable-based
indices (Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG) are
computed here with textstat's own formulas and constants over syllables
counted by Pyphen's English hyphenation dictionary (shipped with the pyphen
package), the same counter textstat itself falls back to for words the CMU
dictionary lacks. Nothing here touches the network or the CMU dictionary.
A token longer than any English word counts its vowel groups instead, so a
hostile 500,000-character token costs no more than the same length of words.

textstat memoises every function on the whole text (128 entries each), which
keeps about 1.3 GB alive after 128 distinct 1 MB articles; ``measure`` empties
those caches after each use (``_forget_textstat_caches``).
"""
from __future__ import annotations

import math
import pkgutil
import re
from functools import lru_cache
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

from .. import lazy
from ..model import Readability



@lru_cache(maxsize=1)
def _textstat() -> ModuleType:
    """textstat, imported on first use: it imports nltk for a CMU-dictionary
    counter we never call, so Punkt is loaded the lazy way first."""
    lazy.ensure_lazy_nltk()
    import textstat

    return textstat

if TYPE_CHECKING:
    from pyphen import Pyphen

LANG = "en_US"
WORDS_PER_MINUTE = 238  # silent reading of non-fiction (Brysbaert 2019)


@lru_cache(maxsize=1)
def _pyphen() -> Pyphen:
    from pyphen import Pyphen  # its dictionary list and the en_US patterns: on first use

    return Pyphen(lang=LANG)


# Pyphen's work grows with a word's length and a long token is never an English word (the
# longest dictionary words have about 30 letters): past this many letters a "word" (a URL,
# a hash, a hostile 500,000-character token) counts its vowel groups instead, in one pass.
MAX_HYPHENATED = 40
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Syllables in one word: Pyphen's hyphenation points plus one (at least
    one for a word with a letter, none for a token without one); a token of
    more than ``MAX_HYPHENATED`` letters counts its vowel groups."""
    if len(word) <= MAX_HYPHENATED:
        return _syllables(word)  # only short words are memoised: the cache holds no long token
    letters = _letters(word)
    if len(letters) <= MAX_HYPHENATED:
        return _hyphenated(letters)
    return max(1, len(_VOWEL_GROUPS.findall(letters)))


@lru_cache(maxsize=65536)
def _syllables(word: str) -> int:
    return _hyphenated(_letters(word))


def _letters(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalpha())


def _hyphenated(letters: str) -> int:
    if not letters:
        return 0
    return len(_pyphen().positions(letters)) + 1


@lru_cache(maxsize=1)
def _textstat_caches() -> tuple:
    """Every memoised function in textstat's backend (found by walking its
    modules, so a textstat without them simply yields none)."""
    import textstat.backend as backend

    found = {}
    for info in pkgutil.walk_packages(backend.__path__, backend.__name__ + "."):
        try:
            module = import_module(info.name)
        except ImportError:
            continue
        for value in vars(module).values():
            if isinstance(value, ModuleType):  # e.g. the lazy nltk: reading it would load it
                continue
            if callable(getattr(value, "cache_clear", None)) and callable(getattr(value, "cache_info", None)):
                found[id(value)] = value
    return tuple(found.values())


def _forget_textstat_caches() -> None:
    for fn in _textstat_caches():
        fn.cache_clear()


def measure(text: str) -> Readability | None:
    """Readability of ``text``; None when it has no words to measure (empty,
    or nothing but punctuation and numbers)."""
    try:
        return _measure(text)
    finally:
        _forget_textstat_caches()


def _measure(text: str) -> Readability | None:
    textstat = _textstat()
    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    counts = [syllables(w) for w in textstat.remove_punctuation(text).split()]
    total = sum(counts)
    if words == 0 or sentences == 0 or total == 0:
        return None
    poly = sum(1 for c in counts if c >= 3)
    wps = words / sentences
    spw = total / words
    return Readability(
        # Flesch (1948), textstat's "en" constants
        flesch_reading_ease=_r(206.835 - 1.015 * wps - 84.6 * spw),
        # Kincaid et al. (1975)
        flesch_kincaid_grade=_r(0.39 * wps + 11.8 * spw - 15.59),
        # Gunning (1952): "complex" words have three or more syllables
        gunning_fog=_r(0.4 * (wps + 100 * poly / words)),
        # McLaughlin (1969); like textstat, 0 under three sentences
        smog_index=_r(1.043 * math.sqrt(30 * poly / sentences) + 3.1291) if sentences >= 3 else 0.0,
        coleman_liau_index=_r(textstat.coleman_liau_index(text)),
        automated_readability_index=_r(textstat.automated_readability_index(text)),
        words=words,
        sentences=sentences,
        reading_time_seconds=_r(words / WORDS_PER_MINUTE * 60, 1),
    )


def _r(x: float, places: int = 2) -> float:
    return round(float(x), places)
