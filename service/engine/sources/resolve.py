"""Resolution: speaker mentions to entities. A pronoun to the nearest
compatible person (other quotes' speakers and person names in the text,
sentence by sentence, leftmost first: the subject), a surname or "Mr. Kerry"
to the person of that name, "the senator" to the person introduced with that
title, "the official" to the unnamed official already quoted, "who" to the
noun phrase before it.

Look-backs are bounded to the current and two previous paragraphs
(``Geometry.window_start``), so the stage is linear in the article.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ..lexicon import table
from ..model import Mention, Span
from ..words import NP_DETERMINERS, PREPOSITIONS, SENTENCE_OPENERS
from .geometry import Geometry, mention as _mention, skip_space
from .mentions import analyse
from .names import Body, Candidate, Names
from .reading import DOCUMENT_HEADS, FIRST_NAMES, FUNCTION_WORDS, HONORIFICS, ORG_HEADS, Kind, MentionInfo, _role_gender, known_head, title_role
from .titles import role_fits, roles as _roles

_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_TOKEN = re.compile(r"\S+")
_AUTHOR = "\x00author"
_SPOKES_WORDS = frozenset(("spokesman", "spokeswoman", "spokesperson", "press secretary", "communications director",
                           "press officer"))
_SURNAME_SHAPE = re.compile(r"^(?:Mc|Mac|O['’]|Fitz|Van|Von|De|Di|Da|Le|La|Al-|El-|Ben-|Abu-)[A-Z]")  # "McAllen", "O'Neill"
_CONTRACTION = re.compile(r"['’](?:m|s|re|ll|ve|d|t)$", re.I)
_APOSTROPHES = str.maketrans({"'": "’", "’": "'"})


@dataclass(eq=False, slots=True)
class Entity:
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


def _better_name(e: Entity, first: str, name: str) -> bool:
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


class Registry:
    """The entities found so far in one article, with the article's names and
    geometry to resolve new mentions against."""

    def __init__(self, geo: Geometry, names: Names, house: frozenset[str]):
        self.geo = geo
        self.text = geo.text
        self.names = names
        self.house = house
        self._pronouns: dict[str, list[int]] | None = None
        self._lower: frozenset[str] | None = None
        self.entities: list[Entity] = []
        self.by_surname: dict[str, list[Entity]] = {}
        self.seen: list[tuple[int, int, Entity]] = []  # (mention start, seq, entity), sorted
        self._seq = 0

    # -- "he" and "she" in the running text, found once --
    def subject_pronouns(self, gender: str, lo: int, hi: int) -> list[int]:
        if self._pronouns is None:
            self._pronouns = {"m": [], "f": []}
            for p in _SUBJECT_PRONOUN.finditer(self.text):
                if not self.geo.in_quoted(p.start()):
                    self._pronouns["m" if p.group().lower() == "he" else "f"].append(p.start())
        found = self._pronouns[gender]
        return found[bisect.bisect_left(found, lo):bisect.bisect_left(found, hi)]


    def lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case ("watch", "zero")."""
        if self._lower is None:
            self._lower = frozenset(_LOWER_WORD.findall(self.text))
        return self._lower

    # -- entities --
    def new(self, **kw) -> Entity:
        e = Entity(**kw)
        self.entities.append(e)
        if e.kind == "person" and e.surname:
            self.by_surname.setdefault(e.surname, []).append(e)
        return e

    def person(self, surname: str, first: str | None, gender: str) -> Entity | None:
        best = None
        for e in self.by_surname.get(surname, ()):
            if (best is None or e.last > best.last) and not e.group \
                    and _compatible_first(e.first, first) and _compatible_gender(e.gender, gender):
                best = e
        return best

    def named_in_text(self, surname: str) -> bool:
        """Whether the article names a person with this surname (or already has one)."""
        return bool(self.by_surname.get(surname)) or surname in self.names.surnames

    def recent(self, accept) -> Entity | None:
        """The most recently mentioned entity that ``accept`` takes."""
        best = None
        for e in self.entities:
            if (best is None or e.last > best.last) and accept(e):
                best = e
        return best

    def from_candidate(self, c: Candidate) -> Entity:
        e = self.person(c.surname, c.first, c.gender)
        if e is None and c.first is None:
            # "Diaz" alone where the article names Carla Diaz, and no other Diaz: her
            full = self.only_full_name(c.surname)
            if full is not None and _compatible_gender(full.gender, c.gender):
                c = full
                e = self.person(c.surname, c.first, c.gender)
        if e is None:
            e = self.new(kind="person", name=c.name, key=c.surname, first=c.first, surname=c.surname,
                         gender=c.gender)
        self.learn_person(e, c.name, c.first, c.title)
        return e

    def learn_person(self, e: Entity, name: str, first: str | None, title: Span | None) -> None:
        """Fill a person's full name and descriptor from one occurrence of it."""
        if first and _better_name(e, first, name):
            e.first, e.name = first, name
        if e.descriptor is None and title is not None:
            e.descriptor = Mention(title, title.of(self.text))
        if e.descriptor is not None:
            e.roles |= _roles(e.descriptor.text, self.house)

    def full_name(self, surname: str, pos: int) -> Candidate | None:
        """The full name this surname most often stands for ("Trump": Donald,
        not Ivanka), the nearest before ``pos`` on a tie."""
        counts: dict[str, int] = {}
        latest: dict[str, Candidate] = {}
        for c in self.names.candidates:
            if c.surname == surname and c.first:
                k = c.first.rstrip(".").lower()
                counts[k] = counts.get(k, 0) + 1
                if c.start < pos or k not in latest:
                    latest[k] = c
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], latest[k].start < pos, latest[k].start))
        return latest[best]

    def only_full_name(self, surname: str) -> Candidate | None:
        """The full name of the one person of this surname the article names
        in full (None for none, or for two: Hillary and Bill Clinton)."""
        found: Candidate | None = None
        for c in self.names.candidates:
            if c.surname == surname and c.first:
                if found is not None and c.first.rstrip(".").lower() != (found.first or "").rstrip(".").lower():
                    return None
                found = found or c
        return found

    def earlier_person(self, pos: int, gender: str, limit: int = 200) -> Candidate | None:
        """The nearest person named anywhere before ``pos`` (outside quotations)."""
        i = bisect.bisect_left(self.names.cand_starts, pos) - 1
        while i >= 0 and limit > 0:
            c = self.names.candidates[i]
            if _compatible_gender(c.gender, gender) and not self.geo.in_quoted(c.start):
                return c
            i -= 1
            limit -= 1
        return None

    def note(self, e: Entity, pos: int) -> None:
        e.last = max(e.last, pos)
        self._seq += 1
        bisect.insort(self.seen, (pos, self._seq, e))

    def preceding(self, pos: int, bodies: bool = False):
        """(start, entity or candidate) before ``pos`` within the look-back window,
        nearest first; with ``bodies``, organisations named in the text too."""
        if bodies:
            lo = self.geo.window_start(pos)
            found: list[tuple[int, Referent]] = [(b.start, b) for b in self.names.bodies if lo <= b.start < pos]
            found += list(self.preceding(pos))
            found.sort(key=lambda t: -t[0])
            yield from found
            return
        lo = self.geo.window_start(pos)
        i = bisect.bisect_left(self.names.cand_starts, pos) - 1
        j = bisect.bisect_left(self.seen, (pos, -1, None)) - 1 if self.seen else -1
        while True:
            c = self.names.candidates[i] if i >= 0 and self.names.candidates[i].start >= lo else None
            s = self.seen[j] if j >= 0 and self.seen[j][0] >= lo else None
            if c is None and s is None:
                return
            if s is not None and (c is None or s[0] >= c.start):
                yield s[0], s[2]
                j -= 1
            elif c is not None:
                yield c.start, c
                i -= 1



