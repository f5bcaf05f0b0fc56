#!/usr/bin/env python3
"""How long a one-draft ``sourcecheck check`` takes before it audits.

Writes one short Markdown draft of its own into a temporary folder and runs
the real command on it, a few times, next to ``python -c pass`` (the
interpreter's own start) and ``sourcecheck --version`` (the command's
imports). The check runs through a small wrapper that notes the wall-clock
time when ``service.engine.audit`` is first entered and left, so the
figures split into start-up (process start to the first audit), the first
audit (which loads what only auditing needs: the rules, Punkt, the
hyphenation patterns) and the whole run. Medians, wall clock, seconds.

    python bench/startup.py [--repeat 7]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DRAFT = """# Council approves the tram extension

The city council approved the tram extension on Tuesday. "We have done the
work and the numbers add up," said Maria Lopez, the council's finance chair.

A senior official said the line would reopen in 12 weeks. Critics claimed the
consultation was rushed.
"""

# Runs ``sourcecheck ARGS`` (like the console script) with ``engine.audit``
# wrapped to write when the first audit starts and ends.
CHILD = """
import sys, time
marks = sys.argv.pop(1)
from service import engine
_audit, _first = engine.audit, []
def audit(*args, **kwargs):
    start = time.time()
    try:
        return _audit(*args, **kwargs)
    finally:
        if not _first:
            _first.append(1)
            with open(marks, "w") as f:
                f.write(f"{start} {time.time()}")
engine.audit = audit
sys.argv[0] = "sourcecheck"
from service.cli import main
main()
"""


def wall(cmd: list[str], env: dict) -> float:
    start = time.time()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.time() - start


def check_run(draft: Path, marks: Path, env: dict) -> tuple[float, float, float]:
    """(start to first audit, first audit, whole run) of one check."""
    start = time.time()
    done = subprocess.run([sys.executable, "-c", CHILD, str(marks), "check", "--isolated", str(draft)],
                          cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    end = time.time()
    if done.returncode not in (0, 1):
        raise SystemExit(f"check exited {done.returncode}")
    entered, left = map(float, marks.read_text().split())
    return entered - start, left - entered, end - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each command (median shown)")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        draft, marks = Path(tmp) / "draft.md", Path(tmp) / "marks"
        draft.write_text(DRAFT, encoding="utf-8")
        bare, version, runs = [], [], []
        for _ in range(args.repeat):  # interleaved, so a busy moment hits every command alike
            bare.append(wall([sys.executable, "-c", "pass"], env))
            version.append(wall([sys.executable, "-m", "service.cli", "--version"], env))
            runs.append(check_run(draft, marks, env))
    median = statistics.median
    rows = [
        ("python -c pass", median(bare)),
        ("sourcecheck --version", median(version)),
        ("check one draft: start to first audit", median(r[0] for r in runs)),
        ("check one draft: the first audit", median(r[1] for r in runs)),
        ("check one draft: whole run", median(r[2] for r in runs)),
    ]
    print(f"one-draft sourcecheck check, median of {args.repeat} runs (wall clock, seconds)")
    for label, seconds in rows:
        print(f"  {label:<40} {seconds:6.3f}")


if __name__ == "__main__":
    main()
