"""The service's settings, and the one place that reads the environment.

``Config.from_env()`` turns environment variables (or any mapping of the
same names, e.g. a test's overrides) into a typed, frozen ``Config``;
``create_app`` and ``docker/gunicorn.conf.py`` take what they need from it.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field


class ConfigError(ValueError):
    """A setting has a value the service cannot use."""


@dataclass(frozen=True)
class Config:
    """Every knob of the service, with its default for local use."""

    max_bytes: int = 1_000_000  # SOURCECHECK_MAX_BYTES: request body limit (413 above it)
    max_chars: int = 500_000  # SOURCECHECK_MAX_CHARS: one article's text limit (422 above it)
    max_batch: int = 50  # SOURCECHECK_MAX_BATCH: articles in one batch request
    api_keys: tuple[str, ...] = field(default=(), repr=False)  # SOURCECHECK_API_KEYS, comma-separated; empty: no auth
    database_url: str | None = None  # DATABASE_URL: report store (the review page)
    db_path: str = "var/sourcecheck.db"  # SOURCECHECK_DB_PATH: the store's SQLite file when no DATABASE_URL
    log_level: str = "INFO"  # SOURCECHECK_LOG_LEVEL
    workers: int | None = None  # SOURCECHECK_WORKERS: gunicorn workers; None: one per CPU
    timeout: int = 30  # SOURCECHECK_TIMEOUT: seconds before gunicorn restarts a stuck worker
    max_requests: int = 10_000  # SOURCECHECK_MAX_REQUESTS: recycle a worker after this many requests
    cors_origins: tuple[str, ...] = ()  # SOURCECHECK_CORS_ORIGINS, comma-separated origins (or *); empty: no CORS
    demo: bool = False  # SOURCECHECK_DEMO=on: serve the demo CMS page at /demo/editor
    max_batch_chars: int = 500_000  # SOURCECHECK_MAX_BATCH_CHARS: characters in one batch, all together
    deadline: float | None = None  # SOURCECHECK_DEADLINE: seconds of engine work per request; None: timeout - 5
    review: bool = True  # SOURCECHECK_REVIEW: on/off, the review pages
    secret_key: str | None = field(default=None, repr=False)  # SOURCECHECK_SECRET_KEY: signs the review session
    retention_days: int | None = None  # SOURCECHECK_RETENTION_DAYS: stored reports older than this are purged

    # environment variable -> (field, parser)
    ENV = {
        "SOURCECHECK_MAX_BYTES": "max_bytes",
        "SOURCECHECK_MAX_CHARS": "max_chars",
        "SOURCECHECK_MAX_BATCH": "max_batch",
        "SOURCECHECK_API_KEYS": "api_keys",
        "DATABASE_URL": "database_url",
        "SOURCECHECK_DB_PATH": "db_path",
        "SOURCECHECK_LOG_LEVEL": "log_level",
        "SOURCECHECK_WORKERS": "workers",
        "SOURCECHECK_TIMEOUT": "timeout",
        "SOURCECHECK_MAX_REQUESTS": "max_requests",
        "SOURCECHECK_CORS_ORIGINS": "cors_origins",
        "SOURCECHECK_DEMO": "demo",
        "SOURCECHECK_MAX_BATCH_CHARS": "max_batch_chars",
        "SOURCECHECK_DEADLINE": "deadline",
        "SOURCECHECK_REVIEW": "review",
        "SOURCECHECK_SECRET_KEY": "secret_key",
        "SOURCECHECK_RETENTION_DAYS": "retention_days",
    }

    @classmethod
    def from_env(cls, environ: Mapping[str, object] | None = None) -> "Config":
        """Read the settings from ``environ`` (default: the process
        environment); unset or empty variables keep their defaults."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name, attr in cls.ENV.items():
            raw = environ.get(name)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            values[attr] = _PARSERS[attr](name, raw)
        return cls(**values)

    def flask_config(self) -> dict[str, object]:
        """The Flask ``app.config`` entries this configuration sets."""
        return {
            "MAX_CONTENT_LENGTH": self.max_bytes,
            "MAX_FORM_MEMORY_SIZE": self.max_bytes,  # a form's text field (the review page's paste box)
            "SOURCECHECK_MAX_BYTES": self.max_bytes,
            "SOURCECHECK_MAX_CHARS": self.max_chars,
            "SOURCECHECK_MAX_BATCH": self.max_batch,
            "SOURCECHECK_API_KEYS": self.api_keys,
            "DATABASE_URL": self.database_url,
            "SOURCECHECK_DB_PATH": self.db_path,
            "SOURCECHECK_LOG_LEVEL": self.log_level,
            "SOURCECHECK_CORS_ORIGINS": self.cors_origins,
            "SOURCECHECK_DEMO": self.demo,
            "SOURCECHECK_MAX_BATCH_CHARS": self.max_batch_chars,
            "SOURCECHECK_DEADLINE": self.engine_deadline(),
            "SOURCECHECK_RETENTION_DAYS": self.retention_days,
        }

    def engine_deadline(self) -> float:
        """Seconds the engine may spend on one request: the configured
        deadline, else five seconds inside gunicorn's worker timeout, so an
        over-long audit answers 503 before the worker would be killed."""
        if self.deadline is not None:
            return self.deadline
        return float(max(1, self.timeout - 5))

    def worker_count(self, cpus: int | None = None) -> int:
        """Gunicorn workers: the configured number, else one per usable CPU
        (auditing is CPU-bound, so more sync workers than cores only queue)."""
        if self.workers is not None:
            return self.workers
        if cpus is None:
            cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        return max(1, cpus)


