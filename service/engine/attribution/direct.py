"""Attribution of direct quotations: a sieve of patterns, most certain first,
each a small named function that returns the cue and speaker mention.

A pattern is called with the document's ``Context``, the quotation and the
last quotation with a known speaker, and returns an ``Attribution`` or None;
``SIEVE`` is the order they are tried in. Patterns that read the same words
(the tail after a quote, the sentence before it) each take their own case
of it, in the order the words decide: the nearest cue before a quote speaks
for it, whether a verb (``leading``) or "according to"
(``leading-according-to``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..model import Cue, Mention, Quote, Span
from ..quotes import close_end, open_start
from ..tokens import Token, index_at
from ..words import ADVERBIAL_STARTS, AUXILIARIES, BE_FORMS, PREPOSITIONS_AFTER_CUE, SENTENCE_OPENERS, SUBJECT_PRONOUNS
from .clauses import agent_of_object, main_subject
from .cues import NEVER_INVERTED, aux_start, cue_words, headline_case, make_cue, verb_at
from .pattern import pattern
from .phrases import (
    clause_subject, name_past_modifier, nickname_at, phrase_after, pronoun_with_verb, starts_named_phrase, starts_phrase,
    subject_before, title_abbreviation, with_appositive_name,
)

_MARKS = frozenset(["\"", "“", "”", "''", "``", "„", "«", "»", "‘", "’", "'"])
_SENTENCE_END = frozenset([".", "!", "?"])
MAX_TAIL_TOKENS = 24
_DASHES = frozenset(["—", "–", "-", "―", "--"])


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Cue | None
    speaker: Mention


@dataclass(frozen=True, slots=True)
class _Lead:
    """The sentence before a quote (``before``) and the attribution its
    nearest cue gives, if any; ``according`` when that cue is "according to"."""

    before: list[Token]
    attribution: Attribution | None = None
    according: bool = False


class Context:
    """One document for the sieve: paragraphs' tokens, and the sentence
    before a quote, read once for the patterns that share it."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._tokens: dict[int, list[Token]] = {}
        self._leads: dict[Span, _Lead | None] = {}
        self._tails: dict[tuple[int, int], tuple[list[Token], int] | None] = {}
        self._headlines: dict[int, bool] = {}

    def tokens(self, paragraph: int) -> list[Token]:
        toks = self._tokens.get(paragraph)
        if toks is None:
            toks = self._tokens[paragraph] = self.doc.paragraph_tokens(paragraph)
        return toks

    def headline(self, paragraph: int) -> bool:
        """Is the paragraph a Title Case headline (cue verbs capitalised too)?"""
        if paragraph not in self._headlines:
            toks = self.tokens(paragraph)
            self._headlines[paragraph] = headline_case(toks) is not toks
        return self._headlines[paragraph]

    def lead(self, q: Quote) -> _Lead | None:
        if q.span not in self._leads:
            self._leads[q.span] = _lead(self, q)
        return self._leads[q.span]

    def tail(self, q: Quote) -> tuple[list[Token], int] | None:
        """``_tail`` of a quote, read once for the patterns that share it
        (it depends on where the quote ends and its paragraph alone)."""
        key = (q.span.end, q.paragraph)
        if key not in self._tails:
            self._tails[key] = _tail(self, q)
        return self._tails[key]


def _ends_sentence(toks: list[Token], i: int) -> bool:
    """A full stop that ends a sentence (not one inside "(R-Fla.)", nor the one
    of a title before a given name: "said Del. Stacey Plaskett")."""
    return toks[i].text in _SENTENCE_END and not (i + 1 < len(toks) and toks[i + 1].text in (")", ",")) \
        and not (toks[i].text == "." and 0 < i < len(toks) - 1 and title_abbreviation(toks, i - 1))


_AFTER_CUE = ADVERBIAL_STARTS | PREPOSITIONS_AFTER_CUE  # "Lichtman said about ...": no object, no new claim

# --- after the quote -------------------------------------------------------------


