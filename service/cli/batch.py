"""Archive audits: JSON Lines in (``{"id", "text", "format"?, "title"?}``),
one JSON report a line out, in input order.

A line that cannot be audited becomes an error object with its line number
(``{"id", "line", "error": {"kind", "message"}}``) and the run goes on.
Lines are audited in chunks, serially, on local processes
(``concurrent.futures``) or on a Dask cluster - the same ``audit_chunk``
function everywhere, so every runner gives the same output.
"""
from __future__ import annotations

import json
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Iterator

import click

from service import engine
from service.engine import FORMATS, InputError

from .errors import CommandError

Chunk = list[tuple[int, bytes]]  # (1-based line number, raw line)
Lines = list[tuple[str | None, str]]  # (error kind or None, output JSON line)


class RecordError(CommandError):
    """A JSONL line is not a valid audit request (``id``: its id, if it has one)."""

    def __init__(self, message: str, id: str | None = None):
        super().__init__(message)
        self.id = id


def parse_record(raw: bytes) -> dict:
    """Validate one input line; raise RecordError saying what is wrong."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RecordError(f"line is not valid UTF-8 (byte {e.start})") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise RecordError(f"not valid JSON: {e.msg} (column {e.colno})") from None
    if not isinstance(record, dict):
        raise RecordError("each line must be a JSON object")
    if isinstance(record.get("id"), int) and not isinstance(record.get("id"), bool):
        record["id"] = str(record["id"])
    problems = []
    if not isinstance(record.get("id"), str):
        problems.append("'id' must be a string")
    if not isinstance(record.get("text"), str):
        problems.append("'text' must be a string")
    if record.get("format", "text") not in FORMATS:
        problems.append(f"'format' must be one of {', '.join(FORMATS)}")
    if not isinstance(record.get("title"), (str, type(None))):
        problems.append("'title' must be a string")
    if problems:
        raise RecordError("; ".join(problems), record["id"] if isinstance(record.get("id"), str) else None)
    return record


@lru_cache(maxsize=4)
def policy_from_spec(spec: str):
    """The Policy a ``policy_spec`` string describes (built once per process)."""
    from service import policy as policies

    data = json.loads(spec)
    if data.get("file"):
        return policies.load_policy_file(data["file"])
    if data.get("mapping") is not None:
        return policies.from_mapping(data["mapping"])
    return None


def policy_spec(mapping: dict | None = None, file: str | None = None) -> str:
    """A policy as a string any worker process can rebuild it from."""
    return json.dumps({"mapping": mapping, "file": file}, sort_keys=True)


def audit_line(number: int, raw: bytes, spec: str) -> tuple[str | None, str]:
    """One input line to one output line: ``(error kind or None, JSON)``."""
    record_id = kind = None
    try:
        record = parse_record(raw)
        record_id = record["id"]
        report = engine.audit(record["text"], record.get("format", "text"), policy_from_spec(spec),
                              title=record.get("title"), id=record_id)
        from schemas.report import dump_report

        out = dump_report(report)
    except RecordError as e:
        kind, out = "record", _error(e.id, number, "record", str(e))
    except InputError as e:
        kind, out = "input", _error(record_id, number, "input", str(e))
    except Exception as e:  # noqa: BLE001 - one article's bug must not stop an archive run
        kind, out = "internal", _error(record_id, number, "internal", f"{type(e).__name__}: {e}")
    return kind, json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def audit_chunk(chunk: Chunk, spec: str) -> Lines:
    """The unit of work every runner ships: a few lines, audited in order."""
    return [audit_line(n, raw, spec) for n, raw in chunk]


def _error(record_id, number: int, kind: str, message: str) -> dict:
    return {"id": record_id, "line": number, "error": {"kind": kind, "message": message}}


def chunks(lines: Iterable[bytes], size: int) -> Iterator[Chunk]:
    """Numbered non-blank lines, ``size`` at a time (blank lines are skipped
    but still counted, so error line numbers match the file)."""
    numbered = ((n, raw.rstrip(b"\r\n")) for n, raw in enumerate(lines, 1) if raw.strip())
    while chunk := list(islice(numbered, size)):
        yield chunk


def _ordered(submit: Callable, work: Iterable[Chunk], window: int) -> Iterator[tuple[Chunk, Lines]]:
    """Submit chunks keeping at most ``window`` in flight; yield results in
    submission order (input order), whatever order they finish in."""
    pending: deque = deque()
    for chunk in work:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            c, fut = pending.popleft()
            yield c, fut.result()
    while pending:
        c, fut = pending.popleft()
        yield c, fut.result()


def run(lines: Iterable[bytes], spec: str, *, jobs: int | None = None, dask: str | None = None,
        chunk_size: int = 16) -> Iterator[tuple[Chunk, Lines]]:
    """Audit JSONL ``lines``; yield each chunk with its output lines, in order.

    ``jobs`` > 1 uses that many local processes; ``dask`` is a scheduler
    address, or ``local`` / ``local:N`` for a local cluster of N processes
    (``local`` alone: ``jobs`` processes, or one per core).
    """
    work = chunks(lines, chunk_size)
    if dask:
        with _dask_client(dask, jobs) as client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            yield from _ordered(lambda c: client.submit(audit_chunk, c, spec, pure=False),
                                work, window=4 * workers)
    elif jobs and jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from _ordered(lambda c: pool.submit(audit_chunk, c, spec), work, window=4 * jobs)
    else:
        for chunk in work:
            yield chunk, audit_chunk(chunk, spec)


# Dask keeps the last ``distributed.admin.low-level-log-length`` (1,000) messages of
# every batched stream for debugging: the client's holds the chunks it submitted (the
# articles themselves), so its memory would grow with the archive until 1,000 chunks
# (16,000 articles) had gone by. A few are enough to debug with.
MESSAGE_LOG = 8


@contextmanager
def _dask_client(address: str, jobs: int | None):
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise click.UsageError("--dask needs dask and distributed: pip install 'sourcecheck[dask]'") from None

    if address == "local" or address.startswith("local:"):
        try:
            n = int(address.split(":", 1)[1]) if ":" in address else (jobs or os.cpu_count() or 1)
        except ValueError:
            raise click.UsageError(f"--dask {address}: expected local or local:N") from None
        if n < 1:
            raise click.UsageError(f"--dask {address}: a cluster needs at least one worker")
        # the whole run under the setting: the local scheduler (in this process) opens a stream per worker as it joins
        with dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG}), \
                LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                             dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
    else:
        with dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG}), \
                Client(address, timeout=30) as client:
            yield client
