"""The report store: audits the API or the review page chose to keep.

SQLite by default, PostgreSQL when the app's ``DATABASE_URL`` says so; the
same SQLAlchemy code serves both. Times are UTC.
"""
from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from time import monotonic

from sqlalchemy import Engine, bindparam, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from . import migrate, pgsave, prepared, rollup
from .decisions import STATES, Decision, FindingKey
from .facts import author_key, facts
from .models import DecisionRow, ReportAuthorRow, ReportFindingRow, ReportPhraseRow, ReportRow, ReportStatsRow
from .urls import normalise_url, url_from_config

MAX_LIMIT = 500


class DecisionError(ValueError):
    """A decision the store cannot keep (unknown state, dismissal without a note, no such report)."""


@dataclass(frozen=True, slots=True)
class StoryMeta:
    """What a request says about the story an article belongs to; all optional."""

    story_id: str | None = None
    url: str | None = None
    desk: str | None = None
    authors: tuple[str, ...] = ()
    published_at: datetime | None = None


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
    story: StoryMeta = StoryMeta()
    is_latest: bool = True

    @property
    def story_key(self) -> str:
        """The story's id, else the report's own: decisions are kept per story."""
        return self.story.story_id or self.id


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the report list."""

    rows: list[StoredReport]
    total: int
    number: int  # 1-based
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


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

    # --- reports ------------------------------------------------------------------

    def save(self, report: dict, *, text: str, format: str, title: str | None = None,
             story: StoryMeta | None = None) -> str:
        """Keep one report with the text it was made from; return its new id.
        With a ``story.story_id`` it becomes that story's latest version."""
        return self.save_many([(report, text, format, title, story)])[0]

    def save_many(self, items: Iterable[tuple], *, rollup_now: bool = True) -> list[str]:
        """Keep several reports, ``(report, text, format, title[, story])``
        each, in one transaction (all are stored or none is), in order; return
        their ids. A bulk import may pass
        ``rollup_now=False`` to every call and ``rebuild_trends()`` once at the
        end; until then the trends miss those reports."""
        reports, stats, authors, findings, phrases, ids = [], [], [], [], [], []
        latest: dict[str, list[dict]] = {}  # story id -> the counted rows of its newest version in this call
        for report, text, format, title, *rest in items:  # (report, text, format, title[, story])
            story = rest[0] if rest else None
            if not isinstance(report, dict):
                raise TypeError("report must be the dict from schemas.report.dump_report")
            story = story or StoryMeta()
            new_id = uuid.uuid4().hex
            created = _as_utc(self._clock())
            published = _as_utc(story.published_at) if story.published_at else None
            title = title if title is not None else report.get("title")
            f = facts(report, title=title, created_at=created, published_at=published, authors=story.authors)
            where = {"is_latest": True, "day": f.columns["day"], "week": f.columns["week"], "desk": story.desk}
            if story.story_id:
                if story.story_id in latest:  # an earlier version in this same call
                    for row in latest[story.story_id]:
                        row["is_latest"] = False
                latest[story.story_id] = []
            reports.append({
                "id": new_id, "created_at": created, "title": title, "format": format, "text": text,
                "report": report, "score": _score(report), "has_anonymous": _has_anonymous(report),
                "quotes": len(report.get("quotes") or ()), "story_id": story.story_id, "url": story.url,
                "desk": story.desk, "authors": [name for _, name in f.authors] or None, "published_at": published,
            })
            mine = [{"report_id": new_id, "created_at": created, **f.columns, **where}]
            mine += [{"report_id": new_id, "rule": r, "count": c, **where} for r, c in f.findings.items()]
            mine += [{"report_id": new_id, "phrase": p, "count": c, **where} for p, c in f.phrases.items()]
            if story.story_id:
                latest[story.story_id] = mine
            stats.append(mine[0])
            findings += mine[1:1 + len(f.findings)]
            phrases += mine[1 + len(f.findings):]
            authors += [{"report_id": new_id, "key": k, "name": n} for k, n in f.authors]
            ids.append(new_id)
        by_report: dict[str, list[str]] = {}
        for row in authors:
            by_report.setdefault(row["report_id"], []).append(row["key"])

        def counted(rows):
            return [r for r in rows if r["is_latest"]]

        rows = {ReportRow: reports, ReportStatsRow: stats, ReportAuthorRow: authors, ReportFindingRow: findings,
                ReportPhraseRow: phrases}
        if pgsave.supported(self.engine.dialect):  # one statement, when no story has a stored version
            cells = rollup.cells(counted(stats), counted(findings), counted(phrases), authors=by_report) \
                if rollup_now else {}
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                if pgsave.write(conn, list(latest), {**rows, **cells}):
                    return ids
        with self.engine.begin() as conn:  # Core, not the ORM: a save is a handful of statements
            superseded: list[list[dict]] = []
            if latest:
                stories = list(latest)
                # A new story's save learns from one look-up that there is nothing to supersede.
                if any(_has_versions(conn, stories[i:i + 500]) for i in range(0, len(stories), 500)):
                    params = {"stories": stories}
                    superseded = [[dict(r._mapping) for r in conn.execute(q, params)] for q in _SUPERSEDED]
                    for statement in _SUPERSEDE:
                        conn.execute(statement, params)
            with prepared.pipelined(conn):  # the new rows and their roll-up cells: writes only
                for table, written in rows.items():
                    if written:
                        prepared.write(conn, _INSERTS[table], written)
                if rollup_now:
                    rollup.add(conn, counted(stats), counted(findings), counted(phrases), authors=by_report)
            if rollup_now and any(superseded):
                rollup.add(conn, *superseded, sign=-1)
        return ids

    def rebuild_trends(self) -> None:
        """Rebuild both of the trends' roll-ups (daily, and per author) from the counted rows."""
        with self.engine.begin() as conn:
            rollup.rebuild(conn)


    def delete(self, id: str) -> bool:
        """Forget the report kept under ``id`` (its counted rows and decisions
        go with it); whether there was one."""
        return self._forget(ReportRow.id == id) > 0

    def purge(self, older_than_days: int) -> int:
        """Forget every report kept more than ``older_than_days`` days ago; how many."""
        cutoff = _as_utc(self._clock()) - timedelta(days=older_than_days)
        return self._forget(ReportRow.created_at < cutoff)

    def _forget(self, condition) -> int:
        """Delete the reports matching ``condition`` in one transaction. Their
        counted rows leave the trends' roll-up; a story whose latest version
        went is counted again by its newest remaining version."""
        doomed = select(ReportRow.id).where(condition)  # foreign keys cascade to its rows and decisions
        stories = select(ReportRow.story_id).where(condition, ReportRow.story_id.is_not(None)).distinct()
        with self.engine.begin() as conn:
            story_ids = list(conn.scalars(stories))
            counted = [[dict(r._mapping) for r in conn.execute(
                select(t).where(t.report_id.in_(doomed), t.is_latest.is_(True)))] for t in _COUNTED]
            their_authors = rollup.authors_of(conn, doomed) if counted[0] else {}  # before the cascade
            gone = conn.execute(delete(ReportRow).where(ReportRow.id.in_(doomed))).rowcount
            if any(counted):
                rollup.add(conn, *counted, sign=-1, authors=their_authors)
            for story_id in story_ids:
                newest = conn.scalar(select(ReportRow.id).where(ReportRow.story_id == story_id)
                                     .order_by(ReportRow.created_at.desc(), ReportRow.id.desc()).limit(1))
                if newest is None or conn.scalar(select(ReportStatsRow.is_latest)
                                                 .where(ReportStatsRow.report_id == newest)) is not False:
                    continue
                promoted = []
                for t in _COUNTED:
                    conn.execute(update(t).where(t.report_id == newest).values(is_latest=True))
                    promoted.append([dict(r._mapping) for r in conn.execute(select(t).where(t.report_id == newest))])
                rollup.add(conn, *promoted)
        return gone

    def get(self, id: str) -> StoredReport | None:
        """The report kept under ``id``, or None."""
        with Session(self.engine) as session:
            found = session.execute(_SELECT.where(ReportRow.id == id)).first()
            return _stored(*found) if found is not None else None

    def versions(self, story_id: str) -> list[StoredReport]:
        """Every stored version of a story, oldest first."""
        query = _SELECT.where(ReportRow.story_id == story_id).order_by(ReportRow.created_at, ReportRow.id)
        with Session(self.engine) as session:
            return [_stored(*row) for row in session.execute(query)]

    def recent(self, *, limit: int = 50, min_score: int | None = None, max_score: int | None = None,
               has_anonymous: bool | None = None, since: datetime | date | None = None,
               until: datetime | date | None = None) -> list[StoredReport]:
        """Newest first. ``since`` is inclusive, ``until`` exclusive; a date
        means its midnight UTC. A score filter leaves out unscored reports."""
        query = self._filtered(_SELECT, min_score=min_score, max_score=max_score,
                               has_anonymous=has_anonymous, since=since, until=until)
        query = query.order_by(ReportRow.created_at.desc(), ReportRow.id.desc())
        query = query.limit(max(1, min(int(limit), MAX_LIMIT)))
        with Session(self.engine) as session:
            return [_stored(*row) for row in session.execute(query)]

    def page(self, *, number: int = 1, per_page: int = 50, search: str | None = None, desk: str | None = None,
             author: str | None = None, **filters) -> Page:
        """One page of ``recent``'s list, also searched (titles and speakers,
        words in any order, case ignored) and filtered by desk and author."""
        per_page = max(1, min(int(per_page), MAX_LIMIT))
        number = max(1, int(number))
        # Filter and order on the narrow stats rows; join the wide reports only
        # for a score or anonymity filter, and fetch just the page's reports.
        s = ReportStatsRow
        query = select(s.report_id)
        if any(filters.get(k) is not None for k in ("min_score", "max_score", "has_anonymous")):
            query = query.join(ReportRow, ReportRow.id == s.report_id)
        query = self._filtered(query, search=search, desk=desk, author=author, created=s.created_at, **filters)
        with Session(self.engine) as session:
            total = session.scalar(select(func.count()).select_from(query.subquery()))
            ids = list(session.scalars(query.order_by(s.created_at.desc(), s.report_id.desc())
                                       .offset((number - 1) * per_page).limit(per_page)))
            found = {r[0].id: r for r in session.execute(_SELECT.where(ReportRow.id.in_(ids)))} if ids else {}
            return Page([_stored(*found[i]) for i in ids if i in found], total or 0, number, per_page)

    def desks(self) -> list[str]:
        """Every desk a stored report names, sorted."""
        query = (select(ReportStatsRow.desk).where(ReportStatsRow.desk.is_not(None)).distinct()
                 .order_by(ReportStatsRow.desk))
        with Session(self.engine) as session:
            return list(session.scalars(query))

    def authors(self) -> list[str]:
        """Every author a stored report names, sorted case-blind."""
        query = select(ReportAuthorRow.key, func.min(ReportAuthorRow.name)).group_by(
            ReportAuthorRow.key).order_by(ReportAuthorRow.key)
        with Session(self.engine) as session:
            return [name for _, name in session.execute(query)]

    @staticmethod
    def _filtered(query, *, min_score=None, max_score=None, has_anonymous=None, since=None, until=None,
                  search=None, desk=None, author=None, created=ReportRow.created_at):
        if min_score is not None:
            query = query.where(ReportRow.score >= min_score)
        if max_score is not None:
            query = query.where(ReportRow.score <= max_score)
        if has_anonymous is not None:
            query = query.where(ReportRow.has_anonymous.is_(has_anonymous))
        if since is not None:
            query = query.where(created >= _as_utc(since))
        if until is not None:
            query = query.where(created < _as_utc(until))
        for word in (search or "").casefold().split():
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(ReportStatsRow.search_text.like(f"%{escaped}%", escape="\\"))
        if desk:
            query = query.where(ReportStatsRow.desk == desk)
        if author:
            query = query.where(ReportStatsRow.report_id.in_(
                select(ReportAuthorRow.report_id).where(ReportAuthorRow.key == author_key(author))))
        return query

    # --- decisions ----------------------------------------------------------------

    def decide(self, report_id: str, key: FindingKey, state: str, *, editor: str,
               note: str | None = None) -> Decision:
        """Record an editor's decision on one finding of a stored report."""
        if state not in STATES:
            raise DecisionError(f"a decision is one of {', '.join(STATES)}, not {state!r}")
        note = " ".join((note or "").split()) or None
        if state == "dismissed" and not note:
            raise DecisionError("say why the finding is dismissed: a note is required")
        stored = self.get(report_id)
        if stored is None:
            raise DecisionError(f"no stored report {report_id!r}")
        when = _as_utc(self._clock())
        row = DecisionRow(report_id=report_id, story_key=stored.story_key, rule=key.rule, quoted=key.quoted,
                          occurrence=key.occurrence, state=state, note=note, editor=editor[:200],
                          decided_at=when)
        with Session(self.engine) as session, session.begin():
            session.add(row)
        return Decision(key, state, note, editor[:200], when, report_id)

    def decisions(self, stored: StoredReport) -> dict[FindingKey, Decision]:
        """The decision in force on each finding of ``stored``: the latest made
        on this version or an earlier one of its story, so decisions carry
        over to the next version when the same finding recurs."""
        query = (select(DecisionRow).join(ReportRow, ReportRow.id == DecisionRow.report_id)
                 .where(DecisionRow.story_key == stored.story_key,
                        or_(ReportRow.created_at < stored.created_at, ReportRow.id == stored.id))
                 .order_by(DecisionRow.decided_at, DecisionRow.id))
        out: dict[FindingKey, Decision] = {}
        with Session(self.engine) as session:
            for row in session.scalars(query):
                key = FindingKey(row.rule, row.quoted, row.occurrence)
                out[key] = Decision(key, row.state, row.note, row.editor, _as_utc(row.decided_at), row.report_id)
        return out

    def history(self, stored: StoredReport) -> list[Decision]:
        """Every decision on the story up to this version, oldest first."""
        query = (select(DecisionRow).join(ReportRow, ReportRow.id == DecisionRow.report_id)
                 .where(DecisionRow.story_key == stored.story_key,
                        or_(ReportRow.created_at < stored.created_at, ReportRow.id == stored.id))
                 .order_by(DecisionRow.decided_at, DecisionRow.id))
        with Session(self.engine) as session:
            return [Decision(FindingKey(r.rule, r.quoted, r.occurrence), r.state, r.note, r.editor,
                             _as_utc(r.decided_at), r.report_id) for r in session.scalars(query)]

    # --- trends -------------------------------------------------------------------

    def trends(self, since: date, until: date, *, desk: str | None = None, author: str | None = None):
        """The newsroom's sourcing week by week (``service.store.trends``)."""
        from .trends import trends

        with self.engine.connect() as conn:
            return trends(conn, since, until, desk=desk, author=author)


