"""A save's writes, compiled once and run on the driver's cursor.

A save is a dozen small statements; most of its time went to SQLAlchemy
setting each one up (cache key, execution context, result), not to the
database. ``write`` runs an INSERT (or an upsert) over a list of rows with
the SQL SQLAlchemy compiled for the dialect once and the same bind
processors SQLAlchemy would apply (datetimes, JSON, booleans), inside the
connection's current transaction, so what is stored is identical.
"""
from __future__ import annotations

import contextlib

from sqlalchemy import Connection, exc

_COMPILED: dict[tuple[str, int], "_Prepared"] = {}


class _Prepared:
    __slots__ = ("sql", "names", "processed", "positional", "statement")

    def __init__(self, statement, dialect):
        compiled = statement.compile(dialect=dialect)
        self.statement = statement  # kept alive: the cache is keyed by its id
        self.sql = compiled.string
        self.positional = compiled.positiontup is not None
        self.names = list(compiled.positiontup) if self.positional else list(compiled.binds)
        processors = [compiled.binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in self.names]
        self.processed = [(i, n, p) for i, (n, p) in enumerate(zip(self.names, processors)) if p is not None]

    def parameters(self, rows: list[dict]) -> list:
        out = []
        for r in rows:
            values = [r[n] for n in self.names]  # a KeyError if a row lacks a column
            for i, n, p in self.processed:
                values[i] = p(values[i])
            out.append(tuple(values) if self.positional else dict(zip(self.names, values)))
        return out


def write(conn: Connection, statement, rows: list[dict]) -> None:
    """Run ``statement`` (an INSERT of every column of its table) once per
    row of ``rows``, each row a dict with every column, in ``conn``'s
    transaction; a database error raises as SQLAlchemy's exception for it."""
    if not rows:
        return
    dialect = conn.dialect
    prepared = _COMPILED.get((dialect.name, id(statement)))
    if prepared is None:
        prepared = _COMPILED[(dialect.name, id(statement))] = _Prepared(statement, dialect)
    params = prepared.parameters(rows)
    with translated(conn):
        cursor = conn.connection.cursor()  # the DBAPI connection SQLAlchemy began the transaction on
        try:
            if len(params) == 1:
                cursor.execute(prepared.sql, params[0])
            else:
                cursor.executemany(prepared.sql, params)
        finally:
            cursor.close()


def exists(conn: Connection, sql: str, params: tuple) -> bool:
    """Whether a plain query (SQL in the driver's paramstyle, values needing
    no conversion) finds a row: no statement to compile for a save's one look-up."""
    return conn.exec_driver_sql(sql, params).first() is not None


@contextlib.contextmanager
def pipelined(conn: Connection):
    """A block whose ``write`` statements go to PostgreSQL without waiting
    for each answer (psycopg's pipeline mode: one round trip for them all);
    elsewhere it changes nothing. A database error raises by the block's end
    at the latest, as SQLAlchemy's exception for it (``IntegrityError``,
    ``DataError``...), as an ordinary execute would; the transaction then
    rolls back."""
    driver = conn.connection.driver_connection
    pipeline = contextlib.nullcontext()
    if conn.dialect.name == "postgresql" and hasattr(driver, "pipeline"):
        import psycopg

        if psycopg.Pipeline.is_supported():
            pipeline = driver.pipeline()
    with translated(conn), pipeline:
        yield


@contextlib.contextmanager
def translated(conn: Connection):
    """Driver errors raised as SQLAlchemy's (as ``Connection.execute`` does)."""
    dbapi = conn.dialect.loaded_dbapi
    try:
        yield
    except dbapi.Error as e:
        gone = conn.dialect.is_disconnect(e, conn.connection.dbapi_connection, None)
        if gone:
            conn.invalidate(e)
        raise exc.DBAPIError.instance(None, None, e, dbapi.Error, connection_invalidated=gone,
                                      dialect=conn.dialect) from e
