"""Reported speech: claims the article attributes without quotation marks.

Each pattern is a small named function over one sentence (the text, the
sentence's span, its tokens and the direct quotations near it) that returns
``Found(cue, speaker, content)`` items; ``SIEVE`` tries them most certain
first, and a claim one pattern took is not taken again by a later one.
Sentences without a cue word are read only by the patterns of
``TEXT_SIEVE``, which match the text itself.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Generic, Literal, TypeVar, cast

from .. import deadline
from ..document import Document
from ..lexicon import words
from ..model import Cue, Mention, Quote, Span
from ..tokens import Token, index_at
from ..words import (
    ATTRIBUTION_TAIL_WORDS, AUXILIARIES, BE_FORMS, DETERMINERS, NEXT_CLAUSE_OPENERS, PREPOSITIONS_AFTER_CUE, PRONOUNS, SENTENCE_OPENERS, TIME_WORDS,
)
from ..words import SUBJECT_PRONOUNS
from .clauses import agent_of_object, main_subject
from .cues import NEVER_INVERTED, OBJECT_VERBS, aux_start, cue_forms, cue_words, headline_case, make_cue, verb_at
from .pattern import Pattern, pattern
from .phrases import (
    clause_subject, name_past_modifier, phrase_after, roles, starts_named_phrase, starts_phrase, with_appositive_name,
)
from .phrases import subject_before as _subject_before

R = TypeVar("R")
_MISSING = object()  # no result memoised for this key yet (None is a result)


class _PerSentence(Generic[R]):
    """``fn`` memoised on one sentence's tokens (held, compared by identity)
    and ``key`` of the other arguments: patterns of the same sentence that
    read the same thing (the subject before a cue, the cue set off by
    commas) read it once. One sentence at a time; ``forget`` lets go of it."""

    def __init__(self, fn: Callable[..., R], key: Callable[..., tuple[object, Hashable]]) -> None:
        self.fn, self.key = fn, key
        # (text, tokens, {key: result}), replaced whole (threads share it)
        self.memo: tuple[str, object, dict[Hashable, R]] | None = None

    def __call__(self, text: str, *args: Any) -> R:
        tokens, key = self.key(*args)
        m = self.memo
        if m is None or m[1] is not tokens or m[0] is not text:
            m = self.memo = (text, tokens, {})
        got = m[2].get(key, _MISSING)
        if got is _MISSING:
            got = m[2][key] = self.fn(text, *args)
        return cast(R, got)

    def forget(self) -> None:
        self.memo = None


# reported_leading, reported_trailing, as_said and the comma-set cues ask for the subject before the same cue
subject_before: _PerSentence[Mention | None] = _PerSentence(_subject_before, lambda tokens, cue_first: (tokens, cue_first))

_QUOTE_MARKS = frozenset(["\"", "“", "”", "''", "``", "„", "«", "»"])
_OPENING_MARKS = frozenset(["\"", "“", "``", "„", "«"])
_CLOSING_MARKS = frozenset(["\"", "”", "''", "»", "’", "'"])
_END_PUNCT = ".!?;:,\"“”'’‘`)»…—– \n\t"
MIN_CONTENT_WORDS = 3
MAX_SENTENCE_TOKENS = 250  # longer "sentences" are lists or run-on noise, not reported speech

_UNATTRIBUTED = re.compile(
    r"\b(?P<cue>(?:[Tt]here|[Ii]t)\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:also\s+|now\s+|widely\s+|generally\s+|long\s+|increasingly\s+|still\s+|growing\s+|some\s+|many\s+|new\s+)*"
    r"(?:claims?|reports?|allegations?|suggestions?|rumou?rs?|indications?|speculation|fears?|concerns?|"
    r"believed|thought|said|reported|alleged|claimed|expected|understood|feared|rumou?red|assumed|"
    r"suspected|suggested|estimated|known|hoped))\s+that\s+"
)
# "X is said to ...", "X is believed to ...": a claim whose holder the story
# does not name. Hedges and expectations ("is expected to", "seems to",
# "appears to", "is projected to") say how likely something is, not that
# anyone claims it: they are not quotations.
_IMPERSONAL = re.compile(
    r"\b(?P<cue>(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:also\s+|widely\s+|generally\s+|still\s+|now\s+|largely\s+|increasingly\s+)*"
    r"(?:said|believed|thought|rumou?red|reported|alleged|known|understood|seen|considered|"
    r"presumed|feared)\s+)(?P<to>(?:to|for|as)\s+)(?<!known\sas\s)"
)  # "is known as a "backstop"" names a thing, nobody claims it
_REPORTEDLY = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly|rumou?redly)\b")


@dataclass(frozen=True, slots=True)
class Found:
    cue: Cue
    speaker: Mention | None
    content: Span
    fragments: tuple[Span, ...] = ()  # the two halves of a claim broken by its attribution
    min_words: int = MIN_CONTENT_WORDS  # a refusal's content may be two words ("to comment")


def reported_speech(doc: Document, direct: list[Quote]) -> list[Quote]:
    """Reported-speech quotations, each with its cue, (where given) speaker and
    the id of the pattern that found it; ids not given yet."""
    try:
        return _reported(doc, direct)
    finally:  # the memos hold a sentence of this text: let go of it, whatever happened
        subject_before.forget()
        _parenthetical.forget()


def _reported(doc: Document, direct: list[Quote]) -> list[Quote]:
    text = doc.text
    quoted = [q.span for q in direct]
    out: list[Quote] = []
    qi = 0
    cues = cue_words() | {"according"} | claim_nouns()
    for sent in doc.sentences:
        deadline.check()
        s = sent.span
        while qi < len(quoted) and quoted[qi].end <= s.start:
            qi += 1
        lo, hi = s.start - 1, s.end + 1
        nearby = [q for q in quoted[max(0, qi - 1):qi + 6] if q.start < hi and lo < q.end]
        # a sentence that is all quotation is direct speech, not reported
        if nearby and sum(len(q) for q in nearby) > 0.8 * len(s):
            continue
        if len(s) > MAX_SENTENCE_TOKENS * 12:
            continue
        if ":" not in text[s.start:s.start + 40] and cues.isdisjoint(map(str.lower, _WORD.findall(text, s.start, s.end))):
            # no cue word: only the patterns that read the text itself can match
            found = _sentence(text, s, [], nearby, TEXT_SIEVE)
        else:
            tokens = doc.sentence_tokens(sent)
            if len(tokens) < 4 or len(tokens) > MAX_SENTENCE_TOKENS:
                continue
            found = _sentence(text, s, tokens, nearby, SIEVE)
        for rule, f in found:
            frags: tuple[Span, ...] = ()
            content: Span | None
            if f.fragments:
                frags = tuple(c for c in (_clean(text, x, 1) for x in f.fragments) if c is not None)
                if len(frags) == 1:
                    content, frags = frags[0], ()
                elif frags:
                    content = Span(frags[0].start, frags[-1].end)
                else:
                    continue
            else:
                content = _clean(text, f.content, f.min_words)
            if content is None or any(q.contains(content) or _covers(q, content) for q in nearby) \
                    or rule is not according_to and _opens_with_attributed_quote(text, content, nearby):
                # ('"...," he told Ana Ruiz, according to aides': the aides are the source)
                continue
            out.append(Quote(id="", kind="indirect", span=content, text=content.of(text), cue=f.cue,
                             speaker=f.speaker, rule=rule.id, paragraph=sent.paragraph, fragments=frags))
    return out


def _opens_with_attributed_quote(text: str, content: Span, quoted: list[Span]) -> bool:
    """Does the claim open with a direct quotation closed by a comma and then
    an attribution's first word, a name, a pronoun or a cue ('"Cruz is not my
    favourite," Graham, a former candidate, told ...', '"...," said Ana Ruiz,
    who ...')? Those words say who spoke the quotation; they are no claim. A
    quotation the writer's own words carry on ('"...," since ...', '"...,"
    suggesting ...') may be."""
    q = next((q for q in quoted if 0 < q.start - content.start <= 2), None)
    if q is None or q.end >= content.end - 2:
        return False
    k = q.end
    while k < content.end and text[k] in "\"”'’ ":
        k += 1
    if text[q.end - 1] != ",":
        if text[k:k + 1] != ",":
            return False
        k += 1
    while k < content.end and text[k] == " ":
        k += 1
    m = _WORD.match(text, k)
    return m is not None and (m.group()[:1].isupper() or m.group() in SUBJECT_PRONOUNS
                              or m.group() in cue_words() and not m.group().endswith("ing"))


def _covers(q: Span, c: Span) -> bool:
    """Most of the content is one direct quotation: that quote is the claim."""
    inter = min(q.end, c.end) - max(q.start, c.start)
    return inter > 0.6 * len(c)


def _clean(text: str, span: Span, min_words: int = MIN_CONTENT_WORDS) -> Span | None:
    a, b = span.start, span.end
    while a < b and text[a] in " \t\n,:;—–-":
        a += 1
    while b > a and text[b - 1] in _END_PUNCT:
        b -= 1
    if b <= a or len(text[a:b].split()) < min_words:
        return None
    # a claim ending in quoted words keeps their closing mark: 'said it was "a good start."'
    if _open_double(text[a:b]):
        close = next((j for j in range(b, span.end) if text[j] in "\"”"), None)
        if close is not None:
            b = close + 1
    return Span(a, b)


