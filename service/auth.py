"""Optional API keys: ``Authorization: Bearer <key>``, compared in constant time.

Off when no key is configured (local use). Keys are kept only as SHA-256
digests, and a presented token is compared with every one of them, so
neither a key's length nor which key matched shows in the timing. A key
configured as ``label:key`` names its holder (``label``): the review pages
show and record it as the signed-in editor.
"""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from flask import current_app, request

from service.config import split_key
from service.problems import Problem

EXTENSION = "sourcecheck.api_keys"
CHALLENGE = 'Bearer realm="sourcecheck"'


@dataclass(frozen=True, slots=True)
class Key:
    """A configured key: who holds it and the SHA-256 digest of its secret."""

    label: str
    digest: bytes

    @property
    def fingerprint(self) -> str:
        """A short id for the key that reveals nothing of it (kept in the session)."""
        return hashlib.sha256(b"sourcecheck-key-id:" + self.digest).hexdigest()[:24]


def digests(keys: tuple[str, ...]) -> tuple[Key, ...]:
    out = []
    for k in keys:
        label, secret = split_key(k)
        out.append(Key(label, hashlib.sha256(secret.encode("utf-8")).digest()))
    return tuple(out)


def identify(token: str, known: tuple[Key, ...]) -> Key | None:
    """The configured key ``token`` is, or None; every key is compared, in constant time."""
    presented = hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()
    found = None
    for key in known:
        if hmac.compare_digest(presented, key.digest) and found is None:
            found = key
    return found


def matches(token: str, known: tuple[Key, ...]) -> bool:
    """Whether ``token`` is one of the keys; constant time in which key and where it differs."""
    return identify(token, known) is not None


def known_keys(app=None) -> tuple[Key, ...]:
    """The app's keys: set by ``create_app``, else read from ``SOURCECHECK_API_KEYS``
    in its config (an app that mounts the review pages on its own)."""
    app = app or current_app
    known = app.extensions.get(EXTENSION)
    if known is None:
        known = app.extensions[EXTENSION] = digests(tuple(app.config.get("SOURCECHECK_API_KEYS") or ()))
    return known


def require_api_key() -> None:
    """``before_request`` hook: 401 unless a configured key is presented."""
    known = known_keys()
    if not known:
        return
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(401, "unauthorized", "send Authorization: Bearer <api key>",
                      headers={"WWW-Authenticate": CHALLENGE})
    if not matches(token.strip(), known):
        raise Problem(401, "unauthorized", "the API key is not valid",
                      headers={"WWW-Authenticate": CHALLENGE + ', error="invalid_token"'})
