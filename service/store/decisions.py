"""Editors' decisions on findings, and the key that finds a finding again.

A finding is matched across versions of a story by its rule and the words it
quotes (whitespace collapsed; its message when it quotes none) and, when the
same rule flags the same words more than once, by which occurrence it is;
never by offsets, which move with every edit above it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

STATES = ("accepted", "dismissed", "reopened")


class FindingKey(NamedTuple):
    rule: str
    quoted: str
    occurrence: int


@dataclass(frozen=True, slots=True)
class Decision:
    """An editor's decision: ``state`` is accepted (will be fixed), dismissed
    (``note`` says why) or reopened; ``report_id`` is the version it was made on."""

    key: FindingKey
    state: str
    note: str | None
    editor: str
    decided_at: datetime
    report_id: str

    def as_wire(self, on_report: str) -> dict:
        """The report's ``decision`` member; ``carried_from`` names the earlier version it was made on."""
        return {"state": self.state, "note": self.note, "editor": self.editor,
                "decided_at": self.decided_at.isoformat(),
                "carried_from": None if self.report_id == on_report else self.report_id}


def quoted_words(finding: dict) -> str:
    span = finding.get("span") if isinstance(finding.get("span"), dict) else None
    words = " ".join(str((span or {}).get("text") or "").split())
    return (words or " ".join(str(finding.get("message") or "").split()))[:2000]


def finding_keys(report: dict) -> list[FindingKey]:
    """One key per finding of ``report`` (wire form), in the report's order."""
    seen: dict[tuple[str, str], int] = {}
    keys = []
    for f in report.get("findings") or ():
        if not isinstance(f, dict):
            continue
        pair = (str(f.get("rule", ""))[:100], quoted_words(f))
        n = seen[pair] = seen.get(pair, -1) + 1
        keys.append(FindingKey(pair[0], pair[1], n))
    return keys


def with_decisions(report: dict, decisions: dict[FindingKey, Decision], report_id: str) -> dict:
    """A copy of ``report`` whose findings carry ``decision`` (null when none)."""
    findings = [f for f in report.get("findings") or () if isinstance(f, dict)]
    keyed = zip(findings, finding_keys(report))
    out = [{**f, "decision": decisions[k].as_wire(report_id) if k in decisions else None} for f, k in keyed]
    return {**report, "findings": out}
