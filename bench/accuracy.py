#!/usr/bin/env python3
"""Run the engine over a gold JSONL file and score it with the shared scorer.

    python bench/accuracy.py GOLD.jsonl [--out PRED.jsonl] [--scorer PATH]

Uses only each line's ``id`` and ``text``; writes predictions in the format
of ``shared/eval/score.py`` and prints its figures overall and for direct
quotations (``--kinds direct``).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.engine import audit  # noqa: E402

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def predict(article: dict) -> dict:
    """One article's predictions in the scorer's format."""
    report = audit(article["text"])
    sources = {s.id: s for s in report.sources}
    quotes = []
    for q in report.quotes:
        src = sources.get(q.source_id)
        sp = q.speaker
        # the gold lists each fragment of a quote broken by its attribution on its own,
        # and a quotation running over paragraphs as one
        for frag in _pieces(article["text"], q.fragments or (q.span,)):
            quotes.append({
                "start": frag.start,
                "end": frag.end,
                "kind": q.kind,
                "speaker": sp.text if sp else None,
                "speaker_start": sp.span.start if sp else None,
                "speaker_end": sp.span.end if sp else None,
                "speaker_name": src.name if src else (sp.text if sp else None),
                "source_type": src.type if src else "unattributed",
                "cue": q.cue.text if q.cue else None,
                "rule": q.rule,
            })
    return {"id": article["id"], "quotes": quotes}


_BETWEEN_PARAGRAPHS = set(" \t\r\n\u00a0\"“”„«»'`‘’")


def _pieces(text: str, frags) -> list:
    """Fragments joined where only marks and paragraph breaks stand between
    them (one quotation over paragraphs); kept apart where an attribution
    breaks the quotation."""
    out = [frags[0]]
    for f in frags[1:]:
        gap = text[out[-1].end:f.start]
        if "\n" in gap and set(gap) <= _BETWEEN_PARAGRAPHS:
            out[-1] = type(f)(out[-1].start, f.end)
        else:
            out.append(f)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--out", help="where to write the predictions (default: a temporary file)")
    ap.add_argument("--scorer", default=str(DEFAULT_SCORER))
    a = ap.parse_args(argv)
    out = pathlib.Path(a.out) if a.out else pathlib.Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with open(a.gold, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            if line.strip():
                w.write(json.dumps(predict(json.loads(line)), ensure_ascii=False) + "\n")
    for title, extra in (("all attributions", []), ("direct quotations", ["--kinds", "direct"])):
        print(f"== {title}")
        sys.stdout.flush()
        subprocess.run([sys.executable, a.scorer, a.gold, str(out), *extra], check=True)
        scored = json.loads(subprocess.run([sys.executable, a.scorer, a.gold, str(out), *extra, "--json"],
                                           check=True, capture_output=True, text=True).stdout)
        if scored.get("type_confusion"):
            print(confusion_table(scored["type_confusion"]))
    return 0


TYPES = ("named", "anonymous", "institutional", "unattributed")


def confusion_table(confusion: dict[str, int]) -> str:
    """The scorer's ``gold->predicted`` counts as a table: gold types down,
    predicted types across."""
    cells = {tuple(k.split("->")): n for k, n in confusion.items()}
    corner = "gold / predicted"
    head = f"{corner:>16}" + "".join(f"{t:>15}" for t in TYPES)
    rows = [head] + [f"{g:>16}" + "".join(f"{cells.get((g, p), 0):>15}" for p in TYPES)
                     for g in TYPES[:3]]
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
