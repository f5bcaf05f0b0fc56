"""Load benchmark: requests/s and latency percentiles for POST /v1/audits.

Starts the production server exactly as the Dockerfile does (gunicorn,
docker/gunicorn.conf.py) on a free loopback port with N workers, or targets
--url, then sends the seed article from C concurrent clients for a bounded
number of requests (or seconds), after a warm-up.

Two load generators: ``--client python`` (asyncio, one connection per
request, as gunicorn's sync workers close after each) and ``--client wrk``
(``apt-get install wrk``; C, far cheaper per request, so on a small machine
it steals less CPU from the server). Default: wrk when installed. Both run
on the same cores as the server: the figures include that competition.

    .venv/bin/python bench/load.py                      # 2 workers, 16 clients, 3000 requests
    .venv/bin/python bench/load.py --workers 2 --concurrency 16 --requests 5000
    .venv/bin/python bench/load.py --client python --requests 5000
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000   # a running server

Loopback only; it stops by itself.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "service" / "examples" / "seed.json"


def dockerfile_cmd(bind: str) -> list[str]:
    [line] = [line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD ")]
    argv = json.loads(line[4:])
    argv[argv.index("--bind") + 1] = bind
    argv[0] = str(Path(sys.executable).parent / argv[0])
    return argv


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "SOURCECHECK_WORKERS": str(workers)}  # request logs on, as in production
    proc = subprocess.Popen(dockerfile_cmd(f"127.0.0.1:{port}"), cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(base + "/readyz", timeout=2).status == 200:
                return proc, base
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("server did not become ready")


def run(base: str, body: bytes, concurrency: int, total: int, max_seconds: float) -> dict:
    """``total`` requests (or ``max_seconds``) from ``concurrency`` closed-loop
    clients; asyncio in one thread, so the clients do not fight over the GIL."""
    return asyncio.run(_run(urllib.parse.urlsplit(base), body, concurrency, total, max_seconds))


async def _run(url, body: bytes, concurrency: int, total: int, max_seconds: float) -> dict:
    request = (f"POST /v1/audits HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
               f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    latencies: list[float] = []
    errors: list[str] = []
    issued = 0
    stop_at = time.perf_counter() + max_seconds

    async def client() -> None:
        nonlocal issued
        while issued < total and time.perf_counter() < stop_at:
            issued += 1
            started = time.perf_counter()
            try:
                reader, writer = await asyncio.open_connection(url.hostname, url.port)
                writer.write(request)
                await writer.drain()
                raw = await asyncio.wait_for(reader.read(-1), timeout=30)  # the server closes
                writer.close()
                status = raw[9:12].decode("ascii", "replace")
            except (OSError, asyncio.TimeoutError) as e:
                status = type(e).__name__
            elapsed = time.perf_counter() - started
            (latencies.append(elapsed) if status == "200" else errors.append(status))

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    wall = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] * 1000

    return {
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "seconds": round(wall, 2),
        "rps": round(len(latencies) / wall, 1),
        "p50_ms": round(pct(50), 2),
        "p90_ms": round(pct(90), 2),
        "p99_ms": round(pct(99), 2),
        "max_ms": round(latencies[-1] * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
    }


def run_wrk(base: str, body: bytes, concurrency: int, seconds: float) -> dict:
    """The same load from wrk for ``seconds`` (wrk counts time, not requests)."""
    with tempfile.TemporaryDirectory() as tmp:
        payload = Path(tmp) / "body.json"
        payload.write_bytes(body)
        script = Path(tmp) / "post.lua"
        script.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                          f'wrk.body = io.open("{payload}"):read("*a")\n')
        out = subprocess.run(["wrk", f"-t{min(2, concurrency)}", f"-c{concurrency}", f"-d{max(1, int(seconds))}s",
                              "--latency", "-s", str(script), base + "/v1/audits"],
                             capture_output=True, text=True, check=True).stdout

    def ms(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
        return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

    pcts = dict(re.findall(r"^\s+(\d+)%\s+(\S+)$", out, re.M))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    latency = re.search(r"Latency\s+(\S+)\s+\S+\s+(\S+)", out)
    return {
        "requests": requests,
        "errors": (int(errors.group(1)) if errors else 0) + (
            sum(map(int, socket_errors.groups())) if socket_errors else 0),
        "seconds": seconds,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": ms(pcts["50"]),
        "p90_ms": ms(pcts["90"]),
        "p99_ms": ms(pcts["99"]),
        "max_ms": ms(latency.group(2)),
        "mean_ms": ms(latency.group(1)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (default: start gunicorn here)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--client", choices=("wrk", "python"), default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--requests", type=int, default=5000, help="python client: requests to send")
    parser.add_argument("--seconds", type=float, default=10, help="wrk: seconds to run")
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)

    seed = json.loads(SEED.read_text(encoding="utf-8"))
    body = json.dumps({"text": seed["text"], "title": seed["title"], "id": seed["id"]}).encode()
    proc = None
    base = args.url
    if base is None:
        proc, base = start_server(args.workers)
    try:
        run(base, body, args.concurrency, args.warmup, 30)
        if args.client == "wrk":
            figures = run_wrk(base, body, args.concurrency, min(args.seconds, args.max_seconds))
        else:
            figures = run(base, body, args.concurrency, args.requests, args.max_seconds)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    figures.update({"client": args.client, "workers": args.workers if args.url is None else None, "concurrency": args.concurrency,
                    "body_bytes": len(body), "cpus": os.cpu_count()})
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"POST /v1/audits (seed article, {len(body)} bytes): {figures['requests']} requests, "
              f"{figures['errors']} errors, {figures['concurrency']} clients ({args.client}), "
              f"{figures['workers'] or '?'} workers, {figures['cpus']} CPUs")
        print(f"  {figures['rps']} requests/s   p50 {figures['p50_ms']} ms   p90 {figures['p90_ms']} ms   "
              f"p99 {figures['p99_ms']} ms   max {figures['max_ms']} ms")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
