"""Reading one noun phrase on its own: its tokens, determiners, head noun and
person's name, and the lexicons that decide them (loaded once).

The typing rules (``types``) and ``mentions.analyse`` are built on these.
Offsets in a ``MentionInfo`` are relative to the analysed string.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from ..lexicon import rows, table, words
from ..words import (
    APPOSITIVE_OPENERS, DEFINITE_DETERMINERS, FRESH_DETERMINERS, HEAD_PREPOSITIONS, INDEFINITE_DETERMINERS, MEMBERSHIP_PREPOSITIONS, NAME_SUFFIXES, NOT_APPOSITIVE_OPENERS, STRAY_WORDS,
)

Form = Literal["name", "pronoun", "author", "we", "you", "relative", "definite", "description"]
Kind = Literal["person", "anonymous", "institutional", "document", "none"]  # "none": a negated source ("no one")

# --- lexicons, loaded once --------------------------------------------------


@lru_cache(maxsize=None)
def _titles(house: frozenset[str] = frozenset()) -> dict[str, tuple[str, bool]]:
    """Lower-case title -> (role, unique office)."""
    out = {}
    for row in rows("title_roles"):
        role = row[1] if len(row) > 1 else row[0].lower()
        out[row[0].lower()] = (role, len(row) > 2 and row[2] == "unique")
    for t in house:
        t = " ".join(t.split())
        if t:
            out.setdefault(t.lower(), (t.lower().rstrip("."), False))
    return out


@lru_cache(maxsize=None)
def _spokes_heads(house: frozenset[str] = frozenset()) -> frozenset[str]:
    """Spokesperson nouns, with a newsroom's house titles (they name people
    who speak for an institution: "a communications officer for the ministry")."""
    return SPOKES_HEADS | {" ".join(t.lower().split()) for t in house if t.strip()}


@lru_cache(maxsize=None)
def _title_words(house: frozenset[str] = frozenset()) -> frozenset[str]:
    return frozenset(w for t in _titles(house) for w in t.split()) - {"and", "of", "the", "in", "for"}


HONORIFICS = {k.lower(): v[0] for k, v in table("honorifics").items()}
PRONOUNS = {k: v for k, v in table("pronouns").items()}
FIRST_NAMES = {k: v[0] for k, v in table("first_names").items()}
FUNCTION_WORDS = words("function_words")
ORG_HEADS = frozenset(w.lower() for w in words("org_heads"))
DOCUMENT_HEADS = frozenset(w.lower() for w in words("document_heads"))
SPOKES_HEADS = frozenset(w.lower() for w in words("spokespeople"))
INSTITUTIONS = frozenset(w.lower() for w in words("institutions"))
ORG_SUFFIXES = frozenset(words("org_suffixes"))  # case-sensitive: "Energy" ends a company's name
COUNTRIES = {k.lower(): v[0] for k, v in table("countries").items()}
QUANTIFIERS = frozenset(words("quantifiers"))
ABBREVIATIONS = frozenset(words("abbreviations"))  # "Va.", "Calif.": states, not surnames
TITLE_MODIFIERS = frozenset(words("title_modifiers"))
_ANON_SING: dict[str, str] = {}
_ANON_PLUR: dict[str, str] = {}
for _row in rows("anonymous_heads"):
    _ANON_SING[_row[0].lower()] = _row[0].lower()
    if len(_row) > 1:
        _ANON_PLUR[_row[1].lower()] = _row[0].lower()

# --- patterns, compiled once ------------------------------------------------

_TOKEN = re.compile(r"[^\s]+")
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu|de|da|di|del|della|dos|das|du|van|von|der|den|ter|le|la|st\.?)(?:-|$)")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PERCENT = re.compile(r"^\d[\d,.]*\s*(?:percent|per\s+cent|%)\s+of\s+", re.I)
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
_GROUP_SPLIT = re.compile(
    r",?\s+(?:and|&|as\s+well\s+as)\s+|,\s*(?:including|among\s+them|such\s+as|like)\s+|,\s+")
_POSTMOD = re.compile(
    r"\s+(?P<prep>for|of|at|with|from|in|inside|within|on|to|close\s+to|familiar\s+with|"
    r"knowledgeable\s+about|briefed\s+on|involved\s+in|aware\s+of)\s+(?P<obj>.+)$", re.I)
_EDGE_PUNCT = " \t\n\r,;:.!?\"“”‘’'()[]—–-"
_PROPER_TOKEN = re.compile(r"^[^\W\d_]")
# inner capitals mark a brand; Mc, Mac, De, Di, La, Le, Van, O' mark a surname ("McCain", "DeSantis")
_CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|St|O'|O’)[A-Z][a-z]+[A-Z][a-zA-Z]+$")
_DOMAIN = re.compile(r"\.(?:com|org|net|gov|edu|io|co\.uk|fr|de)$", re.I)
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,5})$")  # "BLM", "NAACP", "F.B.I."


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """A speaker mention analysed on its own (offsets relative to it)."""

    form: Form
    kind: Kind | None  # None: it depends on what the mention refers to
    name: str  # "John Kerry"; for descriptions the description itself
    name_span: tuple[int, int]
    title_span: tuple[int, int] | None = None  # "Secretary of State" in the mention
    first: str | None = None
    surname: str | None = None  # lower case, for merging
    gender: str = "u"  # m, f, n (a thing), u (unknown)
    plural: bool = False
    head: str | None = None  # lower-case singular head noun: "official", "campaign"
    role: str | None = None  # the office a definite description names: "senator"
    unique: bool = False  # "the president": one holder per article
    organisation: tuple[int, int] | None = None  # the body behind a spokesperson or "X officials"
    fresh: bool = False  # "another source": a new person, never merged
    group: bool = False  # "Ruiz and other senior Democrats"
    key: str = ""  # normalised text for merging descriptions
    appositive: tuple[int, int] | None = None  # ", a visiting fellow at ...," inside the mention
    rule: str = ""  # the typing rule that decided (``types.TYPING_RULES``; "pronoun", "group" ...)


def _tokens(s: str, base: int = 0) -> list[tuple[int, int, str]]:
    return [(m.start() + base, m.end() + base, m.group()) for m in _TOKEN.finditer(s)]


def _strip_poss(tok: str) -> str:
    return _POSSESSIVE.sub("", tok) if len(tok) > 2 else tok


def _is_cap(tok: str) -> bool:
    if bool(_PROPER_TOKEN.match(tok)) and tok[0].isupper():
        return True
    m = _PARTICLE.match(tok.lower())  # "al-Maliki"
    return m is not None and m.end() < len(tok) and tok[m.end() - 1] == "-" and tok[m.end()].isupper()


def _is_name_token(tok: str, last: bool) -> bool:
    if _PARTICLE.match(tok.lower()) and not last:
        return True
    if tok.lower() in NAME_SUFFIXES:
        return True
    if _is_cap(tok):
        return True
    # "Guccifer 2.0": a number right after a capitalised word
    return last and any(c.isdigit() for c in tok)


def _is_place(name: str) -> bool:
    """A country, state or capital ("New York", "Beijing"), not a demonym ("Cuban")."""
    return COUNTRIES.get(name.lower()) in ("country", "capital")


def is_demonym_or_country(tok: str) -> bool:
    return _strip_poss(tok).lower() in COUNTRIES


def head_kind(head_tok: str, *, capitalised: bool) -> Kind | None:
    """The kind a head noun implies: ``campaign`` -> institutional."""
    h = _strip_poss(head_tok).lower()
    if h.endswith("s") and (COUNTRIES.get(h[:-1]) == "demonym" or COUNTRIES.get(h[:-2]) == "demonym"):
        return "anonymous"  # "Iranians", "the Chinese" are people, not a body
    if h in SPOKES_HEADS:
        return "institutional"
    if capitalised and (h in ORG_HEADS or _strip_poss(head_tok).rstrip(".,") in ORG_SUFFIXES):
        return "institutional"
    if h in DOCUMENT_HEADS:
        return "document"
    if h in ORG_HEADS:
        return "institutional"
    if h in _ANON_SING or h in _ANON_PLUR:
        return "anonymous"
    return None


def known_head(word: str) -> bool:
    """Whether a head noun is in a lexicon (people, bodies, documents, titles):
    "official" is, "businessman" is not."""
    w = word.lower()
    return head_kind(w, capitalised=False) is not None or w in _titles() or _singular(w) in _ANON_SING


def title_role(phrase: str, house: frozenset[str] = frozenset()) -> tuple[str, bool] | None:
    """``("senator", False)`` for "Sen." or "the Florida senator"'s "senator"."""
    return _titles(house).get(" ".join(phrase.lower().split()))


