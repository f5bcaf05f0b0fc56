"""A save's writes, compiled once and run on the driver's cursor.

A save is a dozen small statements; most of its time went to SQLAlchemy
setting each one up (cache key, execution context, result), not to the
database. ``write`` runs an INSERT (or an upsert) over a list of rows with
the SQL SQLAlchemy compiled for the dialect once and the same bind
processors SQLAlchemy would apply (datetimes, JSON, booleans), inside the
connection's current transaction, so what is stored is identical.
"""
from __future__ import annotations

from sqlalchemy import Connection

_COMPILED: dict[tuple[str, int], "_Prepared"] = {}


class _Prepared:
    __slots__ = ("sql", "names", "processors", "positional", "statement")

    def __init__(self, statement, dialect):
        compiled = statement.compile(dialect=dialect)
        self.statement = statement  # kept alive: the cache is keyed by its id
        self.sql = compiled.string
        self.positional = compiled.positiontup is not None
        self.names = list(compiled.positiontup) if self.positional else list(compiled.binds)
        self.processors = [compiled.binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in self.names]

    def parameters(self, rows: list[dict]) -> list:
        pairs = list(zip(self.names, self.processors))
        if self.positional:
            return [tuple(p(r[n]) if p else r[n] for n, p in pairs) for r in rows]
        return [{n: p(r[n]) if p else r[n] for n, p in pairs} for r in rows]


def write(conn: Connection, statement, rows: list[dict]) -> None:
    """Run ``statement`` (an INSERT of every column of its table) once per
    row of ``rows``, each row a dict with every column, in ``conn``'s transaction."""
    if not rows:
        return
    dialect = conn.dialect
    prepared = _COMPILED.get((dialect.name, id(statement)))
    if prepared is None:
        prepared = _COMPILED[(dialect.name, id(statement))] = _Prepared(statement, dialect)
    cursor = conn.connection.cursor()  # the DBAPI connection SQLAlchemy began the transaction on
    try:
        params = prepared.parameters(rows)
        if len(params) == 1:
            cursor.execute(prepared.sql, params[0])
        else:
            cursor.executemany(prepared.sql, params)
    finally:
        cursor.close()
