"""Keeping reports: ``Store`` (SQLAlchemy; SQLite or PostgreSQL) and its
Alembic migrations, which ship in this package and run on open.

``python -m service.store upgrade [--url URL]`` migrates from a shell.
"""
from .store import Store, StoredReport
from .urls import normalise_url, sqlite_url, url_from_config

__all__ = ["Store", "StoredReport", "normalise_url", "sqlite_url", "url_from_config"]
