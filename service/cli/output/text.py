"""The default output: ``file:line:col: severity rule message``, one finding
a line (the shape editors' and CI problem matchers read), then a summary."""
from __future__ import annotations

from . import RunInfo, counts, one_line


def finding_line(path: str, located) -> str:
    f = located.finding
    message = one_line(f.message)
    if f.suggestion:
        message += f" (suggestion: {one_line(f.suggestion)})"
    return f"{path}:{located.line}:{located.column}: {f.severity} {f.rule} {message}"


def summary(results, run: RunInfo) -> str:
    """One sentence: how many findings of each severity, in how many drafts."""
    checked = [r for r in results if r.error is None]
    by = counts(results)
    total = sum(by.values())
    muted = sum(len(r.suppressed) for r in results)
    failed = len(results) - len(checked)
    drafts = _plural(len(checked), "draft")
    if total:
        parts = ", ".join(_plural(by[s], s) for s in ("error", "warning", "info") if by[s])
        with_findings = sum(1 for r in checked if r.active)
        text = f"{_plural(total, 'finding')} ({parts}) in {with_findings} of {drafts}"
    else:
        text = f"No findings in {drafts}"
    if muted:
        text += f"; {muted} suppressed"
    if run.baseline is not None:
        text += f"; {run.baselined} in the baseline"
    if failed:
        text += f"; {_plural(failed, 'draft')} could not be checked"
    return text + "."


def render(results, run: RunInfo) -> str:
    lines = [finding_line(r.path, f) for r in results for f in r.active]
    lines.append(summary(results, run))
    return "\n".join(lines) + "\n"


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}{'' if n == 1 else 's'}"
