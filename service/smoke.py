"""``python -m service.smoke``: audit the bundled seed article through the
whole app (config, schemas, engine, report) and print a one-line summary.

`make serve` runs it before starting gunicorn, so a broken build fails
before it listens; it writes nothing (an in-memory report store). Exit
status 0 when the report came back and every span's ``text`` is exactly the
sent text at its offsets, 1 otherwise, 2 for a bad setting in the environment.
"""
from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

SEED = Path(__file__).resolve().parent / "examples" / "seed.json"


def spans(report: dict):
    """Every spanned object of a report."""
    for q in report["quotes"]:
        yield q
        yield from q["fragments"]
        yield from (s for s in (q["cue"], q["speaker"]) if s)
    for s in report["sources"]:
        yield from s["mentions"]
        yield from (x for x in (s["descriptor"], s["anonymity_reason"]) if x)
    yield from (f["span"] for f in report["findings"] if f["span"])


def main() -> int:
    from service.app import create_app
    from service.config import Config, ConfigError, split_key
    from service.requestlog import configure

    seed = json.loads(SEED.read_text(encoding="utf-8"))
    try:
        # The environment's settings, but an in-memory report store: the smoke
        # step keeps nothing and leaves no file behind (it stores no report).
        app = create_app(replace(Config.from_env(), database_url=None, db_path=":memory:"))
    except ConfigError as e:
        print(f"smoke: bad setting: {e}", file=sys.stderr)
        return 2
    configure("WARNING")  # the summary line, not a request log line
    body = {"text": seed["text"], "format": seed.get("format", "text"), "title": seed.get("title"), "id": seed["id"]}
    # With API keys set the smoke step is a client like any other: it sends the first key.
    keys = app.config.get("SOURCECHECK_API_KEYS") or ()
    headers = {"Authorization": f"Bearer {split_key(keys[0])[1]}"} if keys else {}
    response = app.test_client().post("/v1/audits", json=body, headers=headers)
    if response.status_code != 200:
        print(f"smoke: FAILED {response.status_code} {response.get_data(as_text=True)}", file=sys.stderr)
        return 1
    report = response.get_json()
    bad = [s for s in spans(report) if seed["text"][s["start"]:s["end"]] != s["text"]]
    if bad:
        print(f"smoke: FAILED {len(bad)} span(s) whose text is not the sent text at their offsets: {bad[:3]}",
              file=sys.stderr)
        return 1
    summary = report["summary"]
    by_type = ", ".join(f"{k} {v}" for k, v in summary.get("sources_by_type", {}).items()) or "none"
    score = report["score"]["value"] if report["score"] else "-"
    print(f"smoke: ok {seed['id']}: {report['stats']['characters']} chars, {len(report['quotes'])} quotes, "
          f"{len(report['sources'])} sources ({by_type}), {len(report['findings'])} findings, score {score}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
