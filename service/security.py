"""Browser-facing protections, in one place: the signed session, CSRF tokens
(Flask-WTF) and the security headers every response carries.

The review pages are forms in a browser, so they get a session cookie
(signed, HttpOnly, SameSite=Lax), a CSRF token in every form and a refusal
of any unsafe request from a foreign ``Origin``. The JSON API authenticates
with a Bearer key instead and is exempt from CSRF (``exempt``).
"""
from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Flask, Response, request
from flask_wtf.csrf import CSRFProtect

from service.problems import Problem

log = logging.getLogger("sourcecheck.security")

EXTENSION = "csrf"  # Flask-WTF's own app.extensions key
# The pages load their CSS, JS and logo from this server and nothing else; no inline script or style.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HTML_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
SESSION_LIFETIME = timedelta(hours=12)  # a working day's sign-in
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def init_app(app: Flask, secret_key: str | None = None) -> CSRFProtect:
    """Set up the session, CSRF protection and headers on ``app`` (once)."""
    if EXTENSION in app.extensions:
        return app.extensions[EXTENSION]
    if secret_key:
        app.secret_key = secret_key
    elif not app.secret_key:
        # Made once in the gunicorn master (preload), so every worker shares it; sessions
        # end when the server restarts. Set SOURCECHECK_SECRET_KEY to keep them, or for replicas.
        app.secret_key = secrets.token_hex(32)
        if app.config.get("SOURCECHECK_API_KEYS"):
            log.warning("SOURCECHECK_SECRET_KEY is not set: review sign-ins last until the server restarts")
    app.config.update(SESSION_COOKIE_NAME="sourcecheck_session", SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_SAMESITE="Lax", PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
                      WTF_CSRF_TIME_LIMIT=None)  # a form's token lasts as long as its session
    csrf = CSRFProtect(app)
    app.after_request(add_headers)
    return csrf


def add_headers(response: Response) -> Response:
    """``nosniff`` on everything; the strict page policy on HTML."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if response.mimetype == "text/html":
        for name, value in HTML_HEADERS.items():
            response.headers.setdefault(name, value)
    return response


def refuse_foreign_origin() -> None:
    """``before_request`` for form pages: an unsafe request whose ``Origin``
    (or ``Sec-Fetch-Site``) says it came from another site is refused, 403."""
    if request.method not in UNSAFE_METHODS:
        return
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        raise Problem(403, None, "cross-site form submissions are refused")
    origin = request.headers.get("Origin")
    if origin is None:
        return  # not sent by this client (older browsers, scripts): the CSRF token decides
    if origin == "null" or urlsplit(origin).netloc.lower() != request.host.lower():
        raise Problem(403, None, f"requests from {origin} are refused")
