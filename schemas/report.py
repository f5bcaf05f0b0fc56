"""The report's wire form: marshmallow schemas (the contract, and the source
of the OpenAPI document) and ``dump_report``, which turns the engine's
``Report`` into that form.

Every offset on the wire is into the string the client sent, counted in
Python code points (``unit``), and every spanned object carries ``text``,
exactly ``sent[start:end]``, so a client counting UTF-16 units can re-anchor.
"""
from __future__ import annotations

from dataclasses import asdict

from marshmallow import Schema, fields, validate

from service.engine import PATTERNS, QUOTE_KINDS, SEVERITIES, SOURCE_TYPES, Report, Span


class SpanSchema(Schema):
    start = fields.Integer(required=True, metadata={"description": "offset of the first character (code points)"})
    end = fields.Integer(required=True, metadata={"description": "offset after the last character"})
    text = fields.String(required=True, metadata={"description": "exactly sent[start:end]"})


class CueSchema(SpanSchema):
    lemma = fields.String(required=True, metadata={"description": "normalised cue: 'say', 'according to'"})
    loaded = fields.Boolean(required=True, metadata={"description": "a non-neutral attribution verb"})
    neutral = fields.String(allow_none=True, metadata={"description": "the neutral suggestion"})


class QuoteSchema(SpanSchema):
    id = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(QUOTE_KINDS))
    fragments = fields.List(fields.Nested(SpanSchema), required=True,
                            metadata={"description": "the quoted pieces of a quote broken by its attribution"})
    cue = fields.Nested(CueSchema, allow_none=True, required=True)
    speaker = fields.Nested(SpanSchema, allow_none=True, required=True,
                            metadata={"description": "the speaker mention at the attribution"})
    source_id = fields.String(allow_none=True, required=True)
    source_type = fields.String(required=True, validate=validate.OneOf(SOURCE_TYPES))
    rule = fields.String(allow_none=True, validate=validate.OneOf(list(PATTERNS)), metadata={
        "description": "id of the attribution pattern that found the quote and its speaker (README: Attribution patterns)"})
    paragraph = fields.Integer(required=True)


class SourceSchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    type = fields.String(required=True, validate=validate.OneOf(SOURCE_TYPES))
    descriptor = fields.Nested(SpanSchema, allow_none=True, required=True)
    mentions = fields.List(fields.Nested(SpanSchema), required=True)
    anonymity_reason = fields.Nested(SpanSchema, allow_none=True, required=True)
    quote_ids = fields.List(fields.String(), required=True)
    organisation = fields.String(allow_none=True)


class DecisionSchema(Schema):
    """A standards editor's decision on a finding of a stored report."""

    state = fields.String(required=True, validate=validate.OneOf(("accepted", "dismissed", "reopened")), metadata={
        "description": "accepted: will be fixed; dismissed: stands as written (see note); reopened: open again"})
    note = fields.String(allow_none=True, required=True, metadata={
        "description": "why; required for a dismissal", "example": "source's position given in the next graf"})
    editor = fields.String(required=True, metadata={"description": "who decided: the signed-in editor"})
    decided_at = fields.String(required=True, metadata={"description": "when (ISO 8601, UTC)",
                                                        "format": "date-time"})
    carried_from = fields.String(allow_none=True, required=True, metadata={
        "description": "the earlier version's stored id the decision was made on; null: made on this one"})


class FindingSchema(Schema):
    rule = fields.String(required=True, metadata={
        "description": "the rule's id, e.g. 'anonymous-without-reason' (docs/report.md lists them)"})
    severity = fields.String(required=True, validate=validate.OneOf(SEVERITIES),
                             metadata={"description": "info, warning or error, as the policy sets"})
    message = fields.String(required=True, metadata={"description": "what is wrong, for the editor"})
    span = fields.Nested(SpanSchema, allow_none=True, required=True, metadata={
        "description": "the words the finding is about; null for a story-level finding"})
    quote_id = fields.String(allow_none=True, metadata={"description": "the quotation concerned"})
    source_id = fields.String(allow_none=True, metadata={"description": "the source concerned"})
    suggestion = fields.String(allow_none=True, metadata={
        "description": "what to do; for loaded-verb, the cue rewritten with the neutral verb"})
    decision = fields.Nested(DecisionSchema, allow_none=True, metadata={
        "description": "on a stored report: the decision in force on this finding (null: none yet)"})


_BY_TYPE = {"description": "keyed by source type: named, anonymous, institutional, unattributed"}


class SummarySchema(Schema):
    quotes = fields.Integer(required=True, metadata={"description": "quotations, direct and reported"})
    quotes_by_kind = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True,
                                 metadata={"description": "keyed by kind: direct, partial, indirect"})
    quotes_by_type = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True,
                                 metadata=_BY_TYPE)
    sources = fields.Integer(required=True, metadata={"description": "distinct sources"})
    sources_by_type = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True,
                                  metadata=_BY_TYPE)
    anonymous_quote_share = fields.Float(required=True, metadata={
        "description": "share of quotations from anonymous sources (0-1)"})
    anonymous_source_share = fields.Float(required=True, metadata={
        "description": "share of sources that are anonymous, unattributed ones left out (0-1)"})
    words_quoted_by_type = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True,
                                       metadata=_BY_TYPE)
    claims = fields.Integer(required=True, metadata={
        "description": "claims: quotations, overlapping ones counted once"})
    anonymous_only_claims = fields.Integer(required=True, metadata={
        "description": "claims resting on anonymous sources alone"})
    anonymous_only_claim_share = fields.Float(required=True, metadata={
        "description": "anonymous_only_claims / claims (0-1)"})


