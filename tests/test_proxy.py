"""The shipped proxy, for real: Debian's nginx runs docker/nginx.conf on
loopback in front of the production gunicorn command. Twenty slowloris
connections (headers one byte every half second, reconnecting when cut off)
for 15 s leave the service available: a /healthz probe every 0.5 s succeeds.

Needs nginx (``scripts/test-setup.sh`` installs it; without it the tests skip)."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.test_api_deploy import BIN, ROOT, dockerfile_cmd, free_port, stop, wait_ok, with_bind

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed; run scripts/test-setup.sh as root")


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    """gunicorn (the Dockerfile's CMD) behind nginx (docker/nginx.conf); nginx's base URL."""
    tmp = tmp_path_factory.mktemp("proxy")
    app_port, proxy_port = free_port(), free_port()
    argv = with_bind(dockerfile_cmd(), f"127.0.0.1:{app_port}")
    argv[0] = str(BIN / argv[0])
    env = {**os.environ, "SOURCECHECK_WORKERS": "2", "SOURCECHECK_API_KEYS": "", "DATABASE_URL": "",
           "SOURCECHECK_DB_PATH": str(tmp / "r.db")}
    conf = (ROOT / "docker" / "nginx.conf").read_text()
    conf = conf.replace("server sourcecheck:8000;", f"server 127.0.0.1:{app_port};")
    conf = conf.replace("listen 8080;", f"listen 127.0.0.1:{proxy_port};")
    conf = conf.replace("/tmp/nginx", str(tmp / "nginx"))
    (tmp / "nginx.conf").write_text(conf)
    directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    app_log, proxy_log = tmp / "gunicorn.log", tmp / "nginx.log"
    with open(app_log, "wb") as a, open(proxy_log, "wb") as p:
        app = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=a)
        nginx = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", directives],
                                 stdout=subprocess.DEVNULL, stderr=p)
    base = f"http://127.0.0.1:{proxy_port}"
    try:
        wait_ok(f"http://127.0.0.1:{app_port}/readyz", app, app_log)
        wait_ok(base + "/healthz", nginx, proxy_log)
        yield base
    finally:
        stop(nginx, app)


def slowloris(port: int, stop: threading.Event, opened: list) -> None:
    """Send a request's headers one byte every half second, forever; reconnect when cut off."""
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                opened.append(1)
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                while not stop.wait(0.5):
                    s.sendall(b"a")
        except OSError:
            stop.wait(0.2)


def test_twenty_slowloris_connections_leave_the_service_available(proxy):
    port = int(proxy.rsplit(":", 1)[1])
    stop, opened = threading.Event(), []
    attackers = [threading.Thread(target=slowloris, args=(port, stop, opened), daemon=True) for _ in range(20)]
    for t in attackers:
        t.start()
    statuses = []
    try:
        time.sleep(1)  # let every attacker connect first
        end = time.monotonic() + 15
        while time.monotonic() < end:
            try:
                with urllib.request.urlopen(proxy + "/healthz", timeout=2) as resp:
                    statuses.append(resp.status)
            except (urllib.error.URLError, OSError) as e:
                statuses.append(repr(e))
            time.sleep(0.5)
    finally:
        stop.set()
        for t in attackers:
            t.join(10)
    assert len(opened) >= 20
    assert len(statuses) >= 20 and set(statuses) == {200}, statuses


def test_the_proxy_answers_an_oversized_body_with_a_413_problem(proxy):
    request = urllib.request.Request(proxy + "/v1/audits", data=b'{"text": "' + b"x" * 1_100_000 + b'"}',
                                     headers={"Content-Type": "application/json"}, method="POST")
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(request, timeout=30)
    assert (e.value.code, e.value.headers["Content-Type"]) == (413, "application/problem+json")
    assert json.loads(e.value.read())["type"] == "urn:sourcecheck:problem:body-too-large"


def test_the_proxy_passes_an_audit_through(proxy):
    request = urllib.request.Request(proxy + "/v1/audits", data=json.dumps({"text": "“Hi,” she said."}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as resp:
        assert resp.status == 200 and json.loads(resp.read())["quotes"][0]["text"] == "Hi,"


def test_the_gunicorn_config_uses_threaded_workers_and_keep_alive():
    import runpy

    conf = runpy.run_path(str(ROOT / "docker" / "gunicorn.conf.py"))
    assert (conf["worker_class"], conf["threads"] >= 2, conf["keepalive"] >= 2) == ("gthread", True, True)