# --- resolution ----------------------------------------------------------------

Referent = Entity | Candidate | Body  # what a look-back finds: a known source, or a name in the text


def _person_like(art: Registry, x: Referent, gender: str) -> bool:
    if isinstance(x, Body):
        return False
    if isinstance(x, Candidate):
        known = art.person(x.surname, x.first, x.gender)  # "Trump" in the text is Donald Trump, quoted before
        return _compatible_gender(known.gender if known is not None else x.gender, gender)
    if not _compatible_gender(x.gender, gender) or x.plural or x.group or x.key == _AUTHOR:
        return False  # the writer's "I" is never "he" or "she"
    return x.kind in ("person", "anonymous") or x.spokes


def _role_compatible(art: Registry, x: Referent, fits: frozenset[str], gender: str) -> bool:
    """A person who may be described by one of these roles: none of the roles
    the article gives them contradicts it."""
    if isinstance(x, Body) or not _person_like(art, x, gender) or (isinstance(x, Entity) and x.kind != "person"):
        return False
    known = x.roles if isinstance(x, Entity) else (
        _roles(x.title.of(art.text), art.house) if x.title is not None else set())
    return not known or not fits.isdisjoint(known)


def _entity(art: Registry, x: Referent | None) -> Entity | None:
    """The entity a referent stands for: a name in the text becomes (or joins)
    a person, a body named in the text an institutional source."""
    if isinstance(x, Candidate):
        return art.from_candidate(x)
    if isinstance(x, Body):
        return _keyed(art, "institutional", analyse(x.name, art.house))
    return x


def _antecedent(art: Registry, pos: int, accept, gender: str = "u", bodies: bool = False,
                at: bool = False):
    """Sentence by sentence back from ``pos``, the leftmost acceptable mention
    of the nearest sentence that has one (the subject is usually leftmost);
    with ``at``, (its start, it).
    A sentence led by "he" (or "she") talks of someone named earlier: the
    search goes on past it ("Kerry arrived. He met Lavrov. '...,' he said")."""
    led: dict[int, int] = {}  # sentence -> its first "he"/"she" (that sentence passes the search on)
    if gender in ("m", "f"):
        for start in art.subject_pronouns(gender, art.geo.window_start(pos), pos):
            k = art.geo.sentence_index(start)
            led[k] = min(start, led.get(k, start))

    def settled(k: int | None, chosen: tuple[int, Referent] | None) -> tuple[int, Referent] | None:
        """``chosen``, unless sentence ``k`` passes the search on (a "he" before it)."""
        return chosen if chosen is not None and (k not in led or chosen[0] < led[k]) else None

    # mentions come nearest first, so a sentence is complete once an earlier one starts;
    # in a sentence, the leftmost of its main clause; in the pronoun's own sentence, a name known
    # to have its gender before one of unknown gender ("Chris Christie described Hillary Clinton
    # as a disgrace after she ...")
    current: int | None = None
    best: tuple[int, Referent] | None = None
    main: tuple[int, Referent] | None = None
    sure: tuple[int, Referent] | None = None
    lead = -1
    own = art.geo.sentence_index(pos)
    for start, x in art.preceding(pos, bodies):
        if art.geo.in_quoted(start) or not accept(x):
            continue
        k = art.geo.sentence_index(start)
        if k != current:
            chosen = settled(current, sure or main or best)
            if chosen is not None:
                return chosen if at else chosen[1]
            current, best, main, lead, sure = k, None, None, _subordinate_lead(art, start), None
        best = (start, x)  # the leftmost acceptable mention of the sentence so far
        if start >= lead and not (main is not None and _after_preposition(art, start)):
            main = best  # ... and of its main clause, not the object of a preposition ("for Clinton")
        if gender in ("m", "f") and k == own and _gender_of(art, x) == gender and (sure is None or start >= lead) \
                and not _possessive_at(art, x):
            sure = best
    chosen = settled(current, sure or main or best)
    if chosen is None:
        return None
    return chosen if at else chosen[1]


_PREPOSITION_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(PREPOSITIONS)) + r"|about|against|over)\s+$", re.I)


def _after_preposition(art: Registry, start: int) -> bool:
    """Does a preposition stand right before this mention ("happening for Clinton")?"""
    return _PREPOSITION_BEFORE.search(art.text, max(0, start - 12), start) is not None


def _possessive_at(art: Registry, x: Referent) -> bool:
    """A name in the possessive ("a gun in Scott's hand") is not the subject a pronoun takes up."""
    return isinstance(x, Candidate) and art.text[x.end:x.end + 2] in ("'s", "’s")


def _gender_of(art: Registry, x: Referent) -> str:
    if isinstance(x, Candidate):
        known = art.person(x.surname, x.first, x.gender)
        return known.gender if known is not None and known.gender != "u" else x.gender
    return x.gender


_SUBORDINATE = re.compile(r"(?:While|Although|Though|Whereas|If|Unless|Because|Since|When|Whenever|After|Before"
                          r"|Once|Until|As|Even\s+(?:if|though)|Despite|Unlike|Like|Instead\s+of|Rather\s+than"
                          # an opening prepositional or participial phrase: "In an interview with X, Y ..."
                          r"|In|At|On|During|Following|Under|With|Without|Amid|Throughout|Through|Besides"
                          r"|Speaking|Asked|Talking|Writing|Appearing)\b[^,.;:!?]{0,200},")


def _subordinate_lead(art: Registry, pos: int) -> int:
    """Where the main clause of the sentence holding ``pos`` begins when the
    sentence opens with a subordinate clause or a prepositional phrase ("In an
    interview with Ana Ruiz, Tom Lee said"; "While Obama had artists, that
    has not happened for Clinton, which concerns Ben Ortiz"): the subject
    of the main clause is the likelier antecedent. -1 when there is none."""
    s = art.geo.sentence_span(pos)
    i = skip_space(art.text, s.start)
    m = _SUBORDINATE.match(art.text, i, s.end)
    return m.end() if m else -1


