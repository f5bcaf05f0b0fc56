#!/usr/bin/env python3
"""A longer, randomized fuzz of the engine's properties (not part of CI, whose
property tests are derandomized): every span matches the text it names, and
no input raises anything but ``InputError``.

    python bench/fuzz.py [--examples 5000] [--seed N]

Prints the seed, so a failure can be replayed with ``--seed``.
"""
from __future__ import annotations

import argparse
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from service.engine import InputError, audit  # noqa: E402
from service.engine.sources.mentions import analyse  # noqa: E402

WORDS = st.sampled_from(["said", "told", "according to", "officials", "he", "she", "who", "Mr.", "Ana Ruiz",
                         "the Pentagon", "a spokeswoman for the city", ",", ".", '"', "“", "”", "'", "\n\n",
                         "\u00a0", "\u200b", "(", ")", ":", "—", "Sen.", "said Dr.", "anonymity", "because"])
ARTICLES = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=80).map(" ".join)


def check(text: str) -> None:
    for fmt in ("text", "markdown", "html"):
        try:
            report = audit(text, fmt)
        except InputError:
            continue
        plain = report.document.text
        for q in report.quotes:
            assert plain[q.span.start:q.span.end] == q.text, (fmt, q)
            if q.speaker is not None:
                assert plain[q.speaker.span.start:q.speaker.span.end] == q.speaker.text, (fmt, q)
    analyse(text[:80])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=None)
    a = ap.parse_args(argv)
    seed = a.seed if a.seed is not None else random.randrange(2 ** 32)
    print(f"seed {seed}, {a.examples} examples")
    run = settings(max_examples=a.examples, deadline=None, database=None, derandomize=False,
                   suppress_health_check=list(HealthCheck))(given(ARTICLES)(check))
    run._hypothesis_internal_use_seed = seed
    run()
    print("no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
