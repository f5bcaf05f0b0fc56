"""``--format sarif``: a SARIF 2.1.0 log (for GitHub code scanning and other
SARIF viewers). Columns count Unicode code points (``columnKind``), like
the engine's offsets; suppressed findings stay in the log, marked as
suppressed in source, so viewers can show them as dismissed; with a
baseline, every result says whether it is ``new`` or ``unchanged``
(``baselineState``), and baselined ones are suppressed ``external``ly (by the
baseline file). ``partialFingerprints`` carry the finding's identity, which
survives line moves (``checking.fingerprint``)."""
from __future__ import annotations

import inspect
import json
import os
from urllib.parse import quote

from . import TOOL_NAME, RunInfo

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "sourcecheck/v1"
# Each rule's section in the project's docs (a path in the repository: SARIF's
# helpUri must be an absolute URI, and the project has no canonical web address yet).
DOCS = "docs/report.md"


def artifact_location(path: str) -> dict:
    """A relative path stays relative to the checkout (``SRCROOT``); an
    absolute one becomes a file URI."""
    if os.path.isabs(path):
        return {"uri": "file://" + quote(path.replace("\\", "/"))}
    return {"uri": quote(path.replace("\\", "/")), "uriBaseId": "SRCROOT"}


def result(path: str, located, rule_index: int, baseline: str | None = None) -> dict:
    f, loc = located.finding, located.location
    physical: dict = {"artifactLocation": artifact_location(path)}
    if loc is not None:
        physical["region"] = {
            "startLine": loc.line, "startColumn": loc.column,
            "endLine": loc.end_line, "endColumn": loc.end_column,
            "snippet": {"text": located.snippet},
        }
    text = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    out = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: located.fingerprint},
        "properties": {"severity": f.severity},
    }
    if f.suggestion:
        out["properties"]["suggestion"] = f.suggestion
    if located.suppressed:
        out["suppressions"] = [{"kind": "inSource"}]
    if baseline is not None:
        out["baselineState"] = "unchanged" if located.baselined else "new"
        if located.baselined and not located.suppressed:
            out["suppressions"] = [{"kind": "external", "justification": f"accepted in the baseline {baseline}"}]
    return out


def rule_descriptor(rule, policy=None) -> dict:
    """A registered rule (``service.engine.RULES``) as a SARIF
    ``reportingDescriptor``: its title, its docstring as help, and its level
    and state under the effective policy."""
    paragraphs = [" ".join(p.split()) for p in inspect.cleandoc(rule.doc).split("\n\n") if p.strip()]
    doc, summary = "\n\n".join(paragraphs), paragraphs[0] if paragraphs else rule.title
    severity = policy.severity(rule.id) if policy is not None else rule.severity
    enabled = policy.enabled(rule.id) if policy is not None else True
    docs = f"{DOCS}#{rule.id}-{rule.severity}"
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": summary},
        "help": {"text": f"{doc}\n\nMore: {docs}",
                 "markdown": doc.replace("``", "`") + f"\n\nMore: `{docs}`"},
        "defaultConfiguration": {"level": LEVELS[severity], "enabled": enabled},
        "properties": {"tags": ["sourcing"], "severity": severity, "docs": docs},
    }


def log(results, run: RunInfo) -> dict:
    """The SARIF log as a dict. ``rules`` lists every registered rule (a
    stable ``ruleIndex``), then any other rule id a result carries."""
    from service.engine import RULES

    descriptors = [rule_descriptor(rule, run.policy) for rule in RULES.values()]
    rules: dict[str, int] = {d["id"]: i for i, d in enumerate(descriptors)}
    out_results = []
    for r in results:
        for located in r.findings:
            if located.finding.rule not in rules:
                rules[located.finding.rule] = len(descriptors)
                descriptors.append({"id": located.finding.rule})
            out_results.append(result(r.path, located, rules[located.finding.rule], run.baseline))
    notifications = [{
        "level": "error",
        "message": {"text": f"{r.path}: {r.error}"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}],
        "properties": {"kind": r.error_kind},
    } for r in results if r.error is not None]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "version": run.version,
                "rules": descriptors,
            }},
            "invocations": [{
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": {"SRCROOT": {"uri": _cwd_uri()}},
            "columnKind": "unicodeCodePoints",
            "results": out_results,
        }],
    }


def render(results, run: RunInfo) -> str:
    return json.dumps(log(results, run), ensure_ascii=False, indent=2) + "\n"


def _cwd_uri() -> str:
    cwd = os.getcwd().replace("\\", "/")
    return "file://" + quote(cwd if cwd.endswith("/") else cwd + "/")
