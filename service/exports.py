"""CSV exports shared by the API and the review pages: a report's findings
(with the editors' decisions) and the trends' tables."""
from __future__ import annotations

import csv
import io

FINDING_COLUMNS = ("rule", "severity", "message", "quoted", "start", "end", "quote_id", "suggestion",
                   "decision", "note", "editor", "decided_at")
TALLY_COLUMNS = ("stories", "quotes", "quotes_named", "quotes_anonymous", "quotes_institutional",
                 "quotes_unattributed", "anonymous_quote_share", "anonymous_sources", "anonymous_with_reason",
                 "reason_share", "single_source", "findings")


def _csv(header, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return out.getvalue()


def _safe(value):
    """Text a spreadsheet would run as a formula (=, +, -, @) is quoted with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def findings_csv(report: dict) -> str:
    """One row per finding of a report in wire form (``decision`` columns empty when none)."""
    rows = []
    for f in report.get("findings") or ():
        span = f.get("span") or {}
        d = f.get("decision") or {}
        rows.append((f.get("rule"), f.get("severity"), f.get("message"), span.get("text"), span.get("start"),
                     span.get("end"), f.get("quote_id"), f.get("suggestion"), d.get("state"), d.get("note"),
                     d.get("editor"), d.get("decided_at")))
    return _csv(FINDING_COLUMNS, rows)


def trends_csv(trends: dict, table: str = "weeks") -> str:
    """One of the trends' tables (``schemas.trends.dump_trends``'s dict) as CSV."""
    if table == "weeks":
        rules = sorted({r for w in trends["weeks"] for r in w["findings_by_rule"]})
        return _csv(("week", *TALLY_COLUMNS, *(f"findings:{r}" for r in rules)),
                    ((w["week"], *(w[c] for c in TALLY_COLUMNS), *(w["findings_by_rule"].get(r, 0) for r in rules))
                     for w in trends["weeks"]))
    if table == "desks":
        return _csv(("desk", *TALLY_COLUMNS), ((d["desk"], *(d[c] for c in TALLY_COLUMNS)) for d in trends["desks"]))
    name = {"rules": "rule", "phrases": "phrase"}[table]
    return _csv((name, "count"), ((r["key"], r["count"]) for r in trends[table]))
