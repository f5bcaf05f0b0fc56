"""``--format json``: each draft's report exactly as the API returns it
(``dump_report``), with the command's view beside it: where each active
finding is in the file, how many were suppressed or in the baseline, and
errors."""
from __future__ import annotations

import json

from schemas.report import dump_report

from . import RunInfo, counts


def located_dict(located) -> dict:
    f, loc = located.finding, located.location
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "suggestion": f.suggestion,
        "line": located.line,
        "column": located.column,
        "end_line": loc.end_line if loc else None,
        "end_column": loc.end_column if loc else None,
        "fingerprint": located.fingerprint,
        "suppressed": located.suppressed,
    }


def render(results, run: RunInfo) -> str:
    files = []
    for r in results:
        entry = {"path": r.path, "format": r.format}
        if r.error is not None:
            entry["error"] = {"kind": r.error_kind, "message": r.error}
        else:
            entry["findings"] = [located_dict(f) for f in r.findings]
            if run.baseline is not None:  # only then: the keys say a baseline was used
                for d, f in zip(entry["findings"], r.findings):
                    d["baselined"] = f.baselined
            entry["report"] = dump_report(r.report)
        files.append(entry)
    doc = {
        "tool": {"name": "sourcecheck", "version": run.version},
        "fail_on": run.fail_on,
        "summary": {
            "drafts": len(results),
            "errors": sum(1 for r in results if r.error is not None),
            "findings": counts(results),
            "suppressed": sum(len(r.suppressed) for r in results),
        },
        "files": files,
    }
    if run.baseline is not None:
        doc["baseline"] = {"file": run.baseline, "baselined": run.baselined}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
