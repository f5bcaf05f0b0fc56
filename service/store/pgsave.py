"""A save as one statement on PostgreSQL.

Every row a save writes (its reports, their counted rows and authors, and
the roll-up cells they add to) goes in one statement: a data-modifying CTE a
table, each an ``INSERT ... SELECT ... FROM json_populate_recordset(NULL::<the
table>, <its rows>)``, the roll-ups' with the same ``ON CONFLICT ... DO
UPDATE`` sums as ``rollup.add``. Each table's rows travel as one JSON text
(``json.dumps``; JSON, not JSONB, so a JSON column keeps the very text
SQLAlchemy would have sent). The statement runs as its own transaction
(autocommit: its commit waits for the WAL flush as any commit does), so a
save is one round trip and one statement for the server to run (psycopg
prepares it on its fifth use on a connection) instead of a BEGIN, a look-up,
a dozen writes and a COMMIT.

The statement writes only if none of the save's stories has a stored
version (one probe of the story index, under the statement's snapshot, as
the store's look-up did before); otherwise it writes nothing and says so,
and the store takes its general path (read the versions, supersede them,
take their counts away).
"""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy import JSON, Connection

from . import prepared
from .models import (ReportAuthorRow, ReportFindingRow, ReportPhraseRow, ReportRow, ReportStatsRow,
                     TrendAuthorDayRow, TrendAuthorPhraseRow, TrendAuthorRuleRow, TrendDayRow, TrendPhraseRow,
                     TrendRuleRow)

ROWS = (ReportRow, ReportStatsRow, ReportAuthorRow, ReportFindingRow, ReportPhraseRow)
CELLS = (TrendDayRow, TrendAuthorDayRow, TrendRuleRow, TrendAuthorRuleRow, TrendPhraseRow, TrendAuthorPhraseRow)


def _statement(tables: tuple[type, ...]) -> bytes:
    """The statement writing rows of ``tables`` only: $1 the stories, then a
    parameter a table, each a small JSON text (parsed once)."""
    ctes = ["fresh AS MATERIALIZED (SELECT NOT EXISTS (SELECT 1 FROM reports WHERE story_id = ANY(ARRAY("
            "SELECT json_array_elements_text($1::json)))) AS ok)"]
    previous_cells = None
    for n, table in enumerate(tables, start=2):
        t = table.__table__
        # a JSON column's None is JSON's null, as SQLAlchemy stores it (none_as_null=False), not SQL's NULL
        values = [f"coalesce(x.{c.name}, 'null')" if isinstance(c.type, JSON) and not c.type.none_as_null
                  else f"x.{c.name}" for c in t.columns]
        where = "(SELECT ok FROM fresh)"
        if table in CELLS and previous_cells:
            # reading the previous roll-up table's CTE runs it first: cells are locked table by table in
            # CELLS order, the order rollup.add takes, so this save and one on the general path never deadlock
            where += f" AND (SELECT count(*) FROM into_{previous_cells}) >= 0"
        sql = (f"INSERT INTO {t.name} ({', '.join(c.name for c in t.columns)}) SELECT {', '.join(values)} "
               f"FROM json_populate_recordset(NULL::{t.name}, ${n}::json) AS x WHERE {where}")
        if table in CELLS:
            keys = [c.name for c in t.primary_key.columns]
            summed = [c.name for c in t.columns if c.name not in keys and c.name != "week"]
            sql += (f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
                    + ", ".join(f"{c} = {t.name}.{c} + EXCLUDED.{c}" for c in summed) + " RETURNING 1")
            previous_cells = t.name
        ctes.append(f"into_{t.name} AS ({sql})")
    return ("WITH " + ",\n".join(ctes) + "\nSELECT ok FROM fresh").encode()


# one statement for each set of tables a save writes (a few: with or without
# authors, findings, phrases, roll-up), each prepared by psycopg on its own
_STATEMENTS: dict[tuple[type, ...], bytes] = {}


def _iso(value):
    if isinstance(value, date):  # and datetimes (aware, UTC): PostgreSQL reads ISO 8601 exactly
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def supported(dialect) -> bool:
    """Whether ``write`` serves this dialect (PostgreSQL through psycopg 3)."""
    return dialect.name == "postgresql" and dialect.driver == "psycopg"


def write(conn: Connection, stories: list[str], rows: dict[type, list[dict]]) -> bool:
    """Store ``rows`` (table -> rows, each a dict of every column; a roll-up
    table's rows are cells to add to) in one statement on ``conn``, which must
    be in autocommit; whether it did: False, and nothing written, when one of
    ``stories`` already has a stored version. A database error raises as
    SQLAlchemy's exception for it, nothing stored."""
    import psycopg

    tables = tuple(t for t in ROWS + CELLS if rows.get(t))
    statement = _STATEMENTS.get(tables)
    if statement is None:
        statement = _STATEMENTS[tables] = _statement(tables)
    params = [json.dumps(stories), *(json.dumps(rows[t], default=_iso) for t in tables)]
    with prepared.translated(conn):
        # a raw cursor: the SQL is PostgreSQL's own ($1, $2...), for psycopg to send without parsing it
        with psycopg.RawCursor(conn.connection.driver_connection) as cursor:
            cursor.execute(statement, params)
            return bool(cursor.fetchone()[0])
