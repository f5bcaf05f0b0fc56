"""A newsroom's sourcing policy at the edge: files and request mappings in,
a ``service.engine.Policy`` out, validated by ``schemas.policy.PolicySchema``.

Interface:
- ``from_mapping(data)``: validate a dict (request body, parsed file) into a
  ``Policy``; ``None`` is ``DEFAULT``. Raises
  ``PolicyError(message, errors={"field.path": "message"})``.
- ``load_policy_file(path)``: a ``.toml``, ``.yaml`` or ``.yml`` file, same format.

Every face that reads a policy calls these two (as ``service.policy.from_mapping``,
looked up when called, so one replacement changes every face). Every field is
optional; what a policy leaves out keeps its default. The format is
documented in ``docs/report.md``.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from service.engine import DEFAULT, Policy, PolicyError, RulePolicy, ScorePolicy, Thresholds

__all__ = ["from_mapping", "load_policy_file", "Policy", "RulePolicy", "Thresholds", "ScorePolicy",
           "DEFAULT", "PolicyError"]


def from_mapping(data: Mapping | Policy | None) -> Policy:
    """Validate ``data`` (a request body or a parsed file) into a Policy;
    ``None`` is the default policy and a ``Policy`` is returned as is. Raises
    ``PolicyError`` whose ``errors`` map each bad field's dotted path to a message."""
    if data is None:
        return DEFAULT
    if isinstance(data, Policy):
        return data
    from schemas.policy import load_policy  # marshmallow only when a mapping must be validated

    return load_policy(data)


def load_policy_file(path: str | Path) -> Policy:
    """Read a ``.toml``, ``.yaml`` or ``.yml`` policy file and validate it."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".yaml", ".yml"):
        raise PolicyError(f"cannot read policy {path}: expected a .toml, .yaml or .yml file",
                          {"policy": "unsupported file type"})
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PolicyError(f"cannot read policy {path}: {e}", {"policy": "cannot be read"}) from None
    if suffix == ".toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise PolicyError(f"cannot parse policy {path}: {e}", {"policy": f"invalid TOML: {e}"}) from None
    else:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as e:
            raise PolicyError(f"cannot parse policy {path}: {e}", {"policy": f"invalid YAML: {e}"}) from None
        if data is None:  # an empty file is the default policy
            data = {}
    try:
        return from_mapping(data)
    except PolicyError as e:
        raise PolicyError(f"{path}: {e}", e.errors) from None
