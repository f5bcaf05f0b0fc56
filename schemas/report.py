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

from service.engine.model import QUOTE_KINDS, SEVERITIES, SOURCE_TYPES, Report, Span


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
    rule = fields.String(allow_none=True, metadata={"description": "the attribution pattern that found the speaker"})
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


class FindingSchema(Schema):
    rule = fields.String(required=True)
    severity = fields.String(required=True, validate=validate.OneOf(SEVERITIES))
    message = fields.String(required=True)
    span = fields.Nested(SpanSchema, allow_none=True, required=True)
    quote_id = fields.String(allow_none=True)
    source_id = fields.String(allow_none=True)
    suggestion = fields.String(allow_none=True)


class SummarySchema(Schema):
    quotes = fields.Integer()
    quotes_by_kind = fields.Dict(keys=fields.String(), values=fields.Integer())
    quotes_by_type = fields.Dict(keys=fields.String(), values=fields.Integer())
    sources = fields.Integer()
    sources_by_type = fields.Dict(keys=fields.String(), values=fields.Integer())
    anonymous_quote_share = fields.Float()
    anonymous_source_share = fields.Float()
    words_quoted_by_type = fields.Dict(keys=fields.String(), values=fields.Integer())
    anonymous_only_claim_share = fields.Float()


class ReadabilitySchema(Schema):
    flesch_reading_ease = fields.Float()
    flesch_kincaid_grade = fields.Float()
    gunning_fog = fields.Float()
    smog_index = fields.Float()
    coleman_liau_index = fields.Float()
    automated_readability_index = fields.Float()
    words = fields.Integer()
    sentences = fields.Integer()
    reading_time_seconds = fields.Float()


class DeductionSchema(Schema):
    rule = fields.String(required=True)
    points = fields.Float(required=True)
    count = fields.Integer(required=True)
    reason = fields.String(required=True)


class ScoreSchema(Schema):
    value = fields.Integer(required=True, validate=validate.Range(0, 100))
    grade = fields.String(required=True)
    deductions = fields.List(fields.Nested(DeductionSchema), required=True)


class StatsSchema(Schema):
    characters = fields.Integer(required=True)
    words = fields.Integer(required=True)
    sentences = fields.Integer(required=True)
    paragraphs = fields.Integer(required=True)


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
        score = {"value": report.score.value, "grade": report.score.grade,
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
    }