def titles_lookup(house: frozenset[str] = frozenset()) -> dict[str, tuple[str, bool]]:
    return _titles(house)


def name_gender(first: str | None) -> str:
    g = FIRST_NAMES.get(first or "", "u")
    return g if g in ("m", "f") else "u"



# capitalised at a sentence start, these still describe people, not bodies
_NOT_BODIES = frozenset(words("group_adjectives"))
_MEMBER_HEADS = frozenset(words("member_heads"))
_PARTY_PLURALS = frozenset(("democrats", "republicans"))


# "who is a fellow", "now a consultant": the description starts after these;
# a bare relative clause ("who helmed ...") is not a descriptor (group 1 empty)
_RELATIVE_START = re.compile(r"(?:(?:who|which|that)\s+(is|was|are|were|has\s+been)\s+|(?:who|whom|whose|which|that)\b|"
                             r"(?P<adv>now|then|also|currently|formerly|previously|once)\s+)", re.I)


def opens_appositive(rest: str, house: frozenset[str]) -> bool:
    """Whether ``rest`` reads as a description of what precedes the comma."""
    toks = rest.split()
    if not toks:
        return False
    w = toks[0]
    if w.lower() in NOT_APPOSITIVE_OPENERS:
        return False
    wl = w.lower()
    if wl in APPOSITIVE_OPENERS or wl in TITLE_MODIFIERS:
        return True
    tw = _title_words(house)
    if _is_cap(w) and w not in FUNCTION_WORDS:
        return any(t.lower() in tw or _strip_poss(t).lower() in ORG_HEADS for t in toks)
    if wl in tw:
        return True
    # "organizer of a group", "technical adviser to the association": a role and its body
    return not wl.endswith(("ing", "ed")) and any(t.lower() in HEAD_PREPOSITIONS for t in toks[1:3])