def _resolve(art: Registry, info: MentionInfo, m: Mention, pos: int, depth: int = 0) -> Entity:
    """The entity a speaker mention refers to (new or already known)."""
    if info.kind == "institutional" and info.rule in ("collective-name", "place", "acronym") \
            and " " not in info.name and art.named_in_text(info.name.lower()):
        # "Jordan said" where the article names Jim Jordan: the person, not the country
        info = replace(info, form="name", kind="person", surname=info.name.lower(), first=None,
                       name_span=info.name_span, key=info.name.lower(), gender="u")
    if info.role == "spokesperson" and not info.plural and info.head in _SPOKES_WORDS:
        # "a spokeswoman for Hillary Clinton" when the article names her: the person
        org = info.name[info.organisation[0] - info.name_span[0]:info.organisation[1] - info.name_span[0]] \
            if info.organisation is not None else None
        of = org.split()[-1].lower().strip("’'s") if org else None
        x = _by_role(art, "spokesperson", pos, ahead=True, gender=info.gender, of=of)
        if x is not None:
            return x
    if info.plural and info.kind in ("anonymous", None) and info.head and _named_holders(art, info, m, pos) >= 2:
        # "the two senators", "both lawmakers" after the article names them: named people
        return _keyed(art, "person", replace(info, kind="person", group=True))
    if info.plural and info.kind in ("anonymous", None) and info.head and _DEFINITE_PLURAL.match(m.text):
        # "Mr. Grassley and Mr. Leahy said ..., what the senators said was ...": those people
        pair = _named_together(art, pos)
        role = title_role(info.head, art.house)
        if pair is not None and role is not None and art.geo.doc.paragraph_at(pair[0].start) \
                >= art.geo.doc.paragraph_at(pos) - 1:
            fits = role_fits(role[0])
            if all(_role_compatible(art, c, fits, "u") for c in pair) \
                    and any(_titled_anywhere(art, c.surname, fits) for c in pair):
                return _people(art, pair)
    if info.rule == "indefinite-title" and not info.plural and info.role is not None:
        # "A New York judge has rejected ..." in a lede, "Judge Ana Ruiz" further on: the person
        x = _by_role(art, info.role, pos, ahead=True, only_ahead=True)
        if x is None:
            x = _introduced_next(art, pos)
            if x is not None:
                x.roles.add(info.role)  # what the lede called them: later descriptions must agree
        if x is not None:
            return x
    if not info.plural and info.kind == "anonymous" and info.role is None and info.head \
            and art.geo.doc.paragraphs and art.geo.doc.paragraph_at(pos) == 0 \
            and m.text.split()[0].lower() not in NP_DETERMINERS:
        # a headline's "Judge rejects ...", "Lawmaker urges ...": the office holder the story names
        role = title_role(info.head, art.house)
        x = _by_role(art, role[0], pos, ahead=True, only_ahead=True) if role is not None else None
        if x is None and m.text[:1].isupper():
            x = _introduced_next(art, pos)  # "Member of House panel says ...": the person the lede names
        if x is not None:
            return x
    by_form = _BY_FORM.get(info.form)
    if by_form is not None:
        return by_form(art, info, m, pos, depth)
    return _keyed(art, info.kind or "anonymous", info)


def _name(art: Registry, info: MentionInfo, m: Mention, pos: int, depth: int) -> Entity:
    """A name: the person of that surname and a compatible first name."""
    surname = info.surname or ""  # a name always has one
    e = art.person(surname, info.first, info.gender)
    if e is None and info.first is None:
        # "Xi" after "Xi Jinping", "Hillary" after "Hillary Clinton": the name's first word
        e = art.recent(lambda x: x.kind == "person" and not x.group and (x.first or "").lower() == info.surname
                       and _compatible_gender(x.gender, info.gender))
    if e is None:
        c = None if info.first else (art.full_name(surname, pos) or _misspelt(art, surname))
        if c is not None and _compatible_gender(c.gender, info.gender):
            e = art.from_candidate(c)
        elif _bare_word(art, info, m) or _common_words(art, info, m) or _acts_as_body(art, info, m):
            # "Politifact said", "Northwind said": one capitalised word that the article
            # never gives as a person's name (no first name, title or honorific) is a body
            return _keyed(art, "institutional", replace(info, form="description", kind="institutional",
                                                         key=info.name.lower(), head=info.name.lower(), gender="n"))
        else:
            e = art.new(kind="person", name=info.name, key=info.surname, first=info.first,
                        surname=info.surname, gender=info.gender)
    elif info.first and _better_name(e, info.first, info.name):
        e.first, e.name = info.first, info.name
    if e.gender == "u":
        e.gender = info.gender
    return e


def _misspelt(art: Registry, surname: str) -> Candidate | None:
    """"McAlister" where the article names Dana McAllister, "Ruis" for Ana
    Ruiz: a bare surname one letter away from the surname of exactly one person
    the article names in full is that person, misspelt."""
    if len(surname) < 5:
        return None
    found = {c.surname: c for c in art.names.candidates
             if " " in c.name and c.surname[:1] == surname[:1] and _one_edit(c.surname, surname)
             and c.surname + "s" != surname and surname + "s" != c.surname}  # "the Khans" are not a misspelling
    return next(iter(found.values())) if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one letter changed, added, dropped or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
        return a[i + 1:] == b[i + 1:] or swapped
    return a[i:] == b[i + 1:]


_DEFINITE_PLURAL = re.compile(r"^(?:the|both|the two|the three|all three|the four)\s", re.I)


def _introduced_next(art: Registry, pos: int) -> Entity | None:
    """A lede that holds back a name ("A former party chairman says ...") and
    the next paragraph that gives it ('"...," said Tom Lake, who led the
    party'): the first person named in full after the lede's sentence, in the
    next paragraph, whom the article has not named before."""
    doc = art.geo.doc
    if not doc.paragraphs or doc.paragraph_at(pos) > 1:
        return None
    after = art.geo.sentence_span(pos).end
    limit = doc.paragraphs[min(len(doc.paragraphs) - 1, doc.paragraph_at(pos) + 1)].end
    before = {c.surname for c in art.names.candidates if c.start < pos}
    i = bisect.bisect_left(art.names.cand_starts, after)
    while i < len(art.names.candidates) and art.names.candidates[i].start < limit:
        c = art.names.candidates[i]
        i += 1
        if art.geo.in_quoted(c.start):
            continue
        if c.first is None or c.surname in before:
            return None  # the next name is not a new person: nothing held back
        return art.from_candidate(c)
    return None


def _named_holders(art: Registry, info: MentionInfo, m: Mention, pos: int) -> int:
    """How many people the article has named, before ``pos``, with the role a
    definite plural description names ("the two senators")."""
    if not _DEFINITE_PLURAL.match(m.text):
        return 0
    role = title_role(info.head or "", art.house)
    if role is None:
        return 0
    fits = role_fits(role[0])
    named = {e.surname for e in art.entities if e.kind == "person" and not e.group and not fits.isdisjoint(e.roles)}
    i = bisect.bisect_left(art.names.cand_starts, pos) - 1
    while i >= 0 and len(named) < 2 and pos - art.names.candidates[i].start < 3000:
        c = art.names.candidates[i]
        if c.title is not None and not fits.isdisjoint(_roles(c.title.of(art.text), art.house)):
            named.add(c.surname)
        i -= 1
    return len(named)


def _titled_anywhere(art: Registry, surname: str, fits: frozenset[str]) -> bool:
    """Whether the article gives the person of this surname one of these roles
    ("Sens. Charles Grassley and ...", or a title learnt from a quote)."""
    if any(not fits.isdisjoint(e.roles) for e in art.by_surname.get(surname, ())):
        return True
    return any(c.surname == surname and c.title is not None
               and not fits.isdisjoint(_roles(c.title.of(art.text), art.house)) for c in art.names.candidates)


