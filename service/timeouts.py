"""Gunicorn's own worker timeout, answered as problem+json.

The engine's deadline (``SOURCECHECK_DEADLINE``, five seconds inside the
worker timeout) answers an over-long audit with a 503 itself. Should a worker
still miss gunicorn's heartbeat (a long call that never returns to Python, a
machine too loaded to schedule it), gunicorn aborts it with SIGABRT and the
requests it holds would end in a dropped connection. ``InFlight`` remembers
the client sockets of requests whose response has not started; gunicorn's
``worker_abort`` hook (docker/gunicorn.conf.py) calls ``answer_aborted`` to
send each of them a 503 problem with ``Retry-After`` before the worker exits.
"""
from __future__ import annotations

import json
import socket
import threading

from service.problems import RETRY_AFTER, TYPES

SLUG = "deadline-exceeded"
DETAIL = "the server stopped this request at its time limit; send a shorter text or retry later"


class InFlight:
    """WSGI middleware: the sockets of requests still being worked on (their
    response not started), by gunicorn's ``environ["gunicorn.socket"]``."""

    def __init__(self, app):
        self.app = app
        self._open: dict[object, socket.socket] = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        sock = environ.get("gunicorn.socket")
        if sock is None:
            return self.app(environ, start_response)
        token = object()
        with self._lock:
            self._open[token] = sock

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
        return list(self._open.values())


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
