"""The trends' roll-ups: per day and desk (the daily roll-up), and per
author, day and desk (the author roll-up), the sums of the counted rows of
the latest story versions, so a trends request over 100,000 stories adds up
a few thousand cells instead of scanning every report.

A save adds its new reports' counts to their cells and takes away those of
the versions they supersede (``add``: one upsert a table, in the save's
transaction), so a cell is always exactly the sum of its stories' counted
rows; ``rebuild`` makes cells from those rows with INSERT ... SELECT ...
GROUP BY (for the migrations, a bulk import, and the tests that check the
two agree). On PostgreSQL an advisory lock serialises rebuilds.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Select, bindparam, case, delete, func, insert, select, text

from . import prepared
from .models import (ReportAuthorRow, ReportFindingRow, ReportPhraseRow, ReportStatsRow, TrendAuthorDayRow,
                     TrendAuthorPhraseRow, TrendAuthorRuleRow, TrendDayRow, TrendPhraseRow, TrendRuleRow)

_PG_LOCK_KEY = 0x5C0C4ED
SUMMED = ("quotes_named", "quotes_anonymous", "quotes_institutional", "quotes_unattributed",
          "anonymous_sources", "anonymous_with_reason")
DAY_TABLES = (TrendDayRow, TrendRuleRow, TrendPhraseRow)
AUTHOR_TABLES = (TrendAuthorDayRow, TrendAuthorRuleRow, TrendAuthorPhraseRow)


def _statements(cell, source, names, columns, *, by_author: bool = False):
    """(clear days, fill days, clear all, fill all) for one roll-up table."""
    desk = func.coalesce(source.desk, "")
    days = bindparam("days", expanding=True)
    keys = [source.day, desk, source.week]
    into = ["day", "desk", "week", *names]
    if by_author:
        keys.insert(0, ReportAuthorRow.key)
        into.insert(0, "author")
    grouped = keys + ([] if cell in (TrendDayRow, TrendAuthorDayRow) else columns[:1])

    def query(*where):
        q = select(*keys, *columns)
        if by_author:
            q = q.join(ReportAuthorRow, ReportAuthorRow.report_id == source.report_id)
        return q.where(source.is_latest.is_(True), *where).group_by(*grouped)

    return (delete(cell).where(cell.day.in_(days)), insert(cell).from_select(into, query(source.day.in_(days))),
            delete(cell), insert(cell).from_select(into, query()))


def _plan(by_author: bool):
    s, f, p = ReportStatsRow, ReportFindingRow, ReportPhraseRow
    day, rule, phrase = AUTHOR_TABLES if by_author else DAY_TABLES
    return [
        _statements(day, s, ["stories", *SUMMED, "single_source"],
                    [func.count(), *(func.sum(getattr(s, c)) for c in SUMMED),
                     func.sum(case((s.single_source, 1), else_=0))], by_author=by_author),
        _statements(rule, f, ["rule", "count"], [f.rule, func.sum(f.count)], by_author=by_author),
        _statements(phrase, p, ["phrase", "count"], [p.phrase, func.sum(p.count)], by_author=by_author),
    ]


_PLANS = {False: _plan(False), True: _plan(True)}  # built once: SQLAlchemy then reuses the compiled statements


def rebuild(connection, days: set | None = None) -> None:
    """Rebuild both roll-ups' cells of ``days`` (every desk and author); None: all cells."""
    rebuild_days(connection, days)
    rebuild_authors(connection, days)


def rebuild_days(connection, days: set | None = None) -> None:
    """Rebuild the daily roll-up (per day and desk) only."""
    _rebuild(connection, _PLANS[False], days)


def rebuild_authors(connection, days: set | None = None) -> None:
    """Rebuild the author roll-up (per author, day and desk) only."""
    _rebuild(connection, _PLANS[True], days)


def _rebuild(connection, plan, days) -> None:
    if days is not None and not days:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    for clear, fill, clear_all, fill_all in plan:
        if days is None:
            connection.execute(clear_all)
            connection.execute(fill_all)
        else:
            params = {"days": sorted(days)}
            connection.execute(clear, params)
            connection.execute(fill, params)


_UPSERTS: dict[tuple[str, type], object] = {}


def _upsert_statement(dialect: str, table):
    """INSERT ... ON CONFLICT (the cell) DO UPDATE SET each sum += the new
    row's; built once per dialect and table."""
    statement = _UPSERTS.get((dialect, table))
    if statement is None:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        statement = dialect_insert(table)
        keys = [c.name for c in table.__table__.primary_key.columns]
        summed = [c.name for c in table.__table__.columns if c.name not in keys and c.name != "week"]
        statement = statement.on_conflict_do_update(
            index_elements=keys, set_={c: getattr(table, c) + getattr(statement.excluded, c) for c in summed})
        _UPSERTS[(dialect, table)] = statement
    return statement


