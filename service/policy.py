"""A newsroom's sourcing policy: which findings are on, their severities,
thresholds and house word lists. Loaded from TOML/YAML or a request body."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    """Placeholder: filled in by the report issue."""


DEFAULT = Policy()
