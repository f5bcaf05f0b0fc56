"""RFC 9457 problem details (``application/problem+json``): the body of
every error the API returns."""
from __future__ import annotations

from marshmallow import Schema, fields

PROBLEM_MEDIA_TYPE = "application/problem+json"


class FieldErrorSchema(Schema):
    """One invalid member of the request body."""

    pointer = fields.String(required=True, metadata={
        "description": "JSON Pointer (RFC 6901) to the offending member of the request body; '' is the whole body",
        "example": "/text"})
    detail = fields.String(required=True, metadata={"example": "Missing data for required field."})


class ProblemSchema(Schema):
    """Problem details for HTTP APIs (RFC 9457)."""

    type = fields.String(required=True, metadata={
        "description": "URI naming the kind of problem; 'about:blank' when the status says it all",
        "example": "urn:sourcecheck:problem:invalid-body"})
    title = fields.String(required=True, metadata={"description": "short summary of the kind of problem"})
    status = fields.Integer(required=True, metadata={"description": "the HTTP status code"})
    detail = fields.String(metadata={"description": "what went wrong with this request, for a person"})
    instance = fields.String(metadata={"description": "the request path"})
    request_id = fields.String(metadata={"description": "the X-Request-ID of this request, for the logs"})
    errors = fields.List(fields.Nested(FieldErrorSchema), metadata={
        "description": "field-level messages (400/422)"})
