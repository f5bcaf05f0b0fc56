"""Editorial findings: a registry of small named rules over quotes and sources.

Each rule is a function registered with ``@rule(id, severity, title)``; its
docstring says what it catches, with an example, the standard behind it and
where its span points. A rule yields ``Hit``s; ``run_rules`` gives each hit the
severity the policy sets and returns ``Finding``s in text order.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .. import deadline
from ..document import Document
from ..model import Finding, Mention, Quote, Severity, Source, Span
from ..words import PHRASE_FILLERS
from .summary import anonymous_only, claim_span, claims, source_types
from .wording import (LoadedVerb, describes_position, is_weasel, spokesperson_patterns, tokens,
                      vague_anywhere, vague_matches, vague_patterns)

if TYPE_CHECKING:
    from ..policy import Policy


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


# --- the context every rule reads ----------------------------------------------------

@dataclass(frozen=True)
class Context:
    """The article, its quotes and sources, and the policy, with the lookups
    rules share. ``loaded`` is each quote's loaded verb (or None), in the
    order of ``quotes``: worked out once, by ``build_report``."""

    doc: Document
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    policy: "Policy"
    loaded: tuple[LoadedVerb | None, ...]

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
        pool: list[Mention] = [q.speaker for q in self.quotes_of(source) if q.speaker is not None]
        if not pool:
            pool = list(source.mentions)
        if not pool:
            return None
        return min(pool, key=lambda m: (m.span.start, m.span.end))

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



def _description(text: str) -> tuple[str, ...]:
    """How a mention describes its source, determiners and pronouns dropped:
    "An official" and "the official" describe alike; "he" describes nothing."""
    return tuple(t for t in tokens(text) if t not in PHRASE_FILLERS)


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
        attributed = sorted(((q, m) for q in ctx.quotes_of(s) if (m := q.speaker) is not None),
                            key=lambda qm: qm[1].span.start)
        if not attributed:
            yield _hit_for_source(ctx, s, _no_reason(s.name), _REASON_HINT)
            continue
        described: set[tuple[str, ...]] = set()
        for q, m in attributed:
            key = _description(m.text)
            if key in described or (not key and described):
                continue
            described.add(key)
            yield Hit(_no_reason(m.text), m.span, q.id, s.id, _REASON_HINT)


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
    anywhere = vague_anywhere(ctx.policy.vague_phrases)
    seen: list[Span] = []

    def vague_in(text: str) -> re.Match | None:
        # one search of every phrase at once first: most cues hold none (it finds one where any phrase would)
        if anywhere.search(text) is None:
            return None
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
    for q, hit in zip(ctx.quotes, ctx.loaded, strict=True):
        if hit is not None and q.cue is not None:  # a loaded verb is a cue's
            because = f" ({hit.why})" if hit.why else ""
            yield Hit(f'"{q.cue.text}" is not neutral{because}; "{hit.neutral}" is.', q.cue.span, q.id,
                      q.source_id, hit.neutral)


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
    the record. Titles come from ``lexicon/spokespeople.txt`` (its spokespeople) and the
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
        deadline.check()
        severity = ctx.policy.severity(r.id)
        for h in r.check(ctx):
            out.append(Finding(r.id, severity, h.message, h.span, h.quote_id, h.source_id, h.suggestion))
    out.sort(key=lambda f: (f.span is None, f.span.start if f.span else 0,
                            f.span.end if f.span else 0, order[f.rule]))
    return tuple(out)
