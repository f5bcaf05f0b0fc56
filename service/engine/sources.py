"""Sources as entities: merging speaker mentions, type, descriptor, anonymity reason.

``resolve_sources`` walks the speaker mentions in text order. Each mention is
analysed on its own (``mentions.analyse``) and then resolved against what the
article said before it: a pronoun to the nearest compatible person (other
quotes' speakers and person names in the text, sentence by sentence, leftmost
first: the subject), a surname or "Mr. Kerry" to the person of that name, "the
senator" to the person introduced with that title, "the official" to the
unnamed official already quoted. Mentions of one entity make one ``Source``
typed per ``shared/design/SOURCE_TYPES.md``.

Look-backs are bounded to the current and two previous paragraphs, and the
text is scanned for person names once per call, so the stage is linear in
the article.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from .document import Document
from .lexicon import rows, words
from .mentions import (
    COUNTRIES, FIRST_NAMES, FUNCTION_WORDS, HONORIFICS, INSTITUTIONS, ORG_HEADS, TITLE_MODIFIERS,
    MentionInfo, analyse, known_head, name_gender, name_in_run, opens_appositive as _opens_appositive, titles_lookup,
)
from .model import Mention, Quote, Source, Span

_LOOKBACK_PARAGRAPHS = 2
_LOOKBACK_CHARS = 3000  # about 500 words
_MAX_TITLE_WORDS = 5
_MAX_CLAUSE = 200

# --- patterns, compiled once ------------------------------------------------

_NAME_CHARS = r"[\p{L}\p{M}'’\-]"
_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d])\p{{Lu}}{_NAME_CHARS}*\.?"
    rf"(?:[ \u00a0]+(?:(?:al|el|bin|ibn|abu|de|da|di|del|van|von|der|den|le|la|du)[ \u00a0]+)*"
    rf"(?:\p{{Lu}}{_NAME_CHARS}*\.?|(?:al|el)-\p{{Lu}}{_NAME_CHARS}*))*")
_TOKEN = re.compile(r"\S+")
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")
_WORD_AFTER = re.compile(r"[\s,]*(\S+)")
_ABBREVIATIONS = frozenset(words("abbreviations"))
_NAME_WORDS = words("name_words")
_PLURAL_BODIES = frozenset(("democrats", "republicans", "tories", "greens", "liberals", "conservatives"))
_PLURAL_BODIES_NOT = frozenset(("news", "times", "press", "services", "studios", "marines"))


def _phrase_pattern(phrase: str) -> str:
    return r"\s+".join(r"\S+" if w == "*" else re.escape(w) for w in phrase.split())


_ANON_ANCHOR = re.compile(
    r"\b(?:" + "|".join(_phrase_pattern(p) for p in sorted(words("anonymity_phrases"), key=len, reverse=True)) + r")\b",
    re.I)
# every anonymity phrase has one of these words: a cheap test before the full pattern
_ANON_HINTS = ("anonym", "named", "identified", "background", "withheld", "not be used")
_REASON_ROWS = rows("anonymity_reasons")
_REASON_OPENER = re.compile(
    r"[\s,]*(?P<c>" + "|".join(_phrase_pattern(r[0]) for r in sorted(_REASON_ROWS, key=lambda r: -len(r[0]))
                               if len(r) == 1) + r")\b", re.I)
_REASON_SELF = re.compile(
    r"\b(?:" + "|".join(_phrase_pattern(r[0]) for r in _REASON_ROWS if len(r) > 1 and r[1] == "self") + r")\b",
    re.I)
# "to" and "as" and "for" open many things that are not reasons ("spoke to reporters")
_REASON_GUARD = {
    "to": re.compile(r"\s+(?!(?i:the|a|an|reporters|journalists|him|her|them|us|me|his|their|its|this|"
                     r"that)\b)[a-z]+"),
    "as": re.compile(r"\s+(?:he|she|they|it|the|his|her|their|its|talks|negotiations)\b", re.I),
    "for": re.compile(r"\s+(?:fear|safety|security|reasons?|\w+\s+reasons?)\b", re.I),
    "given": re.compile(r"\s+(?:the|its|their|his|her)\b", re.I),
}
_CLAUSE_CUE = re.compile(r"\s(?:" + "|".join(re.escape(w) for w in sorted(words("clause_stops"))) + r")\b", re.I)
_RELATIVE_AFTER = re.compile(r",?[ \t]+(?:who|whom|whose)\b", re.I)
_CLAUSE_STOPS = frozenset(",;:!?\"“”()[]—–\n")


# --- small text helpers -------------------------------------------------------

def _clause_end(text: str, start: int, hi: int, stops: frozenset[str] = _CLAUSE_STOPS) -> int:
    """Where the clause starting at ``start`` ends: a stop character or a full
    stop that is not an abbreviation's."""
    hi = min(hi, start + _MAX_CLAUSE, len(text))
    i = start
    while i < hi:
        c = text[i]
        if c in stops:
            break
        if c == "." and (i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in "\"”’'"):
            word = text[text.rfind(" ", start, i) + 1:i].lower()
            if len(word) > 1 and word not in _ABBREVIATIONS:
                break
        i += 1
    while i > start and text[i - 1].isspace():
        i -= 1
    return i


