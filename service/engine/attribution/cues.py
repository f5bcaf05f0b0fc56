"""Cue verbs: the lexicon of attribution verbs and matching them in tokens.

A cue is a speech verb ("said", "told"), a cognition or finding verb before
a that-clause ("believes that", "found that"), with the auxiliaries and
adverbs that lead to it ("have emphasized", "also said").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import rows
from ..model import Cue, Span
from ..tokens import Token
from ..words import AUXILIARIES, BE_FORMS, DAYS, LY_NON_ADVERBS, NOUN_CONTEXT, SUBJECT_PRONOUNS


# Verbs that take a person object before the reported clause ("told reporters that").
OBJECT_VERBS = frozenset("tell assure inform warn remind advise ask urge brief notify promise".split())


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    form: str
    cls: str  # speech | speech-that | stance | belief
    particle: str | None = None  # "out" in "point out"


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, tuple[CueVerb, ...]]:
    """Lower-case first word of every form -> the cue verbs it may start."""
    out: dict[str, list[CueVerb]] = {}
    for row in rows("cue_verbs"):
        lemma, forms, cls = row[0], row[1], row[2]
        for form in forms.split(","):
            words = form.split()
            cv = CueVerb(lemma, form, cls, words[1] if len(words) > 1 else None)
            out.setdefault(words[0], []).append(cv)
    return {k: tuple(v) for k, v in out.items()}




@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every word a cue verb can start with (lower case): a cheap first test."""
    return frozenset(cue_forms())


# Cue forms that are more often nouns: a verb only before "that" or after a pronoun.
_CATENATIVES = frozenset("continued continues continue began begin begins started starts start".split())
_NAMING_MARKS = frozenset(["‘", "“", '"', "'"])
_REFLEXIVES = frozenset("himself herself themselves itself myself ourselves yourself".split())
_MOSTLY_NOUNS = frozenset(
    "report reports claim claims charge charges estimate estimates comment comments promise promises pledge "
    "pledges tweet tweets answer answers reply replies signal signals forecast forecasts fear fears hope hopes "
    "demand demands warning call calls worry worries quotes figure figures notes states remarks reasons "
    "echoes echo".split()
)


