"""Source types per ``shared/design/SOURCE_TYPES.md``, as named rules in order.

A noun phrase (``Phrase``) is typed by the first rule in ``TYPING_RULES``
that decides it; the ``MentionInfo`` it returns names that rule in ``rule``,
so a report (and a test) can say why "the Pentagon" is institutional. Each
rule carries an example that it decides itself (a test runs them all).
Pronouns, appositives and groups are read before these rules, in
``mentions.analyse``; what a pronoun refers to is ``resolve``'s work.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from ..model import SourceType
from ..words import HEAD_FOLLOWERS, HEAD_PREPOSITIONS, MEMBERSHIP_PREPOSITIONS, NEGATIONS, STRAY_WORDS
from .reading import (
    _ACRONYM, _ANON_PLUR, _ANON_SING, _CAMEL, _DOMAIN, _MEMBER_HEADS, _PARTY_PLURALS, _PERCENT, _POSTMOD, COUNTRIES, FIRST_NAMES, FUNCTION_WORDS, HONORIFICS, INSTITUTIONS, ORG_HEADS, QUANTIFIERS, SPOKES_HEADS, Form, Kind, MentionInfo, _determiners, _first_last, _is_cap, _is_name_token, _is_place, _key, _org_modifiers, _person_name, _role_gender, _singular, _spokes_heads, _strip_poss, _title_words, _tokens, head_kind, title_role,
)

Token = tuple[int, int, str]


@dataclass(frozen=True)
class Phrase:
    """``text[a:b]`` read for typing: determiners, body, head noun. The parts
    only some rules need are computed on first use."""

    text: str
    a: int
    b: int
    house: frozenset[str]

    @classmethod
    def read(cls, text: str, a: int, b: int, house: frozenset[str]) -> Phrase:
        if b - a > 3 and text[b - 2:b] in ("'s", "’s"):
            b -= 2  # "the IMF's"
        return cls(text, a, b, house)

    @cached_property
    def core(self) -> str:
        return self.text[self.a:self.b]

    @cached_property
    def key(self) -> str:
        return _key(self.core)

    @cached_property
    def _lead(self) -> tuple[int, str | None, bool]:
        toks = _tokens(self.core, self.a)
        i = 0
        pm = _PERCENT.match(self.core)
        if pm:
            while i < len(toks) - 1 and toks[i][0] < self.a + pm.end():
                i += 1
        i, det, fresh = _determiners(toks, i)
        return i, "quant" if pm else det, fresh

    @property
    def det(self) -> str | None:
        """None, "def", "indef" or "quant" ("77 percent of" counts as one)."""
        return self._lead[1]

    @property
    def fresh(self) -> bool:
        """"another source": a new person, never merged."""
        return self._lead[2]

    @cached_property
    def body(self) -> list[Token]:
        """The tokens after the determiners and quantifiers."""
        return _tokens(self.core, self.a)[self._lead[0]:]

    @property
    def bstart(self) -> int:
        return self.body[0][0]

    @cached_property
    def body_text(self) -> str:
        return self.text[self.bstart:self.b]

    @cached_property
    def plain(self) -> str:
        return _strip_poss(self.body_text.lower())

    @cached_property
    def body_name(self) -> MentionInfo | None:
        """The person's name the body ends with, if any."""
        return _person_name(self.text, self.body, self.house)

    # -- a post-modifier: "a spokesman [for the ministry]", "the Department [of Justice]" --
    @cached_property
    def postmod(self):
        m = _POSTMOD.search(self.body_text)
        if m and m.start() > 0 and not title_role(self.body_text, self.house):
            return m
        return None

    @cached_property
    def pre_head(self) -> str:
        return _strip_poss(self.body_text[:self.postmod.start()].split()[-1])

    @cached_property
    def head_first(self) -> bool:
        """The head stands before the post-modifier: "a spokesman for ...", "the wife of ..."."""
        if self.postmod is None:
            return False
        h = self.pre_head
        return not _is_cap(h) or head_kind(h, capitalised=False) == "anonymous" or h.lower() in SPOKES_HEADS \
            or (self.postmod.group("prep").lower() == "from" and title_role(h, self.house) is not None)
        # "Senator from Texas": the title, not the state

    @cached_property
    def pre_end(self) -> int:
        """Where the head's part of the phrase ends."""
        return self.bstart + self.postmod.start() if self.head_first else self.b

    @cached_property
    def org_after(self) -> tuple[int, int] | None:
        """The body a membership preposition names: "the ministry" in "a spokesman for the ministry"."""
        if self.head_first and self.postmod.group("prep").lower() in MEMBERSHIP_PREPOSITIONS \
                and head_kind(self.pre_head, capitalised=False) in ("anonymous", "institutional"):
            return (self.bstart + self.postmod.start("obj"), self.b)
        return None

    # -- the head noun --
    @cached_property
    def head_toks(self) -> list[Token]:
        return [t for t in self.body if t[1] <= self.pre_end] or self.body

    @cached_property
    def htok(self) -> str:
        return _strip_poss(self.head_toks[-1][2]).rstrip(".,") or self.head_toks[-1][2]

    @property
    def hlow(self) -> str:
        return self.htok.lower()

    @cached_property
    def two(self) -> str:
        """The last two words of the head part: "press secretary"."""
        return (self.head_toks[-2][2].lower() + " " + self.hlow) if len(self.head_toks) > 1 else ""

    @cached_property
    def head_kind(self):
        return head_kind(self.htok, capitalised=_is_cap(self.htok))

    @cached_property
    def role(self) -> tuple[str, bool] | None:
        """The office a title names: "senator" in "the Florida senator"."""
        if self.det is None and _is_cap(self.htok) and not (self.postmod is not None and self.head_first):
            return None  # "Senator Ruiz" is a name; "Senator from Texas" a title
        for n in (4, 3, 2, 1):
            if len(self.head_toks) >= n:
                r = title_role(" ".join(t[2] for t in self.head_toks[-n:]), self.house)
                if r and r[0] not in ("mr", "mrs", "ms"):
                    return r
        return None

    def info(self, kind: Kind | None, form: Form = "description", **kw) -> MentionInfo:
        """A description-like result over the whole phrase."""
        kw.setdefault("key", self.key)
        return MentionInfo(form, kind, self.core, (self.a, self.b), **kw)


