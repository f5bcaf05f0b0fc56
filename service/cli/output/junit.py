"""``--format junit``: JUnit XML, which most CI systems show as test
results. Each draft is a test suite; each finding a test case that fails
when its severity reaches ``--fail-on`` (below it, the case passes and
carries the finding in ``system-out``); a clean draft is one passing case;
a draft that cannot be checked is an erroring case."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..checking import at_or_above
from . import TOOL_NAME, RunInfo
from .text import finding_line

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


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
        for f in r.active:
            tests += 1
            name = f"{f.finding.rule} at {f.line}:{f.column}"
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