def _bare_word(art: Registry, info: MentionInfo, m: Mention) -> bool:
    """A single capitalised word with no sign of a person: not a known given
    name, no title or honorific, and no person of that name in the text."""
    if info.first is not None or info.title_span is not None or info.appositive is not None \
            or " " in info.name or info.name.isupper() \
            or _CONTRACTION.search(info.name) or title_role(info.name, art.house) or title_role(info.name + ".", art.house):
        return False
    words = m.text.split()
    if len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        return False
    surname = info.surname or ""
    if info.name in FIRST_NAMES or _SURNAME_SHAPE.match(info.name) or art.named_in_text(surname) \
            or art.named_in_text(surname.translate(_APOSTROPHES)):
        return False
    if _speaks_as_i(art, m):
        return False  # '"I grew up above the bakery," Cruz said': a body never says "I"
    # "Ava DuVernay" anywhere in the text, even when the scan did not take it for a person
    return info.name.lower().replace("’", "'") not in art.names.in_full


_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|ll|d)|[Mm]e|[Mm]y|[Mm]yself|[Mm]ine)\b")


def _speaks_as_i(art: Registry, m: Mention) -> bool:
    """Does the quotation this mention attributes, right before it ('"...,"
    Cruz said') or right after it ('Cruz said: "..."'), speak in the first
    person singular?"""
    geo = art.geo
    i = bisect.bisect_right(geo.quoted_starts, m.span.start) - 1
    near = [geo.quoted[k] for k in (i, i + 1) if 0 <= k < len(geo.quoted)]
    for a, b in near:
        if (0 <= m.span.start - b <= 4 or 0 <= a - m.span.end <= 12) and _FIRST_PERSON.search(art.text, a, b):
            return True
    return False


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")


def _common_words(art: Registry, info: MentionInfo, m: Mention) -> bool:
    """A name of two or three capitalised words that the article also uses as
    ordinary lower-case words, with no given name, title or honorific ("Zero
    Ledger said", "Harbor Watch argued" in an article that says "zero", "ledger",
    "harbor" and "watch"): a body, not a person ("Ana Okafor", "Mateo Vargas")."""
    words = info.name.split()
    if not 2 <= len(words) <= 3 or info.title_span is not None or info.appositive is not None \
            or words[0] in FIRST_NAMES or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    toks = m.text.split()
    if toks and toks[0].lower().rstrip(".") in HONORIFICS:
        return False
    if words[0].lower() in _NUMBER_NAMES:
        return True  # "Zero Ledger", "One Harbor Now": no person's name starts with a number
    return all(w.lower() in art.lower_words() for w in words)


# a body's people and property after its name ("Wells Fargo CEO John Stumpf", "Acme shareholders")
_BODY_NOUNS = r"(?:CEO|chief executive|executives|shareholders|stockholders|employees|customers|headquarters|subsidiary|shares|stock)"
# "Wells Fargo announced it would ...": the name takes up "it"
_IT_AFTER = r"(?:\s+[a-z]+){0,3}\s+(?:said|says|announced|announces|added|argued|claimed|noted|reported|wrote|stated|insisted)\s+(?:that\s+)?(?:it|its)\s"
_BODY_AFTER_NAME = re.compile(rf"(?:\s+{_BODY_NOUNS}\b|{_IT_AFTER})")


_NUMBER_NAMES = frozenset("zero one two three four five six seven eight nine ten twelve twenty fifty hundred "
                          "thousand million first second third".split())


def _acts_as_body(art: Registry, info: MentionInfo, m: Mention) -> bool:
    """A name of two or three capitalised words, with no given name, title or
    honorific, that the article treats as a body: its chief executive, staff
    or shares follow its name, or it says "it" of itself ("Wells Fargo
    announced it would end the bonuses")."""
    words = info.name.split()
    if not 2 <= len(words) <= 3 or info.title_span is not None or info.appositive is not None \
            or words[0] in FIRST_NAMES or not all(w[:1].isupper() for w in words):
        return False
    toks = m.text.split()
    if toks and toks[0].lower().rstrip(".") in HONORIFICS:
        return False
    # ``re.search(rf"\b{re.escape(name)}(?:...)", text)``, without compiling a pattern per name and trying it
    # at every character: each place the name stands (str.find), at a word boundary, then what follows it
    text, name = art.text, info.name
    word_first = _word_char(name[0])
    at = text.find(name)
    while at >= 0:
        if (at > 0 and _word_char(text[at - 1])) != word_first \
                and _BODY_AFTER_NAME.match(text, at + len(name)) is not None:
            return True
        at = text.find(name, at + 1)
    return False


def _word_char(c: str) -> bool:
    """Does ``c`` match ``\\w``?"""
    return c.isalnum() or c == "_"


def _pronoun(art: Registry, info: MentionInfo, m: Mention, pos: int, depth: int) -> Entity:
    """"they" to a group or a body, "it" to a body, "he"/"she" to a person of that gender."""
    if info.plural:
        # a body may be "they"; one document may not ("The statement noted ... they said")
        found = _antecedent(art, pos, lambda x: (isinstance(x, Body) and x.plural) or (
            isinstance(x, Entity) and (x.plural or x.group or (
                x.kind == "institutional" and x.head not in DOCUMENT_HEADS))), bodies=True, at=True)
        pair = _named_together(art, pos)
        if pair is not None and (found is None or art.geo.sentence_index(pair[0].start)
                                 > art.geo.sentence_index(found[0])):
            return _people(art, pair)
        # "Greenpeace activists blocked the gate. They said ...": the subject just before,
        # nearer than any group or body quoted or named
        x = _nearer_subject(art, pos, found, _plural_subject_at, lambda e: e.plural or e.group)
        if x is not None:
            return x
        x = _entity(art, found[1]) if found is not None else None
        return x if x is not None else _keyed(art, "anonymous", info, unresolved=True)
    if info.gender == "n":
        found = _antecedent(art, pos, lambda x: isinstance(x, Body) or (
            isinstance(x, Entity) and x.kind == "institutional" and not x.spokes), bodies=True, at=True)
        # "The pilots' union disputed that. It said ...": the body that opens the sentence before
        x = _nearer_subject(art, pos, found, _body_subject_at, lambda e: e.kind == "institutional")
        if x is not None:
            return x
        x = _entity(art, found[1]) if found is not None else None
        return x if x is not None else _keyed(art, "institutional", info)
    answered = _answered(art, pos)  # '"You're right, ...," he said': not the one he answers
    x = _last_speaker(art, pos, info.gender)
    if x is answered:
        x = None
    if x is None:
        found = _antecedent(art, pos, lambda x: x is not answered and _person_like(art, x, info.gender),
                            info.gender, at=True)
        x = _titled_subject(art, info, pos, found[0] if found is not None else -1)
        if x is None and found is not None:
            x = _entity(art, found[1])
    if x is None:
        # beyond the window: the most recent compatible person speaker, else person named earlier
        x = art.recent(lambda e: e.kind == "person" and not e.group and e.key != _AUTHOR
                       and _compatible_gender(e.gender, info.gender))  # the author is "I", never "he"
    if x is None:
        x = _entity(art, art.earlier_person(pos, info.gender))
    if x is None:
        return _keyed(art, "anonymous", info, unresolved=True)
    if x.gender == "u":
        x.gender = info.gender
    return x