@dataclass(frozen=True, slots=True)
class TypingRule:
    id: str
    example: str  # a mention this rule decides
    check: Callable[[Phrase], MentionInfo | None]


TYPING_RULES: list[TypingRule] = []  # in order: the first that decides wins


def typing_rule(id: str, *, example: str):
    """Register a typing rule; rules run in the order they are defined."""
    def register(fn: Callable[[Phrase], MentionInfo | None]):
        TYPING_RULES.append(TypingRule(id, example, fn))
        return fn
    return register


def type_phrase(text: str, a: int, b: int, house: frozenset[str]) -> MentionInfo:
    """The first typing rule's reading of ``text[a:b]``."""
    p = Phrase.read(text, a, b, house)
    if not p.body:  # nothing but space: no phrase to type
        return MentionInfo("description", "anonymous", text[a:b], (a, b), key=text[a:b].lower(), rule="empty")
    for rule in TYPING_RULES:
        info = rule.check(p)
        if info is not None:
            return replace(info, rule=rule.id)
    raise AssertionError("unknown-noun decides every phrase")  # pragma: no cover


# --- the rules, most specific first ---------------------------------------------------



@typing_rule("negated", example="no one")
def negated(p: Phrase) -> MentionInfo | None:
    """A negated source is no source at all ("no one", "no official"): the claim
    is unattributed (SOURCE_TYPES.md, "No source")."""
    low = p.core.lower()
    if low in NEGATIONS or low.startswith(("no ", "none of ", "neither ")):
        return p.info("none")
    return None


@typing_rule("collective-name", example="the Pentagon")
def collective_name(p: Phrase) -> MentionInfo | None:
    """Bare collective names and countries: "the Pentagon", "Iran", "Reuters"."""
    plain = p.plain
    if p.det in (None, "def") and (plain in INSTITUTIONS or plain.rstrip(".") in INSTITUTIONS
                                   or COUNTRIES.get(plain) in ("country", "capital")):
        return p.info("institutional", head=plain, plural=plain.endswith("s"), gender="n")
    return None


@typing_rule("acronym", example="BLM")
def acronym(p: Phrase) -> MentionInfo | None:
    """An acronym alone names a body: "BLM", "F.B.I."; not one that is a title
    ("the CEO", "an MP": a person)."""
    if len(p.body) == 1 and _ACRONYM.match(p.body_text) and p.body_text.lower() not in _spokes_heads(p.house) \
            and p.body_text not in FIRST_NAMES and title_role(p.body_text, p.house) is None:
        return p.info("institutional", head=p.plain, gender="n")
    return None


