#!/usr/bin/env python3
"""Engine speed and memory on a gold file (only ``text`` is used).

    python bench/speed.py GOLD.jsonl [--repeat N] [--tree DIR]

Audits every article once (``--repeat N``: N times; repeats run warm and so
flatter the figure), after one warm-up sentence. ``--tree DIR`` times the
engine of another checkout (an older commit's ``git worktree``) with this
script, for side-by-side runs. Prints articles per second, the CPU time of
the fastest pass over all articles (the figure least moved by other work on
a shared machine),
and the median and 95th percentile time per 1,000 words in both wall-clock
time (what a caller waits on this machine, with its load) and CPU time of
this process (what the audit costs), and the peak resident memory of this
process after auditing every article (one core, one process).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import resource
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def percentiles(values: list[float]) -> str:
    values = sorted(values)
    return f"median {statistics.median(values):.2f}  p95 {values[int(0.95 * (len(values) - 1))]:.2f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--repeat", type=int, default=1, help="audit each article this many times (default 1)")
    ap.add_argument("--tree", type=pathlib.Path, default=ROOT, help="the checkout whose engine is timed")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(a.tree.resolve()))
    from service.engine import audit

    texts = [json.loads(line)["text"] for line in open(a.gold, encoding="utf-8") if line.strip()]
    audit("Warm-up, the lexicons load once, officials said.")
    wall_kword, cpu_kword, wall, cpu, n, passes = [], [], 0.0, 0.0, 0, []
    for _ in range(a.repeat):
        p0 = time.process_time()
        for text in texts:
            w0, c0 = time.perf_counter(), time.process_time()
            audit(text)
            dw, dc = time.perf_counter() - w0, time.process_time() - c0
            wall, cpu, n = wall + dw, cpu + dc, n + 1
            kwords = max(1, len(text.split()) / 1000)
            wall_kword.append(dw * 1000 / kwords)
            cpu_kword.append(dc * 1000 / kwords)
        passes.append(time.process_time() - p0)
    words = sum(len(t.split()) for t in texts) / len(texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles                   {len(texts)} x {a.repeat} (mean {words:.0f} words)")
    print(f"articles per second        wall {n / wall:.1f}  CPU {n / cpu:.1f}")
    print(f"fastest pass               CPU {min(passes):.3f} s (of {a.repeat})")
    print(f"wall ms per 1,000 words    {percentiles(wall_kword)}")
    print(f"CPU ms per 1,000 words     {percentiles(cpu_kword)}")
    print(f"peak resident memory       {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
