"""Attribution patterns: a registry of small named functions, like the findings' rules.

Each pattern is a function registered with ``@pattern(id, example=...)``; its
id is its name with hyphens (``trailing_inverted`` -> ``trailing-inverted``)
and is what a quote's ``rule`` says on the wire. The docstring says what it
catches; ``example`` is an article the pattern must attribute (a test runs
every pattern on its example). The registry has no order: each pattern list
tries its patterns in an explicit ``SIEVE`` tuple, most certain first.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PATTERNS: dict[str, Pattern] = {}


@dataclass(frozen=True)
class Pattern:
    id: str
    example: str  # an article this pattern attributes
    check: Callable[..., Any]

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


def pattern(pattern_id: str, *, example: str) -> Callable[[Callable[..., Any]], Pattern]:
    """Register the decorated function as the check of pattern ``pattern_id``;
    the name then stands for the ``Pattern`` (sieves list patterns)."""
    def register(check: Callable[..., Any]) -> Pattern:
        if pattern_id in PATTERNS:
            raise ValueError(f"pattern {pattern_id!r} is registered twice")
        PATTERNS[pattern_id] = p = Pattern(pattern_id, example, check)
        return p
    return register
