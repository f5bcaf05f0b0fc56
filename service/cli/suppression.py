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
them; plain-text drafts use the same syntax.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Literal

DirectiveKind = Literal["disable", "enable", "disable-line", "disable-next-line"]

_DIRECTIVE = re.compile(
    r"<!--\s*sourcecheck-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*?)-->",
    re.DOTALL,
)
_SEPARATORS = re.compile(r"[\s,]+")


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
