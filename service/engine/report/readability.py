"""Readability of an article's plain text, offline, in one pass over its words.

The indices are textstat's (0.7.13, pinned; the tests compare every one to
textstat to the second decimal), computed here from one set of counts made
once: textstat recomputes its words, sentences and punctuation-stripped text
for each index (about five scans of the whole text, each through a memo on
the whole text). textstat counts English syllables with NLTK's CMU
dictionary and downloads it on first use, which a service without network
access cannot do; so the syllable-based indices (Flesch reading ease,
Flesch-Kincaid grade, Gunning fog, SMOG) count syllables with Pyphen's
English hyphenation patterns (shipped with the pyphen package), the counter
textstat itself falls back to for words the CMU dictionary lacks, applied as
Pyphen applies them (``_Hyphenator``). Nothing here touches the network or
the CMU dictionary. A token longer than any English word counts its vowel
groups instead, so a hostile 500,000-character token costs no more than the
same length of words.

textstat memoises every function on the whole text (128 entries each), which
would keep about 1.3 GB alive after 128 distinct 1 MB articles; ``measure``
no longer calls it, and still empties those caches after each use
(``_forget_textstat_caches``) should anything in the process have filled them.
"""
from __future__ import annotations

import math
import pkgutil
import re
import sys
from collections import Counter
from functools import lru_cache
from importlib import import_module
from itertools import compress
from operator import mul
from types import ModuleType
from typing import TYPE_CHECKING, cast

from .. import lazy
from ..model import Readability

if TYPE_CHECKING:
    from pyphen import Pyphen

LANG = "en_US"
WORDS_PER_MINUTE = 238  # silent reading of non-fiction (Brysbaert 2019)


@lru_cache(maxsize=1)
def _pyphen() -> _Hyphenator:
    from pyphen import Pyphen  # its dictionary list and the en_US patterns: on first use

    return _Hyphenator(Pyphen(lang=LANG))


class _Hyphenator:
    """``Pyphen.positions`` for one dictionary, the same points by the same
    algorithm (Liang's patterns: at each position of ``.word.``, every pattern
    that matches there raises the points under it; odd points are breaks, kept
    ``left``/``right`` letters from the ends). Pyphen tries every substring up
    to its longest pattern at every position; this stops at the first
    substring no pattern starts with (walking the patterns as a trie), and
    keeps no copy of every word it has seen (Pyphen's own memo never forgets)."""

    def __init__(self, pyphen: Pyphen):
        # the patterns as a trie: character -> (the node after it, the points of the pattern ending
        # there as (offset, value) pairs, its zeros left out: a zero raises no point)
        self.trie: dict = {}
        for key, (at, values) in pyphen.hd.patterns.items():
            found = tuple((at + j, v) for j, v in enumerate(values) if v) or None
            node = self.trie
            for k, ch in enumerate(key):
                child, points = node.get(ch, ({}, None))
                node[ch] = (child, found if k == len(key) - 1 else points)
                node = child
        self.left, self.right = pyphen.left, pyphen.right

    def positions(self, word: str) -> list[int]:
        pointed = f".{word.lower()}."
        n = len(pointed)
        points = [0] * (n + 1)
        trie = self.trie
        for i in range(n - 1):
            node = trie
            for ch in pointed[i:]:  # pointed[j] for j in range(i, n), without indexing
                step = node.get(ch)
                if step is None:
                    break  # no pattern starts with pointed[i:j + 1]
                node, found = step
                if found:
                    for k, value in found:
                        if value > points[i + k]:
                            points[i + k] = value
        right = len(word) - self.right
        return [i - 1 for i, p in enumerate(points) if p % 2 and self.left <= i - 1 <= right]


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


class _Memo:
    """``_hyphenated(_letters(word))`` memoised in a plain dict, emptied
    whenever it reaches ``limit`` words (so it stays bounded): ``many``
    reads a whole article's distinct words off it with one ``map``, in C."""

    def __init__(self, limit: int):
        self.limit = limit
        self.seen: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        n = self.seen.get(word)
        if n is None:
            if len(self.seen) >= self.limit:
                self.seen.clear()
            n = self.seen[word] = _hyphenated(_letters(word))
        return n

    def many(self, words: list[str]) -> list[int]:
        got = list(map(self.seen.get, words))
        if None in got:
            return [self(w) if n is None else n for w, n in zip(words, got)]
        return cast("list[int]", got)  # no word missing

    def cache_clear(self) -> None:
        self.seen.clear()


_syllables = _Memo(65536)


def _letters(word: str) -> str:
    low = word.lower()
    return low if low.isalpha() else "".join(c for c in low if c.isalpha())  # most words are letters only


