"""Who may use the review pages: when API keys are configured, an editor
signs in with one (``/review/sign-in``) and the signed session cookie keeps
them signed in; every page under ``/review`` but the sign-in page and the
static files requires it. Without keys (local use) the pages are open.

``flask.session["editor"]`` holds the signed-in editor's name (the key's
label, ``label:key``, else "editor"); ``session["key"]`` the key's
fingerprint, so removing a key from the configuration ends its sessions.
"""
from __future__ import annotations

from flask import redirect, request, session, url_for

from service import auth
from service.problems import Problem

OPEN_ENDPOINTS = frozenset({"review.sign_in", "review.sign_in_submit", "review.static"})


def keys_required() -> bool:
    return bool(auth.known_keys())


def signed_in_key() -> auth.Key | None:
    """The configured key the session was signed in with, if it is still configured."""
    fingerprint = session.get("key")
    if not fingerprint:
        return None
    return next((k for k in auth.known_keys() if k.fingerprint == fingerprint), None)


def require_editor():
    """``before_request`` of the review blueprint: sign-in first when keys are set."""
    if not keys_required() or request.endpoint in OPEN_ENDPOINTS:
        return None
    if signed_in_key() is not None:
        return None
    session.pop("editor", None)
    session.pop("key", None)
    if request.method in ("GET", "HEAD"):
        return redirect(url_for("review.sign_in", next=safe_next(request.full_path)), code=303)
    raise Problem(401, "unauthorized", "sign in to the review pages first")


def sign_in(token: str) -> bool:
    """Start the session for the editor holding ``token``; False if it is no key."""
    key = auth.identify(token.strip(), auth.known_keys()) if token.strip() else None
    if key is None:
        return False
    session.clear()  # a fresh session (and CSRF token) for the signed-in editor
    session.permanent = True
    session["editor"] = key.label
    session["key"] = key.fingerprint
    return True


def sign_out() -> None:
    session.clear()


def safe_next(target: str | None) -> str | None:
    """A same-site path under /review to go back to, or None."""
    if not target:
        return None
    target = target.rstrip("?") or None
    if target and target.startswith("/review") and not target.startswith("//") and "\\" not in target:
        return target
    return None