def _mention(text: str, a: int, b: int) -> Mention | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b <= a:
        return None
    return Mention(Span(a, b), text[a:b])


def _roles(phrase: str, house: frozenset[str]) -> set[str]:
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


def _title_before(text: str, pos: int, lo: int, house: frozenset[str]) -> Span | None:
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
    toks = [(m.start() + lo, m.end() + lo, m.group()) for m in _TOKEN.finditer(text[lo:pos])]
    best = 0
    for n in range(1, min(_MAX_TITLE_WORDS, len(toks)) + 1):
        if toks[-n][2][-1] in ",;:\"“”()" and n > 0:
            break
        if " ".join(t[2].lower() for t in toks[-n:]) in titles:
            best = n
    if not best:
        return None
    phrase = " ".join(t[2].lower() for t in toks[-best:])
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


# a clause, not a description: a cue verb or a new sentence inside it
_APPOSITIVE_LEAD = re.compile(r"(?:who|which)\s+(?:is|was|has\s+been)\s+|(?:now|then|also|currently|formerly)\s+", re.I)
_APPOSITIVE_NOT = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes)\b|[.!?]\s+[A-Z]")


def _appositive_after(text: str, end: int, hi: int, house: frozenset[str]) -> Mention | None:
    """", a visiting fellow at the Brookings Doha Center in Qatar," after a
    name: the descriptor without its commas."""
    hi = min(hi, len(text))
    i = end
    if i >= hi or text[i] != ",":
        return None
    i += 1
    while i < hi and text[i] in " \t":
        i += 1
    m = re.match(r"\d{1,3},[ \t]+", text[i:i + 6])  # "Smith, 45, a farmer"
    if m:
        i += m.end()
    m = _APPOSITIVE_LEAD.match(text, i, hi)
    if m:
        i = m.end()
    first = _WORD_AFTER.match(text, i, hi)
    if not first or first.start(1) != i:
        return None
    stop = _clause_end(text, i, hi)
    desc = _mention(text, i, stop)
    if desc is None or len(desc.text) < 3 or not _opens_appositive(desc.text, house) \
            or len(desc.text.split()) > 24 or _APPOSITIVE_NOT.search(desc.text):
        return None
    return desc


def _runs(text: str):
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


# --- the per-article context ---------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    """A person's name in the running text (not a speaker mention)."""

    start: int
    end: int
    name: str
    first: str | None
    surname: str
    gender: str
    title: Span | None = None


@dataclass(slots=True)
class _Body:
    """An organisation or country named in the running text ("the Pentagon")."""

    start: int
    end: int
    name: str
    kind: str = "body"
    gender: str = "n"
    plural: bool = False
    group: bool = False


@dataclass(eq=False, slots=True)
class _Entity:
    kind: str  # person, anonymous, institutional
    name: str
    key: str
    first: str | None = None
    surname: str | None = None
    gender: str = "u"
    plural: bool = False
    head: str | None = None
    group: bool = False
    spokes: bool = False
    unresolved: bool = False  # a pronoun with nothing to refer to
    roles: set[str] = field(default_factory=set)
    descriptor: Mention | None = None
    organisation: str | None = None
    reason: Mention | None = None
    mentions: list[Mention] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)
    last: int = -1


def _better_name(e: _Entity, first: str, name: str) -> bool:
    """Whether ``name`` is a fuller name for ``e``: "John Kerry" for "Kerry",
    "Donald J. Trump" for "Donald Trump"."""
    if not e.first:
        return True
    return len(name) > len(e.name) and first.rstrip(".").lower() == e.first.rstrip(".").lower()


