"""the standards desk: story metadata, trend counts, decisions on findings

Adds story metadata and the counted columns of service/store/facts.py to
``reports`` and back-fills them from each stored report (every stored report
is the latest version of its own story: none had a story_id), plus the child
tables the trends aggregate and the editors' decisions.

Revision ID: 0002_desk
Revises: 0001_reports
Create Date: 2026-12-01
"""
from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0002_desk"
down_revision = "0001_reports"
branch_labels = None
depends_on = None

COUNTS = ("quotes_named", "quotes_anonymous", "quotes_institutional", "quotes_unattributed",
          "sources", "anonymous_sources", "anonymous_with_reason")
FILLED = ("is_latest", "day", "week", *COUNTS, "single_source", "search_text")
_CHUNK = 500


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("story_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("desk", sa.String(100), nullable=True))
        batch.add_column(sa.Column("authors", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("is_latest", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("day", sa.Date(), nullable=True))
        batch.add_column(sa.Column("week", sa.Date(), nullable=True))
        for name in COUNTS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))
        batch.add_column(sa.Column("single_source", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=True))

    _backfill(op.get_bind(), children=False)
    with op.batch_alter_table("reports") as batch:
        for name in FILLED:
            batch.alter_column(name, nullable=False)

    # The child tables come after the last batch alteration of ``reports``: on
    # SQLite that copies and drops the table, and a drop with foreign keys on
    # would take the children's rows along (ON DELETE CASCADE).
    op.create_table("report_authors",
                    sa.Column("report_id", sa.String(32), _report_fk(), primary_key=True),
                    sa.Column("key", sa.String(200), primary_key=True),
                    sa.Column("name", sa.String(200), nullable=False))
    op.create_index("ix_report_authors_key", "report_authors", ["key"])
    op.create_table("report_findings",
                    sa.Column("report_id", sa.String(32), _report_fk(), primary_key=True),
                    sa.Column("rule", sa.String(100), primary_key=True),
                    sa.Column("count", sa.Integer(), nullable=False))
    op.create_table("report_phrases",
                    sa.Column("report_id", sa.String(32), _report_fk(), primary_key=True),
                    sa.Column("phrase", sa.String(300), primary_key=True),
                    sa.Column("count", sa.Integer(), nullable=False))
    op.create_table("decisions",
                    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
                    sa.Column("report_id", sa.String(32), _report_fk(), nullable=False),
                    sa.Column("story_key", sa.String(200), nullable=False),
                    sa.Column("rule", sa.String(100), nullable=False),
                    sa.Column("quoted", sa.Text(), nullable=False),
                    sa.Column("occurrence", sa.Integer(), nullable=False),
                    sa.Column("state", sa.String(16), nullable=False),
                    sa.Column("note", sa.Text(), nullable=True),
                    sa.Column("editor", sa.String(200), nullable=False),
                    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False))
    op.create_index("ix_decisions_report_id", "decisions", ["report_id"])
    op.create_index("ix_decisions_story_key", "decisions", ["story_key"])

    _backfill(op.get_bind(), children=True)

    op.create_index("ix_reports_story_id", "reports", ["story_id"])
    op.create_index("ix_reports_desk", "reports", ["desk"])
    op.create_index("ix_reports_trends", "reports", ["is_latest", "day", "desk"])


def _report_fk() -> sa.ForeignKey:
    return sa.ForeignKey("reports.id", ondelete="CASCADE")


def _backfill(bind, *, children: bool) -> None:
    """Count every stored report as ``Store.save`` now does (service/store/facts.py):
    its own columns, or (``children``) its rows of findings by rule and phrases."""
    from service.store.facts import facts

    reports = sa.table("reports", sa.column("id", sa.String), sa.column("created_at", sa.DateTime(timezone=True)),
                       sa.column("title", sa.Text), sa.column("report", sa.JSON),
                       *(sa.column(n) for n in FILLED))
    findings = sa.table("report_findings", sa.column("report_id"), sa.column("rule"), sa.column("count"))
    phrases = sa.table("report_phrases", sa.column("report_id"), sa.column("phrase"), sa.column("count"))
    last = ""
    while True:
        rows = bind.execute(sa.select(reports.c.id, reports.c.created_at, reports.c.title, reports.c.report)
                            .where(reports.c.id > last).order_by(reports.c.id).limit(_CHUNK)).all()
        if not rows:
            return
        for id, created_at, title, report in rows:
            if isinstance(report, str):  # SQLite hands plain JSON back as text here
                import json

                report = json.loads(report)
            if isinstance(created_at, str):
                created_at = datetime.fromisoformat(created_at)
            if created_at.tzinfo is None:
                created_at = created_at.replace(tzinfo=timezone.utc)
            f = facts(report if isinstance(report, dict) else {}, title=title, created_at=created_at)
            if not children:
                bind.execute(reports.update().where(reports.c.id == id).values(is_latest=True, **f.columns))
                continue
            if f.findings:
                bind.execute(findings.insert(), [{"report_id": id, "rule": r, "count": c} for r, c in f.findings.items()])
            if f.phrases:
                bind.execute(phrases.insert(), [{"report_id": id, "phrase": p, "count": c} for p, c in f.phrases.items()])
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_table("decisions")
    op.drop_table("report_phrases")
    op.drop_table("report_findings")
    op.drop_table("report_authors")
    op.drop_index("ix_reports_trends", "reports")
    op.drop_index("ix_reports_desk", "reports")
    op.drop_index("ix_reports_story_id", "reports")
    with op.batch_alter_table("reports") as batch:
        for name in ("story_id", "url", "desk", "authors", "published_at", *FILLED):
            batch.drop_column(name)
