#!/usr/bin/env python3
"""How far the engine is from the cheapest possible pass over the text.

    python bench/limit.py [GOLD.jsonl] [--repeat N]

Side by side in one run, on every article of a gold file (only ``text`` is
used; default ``../shared/data/polnear/train.jsonl``), CPU time of this
process for:

  regex     reading the article (``json.loads`` of its line) and one
            compiled regex pass over it (``\\w+``, every match visited)
  punkt     NLTK Punkt alone: sentence spans of the whole text (default
            parameters, nothing downloaded)
  tokenise  the project's tokeniser alone (``service.engine.tokenize``)
  audit     the full ``audit()``

each as milliseconds per 1,000 words (total time over total words: long
articles weigh as they cost) and as a ratio to the regex pass. The four
passes run article by article in turn (``--repeat N``: N rounds, the
fastest round of each kept), so the machine's load falls on all of them
alike; the ratios are the figure to quote, the milliseconds vary with load.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.engine import audit, tokenize  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
_WORD = re.compile(r"\w+")


def regex_pass(line: str) -> int:
    text = json.loads(line)["text"]
    n = 0
    for _ in _WORD.finditer(text):
        n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--repeat", type=int, default=1, help="rounds; the fastest of each pass is kept (default 1)")
    a = ap.parse_args(argv)

    from nltk.tokenize.punkt import PunktSentenceTokenizer  # the module only, as the engine loads it

    punkt = PunktSentenceTokenizer()
    lines = [line for line in open(a.gold, encoding="utf-8") if line.strip()]
    texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)
    audit("Warm-up, the lexicons load once, officials said.")
    list(punkt.span_tokenize("Warm-up. Once."))

    passes = {
        "regex": lambda i: regex_pass(lines[i]),
        "punkt": lambda i: list(punkt.span_tokenize(texts[i])),
        "tokenise": lambda i: tokenize(texts[i]),
        "audit": lambda i: audit(texts[i]),
    }
    best = {name: float("inf") for name in passes}
    for _ in range(a.repeat):
        spent = dict.fromkeys(passes, 0.0)
        for i in range(len(texts)):
            for name, run in passes.items():
                c0 = time.process_time()
                run(i)
                spent[name] += time.process_time() - c0
        best = {name: min(best[name], spent[name]) for name in passes}

    base = best["regex"]
    print(f"{pathlib.Path(a.gold).name}: {len(texts)} articles, {words:,} words, "
          f"best of {a.repeat} round(s), CPU time of one process")
    print(f"{'pass':<10}{'ms / 1,000 words':>18}{'x regex':>10}")
    for name, seconds in best.items():
        print(f"{name:<10}{seconds * 1e6 / words:>18.3f}{seconds / base:>10.1f}")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