def verb_at(tokens: list[Token], i: int) -> tuple[CueVerb, int] | None:
    """The cue verb starting at token ``i`` and the index after it, if any.
    A capitalised form, or one after a determiner, possessive, number or
    preposition, is a noun ("the State Department", "a report")."""
    tok = tokens[i]
    cands = cue_forms().get(tok.lower)
    if not cands:
        return None
    if tok.text[:1].isupper() and not tok.text.isupper():
        return None
    if i > 0:
        prev = tokens[i - 1].lower
        possessive = prev.endswith(("'s", "’s", "s'", "s’")) and prev[:-2] not in SUBJECT_PRONOUNS  # not "he’s"
        # ("a panel in 2001 found": a year after its preposition is a time, not a counted noun)
        year = len(prev) == 4 and prev.isdigit() and i > 1 and tokens[i - 2].lower in ("in", "since", "by")
        if (prev in NOUN_CONTEXT or prev[:1].isdigit() and not year or possessive) and not _verb_after_context(tokens, i):
            return None
        if prev.endswith("ly") and i > 1 and tokens[i - 2].lower in NOUN_CONTEXT:
            return None  # "a politically charged debate"
    if tok.lower == "show" and (i == 0 or not (tokens[i - 1].lower.endswith("s") or tokens[i - 1].lower in SUBJECT_PRONOUNS)):
        return None  # "polls show", "they show"; not "a talk show", "Show me"
    if tok.lower in _MOSTLY_NOUNS:
        # "reports that" is a verb; "a new report compares", "a congressional report that" are not;
        # a quotation's tail, "...," the paper reports., ends its sentence on the verb
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        prev_tok = tokens[i - 1] if i > 0 else None
        if prev_tok is None:
            return None
        if prev_tok.lower.endswith("ed") and not prev_tok.is_cap and prev_tok.is_word:
            return None  # "he has heralded plans to ...", "unveiled plans to": the participle's object
        if not tok.lower.endswith("s") and i >= 2 and tokens[i - 2].lower in _SINGULAR_DETERMINERS:
            return None  # "a wake-up call to voters": a base form after "a" and a modifier is the noun
        ends = prev_tok.is_word and not prev_tok.lower.endswith("ed") and (
            nxt in ("", ".", "!", "?") or (nxt == "," and prev_tok.is_cap))
        # "The governor hopes to sign": an infinitive after it makes a verb of it
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        infinitive = nxt == "to" and after is not None and after.is_word and not after.is_cap \
            and after.lower not in NOUN_CONTEXT and not after.text[:1].isdigit() and prev_tok.is_word
        # "Obama and Clinton call them ...": a plural or a name before it and an object pronoun after
        # ("The senator calls herself ..."): a noun is never followed by an object pronoun
        # ("her" and "it" may open a noun phrase of their own: "news reports her husband ...")
        objected = (nxt in _REFLEXIVES or nxt in ("them", "him", "us", "me")
                    or nxt in ("her", "it") and (prev_tok.is_cap or prev_tok.lower.endswith("s"))) \
            and prev_tok.is_word and prev_tok.lower not in NOUN_CONTEXT
        # "..., saying the talks had stalled and warning that ...": a participle joined to another
        joined = tok.lower.endswith("ing") and prev_tok.lower in ("and", "or", ",", "—", "–")
        # "Trump is warning voters that": a participle after its auxiliary
        progressive = tok.lower.endswith("ing") and prev_tok.lower in BE_FORMS
        # "Bill Clinton calls Obamacare ‘a crazy system’": a name, the name it is given quoted
        naming = tok.lower in ("call", "calls") and prev_tok.is_cap and nxt[:1].isalpha() and i + 1 < len(tokens) \
            and tokens[i + 1].is_cap and any(t.text in _NAMING_MARKS for t in tokens[i + 2:i + 5])
        # "to call for", "Axelrod calls on Dean", "chairman calls for": a phrasal cue after its subject
        after_to = prev_tok.lower == "to" and not tok.lower.endswith("s")
        phrasal = nxt in ("for", "on") and prev_tok.is_word and not prev_tok.lower.endswith(("ed", "ing", "s")) \
            and prev_tok.lower not in NOUN_CONTEXT and (prev_tok.is_cap or i < 2 or tokens[i - 2].is_word)
        if prev_tok.lower not in SUBJECT_PRONOUNS and not ends and not infinitive and not objected and not progressive \
                and not naming and not after_to and not phrasal and not (
                nxt in ("that", ":") and (prev_tok.is_cap or prev_tok.lower.endswith("s") or joined)):
            return None
    # a phrasal form first ("called for" before "called"), perhaps past a day ("called Friday for")
    for cv in cands:
        if cv.particle and i + 1 < len(tokens) and tokens[i + 1].lower == cv.particle:
            return cv, i + 2
        if cv.particle and i + 2 < len(tokens) and tokens[i + 1].lower in DAYS and tokens[i + 2].lower == cv.particle:
            return cv, i + 3
    for cv in cands:
        if not cv.particle:
            return cv, i + 1
    return None


def headline_case(tokens: list[Token]) -> list[Token]:
    """In a Title Case headline ("Trump Says He Will Win") the verbs are
    capitalised too: present cue words in lower case so the patterns see them."""
    most_lower = 0.2 * len(tokens)  # more lowercase words than this: not Title Case, whatever the rest
    lower = 0
    for t in tokens:
        if not t.is_cap and t.is_word and t.text[:1].isalpha():
            lower += 1
            if lower > most_lower:
                return tokens
    words_ = [t for t in tokens if t.is_word and t.text[:1].isalpha()]
    if len(words_) < 4 or sum(t.is_cap for t in words_) < 0.8 * len(words_):
        return tokens
    forms = cue_words()
    return [t._replace(text=t.lower, is_cap=False) if t.lower in forms else t for t in tokens]