@typing_rule("brand", example="ProPublica")
def brand(p: Phrase) -> MentionInfo | None:
    """Inner capitals or a domain: "YouTube", "EgyptAir", "Outsports.com"."""
    if len(p.body) == 1 and (_CAMEL.match(p.body_text) or _DOMAIN.search(p.body_text)):
        return p.info("institutional", head=p.plain, gender="n")
    return None


@typing_rule("common-word", example="Others")
def common_word(p: Phrase) -> MentionInfo | None:
    """A common word alone, capitalised at a sentence start ("Officials",
    "Others"), stands for unnamed people."""
    if len(p.body) == 1 and p.body_text in FUNCTION_WORDS:
        return p.info("anonymous", head=p.plain, plural=True)
    return None


@typing_rule("quantifier", example="many others")
def quantifier(p: Phrase) -> MentionInfo | None:
    """A quantifier with "others": "many others", "some others"."""
    if p.det == "quant" and len(p.body) == 1 and p.plain in QUANTIFIERS | {"others"}:
        return p.info("anonymous", plural=True, head="person", fresh=p.fresh)
    return None


def _titled_guard(p: Phrase) -> bool:
    body = p.body
    return p.det in (None, "def") and _is_cap(body[-1][2]) and len(body) > 1 \
        and head_kind(body[-1][2], capitalised=True) is None \
        and not any(_is_cap(t[2]) and _strip_poss(t[2]).lower() in ORG_HEADS for t in body)


@typing_rule("full-name", example="Former Halden chief of staff Ana Ruiz")
def full_name(p: Phrase) -> MentionInfo | None:
    """A surname after a known given name or a title ("Maria Lopez"); the name
    wins over any reading of the title."""
    if not _titled_guard(p):
        return None
    named = p.body_name
    if named is not None and not _is_place(named.name) and \
            (named.title_span is not None or (named.first or "") in FIRST_NAMES):
        return named
    return None


@typing_rule("proper-title", example="the Hartford Courant")
def proper_title(p: Phrase) -> MentionInfo | None:
    """People take no article: "the" before capitalised words that hold no title
    or honorific is an organisation ("The Hill", "the Daily Planet")."""
    if p.core[:4].lower() != "the " or p.det != "def":
        return None
    words = [t[2] for t in p.body]
    if not all(_is_cap(w) or w.lower() in ("of", "for", "and", "&") for w in words) or not _is_cap(words[0]):
        return None
    if any(w.lower() in HONORIFICS or title_role(w, p.house) or w.lower().rstrip(".") in _title_words(p.house)
           for w in words) or head_kind(words[-1], capitalised=True) == "anonymous":
        return None  # "the Rev. Al Sharpton", "The Iranians"
    return p.info("institutional", head=words[-1].lower(), gender="n")


@typing_rule("body-of", example="the Department of Justice")
def body_of(p: Phrase) -> MentionInfo | None:
    """An organisation head and its complement are one name: "Bank of America"."""
    if p.postmod is not None and _is_cap(p.pre_head) and p.pre_head.lower() in ORG_HEADS:
        return p.info("institutional", head=p.pre_head.lower(), gender="n")
    return None


@typing_rule("name-with-place", example="Gov. Tom Lake of West Virginia")
def name_with_place(p: Phrase) -> MentionInfo | None:
    """A name and where the person is from or serves."""
    if p.postmod is None or p.head_first or title_role(p.body_text[:p.postmod.start()], p.house):
        return None
    named = _person_name(p.text, [t for t in p.body if t[1] <= p.bstart + p.postmod.start()], p.house)
    if named is not None and not (" " not in named.name and named.surname in _title_words(p.house)):
        return named
    return None


@typing_rule("spokesperson", example="a spokesman for the ministry")
def spokesperson(p: Phrase) -> MentionInfo | None:
    """An unnamed spokesperson speaks for a body: institutional."""
    spokes = _spokes_heads(p.house)
    two, hlow = p.two, p.hlow
    if two not in spokes and hlow not in spokes:
        return None
    n = 2 if two in spokes else 1
    org = p.org_after if p.org_after is not None else _org_modifiers(p.head_toks[:-n])
    return p.info("institutional", head=two if n == 2 else hlow,
                  plural=hlow.endswith(("men", "people", "persons", "ives")), organisation=org,
                  fresh=p.fresh, gender=_role_gender(hlow), role="spokesperson")