PING_AFTER_IDLE = 1.0  # seconds a pooled connection may rest and still be trusted without a ping


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        engine = create_engine(url)
        _ping_when_idle(engine)
        return engine
    if url in ("sqlite://", "sqlite:///:memory:"):
        # one shared connection, or every checkout would see a fresh empty database
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url)
        Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")  # a deleted report takes its rows and decisions along
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA busy_timeout=5000")  # gunicorn workers share the file
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
            # with WAL, NORMAL is safe from corruption; only a power cut may lose the last commits
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's pre-ping (a round trip before each use of a pooled
    connection, so one the server dropped is replaced, not failed on) only
    for connections that rested in the pool over ``PING_AFTER_IDLE`` seconds:
    one given back a moment ago was alive then, and a busy service (saves in
    quick succession) skips a round trip a request."""
    @event.listens_for(engine, "connect")
    @event.listens_for(engine, "checkin")
    def _rested_from(dbapi_connection, record):
        record.info["rested_from"] = monotonic()

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection, record, _proxy):
        if monotonic() - record.info.get("rested_from", 0.0) <= PING_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as e:
            if engine.dialect.is_disconnect(e, dbapi_connection, None):
                raise DisconnectionError() from e  # the pool replaces the connection and checks out again
            raise


def _has_versions(conn, story_ids: list[str]) -> bool:
    """Whether any of these stories has a stored version (a new story's save
    learns that it supersedes nothing from this one look-up)."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    return prepared.exists(conn, f"SELECT 1 FROM reports WHERE story_id IN ({', '.join([mark] * len(story_ids))}) "
                                 "LIMIT 1", tuple(story_ids))


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


