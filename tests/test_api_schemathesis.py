"""The OpenAPI document agrees with the server: a schemathesis run with
``--checks all`` (every check, the stateful phase following the document's
links from ``stored_id`` to reading and deleting a report) passes against
the production command (gunicorn, the Dockerfile's CMD) on loopback.

Bounded and deterministic (``--generation-deterministic``, few examples)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_api_deploy import BIN, ROOT, dockerfile_cmd, free_port, with_bind


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    argv = with_bind(dockerfile_cmd(), f"127.0.0.1:{port}")
    argv[0] = str(BIN / argv[0])
    env = {**os.environ, "SOURCECHECK_WORKERS": "2", "SOURCECHECK_MAX_BATCH": "5", "DATABASE_URL": "",
           "SOURCECHECK_API_KEYS": "", "SOURCECHECK_DB_PATH": str(tmp_path_factory.mktemp("db") / "st.db")}
    log = tmp_path_factory.mktemp("gunicorn") / "stderr.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_schemathesis_with_every_check_passes_against_the_server(server, tmp_path):
    schemathesis = Path(sys.executable).parent / "schemathesis"
    done = subprocess.run(
        [str(schemathesis), "run", f"{server}/openapi.json", "--wait-for-schema", "60", "--checks", "all",
         "--max-examples", "10", "--generation-deterministic", "--no-color"],
        cwd=tmp_path, capture_output=True, text=True, timeout=480)
    summary = "\n".join(line[:2000] for line in done.stdout.splitlines()[-80:])
    assert done.returncode == 0, summary