def _tail(ctx: Context, q: Quote) -> tuple[list[Token], int] | None:
    """The tokens after a quote's closing mark, up to the sentence's end or
    the next mark, and where an attribution may start in them (after a comma
    or a dash); None when there is nothing to attribute with."""
    text = ctx.doc.text
    toks = ctx.tokens(q.paragraph)
    k = index_at(toks, close_end(text, q))
    if k >= len(toks):
        return None
    tail: list[Token] = []
    prev_end = -1
    skip = 0
    for i in range(k, min(len(toks), k + MAX_TAIL_TOKENS)):
        t = toks[i]
        possessive = t.text in ("'", "’") and t.start == prev_end
        if skip == 0 and t.text in _MARKS and nickname_at(toks, i):
            skip = 3  # 'state Del. Marisol "Sol" Ruiz shouted': a nickname inside the name
        if skip:
            skip -= 1
        elif (t.text in _MARKS and not possessive) or _ends_sentence(toks, i):
            break
        tail.append(t)
        prev_end = t.end
    if not tail:
        return None
    j = 1 if tail[0].text in (",", "—", "–", "-") else 0
    return None if j >= len(tail) else (tail, j)


@pattern("signed", example="“We can build a better city than this one.” ― Ana Torres")
def signed(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quotation signed with a dash after its closing mark: "..." ― Ana Okafor."""
    got = ctx.tail(q)
    if got is None:
        return None
    tail = got[0]
    if len(tail) >= 2 and tail[0].text in _DASHES and tail[1].is_cap and tail[1].is_word:
        name = phrase_after(ctx.doc.text, tail, 1)
        if name is not None and not any(verb_at(tail, i) for i in range(1, len(tail))):
            return Attribution(None, name)
    return None


@pattern("trailing-according-to", example="“The team has never been stronger,” according to the coach.")
def trailing_according_to(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """"...," according to the coach."""
    got = ctx.tail(q)
    if got is None:
        return None
    text = ctx.doc.text
    tail, j = got
    if j + 2 < len(tail) and tail[j].lower == "according" and tail[j + 1].lower == "to":
        speaker = phrase_after(text, tail, j + 2)
        if speaker is not None:
            cs = Span(tail[j].start, tail[j + 1].end)
            return Attribution(Cue(cs, cs.of(text), "according to"), speaker)
    return None


@pattern("trailing-inverted", example="“The budget is balanced,” said Maria Lopez.")
def trailing_inverted(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """"...," said Kerry.  /  "...," added a spokesman."""
    got = ctx.tail(q)
    if got is None:
        return None
    text = ctx.doc.text
    tail, j = got
    hit = verb_at(tail, j)
    if hit is not None and hit[0].cls != "belief" and hit[0].lemma not in NEVER_INVERTED and hit[1] < len(tail) \
            and not tail[j].lower.endswith("ing") and tail[hit[1]].lower != "that" \
            and (starts_phrase(tail[hit[1]]) or starts_named_phrase(tail, hit[1])):
        # (not '"...," adding that its value rose': a participle and its clause are no inverted cue)
        verb, e = hit
        speaker = phrase_after(text, tail, e)
        if speaker is not None:
            speaker = name_past_modifier(text, tail, speaker)
            return Attribution(make_cue(text, tail, j, verb, e), with_appositive_name(text, tail, speaker))
    return None


_SUBORDINATORS = frozenset("when while after before because since although until whereas".split())  # not "as Cruz said"
_JOINING = frozenset(["but"])  # not "and" ('"..." and against the law, Clinton said')


def _second_predicate(tail: list[Token], j: int) -> bool:
    """Does the tail open with "and" and a cue verb ('"What a day!" and said
    that ...')? The quote's speaker says more: the verb has no subject of its
    own in the tail, and what follows it is its claim, not an attribution."""
    k = j + 1
    if tail[j].lower != "and":
        return False
    while k < len(tail) and k - j <= 3 and tail[k].lower in AUXILIARIES:
        k += 1
    return k < len(tail) and verb_at(tail, k) is not None


@pattern("trailing", example="“The budget is balanced,” Maria Lopez said.")
def trailing(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """"...," Kerry said.  /  "..." she added.  /  "...," Tom Reyes, 30, of Halden, said."""
    got = ctx.tail(q)
    if got is None:
        return None
    text = ctx.doc.text
    tail, j = got
    if tail[j].lower in _JOINING or _second_predicate(tail, j):
        return None  # '"...," but he said that ...': a clause of its own, with its own claim
    if tail[j].lower in _SUBORDINATORS:
        return None  # '"...," when Ruiz blasted him': a clause about when it was said, not who said it
    # the quotation ends its sentence when it ends with a full stop and a capital follows
    end = q.text.rstrip("\"“”'’ ")[-1:]
    ended = end in (".", "!", "?") and tail[j].is_cap
    if ended and tail[-1].text in (",", ":") and text[tail[-1].end:tail[-1].end + 2].lstrip()[:1] in ("“", '"'):
        return None  # '“...” Noah quipped, “...”': a new sentence that introduces the next quotation
    for i in range(j, len(tail)):
        hit = verb_at(tail, i)
        if hit is None or hit[0].cls == "belief":
            continue
        verb, e = hit
        first = aux_start(tail, i, floor=j)
        speaker = None
        if tail[j].is_cap and first - j > 3:
            # "..., Tom Reyes, 30, of Halden, who ..., said": the name right after the quote
            name = phrase_after(text, tail, j)
            if name is not None:
                nxt = next((t for t in tail if t.start >= name.span.end), None)
                if nxt is not None and nxt.text == ",":
                    speaker = name
        if speaker is None:
            speaker = subject_before(text, tail, first, floor=j)
        if speaker is None:
            continue
        if ended and e < len(tail) and tail[e].is_word and tail[e].lower not in _AFTER_CUE \
                and (len(tail) - e > 6 and end == "." or any(t.lower == "that" for t in tail[e:])):
            # a new sentence with a claim of its own: "She noted a planned rally ..." (after a
            # question or an exclamation, "Trump asked reporters ..." still answers for it)
            return None
        if ended and end == "." and (first - j > 3 or len(tail) - e > 6):
            # after a full stop, a subject far from its verb or a long predicate opens a new
            # sentence: '"... irresponsible." The FDIC, a regulator which ..., said on Monday ...'
            return None
        return Attribution(make_cue(text, tail, first, verb, e), speaker)
    return None


# --- before the quote ------------------------------------------------------------


def _possessive(toks: list[Token], i: int) -> bool:
    """An apostrophe closing a plural possessive ("veterans' families"), not a quotation mark."""
    return toks[i].text in ("'", "’") and i > 0 and toks[i - 1].end == toks[i].start \
        and toks[i - 1].lower.endswith("s") and i + 1 < len(toks) and toks[i + 1].is_word \
        and not toks[i + 1].is_cap


def _headline_cue(before: list[Token]) -> list[Token]:
    """A Title Case headline's cue right before its quote, in lower case so
    the sieve reads it: Mayor Says "We Will Rebuild", Mayor Says: "..."; not a
    passive ("Being Called "A True Captain"")."""
    k = len(before) - (1 if before[-1].text == ":" else 0) - 1
    if k < 1 or not before[k].is_cap or before[k].lower not in cue_words() or before[k - 1].lower in BE_FORMS:
        return before
    return before[:k] + [before[k]._replace(text=before[k].lower, is_cap=False)] + before[k + 1:]


def _subject_after(text: str, toks: list[Token], k: int) -> Mention | None:
    """"After saying her foot was “so swollen ...,” she was taken to the hospital":
    a sentence that opens with a gerund and the quote speaks through the subject
    of its main clause, after the comma that closes the opening."""
    if k > 1 and toks[k - 1].text in _MARKS and toks[k - 2].text == ",":
        j = k - 1  # the comma stands inside the closing mark
    else:
        j = k
        while j < len(toks) and j - k < 3 and toks[j].text != ",":
            j += 1
        if j >= len(toks) or toks[j].text != ",":
            return None
    if j + 1 >= len(toks):
        return None
    t = toks[j + 1]
    if t.lower in SUBJECT_PRONOUNS and t.lower not in ("it", "who"):
        return Mention(Span(t.start, t.end), t.text)
    return phrase_after(text, toks, j + 1) if t.is_cap and t.is_word else None


def _lead(ctx: Context, q: Quote) -> _Lead | None:
    """The sentence before a quote and what its nearest cue says: back to the
    sentence's start or the previous quotation, the first cue from the right
    speaks for the quote, or nothing does."""
    text = ctx.doc.text
    toks = ctx.tokens(q.paragraph)
    k = index_at(toks, open_start(text, q))
    lo = k
    while lo > 0 and not _ends_sentence(toks, lo - 1) and (toks[lo - 1].text not in _MARKS or _possessive(toks, lo - 1)):
        lo -= 1
    before = toks[lo:k]
    if not before:
        return None
    if ctx.headline(q.paragraph):
        before = _headline_cue(before)
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        if t.lower == "according" and i + 1 < len(before) and before[i + 1].lower == "to":
            speaker = phrase_after(text, before, i + 2)
            if speaker is not None:
                cs = Span(t.start, before[i + 1].end)
                return _Lead(before, Attribution(Cue(cs, cs.of(text), "according to"), speaker), according=True)
        hit = verb_at(before, i)
        if hit is None:
            continue
        verb, e = hit
        if verb.cls == "belief" and not (e < len(before) and before[e].text == ":") \
                and not (e == len(before) - 1 and before[e].lower == "that"):
            continue  # a belief introduces a quotation only with a colon or "that" ('Pew found that “...”')
        first = aux_start(before, i)
        if before[i].lower.endswith("ing") and first > 0 and before[first - 1].text in (",", "—", "–"):
            speaker = main_subject(text, before, first - 1)  # "The groups granted ..., saying his “...”"
        else:
            speaker = subject_before(text, before, first)
            if speaker is not None and before[i].lower.endswith("ing"):
                # "The town released a statement saying ...": the town's words
                speaker = agent_of_object(text, before, speaker) or speaker
        if speaker is None and e < len(before) and starts_phrase(before[e]) and not before[i].lower.endswith("ing"):
            speaker = phrase_after(text, before, e)  # said Kerry: "..."
            after = index_at(before, speaker.span.end) if speaker is not None else 0
            if speaker is not None and after < len(before) and before[after].lower == "as":
                # "described all young men as “...”": the object, not an inverted speaker
                speaker = clause_subject(text, before[:first])
        if speaker is None and (before[i].lower.endswith("ing") or (first > 0 and before[first - 1].lower in ("and", "but"))):
            speaker = clause_subject(text, before[:first])  # "Ms. Sherry smiled and said", "..., writing"
        if speaker is None and before[i].lower.endswith("ing") \
                and all(t.lower in SENTENCE_OPENERS or t.lower == "by" for t in before[:first]):
            speaker = _subject_after(text, toks, index_at(toks, close_end(text, q)))
        if speaker is not None:
            return _Lead(before, Attribution(make_cue(text, before, first, verb, e), speaker))
        break
    return _Lead(before)


@pattern("leading-according-to", example="According to the coach, “the team has never been stronger.”")
def leading_according_to(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """According to the coach, "..." (the nearest cue before the quote is "according to")."""
    lead = ctx.lead(q)
    return lead.attribution if lead is not None and lead.according else None


@pattern("leading", example="The mayor said: “Nobody will lose a job.”")
def leading(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """Kerry said, "..."  /  Kerry said in an interview: "..."  /  said Kerry: "..."
    /  Kerry issued a statement, "..." """
    lead = ctx.lead(q)
    if lead is None or lead.according:
        return None
    if lead.attribution is None and len(lead.before) >= 3 and lead.before[-1].text in (",", ":"):
        return _delivered(ctx.doc.text, lead.before)
    return lead.attribution


@pattern("colon-leading", example="On taxes, Rubio: “Nobody in this race has a better plan.”")
def colon_leading(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """Clinton: "..."  /  On taxes, Rubio: "..." (no cue verb before the quote:
    the subject of the clause before the colon)."""
    lead = ctx.lead(q)
    if lead is None or lead.attribution is not None:
        return None
    before = lead.before
    if before[-1].text == ":":
        # after the last comma or dash: "HIGHER TURNOUT IN IOWA - Ana Ruiz: ..."; "More from Ruiz: ..."
        c = max((i for i, t in enumerate(before) if t.text in (",", "-", "—", "–")), default=-1) + 1
        if c + 2 < len(before) - 1 and before[c].lower == "more" and before[c + 1].lower == "from":
            c += 2
        if c < len(before) - 1 and (before[c].is_cap or before[c].lower in ("he", "she", "they", "we", "i")):
            speaker = phrase_after(ctx.doc.text, before, c)
            # "I'm putting the question to you:": a pronoun with its verb opens a clause, not a label
            if speaker is not None and not pronoun_with_verb(speaker.text):
                return Attribution(None, speaker)
    return None


@pattern("label", example="Many: “We will not be moved.”")
def label(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """Capitalised words and a colon introduce the quote. ``colon-leading``,
    tried first, takes "Clinton: "..."", so this catches only the words it
    will not read as a phrase ("Many: "..."")."""
    text = ctx.doc.text
    toks = ctx.tokens(q.paragraph)
    k = index_at(toks, open_start(text, q))
    if k < 2 or toks[k - 1].text != ":":
        return None
    lo = k - 1
    while lo > 0 and toks[lo - 1].is_cap and toks[lo - 1].is_word and k - lo <= 4:
        lo -= 1
    name = toks[lo:k - 1]
    if not name or (lo > 0 and not _ends_sentence(toks, lo - 1) and toks[lo - 1].text not in _MARKS
                    and toks[lo - 1].text not in (",", ";")):
        return None
    span = Span(name[0].start, name[-1].end)
    return Attribution(None, Mention(span, span.of(text)))


@pattern("colon-before", example="The chief said in a statement:\n\n“We have reviewed every case.”")
def colon_before(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quote opening its paragraph after one that ends "... X said:"."""
    doc = ctx.doc
    text = doc.text
    if q.paragraph == 0 or open_start(text, q) != doc.paragraphs[q.paragraph].start:
        return None
    p = doc.paragraphs[q.paragraph - 1]
    if not text[p.start:p.end].rstrip().endswith(":"):
        return None
    toks = ctx.tokens(q.paragraph - 1)
    lo = len(toks) - 1
    while lo > 0 and not _ends_sentence(toks, lo - 1):
        lo -= 1
    sent = toks[lo:]
    for i in range(len(sent) - 1, -1, -1):
        hit = verb_at(sent, i)
        if hit is None:
            continue
        verb, e = hit
        first = aux_start(sent, i)
        speaker = subject_before(text, sent, first) or phrase_after(text, sent, e)
        if speaker is not None:
            return Attribution(make_cue(text, sent, first, verb, e), speaker)
    return _delivered(text, sent)


def _delivered(text: str, sent: list[Token]) -> Attribution | None:
    """"Sanders made the following comment:", "The ministry issued a statement,":
    a sentence ending in the delivery of an utterance speaks for the quote after it."""
    for i in range(max(0, len(sent) - 7), len(sent) - 2):
        if sent[i].lower in _DELIVERY_VERBS and any(t.lower in _UTTERANCE_NOUNS for t in sent[i + 1:i + 5]):
            speaker = subject_before(text, sent, aux_start(sent, i))
            if speaker is not None:
                return Attribution(None, speaker)
    return None


_DELIVERY_VERBS = frozenset("made makes issued issues released releases posted posts gave gives offered offers "
                            "sent sends delivered delivers had has".split())
_UTTERANCE_NOUNS = frozenset("comment comments statement response message remarks reply note post tweet "
                             "say".split())  # "had this to say:"


@pattern("sentence-before", example="Jo Baker said in a statement. “The plant will stay open through the winter.”")
def sentence_before(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quote right after a sentence that ends with its attribution and no
    claim of its own: "Sam Lau said in a statement. "There are no ballots."" """
    text = ctx.doc.text
    toks = ctx.tokens(q.paragraph)
    k = index_at(toks, open_start(text, q))
    if k < 3 or toks[k - 1].text not in (".", ":"):
        return None
    lo = k - 1
    while lo > 0 and not _ends_sentence(toks, lo - 1) and toks[lo - 1].text not in _MARKS:
        lo -= 1
    sent = toks[lo:k - 1]
    if not sent or len(sent) > 16:
        return None
    for i in range(len(sent) - 1, -1, -1):
        hit = verb_at(sent, i)
        if hit is None or hit[0].cls == "belief":
            continue
        verb, e = hit
        rest = sent[e:]
        if len(rest) > 6 or any(t.lower == "that" for t in rest):
            return None
        first = aux_start(sent, i)
        speaker = subject_before(text, sent, first)
        if speaker is None and first == 0 and e < len(sent) and starts_phrase(sent[e], pronouns=False):
            speaker = phrase_after(text, sent, e)  # "...," said Tom Lake. "That was ..."
        if speaker is not None:
            return Attribution(make_cue(text, sent, first, verb, e), speaker)
    return None


# --- the quote itself, the next line, the quote before -----------------------------


@pattern("transcript", example="\"WALLACE: Governor, do you see those two as the same?\"")
def transcript(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A transcript line quoted whole: "WALLACE: Governor, ..." names its speaker."""
    text = ctx.doc.text
    head = text[q.span.start:q.span.start + 40]
    colon = head.find(":")
    if colon < 2:
        return None
    words_ = head[:colon].replace(".", " ").split()
    if not words_ or len(words_) > 3 or not all(w.isupper() and w.isalpha() for w in words_):
        return None
    span = Span(q.span.start, q.span.start + colon)
    return Attribution(None, Mention(span, span.of(text)))


@pattern("dash-after", example="“We will not give up on this town.”\n\n- Sanders.")
def dash_after(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quotation closing its paragraph, signed on the next line: "- Sanders."."""
    doc = ctx.doc
    text = doc.text
    if q.paragraph + 1 >= len(doc.paragraphs):
        return None
    para = doc.paragraphs[q.paragraph]
    if text[close_end(text, q):para.end].strip(" .,\u00a0"):
        return None
    toks = ctx.tokens(q.paragraph + 1)
    if len(toks) < 2 or toks[0].text not in ("-", "—", "–") or not toks[1].is_cap:
        return None
    speaker = phrase_after(text, toks, 1)
    return None if speaker is None else Attribution(None, speaker)


@pattern("continuing", example="“We are not done,” said Chen Wei.\n\n“The members will decide next week.”")
def continuing(ctx: Context, q: Quote, prev: Quote | None) -> Attribution | None:
    """A quotation with no attribution of its own, right after a quotation by a
    known speaker in the same or the previous paragraph, continues it; so does
    a quoted phrase later in the same sentence ("X called it “a mess” and
    “a waste”")."""
    if prev is None or prev.speaker is None:
        return None
    if q.kind == "partial":
        # a short phrase stays a term (a scare quote) unless a cue of its own attributes it
        long = len(q.text.split()) > _SHORT_PHRASE
        return Attribution(None, prev.speaker) if long and _same_sentence_after(ctx, prev, q) else None
    if q.kind != "direct":
        return None
    if q.paragraph - prev.paragraph > 1 or (prev.kind == "indirect" and q.paragraph != prev.paragraph):
        return None
    if q.paragraph != prev.paragraph:
        # only a paragraph that opens with the quotation
        if open_start(ctx.doc.text, q) != ctx.doc.paragraphs[q.paragraph].start:
            return None
    return Attribution(None, prev.speaker)


_SHORT_PHRASE = 4  # words; as attribution.SCARE_QUOTE_WORDS
_GAP_WORDS = 6  # "... “a mess” and then “a waste”": a few joining words between the quoted phrases


def _same_sentence_after(ctx: Context, prev: Quote, q: Quote) -> bool:
    """Does ``q`` follow ``prev`` in the same sentence, past a few joining
    words and no verb of speech?"""
    if prev.paragraph != q.paragraph or prev.span.end > q.span.start:
        return False
    text = ctx.doc.text
    gap_start = close_end(text, prev) if prev.kind != "indirect" else prev.span.end
    gap = text[gap_start:open_start(text, q)]
    if any(c in gap for c in ".!?;:") or len(gap.split()) > _GAP_WORDS:
        return False
    toks = [t for t in ctx.tokens(q.paragraph) if gap_start <= t.start < open_start(text, q)]
    return not any(verb_at(toks, i) is not None for i in range(len(toks)))


SIEVE = (
    transcript, signed, trailing_according_to, trailing_inverted, trailing,
    leading_according_to, leading, colon_leading, label, colon_before, sentence_before, dash_after, continuing,
)