_ROLE_SUBJECT = re.compile(r"(?:The|the)\s+((?:[A-Z][\w’'-]*\s+){0,2}(?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+(?:[a-z]+ed|[a-z]+s|had|has|was|is|said|told|spoke|went|took|made|gave|met|left|came)\b")


# "The mayor's harbor roots also came into play. ... she told": the office holder leads the sentence
_ROLE_POSSESSOR = re.compile(r"(?:The|the)\s+((?:[A-Z][\w-]*\s+){0,2}(?:[a-z][\w-]*\s+)?[a-z][\w-]*)(?:'s|’s)\s")


# "McConnell aides acknowledged ...", "Twenty-seven states and industry groups are challenging ..."
# "The pilots' union disputed ...", "The company has said ..."
_SINGULAR_SUBJECT = re.compile(r"((?:The|the)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+)\s+(?:[a-z]+ed|has|had|was|is|said|says)\b")
_PLURAL_SUBJECT = re.compile(r"((?:[A-Z][\w’'-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s)"
                             r"\s+(?:[a-z]+ed|have|had|are|were|say|said|argue|argued|want|wanted)\b")


_REPLY = re.compile(r"(?:You[’']re|You are|That[’']s|You[’']re absolutely) right\b")


def _answered(art: Registry, pos: int) -> Entity | None:
    """The speaker a quotation answers ('one questioner claimed ... "You're
    right, we ...," he said'): the source quoted last before it, when the
    quotation opens with "You're right"; else None."""
    own = art.geo.sentence_span(pos)
    opening = max(art.text.rfind(mark, own.start, pos) for mark in ("“", '"'))
    if opening < 0 or not _REPLY.match(art.text, opening + 1):
        return None
    j = bisect.bisect_left(art.seen, (opening, -1, None)) - 1
    return art.seen[j][2] if j >= 0 else None


def _subject_at(art: Registry, pos: int, pattern: re.Pattern, accept) -> tuple[int, Mention, MentionInfo] | None:
    """The subject (matched by ``pattern``, its reading taken by ``accept``)
    that opens the pronoun's sentence or the one before, after an opener
    ("Meanwhile,", "But"), as (its start, its mention, its reading), not yet resolved."""
    k = art.geo.sentence_index(pos)
    for j in (k, k - 1):
        if j < 0:
            continue
        start = skip_space(art.text, art.geo.sent_starts[j])
        opener = _OPENER.match(art.text, start, pos)
        if opener is not None and opener.group(1).lower() in SENTENCE_OPENERS \
                and ("," in opener.group() or opener.group(1).lower() in _CONJUNCTIONS):
            start = opener.end()  # "Meanwhile, Greenpeace activists ...", "But the unions ..."
        if start >= pos or art.geo.in_quoted(start):
            continue
        m = pattern.match(art.text, start, min(pos, start + 100))
        if m is None:
            continue
        end = m.end(1)
        relative = _RELATIVE.search(art.text, start, end)
        if relative is not None:
            end = relative.start()  # "The video that is circulating features ...": the video
        mention = _mention(art.text, start, end)
        if mention is None or mention.text.split()[0].lower() in _NOT_SUBJECTS:
            continue
        sub = analyse(mention.text, art.house)
        if accept(sub):
            return start, mention, sub
    return None


def _plural_subject_at(art: Registry, pos: int) -> tuple[int, Mention, MentionInfo] | None:
    """"McConnell aides acknowledged a good relationship. But they emphasized ...": a plural subject."""
    return _subject_at(art, pos, _PLURAL_SUBJECT,
                       lambda sub: sub.plural and sub.form in ("description", "definite", "name"))


def _body_subject_at(art: Registry, pos: int) -> tuple[int, Mention, MentionInfo] | None:
    """"The pilots' union disputed that. It said ...": a body's description as subject."""
    return _subject_at(art, pos, _SINGULAR_SUBJECT,
                       lambda sub: sub.kind == "institutional" and not sub.plural and sub.form == "description")


def _nearer_subject(art: Registry, pos: int, found: tuple[int, object] | None, find, accept) -> Entity | None:
    """The entity of the subject ``find`` gives (``_plural_subject_at``,
    ``_body_subject_at``) when it stands in a later sentence than the
    antecedent ``found`` (start, referent) and ``accept`` takes it; else None.
    A subject lies in the pronoun's sentence or the one before, so an
    antecedent in the pronoun's own sentence is never passed: none is looked for."""
    if found is not None and art.geo.sentence_index(found[0]) >= art.geo.sentence_index(pos):
        return None
    subject = find(art, pos)
    if subject is None or (found is not None and art.geo.sentence_index(subject[0])
                           <= art.geo.sentence_index(found[0])):
        return None
    start, mention, sub = subject
    e = _resolve(art, sub, mention, start, 1)
    return e if accept(e) else None


_OPENER = re.compile(r"([A-Z][a-z]+),?\s+")
_RELATIVE = re.compile(r"\s+(?:that|which|who|whose|whom)\b")
_CONJUNCTIONS = frozenset("but and yet so still".split())
# not the subject of a main clause: a conjunction, a pronoun or demonstrative, a subordinate clause
# ("But when the numbers were updated, they ..."), "such" ("such measures")
_NOT_SUBJECTS = frozenset("but and or so yet then there these those this that it its such "
                          "when if while as because although though once since after before until unless "
                          "whether".split())


def _titled_subject(art: Registry, info: MentionInfo, pos: int, after: int) -> Entity | None:
    """A sentence between the antecedent found (at ``after``) and the pronoun
    that opens with an office holder ("The mayor dismissed the criticism.
    '...,' she said"; "The mayor's plan ..."): the subject is the likelier
    antecedent; the office holder the article names, else the unnamed one."""
    k = art.geo.sentence_index(pos)
    lowest = art.geo.sentence_index(after) if after >= 0 else max(-1, k - 3)
    for j in range(k, max(lowest, k - 3), -1):
        if j < 0:
            break
        start = skip_space(art.text, art.geo.sent_starts[j])
        if start >= pos or art.geo.in_quoted(start):
            continue
        m = _ROLE_SUBJECT.match(art.text, start, min(pos, start + 80)) \
            or _ROLE_POSSESSOR.match(art.text, start, min(pos, start + 80))
        if m is None:
            continue
        role = title_role(m.group(1).split()[-1], art.house)
        if role is None or not _compatible_gender(_role_gender(role[0]), info.gender):
            continue
        mention = _mention(art.text, start, m.end(1))
        if mention is None:
            continue
        sub = analyse(mention.text, art.house)
        if sub.plural or sub.form not in ("definite", "description"):
            continue
        e = _resolve(art, sub, mention, start, 1)
        if e.kind in ("person", "anonymous") and not e.group and _compatible_gender(e.gender, info.gender):
            return e
    return None


_TOGETHER = re.compile(r"\s*(?:,\s*|,?\s+(?:and|&)\s+)(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof)\.?\s+)?")


