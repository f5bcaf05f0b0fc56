"""Load benchmark: requests/s and latency percentiles for POST /v1/audits.

Starts the production server exactly as the Dockerfile does (gunicorn,
docker/gunicorn.conf.py) on a free loopback port with N workers, or targets
--url / --port, then sends real-length articles (``--articles FILE.jsonl``,
one ``{"text": ...}`` a line, each request the next article; default the
seed article) from C concurrent clients for a bounded number of requests (or
seconds), after a warm-up. Besides requests/s and latency it prints the
server's CPU time per request (user + system of gunicorn and its workers,
read from /proc; for a running server give its master's pid with
``--server-pid``) beside the CPU time of ``audit()`` in this process on
the same sequence of articles (after the server has stopped), and their ratio:
what the HTTP path costs on top of the engine.

Two load generators: ``--client python`` (asyncio, one connection per
request, as gunicorn's sync workers close after each) and ``--client wrk``
(``apt-get install wrk``; C, far cheaper per request, so on a small machine
it steals less CPU from the server). Default: wrk when installed. Both run
on the same cores as the server: the figures include that competition.

    .venv/bin/python bench/load.py                      # 2 workers, 16 clients, 3000 requests
    .venv/bin/python bench/load.py --workers 2 --concurrency 16 --requests 5000
    .venv/bin/python bench/load.py --client python --requests 5000
    .venv/bin/python bench/load.py --articles ../shared/data/polnear/dev.jsonl
    .venv/bin/python bench/load.py --port 8000 --server-pid 1234   # a running server

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


def server_cpu(pid: int | None) -> float | None:
    """CPU seconds (user + system) of a gunicorn master, its reaped children
    and its living workers; None without a pid or /proc."""
    if pid is None:
        return None
    tick = os.sysconf("SC_CLK_TCK")

    def stat(p: int, with_children: bool) -> int:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15 if with_children else 13])  # utime stime [cutime cstime]

    try:
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        total = stat(pid, True)
        for child in children:
            try:
                total += stat(child, False)
            except OSError:  # exited meanwhile: counted in the master's cutime once reaped
                pass
    except OSError:
        return None
    return total / tick


def run(base: str, body: bytes | list[bytes], concurrency: int, total: int, max_seconds: float) -> dict:
    """``total`` requests (or ``max_seconds``) from ``concurrency`` closed-loop
    clients; asyncio in one thread, so the clients do not fight over the GIL."""
    return asyncio.run(_run(urllib.parse.urlsplit(base), body, concurrency, total, max_seconds))


async def _run(url, body: bytes | list[bytes], concurrency: int, total: int, max_seconds: float) -> dict:
    bodies = [body] if isinstance(body, bytes) else body
    requests = [(f"POST /v1/audits HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
                 f"Content-Length: {len(b)}\r\nConnection: close\r\n\r\n").encode() + b for b in bodies]
    latencies: list[float] = []
    errors: list[str] = []
    issued = 0
    stop_at = time.perf_counter() + max_seconds

    async def client() -> None:
        nonlocal issued
        while issued < total and time.perf_counter() < stop_at:
            request = requests[issued % len(requests)]
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


def run_wrk(base: str, body: bytes | list[bytes], concurrency: int, seconds: float) -> dict:
    """The same load from wrk for ``seconds`` (wrk counts time, not requests);
    each request the next of the bodies."""
    bodies = [body] if isinstance(body, bytes) else body
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, b in enumerate(bodies):
            paths.append(Path(tmp) / f"body{i}.json")
            paths[-1].write_bytes(b)
        script = Path(tmp) / "post.lua"
        names = ", ".join(json.dumps(str(path)) for path in paths)
        script.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                          f'local bodies, i = {{}}, 0\nfor _, name in ipairs({{{names}}}) do '
                          'bodies[#bodies + 1] = io.open(name):read("*a") end\n'
                          'request = function()\n  i = i % #bodies + 1\n'
                          '  return wrk.format(nil, nil, nil, bodies[i])\nend\n')
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


def in_process_cpu_ms(bodies: list[bytes], warmup: int, requests: int) -> float:
    """Mean CPU milliseconds of ``audit()`` (and nothing else) in this process
    over the same sequence of articles the server was sent: ``warmup`` of
    them first, then ``requests`` measured (the engine's memos warm alike)."""
    sys.path.insert(0, str(ROOT))
    from service.engine import audit

    articles = [json.loads(b) for b in bodies]
    audit("Warm-up, the lexicons load once, officials said.")
    spent = 0.0
    sequence = [(False, i) for i in range(warmup)] + [(True, i) for i in range(requests)]
    for measured, i in sequence:
        a = articles[i % len(articles)]
        c0 = time.process_time()
        audit(a["text"], format=a.get("format", "text"), title=a.get("title"), id=a.get("id"))
        if measured:
            spent += time.process_time() - c0
    return spent * 1000 / max(1, requests)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (default: start gunicorn here)")
    parser.add_argument("--port", type=int, help="a running server on 127.0.0.1:PORT")
    parser.add_argument("--server-pid", type=int, help="a running server's gunicorn master, for its CPU time")
    parser.add_argument("--articles", help="JSONL file of articles ({\"text\": ...} a line); default: the seed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--client", choices=("wrk", "python"), default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--requests", type=int, default=5000, help="python client: requests to send")
    parser.add_argument("--seconds", type=float, default=10, help="wrk: seconds to run")
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)

    if args.articles:
        with open(args.articles, encoding="utf-8") as f:
            bodies = [json.dumps({"text": json.loads(line)["text"]}).encode() for line in f if line.strip()]
        label = f"{len(bodies)} articles from {Path(args.articles).name}"
    else:
        seed = json.loads(SEED.read_text(encoding="utf-8"))
        bodies = [json.dumps({"text": seed["text"], "title": seed["title"], "id": seed["id"]}).encode()]
        label = "seed article"
    proc = None
    base = args.url or (f"http://127.0.0.1:{args.port}" if args.port else None)
    pid = args.server_pid
    if base is None:
        proc, base = start_server(args.workers)
        pid = proc.pid
    try:
        run(base, bodies, args.concurrency, args.warmup, 30)
        cpu0 = server_cpu(pid)
        if args.client == "wrk":
            figures = run_wrk(base, bodies, args.concurrency, min(args.seconds, args.max_seconds))
        else:
            figures = run(base, bodies, args.concurrency, args.requests, args.max_seconds)
        cpu1 = server_cpu(pid)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    inproc = in_process_cpu_ms(bodies, args.warmup, figures["requests"])
    external = args.url is not None or args.port is not None
    figures.update({"client": args.client, "workers": None if external else args.workers,
                    "concurrency": args.concurrency, "articles": len(bodies),
                    "mean_body_bytes": round(statistics.fmean(len(b) for b in bodies)), "cpus": os.cpu_count(),
                    "server_cpu_ms_per_request": None if cpu0 is None or cpu1 is None or not figures["requests"]
                    else round((cpu1 - cpu0) * 1000 / figures["requests"], 2),
                    "in_process_audit_cpu_ms": round(inproc, 2),
                    "load_average": [round(x, 2) for x in os.getloadavg()]})
    cpu = figures["server_cpu_ms_per_request"]
    figures["server_cpu_x_in_process"] = None if cpu is None else round(cpu / inproc, 2)
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"POST /v1/audits ({label}, mean {figures['mean_body_bytes']} bytes): {figures['requests']} requests, "
              f"{figures['errors']} errors, {figures['concurrency']} clients ({args.client}), "
              f"{figures['workers'] or '?'} workers, {figures['cpus']} CPUs")
        print(f"  {figures['rps']} requests/s   p50 {figures['p50_ms']} ms   p90 {figures['p90_ms']} ms   "
              f"p99 {figures['p99_ms']} ms   max {figures['max_ms']} ms")
        cpu = figures["server_cpu_ms_per_request"]
        print(f"  server CPU per request {'?' if cpu is None else f'{cpu} ms'}   "
              f"in-process audit() {figures['in_process_audit_cpu_ms']} ms   "
              f"ratio {figures['server_cpu_x_in_process'] or '?'}x   "
              f"load average {' '.join(map(str, figures['load_average']))}")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
