#!/usr/bin/env python3
"""Time the engine on hostile inputs: huge, quote-heavy, unpunctuated,
deeply nested markup, one long paragraph. Prints the CPU seconds of each at
half and at full size, their ratio (2 for a shape that stays linear) and the
quotes found.

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

# invented news prose: quotes, reported speech, names and titles, one paragraph's worth
_PROSE = ('The council met on Tuesday to discuss the new ferry timetable. "We have listened to every '
          'resident," said Mayor Ana Ruiz, who chairs the transport board. Officials said the changes would '
          'take effect in March. According to the harbour office, crossings rose by a tenth last year. '
          '"It is not enough," one commuter said, adding that the last boat leaves too early. Ruiz told '
          'reporters she hoped to add a night service, and the board is expected to vote next week. ')
_MB = 1_000_000 // len(_PROSE)

# each case is built at a scale (1 = full size): timed at half and full size, a linear
# shape takes twice as long at full size
CASES = {
    "200k opening marks": (lambda k: "“" * int(200_000 * k), "text"),
    "1.3 MB of 'He said that'": (lambda k: "He said that " * int(100_000 * k), "text"),
    "1.5 MB without punctuation": (lambda k: "word " * int(300_000 * k), "text"),
    "100k tiny quotes": (lambda k: '"a" ' * int(100_000 * k), "text"),
    "50k nested divs": (lambda k: "<div>" * int(50_000 * k) + 'He said "hi there friend"' + "</div>" * int(50_000 * k),
                        "html"),
    "10k nested blockquotes": (lambda k: "> " * int(10_000 * k) + "x", "markdown"),
    "20k attributed paragraphs": (lambda k: "“Hi,” she said.\n\n" * int(20_000 * k), "text"),
    "50k alternating marks": (lambda k: "'a' \"b\" " * int(50_000 * k), "text"),
    "40k quotes in one paragraph": (lambda k: "“Hi there,” she said. " * int(40_000 * k), "text"),
    "1 MB article in one paragraph": (lambda k: _PROSE * int(_MB * k), "text"),
    "1 MB article in paragraphs": (lambda k: (_PROSE.rstrip() + "\n\n") * int(_MB * k), "text"),
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
    for name, (build, fmt) in CASES.items():
        text = at_caps(build(1), args.max_chars, args.max_bytes)
        status, media, seconds = post(base + "/audits", {"text": text, "format": fmt})
        worst = max(worst, seconds)
        print(f"{name:32} {len(text):>9,} chars  {seconds:6.2f} s  {status} {media}")
    for name, (build, fmt) in CASES.items():
        each = args.max_batch_chars // args.max_batch
        articles = [{"text": at_caps(build(1), each, args.max_bytes // args.max_batch), "format": fmt}
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
    for fmt in ("text", "markdown", "html"):  # lexicons, patterns and parsers loaded before any case is timed
        audit("“Hi,” she said.", fmt)
    print(f"{'case':32} {'chars':>9}        {'half size':>9}  {'full size':>9}  {'ratio':>5}  quotes")
    for name, (build, fmt) in CASES.items():
        seconds = []
        for k in (0.5, 1):
            text = build(k)
            t0 = time.process_time()
            report = audit(text, fmt)
            seconds.append(time.process_time() - t0)
        ratio = seconds[1] / seconds[0] if seconds[0] > 0.005 else float("nan")
        print(f"{name:32} {len(text):>9,} chars  {seconds[0]:7.2f} s  {seconds[1]:7.2f} s  {ratio:5.2f}"
              f"  {len(report.quotes):>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