_AND = re.compile(r"\band\b|&")


def _named_together(art: Registry, pos: int) -> tuple[Candidate, ...] | None:
    """The nearest people named together as a sentence's subject before
    ``pos`` in the look-back window ("Mr. Grassley and Mr. Leahy say ...",
    "Ana Ruiz, Tom Berg and Li Wei wrote ..."), outside quotations: whom a
    following "they" may mean."""
    cands, lo = art.names.candidates, art.geo.window_start(pos)
    i = bisect.bisect_left(art.names.cand_starts, pos) - 1
    while i >= 1 and cands[i].start >= lo:
        j = i
        while j >= 1 and cands[j - 1].surname != cands[j].surname:
            link = _TOGETHER.fullmatch(art.text, cands[j - 1].end, cands[j].start)
            if link is None or (j == i and "," in link.group() and not _AND.search(link.group())):
                break  # the last two are joined by "and": "Ana Ruiz, Tom Berg and Li Wei"
            j -= 1
        if j < i and not art.geo.in_quoted(cands[j].start) and _leads_sentence(art, cands[j].start):
            return tuple(cands[j:i + 1])
        i = j - 1
    return None


def _leads_sentence(art: Registry, pos: int) -> bool:
    """Whether a name stands at the start of its sentence, a title or a few
    words of description before it: the sentence's subject."""
    s = art.geo.sentence_span(pos)
    if len(art.text[s.start:pos].split()) <= 3:
        return True
    lead = _subordinate_lead(art, pos)  # "Instead of building on ..., Obama and Clinton withdrew"
    return lead >= 0 and len(art.text[lead:pos].split()) <= 1


def _people(art: Registry, pair: tuple[Candidate, ...]) -> Entity:
    """The group of people named together, one source ("Grassley and Leahy")."""
    members = [art.from_candidate(c if c.first else (art.full_name(c.surname, c.start) or c)) for c in pair]
    key = "+".join(sorted(e.key for e in members))
    x = art.recent(lambda e: e.kind == "person" and e.group and e.key == key)
    if x is not None:
        return x
    names = [e.name for e in members]
    return art.new(kind="person", name=", ".join(names[:-1]) + " and " + names[-1], key=key,
                   plural=True, group=True)


def _last_speaker(art: Registry, pos: int, gender: str) -> Entity | None:
    """The speaker quoted last, when "he said" follows in the same or the next
    paragraph and no other person who fits is named in a sentence between
    ("''...,'' Mr. Kamin said. ''...,'' he added")."""
    j = bisect.bisect_left(art.seen, (pos, -1, None)) - 1
    if j < 0:
        return None
    at, _, e = art.seen[j]
    doc = art.geo.doc
    if e.kind != "person" or e.group or e.plural or e.key == _AUTHOR or not _compatible_gender(e.gender, gender) \
            or doc.paragraph_at(at) < doc.paragraph_at(pos) - 1:
        return None
    since = art.geo.sentence_index(at)
    if art.text.startswith(("who ", "who,"), at) and _person_opens_sentence(art, at, e, gender):
        # "Rubio refrained from attacking Bush and Christie, who say ... He dismissed": the subject
        return None
    if j > 0:
        at0, _, e0 = art.seen[j - 1]
        if e0 is not e and art.geo.sentence_index(at0) == since and e0.kind == "person" \
                and _compatible_gender(e0.gender, gender):
            # "Josh Earnest said that Obama has long called for ... He said": two speakers in
            # one sentence, the claim inside the other's; the sentence's subject decides
            return None
    for start, x in art.preceding(pos):
        if start <= at:
            break
        if art.geo.sentence_index(start) <= since:
            if e.gender == "u" and gender in ("m", "f") and isinstance(x, Candidate) and x.gender == gender \
                    and not art.geo.in_quoted(start) and art.person(x.surname, x.first, x.gender) is not e:
                return None  # "Chris Christie described Hillary Clinton ... after she ...": not him
            continue
        if x is not e and not art.geo.in_quoted(start) and _person_like(art, x, gender) \
                and not (isinstance(x, Candidate) and art.person(x.surname, x.first, x.gender) is e):
            return None
    return e


def _person_opens_sentence(art: Registry, at: int, e: Entity, gender: str) -> bool:
    """Is someone other than ``e``, of a compatible gender, named before
    ``at`` in its sentence (its subject, most often)?"""
    lo = art.geo.sentence_span(at).start
    i = bisect.bisect_left(art.names.cand_starts, lo)
    while i < len(art.names.candidates) and art.names.candidates[i].start < at:
        c = art.names.candidates[i]
        if _compatible_gender(c.gender, gender) and art.person(c.surname, c.first, c.gender) is not e \
                and not art.geo.in_quoted(c.start):
            return True
        i += 1
    return False


def _relative(art: Registry, info: MentionInfo, m: Mention, pos: int, depth: int) -> Entity:
    """"who" to the noun phrase it follows, else to the nearest person or body."""
    np = _noun_phrase_before(art.text, m.span.start) if depth == 0 else None
    sub = analyse(np.text, art.house) if np is not None else None
    if depth == 0 and (sub is None or sub.rule == "unknown-noun"):
        people = _people_before_thing(art.text, m.span.start)
        if people is not None:
            np, sub = people, analyse(people.text, art.house)
    if np is not None and sub is not None:
        if sub.form != "relative":
            return _resolve(art, sub, np, np.span.start, depth + 1)
    x = _entity(art, _antecedent(art, pos, lambda x: _person_like(art, x, "u") or (
        isinstance(x, Entity) and x.kind == "institutional")))
    return x if x is not None else _keyed(art, "anonymous", info)


def _author(art: Registry, info: MentionInfo, m: Mention, pos: int, depth: int) -> Entity:
    return _keyed(art, "person", replace(info, name="the author", key=_AUTHOR))


def _we(art: Registry, info: MentionInfo, m: Mention, pos: int, depth: int) -> Entity:
    return _keyed(art, "institutional", info)


# relatives: "my father" and "his wife" are one person each, whom the reader can
# identify; "his brother" may be one of several
_UNIQUE_KIN = frozenset("father mother wife husband widow widower stepfather stepmother grandfather grandmother "
                        "fiance fiancé fiancee fiancée".split())
_KIN = _UNIQUE_KIN | frozenset("brother sister son daughter cousin uncle aunt nephew niece grandson granddaughter "
                               "stepson stepdaughter sibling".split())
_POSSESSIVE_DETERMINERS = frozenset("my his her their our your".split())


def _relative_of(info: MentionInfo, m: Mention) -> bool:
    """"my father", "his wife", "Ruiz's brother": a relative of someone, never
    that someone (the possessor is not the speaker)."""
    if info.head not in _KIN or info.plural:
        return False
    first = m.text.split()[0].lower()
    return first in _POSSESSIVE_DETERMINERS or first.endswith(("'s", "’s"))


