"""Every error the API returns, as RFC 9457 ``application/problem+json``.

Views and the body parser raise ``Problem``; werkzeug's HTTP errors, the
engine's ``InputError`` / ``PolicyError`` and unexpected exceptions are
mapped here, in one place, so no traceback or internal detail ever reaches
a client. A face for browsers (the review page) registers its own HTML
pages for the same problems under its path (``serve_pages_under``).
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus

from flask import Flask, Response, current_app, g, has_request_context, request
from werkzeug.exceptions import HTTPException, InternalServerError

from schemas.problem import PROBLEM_MEDIA_TYPE
from service.engine import DeadlineExceeded, InputError, PolicyError

log = logging.getLogger("sourcecheck.errors")

PAGES = "sourcecheck.error_pages"  # app.extensions: [(path prefix, page renderer)]

# slug -> title; the problem type is ``urn:sourcecheck:problem:<slug>``
TYPES = {
    "invalid-json": "The request body is not valid JSON",
    "invalid-body": "The request body does not match the schema",
    "invalid-input": "The article cannot be audited",
    "body-too-large": "The request body is too large",
    "unsupported-media-type": "Send the request body as application/json",
    "unauthorized": "A valid API key is required",
    "storage-unavailable": "Report storage is not configured",
    "deadline-exceeded": "The audit took longer than this server allows",
}
RETRY_AFTER = "30"  # seconds: a busy server's queue has moved on by then


class Problem(Exception):
    """An error response: raise it anywhere in a request."""

    def __init__(self, status: int, slug: str | None = None, detail: str | None = None, *,
                 errors: list[dict] | None = None, headers: Mapping[str, str] | None = None):
        super().__init__(detail or slug or str(status))
        self.status = status
        self.slug = slug
        self.detail = detail
        self.errors = errors
        self.headers = dict(headers or {})

    @property
    def title(self) -> str:
        return HTTPStatus(self.status).phrase if self.slug is None else TYPES[self.slug]

    def response(self) -> Response:
        type_ = "about:blank" if self.slug is None else f"urn:sourcecheck:problem:{self.slug}"
        body: dict[str, object] = {"type": type_, "title": self.title, "status": self.status}
        if self.detail:
            body["detail"] = self.detail
        if has_request_context():
            body["instance"] = request.path
            if g.get("request_id"):
                body["request_id"] = g.request_id
        if self.errors:
            body["errors"] = self.errors
        return Response(json.dumps(body), self.status, headers=self.headers, mimetype=PROBLEM_MEDIA_TYPE)


def pointer(*parts: object) -> str:
    """A JSON Pointer (RFC 6901) to ``parts`` of the request body."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def field_errors(messages: object, at: tuple = ()) -> list[dict]:
    """Flatten marshmallow's nested error messages into
    ``[{"pointer": "/articles/0/text", "detail": "..."}]``."""
    if isinstance(messages, Mapping):
        out = []
        for key, value in messages.items():
            out.extend(field_errors(value, at if key == "_schema" else (*at, key)))
        return out
    if isinstance(messages, str):
        return [{"pointer": pointer(*at), "detail": messages}]
    if isinstance(messages, Iterable):
        return [e for m in messages for e in field_errors(m, at)]
    return [{"pointer": pointer(*at), "detail": str(messages)}]


def policy_problem(error: PolicyError, at: tuple = ("policy",)) -> Problem:
    """A 422 naming each invalid policy member (``PolicyError.errors`` uses dotted paths)."""
    errors = [{"pointer": pointer(*at, *str(path).split(".")), "detail": str(msg)}
              for path, msg in error.errors.items()]
    return Problem(422, "invalid-body", f"invalid policy: {error}",
                   errors=errors or [{"pointer": pointer(*at), "detail": str(error)}])


def input_problem(error: InputError, at: tuple = ()) -> Problem:
    """A 422 for text the engine refuses (too long, binary)."""
    return Problem(422, "invalid-input", str(error),
                   errors=[{"pointer": pointer(*at, "text"), "detail": str(error)}])


def deadline_problem(error: DeadlineExceeded, at: tuple = ()) -> Problem:
    """A 503 for an audit stopped at its deadline: the server was busy or the text too dense."""
    where = f" (article {pointer(*at)})" if at else ""
    return Problem(503, "deadline-exceeded", f"{error}{where}", headers={"Retry-After": RETRY_AFTER})


def answer(problem: Problem) -> Response:
    """The response for ``problem``: problem+json, or the page of a browser
    face when the request is under one (``serve_pages_under``)."""
    render = _page_renderer()
    if render is not None:
        try:
            return render(problem)
        except Exception:  # an error page must never hide the error: fall back to the problem
            log.exception("error page for %s failed", problem.status)
    return problem.response()


def serve_pages_under(app: Flask, prefix: str, render: Callable[[Problem], Response]) -> None:
    """Answer errors under ``prefix`` (a face for browsers, e.g. ``/review``)
    with ``render(problem)``, an HTML page, unless the client asks for JSON;
    every other path (``/v1``, probes, unknown paths) keeps problem+json."""
    app.extensions.setdefault(PAGES, []).append((prefix.rstrip("/"), render))


def _page_renderer() -> Callable[[Problem], Response] | None:
    if not has_request_context():
        return None
    path = request.path
    for prefix, render in current_app.extensions.get(PAGES, ()):
        if path == prefix or path.startswith(prefix + "/"):
            accept = request.accept_mimetypes
            best = accept.best_match(["text/html", PROBLEM_MEDIA_TYPE, "application/json"])
            return None if accept.provided and best != "text/html" else render
    return None


def from_http_exception(error: HTTPException) -> Response:
    """werkzeug's errors (404, 405, 413, webargs' 422 ...) as problems."""
    if isinstance(error, InternalServerError):
        return from_exception(getattr(error, "original_exception", None) or error)
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    data = getattr(error, "data", None) or {}
    status = error.code or 500
    if status == 422 and "messages" in data:
        messages = data["messages"]
        if isinstance(messages, Mapping) and len(messages) == 1 and "json" in messages:
            messages = messages["json"]  # webargs keys messages by location; ours is always the body
        errors = field_errors(messages)
        return answer(Problem(422, "invalid-body", "the request body has invalid members; see errors",
                              errors=errors, headers=headers))
    if status == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        detail = f"the limit is {limit:,} bytes" if limit else None
        return answer(Problem(413, "body-too-large", detail, headers=headers))
    return answer(Problem(status, None, error.description if status < 500 else None, headers=headers))


def from_exception(error: BaseException) -> Response:
    """Anything unexpected: log the trace with the request id, answer a bare 500."""
    log.error("unhandled %s", type(error).__name__, exc_info=(type(error), error, error.__traceback__),
              extra={"request_id": g.get("request_id") if has_request_context() else None})
    return answer(Problem(500, None, "an unexpected error occurred; quote the request_id when reporting it"))


def init_app(app: Flask) -> None:
    """Register the mappings on ``app`` (after flask-smorest's, replacing them)."""
    app.register_error_handler(Problem, answer)
    app.register_error_handler(HTTPException, from_http_exception)
    app.register_error_handler(InputError, lambda e: answer(input_problem(e)))
    app.register_error_handler(PolicyError, lambda e: answer(policy_problem(e)))
    app.register_error_handler(DeadlineExceeded, lambda e: answer(deadline_problem(e)))
    app.register_error_handler(Exception, from_exception)
