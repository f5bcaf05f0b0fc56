#!/usr/bin/env python3
"""Time the engine on hostile inputs: huge, quote-heavy, unpunctuated,
deeply nested markup. Prints seconds and quotes found for each.

    python bench/adversarial.py
    python bench/adversarial.py --port 8000   # through a running server, at its caps

With ``--port`` each case is cut to the API's caps (``SOURCECHECK_MAX_CHARS``
characters, ``SOURCECHECK_MAX_BYTES`` of JSON body, the defaults unless given)
and posted to ``/v1/audits`` on loopback, then once more as a full batch
(``SOURCECHECK_MAX_BATCH`` articles sharing ``SOURCECHECK_MAX_BATCH_CHARS``);
it prints the status, the media type and the wall time of each answer.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from service.config import Config  # noqa: E402
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


def at_caps(text: str, max_chars: int, max_bytes: int) -> str:
    """The longest prefix of ``text`` within both caps (its JSON body, UTF-8, under max_bytes)."""
    text = text[:max_chars]
    while len(json.dumps({"text": text, "format": "html"}, ensure_ascii=False).encode()) > max_bytes:
        text = text[:int(len(text) * 0.95)]
    return text


def post(url: str, body: dict) -> tuple[int, str, float]:
    data = json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
            status, media = response.status, response.headers.get_content_type()
    except urllib.error.HTTPError as e:
        e.read()
        status, media = e.code, e.headers.get_content_type()
    except OSError as e:  # a dropped connection: what the caps and the deadline must prevent
        return 0, type(e).__name__, time.perf_counter() - t0
    return status, media, time.perf_counter() - t0


def through_server(args) -> int:
    base = f"http://127.0.0.1:{args.port}/v1"
    worst = 0.0
    for name, (text, fmt) in CASES.items():
        text = at_caps(text, args.max_chars, args.max_bytes)
        status, media, seconds = post(base + "/audits", {"text": text, "format": fmt})
        worst = max(worst, seconds)
        print(f"{name:32} {len(text):>9,} chars  {seconds:6.2f} s  {status} {media}")
    for name, (text, fmt) in CASES.items():
        each = args.max_batch_chars // args.max_batch
        articles = [{"text": at_caps(text, each, args.max_bytes // args.max_batch), "format": fmt}
                    for _ in range(args.max_batch)]
        status, media, seconds = post(base + "/audits:batch", {"articles": articles})
        worst = max(worst, seconds)
        chars = sum(len(a["text"]) for a in articles)
        print(f"batch of {args.max_batch}: {name:22} {chars:>9,} chars  {seconds:6.2f} s  {status} {media}")
    print(f"slowest answer: {worst:.2f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, help="post each case to a server on 127.0.0.1:PORT")
    caps = Config()  # the server's defaults; pass the caps it was started with
    parser.add_argument("--max-chars", type=int, default=caps.max_chars)
    parser.add_argument("--max-bytes", type=int, default=caps.max_bytes)
    parser.add_argument("--max-batch", type=int, default=caps.max_batch)
    parser.add_argument("--max-batch-chars", type=int, default=caps.max_batch_chars)
    args = parser.parse_args()
    if args.port:
        return through_server(args)
    for name, (text, fmt) in CASES.items():
        t0 = time.perf_counter()
        report = audit(text, fmt)
        print(f"{name:32} {len(text):>9,} chars  {time.perf_counter() - t0:6.2f} s  {len(report.quotes):>6} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
