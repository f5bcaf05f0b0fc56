"""Migration 0002 (the standards desk) from today's schema with reports in
it, on SQLite and PostgreSQL: nothing is lost, and the new columns are
counted from the reports already kept."""
from __future__ import annotations

from datetime import date, datetime, timezone

import sqlalchemy as sa

from service.store import Store, migrate
from service.store.models import ReportJSON
from tests.desk_fixtures import finding, made_report
from tests.store_fixtures import db_url  # noqa: F401 - fixture

OLD = [
    ("a" * 32, datetime(2026, 3, 3, 10, 0, tzinfo=timezone.utc), "Bridge vote", "markdown", "He said “hi”. 😀",
     made_report(named=1, anonymous=2, named_sources=("Maria Lopez",),
                 anonymous_sources=(("A senior official", "not authorised"), ("people familiar", None)),
                 findings=(finding("anonymous-source", "A senior official"),
                           finding("anonymous-source", "people familiar")))),
    ("b" * 32, datetime(2026, 3, 12, 23, 59, tzinfo=timezone.utc), None, "text", "Plain.",
     made_report(named=1, named_sources=("Kim Park",))),
]


def old_database(url: str) -> Store:
    """A database at revision 0001 holding reports the way the store wrote them then."""
    store = Store(url, migrate_on_open=False)
    migrate.upgrade(store.engine, "0001_reports")
    reports = sa.table("reports", sa.column("report", ReportJSON), *(sa.column(c) for c in (
        "id", "created_at", "title", "format", "text", "score", "has_anonymous", "quotes")))
    with store.engine.begin() as conn:
        for id, created, title, fmt, text, report in OLD:
            conn.execute(reports.insert().values(
                id=id, created_at=created, title=title, format=fmt, text=text,
                report=report,
                score=80, has_anonymous=any(s["type"] == "anonymous" for s in report["sources"]),
                quotes=len(report["quotes"])))
    return store


def test_upgrading_from_0001_keeps_every_report_as_it_was(db_url):
    old_database(db_url).close()
    store = Store(db_url)  # opening migrates to the newest revision
    assert migrate.current(store.engine) == migrate.head()
    for id, created, title, fmt, text, report in OLD:
        got = store.get(id)
        assert (got.created_at, got.title, got.format, got.text, got.report, got.score) == (
            created, title, fmt, text, report, 80)
    store.close()


def test_upgraded_reports_are_counted_for_the_trends_and_the_list(db_url):
    old_database(db_url).close()
    store = Store(db_url)
    t = store.trends(date(2026, 3, 1), date(2026, 3, 31))
    assert (t.total.stories, t.total.quotes, t.total.quotes_anonymous, t.total.anonymous_with_reason) == (2, 4, 2, 1)
    # weeks from Monday 23 February (1 March is a Sunday); counted by the day each was kept
    assert [w.tally.stories for w in t.weeks] == [0, 1, 1, 0, 0, 0]
    assert t.rules == (("anonymous-source", 2),)
    assert t.phrases == (("a senior official", 1), ("people familiar", 1))
    assert store.page(search="lopez").total == 1
    assert all(store.get(id).is_latest and store.get(id).story.story_id is None for id, *_ in OLD)
    store.close()


def test_decisions_can_be_made_on_reports_kept_before_the_upgrade(db_url):
    from service.store import finding_keys

    old_database(db_url).close()
    store = Store(db_url)
    stored = store.get("a" * 32)
    key = finding_keys(stored.report)[0]
    store.decide(stored.id, key, "accepted", editor="e")
    assert store.decisions(stored)[key].state == "accepted"
    store.close()


def test_downgrade_to_0001_returns_the_old_table_with_its_reports(db_url):
    old_database(db_url).close()
    store = Store(db_url)
    from alembic import command

    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0001_reports")
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM reports")).scalar() == 2
        assert "decisions" not in sa.inspect(conn).get_table_names()
    store.close()
