"""Cross-origin access for browser-based editors (a CMS plugin calling the API).

Only the origins in ``SOURCECHECK_CORS_ORIGINS`` may call ``/v1/*`` (and load
the CMS kit's files under ``/cms/*`` as modules); with none configured no
CORS header is ever sent. Credentials (cookies) are never allowed: the API
authenticates with ``Authorization: Bearer``, which a script sets itself.
A preflight is answered before authentication, as browsers send it without
the key.
"""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_cors import CORS

PATHS = (r"/v1/.*", r"/cms/.*")
ALLOW_HEADERS = ("Authorization", "Content-Type", "If-None-Match", "X-Request-ID")
EXPOSE_HEADERS = ("ETag", "X-Request-ID", "WWW-Authenticate")
MAX_AGE = 600  # seconds a browser may keep a preflight's answer


def init_app(app: Flask, origins: tuple[str, ...]) -> None:
    """Allow ``origins`` (``("*",)``: any) on the API; nothing when empty."""
    if not origins:
        return
    options = {"origins": list(origins), "methods": ["GET", "POST", "OPTIONS"],
               "allow_headers": list(ALLOW_HEADERS), "expose_headers": list(EXPOSE_HEADERS),
               "supports_credentials": False, "send_wildcard": origins == ("*",), "max_age": MAX_AGE,
               "vary_header": True}
    CORS(app, resources={path: options for path in PATHS})
    app.before_request(_answer_preflight)


def _answer_preflight():
    """An empty answer to a preflight under ``/v1`` (flask-cors adds the headers),
    before the API key check, which a preflight cannot pass: it carries no key."""
    if (request.method == "OPTIONS" and request.headers.get("Origin")
            and request.headers.get("Access-Control-Request-Method")
            and request.path.startswith(("/v1/", "/cms/"))):
        response = current_app.make_default_options_response()
        response.status_code = 204
        return response
    return None
