"""Inline suppression: HTML comments in a draft that silence findings.

    <!-- sourcecheck-disable anonymous-without-reason -->  off from here ...
    <!-- sourcecheck-enable -->                            ... to here
    <!-- sourcecheck-disable-next-line loaded-verb -->     the following line only
    <!-- sourcecheck-disable-line loaded-verb -->          the line the comment is on

Rules are listed by id, separated by commas or spaces, and may use glob
patterns (``anonymous-*``); no rule (or ``all``) means every rule. Text after
`` -- `` is a reason for the reader and is ignored. A ``disable`` lasts until
an ``enable`` naming the rule (or an ``enable`` with no rule). A finding
without a place in the text (about the whole draft) is judged at the end of
the file: a ``disable`` still in force there suppresses it.

The comments are HTML comments, so Markdown and HTML drafts render without
them; plain-text drafts use the same syntax. A rule id (or glob) that names
no known rule is an error (``unknown_rules``), never a silent no-op: a typo
must not leave a finding switched on, or a whole draft switched off.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Iterable, Literal

DirectiveKind = Literal["disable", "enable", "disable-line", "disable-next-line"]

_DIRECTIVE = re.compile(
    r"<!--\s*sourcecheck-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*?)-->",
    re.DOTALL,
)
_SEPARATORS = re.compile(r"[\s,]+")
_TOKEN = re.compile(r"[^\s,]+")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment: its kind, the rules it names (empty: all),
    where it is (source offsets) and the line it ends on (1-based)."""

    kind: DirectiveKind
    rules: tuple[str, ...]
    start: int
    end: int
    line: int
    end_line: int


@dataclass(frozen=True, slots=True)
class Suppressions:
    """The directives of one draft, in order."""

    directives: tuple[Directive, ...] = ()
    text_length: int = 0

    def suppresses(self, rule: str, offset: int | None, line: int | None) -> bool:
        """Whether a finding of ``rule`` starting at ``offset`` (on ``line``)
        is silenced; ``offset=None`` is a finding about the whole draft."""
        if not self.directives:
            return False
        rule = rule.lower()
        for d in self.directives:
            if line is not None and _names(d.rules, rule) and (
                (d.kind == "disable-line" and d.line <= line <= d.end_line)
                or (d.kind == "disable-next-line" and line == d.end_line + 1)
            ):
                return True
        return self._blocked(rule, self.text_length if offset is None else offset)

    def _blocked(self, rule: str, offset: int) -> bool:
        everything = False
        disabled: set[str] = set()
        exempt: set[str] = set()
        for d in self.directives:
            if d.start >= offset:
                break
            if d.kind == "disable":
                if not d.rules:
                    everything, exempt = True, set()
                else:
                    disabled.update(d.rules)
                    exempt.difference_update(d.rules)
            elif d.kind == "enable":
                if not d.rules:
                    everything, disabled, exempt = False, set(), set()
                else:
                    disabled.difference_update(d.rules)
                    if everything:
                        exempt.update(d.rules)
        if everything and not _names(tuple(exempt), rule, empty_is_all=False):
            return True
        return _names(tuple(disabled), rule, empty_is_all=False)


def _names(patterns: tuple[str, ...], rule: str, *, empty_is_all: bool = True) -> bool:
    if not patterns:
        return empty_is_all
    return any(p == "all" or fnmatchcase(rule, p) for p in patterns)


def parse(source: str) -> Suppressions:
    """Every ``sourcecheck-*`` directive comment in ``source``."""
    out = []
    for m in _DIRECTIVE.finditer(source):
        body = m.group(2).split(" -- ", 1)[0]
        rules = tuple(r.lower() for r in _SEPARATORS.split(body.strip()) if r)
        if "all" in rules:
            rules = ()
        line = source.count("\n", 0, m.start()) + 1
        end_line = line + source.count("\n", m.start(), m.end())
        out.append(Directive(m.group(1), rules, m.start(), m.end(), line, end_line))
    return Suppressions(tuple(out), len(source))


@dataclass(frozen=True, slots=True)
class UnknownRule:
    """A rule id in a suppression comment that names no known rule: where it
    is (source offset, 1-based line and column) and the closest known id."""

    rule: str
    offset: int
    line: int
    column: int
    suggestion: str | None

    def message(self) -> str:
        hint = f"; did you mean {self.suggestion!r}?" if self.suggestion else ""
        return f"{self.line}:{self.column}: unknown rule id {self.rule!r} in a suppression comment{hint}"


def unknown_rules(source: str, known: Iterable[str]) -> tuple[UnknownRule, ...]:
    """Every rule id (or glob) in the ``sourcecheck-*`` comments of
    ``source`` that names none of the ``known`` rule ids, with the closest
    known id (difflib) as a suggestion."""
    known = sorted({k.lower() for k in known})
    out = []
    for m in _DIRECTIVE.finditer(source):
        body = m.group(2).split(" -- ", 1)[0]
        for token in _TOKEN.finditer(body):
            rule = token.group().lower()
            if rule == "all" or _matches_known(rule, known):
                continue
            at = m.start(2) + token.start()
            line = source.count("\n", 0, at) + 1
            column = at - (source.rfind("\n", 0, at) + 1) + 1
            close = difflib.get_close_matches(rule, known, n=1, cutoff=0.6)
            out.append(UnknownRule(token.group(), at, line, column, close[0] if close else None))
    return tuple(out)


def _matches_known(rule: str, known: list[str]) -> bool:
    if _GLOB_CHARS & set(rule):
        return any(fnmatchcase(k, rule) for k in known)
    return rule in known
