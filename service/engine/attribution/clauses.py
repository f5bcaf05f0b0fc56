"""Whose words a participle's clause gives: "Kerry said ..., adding that ..."
and "several groups granted an extension, saying ..." are Kerry's and the
groups', not those of the noun nearest the participle."""
from __future__ import annotations

from ..model import Mention, Span
from ..tokens import Token, index_at
from ..words import DETERMINERS, PRONOUNS, SENTENCE_OPENERS
from .cues import aux_start, verb_at
from .phrases import document_heads, after_time_phrase, clause_subject, phrase_after, starts_phrase, subject_before

_QUOTE_MARKS = frozenset(["\"", "“", "”", "''", "``", "„", "«", "»"])


def main_subject(text: str, tokens: list[Token], comma: int) -> Mention | None:
    """The subject of the clause a participle hangs on ("Kerry said ..., adding
    that"): the first cue verb before ``comma`` that has a subject (the main
    clause comes first), else the sentence's own subject."""
    verbs, relative = [], None
    for j in range(comma - 1, -1, -1):
        if tokens[j].text in _QUOTE_MARKS:
            break
        hit = verb_at(tokens, j)
        if hit is not None:
            verbs.append((j, hit))
    for j, hit in reversed(verbs):
        sp = subject_before(text, tokens, aux_start(tokens, j))
        if sp is not None and aux_start(tokens, j) == j and tokens[j].lower.endswith("ing") \
                and _possessed(tokens, sp):
            continue  # "poked at Ruiz's constant coughing at the forum, tweeting": a gerund
        if sp is not None and sp.text.lower() in ("who", "which", "that"):
            relative = relative or sp  # "a builder who said he was underpaid ..., saying": the main verb first
            continue
        if sp is None and hit[1] < comma and j > 0 and tokens[j - 1].text == ",":
            sp = phrase_after(text, tokens, hit[1])  # ", said Kerry, adding that"
        if sp is not None:
            return sp
    if verbs and relative is None:
        return None
    return clause_subject(text, tokens[:comma]) or determined_subject(text, tokens[:comma]) or relative


def determined_subject(text: str, tokens: list[Token]) -> Mention | None:
    """The subject after the last comma when it opens with a determiner: "After
    the vote, the mayor's aides were upbeat" -> "the mayor's aides"."""
    k = max((j + 1 for j, t in enumerate(tokens) if t.text == ","), default=0)
    if k < len(tokens) - 1 and tokens[k].lower in ("the", "his", "her", "their", "its", "a", "an"):
        return phrase_after(text, tokens, k)
    return None


def _possessed(tokens: list[Token], sp: Mention) -> bool:
    """A phrase with a possessive before lower-case words: "Trump's persistent"."""
    inner = tokens[index_at(tokens, sp.span.start):index_at(tokens, sp.span.end)]
    return not inner[-1].is_cap and any(t.lower.endswith(("'s", "’s")) for t in inner[:-1])


def agent_of_object(text: str, tokens: list[Token], np: Mention) -> Mention | None:
    """"Trump unleashed a series of tweets saying that ...", "the council issued
    a statement calling ...": a participle after an object speaks for the
    sentence's subject, who made the thing. When the object is a document (a
    statement, a letter, tweets: ``lexicon/document_heads.txt``), the subject
    of the verb that made it, found as any subject is ("After the vote, the
    council issued a statement saying", "Mitch McConnell (R-Ky.) put out a
    statement saying"); else the sentence's first phrase, a few words before
    the object."""
    if np.text[:1].isupper() or np.text.lower() in PRONOUNS:
        return None
    k = index_at(tokens, np.span.start)
    maker = _maker(text, tokens, np, k)
    if maker is not None:
        return maker
    sent = _document_sent_to(text, tokens, k)
    if sent is not None:  # "the union sent a letter to members saying": the letter's, not the members'
        return _maker(text, tokens, sent, index_at(tokens, sent.span.start))
    start = 0
    while start < k and (tokens[start].lower in SENTENCE_OPENERS or tokens[start].text == ","):
        start += 1
    start = after_time_phrase(tokens, start, k)  # "Hours later, she issued a statement saying"
    if start >= k - 1 or not starts_phrase(tokens[start]):
        return None
    agent: Mention | None
    if tokens[start].lower in PRONOUNS:  # "she sent a letter saying": the pronoun alone
        agent = Mention(Span(tokens[start].start, tokens[start].end), tokens[start].text)
    else:
        agent = phrase_after(text, tokens, start, limit=k)
    if agent is None or agent.span.end >= np.span.start:
        return None
    between = [t for t in tokens[index_at(tokens, agent.span.end):k] if t.is_word]
    # one verb and at most a few words of the object's phrase between them
    if not between or len(between) > 5 or between[0].is_cap:
        return None
    return agent


def _maker(text: str, tokens: list[Token], np: Mention, k: int) -> Mention | None:
    """The subject of the verb right before document ``np`` (at token ``k``)."""
    if not any(w.lower().strip(".,") in document_heads() for w in np.text.split()):
        return None
    v = k - 1
    if v > 0 and tokens[v].lower in _PARTICLES:
        v -= 1  # "put out a statement"
    if v <= 0 or not _verb_like(tokens[v]) or tokens[v - 1].lower == "to":
        return None  # no verb, or an infinitive's ("prompting the paper to run an editorial")
    agent = subject_before(text, tokens, aux_start(tokens, v))
    if agent is None or agent.text.lower() in ("who", "which", "that") \
            or tokens[index_at(tokens, agent.span.end) - 1].lower in _NOT_VERBS:
        return None
    return agent


def _document_sent_to(text: str, tokens: list[Token], k: int) -> Mention | None:
    """The document before "to"/"for" and the object at token ``k`` ("a
    letter to members", "a statement for reporters"), or None."""
    j = k - 2
    if j < 1 or tokens[k - 1].lower not in ("to", "for") or tokens[j].lower not in document_heads():
        return None
    d = j - 1  # the determiner, or one modifier after it ("a joint statement")
    if d > 0 and tokens[d].lower not in DETERMINERS and tokens[d].is_word and not tokens[d].is_cap:
        d -= 1
    if tokens[d].lower not in DETERMINERS:
        return None
    return Mention(Span(tokens[d].start, tokens[j].end), text[tokens[d].start:tokens[j].end])


_PARTICLES = frozenset("out up forward".split())
_NOT_VERBS = frozenset("a an the and or but of for at with from in on to by as that this these those its his her their "
                       "our your my which who whom whose what when where while because if than".split())


def _verb_like(t: Token) -> bool:
    """Could this word be the verb that made the object after it ("issued a
    statement")? A lower-case word that is not a function word."""
    return t.is_word and not t.is_cap and t.lower not in _NOT_VERBS and not t.lower.endswith(("'s", "’s"))
