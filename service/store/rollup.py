"""The trends' daily roll-up: per day and desk, the sums of the counted rows
of the latest story versions, so a trends request over 100,000 stories adds
up a few thousand cells instead of scanning every report.

Cells are never incremented: every save rebuilds the cells of the days it
touched (the new reports' days and those of the versions they supersede) with one INSERT ...
SELECT ... GROUP BY over the counted rows, in the save's transaction, so a
cell is always exactly the aggregate it stands for. On PostgreSQL an
advisory lock serialises the rebuilds of concurrent saves (SQLite has one
writer anyway).
"""
from __future__ import annotations

from sqlalchemy import bindparam, case, delete, func, insert, select, text

from .models import (ReportFindingRow, ReportPhraseRow, ReportStatsRow, TrendDayRow, TrendPhraseRow,
                     TrendRuleRow)

_PG_LOCK_KEY = 0x5C0C4ED
SUMMED = ("quotes_named", "quotes_anonymous", "quotes_institutional", "quotes_unattributed",
          "anonymous_sources", "anonymous_with_reason")


def _statements(cell, source, names, columns):
    desk = func.coalesce(source.desk, "")
    days = bindparam("days", expanding=True)
    query = (select(source.day, desk, source.week, *columns)
             .where(source.is_latest.is_(True), source.day.in_(days))
             .group_by(source.day, desk, source.week, *columns[:1] if cell is not TrendDayRow else ()))
    every = select(source.day, desk, source.week, *columns).where(source.is_latest.is_(True)).group_by(
        source.day, desk, source.week, *columns[:1] if cell is not TrendDayRow else ())
    into = ["day", "desk", "week", *names]
    return (delete(cell).where(cell.day.in_(days)), insert(cell).from_select(into, query),
            delete(cell), insert(cell).from_select(into, every))


def _plan():
    s, f, p = ReportStatsRow, ReportFindingRow, ReportPhraseRow
    return [
        _statements(TrendDayRow, s, ["stories", *SUMMED, "single_source"],
                    [func.count(), *(func.sum(getattr(s, c)) for c in SUMMED),
                     func.sum(case((s.single_source, 1), else_=0))]),
        _statements(TrendRuleRow, f, ["rule", "count"], [f.rule, func.sum(f.count)]),
        _statements(TrendPhraseRow, p, ["phrase", "count"], [p.phrase, func.sum(p.count)]),
    ]


_PLAN = _plan()  # built once: SQLAlchemy then reuses the compiled statements


def rebuild(connection, days: set | None = None) -> None:
    """Rebuild every desk's cells of ``days``; None: all cells."""
    if days is not None and not days:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    for clear, fill, clear_all, fill_all in _PLAN:
        if days is None:
            connection.execute(clear_all)
            connection.execute(fill_all)
        else:
            params = {"days": sorted(days)}
            connection.execute(clear, params)
            connection.execute(fill, params)