def _positive_int(name: str, raw: object) -> int:
    try:
        value = int(str(raw).strip().replace("_", ""))
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 1:
        raise ConfigError(f"{name} must be at least 1, not {value}")
    return value


_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


def split_key(key: str) -> tuple[str, str]:
    """``label:secret`` -> (label, secret); a key without a label is the
    editor's: ("editor", key). The label names who signed in to the review pages."""
    label, sep, secret = key.partition(":")
    if sep and _LABEL.fullmatch(label) and secret:
        return label, secret
    return "editor", key


def _keys(name: str, raw: object) -> tuple[str, ...]:
    if isinstance(raw, (list, tuple)):
        keys = tuple(str(k).strip() for k in raw)
    else:
        keys = tuple(k.strip() for k in str(raw).split(","))
    keys = tuple(k for k in keys if k)
    if any(len(split_key(k)[1]) < 16 for k in keys):
        raise ConfigError(f"{name}: every API key must be at least 16 characters")
    return keys


def _seconds(name: str, raw: object) -> float:
    try:
        value = float(str(raw).strip())
    except ValueError:
        raise ConfigError(f"{name} must be a number of seconds, not {raw!r}") from None
    if not value > 0 or value == float("inf"):
        raise ConfigError(f"{name} must be a positive number of seconds, not {raw!r}")
    return value


def _switch(name: str, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    value = str(raw).strip().lower()
    if value in ("on", "true", "yes", "1"):
        return True
    if value in ("off", "false", "no", "0"):
        return False
    raise ConfigError(f"{name} must be on or off, not {raw!r}")


def _secret(name: str, raw: object) -> str:
    value = str(raw).strip()
    if len(value) < 32:
        raise ConfigError(f"{name} must be at least 32 characters (e.g. python -c 'import secrets; "
                          f"print(secrets.token_hex())')")
    return value


def _text(name: str, raw: object) -> str:
    return str(raw).strip()


_ORIGIN = re.compile(r"https?://(?:[^\s/?#@:\[\]]+|\[[0-9a-f:.]+\])(?::\d{1,5})?", re.IGNORECASE)


def _origins(name: str, raw: object) -> tuple[str, ...]:
    """Browser origins allowed to call the API: ``scheme://host[:port]``, no
    path; or ``*`` alone (any origin; credentials are never allowed anyway)."""
    items = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
    origins = tuple(o.strip().rstrip("/") for o in map(str, items) if o.strip())
    if "*" in origins and len(origins) > 1:
        raise ConfigError(f"{name}: '*' allows every origin and cannot be combined with others")
    for origin in origins:
        if origin != "*" and not _ORIGIN.fullmatch(origin):
            raise ConfigError(f"{name}: {origin!r} is not an origin like https://cms.example.org")
    return origins


def _log_level(name: str, raw: object) -> str:
    level = str(raw).strip().upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ConfigError(f"{name} must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {raw!r}")
    return level


_PARSERS = {
    "max_bytes": _positive_int,
    "max_chars": _positive_int,
    "max_batch": _positive_int,
    "api_keys": _keys,
    "database_url": _text,
    "db_path": _text,
    "log_level": _log_level,
    "workers": _positive_int,
    "timeout": _positive_int,
    "max_requests": _positive_int,
    "cors_origins": _origins,
    "demo": _switch,
    "max_batch_chars": _positive_int,
    "deadline": _seconds,
    "review": _switch,
    "secret_key": _secret,
    "retention_days": _positive_int,
}
