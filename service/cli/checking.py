"""Checking one draft: audit it, place each finding in the file (line and
column of the original Markdown/HTML/text), apply inline suppressions.

The result types here are what every output format renders.
"""
from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass
from typing import Literal

from service import engine
from service.engine import SEVERITIES, Document, Finding, InputError, Report

from . import drafts, suppression
from .errors import FileError

SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # info < warning < error


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is in the file: source offsets (code points) and
    1-based line/column of its first character and of the character after
    its last one."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Located:
    """A finding placed in its file. ``location`` is None for a finding about
    the whole draft; ``snippet`` is the file's text at the location;
    ``context`` the plain-text sentence it starts in (whitespace-normalised)
    and ``occurrence`` which finding of the same rule, words and sentence it
    is (0 for the first), the parts of its identity besides the path.
    ``baselined``: recorded in the baseline, so not reported as new."""

    finding: Finding
    location: Location | None
    snippet: str
    fingerprint: str
    suppressed: bool = False
    context: str = ""
    occurrence: int = 0
    baselined: bool = False

    @property
    def line(self) -> int:
        return self.location.line if self.location else 1

    @property
    def column(self) -> int:
        return self.location.column if self.location else 1

    @property
    def words(self) -> str:
        """The flagged words, whitespace-normalised (a whole-draft finding:
        its message)."""
        return " ".join(self.snippet.split()) or " ".join(self.finding.message.split())

    def identity(self, path: str) -> str:
        """The fingerprint this finding would have in a file at ``path``."""
        return fingerprint(path, self.finding.rule, " ".join(self.snippet.split()), self.occurrence, self.context)


@dataclass(frozen=True)
class FileResult:
    """The outcome for one draft: a report and its placed findings, or an
    error (``input``: the draft cannot be audited; ``internal``: a bug)."""

    path: str
    format: str
    report: Report | None = None
    findings: tuple[Located, ...] = ()
    error: str | None = None
    error_kind: Literal["input", "internal"] | None = None
    traceback: str | None = None

    @property
    def active(self) -> tuple[Located, ...]:
        """Findings to report: not silenced by a suppression comment, not in
        the baseline."""
        return tuple(f for f in self.findings if not f.suppressed and not f.baselined)

    @property
    def baselined(self) -> tuple[Located, ...]:
        return tuple(f for f in self.findings if f.baselined and not f.suppressed)

    @property
    def suppressed(self) -> tuple[Located, ...]:
        return tuple(f for f in self.findings if f.suppressed)


def locate(doc: Document, finding: Finding) -> Location | None:
    """Map a finding's plain-text span to offsets, line and column in the
    file as written."""
    if finding.span is None:
        return None
    src = doc.to_source(finding.span)
    line, column = doc.line_col(src.start)
    end_line, end_column = doc.line_col(src.end)
    return Location(src.start, src.end, line, column, end_line, end_column)


def fingerprint(path: str, rule: str, snippet: str, occurrence: int, context: str = "") -> str:
    """A fingerprint that survives line moves and edits elsewhere in the
    file: the path, the rule, the flagged words and the sentence they are in
    (both whitespace-normalised; none for a finding about the whole draft),
    and which occurrence of that same triple it is - never line numbers."""
    parts = [path.replace("\\", "/"), rule, " ".join(snippet.split()), str(occurrence)]
    if context:
        parts.append(" ".join(context.split()))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class UnknownRuleError(InputError):
    """Suppression comments name rule ids that no rule has: one
    ``LINE:COL: ...`` line each (the command prefixes the file's path)."""

    def __init__(self, problems: tuple[suppression.UnknownRule, ...]):
        super().__init__("\n".join(p.message() for p in problems))
        self.problems = problems


def known_rule_ids(report: Report) -> set[str]:
    """The registered finding rules, and any other rule a finding of this
    report carries (a finding's rule exists by definition)."""
    return set(engine.RULES) | {f.rule for f in report.findings}


def place(path: str, report: Report, *, check_rules: bool = True) -> tuple[Located, ...]:
    """Every finding of ``report`` located in the file, suppressions applied,
    in file order (findings about the whole draft first). Raises
    UnknownRuleError when a suppression comment names an unknown rule
    (unless ``check_rules`` is false: the caller reports those itself)."""
    doc = report.document
    directives = suppression.parse(doc.source)
    if check_rules and directives.directives:
        unknown = suppression.unknown_rules(doc.source, known_rule_ids(report))
        if unknown:
            raise UnknownRuleError(unknown)
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in report.findings:
        loc = locate(doc, f)
        snippet = doc.source[loc.start:loc.end] if loc else ""
        sentence = doc.sentence_at(f.span.start) if f.span is not None else None
        context = " ".join(sentence.span.of(doc.text).split()) if sentence else ""
        # a finding about the whole draft is known by its rule alone: its message
        # (counts, shares) changes with every quote added, the finding does not
        key = (f.rule, " ".join(snippet.split()), context)
        n = seen[key] = seen.get(key, -1) + 1
        muted = directives.suppresses(f.rule, loc.start if loc else None, loc.line if loc else None)
        out.append(Located(f, loc, snippet, fingerprint(path, key[0], key[1], n, context), muted, context, n))
    out.sort(key=lambda x: (x.location.start, x.location.end) if x.location else (-1, -1))
    return tuple(out)


def check(draft: drafts.Draft, policy=None, *, stdin=None) -> FileResult:
    """Read, audit and place one draft; errors become results, never raise."""
    try:
        text = drafts.read(draft, stdin)
        report = engine.audit(text, draft.format, policy, id=draft.path)
        return FileResult(draft.path, draft.format, report, place(draft.path, report))
    except (FileError, InputError) as e:
        return FileResult(draft.path, draft.format, error=str(e), error_kind="input")
    except Exception as e:  # noqa: BLE001 - reported as an internal error, exit 3
        return FileResult(draft.path, draft.format, error=f"{type(e).__name__}: {e}",
                          error_kind="internal", traceback=traceback.format_exc())


def at_or_above(located: Located, threshold: str) -> bool:
    """Whether a finding's severity reaches ``threshold`` (``never``: no)."""
    if threshold == "never":
        return False
    return SEVERITY_RANK[located.finding.severity] >= SEVERITY_RANK[threshold]
