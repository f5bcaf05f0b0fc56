"""``--format gitlab``: a GitLab code-quality report (the Code Climate issue
subset GitLab reads). Fingerprints come from the path, rule and flagged
words, not line numbers, so an unchanged finding keeps its fingerprint when
text above it moves and GitLab does not report it as new."""
from __future__ import annotations

import json

from . import RunInfo

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


def issue(path: str, located) -> dict:
    f = located.finding
    description = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    return {
        "type": "issue",
        "description": description,
        "check_name": f.rule,
        "fingerprint": located.fingerprint,
        "severity": SEVERITIES[f.severity],
        "location": {"path": _repo_path(path), "lines": {"begin": located.line}},
    }


def render(results, run: RunInfo) -> str:
    issues = [issue(r.path, f) for r in results for f in r.active]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _repo_path(path: str) -> str:
    path = path.replace("\\", "/")
    return path[2:] if path.startswith("./") else path
