"""A deadline for one audit: ``audit(..., deadline=seconds)`` sets it and the
stages call ``check()`` between steps and in their long loops, so an article
too dense to finish in time stops with ``DeadlineExceeded`` instead of
running until a server kills it. A context variable, not a parameter: the
stages' signatures stay as they are and a thread's audit has its own.
"""
from __future__ import annotations

import contextlib
import time
from contextvars import ContextVar

from .errors import DeadlineExceeded

_AT: ContextVar[float | None] = ContextVar("sourcecheck_deadline", default=None)


@contextlib.contextmanager
def within(seconds: float | None):
    """Run the block with a deadline ``seconds`` from now (None: no deadline)."""
    token = _AT.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _AT.reset(token)


def check() -> None:
    """Raise ``DeadlineExceeded`` if the current audit's deadline has passed."""
    at = _AT.get()
    if at is not None and time.monotonic() > at:
        raise DeadlineExceeded("the audit ran past its deadline; send a shorter text or retry later")
