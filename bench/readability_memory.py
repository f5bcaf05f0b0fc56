"""Peak memory of readability over many distinct large articles (textstat
memoises on the whole text; readability.measure empties its caches).

    .venv/bin/python bench/readability_memory.py [COUNT] [MB]
"""
from __future__ import annotations

import json
import pathlib
import resource
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.engine import measure_readability as measure  # noqa: E402


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(count: int = 140, mb: float = 1.0) -> None:
    seed = json.loads((ROOT / "service" / "examples" / "seed.json").read_text(encoding="utf-8"))["text"]
    base = (seed + "\n\n") * int(mb * 1e6 / (len(seed) + 2))
    print(f"article {len(base) / 1e6:.2f} MB; peak RSS at start {peak_mb()} MB")
    t = time.perf_counter()
    for i in range(count):
        measure(f"Copy {i}. " + base)
        if i + 1 in (1, 10, 50, 100, count):
            print(f"{i + 1:>4} articles: peak RSS {peak_mb():>5} MB, {time.perf_counter() - t:6.1f} s")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[0]) if args else 140, float(args[1]) if len(args) > 1 else 1.0)