def _open_double(content: str) -> bool:
    """Is a double quotation mark left open at the end of ``content``?"""
    curly = content.count("“") - content.count("”")
    return curly > 0 or (curly == 0 and "“" not in content and content.count('"') % 2 == 1)


def _inside(tok: Token, quoted: list[Span]) -> bool:
    return any(q.start <= tok.start < q.end for q in quoted)


def _sentence(text: str, s: Span, tokens: list[Token], quoted: list[Span],
              sieve: tuple[Pattern, ...]) -> list[tuple[Pattern, Found]]:
    """What the patterns of ``sieve`` find in one sentence, each claim once
    (a claim reported inside a claim is its own)."""
    out: list[tuple[Pattern, Found]] = []
    taken: list[Span] = []
    tokens = headline_case(tokens)
    for rule in sieve:
        for f in rule.check(text, s, tokens, quoted):
            nested = rule is reported_leading and any(
                o.content.contains(Span(f.cue.span.start, f.content.end)) and o.content.start < f.speaker.span.start
                for _, o in out if f.speaker is not None)
            if not nested and rule is reported_leading:
                second = _second_claim_of(tokens, out, f)
                if second is not None:  # "X said A and criticized B": the first claim ends where the second begins
                    at, joint = second
                    r0, f0 = out[at]
                    cut = replace(f0, content=Span(f0.content.start, tokens[joint].start))
                    out[at] = (r0, cut)
                    taken = [t for t in taken if t is not f0.content] + [cut.content]
            if not nested and (any(f.content.overlaps(t) for t in taken) or any(f.cue.span.overlaps(t) for t in taken)):
                continue
            out.append((rule, f))
            taken.append(f.content)
            taken.append(f.cue.span)
    return out


_COORDINATORS = frozenset("and but".split())
_COORDINATED_ADVERBS = frozenset("also then later".split())


def _conjunction(tokens: list[Token], f: Found) -> int:
    """Index of the token that joins ``f``'s cue to what came before it: the
    "and" of "and criticized", the comma of ", criticized" (past "also", "then")."""
    k = index_at(tokens, f.cue.span.start) - 1
    while k > 0 and tokens[k].lower in _COORDINATED_ADVERBS:
        k -= 1
    if k > 0 and tokens[k].lower in _COORDINATORS and tokens[k - 1].text == ",":
        k -= 1
    return k


def _second_claim_of(tokens: list[Token], out: list[tuple[Pattern, Found]], f: Found) -> tuple[int, int] | None:
    """Which earlier claim's content holds ``f``'s cue as a second predicate of
    the same speaker: "Ruiz said the plan failed and criticized the mayor"
    (coordinated), "Ruiz, who said the plan failed, criticized the mayor" (the
    relative clause's claim ends at its comma). Its index in ``out`` and the
    index of the joining token (where it ends), or None."""
    if f.speaker is None:
        return None
    k = _conjunction(tokens, f)
    if k <= 0:
        return None
    joint = tokens[k].text
    for at, (_, o) in enumerate(out):
        if o.speaker is None or not (o.content.start < tokens[k].start and f.cue.span.end <= o.content.end):
            continue
        if joint in _COORDINATORS or (joint == "," and tokens[k + 1].lower in _COORDINATORS):
            if o.speaker.span == f.speaker.span:
                return at, k
        elif joint == "," and o.speaker.text.lower() in ("who", "which") \
                and f.speaker.span.end <= o.speaker.span.start:
            return at, k
    return None


_WORD = re.compile(r"[A-Za-z]+")