_PARTITIVES = frozenset(("group", "groups", "handful", "number", "couple", "pair", "bunch", "dozens", "hundreds",
                         "thousands", "majority", "minority", "half", "third", "quarter", "share", "percent",
                         "rest", "most", "some", "many", "one", "two", "three", "several", "few",
                         # containers: "a new batch of emails", "a series of polls"
                         "batch", "series", "set", "crop", "trove", "cache", "collection", "wave", "flurry",
                         "slew", "raft", "string"))


@typing_rule("partitive", example="small groups of protesters")
def partitive(p: Phrase) -> MentionInfo | None:
    """"a group of protesters", "a handful of companies": the type of what they
    are a part of."""
    if not p.head_first or p.hlow not in _PARTITIVES or p.postmod.group("prep").lower() != "of":
        return None
    obj = type_phrase(p.text, p.bstart + p.postmod.start("obj"), p.b, p.house)
    if obj.kind not in ("anonymous", "institutional"):
        return None
    return p.info(obj.kind, head=obj.head, plural=True, fresh=p.fresh, gender=obj.gender)


@typing_rule("body-head", example="the Trump campaign")
def body_head(p: Phrase) -> MentionInfo | None:
    """A head noun that names a body or a document: "campaign", "report"."""
    if p.head_kind not in ("institutional", "document") or _first_last(p.head_toks):
        return None
    hlow = p.hlow
    form: Form = "definite" if p.det == "def" and len(p.head_toks) == 1 else "description"
    return p.info("institutional", form, head=_singular(hlow),
                  plural=hlow != _singular(hlow) or hlow == "police", fresh=p.fresh,
                  gender="n", role="document" if p.head_kind == "document" else None)


@typing_rule("definite-title", example="the Florida senator")
def definite_title(p: Phrase) -> MentionInfo | None:
    """A title standing alone with "the" (or none): someone the article names elsewhere."""
    role = p.role
    if role is None or p.det not in ("def", None):
        return None
    unique = role[1] and (p.det == "def" or p.pre_end == p.b)  # not "vice chairwoman for the campaign"
    plural = p.hlow != _singular(p.hlow) and p.hlow.endswith("s")  # "the senators": not one person
    return p.info(None, "definite", head=p.hlow, role=role[0], unique=unique and not plural, plural=plural,
                  gender="u" if plural else _role_gender(role[0]))


@typing_rule("indefinite-title", example="a judge")
def indefinite_title(p: Phrase) -> MentionInfo | None:
    """"a judge", "two senators": holders of a title left unnamed."""
    role = p.role
    if role is None:
        return None
    hlow = p.hlow
    return p.info("anonymous", head=_singular(hlow), role=role[0], fresh=p.fresh,
                  plural=hlow != _singular(hlow), gender=_role_gender(role[0]))


# modifiers that describe a party rather than restrict it ("fellow Democrats", not "senior Democrats")
_CAUCUS_MODIFIERS = frozenset(("fellow", "congressional", "legislative", "state", "national", "local"))


@typing_rule("caucus", example="House Democrats")
def caucus(p: Phrase) -> MentionInfo | None:
    """"House Democrats", "Senate Republicans": a caucus, a collective proper name."""
    described = p.det in (None, "def") or p.core.lower().startswith("fellow ")
    if p.head_kind == "anonymous" and p.hlow in _PARTY_PLURALS and described \
            and all(_is_cap(t[2]) or t[2].lower() in _CAUCUS_MODIFIERS for t in p.head_toks):
        return p.info("institutional", head=p.hlow, plural=True)
    return None


@typing_rule("people", example="senior American officials")
def people(p: Phrase) -> MentionInfo | None:
    """A head noun for unnamed people: "officials", "aides", "residents"."""
    if p.head_kind != "anonymous":
        return None
    hlow, two = p.hlow, p.two
    if hlow not in _MEMBER_HEADS and two not in _MEMBER_HEADS:
        org = None  # "Cruz's allies", "Sanders fans": no body behind them
    else:
        org = p.org_after if p.org_after is not None else _org_modifiers(p.head_toks[:-1])
    plural = hlow in _ANON_PLUR and hlow not in _ANON_SING
    return p.info("anonymous", "definite" if p.det == "def" else "description",
                  head=_singular(hlow), plural=plural, organisation=org, fresh=p.fresh,
                  gender="m" if hlow in ("man", "men") else "f" if hlow in ("woman", "women") else "u")


