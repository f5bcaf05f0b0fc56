"""the trends' author roll-up

Adds ``trend_author_days``, ``trend_author_rules`` and
``trend_author_phrases``: the daily roll-up's sums per author as well as per
day and desk, keyed author first, so the trends' author filter adds up that
author's cells instead of reading every counted row of their stories
(service/store/rollup.py keeps them from here on). They are filled from the
counted rows already stored with the same GROUP BY a rebuild uses. On
SQLite the daily roll-up's three tables are copied into clustered (WITHOUT
ROWID) tables of the same columns and rows; nothing else changes.

Revision ID: 0003_author_rollup
Revises: 0002_desk
Create Date: 2026-12-14
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_author_rollup"
down_revision = "0002_desk"
branch_labels = None
depends_on = None

SUMMED = ("quotes_named", "quotes_anonymous", "quotes_institutional", "quotes_unattributed",
          "anonymous_sources", "anonymous_with_reason")


def _cell(*more: str) -> list:
    return [sa.Column("author", sa.String(200), nullable=False), sa.Column("day", sa.Date(), nullable=False),
            sa.Column("desk", sa.String(100), nullable=False), sa.Column("week", sa.Date(), nullable=False),
            sa.PrimaryKeyConstraint("author", "day", "desk", *more)]


def _cluster_daily_roll_up() -> None:
    """On SQLite, keep the daily roll-up's cells in key order (WITHOUT ROWID):
    a range of days is then one scan of the table, not an index scan and a
    row lookup a cell. Same columns, same keys, same rows; PostgreSQL keeps
    its tables as they are."""
    def day_key() -> list:
        return [sa.Column("day", sa.Date(), nullable=False), sa.Column("desk", sa.String(100), nullable=False),
                sa.Column("week", sa.Date(), nullable=False)]

    tables = {
        "trend_days": [*day_key(), *(sa.Column(name, sa.Integer(), nullable=False)
                                     for name in ("stories", *SUMMED, "single_source")),
                       sa.PrimaryKeyConstraint("day", "desk")],
        "trend_day_rules": [*day_key(), sa.Column("rule", sa.String(100), nullable=False),
                            sa.Column("count", sa.Integer(), nullable=False),
                            sa.PrimaryKeyConstraint("day", "desk", "rule")],
        "trend_day_phrases": [*day_key(), sa.Column("phrase", sa.String(300), nullable=False),
                              sa.Column("count", sa.Integer(), nullable=False),
                              sa.PrimaryKeyConstraint("day", "desk", "phrase")],
    }
    for name, columns in tables.items():
        op.create_table(f"{name}_clustered", *columns, sqlite_with_rowid=False)
        names = ", ".join(c.name for c in columns if isinstance(c, sa.Column))
        op.execute(f"INSERT INTO {name}_clustered ({names}) SELECT {names} FROM {name}")
        op.drop_table(name)
        op.rename_table(f"{name}_clustered", name)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _cluster_daily_roll_up()
    # author first: one author's cells lie together (SQLite keeps them in key order, no rowid)
    op.create_table("trend_author_days", *_cell(),
                    *(sa.Column(name, sa.Integer(), nullable=False) for name in ("stories", *SUMMED, "single_source")),
                    sqlite_with_rowid=False)
    op.create_table("trend_author_rules", *_cell("rule"), sa.Column("rule", sa.String(100), nullable=False),
                    sa.Column("count", sa.Integer(), nullable=False), sqlite_with_rowid=False)
    op.create_table("trend_author_phrases", *_cell("phrase"), sa.Column("phrase", sa.String(300), nullable=False),
                    sa.Column("count", sa.Integer(), nullable=False), sqlite_with_rowid=False)

    # Written out here (not rollup.rebuild_authors) so this revision stays what it was when later ones change.
    join = 'FROM {t} s JOIN report_authors a ON a.report_id = s.report_id WHERE s.is_latest'
    group = "GROUP BY a.\"key\", s.day, COALESCE(s.desk, ''), s.week"
    keys = "a.\"key\", s.day, COALESCE(s.desk, ''), s.week"
    op.execute(
        f"INSERT INTO trend_author_days (author, day, desk, week, stories, {', '.join(SUMMED)}, single_source) "
        f"SELECT {keys}, COUNT(*), {', '.join(f'SUM(s.{c})' for c in SUMMED)}, "
        f"SUM(CASE WHEN s.single_source THEN 1 ELSE 0 END) {join.format(t='report_stats')} {group}")
    for table, source, name in (("trend_author_rules", "report_findings", "rule"),
                                ("trend_author_phrases", "report_phrases", "phrase")):
        op.execute(f"INSERT INTO {table} (author, day, desk, week, {name}, count) "
                   f"SELECT {keys}, s.{name}, SUM(s.count) {join.format(t=source)} {group}, s.{name}")


def downgrade() -> None:
    # SQLite's daily roll-up stays clustered: the same columns and rows 0002 reads
    for table in ("trend_author_phrases", "trend_author_rules", "trend_author_days"):
        op.drop_table(table)
