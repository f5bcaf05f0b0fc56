"""The engine's result model: frozen dataclasses carrying character spans.

Every span is a pair of offsets into ``Document.text`` (the plain text the
engine reads); ``Document.to_source`` maps a span back to the string the
client sent. Stages return new objects and never mutate their inputs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .document import Document

QuoteKind = Literal["direct", "partial", "indirect"]
SourceType = Literal["named", "anonymous", "institutional", "unattributed"]
Severity = Literal["info", "warning", "error"]

SOURCE_TYPES: tuple[str, ...] = ("named", "anonymous", "institutional", "unattributed")
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The characters this span covers in ``text``."""
        return text[self.start:self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    paragraph: int  # index into Document.paragraphs


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text naming someone or something: a speaker mention,
    a descriptor, a stated reason for anonymity."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that mark speech: a verb ("said"), or a phrase
    ("according to", "there are claims")."""

    span: Span
    text: str
    lemma: str  # normalised form: "say", "according to"
    loaded: bool = False  # a non-neutral verb ("claimed", "admitted")
    neutral: str | None = None  # the neutral suggestion for a loaded verb


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the quoted or reported words, without quotation marks.

    ``span`` runs from the first quoted character to the last; a quotation
    broken by its attribution (``"We will win," she said, "and soon."``) is
    one quote whose ``fragments`` are the quoted pieces.
    """

    id: str
    kind: QuoteKind
    span: Span
    text: str
    fragments: tuple[Span, ...] = ()
    cue: Cue | None = None
    speaker: Mention | None = None
    source_id: str | None = None
    rule: str | None = None  # id of the attribution sieve that found the speaker
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Source:
    """Who the article says said it: one entity, however often mentioned."""

    id: str
    name: str  # canonical name or description: "John Kerry", "a senior American official"
    type: SourceType
    descriptor: Mention | None = None  # "Secretary of State", "a visiting fellow at ..."
    mentions: tuple[Mention, ...] = ()
    anonymity_reason: Mention | None = None
    quote_ids: tuple[str, ...] = ()
    organisation: str | None = None  # for spokespeople and "X officials": the body behind them


@dataclass(frozen=True, slots=True)
class Finding:
    """One editorial finding, pointing at its place in the text."""

    rule: str
    severity: Severity
    message: str
    span: Span | None = None
    quote_id: str | None = None
    source_id: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Deduction:
    """Points the score lost to one rule, and why: ``count`` findings at
    ``per_finding`` points each, limited to ``cap``."""

    rule: str
    points: float
    count: int
    reason: str
    per_finding: float = 0.0
    cap: float = 0.0


@dataclass(frozen=True, slots=True)
class Score:
    """``base`` minus the deductions, clamped to 0-100, and its letter."""

    value: int  # 0-100
    grade: str  # A-F
    deductions: tuple[Deduction, ...] = ()
    base: float = 100.0


@dataclass(frozen=True, slots=True)
class Readability:
    """Readability of the article's plain text (``readability.measure``)."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    automated_readability_index: float
    words: int
    sentences: int
    reading_time_seconds: float


@dataclass(frozen=True, slots=True)
class Summary:
    """Aggregates over quotes and sources (filled by ``report.build_report``).

    Shares are fractions in [0, 1]. A claim is a quotation, or several whose
    spans overlap (the same words attributed to more than one source).
    """

    quotes: int = 0
    quotes_by_kind: dict[str, int] = field(default_factory=dict)
    quotes_by_type: dict[str, int] = field(default_factory=dict)
    sources: int = 0
    sources_by_type: dict[str, int] = field(default_factory=dict)
    anonymous_quote_share: float = 0.0
    anonymous_source_share: float = 0.0
    words_quoted_by_type: dict[str, int] = field(default_factory=dict)
    claims: int = 0
    anonymous_only_claims: int = 0
    anonymous_only_claim_share: float = 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """The sourcing-transparency report for one article."""

    document: "Document"
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    findings: tuple[Finding, ...] = ()
    summary: Summary = field(default_factory=Summary)
    readability: Readability | None = None
    score: Score | None = None
    title: str | None = None
    id: str | None = None

    def source(self, source_id: str | None) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