def _compatible_first(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _compatible_gender(a: str, b: str) -> bool:
    return a == "u" or b == "u" or a == b


class _Article:
    """What the resolver knows of one article: names in the text, sentences,
    quoted stretches, and the entities found so far."""

    def __init__(self, doc: Document, quotes: list[Quote], house: frozenset[str]):
        self.doc = doc
        self.text = doc.text
        self.house = house
        self.sent_starts = [s.span.start for s in doc.sentences]
        quoted = sorted((f.start, f.end) for q in quotes if q.kind in ("direct", "partial")
                        for f in (q.fragments or (q.span,)))
        self.quoted_starts = [a for a, _ in quoted]
        self.quoted = quoted
        self.speakers = sorted({(q.speaker.span.start, q.speaker.span.end) for q in quotes if q.speaker is not None})
        self._pronouns: dict[str, list[int]] | None = None
        self._anchors: list[re.Match] | None = None
        self._anchor_starts: list[int] = []
        self.has_self_reason = False
        self.entities: list[_Entity] = []
        self.by_surname: dict[str, list[_Entity]] = {}
        self.seen: list[tuple[int, int, _Entity]] = []  # (mention start, seq, entity), sorted
        self._seq = 0
        self.bodies: list[_Body] = []
        self.candidates = self._scan_names()
        self.cand_starts = [c.start for c in self.candidates]

    # -- "he" and "she" in the running text, found once --
    def subject_pronouns(self, gender: str, lo: int, hi: int) -> list[int]:
        if self._pronouns is None:
            self._pronouns = {"m": [], "f": []}
            for p in _SUBJECT_PRONOUN.finditer(self.text):
                if not self.in_quoted(p.start()):
                    self._pronouns["m" if p.group().lower() == "he" else "f"].append(p.start())
        found = self._pronouns[gender]
        return found[bisect.bisect_left(found, lo):bisect.bisect_left(found, hi)]

    # -- anonymity phrases, found once --
    def anchors(self, lo: int, hi: int) -> list[re.Match]:
        if self._anchors is None:
            found: dict[tuple[int, int], re.Match] = {}
            low = self.text.lower()
            for hint in _ANON_HINTS:
                h = low.find(hint)
                while h >= 0:
                    for a in _ANON_ANCHOR.finditer(self.text, max(0, h - 60), h + len(hint) + 60):
                        found.setdefault(a.span(), a)
                    h = low.find(hint, h + 1)
            self._anchors = [found[k] for k in sorted(found)]
            self._anchor_starts = [a.start() for a in self._anchors]
            self.has_self_reason = _REASON_SELF.search(self.text) is not None
        i = bisect.bisect_left(self._anchor_starts, lo)
        out = []
        while i < len(self._anchors) and self._anchors[i].end() <= hi:
            out.append(self._anchors[i])
            i += 1
        return out

    # -- geometry --
    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def sentence_span(self, pos: int) -> Span:
        s = self.doc.sentence_at(pos)
        if s is not None:
            return s.span
        lo = max(0, self.text.rfind("\n", 0, pos) + 1, pos - 300)
        hi = self.text.find("\n", pos)
        return Span(lo, min(hi if hi >= 0 else len(self.text), pos + 400, len(self.text)))

    def window_start(self, pos: int) -> int:
        """Where the look-back for an antecedent starts: two paragraphs back, and
        never more than ``_LOOKBACK_CHARS`` (a wall of text must not make the
        search quadratic)."""
        floor = max(0, pos - _LOOKBACK_CHARS)
        if not self.doc.paragraphs:
            return floor
        p = self.doc.paragraph_at(pos)
        return max(floor, self.doc.paragraphs[max(0, p - _LOOKBACK_PARAGRAPHS)].start)

    def in_quoted(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    # -- names in the running text, scanned once --
    def _scan_names(self) -> list[_Candidate]:
        text, out, surnames = self.text, [], set()
        genders: dict[str, set[str]] = {}  # surname -> genders of its full names
        for rs, run in _runs(text):
            if " " not in run and "\u00a0" not in run:
                # one capitalised word: a person only as a known surname or after a title
                word = _POSSESSIVE_END.sub("", run).rstrip(".")
                low = word.lower()
                if low in INSTITUTIONS or COUNTRIES.get(low) in ("country", "capital"):
                    self._body(rs, rs + len(word))
                    continue
                if word in FUNCTION_WORDS or low in COUNTRIES or low in ORG_HEADS \
                        or low in _ABBREVIATIONS or len(low) < 2:
                    continue
                title = _title_before(text, rs, max(0, rs - 120), self.house)
                given = word in FIRST_NAMES and word not in _NAME_WORDS  # "Melanie thought ..."
                if title is None and low not in surnames and not given:
                    continue
                if self.in_quoted(rs):
                    continue
                surnames.add(low)
                out.append(_Candidate(rs, rs + len(word), word, None, low,
                                      name_gender(word) if given else "u", title))
                continue
            info = name_in_run(run, self.house)
            if info is None or not info.surname:
                self._body_in_run(rs, run)
                continue
            start, end = rs + info.name_span[0], rs + info.name_span[1]
            if self.in_quoted(start):
                continue
            first = info.first
            low = info.name.lower()
            if low in INSTITUTIONS or low in COUNTRIES or any(w in ORG_HEADS for w in low.split()):
                self._body_in_run(rs, run)  # "The Pentagon", "Clinton Foundation"
                continue
            if info.title_span is not None:
                title = Span(rs + info.title_span[0], rs + info.title_span[1])
            else:
                title = _title_before(text, start, max(0, start - 120), self.house)
            gender = info.gender
            honorific = text[rs:start].strip().lower() in HONORIFICS  # "Mr. Kerry"
            initial = first is not None and len(first) == 2 and first[0].isupper() and first[1] == "."
            person = (first is not None and (first in FIRST_NAMES or initial)) \
                or title is not None or honorific or info.surname in surnames
            if not person:
                continue
            surnames.add(info.surname)
            if first is not None and gender in ("m", "f"):
                genders.setdefault(info.surname, set()).add(gender)
            out.append(_Candidate(start, end, info.name, first, info.surname, gender,
                                  title))
        # "Clinton" alone has the gender of the one Clinton the article names in full
        for c in out:
            if c.gender == "u" and len(genders.get(c.surname, ())) == 1:
                c.gender = next(iter(genders[c.surname]))
        return out

    def _body(self, start: int, end: int) -> None:
        if self.in_quoted(start):
            return
        if start >= 4 and self.text[start - 4:start].lower() == "the ":
            start -= 4  # "the Pentagon"
        name = self.text[start:end]
        last = name.split()[-1].lower()
        # "they" refers to a body with a plural name: "the Democrats", "the armed forces"
        plural = last in _PLURAL_BODIES or (last.endswith("s") and last in ORG_HEADS and last not in _PLURAL_BODIES_NOT)
        self.bodies.append(_Body(start, end, name, plural=plural))

    def _body_in_run(self, rs: int, run: str) -> None:
        """An organisation named by a run of capitalised words: "The State Department"."""
        toks = list(_TOKEN.finditer(run))
        i = 0
        while i < len(toks) - 1 and toks[i].group() in FUNCTION_WORDS and toks[i].group() != "The":
            i += 1
        body = toks[i:]
        if body and body[0].group() == "The":
            rest = body[1:]
        else:
            rest = body
        if not rest:
            return
        words_ = [_POSSESSIVE_END.sub("", t.group()).rstrip(".,").lower() for t in rest]
        whole = " ".join(words_)
        if whole in INSTITUTIONS or COUNTRIES.get(whole) in ("country", "capital") or words_[-1] in ORG_HEADS:
            end = rs + rest[-1].end() - (len(rest[-1].group()) - len(_POSSESSIVE_END.sub("", rest[-1].group())))
            self._body(rs + body[0].start(), end)

    # -- entities --
    def new(self, **kw) -> _Entity:
        e = _Entity(**kw)
        self.entities.append(e)
        if e.kind == "person" and e.surname:
            self.by_surname.setdefault(e.surname, []).append(e)
        return e

    def person(self, surname: str, first: str | None, gender: str) -> _Entity | None:
        best = None
        for e in self.by_surname.get(surname, ()):
            if (best is None or e.last > best.last) and not e.group \
                    and _compatible_first(e.first, first) and _compatible_gender(e.gender, gender):
                best = e
        return best

    def recent(self, accept) -> _Entity | None:
        """The most recently mentioned entity that ``accept`` takes."""
        best = None
        for e in self.entities:
            if (best is None or e.last > best.last) and accept(e):
                best = e
        return best

    def from_candidate(self, c: _Candidate) -> _Entity:
        e = self.person(c.surname, c.first, c.gender)
        if e is None:
            e = self.new(kind="person", name=c.name, key=c.surname, first=c.first, surname=c.surname,
                         gender=c.gender)
        self.learn_person(e, c.name, c.first, c.title)
        return e

    def learn_person(self, e: _Entity, name: str, first: str | None, title: Span | None) -> None:
        """Fill a person's full name and descriptor from one occurrence of it."""
        if first and _better_name(e, first, name):
            e.first, e.name = first, name
        if e.descriptor is None and title is not None:
            e.descriptor = Mention(title, title.of(self.text))
        if e.descriptor is not None:
            e.roles |= _roles(e.descriptor.text, self.house)

    def full_name(self, surname: str, pos: int) -> _Candidate | None:
        """The full name this surname most often stands for ("Trump": Donald,
        not Ivanka), the nearest before ``pos`` on a tie."""
        counts: dict[str, int] = {}
        latest: dict[str, _Candidate] = {}
        for c in self.candidates:
            if c.surname == surname and c.first:
                k = c.first.rstrip(".").lower()
                counts[k] = counts.get(k, 0) + 1
                if c.start < pos or k not in latest:
                    latest[k] = c
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], latest[k].start < pos, latest[k].start))
        return latest[best]

    def earlier_person(self, pos: int, gender: str, limit: int = 200) -> _Candidate | None:
        """The nearest person named anywhere before ``pos`` (outside quotations)."""
        i = bisect.bisect_left(self.cand_starts, pos) - 1
        while i >= 0 and limit > 0:
            c = self.candidates[i]
            if _compatible_gender(c.gender, gender) and not self.in_quoted(c.start):
                return c
            i -= 1
            limit -= 1
        return None

    def note(self, e: _Entity, pos: int) -> None:
        e.last = max(e.last, pos)
        self._seq += 1
        bisect.insort(self.seen, (pos, self._seq, e))

    def preceding(self, pos: int, bodies: bool = False):
        """(start, entity or candidate) before ``pos`` within the look-back window,
        nearest first; with ``bodies``, organisations named in the text too."""
        if bodies:
            lo = self.window_start(pos)
            found = [(b.start, b) for b in self.bodies if lo <= b.start < pos]
            found += list(self.preceding(pos))
            found.sort(key=lambda t: -t[0])
            yield from found
            return
        lo = self.window_start(pos)
        i = bisect.bisect_left(self.cand_starts, pos) - 1
        j = bisect.bisect_left(self.seen, (pos, -1, None)) - 1 if self.seen else -1
        while True:
            c = self.candidates[i] if i >= 0 and self.candidates[i].start >= lo else None
            s = self.seen[j] if j >= 0 and self.seen[j][0] >= lo else None
            if c is None and s is None:
                return
            if s is not None and (c is None or s[0] >= c.start):
                yield s[0], s[2]
                j -= 1
            else:
                yield c.start, c
                i -= 1