def _key(s: str) -> str:
    toks = [_strip_poss(t).lower().rstrip(".,") for t in s.split()]
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return " ".join(toks)


def _determiners(toks: list[tuple[int, int, str]], start: int) -> tuple[int, str | None, bool]:
    """Skip leading determiners and quantifiers; return (index, kind, fresh)."""
    i, kinds, fresh = start, set(), False
    while i < len(toks) - 1:
        for n in (3, 2, 1):
            if i + n >= len(toks):
                continue
            phrase = " ".join(t[2].lower() for t in toks[i:i + n])
            if phrase in DEFINITE_DETERMINERS and n == 1:
                kinds.add("def")
            elif phrase in INDEFINITE_DETERMINERS:
                kinds.add("indef")
            elif phrase in QUANTIFIERS or (n == 1 and phrase.replace(",", "").isdigit()):
                kinds.add("quant")
            else:
                continue
            fresh = fresh or phrase in FRESH_DETERMINERS
            i += n
            break
        else:
            break
        if i < len(toks) - 1 and toks[i][2].lower() == "of":
            i += 1
    kind = "quant" if "quant" in kinds else "indef" if "indef" in kinds else "def" if kinds else None
    return i, kind, fresh


def _first_last(head_toks: list[tuple[int, int, str]]) -> bool:
    """"John Post": a known first name and a surname that looks like an organisation head."""
    return len(head_toks) == 2 and head_toks[0][2] in FIRST_NAMES