def authors_of(connection, report_ids: Iterable[str] | Select) -> dict[str, list[str]]:
    """The author keys of each of ``report_ids`` (a list, or a query of ids; read before they are deleted)."""
    ids = report_ids if isinstance(report_ids, Select) else sorted(set(report_ids))  # ids, or a query of them
    out: dict[str, list[str]] = {}
    if isinstance(ids, Select) or ids:
        for report_id, key in connection.execute(select(ReportAuthorRow.report_id, ReportAuthorRow.key)
                                                 .where(ReportAuthorRow.report_id.in_(ids))):
            out.setdefault(report_id, []).append(key)
    return out


def cells(stats: list[dict], findings: list[dict], phrases: list[dict], sign: int = 1,
          authors: Mapping[str, Iterable[str]] | None = None) -> dict[type, list[dict]]:
    """The cells that ``add`` adds to (``sign`` 1) or takes from (-1), one
    list a roll-up table (every table present), each list in key order."""
    authors = authors or {}
    day_cells: dict[tuple, dict] = {}
    author_cells: dict[tuple, dict] = {}

    def count(cells, key, r, base):
        cell = cells.get(key)
        if cell is None:
            cell = cells[key] = {**base, "week": r["week"], "stories": 0, **{c: 0 for c in SUMMED},
                                 "single_source": 0}
        cell["stories"] += sign
        for c in SUMMED:
            cell[c] += sign * r[c]
        cell["single_source"] += sign * int(bool(r["single_source"]))

    for r in stats:
        day, desk = r["day"], r["desk"] or ""
        count(day_cells, (day, desk), r, {"day": day, "desk": desk})
        for a in authors.get(r["report_id"], ()):
            count(author_cells, (a, day, desk), r, {"author": a, "day": day, "desk": desk})
    out = {TrendDayRow: day_cells, TrendAuthorDayRow: author_cells}
    for day_table, author_table, name, rows in ((TrendRuleRow, TrendAuthorRuleRow, "rule", findings),
                                                (TrendPhraseRow, TrendAuthorPhraseRow, "phrase", phrases)):
        day_cells, author_cells = {}, {}
        for r in rows:
            day, desk, what, n = r["day"], r["desk"] or "", r[name], sign * r["count"]
            cell = day_cells.setdefault((day, desk, what), {"day": day, "desk": desk, name: what,
                                                             "week": r["week"], "count": 0})
            cell["count"] += n
            for a in authors.get(r["report_id"], ()):
                cell = author_cells.setdefault((a, day, desk, what), {"author": a, "day": day, "desk": desk,
                                                                      name: what, "week": r["week"], "count": 0})
                cell["count"] += n
        out[day_table], out[author_table] = day_cells, author_cells
    # every save locks cells in one order (PostgreSQL): the tables' order here, each one's cells by key
    return {table: [found[key] for key in sorted(found)] for table, found in out.items()}


def add(connection, stats: list[dict], findings: list[dict], phrases: list[dict], sign: int = 1,
        authors: Mapping[str, Iterable[str]] | None = None) -> None:
    """Add (``sign`` 1) or take away (-1) counted rows to or from their cells
    in both roll-ups: what a save does for its new reports and for the
    versions they supersede. ``authors`` gives each report's author keys (a
    save knows them); without it they are read. Additions in the save's
    transaction keep every cell the exact sum of its stories (PostgreSQL locks
    a cell row while one save updates it)."""
    if not (stats or findings or phrases):
        return
    if authors is None:
        authors = authors_of(connection, {r["report_id"] for r in (*stats, *findings, *phrases)})
    for table, rows in cells(stats, findings, phrases, sign, authors).items():
        if rows:
            prepared.write(connection, _upsert_statement(connection.dialect.name, table), rows)
    if sign < 0:  # cells left empty go, as a rebuild would leave them out
        rows = (*stats, *findings, *phrases)
        touched = sorted({r["day"] for r in rows})
        who = sorted({a for r in rows for a in authors.get(r["report_id"], ())})
        for table, empty in ((TrendDayRow, TrendDayRow.stories == 0), (TrendRuleRow, TrendRuleRow.count == 0),
                             (TrendPhraseRow, TrendPhraseRow.count == 0)):
            connection.execute(delete(table).where(table.day.in_(touched), empty))
        if who:  # the author cells are keyed (and indexed) by author first
            for table, empty in ((TrendAuthorDayRow, TrendAuthorDayRow.stories == 0),
                                 (TrendAuthorRuleRow, TrendAuthorRuleRow.count == 0),
                                 (TrendAuthorPhraseRow, TrendAuthorPhraseRow.count == 0)):
                connection.execute(delete(table).where(table.author.in_(who), table.day.in_(touched), empty))