# --- resolution ----------------------------------------------------------------

def _person_like(art: _Article, x, gender: str) -> bool:
    if isinstance(x, _Body):
        return False
    if isinstance(x, _Candidate):
        known = art.person(x.surname, x.first, x.gender)  # "Trump" in the text is Donald Trump, quoted before
        return _compatible_gender(known.gender if known is not None else x.gender, gender)
    if not _compatible_gender(x.gender, gender) or x.plural or x.group:
        return False
    return x.kind in ("person", "anonymous") or x.spokes


def _antecedent(art: _Article, pos: int, accept, gender: str = "u", bodies: bool = False) -> object | None:
    """Sentence by sentence back from ``pos``, the leftmost acceptable mention
    of the nearest sentence that has one (the subject is usually leftmost).
    A sentence led by "he" (or "she") talks of someone named earlier: the
    search goes on past it ("Kerry arrived. He met Lavrov. '...,' he said")."""
    led: dict[int, int] = {}  # sentence -> its first "he"/"she" (that sentence passes the search on)
    if gender in ("m", "f"):
        for start in art.subject_pronouns(gender, art.window_start(pos), pos):
            k = art.sentence_index(start)
            led[k] = min(start, led.get(k, start))

    def settles(k: int, best: tuple[int, object] | None) -> bool:
        return best is not None and (k not in led or best[0] < led[k])

    # mentions come nearest first, so a sentence is complete once an earlier one starts
    current, best = None, None
    for start, x in art.preceding(pos, bodies):
        if art.in_quoted(start) or not accept(x):
            continue
        k = art.sentence_index(start)
        if k != current:
            if settles(current, best):
                return best[1]
            current, best = k, None
        best = (start, x)  # the leftmost acceptable mention of the sentence so far
    return best[1] if settles(current, best) else None


