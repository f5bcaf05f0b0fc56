#!/usr/bin/env python3
"""Run the engine over a gold JSONL file and score it with the shared scorer.

    python bench/accuracy.py GOLD.jsonl [--out PRED.jsonl] [--scorer PATH]

Uses only each line's ``id`` and ``text``; writes predictions in the format
of ``shared/eval/score.py`` and prints its figures overall and for direct
quotations (``--kinds direct``).
"""
from __future__ import annotations

import argparse
from collections import Counter
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
    ap.add_argument("--by-cue", action="store_true",
                    help="also print recall by the gold's cue and precision by the engine's pattern")
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
    if a.by_cue:
        print(by_cue(a.gold, out, a.scorer))
    return 0


def by_cue(gold_path: str, pred_path: pathlib.Path, scorer: str, top: int = 30) -> str:
    """Recall of the gold quotes by their cue (lower case; the most frequent
    ``top``) and precision of the predictions by the pattern that found them,
    with the scorer's own lenient one-to-one matching."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold, pred = score.load(gold_path), score.load(str(pred_path))
    cue_all, cue_hit, rule_all, rule_hit = Counter(), Counter(), Counter(), Counter()
    for aid, g in gold.items():
        pq = pred.get(aid, {}).get("quotes", [])
        pairs = score.match(g["quotes"], pq, g["text"], 0.5)
        hit_g, hit_p = {id(x) for x, _ in pairs}, {id(y) for _, y in pairs}
        for q in g["quotes"]:
            c = (q.get("cue") or "(none)").lower()
            cue_all[c] += 1
            cue_hit[c] += id(q) in hit_g
        for q in pq:
            r = q.get("rule") or "(unattributed)"
            rule_all[r] += 1
            rule_hit[r] += id(q) in hit_p
    rows = ["== recall by gold cue", f"{'cue':<20}{'gold':>7}{'found':>7}{'recall':>8}"]
    rows += [f"{c:<20}{n:>7}{cue_hit[c]:>7}{cue_hit[c] / n:>8.3f}" for c, n in cue_all.most_common(top)]
    rows += ["== precision by pattern", f"{'pattern':<24}{'predicted':>10}{'matched':>9}{'precision':>10}"]
    rows += [f"{r:<24}{n:>10}{rule_hit[r]:>9}{rule_hit[r] / n:>10.3f}" for r, n in rule_all.most_common()]
    return "\n".join(rows)


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
