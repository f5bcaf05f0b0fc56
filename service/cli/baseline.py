"""The baseline: the findings a newsroom accepts as they stand (an
archive's, on the day it turns the check on), so that ``check`` reports and
fails only on findings a change introduced.

The file is JSON, one entry a finding, sorted, so it diffs well in review::

    {"sourcecheck-baseline": 1,
     "findings": [{"path": "drafts/budget.md", "rule": "loaded-verb",
                   "words": "claimed", "fingerprint": "9f2c..."}, ...]}

``path`` is relative to the baseline file's folder, whatever folder the
command runs in. ``fingerprint`` is the finding's identity in that file
(``checking.fingerprint``): the rule, the flagged words and the sentence
they are in, and which occurrence of those it is - never line numbers, so a
baselined finding stays baselined when text above it moves or other
sentences change, and comes back as new when its own sentence is edited.
``words`` is there for the reader only.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from service.engine import InputError

from .checking import FileResult

FORMAT_KEY = "sourcecheck-baseline"
FORMAT_VERSION = 1
DEFAULT_FILE = ".sourcecheck-baseline.json"


class BaselineError(InputError):
    """The baseline file cannot be read, or is not a baseline."""


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    """One accepted finding."""

    path: str
    rule: str
    words: str
    fingerprint: str


@dataclass(frozen=True)
class Baseline:
    """A baseline file's entries; ``file`` is where it lives."""

    file: str
    entries: tuple[Entry, ...] = ()

    def key_path(self, draft_path: str) -> str:
        """A draft's path as the baseline writes it: relative to the
        baseline's folder, with forward slashes."""
        folder = os.path.dirname(os.path.abspath(self.file))
        try:
            rel = os.path.relpath(os.path.abspath(draft_path), folder)
        except ValueError:  # another drive (Windows)
            rel = os.path.abspath(draft_path)
        return Path(rel).as_posix()


@dataclass(frozen=True)
class Applied:
    """``results`` with baselined findings marked; ``baselined``: how many;
    ``fixed``: entries for checked drafts that no finding matches any more."""

    results: list[FileResult]
    baselined: int
    fixed: int


def load(file: str) -> Baseline:
    """Read a baseline file. Raises BaselineError saying what is wrong."""
    try:
        with open(file, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise BaselineError(f"baseline {file}: no such file (record one with: sourcecheck baseline PATHS "
                            f"-o {file})") from None
    except OSError as e:
        raise BaselineError(f"baseline {file}: cannot read: {e.strerror or e}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BaselineError(f"baseline {file}: not valid JSON: {e}") from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION or not isinstance(
            data.get("findings"), list):
        raise BaselineError(f"baseline {file}: not a sourcecheck baseline "
                            f'(expected {{"{FORMAT_KEY}": {FORMAT_VERSION}, "findings": [...]}})')
    entries = []
    for i, item in enumerate(data["findings"]):
        if not (isinstance(item, dict) and all(isinstance(item.get(k), str) for k in Entry.__slots__)):
            raise BaselineError(f"baseline {file}: finding {i} needs string fields "
                                f"{', '.join(Entry.__slots__)}")
        entries.append(Entry(*(item[k] for k in Entry.__slots__)))
    return Baseline(file, tuple(entries))


def entries(results: list[FileResult], baseline: Baseline) -> list[Entry]:
    """The entries that accept every finding of ``results`` not silenced by
    a suppression comment (stdin drafts have no path to record)."""
    out = []
    for r in results:
        if r.error is not None or r.path == "-":
            continue
        path = baseline.key_path(r.path)
        out += [Entry(path, f.finding.rule, f.words, f.identity(path)) for f in r.findings if not f.suppressed]
    return out


def apply(results: list[FileResult], baseline: Baseline) -> Applied:
    """Mark the findings the baseline accepts."""
    accepted = {e.fingerprint for e in baseline.entries}
    matched: set[str] = set()
    checked: set[str] = set()
    out = []
    for r in results:
        if r.error is not None or r.path == "-":
            out.append(r)
            continue
        path = baseline.key_path(r.path)
        checked.add(path)
        findings = []
        for f in r.findings:
            identity = f.identity(path)
            if not f.suppressed and identity in accepted:
                matched.add(identity)
                f = replace(f, baselined=True)
            findings.append(f)
        out.append(replace(r, findings=tuple(findings)))
    fixed = sum(1 for e in baseline.entries if e.path in checked and e.fingerprint not in matched)
    return Applied(out, len(matched), fixed)


def updated(results: list[FileResult], baseline: Baseline) -> Baseline:
    """The baseline after this run: entries of drafts this run did not
    check are kept; the checked drafts' entries are today's findings."""
    checked = {baseline.key_path(r.path) for r in results if r.error is None and r.path != "-"}
    kept = [e for e in baseline.entries if e.path not in checked]
    return Baseline(baseline.file, tuple(sorted(set(kept + entries(results, baseline)))))


def write(baseline: Baseline) -> None:
    """Write the baseline file (sorted entries, one a line, LF)."""
    lines = [json.dumps({k: getattr(e, k) for k in Entry.__slots__}, ensure_ascii=False)
             for e in sorted(baseline.entries)]
    body = ",\n".join(f"    {line}" for line in lines)
    text = f'{{\n  "{FORMAT_KEY}": {FORMAT_VERSION},\n  "findings": [\n{body}\n  ]\n}}\n' if lines else \
        f'{{\n  "{FORMAT_KEY}": {FORMAT_VERSION},\n  "findings": []\n}}\n'
    try:
        folder = os.path.dirname(os.path.abspath(baseline.file))
        os.makedirs(folder, exist_ok=True)
        with open(baseline.file, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except OSError as e:
        raise BaselineError(f"cannot write baseline {baseline.file}: {e.strerror or e}") from None
