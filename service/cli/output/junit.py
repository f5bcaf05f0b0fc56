"""``--format junit``: JUnit XML, which most CI systems show as test
results. Each draft is a test suite; each finding a test case that fails
when its severity reaches ``--fail-on`` (below it, the case passes and
carries the finding in ``system-out``); a clean draft is one passing case;
a draft that cannot be checked is an erroring case.

A case's name is the rule and the flagged words (``loaded-verb "claimed"``,
then `` #2`` for the second such finding in the file), never a line or
column: CI systems track a test by its name, so a finding keeps its history
when text above it moves."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..checking import at_or_above
from . import TOOL_NAME, RunInfo
from .report_text import clip
from .text import finding_line

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def case_name(located) -> str:
    """``rule "flagged words"`` (clipped), or the rule alone for a finding
    about the whole draft."""
    words = clip(located.snippet, 60) if located.snippet.strip() else ""
    return f'{located.finding.rule} "{words}"' if words else located.finding.rule


def render(results, run: RunInfo) -> str:
    root = ET.Element("testsuites", name=TOOL_NAME)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=_clean(r.path))
        tests = failures = errors = 0
        if r.error is not None:
            case = ET.SubElement(suite, "testcase", classname=_clean(r.path), name="check", file=_clean(r.path))
            ET.SubElement(case, "error", type=r.error_kind or "error", message=_clean(r.error)).text = _clean(r.error)
            tests, errors = 1, 1
        elif not r.active:
            ET.SubElement(suite, "testcase", classname=_clean(r.path), name="sourcing", file=_clean(r.path))
            tests = 1
        seen: dict[str, int] = {}
        for f in r.active:
            tests += 1
            name = case_name(f)
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name += f" #{seen[name]}"
            case = ET.SubElement(suite, "testcase", classname=_clean(r.path), name=_clean(name),
                                 file=_clean(r.path), line=str(f.line))
            detail = _clean(finding_line(r.path, f))
            if at_or_above(f, run.fail_on):
                failures += 1
                ET.SubElement(case, "failure", type=f.finding.severity,
                              message=_clean(f.finding.message)).text = detail
            else:
                ET.SubElement(case, "system-out").text = detail
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        totals["tests"] += tests
        totals["failures"] += failures
        totals["errors"] += errors
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