def _singular(w: str) -> str:
    if w in _ANON_PLUR:
        return _ANON_PLUR[w]
    if w in ORG_HEADS or w in ("police", "news", "press", "media", "data"):
        return {"authorities": "authority", "forces": "force", "ministries": "ministry",
                "departments": "department", "agencies": "agency", "companies": "company",
                "parties": "party", "unions": "union", "governments": "government"}.get(w, w)
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("yses") or w.endswith("eses"):
        return w[:-2] + "is"  # "analyses", "theses", "hypotheses"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


# nouns and roles that say their holder's gender, for pronoun agreement ("the congresswoman",
# "his wife said ... she added")
_GENDERED = {
    **dict.fromkeys("king prince congressman assemblyman councilman chairman spokesman spokesmen father sir "
                    "lord mr man men husband son brother grandfather uncle nephew widower boy dad grandson "
                    "stepfather groom boyfriend actor businessman".split(), "m"),
    **dict.fromkeys("queen princess congresswoman assemblywoman councilwoman chairwoman spokeswoman "
                    "spokeswomen dame lady mrs ms woman women mother wife daughter sister grandmother aunt "
                    "niece widow girl mom mum granddaughter stepmother bride girlfriend actress "
                    "businesswoman".split(), "f"),
}


def _role_gender(role: str) -> str:
    """"m", "f" or "u": the gender a role or noun says ("chairwoman", "his father")."""
    return _GENDERED.get(role, "u")


