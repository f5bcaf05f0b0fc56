"""Output formats of ``sourcecheck check``: one module per format, each with
``render(results, run) -> str``. They only translate ``FileResult`` objects;
deciding what failed is the command's job."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from service import __version__

if TYPE_CHECKING:
    from service.policy import Policy

TOOL_NAME = "sourcecheck"
_MODULES = {"text": "text", "json": "json_out", "sarif": "sarif", "github": "github",
            "gitlab": "gitlab", "junit": "junit"}


@dataclass(frozen=True)
class RunInfo:
    """What every format may need besides the results."""

    fail_on: str = "error"
    version: str = __version__
    policy: "Policy | None" = None  # the effective policy (None: the house default)
    baseline: str | None = None  # the baseline file in use, if any
    baselined: int = 0  # findings the baseline accepted (not in ``active``)


def renderer(name: str) -> Callable:
    """The ``render`` function of output format ``name`` (only its module is
    imported: ``json`` needs the marshmallow schemas, ``text`` does not)."""
    from importlib import import_module

    return import_module(f"{__name__}.{_MODULES[name]}").render


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
