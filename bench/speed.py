#!/usr/bin/env python3
"""Engine speed and memory on a gold file (only ``text`` is used).

    python bench/speed.py GOLD.jsonl [--repeat 3]

Prints articles per second, the median and 95th percentile time per 1,000
words, and the peak resident memory of this process after auditing every
article (one core, one process). Times are CPU time of this process.
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
sys.path.insert(0, str(ROOT))

from service.engine import audit  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    texts = [json.loads(line)["text"] for line in open(a.gold, encoding="utf-8") if line.strip()]
    audit("Warm-up, the lexicons load once, officials said.")
    per_kword, total, n = [], 0.0, 0
    for _ in range(a.repeat):
        for text in texts:
            t0 = time.process_time()  # CPU time: fair on a machine shared with other work
            audit(text)
            dt = time.process_time() - t0
            total += dt
            n += 1
            per_kword.append(dt * 1000 / max(1, len(text.split()) / 1000))
    per_kword.sort()
    words = sum(len(t.split()) for t in texts) / len(texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles               {len(texts)} x {a.repeat} (mean {words:.0f} words)")
    print(f"articles per second    {n / total:.1f}")
    print(f"ms per 1,000 words     median {statistics.median(per_kword):.2f}  "
          f"p95 {per_kword[int(0.95 * (len(per_kword) - 1))]:.2f}")
    print(f"peak resident memory   {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
