"""The tables the store keeps (SQLAlchemy 2 declarative models).

The schema itself is owned by the Alembic migrations next to this module;
these models mirror it for queries.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
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

    # Story metadata from the request (all optional).
    story_id: Mapped[str | None] = mapped_column(String(200), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    desk: Mapped[str | None] = mapped_column(String(100))
    authors: Mapped[list | None] = mapped_column(JSON)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class _Counted:
    """Where a counted row stands in the trends: its story's newest version
    or not, its day and week, its desk (copied from the report: kept narrow so
    the aggregates scan little)."""

    is_latest: Mapped[bool] = mapped_column(Boolean)  # the newest stored version of its story
    day: Mapped[date] = mapped_column(Date)  # published_at's day, else created_at's (UTC)
    week: Mapped[date] = mapped_column(Date)  # the Monday of ``day``'s ISO week
    desk: Mapped[str | None] = mapped_column(String(100))


class ReportStatsRow(_Counted, Base):
    """A stored report's counts for the trends and its words for the list's
    search: one narrow row a report (service/store/facts.py counts them)."""

    __tablename__ = "report_stats"
    __table_args__ = (Index("ix_report_stats_trends", "is_latest", "day", "desk"),)

    report_id: Mapped[str] = mapped_column(String(32), ForeignKey("reports.id", ondelete="CASCADE"),
                                           primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    quotes_named: Mapped[int] = mapped_column(Integer)
    quotes_anonymous: Mapped[int] = mapped_column(Integer)
    quotes_institutional: Mapped[int] = mapped_column(Integer)
    quotes_unattributed: Mapped[int] = mapped_column(Integer)
    sources: Mapped[int] = mapped_column(Integer)
    anonymous_sources: Mapped[int] = mapped_column(Integer)
    anonymous_with_reason: Mapped[int] = mapped_column(Integer)
    single_source: Mapped[bool] = mapped_column(Boolean)
    search_text: Mapped[str] = mapped_column(Text)  # title and speakers, casefolded


class ReportAuthorRow(Base):
    """An author of a stored report (the list's and the trends' author filter)."""

    __tablename__ = "report_authors"

    report_id: Mapped[str] = mapped_column(String(32), ForeignKey("reports.id", ondelete="CASCADE"),
                                           primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)  # casefolded name
    name: Mapped[str] = mapped_column(String(200))


class ReportFindingRow(_Counted, Base):
    """How many findings of one rule a stored report has."""

    __tablename__ = "report_findings"
    __table_args__ = (Index("ix_report_findings_trends", "is_latest", "day"),)

    report_id: Mapped[str] = mapped_column(String(32), ForeignKey("reports.id", ondelete="CASCADE"),
                                           primary_key=True)
    rule: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class ReportPhraseRow(_Counted, Base):
    """The words a report uses for one of its anonymous sources ("a senior official")."""

    __tablename__ = "report_phrases"
    __table_args__ = (Index("ix_report_phrases_trends", "is_latest", "day"),)

    report_id: Mapped[str] = mapped_column(String(32), ForeignKey("reports.id", ondelete="CASCADE"),
                                           primary_key=True)
    phrase: Mapped[str] = mapped_column(String(300), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class DecisionRow(Base):
    """An editor's decision on one finding, made on one version of a story."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    report_id: Mapped[str] = mapped_column(String(32), ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    story_key: Mapped[str] = mapped_column(String(200), index=True)  # story_id, else the report's id
    rule: Mapped[str] = mapped_column(String(100))
    quoted: Mapped[str] = mapped_column(Text)  # the finding's words, whitespace collapsed
    occurrence: Mapped[int] = mapped_column(Integer)  # which of the same (rule, words) in the report
    state: Mapped[str] = mapped_column(String(16))  # accepted | dismissed | reopened
    note: Mapped[str | None] = mapped_column(Text)
    editor: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class _Cell:
    """One day of one desk ("" for none) in the trends' daily roll-up: sums
    over the latest versions of the stories of that day and desk, kept by
    every save and delete, rebuilt by SQL from the counted rows on demand
    (``rollup.py``). On SQLite the table is clustered by its key (WITHOUT
    ROWID, migration 0003)."""

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    desk: Mapped[str] = mapped_column(String(100), primary_key=True)
    week: Mapped[date] = mapped_column(Date)  # the Monday of ``day``'s week


class TrendDayRow(_Cell, Base):
    __tablename__ = "trend_days"

    stories: Mapped[int] = mapped_column(Integer)
    quotes_named: Mapped[int] = mapped_column(Integer)
    quotes_anonymous: Mapped[int] = mapped_column(Integer)
    quotes_institutional: Mapped[int] = mapped_column(Integer)
    quotes_unattributed: Mapped[int] = mapped_column(Integer)
    anonymous_sources: Mapped[int] = mapped_column(Integer)
    anonymous_with_reason: Mapped[int] = mapped_column(Integer)
    single_source: Mapped[int] = mapped_column(Integer)


class TrendRuleRow(_Cell, Base):
    __tablename__ = "trend_day_rules"

    rule: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class TrendPhraseRow(_Cell, Base):
    __tablename__ = "trend_day_phrases"

    phrase: Mapped[str] = mapped_column(String(300), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class _AuthorCell:
    """One author's day on one desk ("" for none) in the trends' author
    roll-up: the daily roll-up's sums over that author's stories only, so the
    author filter adds up a few thousand cells (``rollup.py``). A story with
    two authors is in both authors' cells, once each."""

    author: Mapped[str] = mapped_column(String(200), primary_key=True)  # ReportAuthorRow.key
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    desk: Mapped[str] = mapped_column(String(100), primary_key=True)
    week: Mapped[date] = mapped_column(Date)


class TrendAuthorDayRow(_AuthorCell, Base):
    __tablename__ = "trend_author_days"

    stories: Mapped[int] = mapped_column(Integer)
    quotes_named: Mapped[int] = mapped_column(Integer)
    quotes_anonymous: Mapped[int] = mapped_column(Integer)
    quotes_institutional: Mapped[int] = mapped_column(Integer)
    quotes_unattributed: Mapped[int] = mapped_column(Integer)
    anonymous_sources: Mapped[int] = mapped_column(Integer)
    anonymous_with_reason: Mapped[int] = mapped_column(Integer)
    single_source: Mapped[int] = mapped_column(Integer)


class TrendAuthorRuleRow(_AuthorCell, Base):
    __tablename__ = "trend_author_rules"

    rule: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class TrendAuthorPhraseRow(_AuthorCell, Base):
    __tablename__ = "trend_author_phrases"

    phrase: Mapped[str] = mapped_column(String(300), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
