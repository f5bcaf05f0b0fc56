"""Editorial findings: a registry of small named rules over quotes and sources.

Each rule is a function registered with ``@rule(id, severity, title)``; its
docstring says what it catches, with an example, the standard behind it and
where its span points. A rule yields ``Hit``s; ``run_rules`` gives each hit the
severity the policy sets and returns ``Finding``s in text order.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .document import Document
from .lexicon import rows, words
from .model import Cue, Finding, Mention, Quote, Severity, Source, Span
from .summary import anonymous_only, claim_span, claims, source_types

if TYPE_CHECKING:
    from service.policy import Policy


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found; ``run_rules`` adds the rule id and severity."""

    message: str
    span: Span | None = None
    quote_id: str | None = None
    source_id: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity  # the default; a policy may change it
    title: str
    check: Callable[["Context"], Iterable[Hit]]

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: str):
    """Register the decorated function as the check of rule ``rule_id``."""
    def register(check: Callable[["Context"], Iterable[Hit]]):
        RULES[rule_id] = Rule(rule_id, severity, title, check)
        return check
    return register


# --- word lists and phrase patterns -------------------------------------------

_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_PHRASE_WORD = re.compile(r"^[\w'’.-]+$")


def compile_phrase(phrase: str) -> re.Pattern:
    """A phrase of ``lexicon/vague_attributions.txt`` as a regex: words match
    case-insensitively across any whitespace, ``(word)`` is optional and
    ``a|b`` are alternatives. Raises ValueError for a malformed phrase."""
    parts: list[tuple[bool, str]] = []
    for token in phrase.split():
        optional = token.startswith("(") and token.endswith(")")
        body = token[1:-1] if optional else token
        alternatives = body.split("|")
        if not body or any(not _PHRASE_WORD.match(a) for a in alternatives):
            raise ValueError(f"bad word {token!r} (use words, (optional) and a|b)")
        parts.append((optional, "(?:" + "|".join(re.escape(a) for a in alternatives) + ")"))
    required = [i for i, (optional, _) in enumerate(parts) if not optional]
    if not required:
        raise ValueError("a phrase needs at least one word that is not optional")
    last = required[-1]
    pattern = ""
    for i, (optional, alt) in enumerate(parts):
        if i < last:
            pattern += f"(?:{alt}\\s+)?" if optional else f"{alt}\\s+"
        elif i == last:
            pattern += alt
        else:
            pattern += f"(?:\\s+{alt})?"
    return re.compile(rf"(?<![\w'’-]){pattern}(?![\w'’-])", re.IGNORECASE)


@lru_cache(maxsize=32)
def vague_patterns(extra: tuple[str, ...] = ()) -> tuple[re.Pattern, ...]:
    return tuple(compile_phrase(r[0]) for r in rows("vague_attributions")) + tuple(
        compile_phrase(p) for p in extra)


@lru_cache(maxsize=32)
def vague_triggers(extra: tuple[str, ...] = ()) -> re.Pattern:
    """The words a vague phrase can start with, as one pattern: the phrases are
    tried only where one of these stands, not at every character of a story."""
    first: set[str] = set()
    for phrase in [r[0] for r in rows("vague_attributions")] + list(extra):
        for token in phrase.split():
            optional = token.startswith("(") and token.endswith(")")
            first.update((token[1:-1] if optional else token).split("|"))
            if not optional:
                break
    words_ = "|".join(sorted((re.escape(w) for w in first), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{words_})(?![\w'’-])", re.IGNORECASE)


def vague_matches(text: str, extra: tuple[str, ...] = ()) -> Iterator[re.Match]:
    """Every vague phrase in ``text``, leftmost first."""
    patterns = vague_patterns(extra)
    for t in vague_triggers(extra).finditer(text):
        for p in patterns:
            m = p.match(text, t.start())
            if m:
                yield m


@lru_cache(maxsize=32)
def loaded_table(extra: tuple[tuple[str, str], ...] = ()) -> dict[str, tuple[str, str]]:
    """Loaded verb lemma -> (neutral verb, why it is loaded)."""
    table = {r[0].lower(): (r[1] if len(r) > 1 else "say", r[2] if len(r) > 2 else "")
             for r in rows("loaded_verbs")}
    for verb, neutral in extra:
        table[verb] = (neutral, "listed by the newsroom's policy")
    return table


@lru_cache(maxsize=32)
def spokesperson_patterns(extra: tuple[str, ...] = ()) -> tuple[re.Pattern, re.Pattern]:
    """A spokesperson title anywhere in a mention ("a ministry spokeswoman"),
    and one that ends just before a mention of the institution ("a spokesman
    for | the ministry")."""
    titles = sorted({t.lower() for t in words("spokesperson_titles") | set(extra)}, key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, t.split())) for t in titles)
    anywhere = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)
    before = re.compile(rf"(?<![\w-])(?:(?:an?|the|one)\s+)?(?:{alt})\s+(?:for|of|at|from|with)\s+$",
                        re.IGNORECASE)
    return anywhere, before


def tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def _content(text: str) -> list[str]:
    """The words of ``text`` that say something about who a source is."""
    return [t for t in tokens(text) if t not in words("uninformative_words")]


def is_weasel(text: str) -> bool:
    """A bare weasel group: "critics", "some experts", "sources", "many"."""
    toks = tokens(text)
    content = _content(text)
    if content:
        return len(content) == 1 and content[0] in words("weasel_speakers")
    return any(t in words("weasel_speakers") for t in toks)


def describes_position(text: str) -> bool:
    """Whether ``text`` says something of a source's position or basis of
    knowledge beyond a bare noun and a rank ("an official": no; "a senior
    official who attended the meeting", "a State Department official": yes)."""
    return any(t not in words("bare_source_nouns") for t in _content(text))


# --- verb forms for loaded-verb suggestions --------------------------------------

_IRREGULAR = {"say": {"base": "say", "s": "says", "past": "said", "ing": "saying"}}


@lru_cache(maxsize=1024)
def verb_forms(lemma: str) -> frozenset[str]:
    """Regular inflections of a verb lemma ("admit" -> admits, admitted, admitting...)."""
    if lemma in _IRREGULAR:
        return frozenset(_IRREGULAR[lemma].values())
    v = lemma
    forms = {v, _inflect(v, "s"), _inflect(v, "past"), _inflect(v, "ing")}
    if re.search(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$", v):  # admit -> admitted, snap -> snapped
        forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return frozenset(forms)


def _inflect(verb: str, kind: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb][kind]
    if kind == "base":
        return verb
    if kind == "s":
        if verb.endswith(("s", "sh", "ch", "x", "z")):
            return verb + "es"
        return verb[:-1] + "ies" if re.search(r"[^aeiou]y$", verb) else verb + "s"
    if kind == "past":
        if verb.endswith("e"):
            return verb + "d"
        return verb[:-1] + "ied" if re.search(r"[^aeiou]y$", verb) else verb + "ed"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


def _form_kind(word: str, lemma: str) -> str:
    if word == lemma:
        return "base"
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed"):
        return "past"
    return "s" if word.endswith("s") else "past"


def loaded_verb(cue: Cue, table: dict[str, tuple[str, str]]) -> tuple[str, str, str] | None:
    """``(lemma, neutral rewrite of the cue, why)`` when ``cue`` is a loaded
    verb ("has admitted" -> "has said"); None for a neutral cue. The cue's
    lemma picks the verb ("admit"; "point" or "point out" for "pointed out")."""
    lemma = " ".join(cue.lemma.lower().split()).split()
    found = list(_TOKEN.finditer(cue.text))
    if lemma:
        candidates = [k for k in table if lemma[0] in verb_forms(k.split()[0])
                      and (len(lemma) == 1 or lemma[1:] == k.split()[1:])]
        for key in sorted(candidates, key=lambda k: -len(k.split())):
            neutral, why = table[key]
            first, *rest = key.split()
            for i, m in enumerate(found):
                word = m.group().lower()
                following = [t.group().lower() for t in found[i + 1:i + 1 + len(rest)]]
                if word in verb_forms(first) and following == rest:
                    end = found[i + len(rest)].end()
                    verb = _inflect(neutral, _form_kind(word, first))
                    if m.group()[0].isupper():
                        verb = verb[0].upper() + verb[1:]
                    rewritten = cue.text[:m.start()] + verb + cue.text[end:]
                    return key, rewritten, why
            if not rest:  # the lemma names it though the text's form is unusual
                return key, _inflect(neutral, "past"), why
    return None


def loaded_cue(cue: Cue | None, policy: "Policy") -> tuple[str, str, str] | None:
    """``loaded_verb`` under the policy's lists. A vague cue ("There are also
    claims", "it is claimed") is not a verb attribution: its noun or passive
    is reported as vague-attribution, not as a loaded verb."""
    if cue is None or any(p.search(cue.text) for p in vague_patterns(policy.vague_phrases)):
        return None
    return loaded_verb(cue, loaded_table(tuple(sorted(policy.loaded_verbs.items()))))


def mark_loaded(quote: Quote, policy: "Policy") -> Quote:
    """The quote with its cue's ``loaded``/``neutral`` set from the lexicon
    and the policy (a new object; the input is not changed)."""
    hit = loaded_cue(quote.cue, policy)
    if hit is None:
        return quote
    return replace(quote, cue=replace(quote.cue, loaded=True, neutral=hit[1]))


# --- the context every rule reads ----------------------------------------------------

@dataclass(frozen=True)
class Context:
    """The article, its quotes and sources, and the policy, with the lookups
    rules share."""

    doc: Document
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    policy: "Policy"

    @cached_property
    def types(self) -> dict[str, str]:
        return source_types(self.quotes, self.sources)

    @cached_property
    def claims(self) -> tuple[tuple[Quote, ...], ...]:
        return claims(self.quotes)

    @cached_property
    def _by_source(self) -> dict[str | None, list[Quote]]:
        out: dict[str | None, list[Quote]] = {}
        for q in self.quotes:
            out.setdefault(q.source_id, []).append(q)
        return out

    def quotes_of(self, source: Source) -> list[Quote]:
        return self._by_source.get(source.id, [])

    def mentions(self, source: Source) -> list[Mention]:
        """Every stretch of text that refers to ``source``, in text order:
        speaker mentions of its quotes, its mentions and its descriptor."""
        found = {m.span: m for m in source.mentions}
        found.update({q.speaker.span: q.speaker for q in self.quotes_of(source) if q.speaker})
        if source.descriptor is not None:
            found[source.descriptor.span] = source.descriptor
        return sorted(found.values(), key=lambda m: (m.span.start, m.span.end))

    def first_mention(self, source: Source) -> Mention | None:
        """Where the story first attributes to ``source``: the earliest speaker
        mention of its quotes, else its earliest mention."""
        speakers = [q.speaker for q in self.quotes_of(source) if q.speaker]
        pool = speakers or list(source.mentions)
        return min(pool, key=lambda m: (m.span.start, m.span.end), default=None)

    def label(self, source: Source) -> str:
        m = self.first_mention(source)
        return m.text if m is not None else source.name

    def first_quote_id(self, source: Source) -> str | None:
        qs = self.quotes_of(source)
        return min(qs, key=lambda q: q.span.start).id if qs else None

    def is_weasel_source(self, source: Source) -> bool:
        m = self.first_mention(source)
        return is_weasel(m.text if m is not None else source.name)


def _hit_for_source(ctx: Context, source: Source, message: str, suggestion: str | None = None) -> Hit:
    m = ctx.first_mention(source)
    return Hit(message, m.span if m else None, ctx.first_quote_id(source), source.id, suggestion)


# --- the rules ------------------------------------------------------------------------

_DETERMINERS = frozenset("a an the this that these those one he she they him her them it".split())


def _description(text: str) -> tuple[str, ...]:
    """How a mention describes its source, determiners and pronouns dropped:
    "An official" and "the official" describe alike; "he" describes nothing."""
    return tuple(t for t in tokens(text) if t not in _DETERMINERS)


@rule("anonymous-without-reason", "warning", "Anonymity granted without a stated reason")
def anonymous_without_reason(ctx: Context) -> Iterator[Hit]:
    """An anonymous source the story gives no reason for not naming.

    Example: "American officials are reporting that ..." (no "who spoke on
    condition of anonymity because ..."). AP, NYT and Reuters ask the story to
    say why anonymity was granted. One finding per source and description:
    the span is the speaker mention where the source is first attributed
    ("American officials"), and again where it is attributed under a new
    description ("Senior American officials"); "the official" after "an
    official", or "he", is not reported again. A bare weasel group
    ("critics", "sources") is no confidential source: it is reported as
    vague-attribution instead.
    """
    for s in ctx.sources:
        if s.type != "anonymous" or s.anonymity_reason is not None or ctx.is_weasel_source(s):
            continue
        attributed = sorted((q for q in ctx.quotes_of(s) if q.speaker), key=lambda q: q.speaker.span.start)
        if not attributed:
            yield _hit_for_source(ctx, s, _no_reason(s.name), _REASON_HINT)
            continue
        described: set[tuple[str, ...]] = set()
        for q in attributed:
            key = _description(q.speaker.text)
            if key in described or (not key and described):
                continue
            described.add(key)
            yield Hit(_no_reason(q.speaker.text), q.speaker.span, q.id, s.id, _REASON_HINT)


def _no_reason(label: str) -> str:
    return f'"{label}" is quoted without a name, and the story does not say why the source was granted anonymity.'


_REASON_HINT = ("Say why, e.g. “who spoke on condition of anonymity because they were not "
                "authorized to discuss the talks”.")


@rule("anonymous-without-basis", "warning", "Anonymous source without position or basis of knowledge")
def anonymous_without_basis(ctx: Context) -> Iterator[Hit]:
    """An anonymous source described by no more than a bare noun and a rank.

    Example: "an official said" or "a senior official said" (versus "a senior
    official who attended the meeting" or "a State Department official").
    AP and NYT ask the story to tell readers the source's position and how
    they know. A bare weasel group ("critics", "sources") is reported as
    vague-attribution instead. Span: the source's first speaker mention.
    """
    for s in ctx.sources:
        if s.type != "anonymous" or s.organisation or ctx.is_weasel_source(s):
            continue
        texts = [m.text for m in ctx.mentions(s)] + [s.name]
        if not any(describes_position(t) for t in texts):
            yield _hit_for_source(
                ctx, s, f'"{ctx.label(s)}" is anonymous and the story does not say what position the '
                        "source holds or how they know.",
                "Describe the source: where they work and how they know, "
                "e.g. “an official who attended the meeting”.")


@rule("anonymous-only-claim", "info", "Claim resting on anonymous sources alone")
def anonymous_only_claim(ctx: Context) -> Iterator[Hit]:
    """A claim whose only support is anonymous (a quotation, or overlapping
    quotations, all from anonymous sources).

    Example: "American officials are reporting that Iran is supplying Iraqi
    forces ..." with no named or institutional source for the same claim.
    Reuters and the NYT ask for anonymous material to be corroborated. The
    span is the claim (the quoted or reported words).
    """
    for claim in ctx.claims:
        if anonymous_only(claim, ctx.types):
            first = claim[0]
            by = {ctx.doc.text[q.speaker.span.start:q.speaker.span.end] for q in claim if q.speaker}
            who = ", ".join(f'"{b}"' for b in sorted(by)) or "anonymous sources"
            yield Hit(f"This claim rests on anonymous sources alone ({who}).", claim_span(claim),
                      first.id, first.source_id,
                      "Corroborate it with a named or institutional source, or say why that is not possible.")


@rule("vague-attribution", "warning", "Vague (weasel) attribution")
def vague_attribution(ctx: Context) -> Iterator[Hit]:
    """A claim attributed to nobody in particular.

    Example: "There are also claims that ...", "critics say", "some experts",
    "it is believed", "reportedly". Wikipedia's "words to watch" (MOS:WEASEL)
    and the AP's sourcing rules ask who, exactly, is speaking. The span is the
    vague phrase: the quote's cue ("There are also claims"), else its bare
    speaker ("some experts"), else the phrase found in the story's own prose
    (text inside direct quotations is the speaker's, and is skipped).
    """
    patterns = vague_patterns(ctx.policy.vague_phrases)
    seen: list[Span] = []

    def vague_in(text: str) -> re.Match | None:
        return next((m for p in patterns if (m := p.search(text))), None)

    for q in ctx.quotes:
        if q.cue is not None and (m := vague_in(q.cue.text)):
            span = Span(q.cue.span.start + m.start(), q.cue.span.start + m.end())
            yield Hit(f'"{m.group()}" does not say who makes this claim.', span, q.id, q.source_id,
                      "Name the source, or describe who they are and how they know.")
            seen.append(span)
        elif q.speaker is not None and is_weasel(q.speaker.text):
            yield Hit(f'"{q.speaker.text}" does not say who, exactly, is speaking.', q.speaker.span,
                      q.id, q.source_id, "Name the people, or say who they are and how many.")
            seen.append(q.speaker.span)
    quoted = [f for q in ctx.quotes if q.kind != "indirect" for f in (q.fragments or (q.span,))]
    text = ctx.doc.text
    found: list[Span] = []
    taken = seen + quoted
    for m in vague_matches(text, ctx.policy.vague_phrases):
        span = Span(m.start(), m.end())
        if not any(span.overlaps(s) for s in taken) and not any(span.overlaps(s) for s in found):
            found.append(span)
    for span in sorted(found):
        yield Hit(f'"{span.of(text)}" does not say who makes this claim.', span, None, None,
                  "Name the source, or describe who they are and how they know.")


@rule("loaded-verb", "warning", "Non-neutral attribution verb")
def loaded_verb_rule(ctx: Context) -> Iterator[Hit]:
    """An attribution verb that judges the speaker, where "said" is neutral.

    Example: "the minister admitted" (suggestion: "the minister said"),
    "claimed", "insisted", "conceded", "alleged". The AP Stylebook and the
    Reuters Handbook call "said" the neutral verb; Wikipedia's MOS:SAID lists
    the loaded ones. The span is the cue; the suggestion rewrites it.
    """
    for q in ctx.quotes:
        hit = loaded_cue(q.cue, ctx.policy)
        if hit is not None:
            lemma, neutral, why = hit
            because = f" ({why})" if why else ""
            yield Hit(f'"{q.cue.text}" is not neutral{because}; "{neutral}" is.', q.cue.span, q.id,
                      q.source_id, neutral)


@rule("unattributed-quote", "error", "Direct quotation with no speaker")
def unattributed_quote(ctx: Context) -> Iterator[Hit]:
    """A direct or partial quotation the story attributes to no one.

    Example: a paragraph that is only “We will not back down.” with no
    speaker near it. Every quotation needs a speaker (AP: "the source of
    a quotation must be clear"). The span is the quotation.
    """
    for q in ctx.quotes:
        if q.kind in ("direct", "partial") and ctx.types[q.id] == "unattributed" and q.speaker is None:
            yield Hit("This quotation has no speaker.", q.span, q.id, None,
                      "Say who said it, or cut it.")


@rule("single-source-story", "warning", "Every quotation from one source")
def single_source_story(ctx: Context) -> Iterator[Hit]:
    """A story whose attributed quotations all come from one source (at least
    ``thresholds.single_source_min_quotes`` of them, default 2).

    Example: three quotes, all from the mayor. Standards desks ask for more
    than one voice, and the other side's, on a contested story. The span is
    that source's first speaker mention.
    """
    attributed = [q for q in ctx.quotes if ctx.types[q.id] != "unattributed"]
    ids = {q.source_id for q in attributed}
    if len(ids) == 1 and len(attributed) >= ctx.policy.thresholds.single_source_min_quotes:
        s = next(s for s in ctx.sources if s.id in ids)
        yield _hit_for_source(ctx, s, f'All {len(attributed)} attributed quotations come from one '
                                      f'source, "{ctx.label(s)}".',
                              "Add another voice: someone affected, an independent expert, the other side.")


@rule("unnamed-spokesperson", "info", "Institution quoted through an unnamed spokesperson")
def unnamed_spokesperson(ctx: Context) -> Iterator[Hit]:
    """An institution quoted through a spokesperson the story does not name.

    Example: "a spokesman for the ministry said". The AP asks that
    spokespeople be named where possible; an unnamed one puts no person on
    the record. Titles come from ``lexicon/spokesperson_titles.txt`` and the
    policy's ``house_titles``. The span is the mention with the title, or
    the title and the mention of the institution it precedes ("a spokesman
    for the ministry" when the speaker mention is "the ministry").
    """
    anywhere, before = spokesperson_patterns(ctx.policy.house_titles)
    text = ctx.doc.text

    def spokesperson_span(m: Mention) -> Span | None:
        if anywhere.search(m.text):
            return m.span
        hit = before.search(text, max(0, m.span.start - 80), m.span.start)
        return Span(hit.start(), m.span.end) if hit else None

    for s in ctx.sources:
        if s.type != "institutional":
            continue
        span = next((sp for m in ctx.mentions(s) if (sp := spokesperson_span(m))), None)
        if span is None:
            continue
        yield Hit(f'{s.organisation or s.name} is quoted through an unnamed spokesperson ("{span.of(text)}").',
                  span, ctx.first_quote_id(s), s.id,
                  "Name the spokesperson, or attribute the statement to the institution itself.")


@rule("anonymous-share", "warning", "Too much of the story is anonymous")
def anonymous_share(ctx: Context) -> Iterator[Hit]:
    """The share of quotations (or of sources) that are anonymous is above the
    policy's threshold (``thresholds.max_anonymous_quote_share``, default 0.5;
    ``max_anonymous_source_share``, default off).

    Example: four quotations, three of them from "officials". A story-level
    finding: no span.
    """
    t = ctx.policy.thresholds
    quotes = len(ctx.quotes)
    anonymous_quotes = sum(1 for q in ctx.quotes if ctx.types[q.id] == "anonymous")
    real = [s for s in ctx.sources if s.type != "unattributed"]
    anonymous_sources = sum(1 for s in real if s.type == "anonymous")
    if quotes and t.max_anonymous_quote_share is not None and anonymous_quotes / quotes > t.max_anonymous_quote_share:
        yield Hit(f"{anonymous_quotes} of {quotes} quotations are anonymous "
                  f"({anonymous_quotes / quotes:.0%}); the policy allows {t.max_anonymous_quote_share:.0%}.",
                  suggestion="Put more of the story on the record.")
    if real and t.max_anonymous_source_share is not None and anonymous_sources / len(real) > t.max_anonymous_source_share:
        yield Hit(f"{anonymous_sources} of {len(real)} sources are anonymous "
                  f"({anonymous_sources / len(real):.0%}); the policy allows {t.max_anonymous_source_share:.0%}.",
                  suggestion="Put more of the story on the record.")


# --- running them -------------------------------------------------------------------

def run_rules(ctx: Context) -> tuple[Finding, ...]:
    """Every enabled rule's findings, with the policy's severities, in text
    order (story-level findings, which have no span, last)."""
    order = {rule_id: i for i, rule_id in enumerate(RULES)}
    out = []
    for r in RULES.values():
        if not ctx.policy.enabled(r.id):
            continue
        severity = ctx.policy.severity(r.id)
        for h in r.check(ctx):
            out.append(Finding(r.id, severity, h.message, h.span, h.quote_id, h.source_id, h.suggestion))
    out.sort(key=lambda f: (f.span is None, f.span.start if f.span else 0,
                            f.span.end if f.span else 0, order[f.rule]))
    return tuple(out)
