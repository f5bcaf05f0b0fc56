#!/usr/bin/env python3
"""Lines of the project that share a run of words with the evaluation articles.

    python bench/corpus_overlap.py [GOLD.jsonl ...] [--words N]

Tests, fixtures, comments and the README must use sentences of our own: the
PolNeAR texts are for research use only and must not be copied into the
project. Prints ``path:line: shared words`` for every line of ``tests/``,
``service/``, ``bench/`` and ``README.md`` that shares a run of ``--words``
(default 7) words with the ``text`` of any article in the gold files (default:
``../shared/data/polnear/{train,dev}.jsonl``). Generic newsroom phrases
("spoke on condition of anonymity") are not reported. Exit code 1 when a line
is found, 0 when none.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_GOLD = [ROOT.parent / "shared" / "data" / "polnear" / f"{s}.jsonl" for s in ("train", "dev")]
GENERIC = ("condition of anonymity", "not authorized to", "spoke on the condition", "said in a statement",
           "Islamic State in Iraq and Syria")
_WORD = re.compile(r"\w+")


def runs(words: list[str], n: int) -> set[str]:
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=pathlib.Path, default=DEFAULT_GOLD)
    ap.add_argument("--words", type=int, default=7)
    a = ap.parse_args(argv)
    corpus: set[str] = set()
    for path in a.gold:
        with open(path, encoding="utf-8") as f:
            for line in filter(str.strip, f):
                corpus |= runs(_WORD.findall(json.loads(line)["text"]), a.words)
    files = sorted(p for d in ("tests", "service", "bench") for p in (ROOT / d).rglob("*") if p.is_file())
    found = 0
    for path in files + [ROOT / "README.md"]:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, OSError):
            continue
        for n, line in enumerate(lines, 1):
            shared = [r for r in runs(_WORD.findall(line), a.words) & corpus if not any(g in r for g in GENERIC)]
            if shared:
                found += 1
                print(f"{path.relative_to(ROOT)}:{n}: {sorted(shared)[0]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
