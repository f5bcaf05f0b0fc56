"""Time the standards desk's report page: build the view and render the
template for one stored report of N synthetic quotes (default 20,000),
best of a few rounds, as CPU seconds. Target: under 2 s at 20,000 quotes.

    .venv/bin/python bench/review_page.py
    .venv/bin/python bench/review_page.py --quotes 2000 20000 --rounds 5

The tests check that the page scales linearly (``tests/test_review_scale.py``);
the absolute budget lives here, since CPU time on a shared machine varies 2x.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask import render_template  # noqa: E402

from service.review import reportview  # noqa: E402
from tests.review_fixtures import review_app  # noqa: E402
from tests.test_review_scale import big_report  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, nargs="+", default=[20_000])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    app = review_app()
    store = app.extensions["sourcecheck.store"]
    for n in args.quotes:
        report, text = big_report(n)
        stored = store.get(store.save(report, text=text, format="text"))
        builds, renders = [], []
        with app.test_request_context(f"/review/{stored.id}"):
            for _ in range(args.rounds):
                t0 = time.process_time()
                view = reportview.build(stored.report, stored.text, stored.title)
                t1 = time.process_time()
                render_template("review/report.html", view=view, stored=stored)
                builds.append(t1 - t0)
                renders.append(time.process_time() - t1)
        best = min(b + r for b, r in zip(builds, renders))
        print(f"{n:>7} quotes: build {min(builds):.3f} s, render {min(renders):.3f} s, "
              f"best total {best:.3f} s CPU{'  (over the 2 s budget)' if n >= 20_000 and best > 2 else ''}")


if __name__ == "__main__":
    main()
