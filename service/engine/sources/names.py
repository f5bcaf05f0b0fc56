"""The article's names: people and bodies named in the running text, scanned
once into a frozen index that pronouns and surnames are resolved against."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import furniture
from ..lexicon import words
from ..model import Span
from ..words import DAYS
from .geometry import Geometry
from .reading import (
    _ANON_SING, COUNTRIES, FIRST_NAMES, FUNCTION_WORDS, HONORIFICS, INSTITUTIONS, ORG_HEADS, head_kind, name_gender, name_in_run,
    title_role,
)
from .titles import title_before

_NAME_CHARS = r"[\p{L}\p{M}'’\-]"
_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d])\p{{Lu}}{_NAME_CHARS}*\.?"
    rf"(?:[ \u00a0]+(?:(?:al|el|bin|ibn|abu|de|da|di|del|van|von|der|den|le|la|du)[ \u00a0]+)*"
    rf"(?:\p{{Lu}}{_NAME_CHARS}*\.?|(?:al|el)-\p{{Lu}}{_NAME_CHARS}*))*")
_TOKEN = re.compile(r"\S+")
POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")
_ABBREVIATIONS = frozenset(words("abbreviations"))
_NAME_WORDS = words("name_words")
_PLACE_HEADS = words("place_heads")
_WEEKDAYS = DAYS - {"today", "yesterday"}
_PLURAL_BODIES = frozenset(("democrats", "republicans", "tories", "greens", "liberals", "conservatives"))
_PLURAL_BODIES_NOT = frozenset(("news", "times", "press", "services", "studios", "marines"))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person's name in the running text (not a speaker mention)."""

    start: int
    end: int
    name: str
    first: str | None
    surname: str
    gender: str
    title: Span | None = None


@dataclass(frozen=True, slots=True)
class Body:
    """An organisation or country named in the running text ("the Pentagon")."""

    start: int
    end: int
    name: str
    kind: str = "body"
    gender: str = "n"
    plural: bool = False
    group: bool = False


@dataclass(frozen=True, slots=True)
class Names:
    """People (``candidates``) and bodies named in the text, in text order."""

    candidates: tuple[Candidate, ...]
    bodies: tuple[Body, ...]
    cand_starts: tuple[int, ...]
    surnames: frozenset[str] = frozenset()  # of the candidates, lower case
    in_full: frozenset[str] = frozenset()  # words that follow another capitalised word ("Ava DuVernay")

    def before(self, pos: int) -> int:
        """Index of the last candidate starting before ``pos`` (-1 for none)."""
        return bisect.bisect_left(self.cand_starts, pos) - 1


def runs(text: str):
    """(start, run) for each run of capitalised words, split after a word that
    ends a sentence ("... in the West. Francis said": two runs)."""
    for m in _RUN.finditer(text):
        run, base, at = m.group(), m.start(), 0
        if ". " not in run and ".\u00a0" not in run:
            yield base, run
            continue
        for t in _TOKEN.finditer(run):
            w = t.group()
            if w.endswith(".") and len(w) > 2 and w[:-1].lower() not in _ABBREVIATIONS \
                    and w[:-1].lower() not in HONORIFICS and t.end() < len(run):
                yield base + at, run[at:t.end()]
                at = t.end()
                while at < len(run) and run[at] in " \u00a0":
                    at += 1
        if at < len(run):
            yield base + at, run[at:]


