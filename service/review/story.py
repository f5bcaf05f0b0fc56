"""One story across its versions: which findings are new in the later
version, which the earlier one had and the later resolved, which persist.
Findings are matched by rule and quoted words (``service.store.finding_keys``),
never by offsets."""
from __future__ import annotations

from dataclasses import dataclass

from service.store import FindingKey, finding_keys


@dataclass(frozen=True, slots=True)
class Change:
    key: FindingKey
    finding: dict  # as in the report it comes from


@dataclass(frozen=True, slots=True)
class Comparison:
    new: tuple[Change, ...]
    resolved: tuple[Change, ...]
    persisting: tuple[Change, ...]


def _keyed(report: dict) -> dict[FindingKey, dict]:
    findings = [f for f in report.get("findings") or () if isinstance(f, dict)]
    return dict(zip(finding_keys(report), findings))


def compare(later: dict, earlier: dict) -> Comparison:
    """The findings of ``later`` against those of ``earlier`` (reports in wire form)."""
    now, before = _keyed(later), _keyed(earlier)
    return Comparison(
        new=tuple(Change(k, f) for k, f in now.items() if k not in before),
        resolved=tuple(Change(k, f) for k, f in before.items() if k not in now),
        persisting=tuple(Change(k, f) for k, f in now.items() if k in before),
    )
