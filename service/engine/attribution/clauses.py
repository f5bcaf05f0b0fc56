"""Whose words a participle's clause gives: "Kerry said ..., adding that ..."
and "several groups granted an extension, saying ..." are Kerry's and the
groups', not those of the noun nearest the participle."""
from __future__ import annotations

from ..model import Mention, Span
from ..tokens import Token, index_at
from ..words import PRONOUNS, SENTENCE_OPENERS
from .cues import aux_start, verb_at
from .phrases import after_time_phrase, clause_subject, phrase_after, starts_phrase, subject_before

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
    sentence's subject, who made the thing."""
    if np.text[:1].isupper() or np.text.lower() in PRONOUNS:
        return None
    k = index_at(tokens, np.span.start)
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
