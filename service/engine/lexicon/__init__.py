"""Plain-text word lists shipped with the package, loaded once per process.

Each ``NAME.txt`` holds one entry a line; ``#`` starts a comment, and the
first comment line says where the list comes from. Tab-separated columns
are allowed (see ``table``).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Entries of ``NAME.txt`` split on tabs, comments and blanks dropped."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if line.strip():
            out.append(tuple(c.strip() for c in line.split("\t")))
    return tuple(out)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """First column of ``NAME.txt`` as a set."""
    return frozenset(r[0] for r in rows(name))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, tuple[str, ...]]:
    """``NAME.txt`` as a mapping from the first column to the others."""
    return {r[0]: r[1:] for r in rows(name)}
