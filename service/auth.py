"""Optional API keys: ``Authorization: Bearer <key>``, compared in constant time.

Off when no key is configured (local use). Keys are kept only as SHA-256
digests, and a presented token is compared with every one of them, so
neither a key's length nor which key matched shows in the timing.
"""
from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request

from service.problems import Problem

EXTENSION = "sourcecheck.api_keys"
CHALLENGE = 'Bearer realm="sourcecheck"'


def digests(keys: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(hashlib.sha256(k.encode("utf-8")).digest() for k in keys)


def matches(token: str, known: tuple[bytes, ...]) -> bool:
    """Whether ``token`` is one of the keys; constant time in which key and where it differs."""
    presented = hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()
    found = False
    for digest in known:
        found |= hmac.compare_digest(presented, digest)
    return found


def require_api_key() -> None:
    """``before_request`` hook: 401 unless a configured key is presented."""
    known = current_app.extensions.get(EXTENSION)
    if not known:
        return
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Problem(401, "unauthorized", "send Authorization: Bearer <api key>",
                      headers={"WWW-Authenticate": CHALLENGE})
    if not matches(token.strip(), known):
        raise Problem(401, "unauthorized", "the API key is not valid",
                      headers={"WWW-Authenticate": CHALLENGE + ', error="invalid_token"'})