def _resolve(art: _Article, info: MentionInfo, m: Mention, pos: int, depth: int = 0) -> _Entity:
    text = art.text
    form = info.form
    if form == "name":
        e = art.person(info.surname, info.first, info.gender)
        if e is None and info.first is None:
            # "Xi" after "Xi Jinping", "Hillary" after "Hillary Clinton": the name's first word
            e = art.recent(lambda x: x.kind == "person" and not x.group and (x.first or "").lower() == info.surname
                           and _compatible_gender(x.gender, info.gender))
        if e is None:
            c = None if info.first else art.full_name(info.surname, pos)
            if c is not None and _compatible_gender(c.gender, info.gender):
                e = art.from_candidate(c)
            else:
                e = art.new(kind="person", name=info.name, key=info.surname, first=info.first,
                            surname=info.surname, gender=info.gender)
        elif info.first and _better_name(e, info.first, info.name):
            e.first, e.name = info.first, info.name
        if e.gender == "u":
            e.gender = info.gender
        return e
    if form == "pronoun":
        if info.plural:
            x = _antecedent(art, pos, lambda x: (isinstance(x, _Body) and x.plural) or (
                isinstance(x, _Entity) and (x.plural or x.kind == "institutional" or x.group)), bodies=True)
            if isinstance(x, _Body):
                return _keyed(art, "institutional", analyse(x.name, art.house))
            if x is not None:
                return x
            return _keyed(art, "anonymous", info, unresolved=True)
        if info.gender == "n":
            x = _antecedent(art, pos, lambda x: isinstance(x, _Body) or (
                isinstance(x, _Entity) and x.kind == "institutional" and not x.spokes), bodies=True)
            if isinstance(x, _Body):
                return _keyed(art, "institutional", analyse(x.name, art.house))
            return x if x is not None else _keyed(art, "institutional", info)
        x = _antecedent(art, pos, lambda x: _person_like(art, x, info.gender), info.gender)
        if isinstance(x, _Candidate):
            x = art.from_candidate(x)
        if x is None:
            # beyond the window: the most recent compatible person speaker, else person named earlier
            x = art.recent(lambda e: e.kind == "person" and not e.group and _compatible_gender(e.gender, info.gender))
        if x is None:
            c = art.earlier_person(pos, info.gender)
            x = art.from_candidate(c) if c is not None else None
        if x is None:
            return _keyed(art, "anonymous", info, unresolved=True)
        if x.gender == "u":
            x.gender = info.gender
        return x
    if form == "relative":
        np = _noun_phrase_before(text, m.span.start) if depth == 0 else None
        if np is not None:
            sub = analyse(np.text, art.house)
            if sub.form != "relative":
                return _resolve(art, sub, np, np.span.start, depth + 1)
        x = _antecedent(art, pos, lambda x: _person_like(art, x, "u") or (
            isinstance(x, _Entity) and x.kind == "institutional"))
        if isinstance(x, _Candidate):
            x = art.from_candidate(x)
        return x if x is not None else _keyed(art, "anonymous", info)
    if form == "author":
        return _keyed(art, "person", replace(info, name="the author", key="\x00author"))
    if form == "we":
        return _keyed(art, "institutional", info)
    if form == "definite":
        if info.role is not None:
            x = _by_role(art, info.role, pos)
            if x is not None:
                return x
            if info.kind is None:
                return _keyed(art, "person" if info.unique else "anonymous", info)
        kind = info.kind or "anonymous"
        x = art.recent(lambda e: e.kind == kind and e.head == info.head and e.plural == info.plural
                       and not e.unresolved)
        if x is None and kind == "anonymous" and not info.plural and not known_head(info.head or ""):
            # an epithet for someone named before: "the businessman", "the mogul" after "Donald Trump"
            y = _antecedent(art, pos, lambda y: isinstance(y, _Candidate) or (
                isinstance(y, _Entity) and y.kind == "person" and not y.group))
            x = art.from_candidate(y) if isinstance(y, _Candidate) else y
        return x if x is not None else _keyed(art, kind, info)
    return _keyed(art, info.kind or "anonymous", info)


