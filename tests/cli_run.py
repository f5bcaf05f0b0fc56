"""Running the real ``sourcecheck`` command in a subprocess, for the CLI tests."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI_FIXTURES = ROOT / "tests" / "fixtures" / "cli"
DRAFTS = CLI_FIXTURES / "drafts"
STUB = CLI_FIXTURES / "stub_rules.py"
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json"


def env(**extra: str) -> dict:
    out = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "SOURCECHECK"))}
    out["PYTHONPATH"] = str(ROOT)
    out.update(extra)
    return out


def sourcecheck(*args: str, stub: bool = False, cwd: Path | str = ROOT, input: bytes | None = None,
                timeout: float = 120, **extra_env: str) -> subprocess.CompletedProcess:
    """``python -m service.cli ARGS`` (or, with ``stub``, the same command
    with the stand-in finding rules of ``stub_rules.py``)."""
    head = [sys.executable, str(STUB)] if stub else [sys.executable, "-m", "service.cli"]
    return subprocess.run(head + list(args), cwd=cwd, input=input, capture_output=True,
                          timeout=timeout, env=env(**extra_env))
