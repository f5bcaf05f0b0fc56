"""Single saves side by side: two checkouts of the code (before and after a
change), each saving into its own database seeded alike (``desk_scale.py``
seeds one), alternated round by round so both see the same load.

    .venv/bin/python bench/desk_saves.py --rounds 6 --saves 100 \\
        --side main=/tmp/main-checkout,postgresql+psycopg://postgres@127.0.0.1:55433/main \\
        --side branch=.,postgresql+psycopg://postgres@127.0.0.1:55433/branch

Each round runs each side in a fresh process (its store, its connection
pool): 20 saves to warm up, then ``--saves`` timed ones, each a new story of
``desk_scale.synthetic`` (the common case: nothing to supersede). Between
rounds a one-row INSERT's commit is timed on the first side's database: the
floor any save pays on that server and disk at that moment. Prints median,
p95 and mean per side over all rounds, client CPU (thread time) per save,
and the load average before each round.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid


def one_side(code: str, url: str, saves: int, seed: int) -> None:
    """In a child process: time ``saves`` saves with the store of checkout ``code``; print JSON."""
    sys.path[:0] = [code, os.path.join(code, "bench")]
    import desk_scale  # noqa: E402 - from that checkout

    from service.store import Store, StoryMeta  # noqa: E402

    store = Store(url)
    rng = random.Random(seed)
    wall, cpu = [], []
    for n in range(20 + saves):
        report, text, meta = desk_scale.synthetic(rng, n)
        story = StoryMeta(story_id=uuid.uuid4().hex, desk=meta.desk, authors=meta.authors,
                          published_at=meta.published_at)
        c0, t0 = time.thread_time(), time.perf_counter()
        store.save(report, text=text, format="text", story=story)
        t1, c1 = time.perf_counter(), time.thread_time()
        if n >= 20:
            wall.append((t1 - t0) * 1000)
            cpu.append((c1 - c0) * 1000)
    store.close()
    print(json.dumps({"wall": wall, "cpu": cpu}))


def floor_at(url: str, n: int = 100) -> list[float]:
    """``desk_scale.commit_floor`` on the database at ``url``."""
    from sqlalchemy import create_engine

    from desk_scale import commit_floor

    engine = create_engine(url)
    try:
        return commit_floor(engine, n)
    finally:
        engine.dispose()


def summary(runs: list[float]) -> str:
    runs = sorted(runs)
    return (f"median {statistics.median(runs):6.2f} ms   p95 {runs[int(len(runs) * .95)]:6.2f} ms   "
            f"mean {statistics.mean(runs):6.2f} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", action="append", required=True, help="NAME=CHECKOUT,DATABASE_URL (repeat)")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--saves", type=int, default=100, help="timed saves a side a round")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        one_side(args.child[0], args.child[1], args.saves, int(args.child[2]))
        return 0
    sides = []
    for spec in args.side:
        name, rest = spec.split("=", 1)
        code, url = rest.split(",", 1)
        sides.append((name, os.path.abspath(code), url))
    wall = {name: [] for name, _, _ in sides}
    cpu = {name: [] for name, _, _ in sides}
    floor = []
    for r in range(args.rounds):
        print(f"round {r + 1}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
        for name, code, url in sides:
            out = subprocess.run([sys.executable, __file__, "--side", "x=y,z", "--saves", str(args.saves),
                                  "--child", code, url, str(r)], check=True, capture_output=True, text=True)
            got = json.loads(out.stdout.splitlines()[-1])
            wall[name] += got["wall"]
            cpu[name] += got["cpu"]
        floor += floor_at(sides[0][2])
    for name, _, _ in sides:
        print(f"{name:<10} store one report ({len(wall[name])} saves)   {summary(wall[name])}   "
              f"client CPU median {statistics.median(cpu[name]):.2f} ms")
    print(f"{'floor':<10} a one-row INSERT's commit ({len(floor)})   {summary(floor)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
