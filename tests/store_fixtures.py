"""Report-store fixtures shared by the store tests: a database URL for SQLite
always and for PostgreSQL when a server is available (``make test`` starts
one via scripts/test-setup.sh), a hand-moved clock, and a store on both."""
from __future__ import annotations

import os
import pathlib
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text as sql

from service.store import Store, sqlite_url

ROOT = pathlib.Path(__file__).resolve().parent.parent
T0 = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


def postgres_url() -> str | None:
    """TEST_DATABASE_URL, else the server scripts/test-setup.sh started."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        path = ROOT / "test-artifacts" / "postgres.url"
        url = path.read_text().strip() if path.exists() else None
    return url or None


class Clock:
    """A clock the tests move by hand."""

    def __init__(self, now: datetime = T0):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw) -> None:
        self.now += timedelta(**kw)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "reports.db")
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server: set TEST_DATABASE_URL or run scripts/test-setup.sh as root")
    store = Store(url, migrate_on_open=False)
    try:
        with store.engine.begin() as conn:  # each test starts from an empty database
            conn.execute(sql("DROP SCHEMA public CASCADE"))
            conn.execute(sql("CREATE SCHEMA public"))
    except Exception as e:  # a stale URL file or a server that went away
        pytest.skip(f"PostgreSQL at {url} is not reachable: {e}")
    finally:
        store.close()
    return url


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(db_url, clock):
    s = Store(db_url, clock=clock)
    yield s
    s.close()
