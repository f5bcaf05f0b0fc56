"""A newsroom's sourcing policy: which findings are on, their severities,
thresholds and house word lists. Loaded from TOML/YAML or a request body.

Interface (filled in by the report issue):
- ``Policy``: frozen dataclass; ``DEFAULT`` is the house default.
- ``Policy.from_mapping(data)``: validate a dict (request body, parsed file);
  raise ``PolicyError(message, errors={"field.path": "message"})``.
- ``load_policy_file(path)``: a ``.toml`` or ``.yaml`` file, same format.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from service.engine.errors import PolicyError

__all__ = ["Policy", "DEFAULT", "PolicyError", "load_policy_file"]


@dataclass(frozen=True)
class Policy:
    """Placeholder until the report issue fills in the rules."""

    @classmethod
    def from_mapping(cls, data: dict | None) -> "Policy":
        if data is not None and not isinstance(data, dict):
            raise PolicyError("policy must be an object", {"policy": "must be an object"})
        return cls()


DEFAULT = Policy()


def load_policy_file(path: str | Path) -> Policy:
    import tomllib

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise PolicyError(f"cannot read policy {path}: {e}") from None
    return Policy.from_mapping(data)