def _by_role(art: _Article, role: str, pos: int) -> _Entity | None:
    """The person introduced with this title: "the senator" -> "Sen. ... Cruz"."""
    best, best_pos = None, -1
    for e in art.entities:
        if e.kind == "person" and role in e.roles and e.last > best_pos:
            best, best_pos = e, e.last
    i = bisect.bisect_left(art.cand_starts, pos) - 1
    n = 0
    while i >= 0 and n < 300:
        c = art.candidates[i]
        if c.start <= best_pos:
            break
        if c.title is not None and role in _roles(c.title.of(art.text), art.house):
            return art.from_candidate(c)
        i -= 1
        n += 1
    return best


def _keyed(art: _Article, kind: str, info: MentionInfo, unresolved: bool = False) -> _Entity:
    """Descriptions merge when they say the same thing ("sources" ... "sources");
    "another source" is always new."""
    if not info.fresh:
        x = art.recent(lambda e: e.kind == kind and e.unresolved == unresolved and _same_key(e.key, info.key, kind))
        if x is not None:
            return x
    return art.new(kind=kind, name=info.name, key=info.key, gender=info.gender, plural=info.plural,
                   head=info.head, group=info.group, spokes=info.role == "spokesperson",
                   unresolved=unresolved)


def _same_key(a: str, b: str, kind: str) -> bool:
    if a == b:
        return True
    if kind != "institutional" or not a or not b:
        return False
    ta, tb = a.split(), b.split()
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    # "The Post" is "The New York Post"; "the Times" is "The New York Times"
    return len(short) >= 1 and long_[-len(short):] == short and short[-1] in ORG_HEADS


