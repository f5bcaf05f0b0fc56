"""reports table

Revision ID: 0001_reports
Revises:
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001_reports"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("report", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("has_anonymous", sa.Boolean(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
    )
    op.create_index("ix_reports_created_at", "reports", ["created_at"])
    op.create_index("ix_reports_score", "reports", ["score"])
    op.create_index("ix_reports_has_anonymous", "reports", ["has_anonymous"])


def downgrade() -> None:
    op.drop_table("reports")