@pattern("reported-leading", example="The governor said that the roads would reopen on Friday.")
def reported_leading(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """SUBJECT CUE [object] [that] CLAUSE: "Officials are reporting that Iran is ...",
    and a claim reported inside it ("X said that Y believes Z")."""
    out: list[Found] = []
    cues = cue_words()
    for i, tok in enumerate(tokens):
        if tok.lower not in cues or _inside(tok, quoted):
            continue
        hit = verb_at(tokens, i)
        if hit is None:
            continue
        verb, e = hit
        first = aux_start(tokens, i)
        if _passive(tokens, first, i) or (e < len(tokens) and tokens[e].lower in ("up", "off", "out")):
            continue  # "people were charged fees", "Trump showed up"
        if first > 0 and tokens[first - 1].lower == "having" and tok.lower == "said":
            continue  # "Having said that, ...": an idiom, not an attribution
        if [t.lower for t in tokens[e:e + 3]] == ["not", "to", "be"]:
            continue  # "who asked not to be named": a condition of anonymity, not a claim
        if _negated(tokens, first, i) and verb.cls in ("speech", "speech-that"):
            continue  # "The mayor did not say that ...": what nobody said is nobody's claim
        if tok.lower.endswith("ing") and first > 0 and (tokens[first - 1].text in (",", "—", "–")
                                                         or tokens[first - 1].lower in _GERUND_PREPOSITIONS):
            speaker = main_subject(text, tokens, first - 1)  # "Kerry said, adding that ...", "closed by saying"
        elif tok.lower.endswith("ing") and first > 1 and tokens[first - 1].lower in ("and", "or") \
                and (comma := _participle_comma(tokens, first - 1)) is not None:
            speaker = main_subject(text, tokens, comma)  # "..., calling them liars and vowing to win"
        else:
            speaker = subject_before(text, tokens, first)
            if tok.lower.endswith("ing") and speaker is not None:
                speaker = agent_of_object(text, tokens, speaker) or speaker
                k = index_at(tokens, speaker.span.start)
                if k >= 2 and tokens[k - 1].lower in _ADVERBIAL_PREPOSITIONS and tokens[k - 2].text in (",", "—", "–"):
                    # "the companies hid their havens, in many cases reporting ...": the phrase is
                    # an adverbial; the participle hangs on the main clause (not "with Lake saying")
                    speaker = main_subject(text, tokens, k - 2)
        if speaker is not None and speaker.text.lower() == "you":
            continue
        if speaker is None and first > 1 and tokens[first - 1].lower in ("and", "but"):
            # "Ruiz has voiced doubts but has said ...", "In his speech, Lake urged ... and criticized";
            # "crowds, who have taken to the streets and called for ...": the relative pronoun's
            speaker = _relative_subject(tokens, first - 1) or main_subject(text, tokens, first - 1) \
                or phrase_after(text, tokens, 0)
        if speaker is None:
            continue
        start = _content_start(tokens, e, verb)
        if start is None:
            continue
        if speaker.span.end <= tokens[first].start and _after_quotation(text, speaker.span.start, quoted) \
                and not (first > 0 and tokens[first - 1].text == ",") and tokens[start - 1].lower != "that" \
                and tokens[start].lower not in SUBJECT_PRONOUNS and not _finite_clause(tokens, start):
            continue  # '"...," he said outside the building.': the tail of a direct quotation's attribution
        if verb.lemma == "call" and start + 1 < len(tokens) and tokens[start].lower in _OBJECT_PRONOUNS \
                and tokens[start + 1].text in _QUOTE_MARKS and _inside(tokens[min(start + 2, len(tokens) - 1)], quoted):
            continue  # 'call them "lone wolves"': the quoted name is a direct quotation, attributed as such
        if tokens[start].text in _QUOTE_MARKS and tokens[start - 1].lower != "that" \
                and _inside(tokens[min(start + 1, len(tokens) - 1)], quoted):
            continue  # X said: "..." is a direct quotation
        end = _clause_end(tokens, start, s.end)
        if _topic(tokens, start, verb) and tokens[start - 1].lower != "that" and not _finite_clause(tokens, start) \
                and not _past_clause(tokens, start):
            # what was mentioned is a noun phrase: it ends at its comma ("echo her concerns, in part because")
            end = next((t.start for t in tokens[start + 1:] if t.text in (",", ";", "—", "–") and t.start < end), end)
        k = index_at(tokens, speaker.span.start)
        if k > 0 and tokens[k - 1].lower in _SUBORDINATORS and (k == 1 or not tokens[k - 2].is_word):
            # "As the company reported losses, shares fell": a subordinate clause ends at its comma
            end = next((t.start for t in tokens[start:] if t.text == "," and t.start < end), end)
        content = Span(tokens[start].start, end)
        cue = make_cue(text, tokens, first, verb, e)
        outer = [o for o in out if o.content.contains(cue.span)]
        if outer and any(o.content.contains(x.cue.span) for o in outer for x in out if x is not o) \
                and not (first > 0 and tokens[first - 1].lower in _COORDINATORS
                         and any(o.speaker == speaker for o in outer)):
            continue  # one claim reported inside a claim ("X said Y believes Z"), not a chain of them
            # (a second predicate of the same speaker is no chain: "by calling him a liar and accusing him")
        # an endorsement's object may be one name ("endorsed Ruiz")
        # and what a naming verb names is two words at least ("called him divisive")
        out.append(Found(cue, speaker, content, min_words=1 if verb.lemma in _ONE_WORD_OBJECTS
                         else 2 if verb.lemma == "call" and verb.cls == "speech-that" else MIN_CONTENT_WORDS))
    return out


def _relative_subject(tokens: list[Token], k: int) -> Mention | None:
    """The "who" of ", who VERB ... and" ending at the conjunction ``k``: the
    subject of the clause the conjunction continues (no comma between)."""
    for j in range(k - 1, max(0, k - 20), -1):
        t = tokens[j]
        if not t.is_word and t.text not in ("'s", "’s", "-"):
            return None
        if t.lower in ("who", "which") and tokens[j - 1].text == ",":
            return Mention(Span(t.start, t.end), t.text)
    return None


def _participle_comma(tokens: list[Token], k: int) -> int | None:
    """The comma before the participle that an "and" at ``k`` joins another
    to (", calling them liars and vowing"), within the clause."""
    for j in range(k - 1, max(0, k - 25), -1):
        t = tokens[j]
        if t.text in (";", ":") or t.text in _QUOTE_MARKS:
            return None
        if t.lower.endswith("ing") and t.is_word and not t.is_cap:
            # the nearest participle: "featuring voters telling stories and criticizing" joins "telling"
            return j - 1 if tokens[j - 1].text in (",", "—", "–") else None
    return None


_ONE_WORD_OBJECTS = frozenset(["endorse"])
_ADVERBIAL_PREPOSITIONS = frozenset("in at on for".split())
# "closed by saying", "apologised after saying", "left without saying": the main clause's subject speaks
_GERUND_PREPOSITIONS = frozenset("by after before without while upon".split())
_NEGATIONS = frozenset("not never n't didn't doesn't don't hasn't haven't hadn't won't wouldn't".split())


def _negated(tokens: list[Token], first: int, verb: int) -> bool:
    """Is the cue negated ("did not say", "never told", "hasn't said")?"""
    return any(tokens[k].lower in _NEGATIONS or tokens[k].lower.endswith(("n't", "n’t")) for k in range(first, verb))




_SUBORDINATORS = frozenset("as when while because after before since if although though once unless until".split())


def _after_quotation(text: str, at: int, quoted: list[Span]) -> bool:
    """Does a direct quotation end right before ``at`` (past spaces, a comma
    and the closing mark)?"""
    j = at
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    while j > 0 and text[j - 1] in "\"”'’,":
        j -= 1
    return any(q.end <= at and q.end >= j - 1 for q in quoted)


def _clause_end(tokens: list[Token], start: int, end: int) -> int:
    """Where a reported clause ends: the sentence end, or a comma or semicolon
    that opens the next clause (", and he railed against ...", ", noting ...")."""
    for k in range(start + 3, len(tokens) - 1):
        t = tokens[k]
        if t.text == ";" or (t.text == ":" and tokens[k + 1].text in _QUOTE_MARKS):
            return t.start  # a semicolon, or a colon opening a direct quotation
        if t.text in _DASHES and tokens[k + 1].text in _QUOTE_MARKS and k + 2 < len(tokens) and tokens[k + 2].is_cap:
            return t.start  # '... unserious - "Again, we need ...," she said -': a quotation set off by dashes
        if t.text == ",":
            j = k + 1
            while j < len(tokens) - 1 and tokens[j].text in _CLOSING_MARKS:
                j += 1  # '... the start," adding ...'
            if tokens[j].lower in NEXT_CLAUSE_OPENERS:
                return t.start
            if tokens[j].lower in AUXILIARIES and _second_cue(tokens, j):
                return t.start  # "McClendon, who said A, has argued B": the relative clause's claim ends
            if tokens[k + 1].text in _OPENING_MARKS and k + 2 < len(tokens) and tokens[k + 2].is_cap:
                return t.start  # ', “We lost ...': a direct quotation of its own begins
            if _speaker_then_quotation(tokens, k + 1):
                return t.start  # ', a man yelled “Stay there!”': a clause of its own quoting someone
            if j > k + 1 and _speaker_then_cue(tokens, j) is not None:
                return t.start  # 'calling him “a buffoon,” Ana said as she left': the main clause follows the quote
        if t.lower in ("and", "but") and _second_cue(tokens, k + 1):
            return t.start  # "called on the council to act and said the vote ...": a second claim
    return end


_DASHES = frozenset(["-", "—", "–", "--"])


def _speaker_then_cue(tokens: list[Token], k: int) -> tuple | None:
    """The verb of speech (and the index after it) that follows a short subject
    (at most four words) from ``k``, if one does."""
    for j in range(k + 1, min(len(tokens) - 1, k + 5)):
        if not tokens[j - 1].is_word:
            return None
        hit = verb_at(tokens, j)
        if hit is not None:
            return hit if hit[0].cls in ("speech", "speech-that") else None
    return None


def _speaker_then_quotation(tokens: list[Token], k: int) -> bool:
    """Do a short subject and a verb of speech follow from ``k``, right before
    an opening mark ("a man yelled “...”", "the mayor said: “...”")?"""
    hit = _speaker_then_cue(tokens, k)
    if hit is None:
        return False
    m = hit[1] + (hit[1] < len(tokens) and tokens[hit[1]].text in (",", ":"))
    return m < len(tokens) and tokens[m].text in _OPENING_MARKS


def _second_cue(tokens: list[Token], k: int) -> bool:
    """Does a verb of speech follow (past auxiliaries) at ``k``, a second
    predicate of the same subject ("... and said", "but has insisted")?"""
    j = k
    while j < len(tokens) and j - k < 3 and tokens[j].lower in AUXILIARIES:
        j += 1
    if j >= len(tokens) or tokens[j].lower not in cue_words():
        return False
    hit = verb_at(tokens, j)
    return hit is not None and hit[0].cls in ("speech", "speech-that") and hit[1] < len(tokens) - 2


@lru_cache(maxsize=1)
def bare_clause_lemmas() -> frozenset[str]:
    """Cue verbs whose clause may follow without "that" ("said the plan would fail")."""
    return words("bare_clause_verbs")


@lru_cache(maxsize=1)
def infinitive_lemmas() -> frozenset[str]:
    """Cue verbs whose claim may be an infinitive of intent ("vowed to appeal")."""
    return words("infinitive_verbs")


_MODALS = frozenset("may might could would should must".split())


def _intent(tokens: list[Token], v: int) -> bool:
    """Is the verb at ``v`` an intent someone states ("vowed to appeal",
    "wants to run"), not advice ("may want to reconsider") or a noun ("his
    oft-stated promise to build")?"""
    before = [t.lower for t in tokens[max(0, v - 2):v]]
    if any(w in _MODALS for w in before) or (before and before[-1] in ("a", "an", "the")):
        return False
    return not (len(before) == 2 and before[0] in _HOLDERS and "-" in before[1])


def _verb_like(t: Token) -> bool:
    """Could this word after "to" be a verb ("to appeal"), not a noun phrase's
    start ("to the council", "to 40 percent", "to Paris")?"""
    return t.is_word and not t.is_cap and not t.text[:1].isdigit() and t.lower not in DETERMINERS \
        and t.lower not in PRONOUNS


def _content_start(tokens: list[Token], e: int, verb) -> int | None:
    """Index of the first token of the reported clause after a cue ending at ``e``."""
    n = len(tokens)
    if e >= n:
        return None
    nxt = tokens[e]
    if nxt.text == ":":
        return e + 1 if e + 1 < n else None
    if nxt.text == ",":
        return None
    # "that" right after the cue or a time ("concluded this month that"), or after an adverbial:
    # said (in a statement on Monday) that
    k = _skip_time(tokens, e)
    if k < n and tokens[k].lower == "that":
        return k + 1 if k + 1 < n else None
    if nxt.lower in PREPOSITIONS_AFTER_CUE or nxt.lower in TIME_WORDS or nxt.lower.endswith("ly") \
            or (verb.lemma in OBJECT_VERBS and nxt.is_word):
        if verb.lemma in OBJECT_VERBS and not nxt.is_cap:
            bare = _after_common_object(tokens, e)
            if bare is not None:  # "told the court the fund paid for work that was never done"
                return bare
        for k in range(e + 1, min(n, e + 12)):
            t = tokens[k]
            if t.lower == "that":
                return k + 1 if k + 1 < n else None
            if t.text in _QUOTE_MARKS and k + 1 < n and tokens[k + 1].is_cap:
                continue  # 'told MSNBC's "Morning Joe" that': a programme's title
            if t.text == "," and tokens[k - 1].is_cap and k + 1 < n and (tokens[k + 1].is_cap or tokens[k + 1].lower == "that"):
                continue  # "said at a rally in Toledo, Ohio, that": a place and its state
            if not t.is_word and t.text not in ("'s", "’s", "-", ".") and t.text not in _QUOTE_MARKS:
                break
        if nxt.lower in _CUE_ADVERBIAL_OPENERS and verb.lemma in bare_clause_lemmas():
            bare = _after_adverbial(tokens, e)
            if bare is not None:  # "said in his speech he was ready"
                return bare
    if verb.cls == "belief":
        if _bare(nxt.lower) in ("he", "she", "they", "we", "i", "there"):
            return e
        if _bare(nxt.lower) in ("it", "that", "this") and _bare(nxt.lower) != nxt.lower:
            return e  # "I think it's in everyone's interest", "I think that's important": a contracted verb
        # "Economists believe the rule will fail": a bare clause, its subject then a finite verb
        if verb.lemma in bare_clause_lemmas() and (_finite_clause(tokens, e) or _past_clause(tokens, e)):
            return e
        # "The union wants to delay the vote": an intent's infinitive
        if verb.lemma in infinitive_lemmas() and nxt.lower == "to" and e + 1 < n and _verb_like(tokens[e + 1]) \
                and _intent(tokens, e - 1):
            return e
        return None
    if verb.lemma == "agree" and nxt.lower == "to" and e + 1 < n and _verb_like(tokens[e + 1]) \
            and tokens[e + 1].lower not in ("a", "an", "the"):
        return e  # "the company agreed to pay the fine": what was agreed
    if verb.cls == "speech-that":
        # "called him divisive", "calls Clinton unqualified": naming something is a claim about it
        if verb.lemma == "call":
            return e if _small_clause(tokens, e) else None
        # "Clinton suggested the country should send ...": a clause without "that", subject and finite verb;
        # "An ally suggested she would ...": a subject pronoun opens one
        if _bare(nxt.lower) in ("he", "she", "they", "we", "i", "there") and e + 1 < n and tokens[e + 1].is_word:
            return e
        if nxt.lower in _WH_WORDS and e + 1 < n and tokens[e + 1].is_word:
            return e  # "explained why he left", "mentioned how hard it was": an indirect question
        if _finite_clause(tokens, e) or _past_clause(tokens, e):
            return e
        return e if _topic(tokens, e, verb) else None
    if verb.cls == "stance":  # the object is the claim: "asked the Justice Department to investigate"
        k = _skip_time(tokens, e)
        if verb.lemma in infinitive_lemmas() and k + 1 < n and tokens[k].lower == "to" and _verb_like(tokens[k + 1]) \
                and _intent(tokens, e - 1):
            return k  # "vowed to appeal", "has promised Monday to cut taxes": the intent is the claim
        if verb.lemma == "point to" and k + 1 < n and tokens[k].lower in claim_nouns() and tokens[k + 1].lower == "that":
            return None  # "pointed to reports that the yard would close": the reports' claim, read as a noun cue
        return k if k < n and tokens[k].is_word and tokens[k].lower not in PREPOSITIONS_AFTER_CUE else None
    if verb.lemma in _DIRECTIVE_LEMMAS and _told_to(tokens, e):
        return e  # "told Halden residents not to swim in the bay": a directive, its addressee and what to do
    if verb.lemma in OBJECT_VERBS:
        obj = tokens[e]
        if obj.lower in ("reporters", "me", "us", "him", "them", "journalists") or (
                obj.lower == "her" and e + 1 < n and _bare(tokens[e + 1].lower) in _BARE_SUBJECTS):
            k = e + 1  # "told her she ...": "her" the listener, not a possessive
        elif obj.is_cap or (obj.lower == "the" and e + 1 < n and tokens[e + 1].is_cap):
            # "told Harbor News he would ...", "told The Beacon of Halden last week she ..."
            k = e + 1
            while k < n and (tokens[k].is_cap or tokens[k].lower in ("of", "the", "-", "'s", "’s")
                             and k + 1 < n and tokens[k + 1].is_cap):  # "of Newark" goes on, "the workers" not
                k += 1
            k = _skip_time(tokens, k)
            if k >= n or not (_bare(tokens[k].lower) in PRONOUNS or tokens[k].lower in _OBJECT_DETERMINERS
                              or tokens[k].lower == "there"):
                return None
            return k  # "told the AP his firm worked ..."
        else:
            return _after_common_object(tokens, e)
        k = _skip_time(tokens, k)
        return k if k < n and tokens[k].is_word and tokens[k].lower not in PREPOSITIONS_AFTER_CUE else None
    k = _skip_time(tokens, e)
    if k >= n:
        return None
    t = tokens[k]
    if t.lower.endswith("ly") and t.is_word and t.lower not in _FOCUS_ADVERBS and verb.lemma in bare_clause_lemmas() \
            and k + 2 < n \
            and _bare(tokens[k + 1].lower) in _BARE_SUBJECTS and tokens[k + 2].is_word:
        return k + 1  # "said privately they were worried": an adverb, then a clause with a pronoun subject
    if t.lower in _ABOUT and verb.lemma in bare_clause_lemmas() and _quantity_subject(tokens, k + 1):
        return k  # "said about half of the cost was wasted": a quantity opens the clause
    if t.lower in PREPOSITIONS_AFTER_CUE or t.lower.endswith("ly") or not t.is_word and t.text not in _QUOTE_MARKS:
        return None
    if verb.cls == "stance":
        return k
    if _topic(tokens, k, verb):
        return k  # "Pence echoed the statements of his running mate"
    if verb.lemma not in bare_clause_lemmas():
        return None
    return k




# prepositions opening the short adverbial of "said in his speech he was ready", "has said for weeks he is"
_CUE_ADVERBIAL_OPENERS = frozenset("in on at during after before since for from over until by".split())
_ABOUT = frozenset("about around roughly nearly almost approximately some".split())
_FRACTIONS = frozenset("half third quarter fifth tenth dozen hundred thousand million".split())


def _quantity_subject(tokens: list[Token], k: int) -> bool:
    """Do the tokens from ``k`` give a quantity ("20", "half", "a third", "two")
    then, within a few words, a verb ("... people have left", "... of it reflected")?"""
    n = len(tokens)
    if k < n and tokens[k].lower in ("a", "an"):
        k += 1
    if k >= n or not (tokens[k].text[:1].isdigit() or tokens[k].lower in _FRACTIONS
                      or tokens[k].lower in _COUNT_WORDS):
        return False
    for j in range(k + 1, min(n, k + 9)):
        w = tokens[j]
        if w.lower in _FINITE or (w.lower.endswith("ed") and not w.is_cap and tokens[j - 1].lower not in DETERMINERS):
            return True
        if not w.is_word and w.text not in ("%", ",", ".", "-", "'s", "’s") or w.lower in _CLAUSE_BREAKS:
            return False
    return False


_COUNT_WORDS = frozenset("two three four five six seven eight nine ten twenty thirty forty fifty".split())


# adverbs that belong to the clause's subject ("said only they could win"), not to the verb
_FOCUS_ADVERBS = frozenset("only merely solely exclusively especially particularly mainly mostly largely "
                           "nearly hardly barely scarcely roughly".split())
_OBJECT_DETERMINERS = frozenset("the a an his her their its our".split())
_BARE_SUBJECTS = frozenset("he she they we i it there".split())


_DIRECTIVE_LEMMAS = frozenset("tell warn advise remind".split())


def _told_to(tokens: list[Token], e: int) -> bool:
    """Do a short addressee (a pronoun, a name, or a determiner and two words)
    and "(not) to VERB" follow a cue ending at ``e``?"""
    n = len(tokens)
    if e >= n or not tokens[e].is_word:
        return False
    if tokens[e].lower in _OBJECT_PRONOUNS - {"it", "itself"}:
        k = e + 1
    elif tokens[e].is_cap or tokens[e].lower in _OBJECT_DETERMINERS or (
            tokens[e].lower not in PREPOSITIONS_AFTER_CUE and not tokens[e].lower.endswith("ly")
            and tokens[e].lower not in TIME_WORDS and tokens[e].lower not in _NOT_COMPLEMENTS):
        k = e + 1  # "warned state officials to boost security"
        while k < n and k - e <= 3 and tokens[k].is_word and tokens[k].lower not in ("to", "not") \
                and _bare(tokens[k].lower) not in PRONOUNS and not tokens[k].lower.endswith("ed"):
            k += 1
    else:
        return False
    if k < n and tokens[k].lower == "not":
        k += 1
    return k + 1 < n and tokens[k].lower == "to" and _verb_like(tokens[k + 1])


def _after_common_object(tokens: list[Token], e: int) -> int | None:
    """"told detectives he had never been there", "told the court the fund had
    paid": a short lowercase object (at most a determiner and three words), a
    time perhaps, then a clause with its subject (a pronoun, or a phrase and a
    finite verb). Index of the clause's first token."""
    n = len(tokens)
    k = e + 1 if e < n and tokens[e].lower in _OBJECT_DETERMINERS else e
    words_seen = 0
    while k < n and words_seen < 3:
        t = tokens[k]
        if t.text == "-" and words_seen:
            k += 1
            continue
        if not t.is_word or t.is_cap or t.lower in PREPOSITIONS_AFTER_CUE or t.lower in _CLAUSE_BREAKS \
                or t.lower in _BARE_SUBJECTS or t.lower in _OBJECT_DETERMINERS or t.lower in TIME_WORDS:
            break
        k += 1
        words_seen += 1
    if not words_seen:
        return None
    k = _skip_time(tokens, k)
    if k + 1 >= n:
        return None
    if _bare(tokens[k].lower) in _BARE_SUBJECTS and tokens[k + 1].is_word:
        return k
    return k if tokens[k].lower in _OBJECT_DETERMINERS and _finite_clause(tokens, k) else None


def _after_adverbial(tokens: list[Token], e: int) -> int | None:
    """"said in his speech he was ready", "said on Monday the plant will
    close": a short prepositional phrase (a determiner or possessive and at
    most two words), then a clause with a subject pronoun or a finite verb.
    Index of the clause's first token."""
    n = len(tokens)
    k = e + 1
    if k < n and tokens[k].lower in _OBJECT_DETERMINERS:
        k += 1
    words_seen = 0
    while k < n and words_seen < 2 and tokens[k].is_word and tokens[k].lower not in _OBJECT_DETERMINERS \
            and _bare(tokens[k].lower) not in _BARE_SUBJECTS and tokens[k].lower not in _CLAUSE_BREAKS:
        k += 1
        words_seen += 1
    if not words_seen or k + 1 >= n:
        return None
    if _bare(tokens[k].lower) in _BARE_SUBJECTS - {"it"} and tokens[k + 1].is_word:
        return k
    return k if tokens[k].lower in _OBJECT_DETERMINERS and _finite_clause(tokens, k) else None


_CLAUSE_SUBJECT_STARTS = frozenset("the a an this these those his her their its our my your some many most "
                                   "it you all both each every no".split())
_FINITE = frozenset("is are was were will would could can may might should must has have had does did "
                    "'s ’s isn't aren't wasn't weren't won't wouldn't can't couldn't hasn't haven't "
                    "doesn't didn't".split())


_OBJECT_PRONOUNS = frozenset("him her them it himself herself themselves itself me us myself ourselves".split())
_NOT_COMPLEMENTS = PREPOSITIONS_AFTER_CUE | frozenset("up off out back down and or but who which that "
                                                      "twice again now then".split())


def _small_clause(tokens: list[Token], e: int) -> bool:
    """Does an object and its complement follow a naming verb ("called him a
    liar", "called the Smiths heroes" not, "called Trump a fascist")?"""
    n = len(tokens)
    if e >= n or not tokens[e].is_word:
        return False
    k = e
    if tokens[e].lower in _OBJECT_PRONOUNS:
        k = e + 1
    elif tokens[e].is_cap:
        while k < n and k - e < 3 and tokens[k].is_cap and tokens[k].is_word:
            k += 1
    elif tokens[e].lower in ("the", "his", "her", "their", "its", "this"):
        # "called the report a hoax": a short object, then "a" or "an"
        k = e + 1
        while k < n and k - e <= 3 and tokens[k].is_word and tokens[k].lower not in ("a", "an"):
            k += 1
        return k < n - 1 and k > e + 1 and tokens[k].lower in ("a", "an")
    else:
        return False
    if k + 1 < n and tokens[k].text in ("“", '"', "‘", "'") and tokens[k + 1].is_word:
        return True  # "called Trump “unhinged”": the complement quoted
    if k >= n or not tokens[k].is_word or tokens[k].is_cap and tokens[k].lower not in ("a", "an", "the"):
        return False
    return tokens[k].lower not in _NOT_COMPLEMENTS and tokens[k].lower not in TIME_WORDS \
        and not tokens[k].text[:1].isdigit() and not tokens[k].lower.endswith("ly") and k + 1 <= n


_CONTRACTIONS = ("'s", "’s", "'ll", "’ll", "'d", "’d", "'re", "’re", "'ve", "’ve", "'m", "’m")


def _bare(word: str) -> str:
    """A pronoun without its contracted auxiliary ("he’s" -> "he")."""
    for c in _CONTRACTIONS:
        if word.endswith(c):
            return word[: -len(c)]
    return word


def _opens_subject(tokens: list[Token], k: int) -> bool:
    """Can a clause's subject start at ``k`` (a determiner, a pronoun or a
    capitalised word that is no preposition)?"""
    if k >= len(tokens) or not tokens[k].is_word:
        return False
    t = tokens[k]
    return t.lower in _CLAUSE_SUBJECT_STARTS or (t.is_cap and t.lower not in PREPOSITIONS_AFTER_CUE)


def _finite_clause(tokens: list[Token], k: int) -> bool:
    """Do the tokens from ``k`` open a clause: a subject (a determiner, a
    pronoun or a capitalised name) and, within a few words and no punctuation,
    a finite auxiliary ("the plan will fail", "Beijing has cut")?"""
    n = len(tokens)
    if not _opens_subject(tokens, k):
        return False
    for j in range(k + 1, min(n, k + 8)):
        w = tokens[j]
        if w.lower in _FINITE:
            return True
        if (not w.is_word and w.text not in ("'s", "’s", "-")) or w.lower in _CLAUSE_BREAKS:
            return False  # "explained the rule to students who were ...": the object's own clause
    return False


_CLAUSE_BREAKS = frozenset("who whom which that when where because if to while as since after before".split())
_WH_WORDS = frozenset("why how whether".split())
# speech verbs whose noun-phrase object is what was said ("mentioned the deficit", "acknowledged the error")
_TOPIC_VERBS = frozenset("mention acknowledge confirm reveal disclose recall reiterate predict recount repeat "
                         "echo".split())


def _topic(tokens: list[Token], k: int, verb) -> bool:
    """Does a noun phrase that a topic verb takes as what was said start at
    ``k``: a determiner ("mentioned her plan"), or a lowercase phrase of a
    plural or a gerund ("mentioned disparaging remarks", "mentioned
    refinancing loans"), not an adverb, a time or a preposition?"""
    n = len(tokens)
    if verb.lemma not in _TOPIC_VERBS or k + 1 >= n or not tokens[k].is_word or not tokens[k + 1].is_word:
        return False
    t = tokens[k]
    if t.lower in _OBJECT_DETERMINERS or t.lower in ("several", "some", "two", "three"):
        return True
    if t.is_cap or t.lower in PREPOSITIONS_AFTER_CUE or t.lower in TIME_WORDS or t.lower.endswith("ly") \
            or t.lower in _NOT_COMPLEMENTS or _bare(t.lower) in PRONOUNS or t.text[:1].isdigit():
        return False
    words_ = [w for w in tokens[k:k + 3] if w.is_word and not w.is_cap]
    return t.lower.endswith("ing") or any(w.lower.endswith("s") and not w.lower.endswith("ss") for w in words_[:2])


def _past_clause(tokens: list[Token], k: int) -> bool:
    """Do the tokens from ``k`` open a clause whose verb is in the past tense:
    a determiner or name, a noun or two, then a lowercase -ed verb not followed
    by "by" ("his lawyer offered to ...", "the panel rejected"); not a modifier
    ("the revised plan") nor a reduced relative ("the report released by")?"""
    n = len(tokens)
    if not _opens_subject(tokens, k):
        return False
    t = tokens[k]
    for j in range(k + 1, min(n - 1, k + 5)):
        w = tokens[j]
        if not w.is_word or w.lower in _CLAUSE_BREAKS or w.lower in PREPOSITIONS_AFTER_CUE:
            return False
        if w.lower.endswith("ed") and not w.is_cap and j > k + (t.lower in _CLAUSE_SUBJECT_STARTS) \
                and tokens[j - 1].lower not in DETERMINERS and not tokens[j - 1].lower.endswith(("'s", "’s")):
            return tokens[j + 1].lower != "by" and tokens[j + 1].is_word
    return False


def _passive(tokens: list[Token], first: int, verb: int) -> bool:
    """Is the cue verb a passive participle ("was asked", "were charged")?"""
    word = tokens[verb].lower
    return word.endswith(("ed", "en", "wn", "ld", "ght")) and any(
        tokens[k].lower in BE_FORMS for k in range(first, verb)) and not word == "said"


def _speaker_like(m: Mention | None) -> Mention | None:
    """An inverted attribution names a speaker ("said Kerry", "said a spokesman",
    "said the report"), not an object ("noted the rule")."""
    if m is None:
        return None
    words_ = m.text.split()
    if any(w[:1].isupper() for w in words_) or any(w.lower().strip(".,") in roles() for w in words_):
        return m
    # a short plural ("said analysts", "said local officials"), not a clause ("said the event brought back memories")
    return m if words_[-1].lower().endswith("s") and len(words_) <= 3 else None


def _skip_time(tokens: list[Token], k: int) -> int:
    """Skip a time expression ("on Monday", "last week", "Tuesday")."""
    n = len(tokens)
    j = k
    if j < n and tokens[j].lower in ("on", "last", "this", "early", "late") and j + 1 < n \
            and tokens[j + 1].lower in TIME_WORDS:
        j += 1
    while j < n and tokens[j].lower in TIME_WORDS:
        j += 1
    return j


@pattern("reported-trailing", example="The bridge will close for a month, the engineers said.")
def reported_trailing(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """CLAUSE, SUBJECT CUE [tail].  or  CLAUSE, CUE SUBJECT [tail]."""
    n = len(tokens)
    cues = cue_words()
    for i in range(n - 1, 1, -1):
        tok = tokens[i]
        if tok.lower not in cues:
            continue
        if _inside(tok, quoted):
            break
        hit = verb_at(tokens, i)
        if hit is None:
            continue
        verb, e = hit
        # the tail after the verb must be short and harmless (no new clause)
        tail = tokens[e:]
        first = aux_start(tokens, i)
        if verb.cls == "belief" and (first == 0 or tokens[first - 1].text == ","):
            continue  # a belief trails only after its subject: "..., Clinton allies believe."
        if tok.lower.endswith("ing") and first == i:
            continue  # "If we stop measuring, we stop knowing.": a participle is no trailing cue
        if first > 0 and tokens[first - 1].text == ",":
            # inverted: ", said Kerry."
            if tok.lower.endswith("ing") or e >= n or verb.lemma in NEVER_INVERTED or not (
                    starts_phrase(tokens[e], pronouns=False) or starts_named_phrase(tokens, e)):
                continue
            speaker = _speaker_like(phrase_after(text, tokens, e))
            if speaker is None:
                continue
            speaker = with_appositive_name(text, tokens, name_past_modifier(text, tokens, speaker))
            after = [t for t in tokens if t.start >= speaker.span.end]
            if not _short_tail(after):
                continue
            comma = first - 1
        else:
            if not _short_tail(tail):
                continue
            speaker = subject_before(text, tokens, first)
            if speaker is None:
                continue
            k = index_at(tokens, speaker.span.start)
            # allow an appositive between the comma and the verb, and the title the speaker went without
            # ("..., Defense Secretary Ash Carter told a panel.")
            comma = k - 1
            while comma > 0 and k - comma <= 4 and tokens[comma].text != "," \
                    and (tokens[comma].is_cap or tokens[comma].text == "."):
                comma -= 1
            if comma < 0 or tokens[comma].text != ",":
                continue
        if comma < 2:
            continue
        content = Span(s.start, tokens[comma].start)
        return [Found(make_cue(text, tokens, first, verb, e), speaker, content)]
    return []


def _parenthetical_of(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> tuple[bool, Found] | None:
    """The first cue set off by commas inside the sentence, and whether it is
    inverted (", said Doyle, ..."): an inverted one ends the claim, the rest
    is the speaker's appositive; otherwise the claim runs on after it."""
    if text.count(",", s.start, s.end) < 2:
        return None  # no two commas to set a cue off (each comma is a token)
    n = len(tokens)
    cues = cue_words()
    for i in range(2, n - 3):
        tok = tokens[i]
        if tok.lower not in cues or _inside(tok, quoted):
            continue
        hit = verb_at(tokens, i)
        if hit is None or hit[0].cls not in ("speech", "speech-that", "belief"):
            continue
        verb, e = hit
        first = aux_start(tokens, i)
        inverted = first > 0 and tokens[first - 1].text == ","
        if inverted and verb.cls == "belief":
            continue  # a belief is held by its subject: "His leverage, they believe, ..."
        if inverted:
            if tok.lower.endswith("ing") or not starts_phrase(tokens[e], pronouns=False):
                continue
            speaker = _speaker_like(phrase_after(text, tokens, e))  # ", said Doyle,"
            if speaker is None:
                continue
            after = next((j for j in range(e, n) if tokens[j].start >= speaker.span.end), n)
            comma1 = first - 1
        else:
            speaker = subject_before(text, tokens, first)
            if speaker is None:
                continue
            k = index_at(tokens, speaker.span.start)
            if k == 0 or tokens[k - 1].text != ",":
                continue
            comma1, after = k - 1, e
        # a short harmless tail, then the second comma: ", he said on Monday,", ", he said in a podcast,"
        j = after
        in_phrase = after < n and tokens[after].lower in ("in", "on", "at", "during")
        while j < n and j - after <= 4 and tokens[j].text != "," and (
                tokens[j].lower in ATTRIBUTION_TAIL_WORDS or tokens[j].is_cap
                or (in_phrase and tokens[j].is_word and tokens[j].lower not in ("that", "who", "which"))):
            j += 1
        if j >= n - 1 or tokens[j].text != "," or comma1 < 1:
            continue
        before = Span(s.start, tokens[comma1].start)
        cue = make_cue(text, tokens, first, verb, e)
        if inverted:
            return True, Found(cue, speaker, before)
        if tokens[j + 1].text in _QUOTE_MARKS:
            # 'The coast, he said, was "where we can win"': the quotation is direct; the
            # writer's words before the cue are the first half of what the speaker said, unless
            # they only say where or when it was said ("In a statement, she said, "...")
            if _setting(tokens[0]) or _connective_only(tokens[:comma1]) \
                    or any(verb_at(tokens, k) is not None or tokens[k].text in _QUOTE_MARKS for k in range(comma1)):
                continue  # not a fragment of the claim: an opening connective, or a clause with its own cue
            return False, Found(cue, speaker, before, min_words=1)
        if tokens[j + 1].lower in NEXT_CLAUSE_OPENERS:
            return False, Found(cue, speaker, before)  # "A, the spokesman said, adding ...": the claim is A
        rest = Span(tokens[j + 1].start, _clause_end(tokens, j + 1, s.end))
        return False, Found(cue, speaker, Span(before.start, rest.end), (before, rest))
    return None


_SETTING_OPENERS = frozenset("in on at during after before later when asked since by from with to following "
                             "ahead amid according".split())


def _connective_only(toks: list[Token]) -> bool:
    """Are these words only a connective ("But", "However", "Still")?"""
    return all(not t.is_word or t.lower in _CONJUNCTIONS or t.lower in ("however", "instead", "meanwhile")
               for t in toks)


def _setting(first: Token) -> bool:
    """Does a phrase opening with this word say where, when or how something
    was said ("In a statement", "Asked about it", "Speaking to reporters")?"""
    return first.lower in _SETTING_OPENERS or (first.lower.endswith("ing") and first.is_cap)


# read once for both patterns below
_parenthetical: _PerSentence[tuple[bool, Found] | None] = _PerSentence(
    _parenthetical_of, lambda s, tokens, quoted: (tokens, (s, tuple(quoted))))


@pattern("reported-appositive", example="Rents will rise again next year, said Ana Ruiz, a housing analyst at the bank.")
def reported_appositive(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """CLAUSE, CUE SPEAKER, APPOSITIVE: ", said Ben Ortiz, a senior fellow at ..."."""
    hit = _parenthetical(text, s, tokens, quoted)
    return [hit[1]] if hit is not None and hit[0] else []


@pattern("reported-parenthetical", example="The new law, analysts said, will raise rents across the city.")
def reported_parenthetical(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """CLAUSE, SUBJECT CUE, CLAUSE: "The new law, analysts said, will raise rents."
    (one claim in two fragments)."""
    hit = _parenthetical(text, s, tokens, quoted)
    return [hit[1]] if hit is not None and not hit[0] else []


def _short_tail(tail: list[Token]) -> bool:
    words = [t for t in tail if t.is_word]
    if len(words) > 8:
        return False
    return all(t.lower in ATTRIBUTION_TAIL_WORDS or t.is_cap or not t.is_word or t.text.isdigit() for t in tail)


@pattern("participle-leading", example="Insisting that the vote was fair, the mayor walked out.")
def participle_leading(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """CUE-ing [that] CLAUSE, SUBJECT ...: a participle opening the sentence
    ("Insisting that the vote was fair, the mayor left") speaks for the
    subject of the main clause after its comma."""
    if len(tokens) < 6 or not tokens[0].lower.endswith("ing") or _inside(tokens[0], quoted):
        return []
    verb = next((cv for cv in cue_forms().get(tokens[0].lower, ()) if not cv.particle), None)
    if verb is None or verb.cls not in ("speech", "speech-that", "belief"):
        return []
    start = _content_start(tokens, 1, verb)
    if start is None:
        return []
    comma = next((j for j in range(start + 1, len(tokens) - 1) if tokens[j].text == ","), None)
    if comma is None or not starts_phrase(tokens[comma + 1]):
        return []
    speaker = phrase_after(text, tokens, comma + 1)
    if speaker is None:
        return []
    cue = make_cue(text, tokens, 0, verb, 1)
    return [Found(cue, speaker, Span(tokens[start].start, tokens[comma].start))]


@pattern("according-to", example="According to the police, the driver fled on foot.")
def according_to(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """According to SPEAKER, CLAUSE.  /  CLAUSE, according to SPEAKER."""
    n = len(tokens)
    for i in range(n - 2):
        if tokens[i].lower != "according" or tokens[i + 1].lower != "to" or _inside(tokens[i], quoted):
            continue
        speaker = phrase_after(text, tokens, i + 2)
        if speaker is None:
            continue
        cue_span = Span(tokens[i].start, tokens[i + 1].end)
        cue = Cue(cue_span, cue_span.of(text), "according to")
        if i == 0 or tokens[i - 1].text not in (",", "(", "—", "–"):
            # leading: the claim follows the speaker phrase's comma
            k = next((j for j in range(i + 2, n) if tokens[j].start >= speaker.span.end), n)
            while k < n and tokens[k].text != ",":
                k += 1
            if k + 1 < n and tokens[k + 1].lower in ("who", "whose", "which"):
                # "According to an official, who spoke on condition of anonymity, ..."
                k += 1
                while k < n and tokens[k].text != ",":
                    k += 1
            if k + 1 >= n:
                continue
            if i > 0 and not all(t.lower in _CONJUNCTIONS for t in tokens[:i]):
                # "The plan, according to X, ..." handled as trailing below; "But according to X, ..." leads
                content = Span(s.start, tokens[i].start)
                if len([t for t in tokens[:i] if t.is_word]) >= MIN_CONTENT_WORDS:
                    return [Found(cue, speaker, Span(s.start, s.end))]
                continue
            content = Span(tokens[k + 1].start, s.end)
        else:
            content = Span(s.start, tokens[i - 1].start)
            rest = [t for t in tokens[i + 2:] if t.start >= speaker.span.end]
            if rest and rest[0].text == ",":
                # mid-sentence: "The plan, according to X, would fail." covers the sentence;
                # after an opening adverbial, "By March, according to the agency, prices rose", the claim follows
                content = Span(s.start, s.end)
                if _adverbial(tokens[:i - 1]) and len(rest) > 2:
                    return [Found(cue, speaker, Span(rest[1].start, s.end), min_words=2)]
        return [Found(cue, speaker, content)]
    return []


@pattern("unattributed-claim", example="There are also claims that the vote was rigged.")
def unattributed_claim(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """There are (also) claims that CLAUSE.  /  It is believed that CLAUSE."""
    if text.find("that", s.start, s.end) < 0:
        return []  # the pattern ends in "that": without it, no need to try it at every character
    m = _UNATTRIBUTED.search(text, s.start, s.end)
    if not m:
        return []
    cue_span = Span(m.start("cue"), m.end("cue"))
    if any(q.start <= cue_span.start < q.end for q in quoted):
        return []
    cue = Cue(cue_span, cue_span.of(text), m.group("cue").split()[-1].lower())
    return [Found(cue, None, Span(m.end(), s.end))]


@pattern("as-said", example="As the mayor noted, the bridge has been closed for a year.")
def as_said(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """As SUBJECT CUE, CLAUSE.  /  CLAUSE, as SUBJECT CUE.: the claim is the
    clause the as-phrase comments on."""
    if not any(t.lower == "as" for t in tokens):
        return []  # no "as" to open the phrase: no subject to read
    n = len(tokens)
    cues = cue_words()
    for i in range(2, n - 1):
        tok = tokens[i]
        if tok.lower not in cues or _inside(tok, quoted):
            continue
        hit = verb_at(tokens, i)
        if hit is None or hit[0].cls == "stance":
            continue
        verb, e = hit
        first = aux_start(tokens, i)
        speaker = subject_before(text, tokens, first)
        if speaker is None:
            continue
        a = index_at(tokens, speaker.span.start) - 1
        if a < 0 or tokens[a].lower != "as":
            continue
        j = e  # a short tail: "as the mayor noted in May,"
        while j < n and j - e <= 5 and tokens[j].text not in (",", ".", ";") and (
                tokens[j].lower in ATTRIBUTION_TAIL_WORDS or tokens[j].is_cap or tokens[j].text[:1].isdigit()):
            j += 1
        cue = make_cue(text, tokens, first, verb, e)
        leading = a == 0 or (a == 1 and tokens[0].lower in ("but", "and", "so", "yet"))
        if leading and j < n - 2 and tokens[j].text == ",":
            return [Found(cue, speaker, Span(tokens[j + 1].start, _clause_end(tokens, j + 1, s.end)))]
        if not leading and a > 2 and tokens[a - 1].text == "," and (j >= n - 1 or tokens[j].text in (".", ",", ";")):
            return [Found(cue, speaker, Span(s.start, tokens[a - 1].start))]
    return []


@lru_cache(maxsize=1)
def claim_nouns() -> frozenset[str]:
    """Nouns that name a claim before its that-clause ("his claim that")."""
    return words("claim_nouns")


_HOLDERS = {"his": "his", "her": "her", "their": "their", "its": "its", "our": "our", "my": "my"}
_NOT_OWNERS = frozenset("that it there here what who he she where how this".split())  # "That's", "It's"
_NOUN_DETERMINERS = frozenset("the a an this that these those".split()) | frozenset(_HOLDERS)


@pattern("noun-cue", example="Her claim that the vote was rigged was rejected by the court.")
def noun_cue(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """[HOLDER'S | his | the] NOUN [by SPEAKER] that CLAUSE: "his claim that ...",
    "Trump's assertion that ...", "the assertion by the minister that ...",
    "news that ...". The holder is the speaker; "the report that" has none."""
    nouns = claim_nouns()
    out = []
    n = len(tokens)
    for i in range(n - 3):
        tok = tokens[i]
        if tok.lower not in nouns or tok.is_cap and i > 0 or _inside(tok, quoted):
            continue
        k, speaker = i + 1, None
        if tokens[k].lower in ("by", "from") and starts_phrase(tokens[k + 1]):
            speaker = phrase_after(text, tokens, k + 1)  # "the assertion by the minister that"
            if speaker is None:
                continue
            k = next((j for j in range(k + 1, n) if tokens[j].start >= speaker.span.end), n)
        if k >= n - 2 or tokens[k].lower != "that" or not tokens[k + 1].is_word or _relative(tokens[k + 1]):
            continue
        holder = _claim_holder(text, tokens, i)
        if holder is False:
            continue
        if speaker is None and holder is None and not _opens_sentence(tokens, i):
            # "Trump stirred controversy with an assertion that ...", "he seized on news that ...":
            # the claim is the one the sentence's subject makes or takes up
            holder = _named_subject(_subject_of_verb_before(text, tokens, _phrase_start(tokens, i)))
        speaker = speaker or holder
        if speaker is None and not _opens_sentence(tokens, i):
            continue  # a claim nobody in the sentence holds ("pursued the claim that")
        end = _clause_end(tokens, k + 1, s.end)
        if _opens_sentence(tokens, i):  # "His claim that the vote was rigged has been rejected"
            end = _predicate_start(tokens, k + 1, end)
        content = Span(tokens[k + 1].start, end)
        cue = Cue(Span(tok.start, tok.end), tok.text, tok.lower)
        out.append(Found(cue, speaker, content))
    return out


def _relative(t: Token) -> bool:
    """Does this word after "that" open a relative clause ("a claim that
    is false", "a report that could touch", "a claim that originated"), not
    a content clause with its own subject?"""
    return t.lower in _FINITE or t.lower in AUXILIARIES or (t.lower.endswith("ed") and not t.is_cap)


def _phrase_start(tokens: list[Token], i: int) -> int:
    """The first token of the noun phrase of the noun at ``i`` (its determiner)."""
    j = i
    while j > 0 and i - j < 3 and tokens[j - 1].is_word and not tokens[j - 1].is_cap \
            and tokens[j - 1].lower not in PREPOSITIONS_AFTER_CUE and tokens[j - 1].lower not in AUXILIARIES:
        j -= 1
        if tokens[j].lower in _NOUN_DETERMINERS:
            break
    return j


def _subject_of_verb_before(text: str, tokens: list[Token], p: int) -> Mention | None:
    """The subject of the verb a noun phrase starting at ``p`` is the object
    of ("The company made | an assertion", "she pointed to | reports",
    "Trump stirred controversy with | an assertion"): the nearest verb within
    a few words whose subject phrase holds no other verb."""
    for v in range(p - 1, max(0, p - 6) - 1, -1):
        t = tokens[v]
        if not t.is_word or t.text in _QUOTE_MARKS:
            return None
        if t.lower in PREPOSITIONS_AFTER_CUE or t.lower in ("with", "to", "on", "at", "of"):
            continue
        m = subject_before(text, tokens, v)
        if m is not None and not any(w.endswith("ed") for w in m.text.lower().split()[1:]):
            return m
    return None


def _named_subject(m: Mention | None) -> Mention | None:
    """A subject phrase that names someone, not an opening adverb or
    preposition read as one ("Shortly", "Along")."""
    if m is None or " " in m.text or m.text.lower() in PRONOUNS:
        return m
    low = m.text.lower()
    return None if low.endswith("ly") or _bare(low) in _NOT_OWNERS or low in PREPOSITIONS_AFTER_CUE or low in SENTENCE_OPENERS \
        or low in ("along", "amid", "despite", "after", "before") else m


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    """Does the noun phrase of the noun at ``i`` open the sentence (its subject)?"""
    j = i
    while j > 0 and i - j < 4 and tokens[j - 1].is_word:
        j -= 1
    return j == 0 or (j <= 2 and tokens[j - 1].text == ",")


def _predicate_start(tokens: list[Token], k: int, end: int) -> int:
    """Where the sentence's own predicate starts after a content clause that
    sits in its subject ("that the vote was rigged | has been rejected"): a
    finite verb after the clause's verb group, else ``end``."""
    n = len(tokens)
    v = next((j for j in range(k + 1, n) if tokens[j].lower in _FINITE or tokens[j].lower.endswith("ed")), None)
    if v is None:
        return end
    j = v + 1
    while j < n and tokens[j].lower in AUXILIARIES and tokens[j - 1].lower in AUXILIARIES:
        j += 1  # "would have", "has been"
    if j < n and tokens[j].is_word and tokens[j].lower not in _FINITE:
        j += 1  # the main verb: "was rigged", "would close"
    for m in range(j, n):
        t = tokens[m]
        if t.start >= end or not t.is_word and t.text not in ("'s", "’s"):
            break
        if t.lower in _FINITE or (t.lower.endswith("ed") and tokens[m - 1].lower.endswith("ed")):
            return t.start
    return end


def _claim_holder(text: str, tokens: list[Token], i: int) -> Mention | None | Literal[False]:
    """Who holds the claim named by the noun at ``i``: a possessive before it
    and at most two modifiers ("his repeated claim", "Mr. Trump's false
    claim"); None when a determiner or nothing opens the phrase ("the report",
    "news"); False when the noun is not a claim's head ("a rejected claim" is
    fine, "filed claims" after a verb is not)."""
    j = i
    while j > 0 and i - j < 2 and tokens[j - 1].is_word and not tokens[j - 1].is_cap \
            and tokens[j - 1].lower not in _NOUN_DETERMINERS and tokens[j - 1].lower not in PREPOSITIONS_AFTER_CUE \
            and not tokens[j - 1].lower.endswith(("'s", "’s")) and tokens[j - 1].lower not in AUXILIARIES:
        j -= 1  # modifiers: "repeated", "widely reported"
    if j == 0 or not tokens[j - 1].is_word:
        return None  # "News that the plant would close", "..., rumors that"
    prev = tokens[j - 1]
    if prev.lower in _HOLDERS:
        return Mention(Span(prev.start, prev.end), prev.text)
    if prev.lower.endswith(("'s", "’s")) and prev.is_cap and _bare(prev.lower) not in _NOT_OWNERS:
        a = j - 1
        while a > 0 and tokens[a - 1].is_cap and tokens[a - 1].is_word and tokens[a - 1].lower not in SENTENCE_OPENERS:
            a -= 1
        span = Span(tokens[a].start, prev.end - 2)
        return Mention(span, span.of(text))
    if prev.lower in _NOUN_DETERMINERS or prev.lower in PREPOSITIONS_AFTER_CUE or prev.lower in ("of", "about", "amid", "despite"):
        return None
    return False


_ADVERBIAL_OPENERS = frozenset("by in on at after before since until during for from over last this early late".split())


def _adverbial(tokens: list[Token]) -> bool:
    """Are these tokens only an opening adverbial, a preposition or time word
    and at most three more words ("By March", "In the past year")?"""
    words_ = [t for t in tokens if t.is_word]
    return 0 < len(words_) <= 4 and len(words_) == len(tokens) and words_[0].lower in _ADVERBIAL_OPENERS


_CONJUNCTIONS = frozenset("but and so yet still however".split())


_REFUSAL = frozenset("declined declines decline declining refused refuses refuse refusing".split())


@pattern("refusal", example="The ministry declined to comment on the report.")
def refusal(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """SUBJECT declined / refused to VERB ...: the refusal to speak, or to act, is
    the subject's stance ("declined to comment", "refused to say whether ...")."""
    out = []
    for i in range(1, len(tokens) - 2):
        tok = tokens[i]
        after = tokens[i + 2]
        if tok.lower not in _REFUSAL or tokens[i + 1].lower != "to" or not after.is_word or after.is_cap \
                or after.lower in DETERMINERS or after.text[:1].isdigit() or _inside(tok, quoted):
            continue  # "declined to comment", not "declined to their lowest level" or "to 40 percent"
        first = aux_start(tokens, i)
        if _passive(tokens, first, i):
            continue
        speaker = subject_before(text, tokens, first)
        if speaker is None and tok.lower.endswith("ing") and first > 0 and tokens[first - 1].text == ",":
            speaker = main_subject(text, tokens, first - 1)
        if speaker is None or speaker.text.lower() == "you":
            continue
        cue_span = Span(tokens[first].start, tok.end)
        lemma = "refuse" if tok.lower.startswith("ref") else "decline"
        content = Span(tokens[i + 1].start, _clause_end(tokens, i + 1, s.end))
        out.append(Found(Cue(cue_span, cue_span.of(text), lemma), speaker, content, min_words=2))
    return out


_QUESTION_WORDS = frozenset("whether if who whom whose what which when where why how".split())
_ASKED = frozenset("asked ask asks asking".split())


@pattern("asked-whether", example="When asked whether the plant would close, the manager shrugged.")
def asked_whether(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """when asked WHETHER ...  /  SUBJECT asked OBJECT WHETHER ...: the reported
    question is the asker's; "when asked" names no asker."""
    out = []
    for i in range(len(tokens) - 3):
        tok = tokens[i]
        if tok.lower not in _ASKED or _inside(tok, quoted):
            continue
        k = i + 1
        passive = i == 0 or tokens[i - 1].lower in ("when", "if", "after", "once", "was", "were", "being")
        if passive and k + 2 < len(tokens) and (tokens[k].lower == "about" and tokens[k + 1].is_word
                                                or tokens[k].lower == "to" and _verb_like(tokens[k + 1])):
            # "Asked about his speeches, Huckabee said", "Asked to describe the device, O'Neill said"
            k += tokens[k].lower == "about"
            end = next((t.start for t in tokens[k + 1:] if t.text == ","), None)
            if end is not None and i == 0:
                cue_span = Span(tokens[0].start, tok.end)
                out.append(Found(Cue(cue_span, cue_span.of(text), "ask"), None, Span(tokens[k].start, end),
                                 min_words=2))
            continue
        # an object of up to three words before the question ("asked him whether", "asked the mayor if")
        while k < min(len(tokens), i + 4) and tokens[k].lower not in _QUESTION_WORDS and tokens[k].is_word:
            k += 1
        if k >= len(tokens) - 2 or tokens[k].lower not in _QUESTION_WORDS:
            continue
        if passive:
            speaker = None  # a passive question ("When asked", "Asked if"): the asker is not named
            first = max(i - 1, 0)
        else:
            if k == i + 1:
                continue  # "X asked whether ...": the leading pattern's
            first = aux_start(tokens, i)
            speaker = subject_before(text, tokens, first)
            if speaker is None:
                continue
        cue_span = Span(tokens[first].start, tok.end)
        end = _clause_end(tokens, k, s.end)
        if first == 0:  # "When asked whether ..., the manager shrugged": the question ends at its comma
            end = next((t.start for t in tokens[k + 2:] if t.text == ","), end)
        content = Span(tokens[k].start, end)
        out.append(Found(Cue(cue_span, cue_span.of(text), "ask"), speaker, content))
    return out


@pattern("impersonal", example="The budget is said to include new taxes.")
def impersonal(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """The budget is said to ...  /  The owner is believed to ...: a claim nobody
    is named for. Not a hedge: "is expected to", "seems to" are no claims."""
    m = _IMPERSONAL.search(text, s.start, s.end)
    if not m or any(q.start <= m.start() < q.end for q in quoted):
        return []
    cue_text = m.group("cue").rstrip()
    cue_span = Span(m.start("cue"), m.start("cue") + len(cue_text))
    return [Found(Cue(cue_span, cue_text, cue_text.split()[-1].lower()), None, Span(m.start("to"), s.end))]


_LABEL_STOP = frozenset(
    "note update updated correction clarification editor editor's source sources photo video watch read "
    "related also tags abstract text full warning disclaimer listen transcript breaking exclusive opinion "
    "analysis review poll live subscribe share advertisement caption credit pictured above below latest "
    "contributing revealed remember previously plus boom look paid notice here why what how who "
    "question answer q a".split()
)


@pattern("reported-label", example="Lopez: The bridge will reopen before the winter storms.")
def reported_label(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """Cruz: Trump would put liberals on the court.  /  MATTHEWS: Here's the irony ...
    A name and a colon open a headline's claim or a transcript's turn."""
    if len(tokens) < 5 or not tokens[0].is_cap:
        return []
    colon = next((i for i, t in enumerate(tokens[:8]) if t.text == ":"), None)
    if colon is not None and colon > 3 and not any(t.text == "," for t in tokens[1:colon]):
        return []  # a long Title Case run is a headline, not a name
    if colon is None or colon == 0 or _inside(tokens[0], quoted):
        return []
    name = tokens[:colon]
    comma = next((i for i, t in enumerate(name) if t.text == ","), None)
    if comma is not None and comma > 0 and all(t.is_cap and t.is_word for t in name[comma + 1:]):
        name = name[:comma]  # a roundup line, "Jane Roe, The Daily Planet: ...": the writer, not the outlet
    if not name or not all(t.is_cap and t.is_word for t in name) or any(t.lower in _LABEL_STOP for t in name) \
            or len(name[-1].text) < 2:
        return []
    if len(tokens) - colon - 1 < MIN_CONTENT_WORDS:
        return []
    span = Span(name[0].start, name[-1].end)
    cue_span = Span(tokens[colon].start, tokens[colon].end)
    return [Found(Cue(cue_span, ":", ":"), Mention(span, span.of(text)), Span(tokens[colon + 1].start, s.end))]


@pattern("reportedly", example="The minister has reportedly resigned over the budget.")
def reportedly(text: str, s: Span, tokens: list[Token], quoted: list[Span]) -> list[Found]:
    """A claim marked only by "reportedly" or "allegedly"."""
    if text.find("edly", s.start, s.end) < 0:
        return []  # every word of the pattern ends in "edly": without it, no need to try it at every character
    m = _REPORTEDLY.search(text, s.start, s.end)
    if not m or any(q.start <= m.start() < q.end for q in quoted):
        return []
    cue_span = Span(m.start(), m.end())
    return [Found(Cue(cue_span, cue_span.of(text), m.group().lower()), None, Span(s.start, s.end))]


SIEVE = (reported_label, unattributed_claim, according_to, as_said, reported_trailing, reported_appositive,
         reported_parenthetical, asked_whether, participle_leading, reported_leading, noun_cue, refusal, impersonal, reportedly)
# the patterns that read the text itself, not its tokens
TEXT_SIEVE = (unattributed_claim, impersonal, reportedly)