def _org_modifiers(mods: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The body named before a head: "State Department" in "State Department officials"."""
    run: list[tuple[int, int, str]] = []
    for t in reversed(mods):
        w = t[2]
        wl = _strip_poss(w).lower()
        if (_is_cap(w) or wl in ORG_HEADS) and wl not in _NOT_BODIES and w not in FUNCTION_WORDS \
                and COUNTRIES.get(wl) != "demonym" and wl not in QUANTIFIERS and not w.endswith(","):
            run.append(t)
        else:
            break
    if not run:
        return None
    run.reverse()
    if all(COUNTRIES.get(_strip_poss(t[2]).lower().rstrip(".")) or
           COUNTRIES.get(_strip_poss(t[2]).lower()) for t in run):
        return None  # "U.S. officials": a country, not a body
    start, end = run[0][0], run[-1][1]
    pm = _POSSESSIVE.search(run[-1][2])
    if pm and len(run[-1][2]) > 2:
        end -= len(pm.group())
    return (start, end) if end > start else None


_NICKNAME = re.compile(r"^[\"“‘'][A-Z][\w.’'-]*[\"”’']$")


def _person_name(text: str, body: list[tuple[int, int, str]], house: frozenset[str]) -> MentionInfo | None:
    """Split the trailing name from a title prefix; None when there is no name."""
    tw = _title_words(house)
    k = len(body) - 1
    if not _is_name_token(body[k][2], True):
        return None
    while k > 0:
        tok = body[k - 1][2]
        tl = tok.lower()
        if k > 1 and k < len(body) and _NICKNAME.match(tok) and _is_name_token(body[k - 2][2], False):
            k -= 1  # 'Marcia "Cia" Price': a nickname in quotation marks between the given name and the surname
            continue
        if tl in HONORIFICS or tl in tw or tok in FUNCTION_WORDS or tok.endswith(",") or _POSSESSIVE.search(tok) \
                or tl in ORG_HEADS or tl in TITLE_MODIFIERS \
                or not _is_name_token(tok, False) or (is_demonym_or_country(tok) and k > 1):
            break
        k -= 1
    # "Comedian Sarah Silverman", "Actor Clint Howard": a capitalised role before a given name
    for i in range(k, len(body) - 1):
        if body[i][2] in FIRST_NAMES:
            if i > k and not any(body[j][2] in FIRST_NAMES for j in range(k, i)):
                k = i
            break
    name_toks = body[k:]
    if all(t[2].lower() in NAME_SUFFIXES for t in name_toks) or not any(_is_cap(t[2]) for t in name_toks):
        return None
    sur = len(name_toks) - 1
    while sur > 0 and name_toks[sur][2].lower().rstrip(",") in NAME_SUFFIXES:
        sur -= 1
    last = name_toks[-1][2]
    if last.endswith(".") and len(last) > 2 and last.lower() not in NAME_SUFFIXES and sur == len(name_toks) - 1:
        # a full stop ending the sentence, not an initial: "... said Dana Reyes."
        name_toks = name_toks[:-1] + [(name_toks[-1][0], name_toks[-1][1] - 1, last[:-1])]
        last = last[:-1]
    surname = _strip_poss(name_toks[sur][2]).rstrip(",").lower()
    first = name_toks[0][2] if len(name_toks) > 1 else None
    start, end = name_toks[0][0], name_toks[-1][1]
    pm = _POSSESSIVE.search(last) if len(last) > 2 else None
    if pm:
        end -= len(pm.group())
    gender = name_gender(first)
    title_span = None
    prefix = body[:k]
    if prefix:
        for t in prefix:
            g = HONORIFICS.get(t[2].lower())
            if g in ("m", "f"):
                gender = g
        tw_all = _title_words(house)
        real = [t for t in prefix if HONORIFICS.get(t[2].lower()) in (None, "u")]
        while real and (real[0][2] in FUNCTION_WORDS or not (
                real[0][2].lower() in tw_all or real[0][2].lower() in TITLE_MODIFIERS or _is_cap(real[0][2]))):
            real = real[1:]
        if real and (not any(t[2].lower() in tw_all for t in real) or real[-1][2].lower() not in tw_all):
            real = []  # "director for IHS Life Sciences": the title must stand right before the name
        if real and _is_cap(real[-1][2]) \
                and not any(title_role(" ".join(t[2] for t in real[-n:]), house) for n in (1, 2, 3, 4)):
            real = []  # "Officials at Homeland Security Investigations": words of titles, but no title
        if real:
            title_span = (real[0][0], real[-1][1])
            if gender == "u":
                for n in (3, 2, 1):
                    r = title_role(" ".join(t[2] for t in prefix[-n:]), house)
                    if r:
                        gender = _role_gender(r[0])
                        break
    name = " ".join(text[start:end].split())
    return MentionInfo("name", "person", name, (start, end), title_span=title_span, first=first,
                       surname=surname, gender=gender, key=surname)


@lru_cache(maxsize=8192)
def name_in_run(run: str, house_titles: frozenset[str] = frozenset()) -> MentionInfo | None:
    """The person's name in a run of capitalised words from running text
    ("But Secretary John Kerry" -> "John Kerry"), or None when the run
    names an organisation or place. A lighter ``analyse`` for scanning."""
    toks = _tokens(run)
    if not toks:
        return None
    last = _strip_poss(toks[-1][2]).rstrip(".").lower()
    whole = _strip_poss(run).lower()
    if last in ORG_HEADS or whole in INSTITUTIONS or whole in COUNTRIES or last in ABBREVIATIONS or len(last) < 2:
        return None
    if COUNTRIES.get(last, "demonym") != "demonym":
        # a place ends the run: a name only after a given name or a title ("Rep. Ellis Jordan")
        if not any(t[2] in FIRST_NAMES or t[2].lower() in HONORIFICS or t[2].lower() in _titles(house_titles)
                   for t in toks[:-1]):
            return None
    i = 0
    while i < len(toks) - 1 and toks[i][2] in FUNCTION_WORDS:
        i += 1
    return _person_name(run, toks[i:], house_titles)

