"""the standards desk: story metadata, trend counts, decisions on findings

Adds story metadata to ``reports``; a narrow ``report_stats`` row per report
(the trends' counts and the list's search words, service/store/facts.py),
findings by rule and anonymous-source phrases per report, authors, the
editors' decisions, and the trends' daily roll-up (service/store/rollup.py). Every report already stored is counted as ``Store.save``
counts one now, as the latest version of its own story (none had a story_id).

Revision ID: 0002_desk
Revises: 0001_reports
Create Date: 2026-12-01
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0002_desk"
down_revision = "0001_reports"
branch_labels = None
depends_on = None

COUNTS = ("quotes_named", "quotes_anonymous", "quotes_institutional", "quotes_unattributed",
          "sources", "anonymous_sources", "anonymous_with_reason")
_CHUNK = 500


def _report_fk() -> sa.ForeignKey:
    return sa.ForeignKey("reports.id", ondelete="CASCADE")


def _counted() -> list[sa.Column]:
    return [sa.Column("is_latest", sa.Boolean(), nullable=False), sa.Column("day", sa.Date(), nullable=False),
            sa.Column("week", sa.Date(), nullable=False), sa.Column("desk", sa.String(100), nullable=True)]


def upgrade() -> None:
    # SQLite adds columns in place (no table copy), so no child row is touched
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("story_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("desk", sa.String(100), nullable=True))
        batch.add_column(sa.Column("authors", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_reports_story_id", "reports", ["story_id"])

    op.create_table("report_stats",
                    sa.Column("report_id", sa.String(32), _report_fk(), primary_key=True),
                    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
                    *_counted(),
                    *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
                    sa.Column("single_source", sa.Boolean(), nullable=False),
                    sa.Column("search_text", sa.Text(), nullable=False))
    op.create_table("report_authors",
                    sa.Column("report_id", sa.String(32), _report_fk(), primary_key=True),
                    sa.Column("key", sa.String(200), primary_key=True),
                    sa.Column("name", sa.String(200), nullable=False))
    op.create_table("report_findings",
                    sa.Column("report_id", sa.String(32), _report_fk(), primary_key=True),
                    sa.Column("rule", sa.String(100), primary_key=True),
                    sa.Column("count", sa.Integer(), nullable=False), *_counted())
    op.create_table("report_phrases",
                    sa.Column("report_id", sa.String(32), _report_fk(), primary_key=True),
                    sa.Column("phrase", sa.String(300), primary_key=True),
                    sa.Column("count", sa.Integer(), nullable=False), *_counted())
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

    def cell():
        return [sa.Column("day", sa.Date(), primary_key=True), sa.Column("desk", sa.String(100), primary_key=True)]

    op.create_table("trend_days", *cell(), sa.Column("week", sa.Date(), nullable=False),
                    *(sa.Column(name, sa.Integer(), nullable=False) for name in (
                        "stories", "quotes_named", "quotes_anonymous", "quotes_institutional", "quotes_unattributed",
                        "anonymous_sources", "anonymous_with_reason", "single_source")))
    op.create_table("trend_day_rules", *cell(), sa.Column("week", sa.Date(), nullable=False),
                    sa.Column("rule", sa.String(100), primary_key=True), sa.Column("count", sa.Integer(), nullable=False))
    op.create_table("trend_day_phrases", *cell(), sa.Column("week", sa.Date(), nullable=False),
                    sa.Column("phrase", sa.String(300), primary_key=True),
                    sa.Column("count", sa.Integer(), nullable=False))

    _backfill(op.get_bind())
    from service.store import rollup

    rollup.rebuild_days(op.get_bind())  # every cell, from the rows just counted (the author roll-up is 0003)

    op.create_index("ix_report_stats_created_at", "report_stats", ["created_at"])
    op.create_index("ix_report_stats_trends", "report_stats", ["is_latest", "day", "desk"])
    op.create_index("ix_report_authors_key", "report_authors", ["key"])
    op.create_index("ix_report_findings_trends", "report_findings", ["is_latest", "day"])
    op.create_index("ix_report_phrases_trends", "report_phrases", ["is_latest", "day"])
    op.create_index("ix_decisions_report_id", "decisions", ["report_id"])
    op.create_index("ix_decisions_story_key", "decisions", ["story_key"])


def _backfill(bind) -> None:
    """Count every stored report as ``Store.save`` now does (service/store/facts.py)."""
    from service.store.facts import facts

    reports = sa.table("reports", sa.column("id", sa.String), sa.column("created_at", sa.DateTime(timezone=True)),
                       sa.column("title", sa.Text), sa.column("report", sa.JSON))
    stats = sa.table("report_stats", *(sa.column(n) for n in (
        "report_id", "created_at", "is_latest", "day", "week", "desk", *COUNTS, "single_source", "search_text")))
    findings = sa.table("report_findings", *(sa.column(n) for n in (
        "report_id", "rule", "count", "is_latest", "day", "week", "desk")))
    phrases = sa.table("report_phrases", *(sa.column(n) for n in (
        "report_id", "phrase", "count", "is_latest", "day", "week", "desk")))
    last = ""
    while True:
        rows = bind.execute(sa.select(reports.c.id, reports.c.created_at, reports.c.title, reports.c.report)
                            .where(reports.c.id > last).order_by(reports.c.id).limit(_CHUNK)).all()
        if not rows:
            return
        stat_rows, finding_rows, phrase_rows = [], [], []
        for id, created_at, title, report in rows:
            if isinstance(report, str):
                report = json.loads(report)
            if isinstance(created_at, str):
                created_at = datetime.fromisoformat(created_at)
            if created_at.tzinfo is None:
                created_at = created_at.replace(tzinfo=timezone.utc)
            f = facts(report if isinstance(report, dict) else {}, title=title, created_at=created_at)
            where = {"is_latest": True, "day": f.columns["day"], "week": f.columns["week"], "desk": None}
            stat_rows.append({"report_id": id, "created_at": created_at, **f.columns, **where})
            finding_rows += [{"report_id": id, "rule": r, "count": c, **where} for r, c in f.findings.items()]
            phrase_rows += [{"report_id": id, "phrase": p, "count": c, **where} for p, c in f.phrases.items()]
        for table, values in ((stats, stat_rows), (findings, finding_rows), (phrases, phrase_rows)):
            if values:
                bind.execute(table.insert(), values)
        last = rows[-1][0]


def downgrade() -> None:
    for table in ("trend_day_phrases", "trend_day_rules", "trend_days", "decisions", "report_phrases",
                  "report_findings", "report_authors", "report_stats"):
        op.drop_table(table)
    op.drop_index("ix_reports_story_id", "reports")
    with op.batch_alter_table("reports") as batch:
        for name in ("story_id", "url", "desk", "authors", "published_at"):
            batch.drop_column(name)
