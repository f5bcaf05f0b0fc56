"""Scale benchmark for the standards desk: seed N stored reports (default
100,000) into SQLite and/or PostgreSQL, then time the trends aggregates,
the report list, and storing one more report.

    .venv/bin/python bench/desk_scale.py                          # SQLite in a temp dir
    .venv/bin/python bench/desk_scale.py --url postgresql://postgres@127.0.0.1:5432/bench --fresh
    .venv/bin/python bench/desk_scale.py --reports 20000 --saves 300

Reports are synthetic (invented names and phrases, a fixed random seed):
3-14 quotes of the four source types, 1-6 sources, 0-6 findings, eight
desks, forty authors, two years of publication days; one story in ten is
filed twice (its first version is not counted by the trends). Seeding uses
``Store.save_many`` (the same rows ``save`` writes) as a bulk import does,
rebuilding the trends' roll-ups once at the end, then ANALYZE, as autovacuum
would; the single saves timed afterwards add to their roll-up cells as usual,
and the commit of each is timed alone too (on PostgreSQL a new story's save
is one statement with its own commit, so the bench times a one-row INSERT's
commit on the same server instead: the floor any save pays). ``--fresh`` empties a PostgreSQL
database first (DROP SCHEMA public CASCADE): point it only at a database kept
for benchmarks.
Targets (issue 12): trends under 500 ms, storing under 5 ms a report.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402
from sqlalchemy import text as sql  # noqa: E402

from service.store import Store, StoryMeta, sqlite_url  # noqa: E402

DESKS = ("Metro", "Politics", "Business", "World", "Sport", "Culture", "Science", "Health")
AUTHORS = tuple(f"Reporter {chr(65 + i // 8)}{i % 8}" for i in range(40))
PHRASES = ("a senior official", "people familiar with the matter", "a person close to the talks",
           "officials", "a diplomat", "sources", "an aide", "a former executive", "two people briefed on it")
RULES = ("anonymous-source", "anonymous-without-reason", "anonymous-without-basis", "anonymous-only-claim",
         "unattributed-claim", "loaded-verb", "single-source", "anonymous-share")
TYPES = ("named", "anonymous", "institutional", "unattributed")
START = date(2025, 1, 6)
DAYS = 728


def synthetic(rng: random.Random, n: int) -> tuple[dict, str, StoryMeta]:
    quotes = [{"id": f"q{i}", "start": i * 10, "end": i * 10 + 8, "text": "quoted words",
               "source_type": rng.choices(TYPES, (5, 2, 2, 1))[0], "kind": "direct",
               "speaker": {"start": 0, "end": 9, "text": f"Speaker {rng.randrange(500)}"}}
              for i in range(rng.randint(3, 14))]
    sources = []
    for i in range(rng.randint(1, 6)):
        kind = rng.choices(TYPES[:3], (5, 2, 2))[0]
        name = rng.choice(PHRASES) if kind == "anonymous" else f"Person {rng.randrange(2000)}"
        reason = {"start": 0, "end": 6, "text": "reason"} if kind == "anonymous" and rng.random() < .4 else None
        sources.append({"id": f"s{i}", "name": name, "type": kind, "descriptor": None, "anonymity_reason": reason})
    findings = [{"rule": rng.choice(RULES), "severity": "warning", "message": "m",
                 "span": {"start": 0, "end": 5, "text": f"words {rng.randrange(50)}"}, "quote_id": None,
                 "source_id": None, "suggestion": None} for _ in range(rng.randint(0, 6))]
    report = {"id": None, "title": f"Story {n}", "format": "text", "unit": "codepoint", "quotes": quotes,
              "sources": sources, "findings": findings, "score": {"value": rng.randint(30, 100), "grade": "B",
                                                                   "deductions": []}}
    day = START + timedelta(days=rng.randrange(DAYS))
    meta = StoryMeta(story_id=f"story-{n}", desk=rng.choice(DESKS), authors=tuple(rng.sample(AUTHORS, rng.randint(1, 2))),
                     published_at=datetime(day.year, day.month, day.day, 8, tzinfo=timezone.utc))
    return report, "Synthetic article text. " * 12, meta


def seed(store: Store, n: int, rng: random.Random) -> float:
    t0 = time.perf_counter()
    batch, made = [], 0
    while made < n:
        report, text, meta = synthetic(rng, made)
        batch.append((report, text, "text", None, meta))
        made += 1
        if made < n and rng.random() < 0.1:  # a second version of the same story
            batch.append((report, text, "text", None, meta))
            made += 1
        if len(batch) >= 2000:
            store.save_many(batch, rollup_now=False)
            batch = []
            print(f"  seeded {made:,}", end="\r", file=sys.stderr)
    if batch:
        store.save_many(batch, rollup_now=False)
    store.rebuild_trends()  # once, as a bulk import does
    with store.engine.begin() as conn:
        conn.execute(sql("ANALYZE"))
    return time.perf_counter() - t0


def timed(fn, repeat: int = 7) -> tuple[float, float]:
    fn()  # warm
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs), max(runs)


def durability(store: Store) -> str:
    """What a commit waits for: SQLite's journal and sync mode, PostgreSQL's fsync and synchronous_commit."""
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            return (f"journal_mode={conn.exec_driver_sql('PRAGMA journal_mode').scalar()}, "
                    f"synchronous={('OFF', 'NORMAL', 'FULL', 'EXTRA')[conn.exec_driver_sql('PRAGMA synchronous').scalar()]}")
        return ", ".join(f"{name}={conn.exec_driver_sql(f'SHOW {name}').scalar()}"
                         for name in ("fsync", "synchronous_commit"))


def bench(url: str, n: int, saves: int, fresh: bool) -> None:
    if fresh and url.startswith("postgres"):
        s = Store(url, migrate_on_open=False)
        with s.engine.begin() as conn:
            conn.execute(sql("DROP SCHEMA public CASCADE"))
            conn.execute(sql("CREATE SCHEMA public"))
        s.close()
    store = Store(url)
    dialect = store.engine.dialect.name
    rng = random.Random(12)
    print(f"{dialect}: seeding {n:,} reports ...", file=sys.stderr)
    seconds = seed(store, n, rng)
    with store.engine.connect() as conn:
        count = conn.execute(sql("SELECT count(*) FROM reports")).scalar()
    print(f"\n{dialect}: {count:,} reports stored in {seconds:.0f} s (save_many, 2,000 a transaction, one roll-up)")

    end = START + timedelta(days=DAYS - 1)
    quarter = (date(2026, 4, 1), date(2026, 6, 30))
    cases = [
        ("trends, all two years, all desks", lambda: store.trends(START, end)),
        ("trends, one quarter", lambda: store.trends(*quarter)),
        ("trends, one quarter, one desk", lambda: store.trends(*quarter, desk="Politics")),
        ("trends, two years, one author", lambda: store.trends(START, end, author=AUTHORS[7])),
        ("list page 1, no filter", lambda: store.page(number=1)),
        ("list, search 'story 4242'", lambda: store.page(search="story 4242")),
        ("list, desk + author, page 3", lambda: store.page(number=3, desk="World", author=AUTHORS[3])),
    ]
    for name, fn in cases:
        median, worst = timed(fn)
        print(f"{dialect}: {name:<36} median {median:7.1f} ms   worst {worst:7.1f} ms")

    one = [synthetic(rng, n + i) for i in range(saves)]
    runs, commits, committing = [], [], []
    event.listen(store.engine, "commit", lambda conn: committing.append(time.perf_counter()))
    for report, text, meta in one:
        t0 = time.perf_counter()
        store.save(report, text=text, format="text", story=meta)
        t1 = time.perf_counter()
        runs.append((t1 - t0) * 1000)
        if committing:  # the COMMIT alone (SQLite: and any WAL checkpoint)
            commits.append((t1 - committing.pop()) * 1000)
    runs.sort()
    commits.sort()
    print(f"{dialect}: store one report ({saves} saves)       median {statistics.median(runs):7.2f} ms   "
          f"p95 {runs[int(len(runs) * .95)]:7.2f} ms   mean {statistics.mean(runs):.2f} ms")
    if commits:
        print(f"{dialect}:   of which the commit                median {statistics.median(commits):7.2f} ms   "
              f"p95 {commits[int(len(commits) * .95)]:7.2f} ms   mean {statistics.mean(commits):.2f} ms   "
              f"({durability(store)})")
    else:  # PostgreSQL: a new story's save is one statement in autocommit, its commit inside it
        floor = commit_floor(store.engine, saves)
        print(f"{dialect}:   one statement, its own commit; a one-row INSERT's commit on this server: median "
              f"{statistics.median(floor):5.2f} ms   p95 {floor[int(len(floor) * .95)]:5.2f} ms   ({durability(store)})")
    store.close()


def commit_floor(engine, n: int) -> list[float]:
    """The time of n one-row INSERTs, each its own transaction: what any
    commit costs on this server and disk just now (sorted, ms)."""
    runs = []
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS bench_commit_floor (n integer)")
        for i in range(n):
            t0 = time.perf_counter()
            conn.exec_driver_sql(f"INSERT INTO bench_commit_floor VALUES ({i})")
            runs.append((time.perf_counter() - t0) * 1000)
        conn.exec_driver_sql("DROP TABLE bench_commit_floor")
    return sorted(runs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", action="append", help="database URL (repeat for several); default: SQLite in a temp dir")
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=500, help="single saves timed after seeding")
    parser.add_argument("--fresh", action="store_true", help="empty the PostgreSQL database first")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sourcecheck-bench-") as tmp:
        for url in args.url or [sqlite_url(os.path.join(tmp, "bench.db"))]:
            bench(url, args.reports, args.saves, args.fresh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
