"""The trends' daily roll-up: per day and desk, the sums of the counted rows
of the latest story versions, so a trends request over 100,000 stories adds
up a few thousand cells instead of scanning every report.

A save adds its new reports' counts to their cells and takes away those of
the versions they supersede (``add``: one upsert a table, in the save's
transaction), so a cell is always exactly the sum of its stories' counted
rows; ``rebuild`` makes cells from those rows with INSERT ... SELECT ...
GROUP BY (for the migration, a bulk import, and the tests that check the two
agree). On PostgreSQL an advisory lock serialises rebuilds.
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


def _upsert(connection, table, keys: tuple[str, ...], rows: list[dict]) -> None:
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(table)
    summed = [c for c in rows[0] if c not in keys and c != "week"]
    statement = statement.on_conflict_do_update(
        index_elements=list(keys), set_={c: getattr(table, c) + getattr(statement.excluded, c) for c in summed})
    connection.execute(statement, rows)


def add(connection, stats: list[dict], findings: list[dict], phrases: list[dict], sign: int = 1) -> None:
    """Add (``sign`` 1) or take away (-1) counted rows to or from their cells:
    what a save does for its new reports and for the versions they supersede.
    Additions in the save's transaction keep every cell the exact sum of its
    stories (PostgreSQL locks a cell row while one save updates it)."""
    days: dict[tuple, dict] = {}
    for r in stats:
        key = (r["day"], r["desk"] or "")
        cell = days.setdefault(key, {"day": key[0], "desk": key[1], "week": r["week"], "stories": 0,
                                     **{c: 0 for c in SUMMED}, "single_source": 0})
        cell["stories"] += sign
        for c in SUMMED:
            cell[c] += sign * r[c]
        cell["single_source"] += sign * int(bool(r["single_source"]))
    _upsert(connection, TrendDayRow, ("day", "desk"), list(days.values()))
    for table, name, rows in ((TrendRuleRow, "rule", findings), (TrendPhraseRow, "phrase", phrases)):
        cells: dict[tuple, dict] = {}
        for r in rows:
            key = (r["day"], r["desk"] or "", r[name])
            cell = cells.setdefault(key, {"day": key[0], "desk": key[1], name: key[2], "week": r["week"], "count": 0})
            cell["count"] += sign * r["count"]
        _upsert(connection, table, ("day", "desk", name), list(cells.values()))
    if sign < 0:  # cells left empty go, as a rebuild would leave them out
        touched = sorted({r["day"] for r in (*stats, *findings, *phrases)})
        connection.execute(delete(TrendDayRow).where(TrendDayRow.day.in_(touched), TrendDayRow.stories == 0))
        for table in (TrendRuleRow, TrendPhraseRow):
            connection.execute(delete(table).where(table.day.in_(touched), table.count == 0))
