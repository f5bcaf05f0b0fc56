"""The tables the store keeps (SQLAlchemy 2 declarative models).

The schema itself is owned by the Alembic migrations next to this module;
these models mirror it for queries.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# JSONB on PostgreSQL (indexable, compact), plain JSON text elsewhere.
ReportJSON = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class ReportRow(Base):
    """One stored audit: the report as the API returned it, and the text sent."""

    __tablename__ = "reports"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    report: Mapped[dict] = mapped_column(ReportJSON)
    # Denormalised from the report so the list page can filter in SQL.
    score: Mapped[int | None] = mapped_column(Integer, index=True)
    has_anonymous: Mapped[bool] = mapped_column(Boolean, index=True)
    quotes: Mapped[int] = mapped_column(Integer)
