"""Database URLs: from the app's configuration to a SQLAlchemy URL."""
from __future__ import annotations

from pathlib import Path

DEFAULT_SQLITE_PATH = "var/sourcecheck.db"


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for PostgreSQL URLs written without one
    (``postgres://`` and ``postgresql://``, as hosting platforms give them)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def sqlite_url(path: str | Path) -> str:
    """A SQLite URL for a file path (``:memory:`` stays in memory)."""
    if str(path) == ":memory:":
        return "sqlite://"
    return "sqlite:///" + str(Path(path).expanduser().resolve())


def url_from_config(config) -> str:
    """``DATABASE_URL`` when set, else SQLite at ``SOURCECHECK_DB_PATH``."""
    url = config.get("DATABASE_URL")
    if url:
        return normalise_url(url)
    return sqlite_url(config.get("SOURCECHECK_DB_PATH") or DEFAULT_SQLITE_PATH)
