"""Speed of the sources stage alone (``resolve_sources``): the seed article
repeated N times with its annotated speaker mentions, or every article of a
JSONL file in the seed's format (``text`` and ``quotes`` with speaker offsets).

    .venv/bin/python bench/sources_stage.py [N ...]
    .venv/bin/python bench/sources_stage.py --jsonl PATH
"""
from __future__ import annotations

import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.engine import Mention, Quote, Span, load, resolve_sources  # noqa: E402

KINDS = ("direct", "partial", "indirect")


def article(record: dict, repeat: int = 1):
    """A Document and its quotes (speakers from the annotation), ``repeat`` times over."""
    sep = "\n\n"
    step = len(record["text"]) + len(sep)
    text = (record["text"] + sep) * repeat
    quotes = []
    for k in range(repeat):
        for i, q in enumerate(record["quotes"]):
            speaker = None
            if q.get("speaker") and q.get("speaker_start") is not None:
                speaker = Mention(Span(q["speaker_start"] + k * step, q["speaker_end"] + k * step), q["speaker"])
            quotes.append(Quote(id=f"q{k}-{i}", kind=q["kind"] if q["kind"] in KINDS else "indirect",
                                span=Span(q["start"] + k * step, q["end"] + k * step), text=q["quote"],
                                speaker=speaker))
    return load(text), quotes


def measure(cases) -> tuple[float, int, int]:
    words = sum(len(doc.text.split()) for doc, _ in cases)
    sources = 0
    t = time.perf_counter()
    for doc, quotes in cases:
        sources += len(resolve_sources(doc, quotes)[1])
    return time.perf_counter() - t, words, sources


def main(argv: list[str]) -> None:
    resolve_sources(*article({"text": "Officials said it was late.", "quotes": []}))  # load lexicons once
    if argv[:1] == ["--jsonl"]:
        records = [json.loads(line) for line in pathlib.Path(argv[1]).read_text(encoding="utf-8").splitlines() if line]
        cases = [article(r) for r in records]
        measure(cases)  # warm the per-process caches
        secs, words, sources = measure(cases)
        print(f"{len(cases)} articles, {words:,} words, {sources:,} sources: "
              f"{secs * 1000:.1f} ms, {secs * 1e6 / words:.2f} ms per 1,000 words")
        return
    seed = json.loads((ROOT / "service" / "examples" / "seed.json").read_text(encoding="utf-8"))
    for n in [int(a) for a in argv] or [1, 10, 100]:
        case = article(seed, n)
        measure([case])  # warm the per-process caches
        secs, words, sources = measure([case])
        print(f"seed x{n}: {words:,} words, {sources:,} sources: {secs * 1000:.2f} ms, "
              f"{secs * 1e6 / words:.2f} ms per 1,000 words")


if __name__ == "__main__":
    main(sys.argv[1:])
