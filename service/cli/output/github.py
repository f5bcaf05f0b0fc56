"""``--format github``: GitHub Actions workflow commands, which GitHub shows
as annotations on the pull request's diff, and a Markdown table for the
job summary page (written to ``$GITHUB_STEP_SUMMARY`` by the command).

Escaping follows the runner's rules: in the message ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` are too, since they
separate properties.
"""
from __future__ import annotations

from . import RunInfo
from .text import summary

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict, message: str) -> str:
    """One workflow command line: ``::name key=value,...::message``."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def annotation(path: str, located) -> str:
    f, loc = located.finding, located.location
    props = {"file": path, "line": None, "col": None, "endLine": None, "endColumn": None,
             "title": f"sourcecheck: {f.rule}"}
    if loc is not None:
        props.update(line=loc.line, col=loc.column)
        if loc.end_line == loc.line:  # GitHub ignores columns on multi-line annotations
            props["endColumn"] = loc.end_column
        else:
            props["endLine"] = loc.end_line
    message = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
    return command(COMMANDS[f.severity], props, message)


def render(results, run: RunInfo) -> str:
    lines = [annotation(r.path, f) for r in results for f in r.active]
    lines += [command("error", {"file": r.path, "title": "sourcecheck: cannot check"}, r.error)
              for r in results if r.error is not None]
    lines.append(summary(results, run))
    return "\n".join(lines) + "\n"


def step_summary(results, run: RunInfo) -> str:
    """The job summary: totals, then a table of findings (Markdown)."""
    out = ["## Sourcecheck", "", summary(results, run), ""]
    active = [(r.path, f) for r in results for f in r.active]
    if active:
        out += ["| Severity | Rule | Where | Message |", "| --- | --- | --- | --- |"]
        for path, f in active:
            where = f"`{path}:{f.line}:{f.column}`"
            out.append(f"| {f.finding.severity} | `{f.finding.rule}` | {where} | {_cell(f.finding.message)} |")
        out.append("")
    errors = [r for r in results if r.error is not None]
    if errors:
        out += ["### Drafts that could not be checked", ""]
        out += [f"- `{r.path}`: {_cell(r.error)}" for r in errors]
        out.append("")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
