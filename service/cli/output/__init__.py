"""Output formats of ``sourcecheck check``: one module per format, each with
``render(results, run) -> str``. They only translate ``FileResult`` objects;
deciding what failed is the command's job."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from service import __version__

if TYPE_CHECKING:
    from service.engine import Policy

TOOL_NAME = "sourcecheck"


@dataclass(frozen=True)
class RunInfo:
    """What every format may need besides the results."""

    fail_on: str = "error"
    version: str = __version__
    policy: "Policy | None" = None  # the effective policy (None: the house default)
    baseline: str | None = None  # the baseline file in use, if any
    baselined: int = 0  # findings the baseline accepted (not in ``active``)


def counts(results) -> dict[str, int]:
    """Active findings by severity, over all results."""
    out = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.active:
            out[f.finding.severity] += 1
    return out


def one_line(message: str) -> str:
    """A message on one line (formats that are one finding a line)."""
    return " ".join(message.split())