def _kin_named(art: Registry, kin: str) -> Candidate | None:
    """The one person the article names right after this relation ("his son,
    Eric Lake", "her late husband Tom"), if it names exactly one."""
    found: dict[str, Candidate] = {}
    for hit in re.finditer(r"\b" + re.escape(kin) + r",?\s+(?=[A-Z])", art.text):
        i = bisect.bisect_left(art.names.cand_starts, hit.end())
        if i < len(art.names.candidates) and art.names.candidates[i].start == hit.end():
            c = art.names.candidates[i]
            found.setdefault(c.surname + " " + (c.first or ""), c)
    return next(iter(found.values())) if len(found) == 1 else None


def _definite(art: Registry, info: MentionInfo, m: Mention, pos: int, depth: int) -> Entity:
    """"the senator" to the person introduced with that title; "the official" to
    the official quoted before; an epithet ("the mogul") to the person named before;
    a relative ("his wife") to a person of their own."""
    if _relative_of(info, m):
        named = _kin_named(art, info.head or "")
        if named is not None:
            return art.from_candidate(named)  # "his son" where the article says "his son, Eric Lake"
        kind: Kind = "person" if info.head in _UNIQUE_KIN else "anonymous"
        return _keyed(art, kind, replace(info, kind=kind, role=None))
    if info.plural and info.kind is None:
        return _keyed(art, "anonymous", replace(info, kind="anonymous"))  # "the senators", left unnamed
    if info.role is not None:
        x = _by_role(art, info.role, pos, ahead=True, party=_affiliations(art, m.text))
        if x is None and info.kind is None and not info.plural:
            # "The company's chief executive, Mark Olsen, ..." then "The CEO said": the person the
            # running text gives that role in an appositive
            x = _appositive_holder(art, role_fits(info.role), pos, info.gender, m.text)
        if x is None and info.kind is None and not info.plural and _epithet(info, m) \
                and not (info.unique and _bare_title(art, m.text)):
            # "the Vermont senator" after "Bernie Sanders": a definite description
            # refers to someone the article has named, whose known roles do not contradict it,
            # and who is not named in it ("Trump's campaign manager" is not Trump)
            fits = role_fits(info.role)
            inside = _words_of(m.text)
            x = _entity(art, _antecedent(art, pos, lambda y: _role_compatible(art, y, fits, info.gender)
                                         and getattr(y, "surname", None) not in inside))
        if x is None and info.kind is None and art.geo.doc.paragraphs and art.geo.doc.paragraph_at(pos) == 0 \
                and m.text.split()[0].lower() not in NP_DETERMINERS:
            x = _introduced_next(art, pos)  # a headline's "Senator from Texas says": the senator the lede names
        if x is not None:
            return x
        if info.kind is None:
            return _keyed(art, "person" if info.unique else "anonymous", info)
    kind = info.kind or "anonymous"
    x = art.recent(lambda e: e.kind == kind and _refers_to(info.head, e.head) and e.plural == info.plural
                   and not e.unresolved)
    if x is None and kind == "institutional" and not info.plural and m.text[:4].lower() == "the ":
        x = _named_body(art, info.head, pos)  # "Globex Corp cut 300 jobs. The company said ..." 
    if x is None and kind == "anonymous" and not info.plural and _party_epithet(info, m):
        # "the Florida Republican": the person named before, not one named in the possessive
        # ("Mr. Trump's opponents ..., Mr. Rubio declined ... the Florida Republican said")
        x = _entity(art, _antecedent(art, pos, lambda y: (isinstance(y, Candidate) or (
            isinstance(y, Entity) and y.kind == "person" and not y.group)) and not _possessive_at(art, y)))
    if x is None and kind == "anonymous" and not info.plural and not known_head(info.head or "") \
            and m.text.split()[0].lower() not in ("those", "these"):  # "those close to him" are people
        x = _entity(art, _antecedent(art, pos, lambda y: isinstance(y, Candidate) or (
            isinstance(y, Entity) and y.kind == "person" and not y.group)))
    return x if x is not None else _keyed(art, kind, info)


_BODY_HEADS = {k: frozenset(v[0].split(",")) for k, v in table("body_heads").items()}


def _refers_to(generic: str | None, head: str | None) -> bool:
    """Whether a description with head ``generic`` ("the company") may refer to
    a body whose name ends in ``head`` ("Globex Corp"): the same head, or one
    ``body_heads`` lists for it."""
    return generic == head or (head is not None and head in _BODY_HEADS.get(generic or "", ()))


def _named_body(art: Registry, generic: str | None, pos: int) -> Entity | None:
    """The body named in the same or the previous sentence as ``pos``, nearest
    first, whose name a description with head ``generic`` refers to ("Globex
    Corp cut 300 jobs. The company said ...")."""
    lowest = art.geo.sentence_index(pos) - 1
    for b in reversed(art.names.bodies):
        if b.start >= pos:
            continue
        if art.geo.sentence_index(b.start) < lowest:
            break
        if not art.geo.in_quoted(b.start) and _refers_to(generic, b.name.split()[-1].lower()):
            return _entity(art, b)
    return None


_POSSESSIVE_PRONOUNS = frozenset("his her their its my our your".split())
_PARTY_MEMBERS = frozenset(("republican", "democrat"))


def _party_epithet(info: MentionInfo, m: Mention) -> bool:
    """"The Republican", "the South Carolina Democrat": one party member with
    "the" is someone the article names, not an unnamed source ("a Republican"
    is one)."""
    return info.head in _PARTY_MEMBERS and m.text.split()[0].lower() == "the"


def _epithet(info: MentionInfo, m: Mention) -> bool:
    """Whether a definite description may be an epithet for a person named
    before ("the Florida senator"): not one defined by its relation to someone
    it names by a pronoun ("his chief aide", "my editor": the nearest person
    is the one it relates to)."""
    return m.text.split()[0].lower() not in _POSSESSIVE_PRONOUNS


_APPOSITIVE_END = re.compile(r"[,;:.()\n]")


def _appositive_holder(art: Registry, fits: frozenset[str], pos: int, gender: str,
                       description: str) -> Entity | None:
    """The person named nearest before ``pos`` (within 300 names) with an
    appositive that gives one of these roles, after the name ("Mark Olsen, the
    chief executive,") or before it ("The chief executive, Mark Olsen,"), and
    no affiliation the ``description`` contradicts ("the Florida senator" is
    not "Ted Cruz, the Texas senator"); never a person the description names."""
    text = art.text
    party = _affiliations(art, description)
    inside = _words_of(description)
    i = bisect.bisect_left(art.names.cand_starts, pos) - 1
    n = 0
    while i >= 0 and n < 300:
        c = art.names.candidates[i]
        i -= 1
        n += 1
        if art.geo.in_quoted(c.start) or not _compatible_gender(c.gender, gender) or c.surname in inside:
            continue
        phrases = []
        if text.startswith(", ", c.end):  # "Mark Olsen, the chief executive of Globex, ..."
            stop = _APPOSITIVE_END.search(text, c.end + 2, min(len(text), c.end + 100))
            after = text[c.end + 2:stop.start() if stop else c.end + 2].split()
            if after and len(after) <= 8 and (after[0].lower() in ("the", "a", "an")
                                              or title_role(after[0], art.house) is not None):
                phrases.append(" ".join(after))
        if c.start >= 2 and text[c.start - 2:c.start] == ", ":  # "The company's chief executive, Mark Olsen"
            before = text[max(0, c.start - 100):c.start - 2]
            cut = max(before.rfind(ch) for ch in ",;:.()\n")
            words = before[cut + 1:].split()
            if words and len(words) <= 6 and (title_role(words[-1], art.house) is not None
                                              or title_role(" ".join(words[-2:]), art.house) is not None):
                phrases.append(" ".join(words))
        if any(not fits.isdisjoint(_roles(p, art.house)) and _agrees(art, party, p) for p in phrases):
            return art.from_candidate(c)
    return None


