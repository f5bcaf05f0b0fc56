"""The report store: audits the API or the review page chose to keep.

SQLite by default, PostgreSQL when the app's ``DATABASE_URL`` says so; the
same SQLAlchemy code serves both. Times are UTC.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, event, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from . import migrate
from .models import ReportRow
from .urls import normalise_url, url_from_config

MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class StoredReport:
    """A kept audit: the report dict (wire form) and the article as sent."""

    id: str
    report: dict
    text: str
    format: str
    title: str | None
    created_at: datetime  # aware, UTC
    score: int | None
    has_anonymous: bool


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    """Save, fetch and list reports. Thread-safe: one engine, a session a call."""

    def __init__(self, url: str, *, clock: Callable[[], datetime] = _utcnow, migrate_on_open: bool = True):
        self.url = normalise_url(url)
        self.engine = _engine(self.url)
        self._clock = clock
        if migrate_on_open:
            self.upgrade()

    @classmethod
    def from_config(cls, config) -> "Store":
        """The store a Flask app's config asks for (see ``urls.url_from_config``)."""
        return cls(url_from_config(config), migrate_on_open=config.get("SOURCECHECK_DB_MIGRATE", True))

    def upgrade(self) -> None:
        """Migrate the database to the newest schema."""
        migrate.upgrade(self.engine)
        if self.engine.url.database not in (None, "", ":memory:"):
            # no pooled connection survives into forked (gunicorn) workers
            self.engine.dispose()

    def close(self) -> None:
        self.engine.dispose()

    def save(self, report: dict, *, text: str, format: str, title: str | None = None) -> str:
        """Keep one report with the text it was made from; return its new id."""
        [new_id] = self.save_many([(report, text, format, title)])
        return new_id

    def save_many(self, items) -> list[str]:
        """Keep several reports, ``(report, text, format, title)`` each, in one
        transaction: all are stored or none is. Their new ids, in order."""
        now = _as_utc(self._clock())
        rows = []
        for report, text, format, title in items:
            if not isinstance(report, dict):
                raise TypeError("report must be the dict from schemas.report.dump_report")
            rows.append(ReportRow(
                id=uuid.uuid4().hex,
                created_at=now,
                title=title if title is not None else report.get("title"),
                format=format,
                text=text,
                report=report,
                score=_score(report),
                has_anonymous=_has_anonymous(report),
                quotes=len(report.get("quotes") or ()),
            ))
        ids = [row.id for row in rows]
        with Session(self.engine) as session, session.begin():
            session.add_all(rows)
        return ids

    def delete(self, id: str) -> bool:
        """Forget the report kept under ``id``; whether there was one."""
        with Session(self.engine) as session, session.begin():
            return session.execute(delete(ReportRow).where(ReportRow.id == id)).rowcount > 0

    def purge(self, older_than_days: int) -> int:
        """Forget every report kept more than ``older_than_days`` days ago; how many."""
        cutoff = _as_utc(self._clock()) - timedelta(days=older_than_days)
        with Session(self.engine) as session, session.begin():
            return session.execute(delete(ReportRow).where(ReportRow.created_at < cutoff)).rowcount

    def get(self, id: str) -> StoredReport | None:
        """The report kept under ``id``, or None."""
        with Session(self.engine) as session:
            row = session.get(ReportRow, id)
            return _stored(row) if row is not None else None

    def recent(self, *, limit: int = 50, min_score: int | None = None, max_score: int | None = None,
               has_anonymous: bool | None = None, since: datetime | date | None = None,
               until: datetime | date | None = None) -> list[StoredReport]:
        """Newest first. ``since`` is inclusive, ``until`` exclusive; a date
        means its midnight UTC. A score filter leaves out unscored reports."""
        query = select(ReportRow).order_by(ReportRow.created_at.desc(), ReportRow.id.desc())
        if min_score is not None:
            query = query.where(ReportRow.score >= min_score)
        if max_score is not None:
            query = query.where(ReportRow.score <= max_score)
        if has_anonymous is not None:
            query = query.where(ReportRow.has_anonymous.is_(has_anonymous))
        if since is not None:
            query = query.where(ReportRow.created_at >= _as_utc(since))
        if until is not None:
            query = query.where(ReportRow.created_at < _as_utc(until))
        query = query.limit(max(1, min(int(limit), MAX_LIMIT)))
        with Session(self.engine) as session:
            return [_stored(row) for row in session.scalars(query)]


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    if url in ("sqlite://", "sqlite:///:memory:"):
        # one shared connection, or every checkout would see a fresh empty database
        return create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    engine = create_engine(url)
    Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=5000")  # gunicorn workers share the file
        cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
        cursor.close()

    return engine


def _as_utc(when: datetime | date) -> datetime:
    if not isinstance(when, datetime):
        when = datetime.combine(when, time.min)
    if when.tzinfo is None:
        return when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def _score(report: dict) -> int | None:
    score = report.get("score")
    return score.get("value") if isinstance(score, dict) else None


def _has_anonymous(report: dict) -> bool:
    return any(s.get("type") == "anonymous" for s in report.get("sources") or ()) or any(
        q.get("source_type") == "anonymous" for q in report.get("quotes") or ())


def _stored(row: ReportRow) -> StoredReport:
    return StoredReport(id=row.id, report=row.report, text=row.text, format=row.format, title=row.title,
                        created_at=_as_utc(row.created_at), score=row.score, has_anonymous=row.has_anonymous)
