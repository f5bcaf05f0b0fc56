"""Reading a request's JSON body strictly, before any schema sees it.

The media type must be JSON (415), the body must fit the size limit
(``MAX_CONTENT_LENGTH``, 413, with or without a Content-Length), be UTF-8, well-formed
JSON without NaN/Infinity, nested at most ``MAX_DEPTH`` levels (400), and
be an object (422). flask-smorest's ``arguments`` then validates it against
the request schema (422 with field-level errors).
"""
from __future__ import annotations

import json

from flask import Request, g
from werkzeug.exceptions import RequestEntityTooLarge
from webargs.flaskparser import FlaskParser

from service.problems import Problem

MAX_DEPTH = 32  # the request schemas nest 4 levels; policy documents a few more


def read_json_object(req: Request, max_depth: int = MAX_DEPTH) -> dict:
    """The request body as a dict, or raise the ``Problem`` that says why not."""
    mimetype = req.mimetype
    if not (mimetype == "application/json" or (mimetype.startswith("application/") and mimetype.endswith("+json"))):
        got = f"'{mimetype}'" if mimetype else "no Content-Type"
        raise Problem(415, "unsupported-media-type", f"send Content-Type: application/json (got {got})")
    charset = req.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise Problem(415, "unsupported-media-type", f"JSON must be UTF-8, not {charset}")
    raw = _read_body(req)
    if not raw.strip():
        raise Problem(400, "invalid-json", "the request body is empty; send a JSON object")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Problem(400, "invalid-json", f"the request body is not valid UTF-8 (byte {e.start})") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        raise Problem(400, "invalid-json", f"{e.msg} at line {e.lineno}, column {e.colno}") from None
    except (ValueError, RecursionError) as e:
        reason = f"JSON nested more than {max_depth} levels" if isinstance(e, RecursionError) else str(e)
        raise Problem(400, "invalid-json", reason) from None
    if _deeper_than(data, max_depth):
        raise Problem(400, "invalid-json", f"JSON nested more than {max_depth} levels")
    if not isinstance(data, dict):
        raise Problem(422, "invalid-body", f"the request body must be a JSON object, not {_json_type(data)}",
                      errors=[{"pointer": "", "detail": "must be an object"}])
    return data


def _read_body(req: Request) -> bytes:
    """The raw body; 413 past ``MAX_CONTENT_LENGTH``, also for chunked bodies,
    which werkzeug would cut at the limit without saying so."""
    limit = req.max_content_length
    if req.content_length is not None or limit is None:
        return req.get_data(cache=True)  # werkzeug checks Content-Length against the limit
    if not req.environ.get("wsgi.input_terminated"):
        return b""  # the server cannot delimit this body: treat as empty, as werkzeug does
    raw = req.environ["wsgi.input"].read(limit + 1)
    if len(raw) > limit:
        raise RequestEntityTooLarge()
    return raw


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _deeper_than(value: object, limit: int) -> bool:
    """Whether containers nest more than ``limit`` levels (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


def _json_type(value: object) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


class JSONBodyParser(FlaskParser):
    """webargs' Flask parser, reading JSON bodies through ``read_json_object``."""

    def _raw_load_json(self, req: Request) -> dict:
        g.json_body = read_json_object(req)  # the body as sent, for the audit's ETag
        return g.json_body
