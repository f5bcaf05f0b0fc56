#!/usr/bin/env python3
"""How fast ``sourcecheck check`` gets through a folder of drafts.

Writes N drafts of its own (Markdown, HTML and text, a few hundred words
each, made from template sentences with a fixed seed) into a temporary
folder, runs the real command on the folder a few times and prints files
per second (wall clock, process start included), plus the same archive
through ``sourcecheck batch`` for comparison.

    python bench/cli_speed.py [--drafts 500] [--repeat 3] [--jobs 2]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = ["Maria Lopez", "Daniel Okafor", "Helen Park", "Tomas Novak", "Aisha Rahman", "Peter Lind"]
ROLES = ["the council's finance chair", "a spokeswoman for the transit authority",
         "the head of the tenants' association", "a professor of urban planning"]
ANON = ["a senior official", "two people familiar with the talks", "an aide who was not authorised to speak"]
VERBS = ["said", "told reporters", "said on Tuesday", "added", "claimed", "insisted"]
FACTS = ["the budget would grow by {n} percent", "the line would reopen in {n} weeks",
         "{n} families had applied for the scheme", "the vote had been delayed {n} times"]
QUOTES = ["We have done the work and the numbers add up.", "Nobody here wants another delay.",
          "It is too early to say what the final cost will be.", "This is a good day for the city."]
FILLER = ["The plan has been debated for months.", "Residents packed the hall on Monday evening.",
          "The proposal now goes to a second reading.", "Critics say the consultation was rushed.",
          "Officials expect a decision before the summer recess."]


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(5)
    fact = rng.choice(FACTS).format(n=rng.randint(2, 40))
    if kind == 0:
        return f'"{rng.choice(QUOTES)}" {rng.choice(PEOPLE)}, {rng.choice(ROLES)}, {rng.choice(VERBS)}.'
    if kind == 1:
        return f"According to {rng.choice(ANON)}, {fact}."
    if kind == 2:
        return f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} that {fact}."
    return rng.choice(FILLER)


def draft(rng: random.Random, fmt: str) -> str:
    title = f"Council update {rng.randint(1, 9999)}"
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(6, 12))]
    if fmt == "md":
        body = "\n\n".join(p.replace("percent", "*percent*", 1) for p in paragraphs)
        return f"# {title}\n\n{body}\n"
    if fmt == "html":
        body = "\n".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in paragraphs)
        return f"<!DOCTYPE html>\n<html><body>\n<h1>{title}</h1>\n{body}\n</body></html>\n"
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_drafts(folder: Path, n: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    size = 0
    for i in range(n):
        fmt = ("md", "html", "txt")[i % 3]
        text = draft(rng, fmt)
        (folder / f"draft-{i:04d}.{fmt}").write_text(text, encoding="utf-8")
        size += len(text.split())
    return size


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.decode()}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2, help="processes for the parallel runs")
    args = ap.parse_args()
    cli = [sys.executable, "-m", "service.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        words = write_drafts(folder, args.drafts)
        archive = Path(tmp) / "archive.jsonl"
        with archive.open("w", encoding="utf-8") as f:
            for p in sorted(folder.iterdir()):
                fmt = {".md": "markdown", ".html": "html"}.get(p.suffix, "text")
                f.write(json.dumps({"id": p.name, "format": fmt, "text": p.read_text(encoding="utf-8")}) + "\n")
        print(f"{args.drafts} drafts, {words:,} words, in {folder} "
              f"(python {sys.version.split()[0]}, {os.cpu_count()} cores)")
        startup = statistics.median(timed(cli + ["--version"]) for _ in range(args.repeat))
        print(f"process start (sourcecheck --version): {startup:.2f} s")
        runs = {
            "check FOLDER": cli + ["check", "--fail-on", "never", str(folder)],
            f"check FOLDER --jobs {args.jobs}": cli + ["check", "--fail-on", "never", "--jobs", str(args.jobs),
                                                     str(folder)],
            "check FOLDER --format sarif": cli + ["check", "--fail-on", "never", "-f", "sarif", str(folder)],
            "batch (serial)": cli + ["batch", "--jobs", "1", "-o", os.devnull, str(archive)],
            f"batch --jobs {args.jobs}": cli + ["batch", "--jobs", str(args.jobs), "-o", os.devnull, str(archive)],
        }
        for name, cmd in runs.items():
            times = [timed(cmd) for _ in range(args.repeat)]
            best, median = min(times), statistics.median(times)
            print(f"{name:32} median {median:6.2f} s  {args.drafts / median:7.1f} files/s "
                  f"(best {args.drafts / best:.1f} files/s)")


if __name__ == "__main__":
    main()