def _hyphenated(letters: str) -> int:
    if not letters:
        return 0
    return len(_pyphen().positions(letters)) + 1


@lru_cache(maxsize=1)
def _textstat_caches() -> tuple:
    """Every memoised function in textstat's backend (found by walking its
    modules, so a textstat without them simply yields none)."""
    lazy.ensure_lazy_nltk()  # textstat imports nltk for a CMU-dictionary counter never called here
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
    if "textstat" not in sys.modules:  # nothing in this process used it: nothing to forget, nothing to import
        return
    for fn in _textstat_caches():
        fn.cache_clear()


def measure(text: str) -> Readability | None:
    """Readability of ``text``; None when it has no words to measure (empty,
    or nothing but punctuation and numbers)."""
    try:
        return _measure(text)
    finally:
        _forget_textstat_caches()


# textstat's definitions (textstat/backend, 0.7.13): punctuation is what is
# neither a word character nor space; an apostrophe stays in a word only
# before a contraction ending ("don't", "we've"); sentences are runs up to and
# through stops, and a "sentence" of two words or fewer is not counted.
_PUNCTUATION = re.compile(r"[^\w\s]")
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _lexicon_count(text: str) -> int:
    """textstat's ``lexicon_count`` (``count_words``): words once punctuation
    but contraction apostrophes is removed."""
    return len(_PUNCTUATION_BUT_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split())


def _sentence_count(text: str) -> int:
    """textstat's ``sentence_count``."""
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    return max(1, len(found) - sum(1 for s in found if _short(s)))


_WORD_CHAR = re.compile(r"\w")


def _short(sentence: str) -> bool:
    """``_lexicon_count(sentence) <= 2``, mostly without counting: a
    whitespace token holding a word character is always one of its words."""
    first = sentence.split(None, 3)  # most sentences open with three such tokens: no need to split them whole
    if len(first) >= 3 and _WORD_CHAR.search(first[0]) and _WORD_CHAR.search(first[1]) \
            and _WORD_CHAR.search(first[2]):
        return False
    n = 0
    for token in sentence.split():
        if _WORD_CHAR.search(token):
            n += 1
            if n > 2:
                return False
    return _lexicon_count(sentence) <= 2


def _measure(text: str) -> Readability | None:
    sentences = _sentence_count(text)
    bare = _PUNCTUATION.sub("", text).split()  # the words without any punctuation: letters and syllables
    # ``_lexicon_count(text)``, without its two passes: both drop only punctuation and split at the same
    # spaces, and an apostrophe it keeps ("don't") is followed by a letter, so the same chunks are left
    words = len(bare)
    counts = Counter(bare)  # each distinct word's syllables counted once
    distinct, ns = list(counts), list(counts.values())
    if distinct and max(map(len, distinct)) <= MAX_HYPHENATED:
        each = _syllables.many(distinct)  # ``syllables``, its memo read directly
    else:
        each = [_syllables(w) if len(w) <= MAX_HYPHENATED else syllables(w) for w in distinct]
    total = sum(map(mul, each, ns))
    poly = sum(compress(ns, map((2).__lt__, each)))  # words of three syllables or more
    if words == 0 or sentences == 0 or total == 0:
        return None
    letters = sum(map(len, bare))  # textstat's count_letters: what is neither space nor punctuation
    parts = text.split()  # at what ``\s`` matches: str.split and re share Python's whitespace
    chars = sum(map(len, parts))  # count_chars(ignore_spaces=True)
    tokens = len(parts)  # count_words(rm_punctuation=False): ARI counts punctuation as characters
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
        coleman_liau_index=_r(_coleman_liau(letters, words, sentences)),
        automated_readability_index=_r(_automated_readability(chars, tokens, words, sentences)),
        words=words,
        sentences=sentences,
        reading_time_seconds=_r(words / WORDS_PER_MINUTE * 60, 1),
    )


def _coleman_liau(letters: int, words: int, sentences: int) -> float:
    """Coleman & Liau (1975), as textstat computes it (letters and sentences per 100 words)."""
    per_100_letters = letters / words * 100
    per_100_sentences = sentences / words * 100
    if per_100_letters == 0 or per_100_sentences == 0:
        return 0.0
    return 0.058 * per_100_letters - 0.296 * per_100_sentences - 15.8


def _automated_readability(chars: int, tokens: int, words: int, sentences: int) -> float:
    """Smith & Senter (1967), as textstat computes it: characters per
    whitespace token and words per sentence."""
    a = chars / tokens if tokens else 0.0
    b = words / sentences
    if a == 0 or b == 0:
        return 0.0
    return 4.71 * a + 0.5 * b - 21.43


def _r(x: float, places: int = 2) -> float:
    return round(float(x), places)