class ReadabilitySchema(Schema):
    flesch_reading_ease = fields.Float(required=True, metadata={
        "description": "Flesch reading ease: higher is easier; 60-70 is plain English"})
    flesch_kincaid_grade = fields.Float(required=True, metadata={"description": "US school grade"})
    gunning_fog = fields.Float(required=True, metadata={"description": "Gunning fog index (years of schooling)"})
    smog_index = fields.Float(required=True, metadata={"description": "SMOG grade; 0 under three sentences"})
    coleman_liau_index = fields.Float(required=True, metadata={"description": "Coleman-Liau grade"})
    automated_readability_index = fields.Float(required=True, metadata={"description": "ARI grade"})
    words = fields.Integer(required=True)
    sentences = fields.Integer(required=True)
    reading_time_seconds = fields.Float(required=True, metadata={"description": "at 238 words a minute"})


class DeductionSchema(Schema):
    rule = fields.String(required=True)
    points = fields.Float(required=True, metadata={"description": "points lost to this rule"})
    count = fields.Integer(required=True, metadata={"description": "findings of this rule"})
    reason = fields.String(required=True, metadata={"description": "the arithmetic, in words"})
    per_finding = fields.Float(required=True, metadata={"description": "points each finding costs"})
    cap = fields.Float(required=True, metadata={"description": "most points this rule can cost"})


class ScoreSchema(Schema):
    value = fields.Integer(required=True, validate=validate.Range(0, 100), metadata={
        "description": "base minus the deductions, clamped to 0-100"})
    grade = fields.String(required=True, metadata={"description": "letter by the policy's bands (A-F)"})
    base = fields.Float(required=True, metadata={"description": "the score before deductions"})
    deductions = fields.List(fields.Nested(DeductionSchema), required=True,
                             metadata={"description": "biggest first"})


class StatsSchema(Schema):
    characters = fields.Integer(required=True)
    words = fields.Integer(required=True)
    sentences = fields.Integer(required=True)
    paragraphs = fields.Integer(required=True)


SET_ASIDE_KINDS = ("link", "advert", "caption", "byline", "contact", "note", "timestamp", "dateline", "label", "code")


class SetAsideSchema(SpanSchema):
    kind = fields.String(required=True, validate=validate.OneOf(SET_ASIDE_KINDS),
                         metadata={"description": "page furniture (link line, advert, caption, byline, contact "
                                                  "line, note, time stamp, dateline, section label) or Markdown code"})


class ReportSchema(Schema):
    id = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    format = fields.String(required=True)
    unit = fields.String(required=True, metadata={"description": "what offsets count: 'codepoint'"})
    stats = fields.Nested(StatsSchema, required=True)
    quotes = fields.List(fields.Nested(QuoteSchema), required=True)
    sources = fields.List(fields.Nested(SourceSchema), required=True)
    summary = fields.Nested(SummarySchema, required=True)
    findings = fields.List(fields.Nested(FindingSchema), required=True)
    readability = fields.Nested(ReadabilitySchema, allow_none=True, required=True)
    score = fields.Nested(ScoreSchema, allow_none=True, required=True)
    set_aside = fields.List(fields.Nested(SetAsideSchema), dump_default=list, metadata={
        "description": "what was not audited, in text order: page furniture and Markdown code (no quotation, "
                       "claim or speaker is found in it); reports stored before this field came have none"})


def dump_report(report: Report) -> dict:
    """The report as the JSON-ready dict the API, CLI and review page share."""
    doc = report.document
    sent = doc.source

    def span(s: Span | None) -> dict | None:
        if s is None:
            return None
        m = doc.to_source(s)
        return {"start": m.start, "end": m.end, "text": sent[m.start:m.end]}

    def mention(m) -> dict | None:
        return None if m is None else span(m.span)

    types = {s.id: s.type for s in report.sources}
    quotes = []
    for q in report.quotes:
        cue = None
        if q.cue is not None:
            cue = {**span(q.cue.span), "lemma": q.cue.lemma, "loaded": q.cue.loaded, "neutral": q.cue.neutral}
        quotes.append({
            **span(q.span),
            "id": q.id,
            "kind": q.kind,
            "fragments": [span(f) for f in (q.fragments or (q.span,))],
            "cue": cue,
            "speaker": mention(q.speaker),
            "source_id": q.source_id,
            "source_type": types.get(q.source_id, "unattributed"),
            "rule": q.rule,
            "paragraph": q.paragraph,
        })
    sources = [{
        "id": s.id,
        "name": s.name,
        "type": s.type,
        "descriptor": mention(s.descriptor),
        "mentions": [mention(m) for m in s.mentions],
        "anonymity_reason": mention(s.anonymity_reason),
        "quote_ids": list(s.quote_ids),
        "organisation": s.organisation,
    } for s in report.sources]
    findings = [{
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "span": span(f.span),
        "quote_id": f.quote_id,
        "source_id": f.source_id,
        "suggestion": f.suggestion,
    } for f in report.findings]
    score = None
    if report.score is not None:
        score = {"value": report.score.value, "grade": report.score.grade, "base": report.score.base,
                 "deductions": [asdict(d) for d in report.score.deductions]}
    return {
        "id": report.id,
        "title": report.title,
        "format": doc.format,
        "unit": "codepoint",
        "stats": {
            "characters": len(sent),
            "words": len(doc.text.split()),
            "sentences": len(doc.sentences),
            "paragraphs": len(doc.paragraphs),
        },
        "quotes": quotes,
        "sources": sources,
        "summary": asdict(report.summary),
        "findings": findings,
        "readability": asdict(report.readability) if report.readability else None,
        "score": score,
        "set_aside": sorted(
            [{**span(f.span), "kind": f.kind} for f in doc.furniture]
            + [{**span(a), "kind": "code"} for a in doc.set_aside], key=lambda x: (x["start"], x["end"])),
    }
