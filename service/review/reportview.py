"""What the report page shows, built from a report dict (the wire form).

The page reads only the dict and the text it was made from, so a stored
report renders the same as a fresh one.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from service.engine import Document, InputError, Span, load
from service.store import Decision, FindingKey, finding_keys

from markupsafe import Markup

from .article import Run, anchor_id, runs
from .highlight import article_markup

SOURCE_TYPES: tuple[str, ...] = ("named", "anonymous", "institutional", "unattributed")
TYPE_LABELS = {
    "named": "Named",
    "anonymous": "Anonymous",
    "institutional": "Institutional",
    "unattributed": "Unattributed",
}
TYPE_HELP = {
    "named": "a person the article identifies by name",
    "anonymous": "people whose identity the article withholds",
    "institutional": "an organisation or a document speaking as such",
    "unattributed": "no source given at all",
}
# Lists beside the article show at most this many entries each (quote cards, findings, a
# source's quotes): the article's highlights cover every quote, the lists stay readable
# and the page renders in time for a report of tens of thousands of quotes.
LIST_LIMIT = 300
KIND_LABELS = {"direct": "Direct quote", "partial": "Partial quote", "indirect": "Reported speech"}


@dataclass(frozen=True, slots=True)
class FindingView:
    anchor: str  # this finding's id in the findings list
    rule: str
    severity: str
    message: str
    suggestion: str | None
    href: str | None  # where in the text it points, if anywhere
    excerpt: str | None
    index: int = 0  # its place in the report's findings
    decision: Decision | None = None  # the decision in force (maybe carried from an earlier version)
    change: str | None = None  # against the previous version: "new" or "persisting"; None: no earlier version


@dataclass(frozen=True, slots=True)
class QuoteView:
    id: str
    anchor: str  # the highlight's id: "q-..."
    detail: str  # the details card's id: "qd-..."
    text: str
    kind: str
    source_type: str
    speaker: str | None
    source_name: str | None
    descriptor: str | None
    organisation: str | None
    anonymity_reason: str | None
    cue: str | None
    cue_loaded: bool
    cue_neutral: str | None
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    name: str
    type: str
    descriptor: str | None
    organisation: str | None
    anonymity_reason: str | None
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    type: str
    label: str
    count: int
    width: float  # in chart units, 0..Chart.span
    y: float


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    total: int
    span: float = 220.0
    label_width: float = 110.0
    row: float = 30.0

    @property
    def height(self) -> float:
        return self.row * len(self.bars) + 6

    @property
    def width(self) -> float:
        return self.label_width + self.span + 40


@dataclass(frozen=True, slots=True)
class ReportView:
    title: str
    format: str
    runs: tuple[Run, ...]
    quotes: tuple[QuoteView, ...]
    sources: tuple[SourceView, ...]
    unattributed: tuple[QuoteView, ...]  # quotes with no source entity
    findings: tuple[FindingView, ...]
    score: int | None
    grade: str | None
    deductions: tuple[dict, ...]
    chart: Chart
    counts: dict[str, int]  # quotes by source type
    stats: dict
    by_id: dict[str, QuoteView]
    carded: frozenset[str] = frozenset()  # ids of the quotes with a details card (the first LIST_LIMIT)
    list_limit: int = LIST_LIMIT
    set_aside: tuple[tuple[str, str], ...] = ()  # (what it is, its words): furniture and code not audited

    def quote(self, quote_id: str) -> QuoteView:
        return self.by_id[quote_id]

    def article_html(self) -> Markup:
        """The article panel's text with every quote highlighted (``highlight``)."""
        return article_markup(self.runs, self.quote, self.carded)


