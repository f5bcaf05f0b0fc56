"""The audit requests' wire form (one article, a batch) and the responses
that wrap ``ReportSchema``; with ``report.py`` and ``problem.py`` the single
source of the OpenAPI document."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import timezone

from marshmallow import Schema, ValidationError, fields, validate

from service import policy as policies
from service.engine import FORMATS, PolicyError
from schemas.fields import ArticleText, StrictBoolean, Text
from schemas.policy import PolicySchema
from schemas.report import ReportSchema

MAX_BATCH_SCHEMA = 1000  # hard ceiling; SOURCECHECK_MAX_BATCH sets the working limit


class PolicyField(fields.Nested):
    """A request's ``policy``: documented as ``PolicySchema`` (so the OpenAPI
    document shows its shape) and loaded into a ``Policy`` by
    ``service.policy.from_mapping``, the one validator of policies (requests, files,
    the CLI). Its ``PolicyError`` becomes field errors under the policy, so a
    problem points at ``/policy/rules/loaded-verb/severity``."""

    default_error_messages = {"type": "Not a valid mapping type."}

    def __init__(self, **kwargs):
        super().__init__(PolicySchema, **kwargs)

    def _deserialize(self, value, attr, data, partial=None, **kwargs):
        if not isinstance(value, Mapping):
            raise self.make_error("type")
        try:
            return policies.from_mapping(value)
        except PolicyError as e:
            raise ValidationError(nested_messages(e.errors or {"": str(e)})) from None


def nested_messages(errors: Mapping[str, str]) -> dict:
    """``PolicyError.errors`` (dotted paths) as marshmallow's nested messages:
    ``{"rules.loaded-verb.severity": m}`` -> ``{"rules": {"loaded-verb":
    {"severity": [m]}}}``; a message on the policy itself goes under ``_schema``."""
    tree: dict = {}
    for path, message in errors.items():
        parts = [p for p in str(path).split(".") if p]
        if parts == ["policy"]:  # load_policy's name for the policy as a whole
            parts = []
        node = tree
        for part in parts:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {} if child is None else {"_schema": child}
            node = child
        node.setdefault("_schema", []).append(str(message))
    return _compact(tree)


def _compact(node: dict):
    """A node holding only messages becomes the list of them."""
    if set(node) == {"_schema"}:
        return node["_schema"]
    return {k: v if k == "_schema" else _compact(v) for k, v in node.items()}


class AuditRequestSchema(Schema):
    """One article to audit."""

    text = Text(required=True, validate=ArticleText(), metadata={"limit": "max_chars",
        "description": "the article as the CMS holds it; every offset in the report is into this "
                       "string, in Python code points",
        "example": "\u201cWe will win,\u201d the mayor said."})
    format = fields.String(load_default="text", validate=validate.OneOf(FORMATS), metadata={
        "description": "how to read `text`: plain text, Markdown (CommonMark) or HTML"})
    title = Text(allow_none=True, load_default=None, validate=validate.Length(max=1000))
    id = Text(allow_none=True, load_default=None, validate=validate.Length(max=200), metadata={
        "description": "the client's own id for the article, echoed in the report"})
    policy = PolicyField(allow_none=True, load_default=None, metadata={
        "description": "newsroom policy overrides (rules, thresholds, score, words), the format of a "
                       "policy file; what it leaves out keeps the default. Invalid members give 422 "
                       "with errors pointing into the policy"})
    store = StrictBoolean(load_default=False, metadata={
        "description": "keep the report for the review page; the response then carries "
                       "`stored_id` and `review_url`"})
    # Story metadata, kept with a stored report (the standards desk: docs/desk.md).
    story_id = fields.String(allow_none=True, load_default=None, validate=validate.Length(min=1, max=200), metadata={
        "description": "the newsroom's id for the story: stored reports with the same story_id are "
                       "versions of one story, and decisions on findings carry over between them"})
    url = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=2000), metadata={
        "description": "where the story is published"})
    desk = fields.String(allow_none=True, load_default=None, validate=validate.Length(min=1, max=100), metadata={
        "description": "the desk that filed it (trends compare desks)", "example": "Politics"})
    authors = fields.List(fields.String(validate=validate.Length(min=1, max=200)), load_default=list,
                          validate=validate.Length(max=50), metadata={"description": "bylines"})
    published_at = fields.AwareDateTime(allow_none=True, load_default=None, default_timezone=timezone.utc, metadata={
        "description": "when it was (or will be) published; trends count a story in this day's week, "
                       "else in the week it was stored"})


class BatchRequestSchema(Schema):
    """Several articles, audited in order; all or nothing."""

    articles = fields.List(fields.Nested(AuditRequestSchema), required=True,
                           validate=validate.Length(min=1, max=MAX_BATCH_SCHEMA), metadata={
                               "limit": "max_batch",
                               "description": "at most SOURCECHECK_MAX_BATCH articles (default 50)"})


class AuditResponseSchema(ReportSchema):
    """The report, plus where it was stored when the request asked to (a
    stored report's findings carry the editors' ``decision``)."""

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
