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


# --- 0003: the author roll-up, from 0002 with stories in it ---------------------------------

COUNTED_0002 = ("reports", "report_stats", "report_authors", "report_findings", "report_phrases", "decisions",
                "trend_days", "trend_day_rules", "trend_day_phrases")
AUTHORS = ("Ann Lee", "Bo Chen", "Cy Dean", "Nobody")


def database_at_0002(url: str) -> Store:
    """A database at revision 0002 holding stories as the store kept them then: versions,
    bylines of one and two authors, a decision, and its daily roll-up."""
    from service.store import StoryMeta, finding_keys, rollup

    store = Store(url, migrate_on_open=False)
    migrate.upgrade(store.engine, "0002_desk")

    def on(day, story_id=None, desk=None, authors=()):
        return StoryMeta(story_id=story_id, desk=desk, authors=authors,
                         published_at=datetime(2026, 3, day, 9, tzinfo=timezone.utc))

    report = OLD[0][-1]
    plain = made_report(named=2, named_sources=("Kim Park", "Li Wu"))
    store.save_many([(report, "t", "text", "One", on(2, "s1", "Metro", ("Ann Lee",))),
                     (plain, "t", "text", "Two", on(3, "s2", "Politics", ("Ann Lee", "Bo Chen"))),
                     (report, "t", "text", "Three", on(3, None, None, ("bo chen",)))], rollup_now=False)
    store.save_many([(plain, "t", "text", "One, again", on(4, "s1", "Metro", ("Ann Lee", "Cy Dean")))],
                    rollup_now=False)  # supersedes s1's first version
    with store.engine.begin() as conn:
        rollup.rebuild_days(conn)  # 0002's roll-up (its saves kept it; the same cells)
    first = store.versions("s1")[0]
    with store.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO decisions (report_id, story_key, rule, quoted, occurrence, state, note, "
                             "editor, decided_at) VALUES (:r, 's1', :rule, :q, :o, 'dismissed', 'in graf 4', "
                             "'Dee', :at)"), {"r": first.id, "rule": finding_keys(report)[0].rule,
                                              "q": finding_keys(report)[0].quoted, "o": finding_keys(report)[0].occurrence,
                                              "at": datetime(2026, 3, 5, tzinfo=timezone.utc)})
    return store


def table_rows(store) -> dict:
    with store.engine.connect() as conn:
        return {t: sorted(map(repr, conn.execute(sa.text(f"SELECT * FROM {t}")))) for t in COUNTED_0002}


def test_upgrading_from_0002_keeps_every_row_and_fills_the_author_roll_up(db_url):
    from service.store.trends import trends

    march = (date(2026, 3, 1), date(2026, 3, 31))
    old = database_at_0002(db_url)
    before = table_rows(old)
    with old.engine.connect() as conn:
        detailed = {(a, d): trends(conn, *march, author=a, desk=d, rolled=False)
                    for a in AUTHORS for d in (None, "Metro")}
    old.close()

    store = Store(db_url)  # opening migrates to the newest revision
    assert migrate.current(store.engine) == migrate.head() == "0003_author_rollup"
    assert table_rows(store) == before  # nothing lost, nothing changed
    for (author, desk), expected in detailed.items():
        assert store.trends(*march, author=author, desk=desk) == expected
    ann = store.trends(*march, author="Ann Lee").total
    assert (ann.stories, ann.quotes_named, ann.quotes_anonymous) == (2, 4, 0)  # s1's second version and s2
    bo = store.trends(*march, author="Bo Chen").total
    assert (bo.stories, bo.quotes_anonymous, bo.findings) == (2, 2, 2)

    from service.store import rollup

    def cells():
        with store.engine.connect() as conn:
            return {t: sorted(map(tuple, conn.execute(sa.text(f"SELECT * FROM {t}"))))
                    for t in ("trend_author_days", "trend_author_rules", "trend_author_phrases")}

    migrated = cells()
    with store.engine.begin() as conn:
        rollup.rebuild_authors(conn)
    assert cells() == migrated  # the migration's SQL and the store's rebuild agree
    store.close()


def test_saves_after_the_upgrade_keep_the_author_roll_up(db_url):
    from service.store import StoryMeta

    database_at_0002(db_url).close()
    store = Store(db_url)
    store.save(made_report(anonymous=1, anonymous_sources=(("a diplomat", None),)), text="t", format="text",
               story=StoryMeta(story_id="s2", desk="Politics", authors=("Cy Dean",),
                               published_at=datetime(2026, 3, 6, tzinfo=timezone.utc)))
    march = (date(2026, 3, 1), date(2026, 3, 31))
    assert store.trends(*march, author="Ann Lee").total.stories == 1  # s2 is now Cy Dean's alone
    assert store.trends(*march, author="Cy Dean").total.stories == 2
    assert store.trends(*march, author="Cy Dean").phrases == (("a diplomat", 1),)
    store.close()


def test_downgrade_to_0002_drops_only_the_author_roll_up(db_url):
    from alembic import command

    database_at_0002(db_url).close()
    store = Store(db_url)
    before = table_rows(store)
    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0002_desk")
    with store.engine.connect() as conn:
        assert not {"trend_author_days", "trend_author_rules", "trend_author_phrases"} & set(
            sa.inspect(conn).get_table_names())
    assert table_rows(store) == before
    store.close()
