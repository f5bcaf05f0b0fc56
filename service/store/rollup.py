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

from sqlalchemy import case, delete, func, insert, select, text

from .models import (ReportFindingRow, ReportPhraseRow, ReportStatsRow, TrendDayRow, TrendPhraseRow,
                     TrendRuleRow)

_PG_LOCK_KEY = 0x5C0C4ED
SUMMED = ("quotes_named", "quotes_anonymous", "quotes_institutional", "quotes_unattributed",
          "anonymous_sources", "anonymous_with_reason")


def rebuild(connection, days: set | None = None) -> None:
    """Rebuild every desk's cells of ``days``; None: all cells."""
    if days is not None and not days:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    s, f, p = ReportStatsRow, ReportFindingRow, ReportPhraseRow
    for cell, source, names, columns in (
        (TrendDayRow, s, ["stories", *SUMMED, "single_source"],
         [func.count(), *(func.sum(getattr(s, c)) for c in SUMMED), func.sum(case((s.single_source, 1), else_=0))]),
        (TrendRuleRow, f, ["rule", "count"], [f.rule, func.sum(f.count)]),
        (TrendPhraseRow, p, ["phrase", "count"], [p.phrase, func.sum(p.count)]),
    ):
        desk = func.coalesce(source.desk, "")
        if days is None:
            connection.execute(delete(cell))
        else:
            connection.execute(delete(cell).where(cell.day.in_(sorted(days))))
        query = select(source.day, desk, source.week, *columns).where(source.is_latest.is_(True))
        if days is not None:
            query = query.where(source.day.in_(sorted(days)))
        query = query.group_by(source.day, desk, source.week, *columns[:1] if cell is not TrendDayRow else ())
        connection.execute(insert(cell).from_select(["day", "desk", "week", *names], query))
