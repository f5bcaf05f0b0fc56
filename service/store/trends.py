"""The newsroom's sourcing over time: SQL aggregates over the latest version
of each stored story, week by week, desk by desk.

Every number is summed or counted by the database (SQLite or PostgreSQL,
same query); shares are divided there too. Weeks start on Monday; a story's
day is its ``published_at``, else the day it was stored (UTC).
docs/desk.md says what each number means.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta

from sqlalchemy import Float, and_, case, cast, func, select

from .facts import author_key, week_of
from .models import ReportAuthorRow, ReportFindingRow, ReportPhraseRow, ReportRow

MAX_DAYS = 3 * 366  # the widest range one request may ask for
TOP_PHRASES = 10
R = ReportRow


@dataclass(frozen=True, slots=True)
class Tally:
    """The sourcing numbers of a set of stories (one week, one desk, or all)."""

    stories: int = 0
    quotes: int = 0
    quotes_named: int = 0
    quotes_anonymous: int = 0
    quotes_institutional: int = 0
    quotes_unattributed: int = 0
    anonymous_quote_share: float | None = None  # quotes_anonymous / quotes; None without quotes
    anonymous_sources: int = 0
    anonymous_with_reason: int = 0
    reason_share: float | None = None  # anonymous_with_reason / anonymous_sources
    single_source: int = 0  # stories resting on one source
    findings: int = 0


@dataclass(frozen=True, slots=True)
class Week:
    week: date  # its Monday
    tally: Tally
    findings_by_rule: dict[str, int]


@dataclass(frozen=True, slots=True)
class Desk:
    desk: str | None  # None: stories filed without a desk
    tally: Tally


@dataclass(frozen=True, slots=True)
class Trends:
    since: date
    until: date  # inclusive
    desk: str | None
    author: str | None
    total: Tally
    weeks: tuple[Week, ...]
    desks: tuple[Desk, ...]
    rules: tuple[tuple[str, int], ...]  # findings by rule over the range, most first
    phrases: tuple[tuple[str, int], ...]  # the most frequent words for unnamed sources


def _tally_columns():
    quotes = R.quotes_named + R.quotes_anonymous + R.quotes_institutional + R.quotes_unattributed
    return (
        func.count().label("stories"),
        func.coalesce(func.sum(quotes), 0).label("quotes"),
        func.coalesce(func.sum(R.quotes_named), 0).label("quotes_named"),
        func.coalesce(func.sum(R.quotes_anonymous), 0).label("quotes_anonymous"),
        func.coalesce(func.sum(R.quotes_institutional), 0).label("quotes_institutional"),
        func.coalesce(func.sum(R.quotes_unattributed), 0).label("quotes_unattributed"),
        (cast(func.sum(R.quotes_anonymous), Float) / func.nullif(func.sum(quotes), 0)).label(
            "anonymous_quote_share"),
        func.coalesce(func.sum(R.anonymous_sources), 0).label("anonymous_sources"),
        func.coalesce(func.sum(R.anonymous_with_reason), 0).label("anonymous_with_reason"),
        (cast(func.sum(R.anonymous_with_reason), Float) / func.nullif(func.sum(R.anonymous_sources), 0)).label(
            "reason_share"),
        func.coalesce(func.sum(case((R.single_source, 1), else_=0)), 0).label("single_source"),
    )


def _tally(row, findings: int = 0) -> Tally:
    values = {}
    for f in fields(Tally):
        if f.name != "findings":
            x = getattr(row, f.name)
            values[f.name] = None if x is None else (float(x) if f.name.endswith("share") else int(x))
    return Tally(**values, findings=int(findings))


def trends(conn, since: date, until: date, *, desk: str | None = None, author: str | None = None) -> Trends:
    """The trends of the latest versions of stories whose day is in
    ``since``..``until`` (both inclusive), optionally of one desk or author."""
    where = [R.is_latest.is_(True), R.day >= since, R.day <= until]
    if desk:
        where.append(R.desk == desk)
    if author:
        where.append(R.id.in_(select(ReportAuthorRow.report_id).where(ReportAuthorRow.key == author_key(author))))
    cond = and_(*where)
    found = ReportFindingRow

    total_row = conn.execute(select(*_tally_columns()).where(cond)).one()
    total_findings = conn.execute(
        select(func.coalesce(func.sum(found.count), 0)).join(R, R.id == found.report_id).where(cond)).scalar()

    by_week = {row.week: row for row in conn.execute(
        select(R.week.label("week"), *_tally_columns()).where(cond).group_by(R.week))}
    rules_by_week: dict[date, dict[str, int]] = {}
    for week, rule, n in conn.execute(
            select(R.week, found.rule, func.sum(found.count)).join(R, R.id == found.report_id)
            .where(cond).group_by(R.week, found.rule)):
        rules_by_week.setdefault(_as_date(week), {})[rule] = int(n)
    by_week = {_as_date(k): v for k, v in by_week.items()}
    weeks = []
    monday = week_of(since)
    while monday <= until:
        row, rules = by_week.get(monday), rules_by_week.get(monday, {})
        weeks.append(Week(monday, _tally(row, sum(rules.values())) if row else Tally(),
                          dict(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))))
        monday += timedelta(days=7)

    desk_findings = {d: int(n) for d, n in conn.execute(
        select(R.desk, func.sum(found.count)).join(R, R.id == found.report_id).where(cond).group_by(R.desk))}
    desks = tuple(Desk(row.desk, _tally(row, desk_findings.get(row.desk, 0))) for row in conn.execute(
        select(R.desk.label("desk"), *_tally_columns()).where(cond).group_by(R.desk)
        .order_by(R.desk.is_(None), R.desk)))

    rules = tuple((rule, int(n)) for rule, n in conn.execute(
        select(found.rule, func.sum(found.count).label("n")).join(R, R.id == found.report_id).where(cond)
        .group_by(found.rule).order_by(func.sum(found.count).desc(), found.rule)))
    phrase_rows = conn.execute(
        select(ReportPhraseRow.phrase, func.sum(ReportPhraseRow.count).label("n"))
        .join(R, R.id == ReportPhraseRow.report_id).where(cond)
        .group_by(ReportPhraseRow.phrase)
        .order_by(func.sum(ReportPhraseRow.count).desc(), ReportPhraseRow.phrase).limit(TOP_PHRASES))
    phrases = tuple((p, int(n)) for p, n in phrase_rows)
    return Trends(since, until, desk, author, _tally(total_row, total_findings or 0), tuple(weeks), desks,
                  rules, phrases)


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


__all__ = ["Trends", "Tally", "Week", "Desk", "trends", "MAX_DAYS"]