_OLDER = select(ReportRow.id).where(ReportRow.story_id.in_(bindparam("stories", expanding=True)))
_SUPERSEDED = tuple(select(t).where(t.report_id.in_(_OLDER), t.is_latest.is_(True))
                    for t in (ReportStatsRow, ReportFindingRow, ReportPhraseRow))
_SUPERSEDE = tuple(update(t).where(t.report_id.in_(_OLDER), t.is_latest.is_(True)).values(is_latest=False)
                   for t in (ReportStatsRow, ReportFindingRow, ReportPhraseRow))

_COUNTED = (ReportStatsRow, ReportFindingRow, ReportPhraseRow)
_INSERTS = {t: insert(t) for t in (ReportRow, ReportStatsRow, ReportAuthorRow, ReportFindingRow, ReportPhraseRow)}

_SELECT = select(ReportRow, ReportStatsRow.is_latest).outerjoin(
    ReportStatsRow, ReportStatsRow.report_id == ReportRow.id)


def _stored(row: ReportRow, is_latest: bool | None = True) -> StoredReport:
    story = StoryMeta(story_id=row.story_id, url=row.url, desk=row.desk, authors=tuple(row.authors or ()),
                      published_at=_as_utc(row.published_at) if row.published_at else None)
    return StoredReport(id=row.id, report=row.report, text=row.text, format=row.format, title=row.title,
                        created_at=_as_utc(row.created_at), score=row.score, has_anonymous=row.has_anonymous,
                        story=story, is_latest=is_latest is not False)