def scan(geo: Geometry, house: frozenset[str]) -> Names:
    """Scan the text once for people's names and bodies' names."""
    text = geo.text
    out: list[Candidate] = []
    bodies: list[Body] = []
    surnames: set[str] = set()
    genders: dict[str, set[str]] = {}  # surname -> genders of its full names
    in_full: set[str] = set()
    # names in a byline, caption, link line or contact line are nobody's antecedent
    aside = [f.span for f in geo.doc.furniture if f.kind not in ("dateline", "label", "timestamp")]
    aside_starts = [f.start for f in aside]
    for rs, run in runs(text):
        single = " " not in run and "\u00a0" not in run
        if single:
            word, low, kind = _single_word(run)
            if kind == "none":
                continue  # "The", "But", "Iowa": names no one wherever it stands
        if _furniture(text, rs, run):
            continue
        i = bisect.bisect_right(aside_starts, rs) - 1
        if i >= 0 and rs < aside[i].end:
            continue
        if single:
            # one capitalised word: a person only as a known surname or after a title
            if kind == "body":
                _body(geo, bodies, rs, rs + len(word))
                continue
            title = title_before(text, rs, max(0, rs - 120), house)
            given = word in FIRST_NAMES and word not in _NAME_WORDS  # "Melanie thought ..."
            if title is None and low not in surnames and not given:
                continue
            if geo.in_quoted(rs):
                continue
            # "Warren" after "Elizabeth Warren" is her surname, not the man's given name
            gender = name_gender(word) if given and low not in surnames else "u"
            surnames.add(low)
            out.append(Candidate(rs, rs + len(word), word, None, low, gender, title))
            continue
        words = run.split()
        if len(words) > 1 and words[-1].rstrip(".,").lower() in _WEEKDAYS:
            # "Sen. Ana Ruiz Tuesday said", "MSNBC's Morning Joe Monday": the day ends the name
            run = run[:run.rstrip().rfind(words[-1])].rstrip()
            words = words[:-1]
        if len(words) > 2 and _bare(words[-1]).lower() in _PLACE_HEADS \
                or (not POSSESSIVE_END.search(run) and _place_after(text, rs + len(run))):
            continue  # "the James S. Brady Press Briefing Room", "the James S. Brady briefing room": nobody's
        if words[0] not in FUNCTION_WORDS:
            in_full.update(map(_bare, words[1:]))
        info = name_in_run(run, house)
        if info is None or not info.surname:
            _body_in_run(geo, bodies, rs, run)
            continue
        start, end = rs + info.name_span[0], rs + info.name_span[1]
        if geo.in_quoted(start):
            continue
        first = info.first
        low = info.name.lower()
        if low in INSTITUTIONS or low in COUNTRIES or any(w in ORG_HEADS for w in low.split()):
            _body_in_run(geo, bodies, rs, run)  # "The Pentagon", "Clinton Foundation"
            continue
        if info.surname.endswith("s") and head_kind(info.surname, capitalised=False) == "anonymous":
            continue  # "Virginia Democrats", "Georgia Republicans": a state's party, not a woman named Virginia
        if info.title_span is not None:
            title = Span(rs + info.title_span[0], rs + info.title_span[1])
        else:
            title = title_before(text, start, max(0, start - 120), house)
        gender = info.gender
        honorific = text[rs:start].strip().lower() in HONORIFICS  # "Mr. Kerry"
        initial = first is not None and len(first) == 2 and first[0].isupper() and first[1] == "."
        person = (first is not None and (first in FIRST_NAMES or initial)) \
            or title is not None or honorific or info.surname in surnames \
            or (first is not None and (_beside_person(text, start, end, out) or _described_as_person(text, end)))
        if not person:
            continue
        surnames.add(info.surname)
        if first is not None and gender in ("m", "f"):
            genders.setdefault(info.surname, set()).add(gender)
        out.append(Candidate(start, end, info.name, first, info.surname, gender, title))
    # "Clinton" alone has the gender of the one Clinton the article names in full
    out = [Candidate(c.start, c.end, c.name, c.first, c.surname, next(iter(genders[c.surname])), c.title)
           if c.gender == "u" and c.first is None and len(genders.get(c.surname, ())) == 1 else c for c in out]
    return Names(tuple(out), tuple(bodies), tuple(c.start for c in out), frozenset(c.surname for c in out),
                 frozenset(in_full))


@lru_cache(maxsize=8192)
def _single_word(run: str) -> tuple[str, str, str]:
    """A run of one capitalised word as ``scan`` reads it wherever it stands:
    the word without its possessive and full stop, in lower case, and its
    kind: "body" (an institution, a country, a capital), "none" (a function
    word, an organisation's head, an abbreviation: nobody) or "name"."""
    word = POSSESSIVE_END.sub("", run).rstrip(".")
    low = word.lower()
    if low in INSTITUTIONS or COUNTRIES.get(low) in ("country", "capital"):
        return word, low, "body"
    if word in FUNCTION_WORDS or low in COUNTRIES or low in ORG_HEADS or low in _ABBREVIATIONS or len(low) < 2:
        return word, low, "none"
    return word, low, "name"


_CREDIT_AFTER = re.compile(r"[ \t]*/")
_AND_GIVEN = re.compile(r",? and ([A-Z][a-z]+) [A-Z]")
_AGE_AFTER = re.compile(r", \d{1,3},")


def _beside_person(text: str, start: int, end: int, found: list[Candidate]) -> bool:
    """A full name with a given name the lexicon lacks is a person's when it
    stands beside one: coordinated with a person's name ("Tyra Okonkwo and
    Dana Reyes", "Dana Reyes and Tyra Okonkwo") or followed by an age ("Tyra
    Okonkwo, 34,")."""
    if _AGE_AFTER.match(text, end):
        return True
    m = _AND_GIVEN.match(text, end)
    if m and m.group(1) in FIRST_NAMES:
        return True
    if found and found[-1].first is not None:
        between = text[found[-1].end:start]
        return between in (" and ", ", and ")
    return False


