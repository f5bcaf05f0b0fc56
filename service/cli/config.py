"""The command's configuration: ``[tool.sourcecheck]`` in ``pyproject.toml``
or a ``.sourcecheck.toml``, found from the working folder upwards, merged
over the defaults, with command-line options over both.

    [tool.sourcecheck]                 # or the top level of .sourcecheck.toml
    fail-on = "warning"                # info | warning | error | never
    format = "text"                    # default output format
    exclude = ["archive/**"]           # globs, relative to the config file
    extensions = ["md", "html", "txt"] # what a folder walk picks up
    baseline = ".sourcecheck-baseline.json"  # accepted findings (sourcecheck baseline)
    policy-file = "policy.toml"        # a service policy file, or inline:
    [tool.sourcecheck.policy]          # the service's policy format, as is
    ...

The policy table is handed to ``service.policy.from_mapping`` untouched, so a
newsroom keeps one policy for the service and the command.
"""
from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from service.engine import PolicyError

from .drafts import DEFAULT_EXTENSIONS
from .errors import CommandError

FAIL_ON = ("info", "warning", "error", "never")
OUTPUT_FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")
DEFAULTS: dict = {
    "fail-on": "error",
    "format": "text",
    "exclude": [],
    "extensions": list(DEFAULT_EXTENSIONS),
}
_FILE_KEYS = frozenset(DEFAULTS) | {"policy", "policy-file", "baseline"}
DEFAULT_ORIGIN = "default"
COMMAND_LINE = "command line"


class ConfigError(CommandError):
    """The configuration cannot be used; ``errors`` maps keys to messages."""

    def __init__(self, message: str, errors: dict | None = None):
        super().__init__(message)
        self.errors = errors or {}


@dataclass(frozen=True)
class Config:
    """The effective configuration and where each part came from."""

    settings: dict
    origins: dict
    file: str | None = None
    root: str = "."
    policy: dict | None = None  # the raw policy mapping, if known
    policy_file: str | None = None
    policy_origin: str = DEFAULT_ORIGIN
    baseline: str | None = None  # the baseline file (resolved), if configured

    def __getitem__(self, key: str):
        return self.settings[key]

    def as_mapping(self) -> dict:
        """The merged configuration as one mapping (what ``config`` prints)."""
        out = dict(self.settings)
        if self.baseline:
            out["baseline"] = self.baseline
        if self.policy_file:
            out["policy-file"] = self.policy_file
        if self.policy is not None:
            out["policy"] = self.policy
        return out


def find(start: str | os.PathLike = ".") -> Path | None:
    """The nearest ``.sourcecheck.toml``, or ``pyproject.toml`` with a
    ``[tool.sourcecheck]`` table, from ``start`` up to the repository root."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        dotfile = folder / ".sourcecheck.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "sourcecheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def load(*, start: str | os.PathLike = ".", path: str | None = None,
         overrides: dict | None = None, use_file: bool = True) -> Config:
    """Defaults, then the config file (``path`` or the nearest one), then
    ``overrides`` from the command line (None values are ignored)."""
    settings = {k: (list(v) if isinstance(v, list) else v) for k, v in DEFAULTS.items()}
    origins = {k: DEFAULT_ORIGIN for k in DEFAULTS}
    file = Path(path) if path else (find(start) if use_file else None)
    table: dict = {}
    root = Path(start).resolve()
    if file is not None:
        if not file.is_file():
            raise ConfigError(f"config file {file}: no such file")
        data = _read_toml(file)
        if file.name == "pyproject.toml":
            if "sourcecheck" not in data.get("tool", {}):
                raise ConfigError(f"{file} has no [tool.sourcecheck] table")
            table = data["tool"]["sourcecheck"]
        else:
            table = data
        root = file.resolve().parent
    _validate(table, str(file))
    for key in DEFAULTS:
        if key in table:
            settings[key] = table[key]
            origins[key] = str(file)
    policy = table.get("policy")
    policy_file = table.get("policy-file")
    policy_origin = str(file) if ("policy" in table or policy_file) else DEFAULT_ORIGIN
    if policy_file:
        policy_file = str((root / policy_file))
    baseline = str(root / table["baseline"]) if table.get("baseline") else None
    if "baseline" in table:
        origins["baseline"] = str(file)
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key == "policy-file":
            policy_file, policy, policy_origin = str(Path(value).resolve()), None, COMMAND_LINE
        else:
            settings[key] = value
            origins[key] = COMMAND_LINE
    if policy_file and policy is None and policy_file.endswith(".toml") and os.path.isfile(policy_file):
        policy = _read_toml(Path(policy_file))
    return Config(settings, origins, str(file) if file else None, str(root),
                  policy, policy_file, policy_origin, baseline)


def build_policy(config: Config):
    """The ``Policy`` the configuration asks for (None: the house default).
    Raises PolicyError with the policy's field errors."""
    from service import policy as policies

    _check_rule_ids(config)
    if config.policy_file:
        if not os.path.isfile(config.policy_file):
            raise PolicyError(f"policy file {config.policy_file}: no such file")
        return policies.load_policy_file(config.policy_file)
    if config.policy is not None:
        return policies.from_mapping(config.policy)
    return None


def _check_rule_ids(config: Config) -> None:
    """A rule id in the policy's ``rules`` that no rule has is an error at
    its place in the file (``FILE:LINE:COL``), with the closest known id: a
    typo must not leave the newsroom's setting silently unapplied."""
    rules = (config.policy or {}).get("rules")
    if not isinstance(rules, dict):
        return
    from service.engine import RULES

    unknown = [r for r in rules if r not in RULES]
    if not unknown:
        return
    where = config.policy_file or config.file
    try:
        text = Path(where).read_text(encoding="utf-8") if where else ""
    except OSError:
        text = ""
    problems = []
    for rule in unknown:
        line, column = _first_key(text, rule)
        close = difflib.get_close_matches(rule, list(RULES), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        problems.append(f"{where}:{line}:{column}: unknown rule id {rule!r} in the policy's rules{hint}")
    raise ConfigError("\n".join(problems))


def _first_key(text: str, key: str) -> tuple[int, int]:
    """Line and column (1-based) where ``key`` is first written as a TOML key
    (bare or quoted, in a table header or before ``=``); 1:1 if nowhere."""
    m = re.search(rf"(?<![\w-])[\"']?{re.escape(key)}[\"']?(?![\w-])", text)
    if not m:
        return 1, 1
    return text.count("\n", 0, m.start()) + 1, m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read config {path}: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None


def _validate(table: dict, where: str) -> None:
    errors = {}
    for key, value in table.items():
        if key not in _FILE_KEYS:
            errors[key] = f"unknown setting (expected one of {', '.join(sorted(_FILE_KEYS))})"
        elif key == "fail-on" and value not in FAIL_ON:
            errors[key] = f"must be one of {', '.join(FAIL_ON)}"
        elif key == "format" and value not in OUTPUT_FORMATS:
            errors[key] = f"must be one of {', '.join(OUTPUT_FORMATS)}"
        elif key in ("exclude", "extensions") and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)):
            errors[key] = "must be a list of strings"
        elif key == "policy" and not isinstance(value, dict):
            errors[key] = "must be a table"
        elif key in ("policy-file", "baseline") and not isinstance(value, str):
            errors[key] = "must be a path"
    if "policy" in table and "policy-file" in table:
        errors["policy-file"] = "give either policy-file or a [policy] table, not both"
    if errors:
        raise ConfigError(f"invalid configuration in {where}", errors)
