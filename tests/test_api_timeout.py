"""Gunicorn's own worker timeout answers problem+json: when the arbiter aborts
a worker (SIGABRT, what gunicorn sends a worker that missed its timeout) the
request it was working on gets a 503 problem with ``Retry-After``, not a
dropped connection or an HTML page. The production command on loopback."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.test_api_deploy import BIN, ROOT, dockerfile_cmd, free_port, stop, wait_ok, with_bind

# Dense enough to keep one audit busy for seconds; the engine's deadline is set far off so only
# the abort can end it.
SLOW = "\u201cHi there,\u201d she said. " * 20_000


def children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    argv = with_bind(dockerfile_cmd(), f"127.0.0.1:{port}")
    argv[0] = str(BIN / argv[0])
    env = {**os.environ, "SOURCECHECK_WORKERS": "1", "SOURCECHECK_DEADLINE": "600", "SOURCECHECK_TIMEOUT": "600",
           "SOURCECHECK_API_KEYS": "", "DATABASE_URL": "", "SOURCECHECK_DB_PATH": str(tmp_path / "t.db")}
    log = tmp_path / "stderr.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ok(base + "/healthz", proc, log)
        yield base, proc, log
    finally:
        stop(proc)


def test_an_aborted_worker_answers_its_request_with_a_503_problem(server):
    base, proc, log = server
    [worker] = children(proc.pid)
    got = {}

    def post():
        request = urllib.request.Request(base + "/v1/audits", data=json.dumps({"text": SLOW}).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                got["status"] = response.status
        except urllib.error.HTTPError as e:
            got.update(status=e.code, headers=e.headers, body=e.read())
        except Exception as e:  # a dropped connection: the failure this test guards against
            got["error"] = repr(e)

    client = threading.Thread(target=post)
    client.start()
    time.sleep(2.0)  # the request is read and the audit under way
    assert "status" not in got, "the audit finished before the abort; make SLOW denser"
    os.kill(worker, signal.SIGABRT)
    client.join(timeout=60)
    assert got.get("status") == 503, (got, log.read_text()[-2000:])
    assert got["headers"]["Content-Type"] == "application/problem+json"
    assert got["headers"]["Retry-After"].isdigit()
    problem = json.loads(got["body"])
    assert (problem["status"], problem["type"]) == (503, "urn:sourcecheck:problem:deadline-exceeded")
    # the aborted worker is gone at once (its audit thread does not run on) and a fresh one answers
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(base + "/healthz", timeout=2).status == 200:
                break
        except OSError:  # URLError, a refused or timed-out connection: not yet
            time.sleep(0.2)
    else:
        pytest.fail("no worker answered after the abort")
    assert worker not in children(proc.pid)


def test_in_flight_holds_a_request_only_until_its_response_starts():
    from service.timeouts import InFlight

    seen = []

    def app(environ, start_response):
        seen.append(len(tracked.sockets()))  # while the view works: held
        start_response("200 OK", [])
        seen.append(len(tracked.sockets()))  # answered by the app: no longer ours
        return [b"ok"]

    tracked = InFlight(app)
    assert tracked({"gunicorn.socket": object()}, lambda status, headers, exc_info=None: None) == [b"ok"]
    assert seen == [1, 0] and tracked.sockets() == []


def test_the_timeout_problem_is_a_complete_http_response():
    from service.timeouts import problem_response

    head, body = problem_response().split(b"\r\n\r\n", 1)
    lines = head.decode().split("\r\n")
    assert lines[0] == "HTTP/1.1 503 Service Unavailable"
    assert f"Content-Length: {len(body)}" in lines and "Connection: close" in lines
    assert json.loads(body)["status"] == 503


def test_a_request_past_the_worker_timeout_gets_a_503_problem(tmp_path):
    """A threaded worker's heartbeat runs on while an audit computes, so the
    hooks themselves give a request at most SOURCECHECK_TIMEOUT seconds (the
    engine's deadline set far off here, as if one stage ran long)."""
    port = free_port()
    argv = with_bind(dockerfile_cmd(), f"127.0.0.1:{port}")
    argv[0] = str(BIN / argv[0])
    env = {**os.environ, "SOURCECHECK_WORKERS": "1", "SOURCECHECK_DEADLINE": "600", "SOURCECHECK_TIMEOUT": "2",
           "SOURCECHECK_API_KEYS": "", "DATABASE_URL": "", "SOURCECHECK_DB_PATH": str(tmp_path / "t.db")}
    with open(tmp_path / "stderr.log", "wb") as err:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    try:
        healthy(base, proc, tmp_path / "stderr.log")
        request = urllib.request.Request(base + "/v1/audits", data=json.dumps({"text": SLOW}).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request, timeout=120)
        assert answer.value.code == 503, (tmp_path / "stderr.log").read_text()[-2000:]
        assert answer.value.headers["Content-Type"] == "application/problem+json"
        assert answer.value.headers["Retry-After"].isdigit()
        healthy(base, proc, tmp_path / "stderr.log")  # a fresh worker took over
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def healthy(base: str, proc, log: Path) -> None:
    wait_ok(base + "/healthz", proc, log)


def test_a_request_counts_as_work_only_once_its_body_is_read():
    import io

    from service.timeouts import InFlight

    seen = []

    def app(environ, start_response):
        seen.append(tracked.longest() == 0.0)  # the body not yet read: no clock
        environ["wsgi.input"].read(5)
        time.sleep(0.01)
        seen.append(tracked.longest() > 0.0)  # read: the work's clock runs
        start_response("200 OK", [])
        return [b""]

    tracked = InFlight(app)
    tracked({"gunicorn.socket": object(), "CONTENT_LENGTH": "5", "wsgi.input": io.BytesIO(b"hello")},
            lambda status, headers, exc_info=None: None)
    assert seen == [True, True]
