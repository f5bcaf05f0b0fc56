"""Keeping reports: ``Store`` (SQLAlchemy; SQLite or PostgreSQL) and its
Alembic migrations, which ship in this package and run on open.

``python -m service.store upgrade [--url URL]`` migrates from a shell.
"""
from .decisions import Decision, FindingKey, finding_keys, with_decisions
from .store import DecisionError, Page, Store, StoredReport, StoryMeta
from .urls import normalise_url, sqlite_url, url_from_config

__all__ = ["Store", "StoredReport", "StoryMeta", "Page", "Decision", "DecisionError", "FindingKey",
           "finding_keys", "with_decisions", "normalise_url", "sqlite_url", "url_from_config"]