_APPOSITIVE_OPENS = re.compile(r",[ \u00a0]+(?:a|an|the)[ \u00a0]+")
_APPOSITIVE_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
_APPOSITIVE_STOPS = frozenset("of for at with from in on to by as who whom whose which that and or but".split())
_NOT_ONE_PERSON = frozenset("crowd family staff opposition group coalition majority number".split())


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for one person: the singular heads of unnamed people and roles,
    and ``lexicon/person_nouns.txt``."""
    return frozenset(_ANON_SING.keys() | {w.lower() for w in words("role_nouns")} | words("person_nouns")) \
        - _NOT_ONE_PERSON


def _described_as_person(text: str, end: int) -> bool:
    """A full name followed by an appositive whose noun is a person's or a
    title ("Tyra Okonkwo, a Halden, Maine, native", "..., an 83-year-old
    retiree", "..., the chairwoman of the party"): its
    first lower-case noun before a preposition, a relative pronoun or a
    conjunction ("Harbour Watch, a charity run by a nurse": "charity")."""
    m = _APPOSITIVE_OPENS.match(text, end)
    if m is None:
        return False
    nouns = _person_nouns()
    for w in _APPOSITIVE_WORD.findall(text, m.end(), m.end() + 80)[:8]:
        low = w.lower()
        if low in _APPOSITIVE_STOPS:
            return False
        if w[0].islower() and (low in nouns or title_role(low) is not None):
            return True
    return False


def _furniture(text: str, rs: int, run: str) -> bool:
    """A name that is page furniture, never a speaker's antecedent: a dateline
    ("CHARLOTTE, N.C. --", all capitals), a byline ("By Ana Ruiz") or a photo
    credit ("(Tom Lake/City News)")."""
    if len(run) > 3 and run.isupper():
        return True
    if rs >= 3 and text[rs - 2] in "yY" and text[rs - 3:rs].lower() == "by ":  # only "y", "Y" lower to "y"
        j = rs - 3  # a byline: "By" alone at the start of its line (looking back over spaces only)
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == 0 or text[j - 1] == "\n":
            return True
    return rs > 0 and text[rs - 1] == "(" and _CREDIT_AFTER.match(text, rs + len(run)) is not None


# the place noun right after a name, or after one word of a facility's name ("Brady briefing room"), never
# after a verb ("Ana Ruiz entered room 4" names her)
_NEXT_WORDS = re.compile(r"[ \u00a0]+(?:(?:briefing|press|conference|reading|memorial|visitor|visitors|"
                         r"international|regional|municipal|national|county|city)[ \u00a0]+)?([a-z]+)\b(?!-)")


def _place_after(text: str, end: int) -> bool:
    """Does a place noun follow the run, at once or after a facility word
    ("... Brady briefing room", "... Lake memorial bridge")?"""
    m = _NEXT_WORDS.match(text, end)
    return m is not None and m.group(1) in _PLACE_HEADS


def _bare(word: str) -> str:
    """A name word without its possessive and full stop, lower case, straight apostrophes."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    return w.rstrip(".")


def _body(geo: Geometry, bodies: list[Body], start: int, end: int) -> None:
    if geo.in_quoted(start):
        return
    text = geo.text
    if start >= 4 and text[start - 4:start].lower() == "the ":
        start -= 4  # "the Pentagon"
    name = text[start:end]
    last = name.split()[-1].lower()
    # "they" refers to a body with a plural name: "the Democrats", "the armed forces"
    plural = last in _PLURAL_BODIES or (last.endswith("s") and last in ORG_HEADS and last not in _PLURAL_BODIES_NOT)
    bodies.append(Body(start, end, name, plural=plural))


def _body_in_run(geo: Geometry, bodies: list[Body], rs: int, run: str) -> None:
    """An organisation named by a run of capitalised words: "The State Department"."""
    toks = list(_TOKEN.finditer(run))
    i = 0
    while i < len(toks) - 1 and toks[i].group() in FUNCTION_WORDS and toks[i].group() != "The":
        i += 1
    body = toks[i:]
    rest = body[1:] if body and body[0].group() == "The" else body
    if not rest:
        return
    words_ = [POSSESSIVE_END.sub("", t.group()).rstrip(".,").lower() for t in rest]
    whole = " ".join(words_)
    if whole in INSTITUTIONS or COUNTRIES.get(whole) in ("country", "capital") or words_[-1] in ORG_HEADS:
        end = rs + rest[-1].end() - (len(rest[-1].group()) - len(POSSESSIVE_END.sub("", rest[-1].group())))
        _body(geo, bodies, rs + body[0].start(), end)
