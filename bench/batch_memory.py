#!/usr/bin/env python3
"""Peak memory of ``sourcecheck batch`` as the archive grows.

    python bench/batch_memory.py [--lines 1000 5000] [--runners serial jobs dask]

Writes JSONL archives of each size by cycling our own fixture articles (the
seed article and ``examples/archive.jsonl``, each line a fresh id), runs
``sourcecheck batch`` on each with every runner (serial ``--jobs 1``, local
processes ``--jobs N`` with N the CPU count, a ``--dask local:2`` cluster),
output to /dev/null, and prints the peak resident memory of the client
process (the one reading the archive and writing the reports; with ``--dask
local`` it also holds the scheduler) and of its largest worker, with the
growth from the smallest archive to the largest. Flat means the client's
peak grows by less than 10%.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

# runs the command in this process, then reports this process's peak RSS and
# that of its largest waited-for descendant (the workers), in kB
_WRAPPER = """
import resource, sys
from service.cli import main
try:
    main(sys.argv[2:])
except SystemExit as e:
    code = e.code
else:
    code = 0
with open(sys.argv[1], "w") as f:
    f.write(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} "
            f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {code or 0}")
"""

RUNNERS = {
    "serial": ["--jobs", "1"],
    "jobs": ["--jobs", str(os.cpu_count() or 1)],
    "dask": ["--dask", "local:2"],
}


def fixture_articles() -> list[dict]:
    seed = json.loads((ROOT / "service" / "examples" / "seed.json").read_text(encoding="utf-8"))
    found = [{"text": seed["text"], "title": seed["title"]}]
    with open(ROOT / "examples" / "archive.jsonl", encoding="utf-8") as f:
        found += [{k: v for k, v in json.loads(line).items() if k != "id"} for line in f if line.strip()]
    return found


def write_archive(path: pathlib.Path, lines: int) -> None:
    articles = fixture_articles()
    with open(path, "w", encoding="utf-8") as f:
        for i in range(lines):
            f.write(json.dumps({"id": f"a{i}", **articles[i % len(articles)]}, ensure_ascii=False) + "\n")


def run(archive: pathlib.Path, runner: str) -> tuple[float, float, float]:
    """(client peak MB, largest worker peak MB, seconds)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", _WRAPPER, out.name, "batch", str(archive), "-o", os.devnull,
                        "--no-progress", *RUNNERS[runner]], cwd=ROOT, check=True)
        seconds = time.perf_counter() - started
        self_kb, children_kb, code = map(int, out.read().split())
    if code not in (0,):
        raise SystemExit(f"sourcecheck batch exited {code}")
    return self_kb / 1024, children_kb / 1024, seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--runners", nargs="+", choices=list(RUNNERS), default=list(RUNNERS))
    a = ap.parse_args(argv)
    sizes = sorted(a.lines)
    with tempfile.TemporaryDirectory(prefix="batch-memory-") as tmp:
        archives = {n: pathlib.Path(tmp) / f"archive-{n}.jsonl" for n in sizes}
        for n, path in archives.items():
            write_archive(path, n)
        print(f"{'runner':<8}{'lines':>7}{'client MB':>11}{'worker MB':>11}{'seconds':>9}")
        for runner in a.runners:
            peaks = []
            for n in sizes:
                client, worker, seconds = run(archives[n], runner)
                peaks.append(client)
                print(f"{runner:<8}{n:>7}{client:>11.1f}{worker:>11.1f}{seconds:>9.1f}", flush=True)
            growth = (peaks[-1] - peaks[0]) / peaks[0] * 100
            print(f"{runner:<8} client peak {sizes[0]} -> {sizes[-1]} lines: {growth:+.1f}%"
                  f" ({'flat' if abs(growth) < 10 else 'NOT flat'})", flush=True)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