def build(report: dict, text: str, title: str | None = None, *,
          decisions: dict[FindingKey, Decision] | None = None,
          earlier: set[FindingKey] | None = None) -> ReportView:
    """The page's view of ``report``, made from ``text`` (as sent); with the
    ``decisions`` in force and the finding keys of the ``earlier`` version."""
    decisions = decisions or {}
    keys = finding_keys(report)
    quotes = [q for q in report.get("quotes") or () if isinstance(q, dict)]
    shown, doc = rendered(text, str(report.get("format", "text")))
    if doc is not None:  # offsets into the markup, mapped onto the text a reader sees
        quotes = [_shown_quote(doc, q) for q in quotes]
    sources = {s.get("id"): s for s in report.get("sources") or () if isinstance(s, dict)}
    raw_findings = [f for f in report.get("findings") or () if isinstance(f, dict)]
    quote_anchor = {str(q.get("id")): anchor_id("q", q.get("id")) for q in quotes}

    findings, by_quote, anchors = [], {}, {}
    for i, f in enumerate(raw_findings):
        qid = f.get("quote_id")
        span = f.get("span") if isinstance(f.get("span"), dict) else None
        if span and doc is not None and isinstance(span.get("start"), int):
            span = _shown_span(doc, span) or {**span, "start": _shown_at(doc, span["start"])}
        href = None
        if qid is not None and str(qid) in quote_anchor:
            href = "#" + quote_anchor[str(qid)]
        elif span and isinstance(span.get("start"), int):
            anchors[f"at-f{i}"] = span["start"]
            href = f"#at-f{i}"
        key = keys[i]
        view = FindingView(anchor=f"f{i}", rule=str(f.get("rule", "")), severity=str(f.get("severity", "info")),
                           message=str(f.get("message", "")), suggestion=f.get("suggestion"), href=href,
                           excerpt=_excerpt(span.get("text")) if span else None, index=i,
                           decision=decisions.get(key),
                           change=None if earlier is None else ("persisting" if key in earlier else "new"))
        findings.append(view)
        if qid is not None:
            by_quote.setdefault(str(qid), []).append(view)

    qviews = []
    for q in quotes:
        qid = str(q.get("id"))
        src = sources.get(q.get("source_id")) or {}
        cue = q.get("cue") if isinstance(q.get("cue"), dict) else None
        qviews.append(QuoteView(
            id=qid, anchor=quote_anchor[qid], detail=anchor_id("qd", qid), text=str(q.get("text", "")),
            kind=str(q.get("kind", "direct")), source_type=_type(q.get("source_type")),
            speaker=_text(q.get("speaker")), source_name=src.get("name"), descriptor=_text(src.get("descriptor")),
            organisation=src.get("organisation"), anonymity_reason=_text(src.get("anonymity_reason")),
            cue=_text(cue), cue_loaded=bool(cue and cue.get("loaded")), cue_neutral=cue.get("neutral") if cue else None,
            findings=tuple(by_quote.get(qid, ())),
        ))
    by_id = {q.id: q for q in qviews}

    sviews = tuple(SourceView(
        id=str(s.get("id")), name=str(s.get("name", "")), type=_type(s.get("type")),
        descriptor=_text(s.get("descriptor")), organisation=s.get("organisation"),
        anonymity_reason=_text(s.get("anonymity_reason")),
        quotes=tuple(by_id[str(i)] for i in s.get("quote_ids") or () if str(i) in by_id),
    ) for s in sources.values())
    attributed = {q.id for s in sviews for q in s.quotes}  # by id: linear in quotes, not quotes x sources
    unattributed = tuple(q for q in qviews if q.id not in attributed)

    counts = {t: 0 for t in SOURCE_TYPES}
    for q in qviews:
        counts[q.source_type] += 1
    score = report.get("score") if isinstance(report.get("score"), dict) else None
    return ReportView(
        title=title or report.get("title") or display_title(text, str(report.get("format", "text"))),
        format=str(report.get("format", "text")),
        runs=tuple(runs(shown, quotes, anchors)),
        quotes=tuple(qviews), sources=sviews, unattributed=unattributed, findings=tuple(findings),
        score=score.get("value") if score else None, grade=score.get("grade") if score else None,
        deductions=tuple(d for d in (score or {}).get("deductions") or () if isinstance(d, dict)),
        chart=chart(counts), counts=counts, stats=report.get("stats") or {}, by_id=by_id,
        carded=frozenset(q.id for q in qviews[:LIST_LIMIT]),
        set_aside=_set_aside(report),
    )


