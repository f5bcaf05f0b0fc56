"""Structured request logs: one JSON line per request, and a request id.

The id is the client's ``X-Request-ID`` when it is a sane token, else a new
one; it is echoed in the response's ``X-Request-ID`` header, in problem
bodies and in every log line of the request, so a CMS error report can be
matched with the server's trace.
"""
from __future__ import annotations

import json
import logging
import re
import sys
import time
import traceback
import uuid
from datetime import datetime, timezone

from flask import Flask, Response, g, request

HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_FIELDS = ("request_id", "method", "path", "status", "duration_ms", "bytes_in", "bytes_out", "remote", "user_agent")

log = logging.getLogger("sourcecheck.request")


class JSONFormatter(logging.Formatter):
    """A log record as one JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "pid": record.process,
        }
        for name in _FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                out[name] = value
        if record.exc_info:
            out["exc"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(out, ensure_ascii=False, default=str)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (test runners swap it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


def configure(level: str = "INFO") -> logging.Logger:
    """Send the ``sourcecheck`` loggers to stderr as JSON lines; idempotent.
    Records still propagate, so a root handler (pytest's caplog) sees them too."""
    root = logging.getLogger("sourcecheck")
    root.setLevel(level)
    if not any(isinstance(h, _StderrHandler) for h in root.handlers):
        handler = _StderrHandler()
        handler.setFormatter(JSONFormatter())
        root.addHandler(handler)
    return root


def request_id() -> str:
    """The current request's id (set before the view runs)."""
    return g.get("request_id") or ""


def _start() -> None:
    sent = request.headers.get(HEADER, "")
    g.request_id = sent if _SANE_ID.fullmatch(sent) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    rid = g.get("request_id") or uuid.uuid4().hex
    response.headers[HEADER] = rid
    started = g.get("started")
    log.info("request", extra={
        "request_id": rid,
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
        "bytes_in": request.content_length,
        "bytes_out": response.calculate_content_length(),
        "remote": request.remote_addr,
        "user_agent": request.user_agent.string or None,
    })
    return response


def init_app(app: Flask) -> None:
    configure(app.config.get("SOURCECHECK_LOG_LEVEL", "INFO"))
    app.before_request(_start)
    app.after_request(_finish)


__all__ = ["HEADER", "JSONFormatter", "configure", "init_app", "request_id"]
