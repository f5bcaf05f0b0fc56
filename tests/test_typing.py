"""The engine's annotations are checked, not decoration: mypy (configured in
pyproject.toml, ``[tool.mypy]``) finds no error in ``service/engine``.

A wrong annotation misleads the next reader and hides the None a caller
forgets; compiling the engine (mypyc) would turn each one into a runtime
TypeError. Run ``.venv/bin/python -m mypy`` to see what this test sees.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_error_in_the_engine(tmp_path):
    done = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout
