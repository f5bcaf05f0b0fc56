"""Gunicorn's own worker timeout, answered as problem+json.

The engine's deadline (``SOURCECHECK_DEADLINE``, five seconds inside the
worker timeout) answers an over-long audit with a 503 itself; it is checked
between the engine's stages and in their long loops, but a stretch between two
checks may still run long. Two things
bound a request whatever the engine does (docker/gunicorn.conf.py wires them):

* a threaded worker's heartbeat runs on while a request thread computes, so
  gunicorn's timeout alone would never stop a long audit: ``watch`` gives
  each request at most the worker timeout, then answers every request the
  worker holds and ends the worker (the arbiter starts a fresh one);
* should the worker miss gunicorn's heartbeat instead (a long call that never
  returns to Python), gunicorn aborts it with SIGABRT and its ``worker_abort``
  hook answers the same way.

``InFlight`` remembers the client sockets of requests whose response has not
started; ``answer_aborted`` sends each a 503 problem with ``Retry-After``.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable

from service.problems import RETRY_AFTER, TYPES

SLUG = "deadline-exceeded"
DETAIL = "the server stopped this request at its time limit; send a shorter text or retry later"


class InFlight:
    """WSGI middleware: the sockets of requests still being worked on (their
    response not started), by gunicorn's ``environ["gunicorn.socket"]``, and
    since when: a request's clock starts once its body is read, so a slow
    upload (the proxy's and gunicorn's own timeouts deal with those) never
    counts as a long audit."""

    def __init__(self, app):
        self.app = app
        self._open: dict[object, list] = {}  # token -> [socket, monotonic time the work began or None]
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        sock = environ.get("gunicorn.socket")
        if sock is None:
            return self.app(environ, start_response)
        token, entry = object(), [sock, None]
        length = environ.get("CONTENT_LENGTH") or ""
        if length.isdigit() and int(length) > 0 or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            environ["wsgi.input"] = _Body(environ["wsgi.input"], int(length) if length.isdigit() else None,
                                          lambda: entry.__setitem__(1, entry[1] or time.monotonic()))
        else:
            entry[1] = time.monotonic()
        with self._lock:
            self._open[token] = entry

        def start(status, headers, exc_info=None):
            self._forget(token)  # the app answers: the socket is no longer ours to answer on
            return start_response(status, headers, exc_info)

        try:
            return self.app(environ, start)
        finally:
            self._forget(token)

    def _forget(self, token) -> None:
        with self._lock:
            self._open.pop(token, None)

    def sockets(self) -> list[socket.socket]:
        # no lock: called from a signal handler, which may interrupt a thread holding it
        return [sock for sock, _ in list(self._open.values())]

    def longest(self) -> float:
        """Seconds the oldest request in flight has been worked on since its
        body was read (0: none)."""
        started = [at for _, at in list(self._open.values()) if at is not None]
        return time.monotonic() - min(started) if started else 0.0


class _Body:
    """``wsgi.input`` that calls ``done`` once the whole body has been read."""

    def __init__(self, stream, length: int | None, done: Callable[[], None]):
        self._stream, self._left, self._done = stream, length, done

    def _count(self, data: bytes) -> bytes:
        if self._left is not None:
            self._left -= len(data)
        if not data or (self._left is not None and self._left <= 0):
            self._done()
        return data

    def read(self, size=None):
        return self._count(self._stream.read(size) if size is not None else self._stream.read())

    def readline(self, size=None):
        return self._count(self._stream.readline(size) if size is not None else self._stream.readline())

    def readlines(self, hint=None):
        return [self._count(line) for line in self._stream.readlines(hint)] or [self._count(b"")]

    def __iter__(self):
        while line := self.readline():
            yield line


def watch(in_flight: InFlight, limit: float, overrun: Callable[[], None]) -> threading.Thread:
    """A daemon thread calling ``overrun`` once a request has been in flight
    longer than ``limit`` seconds (it is expected not to return)."""
    def run():
        while True:
            time.sleep(min(1.0, limit / 10))
            if in_flight.longest() > limit:
                overrun()
                return

    thread = threading.Thread(target=run, name="sourcecheck-request-watch", daemon=True)
    thread.start()
    return thread


def problem_response() -> bytes:
    """The raw HTTP/1.1 503 problem+json a timed-out request gets."""
    body = json.dumps({"type": f"urn:sourcecheck:problem:{SLUG}", "title": TYPES[SLUG], "status": 503,
                       "detail": DETAIL}).encode()
    head = ("HTTP/1.1 503 Service Unavailable\r\n"
            "Content-Type: application/problem+json\r\n"
            f"Content-Length: {len(body)}\r\n"
            f"Retry-After: {RETRY_AFTER}\r\n"
            "X-Content-Type-Options: nosniff\r\n"
            "Connection: close\r\n\r\n")
    return head.encode("ascii") + body


def answer_aborted(in_flight: InFlight | None) -> int:
    """Send every request still in flight the 503 problem; how many were answered."""
    if in_flight is None:
        return 0
    raw, answered = problem_response(), 0
    for sock in in_flight.sockets():
        try:
            sock.settimeout(2.0)
            sock.sendall(raw)
            sock.shutdown(socket.SHUT_RDWR)
            answered += 1
        except OSError:  # the client is gone, or the socket already closed
            continue
    return answered
