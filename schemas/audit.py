"""The audit requests' wire form (one article, a batch) and the responses
that wrap ``ReportSchema``; with ``report.py`` and ``problem.py`` the single
source of the OpenAPI document."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from service.engine.document import FORMATS
from schemas.report import ReportSchema

MAX_BATCH_SCHEMA = 1000  # hard ceiling; SOURCECHECK_MAX_BATCH sets the working limit
NOT_BLANK = r"[\s\S]*\S"  # anchored at the start by marshmallow, a search in JSON Schema: same meaning


class StrictBoolean(fields.Boolean):
    """A JSON ``true`` or ``false``, nothing else (not 0, 1, "yes")."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


class AuditRequestSchema(Schema):
    """One article to audit."""

    text = fields.String(required=True, validate=validate.Regexp(
        NOT_BLANK, error="text is empty: send the article's text"), metadata={
        "description": "the article as the CMS holds it; every offset in the report is into this "
                       "string, in Python code points",
        "example": "\u201cWe will win,\u201d the mayor said."})
    format = fields.String(load_default="text", validate=validate.OneOf(FORMATS), metadata={
        "description": "how to read `text`: plain text, Markdown (CommonMark) or HTML"})
    title = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=1000))
    id = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=200), metadata={
        "description": "the client's own id for the article, echoed in the report"})
    policy = fields.Dict(keys=fields.String(), allow_none=True, load_default=None, metadata={
        "description": "newsroom policy overrides (findings, thresholds, severities); "
                       "invalid members give 422 with field-level errors"})
    store = StrictBoolean(load_default=False, metadata={
        "description": "keep the report for the review page; the response then carries "
                       "`stored_id` and `review_url`"})


class BatchRequestSchema(Schema):
    """Several articles, audited in order; all or nothing."""

    articles = fields.List(fields.Nested(AuditRequestSchema), required=True,
                           validate=validate.Length(min=1, max=MAX_BATCH_SCHEMA), metadata={
                               "description": "at most SOURCECHECK_MAX_BATCH articles (default 50)"})


class AuditResponseSchema(ReportSchema):
    """The report, plus where it was stored when the request asked to."""

    stored_id = fields.String(metadata={"description": "present when stored: the report's id"})
    review_url = fields.String(metadata={"description": "present when stored: the review page", "example": "/review/abc"})


class BatchResponseSchema(Schema):
    reports = fields.List(fields.Nested(AuditResponseSchema), required=True,
                          metadata={"description": "one report per article, in request order"})


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})
    version = fields.String(required=True)
    checks = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "readiness: each check's state"})
