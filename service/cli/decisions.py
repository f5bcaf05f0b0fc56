"""``sourcecheck check --decisions REPORT.json``: the standards desk's
dismissals, read from a stored report as the service exports it (``GET
/v1/audits/{id}``, or ``/review/{id}?format=json``), silence the same
findings in the draft, like a suppression comment: reported as suppressed,
never failing ``--fail-on``. Findings match by rule and quoted words
(``service.store.decisions``), as they do between versions on the desk."""
from __future__ import annotations

import dataclasses
import json

from service.engine import InputError

from .checking import FileResult


def dismissed(path: str) -> set:
    """The keys of the findings dismissed in the report at ``path``."""
    from service.store.decisions import finding_keys

    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except OSError as e:
        raise InputError(f"{path}: cannot read the decisions: {e.strerror or e}") from None
    except ValueError as e:
        raise InputError(f"{path}: not a JSON report: {e}") from None
    if not isinstance(report, dict) or not isinstance(report.get("findings"), list):
        raise InputError(f"{path}: not a report (no \"findings\" list)")
    return {key for key, f in zip(finding_keys(report), [f for f in report["findings"] if isinstance(f, dict)])
            if (f.get("decision") or {}).get("state") == "dismissed"}


def apply(result: FileResult, keys: set) -> FileResult:
    """``result`` with the dismissed findings marked suppressed."""
    if not keys or result.report is None:
        return result
    from schemas.report import dump_report
    from service.store.decisions import finding_keys

    gone = {id(f) for f, k in zip(result.report.findings, finding_keys(dump_report(result.report))) if k in keys}
    located = tuple(dataclasses.replace(x, suppressed=True) if id(x.finding) in gone else x for x in result.findings)
    return dataclasses.replace(result, findings=located)
