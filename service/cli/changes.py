"""``--changed-since REF``: the drafts a change touched, from git, so a pull
request's check takes the time of its own drafts, not the archive's.

A file counts as changed when it was added or modified since the point
where the current branch left REF (``git merge-base REF HEAD``): in commits
since, staged, or in the working tree, plus new files git does not ignore.
Deleted files are not drafts to check; a renamed file counts as added.
"""
from __future__ import annotations

import os
import subprocess

from service.engine import InputError


class GitError(InputError):
    """git is missing, the folder is not a repository, or REF is unknown."""


def _git(*args: str, cwd: str = ".") -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="surrogateescape")
    except FileNotFoundError:
        raise GitError("--changed-since needs git, and git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()
        raise GitError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def changed_files(ref: str, cwd: str = ".") -> list[str]:
    """Files added or modified since ``ref``, as paths from ``cwd``, sorted."""
    top = _git("rev-parse", "--show-toplevel", cwd=cwd).strip()
    try:
        _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=cwd)
    except GitError:
        raise GitError(f"--changed-since {ref}: not a commit, branch or tag in this repository") from None
    base = _git("merge-base", ref, "HEAD", cwd=cwd).strip()
    names = _git("diff", "--name-only", "-z", "--no-renames", "--diff-filter=AM", base, "--", cwd=top)
    untracked = _git("ls-files", "--others", "--exclude-standard", "-z", cwd=top)
    found = {n for n in (names + untracked).split("\0") if n}
    out = []
    for name in sorted(found):
        full = os.path.join(top, name)
        if os.path.isfile(full):
            out.append(os.path.relpath(full, os.path.abspath(cwd)))
    return out