def _bare_title(art: Registry, phrase: str) -> bool:
    """A title and nothing else ("the mayor", "The attorney general", "the former
    president"): a unique office the article has not tied to anyone by name is
    not the nearest person named (who is rarely the mayor); a modifier ("the
    Republican nominee", "the New Jersey governor") describes someone in
    particular."""
    words = phrase.lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if words and words[0] == "former":
        words = words[1:]
    return bool(words) and title_role(" ".join(words), art.house) is not None


_BY_FORM = {"name": _name, "pronoun": _pronoun, "relative": _relative, "author": _author, "we": _we,
            "definite": _definite}


def _words_of(phrase: str) -> set[str]:
    """A phrase's words, lower case, without commas, full stops and possessives."""
    return {w.strip(",.’'s").lower() for w in phrase.split()}


def _agrees(art: Registry, party: frozenset[str], title: str) -> bool:
    """A title agrees with a description's affiliations (``party``) unless it
    has affiliations of its own and they share none ("Libertarian nominee" is
    not "the Republican nominee")."""
    own = _affiliations(art, title) if party else frozenset()
    return not own or not party.isdisjoint(own)


def _affiliations(art: Registry, phrase: str) -> frozenset[str]:
    """The capitalised words of a description or title that are not title words:
    a party, a place, a body ("The Republican presidential nominee" -> Republican)."""
    words = [w.strip(",.()’'s") for w in phrase.split()[1:]] if phrase[:4].lower() == "the " else \
        [w.strip(",.()’'s") for w in phrase.split()]
    return frozenset(w for w in words if w[:1].isupper() and not title_role(w, art.house)
                     and w.lower().rstrip(".") not in HONORIFICS)


def _by_role(art: Registry, role: str, pos: int, ahead: bool = False, gender: str = "u",
             of: str | None = None, only_ahead: bool = False, party: frozenset[str] = frozenset()) -> Entity | None:
    """The person introduced with this title: "the senator" -> "Sen. ... Cruz",
    "the lawmaker" -> "Rep. ... Lee". With ``ahead``, a person named with it
    in the next two paragraphs when nobody before has it ("a spokeswoman for the
    mayor" when the next sentence names her). ``of``: a word the person's title
    must hold (the body a spokesperson speaks for); ``party``: the description's
    affiliations, which a title with affiliations of its own must share ("the
    Republican nominee" is not "Libertarian nominee Gary Johnson")."""
    fits = role_fits(role)

    def titled(c: Candidate) -> bool:
        if c.title is None or not _compatible_gender(c.gender, gender):
            return False
        title = c.title.of(art.text)
        return not fits.isdisjoint(_roles(title, art.house)) and (of is None or of in title.lower()) \
            and _agrees(art, party, title)

    best, best_pos = None, -1
    for e in ([] if only_ahead else art.entities):
        if e.kind == "person" and not fits.isdisjoint(e.roles) and best_pos < e.last <= pos \
                and _compatible_gender(e.gender, gender) and (of is None or (e.descriptor is not None
                                                                           and of in e.descriptor.text.lower())) \
                and (e.descriptor is None or _agrees(art, party, e.descriptor.text)):
            best, best_pos = e, e.last
    i = -1 if only_ahead else bisect.bisect_left(art.names.cand_starts, pos) - 1
    n = 0
    while i >= 0 and n < 300:
        c = art.names.candidates[i]
        if c.start <= best_pos:
            break
        if titled(c):
            return art.from_candidate(c)
        i -= 1
        n += 1
    if best is not None or not ahead:
        return best
    doc = art.geo.doc
    # the next two paragraphs; from a headline or lede, the next four
    here = doc.paragraph_at(pos) if doc.paragraphs else 0
    reach = 4 if here < 3 else 2
    limit = doc.paragraphs[min(len(doc.paragraphs) - 1, here + reach)].end if doc.paragraphs else pos
    i = bisect.bisect_left(art.names.cand_starts, pos)
    while i < len(art.names.candidates) and art.names.candidates[i].start < limit:
        c = art.names.candidates[i]
        if titled(c) and not art.geo.in_quoted(c.start):
            return art.from_candidate(c)
        i += 1
    return None


def _keyed(art: Registry, kind: str, info: MentionInfo, unresolved: bool = False) -> Entity:
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


_NP_STOP = re.compile(r"[.;:!?\"“”()\[\]]")


def _people_before_thing(text: str, pos: int) -> Mention | None:
    """Past a thing to the people it belongs to: "calls from listeners to his
    "Open Line" radio show who said": the show says nothing, the listeners do."""
    toks = [(m.start(), m.end(), m.group().strip("\"“”‘’'").lower()) for m in _TOKEN.finditer(text, max(0, pos - 120), pos)]
    k = len(toks) - 1
    while k > 0 and toks[k][2] not in PREPOSITIONS:
        if _NP_STOP.search(toks[k][2].rstrip(",")) and not toks[k][2].endswith(","):
            return None  # the sentence ends before any preposition
        k -= 1
    j = k
    while j > 0 and toks[j - 1][2].isalpha() and toks[j - 1][2] == text[toks[j - 1][0]:toks[j - 1][1]] \
            and toks[j - 1][2] not in PREPOSITIONS and k - j < 3:
        j -= 1  # lower-case words back to the next preposition: "black listeners"
    if j == k or (j > 0 and toks[j - 1][2] not in PREPOSITIONS and toks[j - 1][2] not in NP_DETERMINERS):
        return None
    np = _mention(text, toks[j][0], toks[k - 1][1])
    return np if np is not None and analyse(np.text).rule == "people" else None


def _noun_phrase_before(text: str, pos: int) -> Mention | None:
    """The noun phrase a relative pronoun follows: "a senior official" in
    "a senior official, who ...", "John Kerry" in "John Kerry, who"."""
    i = pos
    while i > 0 and text[i - 1] in " \t,":
        i -= 1
    for dash in ("--", "—", "–"):
        if text.endswith(dash, 0, i):
            # "95 retired generals -- most of whom had endorsed her -- who cited": past the aside
            opening = text.rfind(dash, max(0, i - len(dash) - 150), i - len(dash))
            if opening > 0:
                i = opening
                while i > 0 and text[i - 1] in " \t,":
                    i -= 1
            break
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
        if k > 0 and toks[k - 1][2] == "the" and toks[k][2].lower() != "the":
            k -= 1  # "for the Wisconsin Republican, who": a definite description, not a name
        return _mention(text, toks[k][0], end)
    for t in reversed(toks):
        if t[2].lower() in NP_DETERMINERS or t[2].isdigit():  # "95 retired generals, who"
            return _mention(text, t[0], end)
    return None