_SINGULAR_DETERMINERS = frozenset("a an another each every".split())
_VERB_ONLY_FORMS = frozenset("said says told tells wrote writes added adds asked asks".split())
_COUNTED = frozenset("another other one two three four five six seven eight nine ten some many most several few "
                     "each both".split())


def _clause_next(tokens: list[Token], i: int) -> bool:
    """Does a clause open after the word at ``i`` ("Some say they ...", "say
    that ...", "say the vote ..."), not a noun's complement ("some say in it")?"""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    return nxt in SUBJECT_PRONOUNS or nxt in ("that", "the", "there", "this")


def _verb_after_context(tokens: list[Token], i: int) -> bool:
    """A cue form after a word that usually makes it a noun, where it is a verb
    all the same: "Another said", "two said", "went on to say", "by saying"."""
    tok, prev = tokens[i].lower, tokens[i - 1].lower
    if (prev[:1].isdigit() or prev in ("percent", "%")) and tok in _VERB_ONLY_FORMS | {"say"} \
            and (i < 2 or tokens[i - 2].lower not in ("the", "a", "an")):
        return True  # "Six in 10 say", "43 percent said"
    # "some note that ...", "others argue that ...": a plural's verb, no -s ("some notes that he wrote" are notes)
    that = i + 1 < len(tokens) and tokens[i + 1].lower == "that" and not tok.endswith("s")
    if prev in _COUNTED and (tok in _VERB_ONLY_FORMS or tok.endswith("ed") or tok == "say" and _clause_next(tokens, i)
                             or that) \
            and (i < 2 or tokens[i - 2].lower in ("the", "of", "in")  # "a mother of three said", "one in five say"
                 or tokens[i - 2].text in (".", ",", ";", "\"", "”")
                 or not tokens[i - 2].is_word or tokens[i - 2].is_cap):
        return True
    if prev == "to" and i >= 3 and tokens[i - 2].lower == "on" \
            and tokens[i - 3].lower in ("went", "go", "goes", "going", "gone"):
        return True
    if prev == "to" and i >= 2 and tokens[i - 2].lower in _CATENATIVES:
        return True  # "protesters continued to call for"
    return prev == "by" and tok.endswith("ing") and i >= 2 and tokens[i - 2].is_word


def make_cue(text: str, tokens: list[Token], first: int, verb: CueVerb, end: int) -> Cue:
    """A Cue spanning tokens ``first`` (an auxiliary or the verb) to ``end``."""
    span = Span(tokens[first].start, tokens[end - 1].end)
    return Cue(span=span, text=span.of(text), lemma=verb.lemma)  # loaded-ness: the report stage


def aux_start(tokens: list[Token], i: int, floor: int = 0) -> int:
    """Index of the first auxiliary/adverb leading to the verb at ``i``."""
    j = i
    while j - 1 >= floor and (tokens[j - 1].lower in AUXILIARIES or
                              (tokens[j - 1].lower.endswith("ly") and tokens[j - 1].lower not in LY_NON_ADVERBS
                               and not tokens[j - 1].is_cap)):
        j -= 1
    # "went on to say", "goes on to add": the phrase leads to the cue
    if j >= floor + 3 and tokens[j - 1].lower == "to" and tokens[j - 2].lower == "on" \
            and tokens[j - 3].lower in ("went", "go", "goes", "going", "gone"):
        j -= 3
        while j - 1 >= floor and tokens[j - 1].lower in AUXILIARIES:
            j -= 1
    elif j >= floor + 2 and tokens[j - 1].lower == "to" and tokens[j - 2].lower in _CATENATIVES:
        j -= 2  # "protesters continued to call for": the verb that leads to the cue
        while j - 1 >= floor and tokens[j - 1].lower in AUXILIARIES:
            j -= 1
    # never start a cue on a bare "'s" (possessive)
    while j < i and tokens[j].lower in ("'s", "’s"):
        j += 1
    return j


# Cue verbs whose following noun phrase is always the addressee, never an inverted
# speaker: '"...," told City Radio' is not City Radio speaking ('"...," said Ana' is Ana).
NEVER_INVERTED = frozenset("tell inform assure remind notify persuade convince thank praise accuse brief".split())
