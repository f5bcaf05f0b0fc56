"""Drafts on disk: turning PATH arguments (files, folders, globs) into the
list of files to audit, guessing each one's format, reading it.

A name that matches nothing is an error, never a silent pass: a typo in a
CI job must fail the job, not check zero files and report success.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from .errors import FileError

DEFAULT_EXTENSIONS: tuple[str, ...] = ("md", "markdown", "html", "htm", "txt")
_FORMAT_BY_EXTENSION = {"md": "markdown", "markdown": "markdown", "html": "html", "htm": "html"}
_SKIP_DIRS = frozenset({"node_modules", "__pycache__"})
_GLOB_CHARS = frozenset("*?[")
_BOM = b"\xef\xbb\xbf"


class PathError(FileError):
    """A PATH argument names nothing that can be audited."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Draft:
    """One file to audit: ``path`` as shown to the user, its format."""

    path: str
    format: str


def format_for(path: str) -> str:
    """The engine format for a file name: by extension, else plain text."""
    return _FORMAT_BY_EXTENSION.get(_extension(path), "text")


def _extension(path: str) -> str:
    return os.path.splitext(path)[1].lower().lstrip(".")


def collect(args: list[str], *, extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
            exclude: tuple[str, ...] = (), root: str = ".",
            input_format: str | None = None) -> tuple[list[Draft], list[PathError]]:
    """Expand PATH arguments to drafts, in argument order, each file once.

    Folders are walked (hidden folders skipped) for files with one of
    ``extensions``; globs are expanded (``**`` recursive). ``exclude``
    patterns (relative to ``root``) apply to walked and globbed files; a
    file named explicitly is always audited. Returns the drafts and one
    error per argument that named nothing.
    """
    drafts: list[Draft] = []
    errors: list[PathError] = []
    seen: set[str] = set()
    exts = {e.lower().lstrip(".") for e in extensions}

    def add(path: str) -> None:
        path = os.path.normpath(path)
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            drafts.append(Draft(path, input_format or format_for(path)))

    def wanted(path: str) -> bool:
        return _extension(path) in exts and not excluded(path, exclude, root)

    for arg in args:
        if arg == "-":
            drafts.append(Draft("-", input_format or "text"))
        elif os.path.isfile(arg):
            add(arg)
        elif os.path.isdir(arg):
            found = [p for p in _walk(arg) if wanted(p)]
            if not found:
                errors.append(PathError(arg, "no drafts in this folder "
                                        f"(looked for .{', .'.join(sorted(exts))})"))
            for p in found:
                add(p)
        elif _GLOB_CHARS & set(arg):
            matches = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            matches = [p for p in matches if not excluded(p, exclude, root)]
            if not matches:
                errors.append(PathError(arg, "no files match this pattern"))
            for p in matches:
                add(p)
        elif os.path.exists(arg):
            errors.append(PathError(arg, "not a file or folder"))
        else:
            errors.append(PathError(arg, "no such file or folder"))
    return drafts, errors


def _walk(folder: str):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(filenames):
            yield os.path.join(dirpath, name)


def excluded(path: str, patterns: tuple[str, ...], root: str) -> bool:
    """True when the path, or a folder above it, matches an exclude pattern."""
    if not patterns:
        return False
    try:
        rel = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()
    except ValueError:  # another drive (Windows)
        rel = Path(path).as_posix()
    parts = rel.split("/")
    candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return any(fnmatch(c, pat.rstrip("/")) for pat in patterns for c in candidates)


def read(draft: Draft, stdin=None) -> str:
    """The draft's text, exactly as in the file (line endings kept, a UTF-8
    byte-order mark dropped). Raises FileError for unreadable or non-UTF-8
    files."""
    try:
        if draft.path == "-":
            data = (stdin.buffer if hasattr(stdin, "buffer") else stdin).read()
        else:
            with open(draft.path, "rb") as f:
                data = f.read()
    except OSError as e:
        raise FileError(f"cannot read: {e.strerror or e}") from None
    if isinstance(data, str):
        return data
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise FileError(f"not valid UTF-8 (byte {e.start})") from None