_NP_DETERMINERS = frozenset("a an the some many one two three several another his her their its".split())
_NP_STOP = re.compile(r"[.;:!?\"“”()\[\]]")


def _noun_phrase_before(text: str, pos: int) -> Mention | None:
    """The noun phrase a relative pronoun follows: "a senior official" in
    "a senior official, who ...", "John Kerry" in "John Kerry, who"."""
    i = pos
    while i > 0 and text[i - 1] in " \t,":
        i -= 1
    end = i
    lo = max(0, end - 100)
    chunk = text[lo:end]
    cut = max((m.end() for m in _NP_STOP.finditer(chunk)), default=0)
    comma = chunk.rfind(",")
    cut = max(cut, comma + 1)
    toks = [(m.start() + lo, m.end() + lo, m.group()) for m in _TOKEN.finditer(chunk, cut)]
    if not toks:
        return None
    # the capitalised run that ends the chunk (a name), else from the last determiner
    k = len(toks)
    while k > 0 and (toks[k - 1][2][0].isupper() or toks[k - 1][2].lower() in ("of", "al", "de", "van", "von")):
        k -= 1
    while k < len(toks) and not toks[k][2][0].isupper():
        k += 1
    if k < len(toks):
        return _mention(text, toks[k][0], end)
    for t in reversed(toks):
        if t[2].lower() in _NP_DETERMINERS:
            return _mention(text, t[0], end)
    return None


# --- descriptor and anonymity reason ------------------------------------------------

def _descriptor(art: _Article, e: _Entity, info: MentionInfo, m: Mention, exact: bool) -> Mention | None:
    text = art.text
    sent = art.sentence_span(m.span.start)
    if exact and info.appositive is not None:
        a, b = m.span.start + info.appositive[0], m.span.start + info.appositive[1]
        inner = Mention(Span(a, b), text[a:b])
        if not (e.kind == "anonymous" and (_ANON_ANCHOR.search(inner.text) or _REASON_SELF.search(inner.text))):
            if not (e.kind == "person" and info.title_span is not None):
                return inner
    if e.kind == "person" and info.form == "name":
        if exact and info.title_span is not None:
            a = m.span.start + info.title_span[0]
            return Mention(Span(a, m.span.start + info.title_span[1]), text[a:m.span.start + info.title_span[1]])
        name_start = m.span.start + info.name_span[0] if exact else m.span.start
        t = _title_before(text, name_start, sent.start, art.house)
        if t is not None:
            return Mention(t, t.of(text))
        return _appositive_after(text, m.span.end, sent.end, art.house)
    if info.form not in ("description", "definite"):
        return None
    if e.kind == "anonymous":
        appos = _appositive_after(text, m.span.end, sent.end, art.house)
        if appos is not None and not _ANON_ANCHOR.search(appos.text):
            return appos
        rel = _RELATIVE_AFTER.match(text, m.span.end, sent.end)
        if rel is not None:
            stop = _clause_end(text, rel.end(), sent.end)
            cue = _CLAUSE_CUE.search(text, rel.end(), stop)
            if cue is not None:  # "a person who attended the meeting said ...": no comma before the verb
                stop = cue.start()
            clause = text[rel.end():stop]
            if clause.strip() and not _ANON_ANCHOR.search(clause) and not _REASON_SELF.search(clause):
                return _mention(text, m.span.start, stop)
        return m if exact else None
    if e.kind == "institutional":
        if e.spokes:
            return m if exact else None
        return _appositive_after(text, m.span.end, sent.end, art.house)
    return None


def _anonymity_reason(art: _Article, m: Mention) -> Mention | None:
    """The stated reason for anonymity near a mention: "because he was
    discussing classified reports" in "who spoke on the condition of anonymity
    because he was discussing classified reports"."""
    text = art.text
    sent = art.sentence_span(m.span.start)
    regions = [sent]
    if sent.end < len(text):
        nxt = art.sentence_span(_skip_space(text, sent.end))
        if nxt.start >= sent.end and art.doc.paragraph_at(nxt.start) == art.doc.paragraph_at(sent.start):
            regions.append(nxt)
    k = art.sentence_index(sent.start)
    if 0 < k < len(art.doc.sentences) and art.doc.sentences[k].span == sent:
        # "Two officials spoke on condition of anonymity because ... They said ..."
        prev = art.doc.sentences[k - 1]
        if prev.paragraph == art.doc.sentences[k].paragraph:
            regions.append(prev.span)
    for region in regions:
        hi = min(region.end, len(text))
        anchors = [a for a in art.anchors(region.start, hi) if _owner(art, a.start(), a.end()) == m.span]
        anchors.sort(key=lambda a: abs(a.start() - m.span.end))
        for a in anchors:
            r = _reason_after(text, a.end(), hi)
            if r is not None:
                return r
        s = _REASON_SELF.search(text, region.start, hi) if art.has_self_reason else None
        if s is not None and _owner(art, s.start(), s.end()) == m.span:
            return _mention(text, s.start(), _clause_end(text, s.start(), hi))
        if anchors:
            return None  # anonymity granted, no reason given
    return None