def _name_guard(p: Phrase) -> bool:
    return (_is_cap(p.htok) or _is_name_token(p.htok, True)) and p.det in (None, "def") \
        and p.body_name is not None


@typing_rule("place", example="In New York")
def place(p: Phrase) -> MentionInfo | None:
    """A place or an institution's name read as a name: "In New York"."""
    name = p.body_name.name if _name_guard(p) and p.body_name is not None else None
    if name is not None and (_is_place(name) or name.lower() in INSTITUTIONS):
        return p.info("institutional", head=name.lower(), gender="n")
    return None


@typing_rule("person-name", example="Mr. Kerry")
def person_name(p: Phrase) -> MentionInfo | None:
    """A person's name, perhaps with a title: "Mr. Kerry"."""
    return p.body_name if _name_guard(p) else None




@typing_rule("earlier-head", example="A Monmouth poll out Monday")
def earlier_head(p: Phrase) -> MentionInfo | None:
    """The head stands before trailing words: "many voters across party lines"."""
    body = p.body
    for i, t in enumerate(body[:-1]):
        low = t[2].lower()
        if low in HEAD_PREPOSITIONS or low in ("across", "over", "out", "about", "who", "that"):
            break
        nxt = body[i + 1][2]
        if not _is_cap(nxt) and nxt.lower() not in HEAD_PREPOSITIONS and nxt.lower() not in HEAD_FOLLOWERS \
                and not nxt.lower().endswith(("ed", "ing")):
            continue  # a noun modifying the next one: "bank" in "one bank teller in Texas"
        if not _is_cap(t[2]):
            k2 = head_kind(t[2], capitalised=False)
            if k2 in ("document", "institutional"):
                return p.info("institutional", head=_singular(low), gender="n", fresh=p.fresh)
            if k2 == "anonymous":
                return p.info("anonymous", head=_singular(low), fresh=p.fresh, plural=low in _ANON_PLUR)
    return None


@typing_rule("name-and-stray-words", example="Mr. Rubio himself")
def name_and_stray_words(p: Phrase) -> MentionInfo | None:
    """A name followed by stray lower-case words: "Mr. Smith shot back"."""
    body = p.body
    if p.det is not None or body[0][2] in FUNCTION_WORDS or not (
            _is_cap(body[0][2]) or body[0][2].lower() in HONORIFICS):
        return None
    k = 0
    while k < len(body) and (_is_cap(body[k][2]) or body[k][2].lower() in HONORIFICS):
        k += 1
    if not (0 < k < len(body) and all(not _is_cap(t[2]) for t in body[k:])):
        return None
    lead = _person_name(p.text, body[:k], p.house)
    if lead is None:
        return None
    sure = body[0][2].lower() in HONORIFICS or (lead.first or "") in FIRST_NAMES or body[-1][2].lower() in STRAY_WORDS
    if sure and lead.name.lower() not in INSTITUTIONS and not _is_place(lead.name) \
            and not any(w.lower() in ORG_HEADS for w in lead.name.split()):
        return lead
    return None


@typing_rule("unknown-noun", example="a passerby")
def unknown_noun(p: Phrase) -> MentionInfo:
    """Anything else is unnamed people: "a passerby", "the mogul"."""
    hlow = p.hlow
    return p.info("anonymous", "definite" if p.det == "def" else "description", head=_singular(hlow),
                  plural=hlow != _singular(hlow) and p.det != "indef", fresh=p.fresh,
                  gender=_role_gender(_singular(hlow)))


# --- an entity's type -----------------------------------------------------------------

_SOURCE_TYPE: dict[str, SourceType] = {"person": "named", "anonymous": "anonymous", "institutional": "institutional"}


def source_type(kind: str, unresolved: bool) -> SourceType:
    """The source type of a resolved entity: a pronoun with nothing to refer
    to is an anonymous source (unless it stands for a body)."""
    return _SOURCE_TYPE["anonymous" if unresolved and kind != "institutional" else kind]
