"""Speed of the report stage alone (summary, findings, readability, score) on
the seed article repeated N times with its expected quotes and sources.

    .venv/bin/python bench/report_stage.py [N ...]
"""
from __future__ import annotations

import json
import pathlib
import sys
import time
from dataclasses import replace

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.engine import DEFAULT, Span, build_report, load  # noqa: E402
from tests.report_builders import seed_article  # noqa: E402


def repeated(n: int):
    seed = json.loads((ROOT / "service" / "examples" / "seed.json").read_text(encoding="utf-8"))
    quotes, sources = seed_article(seed).build()
    step = len(seed["text"]) + 2
    text = (seed["text"] + "\n\n") * n

    def shift(x, k):
        return None if x is None else replace(x, span=Span(x.span.start + k * step, x.span.end + k * step))

    qs, ss = [], []
    for k in range(n):
        for q in quotes:
            qs.append(replace(q, id=f"{q.id}-{k}", span=Span(q.span.start + k * step, q.span.end + k * step),
                              cue=shift(q.cue, k), speaker=shift(q.speaker, k),
                              source_id=q.source_id and f"{q.source_id}-{k}"))
        for s in sources:
            ss.append(replace(s, id=f"{s.id}-{k}", quote_ids=tuple(f"{i}-{k}" for i in s.quote_ids),
                              mentions=tuple(shift(m, k) for m in s.mentions), descriptor=shift(s.descriptor, k),
                              anonymity_reason=shift(s.anonymity_reason, k)))
    return load(text), qs, ss


def main(sizes: list[int]) -> None:
    build_report(load("Officials said it was late."), [], [], policy=DEFAULT)  # load lexicons and dictionaries once
    for n in sizes:
        doc, qs, ss = repeated(n)
        t = time.perf_counter()
        report = build_report(doc, qs, ss, policy=DEFAULT)
        ms = (time.perf_counter() - t) * 1000
        print(f"seed x{n:<5} {len(doc.text):>9,} chars {len(qs):>6} quotes {len(report.findings):>6} findings "
              f"{ms:9.1f} ms")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 10, 100, 900])