def _owner(art: _Article, a: int, b: int) -> Span | None:
    """The speaker mention nearest to an anonymity phrase at [a, b): the one it is about."""
    i = bisect.bisect_left(art.speakers, (a, a))
    best, dist = None, None
    for j in (i - 2, i - 1, i, i + 1):
        if 0 <= j < len(art.speakers):
            s, e = art.speakers[j]
            d = a - e if e <= a else s - b if s >= b else 0
            if d >= 0 and (dist is None or d < dist):
                best, dist = Span(s, e), d
    return best


def _reason_after(text: str, pos: int, hi: int) -> Mention | None:
    c = _REASON_OPENER.match(text, pos, hi)
    if c is None:
        s = _REASON_SELF.match(text, _skip_space(text, pos), hi)
        if s is None:
            return None
        start = s.start()
    else:
        word = c.group("c").lower()
        guard = _REASON_GUARD.get(word)
        if guard is not None and not guard.match(text, c.end("c"), hi):
            return None
        start = c.start("c")
    stop = _clause_end(text, start, hi)
    if len(text[start:stop].split()) < 2:
        return None
    return _mention(text, start, stop)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


# --- the stage -------------------------------------------------------------------

_TYPE = {"person": "named", "anonymous": "anonymous", "institutional": "institutional"}


def resolve_sources(doc: Document, quotes: list[Quote], *,
                    house_titles: frozenset[str] = frozenset()) -> tuple[list[Quote], list[Source]]:
    """Group speaker mentions into sources; return quotes with ``source_id``
    and the sources, numbered s1, s2, ... in order of their first quote.
    A quote without a speaker stays unattributed (no source)."""
    house = frozenset(house_titles)
    art = _Article(doc, quotes, house)
    text = doc.text
    order = sorted((i for i, q in enumerate(quotes) if q.speaker is not None),
                   key=lambda i: (quotes[i].speaker.span.start, i))
    owner: dict[int, _Entity] = {}
    for i in order:
        q = quotes[i]
        m = q.speaker
        exact = m.span.end <= len(text) and text[m.span.start:m.span.end] == m.text
        info = analyse(m.text, house)
        e = _resolve(art, info, m, m.span.start if exact else q.span.start)
        owner[i] = e
        e.mentions.append(m)
        art.note(e, m.span.start)
        if not exact:
            continue
        if e.kind != "institutional" and info.organisation is not None and e.organisation is None:
            e.organisation = m.text[info.organisation[0]:info.organisation[1]]
        if e.kind == "institutional" and info.organisation is not None and e.organisation is None:
            e.organisation = m.text[info.organisation[0]:info.organisation[1]]
        if e.kind != "person" and info.form == "description" and len(info.name) > len(e.name):
            e.name = info.name
        if e.descriptor is None:
            e.descriptor = _descriptor(art, e, info, m, exact)
            if e.descriptor is not None and e.kind == "person":
                e.roles |= _roles(e.descriptor.text, house)
        if e.kind == "anonymous" and e.reason is None:
            e.reason = _anonymity_reason(art, m)

    ids: dict[int, str] = {}
    sources: list[Source] = []
    out: list[Quote] = []
    for i, q in enumerate(quotes):
        e = owner.get(i)
        if e is None:
            out.append(replace(q, source_id=None))
            continue
        if id(e) not in ids:
            ids[id(e)] = f"s{len(ids) + 1}"
        e.quote_ids.append(q.id)
        out.append(replace(q, source_id=ids[id(e)]))
    by_id = {id(e): e for e in art.entities}
    for key, sid in ids.items():
        e = by_id[key]
        kind = "anonymous" if e.unresolved and e.kind != "institutional" else e.kind
        sources.append(Source(
            id=sid, name=e.name, type=_TYPE[kind],
            descriptor=e.descriptor,
            mentions=tuple(sorted(set(e.mentions), key=lambda x: (x.span.start, x.span.end))),
            anonymity_reason=e.reason if kind == "anonymous" else None,
            quote_ids=tuple(e.quote_ids),
            organisation=e.organisation,
        ))
    return out, sources
