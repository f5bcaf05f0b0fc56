#!/usr/bin/env python3
"""Time the engine on hostile inputs: huge, quote-heavy, unpunctuated,
deeply nested markup. Prints seconds and quotes found for each.

    python bench/adversarial.py
"""
from __future__ import annotations

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from service.engine import audit  # noqa: E402

CASES = {
    "200k opening marks": ("“" * 200_000, "text"),
    "1.3 MB of 'He said that'": ("He said that " * 100_000, "text"),
    "1.5 MB without punctuation": ("word " * 300_000, "text"),
    "100k tiny quotes": ('"a" ' * 100_000, "text"),
    "50k nested divs": ("<div>" * 50_000 + 'He said "hi there friend"' + "</div>" * 50_000, "html"),
    "10k nested blockquotes": ("> " * 10_000 + "x", "markdown"),
    "20k attributed paragraphs": ("“Hi,” she said.\n\n" * 20_000, "text"),
    "50k alternating marks": ("'a' \"b\" " * 50_000, "text"),
    "40k quotes in one paragraph": ("“Hi there,” she said. " * 40_000, "text"),
}


def main() -> int:
    for name, (text, fmt) in CASES.items():
        t0 = time.perf_counter()
        report = audit(text, fmt)
        print(f"{name:32} {len(text):>9,} chars  {time.perf_counter() - t0:6.2f} s  {len(report.quotes):>6} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
