"""The report store, on SQLite always and on PostgreSQL when a server is
available (``make test`` starts one via scripts/test-setup.sh)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from service.store import Store, normalise_url, sqlite_url, url_from_config
from service.store import migrate
from service.store.__main__ import main as store_cli
from service.store.models import Base

from tests.store_fixtures import T0, clock, db_url, store  # noqa: F401 - fixtures


def report(score=80, anonymous=False, quotes=1) -> dict:
    source_type = "anonymous" if anonymous else "named"
    return {
        "id": None, "title": "A story", "format": "text",
        "quotes": [{"id": f"q{i}", "start": 0, "end": 1, "text": "x", "source_type": source_type}
                   for i in range(quotes)],
        "sources": [{"id": "s1", "name": "someone", "type": source_type}] if quotes else [],
        "findings": [],
        "score": None if score is None else {"value": score, "grade": "B", "deductions": []},
    }


# --- save and get -----------------------------------------------------------------

def test_save_then_get_returns_the_report_text_format_and_title(store):
    r = report()
    id = store.save(r, text="He said “hi”.", format="markdown", title="Greeting")
    got = store.get(id)
    assert (got.id, got.report, got.text, got.format, got.title) == (id, r, "He said “hi”.", "markdown", "Greeting")


def test_get_unknown_id_is_none(store):
    assert store.get("0" * 32) is None


def test_ids_are_distinct(store):
    assert len({store.save(report(), text="t", format="text") for _ in range(3)}) == 3


def test_created_at_is_the_clock_time_in_utc(store, clock):
    got = store.get(store.save(report(), text="t", format="text"))
    assert got.created_at == T0
    assert got.created_at.tzinfo is not None


def test_title_defaults_to_the_reports_own_title(store):
    assert store.get(store.save(report(), text="t", format="text", title=None)).title == "A story"


def test_text_round_trips_code_point_for_code_point(store):
    text = "Emoji 😀, combining é, RTL שלום, NUL-free \u2028 line separator"
    assert store.get(store.save(report(), text=text, format="text")).text == text


@pytest.mark.parametrize(("r", "score", "has_anonymous"), [
    (report(score=91), 91, False),
    (report(score=None), None, False),
    (report(anonymous=True), 80, True),
    ({**report(), "sources": [], "quotes": [{"id": "q1", "source_type": "anonymous"}]}, 80, True),
    (report(quotes=0), 80, False),
])
def test_score_and_has_anonymous_come_from_the_report(store, r, score, has_anonymous):
    got = store.get(store.save(r, text="t", format="text"))
    assert (got.score, got.has_anonymous) == (score, has_anonymous)


def test_save_refuses_a_report_that_is_not_a_dict(store):
    with pytest.raises(TypeError):
        store.save(["not", "a", "report"], text="t", format="text")


# --- recent and its filters ---------------------------------------------------------

@pytest.fixture
def day_of_reports(store, clock):
    """Five reports an hour apart from T0, named by their scores."""
    ids = {}
    for score, anonymous in [(95, False), (72, True), (40, True), (None, False), (60, False)]:
        ids[score] = store.save(report(score=score, anonymous=anonymous), text="t", format="text")
        clock.advance(hours=1)
    return ids


def scores(rows) -> list:
    return [r.score for r in rows]


def test_recent_is_newest_first(store, day_of_reports):
    assert scores(store.recent()) == [60, None, 40, 72, 95]


def test_recent_honours_the_limit(store, day_of_reports):
    assert scores(store.recent(limit=2)) == [60, None]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"min_score": 60}, [60, 72, 95]),
    ({"max_score": 60}, [60, 40]),
    ({"min_score": 50, "max_score": 80}, [60, 72]),
    ({"has_anonymous": True}, [40, 72]),
    ({"has_anonymous": False}, [60, None, 95]),
    ({"since": T0 + timedelta(hours=2)}, [60, None, 40]),
    ({"until": T0 + timedelta(hours=2)}, [72, 95]),
    ({"since": T0 + timedelta(hours=1), "until": T0 + timedelta(hours=3)}, [40, 72]),
    ({"since": date(2026, 11, 28), "until": date(2026, 11, 29)}, [60, None, 40, 72, 95]),
    ({"since": date(2026, 11, 29)}, []),
    ({"min_score": 50, "has_anonymous": True, "since": T0}, [72]),
])
def test_recent_filters(store, day_of_reports, filters, expected):
    assert scores(store.recent(**filters)) == expected


def test_naive_datetimes_are_read_as_utc(store, day_of_reports):
    assert scores(store.recent(since=datetime(2026, 11, 28, 12, 0))) == [60, None]


def test_aware_datetimes_in_other_zones_are_converted(store, day_of_reports):
    plus_two = timezone(timedelta(hours=2))
    assert scores(store.recent(since=datetime(2026, 11, 28, 14, 0, tzinfo=plus_two))) == [60, None]


# --- migrations -------------------------------------------------------------------

def pg_only(store):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no server to drop a connection")


def test_a_pooled_connection_the_server_dropped_is_replaced_before_use(store, monkeypatch):
    from sqlalchemy import text as sql

    pg_only(store)
    id = store.save(report(), text="t", format="text")  # its connection rests in the pool
    killer = Store(store.url, migrate_on_open=False)
    with killer.engine.connect() as conn:
        dropped = conn.execute(sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                   "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar()
    killer.close()
    assert dropped >= 1
    monkeypatch.setattr("service.store.store.PING_AFTER_IDLE", -1.0)  # as if it had rested long
    assert store.get(id).id == id


def test_a_connection_given_back_a_moment_ago_is_used_again_without_a_ping(store, monkeypatch):
    pg_only(store)
    pings = []
    real = store.engine.dialect.do_ping
    monkeypatch.setattr(store.engine.dialect, "do_ping", lambda c: pings.append(1) or real(c))
    for _ in range(3):
        store.save(report(), text="t", format="text")
    assert pings == []
    monkeypatch.setattr("service.store.store.PING_AFTER_IDLE", -1.0)  # every connection rested too long
    store.save(report(), text="t", format="text")
    assert pings == [1]


def test_opening_migrates_an_empty_database_to_head(db_url):
    s = Store(db_url)
    assert migrate.current(s.engine) == migrate.head()
    s.close()


def test_opening_twice_keeps_the_data(db_url):
    first = Store(db_url)
    id = first.save(report(), text="t", format="text")
    first.close()
    second = Store(db_url)
    assert second.get(id).text == "t"
    second.close()


def test_concurrent_opens_of_an_empty_database_all_succeed(db_url):
    from concurrent.futures import ThreadPoolExecutor

    def open_and_save(_):
        s = Store(db_url)
        try:
            return s.save(report(), text="t", format="text")
        finally:
            s.close()

    with ThreadPoolExecutor(4) as pool:
        ids = list(pool.map(open_and_save, range(4)))
    s = Store(db_url)
    assert sorted(r.id for r in s.recent()) == sorted(ids)
    s.close()


def test_models_match_the_migrated_schema(store):
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_without_migrate_on_open_the_database_stays_empty(db_url):
    s = Store(db_url, migrate_on_open=False)
    assert migrate.current(s.engine) is None
    s.close()


def test_cli_upgrade_migrates_and_prints_the_revision(db_url, capsys):
    assert store_cli(["upgrade", "--url", db_url]) == 0
    assert capsys.readouterr().out.strip() == migrate.head()


def test_cli_unreachable_postgres_is_exit_code_2(capsys):
    assert store_cli(["current", "--url", "postgresql+psycopg://nobody@127.0.0.1:1/none"]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_cli_takes_the_database_from_the_service_settings(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SOURCECHECK_DB_PATH", str(tmp_path / "s.db"))
    assert store_cli(["upgrade"]) == 0
    assert (tmp_path / "s.db").exists() and capsys.readouterr().out.strip() == migrate.head()


def test_cli_bad_setting_is_exit_code_2(monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_MAX_BYTES", "lots")
    assert store_cli(["current"]) == 2
    assert capsys.readouterr().err == "error: SOURCECHECK_MAX_BYTES must be a whole number, not 'lots'\n"


# --- configuration ----------------------------------------------------------------

@pytest.mark.parametrize(("url", "expected"), [
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_postgres_urls_use_the_psycopg_driver(url, expected):
    assert normalise_url(url) == expected


def test_config_without_database_url_is_sqlite_at_the_configured_path(tmp_path):
    path = tmp_path / "nested" / "dir" / "reports.db"
    url = url_from_config({"DATABASE_URL": None, "SOURCECHECK_DB_PATH": str(path)})
    assert url == f"sqlite:///{path}"
    s = Store(url)
    assert path.exists()
    s.close()


def test_config_default_path_is_var_sourcecheck_db():
    assert url_from_config({}) == sqlite_url("var/sourcecheck.db")


def test_config_database_url_wins():
    assert url_from_config({"DATABASE_URL": "postgresql://u@h/db", "SOURCECHECK_DB_PATH": "x.db"}) == \
        "postgresql+psycopg://u@h/db"
