"""Speaker noun phrases around a cue, found without a tagger.

``subject_before`` walks back from a cue verb to the start of its subject
("Senior American officials have emphasized"); ``phrase_after`` reads a
phrase forward ("said Charles Lister", "according to a senior official").
Titles before a name and appositives are left out of the mention
("Secretary of State John Kerry" -> "John Kerry"); the sources stage finds
them as descriptors.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import rows, table, words
from ..model import Mention, Span
from ..tokens import Token, index_at
from ..words import DETERMINERS, MONTHS, SOURCE_POSTMODIFIERS, PREPOSITIONS, PRONOUNS, SENTENCE_OPENERS, SUBJECT_BOUNDARIES, TIME_WORDS
from .cues import verb_at



def is_time(tok: Token) -> bool:
    """A word of a time expression: "Monday", "yesterday", "April", "2012"."""
    return tok.lower in TIME_WORDS or tok.text in MONTHS or (tok.text.isdigit() and len(tok.text) == 4)


# words of a time phrase that is never a speaker: "the past two years", "this past week", "Jan. 1"
_TIME_NOUNS = TIME_WORDS | frozenset("past time times summer winter spring fall autumn days weeks months years decades "
                                     "hours minutes moment weekends nights mornings century".split())
_TIME_MODIFIERS = frozenset("the this that last next past coming few couple of several early late recent a an "
                            "two three four five six ten".split())


def time_phrase(toks: list[Token]) -> bool:
    """A phrase that only says when: "the past two years", "Hours", "Jan. 1",
    "this past"."""
    return bool(toks) and any(t.lower in _TIME_NOUNS or is_time(t) for t in toks) and all(
        (t.lower in _TIME_NOUNS and (not t.is_cap or j < len(toks) - 1))  # "The Times", "Time" are outlets
        or t.lower in _TIME_MODIFIERS or is_time(t) or t.text.isdigit() or t.text in (",", ".")
        for j, t in enumerate(toks))


def after_time_phrase(tokens: list[Token], start: int, limit: int) -> int:
    """``start`` moved past an opening time phrase and its comma ("Hours later,
    she ..."), else ``start``."""
    j = start
    while j < limit and tokens[j].text != ",":
        j += 1
    k = start
    while k < j and tokens[k].lower in SENTENCE_OPENERS:
        k += 1  # "At the time,"
    if j < limit and time_phrase(tokens[k:j]):
        return j + 1
    for e in range(k + 1, min(limit, k + 5)):
        # "Hours later she ...", "Two days later the board ...": no comma after the time
        if tokens[e - 1].lower in ("later", "earlier", "ago") and time_phrase(tokens[k:e]) \
                and (tokens[e].lower in PRONOUNS or tokens[e].lower in DETERMINERS or tokens[e].is_cap):
            return e
    return start


_STOP_PUNCT = frozenset(list(",;:()[]{}\"“”„«»‘’`!?—–") + ["''", "``", "-"])
MAX_WORDS = 9


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Words of titles written before a name ("Secretary of State", "Sen.",
    "former"), lower case without full stops: the words of ``title_roles`` and
    the title modifiers."""
    out = {w.lower().rstrip(".") for r in rows("title_roles") for w in r[0].split()}
    return frozenset(out | {w.lower() for w in words("title_modifiers")}) - {"of", "the", "and", "for", "in"}


def roles() -> frozenset[str]:
    """Nouns that head a speaker phrase ("spokesman", "officials", "report")."""
    return words("role_nouns")


def _mention(text: str, toks: list[Token]) -> Mention | None:
    if not toks:
        return None
    span = Span(toks[0].start, toks[-1].end)
    return Mention(span, span.of(text))


def strip_title(toks: list[Token]) -> list[Token]:
    """Drop a title before a capitalised name: "Sen. Bernie Sanders" -> "Bernie
    Sanders". "The" stays unless a title follows it: "The Daily Beast" is a name."""
    if len(toks) < 2 or not toks[-1].is_cap:
        return toks
    titles = _titles()
    i = 0
    while i < len(toks) - 1 and toks[i].lower.rstrip(".") not in ("mr", "mrs", "ms", "miss") and (
            toks[i].lower.rstrip(".") in titles or toks[i].lower in ("of", "-")
            or (toks[i].lower == "the" and toks[i + 1].lower.rstrip(".") in titles)):
        i += 1
    if i == 0 or toks[i - 1].lower == "of":
        return toks  # "the foreign minister of France": France is the office's, not a name
    rest = toks[i:]
    if not rest or not all(t.is_cap or t.text in ("-", "'s") for t in rest):
        return toks
    if all(t.lower.rstrip(".") in titles for t in rest):
        return toks  # a title alone, capitalised ("the Prime Minister", "The CEO"): no name to keep
    # keep "Mr./Mrs./Ms./Dr." out only when a name follows
    return rest if rest and rest[0].is_cap else toks


def subject_before(text: str, tokens: list[Token], cue_first: int, floor: int = 0) -> Mention | None:
    """The subject phrase ending right before token ``cue_first`` (exclusive),
    not reaching before token ``floor``: past a relative clause ("A nurse who
    works nights said"), a name's tags and a body it is with ("Tim Guest with
    the Health Authority says")."""
    who = _relative_before(tokens, cue_first, floor)
    if who is not None:
        head = _subject_before(text, tokens, who, floor)
        if head is not None:
            h = index_at(tokens, head.span.start)
            if h - 1 > floor and tokens[h - 1].text == "," and not head.text[:1].isupper():
                # "Ana Ruiz, a historian who sat in on the meeting, recalled": the name
                name = _subject_before(text, tokens, h - 1, floor)
                if name is not None and name.text[:1].isupper():
                    return name
            return head
    found = _subject_before(text, tokens, cue_first, floor) or _prepositional_coordination(text, tokens, cue_first, floor)
    if found is not None and time_phrase(tokens[index_at(tokens, found.span.start):index_at(tokens, found.span.end)]) \
            and _complement_head(text, tokens, found, floor) is None:
        # "Lake, who has in the past called", "Ruiz this past week announced": look past the time
        j = index_at(tokens, found.span.start)
        while j > floor and (tokens[j - 1].lower in _TIME_MODIFIERS or is_time(tokens[j - 1])):
            j -= 1
        if j > floor and tokens[j - 1].lower in PREPOSITIONS | {"over", "during"}:
            j -= 1
        while j > floor and tokens[j - 1].lower in ("has", "have", "had"):
            j -= 1
        if not floor < j < cue_first:
            return None
        return subject_before(text, tokens, j, floor) or clause_subject(text, tokens[floor:j])
    if found is not None:
        found = _person_with_body(text, tokens, found, floor) or _participle_head(text, tokens, found, floor) \
            or _complement_head(text, tokens, found, floor) or found
        found = _coordinated_subject(text, tokens, found, floor) or found
        return _unclosed_appositive(text, tokens, found, floor) or _before_floating_quantifier(
            text, tokens, found, floor) or found
    return None


def _prepositional_coordination(text: str, tokens: list[Token], cue_first: int, floor: int) -> Mention | None:
    """"Experts on Korea and nuclear arms said": lowercase words joined by "and"
    to the object of a subject's preposition belong to the subject."""
    k = cue_first - 1
    while k > floor and k > cue_first - 4 and tokens[k].is_word and not tokens[k].is_cap \
            and tokens[k].lower not in SUBJECT_BOUNDARIES:
        k -= 1
    if k == cue_first - 1 or k <= floor or tokens[k].lower != "and":
        return None
    head = _subject_before(text, tokens, k, floor)
    if head is None:
        return None
    inner = tokens[index_at(tokens, head.span.start):k]
    if not any(t.lower in PREPOSITIONS and not t.is_cap for t in inner[1:]):
        return None
    span = Span(head.span.start, tokens[cue_first - 1].end)
    return Mention(span, span.of(text))


_OF_WHOM = frozenset("whom which".split())
_INDEFINITES = frozenset("someone somebody anyone anybody everyone everybody".split())


def _before_floating_quantifier(text: str, tokens: list[Token], found: Mention, floor: int) -> Mention | None:
    """"Ana Ruiz (D-Ore.) and Tom Lake (D-Ohio) all said": "all", "both" and "each"
    after the subject are not the subject; the names before them are."""
    k, end = index_at(tokens, found.span.start), index_at(tokens, found.span.end)
    if tokens[end - 1].lower not in ("all", "both", "each"):
        return None
    if end - k > 1:
        return _mention(text, tokens[k:end - 1]) if tokens[end - 2].is_cap else None  # "The Greens all said"
    if k - 1 < floor or not (tokens[k - 1].text == ")" or (tokens[k - 1].is_cap and tokens[k - 1].is_word)):
        return None
    named = _subject_before(text, tokens, k, floor)
    return named if named is not None and named.text.split()[-1][:1].isupper() else None


def _unclosed_appositive(text: str, tokens: list[Token], found: Mention, floor: int) -> Mention | None:
    """"Sen. Ana Ruiz (D-Ore.), a supporter of the bill told reporters": an
    appositive whose closing comma was left out; the name before it speaks."""
    k = index_at(tokens, found.span.start)
    if k - 2 <= floor or tokens[k - 1].text != "," or tokens[k - 2].text != ")" or tokens[k].text not in ("a", "an"):
        return None  # only after a name's tags: "In Ohio, a new poll found" is the poll's
    named = _subject_before(text, tokens, k - 1, floor)
    return named if named is not None and named.text[:1].isupper() else None


# prepositions that open a complement inside a subject ("video of the incident")
_COMPLEMENT_PREPS = frozenset("of from by on about over in around at for with among between across".split())
_CLAUSE_PUNCT = frozenset([",", ";", ":", "(", "—", "–", "--"])


def _complement_head(text: str, tokens: list[Token], found: Mention, floor: int) -> Mention | None:
    """"Video of the incident shows", "The average of surveys run in the last
    month shows": the phrase found is a complement inside the subject, whose
    head opens the clause; the subject is the whole stretch from its head."""
    if found.text.lower() in PRONOUNS:
        return None  # "Ever since she said": a pronoun is a subject, never a complement
    k = index_at(tokens, found.span.start)
    j, start, words = k - 1, None, 0
    while j > floor and tokens[j].lower in _COMPLEMENT_PREPS and not tokens[j].is_cap and words < 12:
        j -= 1
        if tokens[j].lower.endswith(("ed", "en")) and not tokens[j].is_cap and tokens[j].lower not in SUBJECT_BOUNDARIES:
            j -= 1  # "polls taken over ...": a participle after the noun
        elif tokens[j].lower == "and" and j - 1 > floor and j + 1 < k and tokens[j + 1].lower in _COMPLEMENT_PREPS:
            j -= 1  # "observers in Halden and across the region": two complements joined
        np_end = j
        j = _before_noun_phrase(tokens, np_end, floor, 5)
        if j == np_end:
            return None
        words += np_end - j
        if _clause_starts_after(tokens, j, floor):
            start = j + 1
            break
        if tokens[j].lower in _COMPLEMENT_PREPS:
            continue
        return None
    if start is None or (tokens[start].lower in SENTENCE_OPENERS and tokens[start].lower not in DETERMINERS):
        return None
    end = index_at(tokens, found.span.end)
    if start - 1 > floor and tokens[start - 1].text == "," and end < len(tokens) and tokens[end].text == ",":
        # "Ana Ruiz, a supporter of the bill, said": the stretch is an appositive
        named = _before_appositive(text, tokens, start - 1, floor)
        if named is not None:
            return named
    return _mention(text, tokens[start:end])


def _before_noun_phrase(tokens: list[Token], np_end: int, floor: int, most: int) -> int:
    """The index just before the noun phrase of at most ``most`` words that
    ends at token ``np_end`` (``np_end`` itself when there is none); a
    determiner opens its phrase."""
    j = np_end
    while j >= floor and np_end - j < most and _noun_phrase_word(tokens, j, np_end):
        j -= 1
        if tokens[j + 1].lower in DETERMINERS:
            break
    return j


def _clause_starts_after(tokens: list[Token], j: int, floor: int) -> bool:
    """Does a clause open right after token ``j`` (the walk's floor or a clause mark)?"""
    return j < floor or tokens[j].text in _CLAUSE_PUNCT


def _coordinated_subject(text: str, tokens: list[Token], found: Mention, floor: int) -> Mention | None:
    """"Companies and individuals complain", "The port and its critics say": a
    subject of two conjuncts that opens the clause is the whole coordination
    (its first member gives its type)."""
    k = index_at(tokens, found.span.start)
    if k - 2 < floor or tokens[k - 1].lower != "and" or found.text.lower() in PRONOUNS:
        return None
    j = np_end = k - 2
    if not tokens[j].is_cap and (tokens[j].lower.endswith("ed") or tokens[j].lower in DETERMINERS):
        return None  # "the mayor arrived and officials said": a clause, not a noun
    j = _before_noun_phrase(tokens, np_end, floor, 4)
    if j == np_end or not _clause_starts_after(tokens, j, floor):
        return None
    if j >= floor and tokens[j].text == "," and j - 1 >= floor and tokens[j - 1].is_cap:
        return None  # "the Academies of Sciences, Engineering and Medicine": the end of a list of names
    start = j + 1
    if tokens[start].lower in SENTENCE_OPENERS and tokens[start].lower not in DETERMINERS:
        return None
    if tokens[start].lower == "both" and start + 1 < k - 1:
        start += 1  # "Both Cruz and Fiorina say": the two, not a quantity
    first = tokens[start:k - 1]
    second = tokens[k:index_at(tokens, found.span.end)]
    if not (second[0].lower in DETERMINERS or (
            second[-1].lower.endswith("s") and first[-1].lower.endswith("s") and not second[0].is_cap
            and (not first[-1].is_cap or _common_plural(first[-1].lower)))):
        # "current and former officials", "the Florida senator and presidential candidate": one head,
        # or one person with two roles; two names ("Ruiz and Lake") need no joining to be typed
        return None
    return _mention(text, tokens[start:index_at(tokens, found.span.end)])


def _common_plural(low: str) -> bool:
    """A plural the lexicons know as a common noun ("companies", "officials"),
    not a name capitalised at a sentence's start."""
    known = _common_nouns()
    return low in known or low[:-1] in known or (low.endswith("ies") and low[:-3] + "y" in known)


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    return frozenset(w.lower() for name in ("role_nouns", "anonymous_heads", "org_heads") for w in words(name))


# words in -ly that stand in a noun phrase: nouns ("family") and adverbs of quantity ("nearly two-thirds")
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ish", "ese", "ful", "less", "able", "ible")


def _adjective_like(low: str) -> bool:
    """A capitalised word that reads as an adjective opening a sentence
    ("Political observers", "Local residents"), not a name."""
    return low in words("group_adjectives") or (len(low) > 5 and low.endswith(_ADJECTIVE_ENDINGS))


_LY_IN_PHRASES = frozenset("family assembly rally ally monopoly anomaly supply italy nearly roughly approximately".split())
_OBJECT_PRONOUNS = frozenset("me him her us them it you".split())


def _noun_phrase_word(tokens: list[Token], j: int, np_end: int) -> bool:
    """A word that can stand in a noun phrase ending at token ``np_end``: not a
    preposition, pronoun, conjunction or a verb ("Trump posted a message",
    "Byrne gives an account")."""
    t = tokens[j]
    low = t.lower
    if not t.is_word or low in _COMPLEMENT_PREPS or low in SUBJECT_BOUNDARIES or low in PRONOUNS \
            or low in _OBJECT_PRONOUNS or pronoun_with_verb(low) or verb_at(tokens, j) is not None:
        return False
    if not t.is_cap and j < np_end and low.endswith("ed"):
        return False  # "Trump responded late Friday"
    if not t.is_cap and low.endswith("ly") and len(low) > 5 and low not in _LY_IN_PHRASES:
        return False  # "most recently in an interview with ABC News": an adverb, not a noun's modifier
    if not t.is_cap and low.endswith("s") and j > 0 and tokens[j - 1].is_cap and tokens[j - 1].is_word \
            and tokens[j - 1].lower not in DETERMINERS and not _adjective_like(tokens[j - 1].lower):
        return False  # "Byrne gives" (not "Political observers")
    return True


def _participle_head(text: str, tokens: list[Token], found: Mention, floor: int) -> Mention | None:
    """"Protesters marching through the streets chanted": the phrase found is
    the object of a participle's preposition; the subject is before it."""
    k = index_at(tokens, found.span.start)
    if k - 3 < floor or tokens[k - 1].lower not in PREPOSITIONS | {"through", "across", "into", "outside"}:
        return None
    part = tokens[k - 2]
    if part.is_cap or not part.lower.endswith(("ing", "ed")) or part.lower in SUBJECT_BOUNDARIES:
        return None
    head = _subject_before(text, tokens, k - 2, floor)
    if head is None or head.span.end != tokens[k - 3].end:
        return None
    return head


def _relative_before(tokens: list[Token], cue_first: int, floor: int) -> int | None:
    """Index of a "who" that opens a relative clause ending at the cue, within
    one clause ("A nurse who works nights in the ER said"; "that" is too often
    a clause's conjunction to count)."""
    lo = max(floor, cue_first - 14)
    if cue_first - 2 < lo or not any(t.lower in ("who", "that") for t in tokens[lo:cue_first - 1]):
        return None
    for j in range(cue_first - 2, lo - 1, -1):
        t = tokens[j]
        if t.text in _STOP_PUNCT or not (t.is_word or t.text in ("'s", "’s", ".", "-")):
            return None
        if t.lower == "who" and j > floor and tokens[j - 1].is_word \
                and tokens[j - 1].lower not in SUBJECT_BOUNDARIES:
            return j
        if t.lower == "that" and j > floor and tokens[j + 1].lower in _PERFECT_OR_BE \
                and _plural_noun(tokens[j - 1], opens=j - 1 == floor or not tokens[j - 2].is_word):
            return j  # "Surety companies that had insured the mine agreed": a plural noun's own clause
    return None


_PERFECT_OR_BE = frozenset("had has have was were is are".split())


def _plural_noun(t: Token, opens: bool = False) -> bool:
    """A plural that is no verb of speech ("companies", not "says"), lowercase
    unless it ``opens`` the sentence."""
    return t.is_word and (opens or not t.is_cap) and t.lower.endswith("s") and not t.lower.endswith("ss") \
        and verb_at([t._replace(text=t.lower, is_cap=False)], 0) is None


def _person_with_body(text: str, tokens: list[Token], found: Mention, floor: int) -> Mention | None:
    """"Tim Guest with the Nova Scotia Health Authority says": the person, not the body."""
    k = index_at(tokens, found.span.start)
    j = k - 1
    if j > floor and tokens[j].lower == "the":
        j -= 1
    if j <= floor or tokens[j].lower not in ("with", "of", "from", "at"):
        return None
    name_end = j
    i = name_end - 1
    while i >= floor and tokens[i].is_cap and tokens[i].is_word:
        i -= 1
    name = tokens[i + 1:name_end]
    if len(name) < 2 or name[0].text not in _given_names():
        return None
    return _mention(text, name)


def _given_names() -> dict[str, tuple[str, ...]]:
    return table("first_names")


@lru_cache(maxsize=1)
def document_heads() -> frozenset[str]:
    """Nouns of documents and publications (``lexicon/document_heads.txt``), lower case."""
    return frozenset(w.lower() for w in words("document_heads"))


_WITH_VERB = re.compile(r"(\w+)[’'](?:s|d|ll|re|ve|m)", re.I)


def pronoun_with_verb(word: str) -> bool:
    """"he's", "I’m", "they'd": a subject pronoun and its verb in one word."""
    m = _WITH_VERB.fullmatch(word)
    return m is not None and m.group(1).lower() in PRONOUNS


def _gerund_verbs() -> frozenset[str]:
    return words("gerund_verbs")


# participles that describe a source even negated ("experts not involved in the study")
_NEGATED_POSTMODIFIERS = frozenset("involved affiliated connected associated authorized authorised".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten dozen".split())


def _subject_before(text: str, tokens: list[Token], cue_first: int, floor: int = 0) -> Mention | None:
    i = cue_first - 1
    if 0 <= i < cue_first < len(tokens) and tokens[cue_first].lower.endswith("ing"):
        if tokens[i].lower in PREPOSITIONS:
            return None  # "held him in contempt of Congress for refusing": a gerund has no subject before it
        if i > floor and tokens[i].lower in _gerund_verbs() and not tokens[i].is_cap:
            i -= 1  # "Trump avoids condemning": the subject is before the verb that takes the gerund
    # skip a time expression between subject and cue: "the White House on Monday said"
    j = i
    while j >= floor and is_time(tokens[j]):
        j -= 1
    if j < i and j >= floor and tokens[j].lower in ("early", "late", "mid", "mid-"):
        j -= 1  # "in late August"
    if j < i and j >= floor and tokens[j].lower in ("on", "last", "this", "in", "since", "until", "by"):
        j -= 1
    if j < i and j > floor and tokens[j].lower.endswith("ed") and not tokens[j].is_cap \
            and tokens[j - 1].is_word:
        j -= 1  # "a poll released in late August found": the participle belongs to the subject
    if j < i:
        i = j
    if i < floor:
        return None
    if tokens[i].text == ")":
        # "Gov. John Kasich (R-Ohio) said": skip the parenthesis
        j = i - 1
        while j >= floor and tokens[j].text != "(" and i - j <= 8:
            j -= 1
        if j > floor and tokens[j].text == "(":
            i = j - 1
    elif tokens[i].text in ("—", "–", "--") and i - 1 >= floor:
        # "an executive of Tidewater Media -- the company that ... -- told me": skip the dashed aside
        j = i - 1
        while j >= floor and tokens[j].text not in ("—", "–", "--") and i - j <= 25:
            j -= 1
        if j > floor and tokens[j].text in ("—", "–", "--"):
            i = j - 1
    t = tokens[i]
    if i == cue_first - 1 and pronoun_with_verb(t.lower) and t.lower.endswith(("'s", "’s", "'re", "’re", "'m", "’m")) \
            and tokens[cue_first].lower.endswith("ing"):
        # "He’s claiming that": the pronoun and its auxiliary, then the cue
        m = _WITH_VERB.fullmatch(t.text)
        if m is not None:
            span = Span(t.start, t.start + len(m.group(1)))
            return Mention(span, span.of(text))
    if t.text in (",",):
        # "Charles Lister, a visiting fellow at ..., commented": skip the appositive
        return _before_appositive(text, tokens, i, floor)
    if t.text in _STOP_PUNCT or not t.is_word:
        return None
    if t.lower in _OF_WHOM and i - 2 >= floor and tokens[i - 1].lower == "of" and tokens[i - 2].is_word \
            and (tokens[i - 2].lower in DETERMINERS or tokens[i - 2].lower in _NUMBER_WORDS):
        # "family members, many of whom say": the part of the group the relative pronoun names
        return _mention(text, tokens[i - 2:i + 1])
    if t.lower in PRONOUNS:
        return _mention(text, [t])
    got: list[Token] = []
    k = i
    while k >= floor and len(got) < MAX_WORDS:
        tok = tokens[k]
        low = tok.lower
        if tok.text in ("'", "’") and got and k > floor and tokens[k - 1].end == tok.start \
                and tokens[k - 1].lower.endswith("s"):
            got.append(tok)  # plural possessive: "Sanders' team"
            k -= 1
            continue
        if got and tok.text in _NICKNAME_MARKS and nickname_mark(tokens, k):
            got.append(tok)  # 'William "Bill" Jones said': the nickname stays inside the name
            k -= 1
            continue
        if tok.text in _STOP_PUNCT or (not tok.is_word and tok.text not in ("'s", "’s", ".", "&", "-")):
            break
        if pronoun_with_verb(low):
            return None  # "he's heralded plans": "he's" is a subject and its verb, not a possessor
        if low == "not" and got and got[-1].lower in _NEGATED_POSTMODIFIERS:
            got.append(tok)  # "researchers not involved in the study said": the negation is the subject's
            k -= 1
            continue
        if low in SUBJECT_BOUNDARIES and not tok.is_cap:
            break
        if low in ("say", "suppose", "imagine") and got and (k == floor or tokens[k - 1].text in _STOP_PUNCT):
            break  # "Say Mexico demanded ...": suppose, not a name's first word
        if low in SENTENCE_OPENERS and (k == floor or tokens[k - 1].text in _STOP_PUNCT):
            break
        if low in PRONOUNS and got:
            break
        if got and got[0].is_cap and not tok.is_cap and low not in DETERMINERS and low not in PREPOSITIONS \
                and low.rstrip(".") not in _titles() and low not in roles() and not low.endswith(("'s", "’s")) \
                and not (len(got) == 1 and got[0].lower in _PEOPLE_PLURALS and tok.is_word and not low.endswith("ed")
                         and not low.endswith("thing") and verb_at(tokens, k) is None):
            break  # "columns Bradley wrote": a lowercase word before a name ends the name
            # (not "prominent Republicans": a party's members described)
        if low in PREPOSITIONS and got:
            # keep "a spokesman for the ministry", "Secretary of State": only when the
            # word before is a role noun or both sides are capitalised
            prev = tokens[k - 1] if k - 1 >= floor else None
            if prev is None:
                break
            named_body = got[-1].is_cap or (got[-1].lower == "the" and len(got) > 1 and got[-2].is_cap)
            if not (prev.lower in roles() or prev.lower in SOURCE_POSTMODIFIERS
                    # "Six in 10", "four out of five", "30 percent of voters"
                    or (low in ("in", "of") and (got[-1].text[:1].isdigit() or got[-1].lower in _NUMBER_WORDS)
                        and (prev.text[:1].isdigit() or prev.lower in _NUMBER_WORDS or prev.lower == "out"))
                    or (low == "of" and prev.lower in ("percent", "%") and not got[-1].is_cap)
                    # "the mother of three": a person counted by their children
                    or (low == "of" and len(got) == 1 and got[-1].lower in _NUMBER_WORDS and prev.is_word
                        and not prev.is_cap and prev.lower not in DETERMINERS and prev.lower not in _NUMBER_WORDS)
                    or (prev.lower.rstrip(".") in _titles() and not prev.is_cap)
                    or (prev.is_cap and named_body and low in ("of", "on", "for"))):
                break
        got.append(tok)
        if low in DETERMINERS and not tok.is_cap and low not in ("one", "two", "three", "all", "both", "some", "many", "most"):
            # "a spokesman for the ministry", "a person familiar with the matter": go on
            # through the preposition only when a role word stands before it
            if not (k - 2 >= floor and tokens[k - 1].lower in PREPOSITIONS
                    and (tokens[k - 2].lower in roles() or tokens[k - 2].lower in SOURCE_POSTMODIFIERS
                         or (tokens[k - 1].lower == "of" and tokens[k - 2].is_cap and len(got) > 1
                             and got[-2].is_cap))):
                break  # "Mr. Morgan of the Sierra Club" goes on
        k -= 1
    got.reverse()
    # a leading preposition or determiner-less lowercase run is not a subject
    while got and (got[0].lower in PREPOSITIONS):
        got = got[1:]
    if not got:
        return None
    if not any(g.is_cap or g.lower in roles() or g.lower in DETERMINERS or g.lower.endswith("s")
               or g.text[:1].isdigit() or g.lower in _INDEFINITES for g in got):
        return None
    # a capitalised sentence opener followed by lowercase words is usually not a name ("Still officials")
    return _mention(text, strip_title(got))


def _before_appositive(text: str, tokens: list[Token], comma: int, floor: int) -> Mention | None:
    """For "NAME, APPOSITIVE, cue": return NAME if the stretch between the two
    commas looks like an appositive."""
    k = comma - 1
    while k >= floor and tokens[k].text != "," and comma - k <= 32:
        if tokens[k].text in ("“", "”", '"', ".", ";", ":") and not nickname_mark(tokens, k) \
                and not (tokens[k].text == "." and k > 0 and title_abbreviation(tokens, k - 1)):
            return None
        k -= 1
    if k < floor or tokens[k].text != ",":
        return None
    inner = tokens[k + 1:comma]
    if len(inner) > 2 and inner[-1].text == ")" and any(t.text == "(" for t in inner[:-1]):
        inner = inner[:max(i for i, t in enumerate(inner) if t.text == "(")]  # "Marcia Ruiz (D-Newport)"
    if not inner:
        return None
    if _place_or_age(inner) and k - 1 >= floor:
        # "Dana Reyes, of Halden, Va., said", "Tom Reyes, 61, said": look past it
        return _before_appositive(text, tokens, k, floor) or subject_before(text, tokens, _past_tags(tokens, k, floor), floor)
    k = _past_tags(tokens, k, floor)
    if inner[0].lower in ("of", "from") and not inner[0].is_cap:
        return subject_before(text, tokens, k, floor)  # "Ana Ruiz, of Dover, said": where she is from
    if inner[-1].lower.rstrip(".") in _titles() and k - 1 >= floor and tokens[k - 1].is_cap:
        # "Jim Eglinski, Yellowhead MP, said": the inner phrase is the title, the name stands before
        name = subject_before(text, tokens, k, floor)
        if name is not None:
            return name
    if inner[0].lower in _PARTY_MEMBERS and k - 1 >= floor and tokens[k - 1].is_cap:
        # "Senator Ana Ruiz, Democrat of California, said": the inner phrase is her party and state
        name = subject_before(text, tokens, k, floor)
        if name is not None:
            return name
    named = inner
    while len(named) > 1 and not named[0].is_cap and named[0].lower.rstrip(".") in _titles():
        named = named[1:]  # "state Del. Marcia Ruiz"
    if not named[0].is_cap:
        named = inner  # "executive director of One Harbor Now": a role, not a name
    if all(t.is_cap or t.lower in ("of", "'s", "’s", "-") or t.text.endswith(".") or t.text in _NICKNAME_MARKS
           for t in named) and named[-1].is_cap and len(named) <= 5 + 3 * any(t.text in _NICKNAME_MARKS for t in named):
        # "His campaign manager, Ben Ortiz, said": the name is the inner phrase
        return _mention(text, strip_title(named))
    if inner[0].lower in ("who", "whose", "which"):
        pass  # relative clause: "Kerry, who arrived Monday, said"
    elif not (inner[0].lower in DETERMINERS or not inner[0].is_cap or inner[0].lower.rstrip(".") in _titles()
              or inner[0].lower.endswith(("'s", "’s"))
              or any(t.lower in roles() or t.lower.rstrip(".") in _titles() for t in inner if not t.is_cap)):
        # "Ana Okafor, Fair Harbor's executive director, said": a role word marks it
        return None
    name = subject_before(text, tokens, k, floor)
    if name is not None and not name.text[:1].isupper():
        # "Marc Duval, the trade minister of France, a member of ..., said": the name before
        h = index_at(tokens, name.span.start)
        if h - 1 > floor and tokens[h - 1].text == ",":
            before = _subject_before(text, tokens, h - 1, floor)
            if before is not None and before.text[:1].isupper() and " " in before.text:
                return before
    return name


_PEOPLE_PLURALS = frozenset("democrats republicans conservatives liberals progressives independents libertarians "
                            "americans europeans".split())
_PARTY_MEMBERS = frozenset("democrat republican independent libertarian conservative liberal socialist "
                           "labour tory".split())


def _past_tags(tokens: list[Token], k: int, floor: int) -> int:
    """``k`` (a comma) moved back over the tags that follow a name: an age, a
    hometown and its state, a party and state ("Ana Ruiz, 59, of Dover, Del.,")."""
    while True:
        j = k - 1
        while j >= floor and tokens[j].text != "," and k - j <= 6:
            if tokens[j].text in ("“", "”", '"', ";", ":"):
                return k
            j -= 1
        if j < floor or tokens[j].text != "," or j == k - 1:
            return k
        seg = tokens[j + 1:k]
        if not (_place_or_age(seg) or (seg[0].lower in ("of", "from") and not seg[0].is_cap and len(seg) <= 4)):
            return k
        k = j


def _places() -> frozenset[str]:
    return words("countries")


_PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")  # "R-Ky.", "D-N.Y."


def _place_or_age(toks: list[Token]) -> bool:
    """"Va.", "N.C.", "Texas", "61", "R-Ky.": a state, place, age or party
    standing alone between commas."""
    if len(toks) == 1 and toks[0].text.isdigit() and len(toks[0].text) <= 3:
        return True
    if _PARTY_STATE.match("".join(t.text for t in toks)):
        return True
    if len(toks) > 3 or not toks[-1].is_cap:
        return False
    name = " ".join(t.text for t in toks)
    bare = name.rstrip(".").replace(".", "").lower()
    return name in _places() or (name.endswith(".") and len(toks) == 1 and bare in words("abbreviations")) \
        or (len(bare) == 2 and name.count(".") == 2)


_NICKNAME_MARKS = frozenset(["\"", "“", "”", "'", "‘", "’"])


def nickname_at(tokens: list[Token], i: int) -> bool:
    """Token ``i`` opens a quoted single word between a given name and a
    surname: Marisol "Sol" Ruiz."""
    return 0 < i and i + 3 < len(tokens) and tokens[i].text in _NICKNAME_MARKS and tokens[i - 1].is_cap \
        and tokens[i - 1].is_word and tokens[i + 1].is_cap and tokens[i + 1].is_word \
        and tokens[i + 2].text in _NICKNAME_MARKS and tokens[i + 3].is_cap and tokens[i + 3].is_word \
        and tokens[i + 1].end == tokens[i + 2].start


def nickname_mark(tokens: list[Token], i: int) -> bool:
    """Token ``i`` opens or closes a nickname."""
    return nickname_at(tokens, i) or (i >= 2 and nickname_at(tokens, i - 2))


def title_abbreviation(tokens: list[Token], i: int) -> bool:
    """Token ``i`` is an abbreviation the tokeniser leaves without its full stop
    ("Del", also Delaware) and a given name follows the stop: "Del. Stacey Plaskett"."""
    t = tokens[i]
    return i + 2 < len(tokens) and t.is_cap and t.lower in words("abbreviations") and tokens[i + 1].text == "." \
        and tokens[i + 1].start == t.end and tokens[i + 2].text in _given_names()


def phrase_after(text: str, tokens: list[Token], first: int, limit: int | None = None) -> Mention | None:
    """A speaker phrase starting at token ``first``: "Charles Lister", "a senior
    official", "the report", "a spokesman for the ministry"."""
    limit = len(tokens) if limit is None else min(limit, len(tokens))
    got: list[Token] = []
    k = first
    while k < limit and len(got) < MAX_WORDS:
        tok = tokens[k]
        low = tok.lower
        if tok.text == "." and len(got) == 1 and k + 1 < limit and title_abbreviation(tokens, k - 1):
            got.append(tok)  # "said Del. Stacey Plaskett": a title abbreviation the tokens split
            k += 1
            continue
        if got and tok.text in _NICKNAME_MARKS and nickname_mark(tokens, k):
            got.append(tok)  # 'said William "Bill" Jones': the nickname stays inside the name
            k += 1
            continue
        if tok.text == "/" and got and got[-1].text.isdigit() and k + 1 < limit and tokens[k + 1].text.isdigit():
            got.append(tok)  # "said 9/11 widow Tess Brannigan"
            k += 1
            continue
        if tok.text in _STOP_PUNCT or (not tok.is_word and tok.text not in ("'s", "’s", "&", "-")):
            break
        if (low in SUBJECT_BOUNDARIES or low.endswith(("n't", "n’t"))) and not tok.is_cap and got:
            break  # "said Ana Ruiz's statement didn't ...": a verb ends the phrase
        if low in ("who", "which", "whose"):
            break
        if low in PREPOSITIONS and got:
            nxt = tokens[k + 1] if k + 1 < limit else None
            if nxt is None:
                break
            if not (got[-1].lower in roles() or (got[-1].is_cap and nxt.is_cap and low in ("of", "on", "for"))):
                break
        if got and low in TIME_WORDS:
            break
        if got and got[-1].is_cap and not tok.is_cap and low not in DETERMINERS and low not in PREPOSITIONS \
                and low.rstrip(".") not in _titles() and low not in roles() \
                and not (low in document_heads() and got[0].lower in DETERMINERS and len(got) <= 4
                         and not any(g.lower.endswith(("'s", "’s")) for g in got)):
            break  # "Donald Trump quickly took to Twitter": a lowercase word after a name ends it
            # (not "a recent Reuters survey": a document the name made)
        # a lowercase verb-looking word after the head ends the phrase ("the report released")
        if got and not tok.is_cap and (low.endswith("ed") or low.endswith("ing")) and got[-1].lower not in DETERMINERS \
                and low not in ("senior", "leading", "ruling", "governing", "founding", "presiding", "retired", "elected", "unnamed", "unidentified", "concerned", "informed"):
            break
        got.append(tok)
        k += 1
    while got and (got[-1].lower in PREPOSITIONS or got[-1].lower in DETERMINERS and got[-1].lower not in ("one", "both", "all")):
        got.pop()
    if not got:
        return None
    got = _author_of_document(got, tokens[k] if k < limit else None)
    return _mention(text, strip_title(got))


_SPEECH_EVENTS = frozenset(("speech", "speeches", "remarks", "testimony", "address"))


def _author_of_document(got: list[Token], after: Token | None) -> list[Token]:
    """"a speech Mrs. Clinton delivered", "a letter the senators sent": a
    document and the clause that says who made it; the maker is the source."""
    if after is None or not after.is_word or after.is_cap or after.lower in PREPOSITIONS \
            or after.lower in DETERMINERS or after.lower in SUBJECT_BOUNDARIES or got[0].lower not in DETERMINERS:
        return got
    for h in range(1, len(got) - 1):
        if (got[h].lower in document_heads() or got[h].lower in _SPEECH_EVENTS) and all(not g.is_cap for g in got[1:h]) \
                and (got[h + 1].is_cap or got[h + 1].lower in DETERMINERS):
            return got[h + 1:]
    return got


_PARTY_TAG = re.compile(r"[A-Z]{1,2}-[A-Z][A-Za-z.]*")


def clause_subject(text: str, tokens: list[Token]) -> Mention | None:
    """The subject of the clause that ends these tokens: the phrase after the
    nearest comma that a name or pronoun follows, else the phrase the
    tokens start with ("Later on Sunday, Carson shared ..." -> "Carson")."""
    starts = [j + 1 for j in range(len(tokens) - 2, -1, -1) if tokens[j].text == ","] + [0]
    for k in starts:
        while k < len(tokens) and tokens[k].lower in SENTENCE_OPENERS:
            k += 1
        j = k
        while j < len(tokens) and (tokens[j].lower in _TIME_MODIFIERS or tokens[j].lower in _TIME_NOUNS
                                   or is_time(tokens[j]) or tokens[j].text.isdigit()):
            j += 1
        if j > k and time_phrase(tokens[k:j]):
            k = j  # "On September 27 they published": the time is not the subject
        if k >= len(tokens):
            continue
        t = tokens[k]
        if t.lower in PRONOUNS and t.lower not in ("it", "you", "who"):
            return _mention(text, [t])
        if t.is_cap and t.is_word and t.lower in DETERMINERS and k + 1 < len(tokens) and not tokens[k + 1].is_cap:
            # "The real estate tycoon entered ...": the determiner and the lowercase phrase it opens
            rest = phrase_after(text, tokens, k + 1)
            if rest is not None:
                span = Span(t.start, rest.span.end)
                return Mention(span, span.of(text))
        if t.is_cap and t.is_word:
            got = phrase_after(text, tokens, k)
            if got is not None and _PARTY_TAG.fullmatch(got.text):
                continue  # "Paul Ryan, R-Wis., despite admitting": a party tag is nobody
            if got is not None and got.text.endswith(("'s", "’s")):
                # "Ivana Trump's brief said ... and dismissed": the possessor's thing is the subject
                after = index_at(tokens, got.span.end)
                rest = phrase_after(text, tokens, after) if after < len(tokens) and not tokens[after].is_cap else None
                if rest is not None:
                    span = Span(got.span.start, rest.span.end)
                    got = Mention(span, span.of(text))
            if k > 0 and got is not None:
                after = index_at(tokens, got.span.end)
                if after >= len(tokens) or tokens[after].text == ",":
                    continue  # "in Tulsa, Oklahoma,": a name in apposition has no predicate
            return got
    return None


def starts_named_phrase(tokens: list[Token], e: int) -> bool:
    """A lower-case role before a name: "said shop owner Dana Reyes", "said
    lead author Dr. Ana Ruiz", "said police Chief Ann Boyd"."""
    for k in range(e, min(len(tokens), e + 5)):
        t = tokens[k]
        if t.is_cap and t.is_word and not is_time(t):
            return k > e
        if t.text == "/" and k > e and tokens[k - 1].text.isdigit():
            continue  # "said 9/11 widow Tess Brannigan"
        if not t.is_word or t.lower in PREPOSITIONS or t.lower in SUBJECT_BOUNDARIES or t.lower in PRONOUNS:
            return False
    return False


def with_appositive_name(text: str, tokens: list[Token], speaker: Mention) -> Mention:
    """"says Wise's father, Darrin": a description followed by the name of the
    person it describes, at the end of the attribution, is one mention."""
    k = index_at(tokens, speaker.span.end)
    last = speaker.text.split()[-1]
    if last[:1].isupper() or k + 1 >= len(tokens) or tokens[k].text != ",":
        return speaker
    j = k + 1
    while j < len(tokens) and tokens[j].is_cap and tokens[j].is_word:
        j += 1
    if j == k + 1 or j - k - 1 > 4 or (j < len(tokens) and tokens[j].text not in (".", ",", ";", "!", "?")):
        return speaker
    span = Span(speaker.span.start, tokens[j - 1].end)
    return Mention(span, span.of(text))


def name_past_modifier(text: str, tokens: list[Token], speaker: Mention) -> Mention:
    """"said Navy veteran Tess Brannigan": a capitalised modifier and a lower-case
    role before a name, after an inverted cue; the name is the speaker."""
    if not speaker.text[-1:].isalpha() or not speaker.text.split()[-1][:1].isupper():
        return speaker
    k = index_at(tokens, speaker.span.end)
    j = k
    while j < len(tokens) and j - k < 3 and tokens[j].is_word and not tokens[j].is_cap \
            and tokens[j].lower not in DETERMINERS and tokens[j].lower not in PREPOSITIONS \
            and tokens[j].lower not in SUBJECT_BOUNDARIES and tokens[j].lower not in PRONOUNS \
            and not tokens[j].lower.endswith(("s", "ed", "ing", "ly")):
        j += 1
    if j == k or j >= len(tokens) or not (tokens[j].is_cap and tokens[j].is_word) or is_time(tokens[j]):
        return speaker
    name = phrase_after(text, tokens, j)
    if name is None or not all(w[:1].isupper() for w in name.text.split()):
        return speaker
    e = index_at(tokens, name.span.end)
    if " " not in name.text and e < len(tokens) and tokens[e].text not in (",", ".", ";", "!", "?"):
        return speaker
    return name


def starts_phrase(tok: Token, pronouns: bool = True) -> bool:
    """Can a speaker phrase start at this token ("said Kerry", "said a spokesman",
    "said former Gov. Bill Richardson")?"""
    low = tok.lower
    if not tok.is_word or low in PREPOSITIONS:
        return False
    if low in PRONOUNS:
        return pronouns
    if is_time(tok):
        return False  # "said Tuesday"
    return tok.is_cap or low in DETERMINERS or low.rstrip(".") in _titles()