SET_ASIDE_LABELS = {"link": "Link line", "advert": "Advert line", "caption": "Caption or credit", "byline": "Byline",
                    "contact": "Contact line", "note": "Editor's note", "timestamp": "Time stamp",
                    "dateline": "Dateline", "label": "Section label", "code": "Code"}
_TAG = re.compile(r"<[^>]*>")


def _set_aside(report: dict) -> tuple[tuple[str, str], ...]:
    """What the report says was not audited, as (label, words) for the page:
    markup taken out of the words, the first ``LIST_LIMIT`` of them."""
    out = []
    for a in report.get("set_aside") or ():
        if isinstance(a, dict) and isinstance(a.get("text"), str):
            words = " ".join(html.unescape(_TAG.sub(" ", a["text"])).split())
            out.append((SET_ASIDE_LABELS.get(str(a.get("kind")), "Set aside"), words))
    return tuple(out[:LIST_LIMIT])


def rendered(text: str, format: str) -> tuple[str, Document | None]:
    """What the page shows of an article: HTML as the text a reader sees (tags
    gone, entities decoded, scripts, styles and form fields left out) with the
    document that maps it back to the markup; other formats as written."""
    if format != "html":
        return text, None
    try:
        doc = load(text, "html", max_chars=None, sentences=False)
    except InputError:
        return text, None
    return doc.text, doc


def _shown_span(doc: Document, span: dict) -> dict | None:
    """``span`` (offsets into the markup) as offsets into ``doc.text``, only if
    it maps back to exactly the same markup offsets."""
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.source)):
        return None
    at = doc.from_source(Span(start, end))
    if at is None or doc.to_source(at) != Span(start, end):
        return None
    return {"start": at.start, "end": at.end, "text": at.of(doc.text)}


def _shown_at(doc: Document, offset: int) -> int:
    at = doc.from_source(Span(offset, len(doc.source)))
    return at.start if at else len(doc.text)


def _shown_quote(doc: Document, q: dict) -> dict:
    """A quote dict with its span and fragments on the rendered text (a
    fragment that does not map is left out, so it is not highlighted)."""
    whole = _shown_span(doc, q)
    frags = [m for f in q.get("fragments") or [q] if isinstance(f, dict) and (m := _shown_span(doc, f))]
    text = whole["text"] if whole else " … ".join(f["text"] for f in frags) or str(q.get("text", ""))
    return {**q, **(whole or {"start": None, "end": None}), "text": text, "fragments": frags or [{}]}


def chart(counts: dict[str, int]) -> Chart:
    """Horizontal bars of quotes by source type, scaled to the largest."""
    top = max(counts.values(), default=0) or 1
    span, row = Chart.span, Chart.row
    bars = tuple(Bar(type=t, label=TYPE_LABELS[t], count=counts.get(t, 0),
                     width=round(span * counts.get(t, 0) / top, 1), y=i * row + 3)
                 for i, t in enumerate(SOURCE_TYPES))
    return Chart(bars=bars, total=sum(counts.values()))


def display_title(text: str, format: str = "text", limit: int = 90) -> str:
    """A title for an untitled article: its first line, without markup (an
    HTML article's first rendered line, read from its first few kilobytes)."""
    if format == "html":
        text = rendered(text[:8192], "html")[0]
    for line in text.splitlines():
        line = re.sub(r"<[^>]*>", " ", line)
        line = re.sub(r"^\s*#{1,6}\s*", "", line)
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"
    return "Untitled article"


def _type(value) -> str:
    return value if value in SOURCE_TYPES else "unattributed"


def _text(span) -> str | None:
    return span.get("text") if isinstance(span, dict) else None


def _excerpt(text: str | None, limit: int = 120) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
