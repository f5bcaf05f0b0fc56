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
from .models import (ReportAuthorRow, ReportFindingRow, ReportPhraseRow, ReportStatsRow, TrendAuthorDayRow,
                     TrendAuthorPhraseRow, TrendAuthorRuleRow, TrendDayRow, TrendPhraseRow, TrendRuleRow)

TOP_PHRASES = 10


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


def _tally_of(t, rolled: bool):
    """The tally's aggregates over counted rows (``rolled``: over roll-up cells)."""
    quotes = t.quotes_named + t.quotes_anonymous + t.quotes_institutional + t.quotes_unattributed
    stories = func.sum(t.stories) if rolled else func.count()
    single = func.sum(t.single_source) if rolled else func.sum(case((t.single_source, 1), else_=0))
    return (
        func.coalesce(stories, 0).label("stories"),
        func.coalesce(func.sum(quotes), 0).label("quotes"),
        func.coalesce(func.sum(t.quotes_named), 0).label("quotes_named"),
        func.coalesce(func.sum(t.quotes_anonymous), 0).label("quotes_anonymous"),
        func.coalesce(func.sum(t.quotes_institutional), 0).label("quotes_institutional"),
        func.coalesce(func.sum(t.quotes_unattributed), 0).label("quotes_unattributed"),
        (cast(func.sum(t.quotes_anonymous), Float) / func.nullif(func.sum(quotes), 0)).label(
            "anonymous_quote_share"),
        func.coalesce(func.sum(t.anonymous_sources), 0).label("anonymous_sources"),
        func.coalesce(func.sum(t.anonymous_with_reason), 0).label("anonymous_with_reason"),
        (cast(func.sum(t.anonymous_with_reason), Float) / func.nullif(func.sum(t.anonymous_sources), 0)).label(
            "reason_share"),
        func.coalesce(single, 0).label("single_source"),
    )


def _tally(row, findings: int = 0) -> Tally:
    values = {}
    for f in fields(Tally):
        if f.name != "findings":
            x = getattr(row, f.name)
            values[f.name] = None if x is None else (float(x) if f.name.endswith("share") else int(x))
    return Tally(**values, findings=int(findings))


def trends(conn, since: date, until: date, *, desk: str | None = None, author: str | None = None,
           rolled: bool = True) -> Trends:
    """The trends of the latest versions of stories whose day is in
    ``since``..``until`` (both inclusive), optionally of one desk or author.
    Read from the daily roll-up, or with an author from the author roll-up;
    ``rolled=False`` reads the counted rows themselves (the tests compare both)."""
    if rolled and author:
        R, F, P = TrendAuthorDayRow, TrendAuthorRuleRow, TrendAuthorPhraseRow
    elif rolled:
        R, F, P = TrendDayRow, TrendRuleRow, TrendPhraseRow
    else:
        R, F, P = ReportStatsRow, ReportFindingRow, ReportPhraseRow

    def cond(t):  # the same stories, read from any counted or roll-up table
        where = [t.day >= since, t.day <= until]
        if not rolled:
            where.append(t.is_latest.is_(True))
        if desk:
            where.append(t.desk == desk)
        if author and rolled:
            where.insert(0, t.author == author_key(author))
        elif author:
            where.append(t.report_id.in_(
                select(ReportAuthorRow.report_id).where(ReportAuthorRow.key == author_key(author))))
        return and_(*where)

    def _tally_columns():
        return _tally_of(R, rolled)

    total_row = conn.execute(select(*_tally_columns()).where(cond(R))).one()
    total_findings = conn.execute(select(func.coalesce(func.sum(F.count), 0)).where(cond(F))).scalar()

    by_week = {_as_date(row.week): row for row in conn.execute(
        select(R.week.label("week"), *_tally_columns()).where(cond(R)).group_by(R.week))}
    rules_by_week: dict[date, dict[str, int]] = {}
    for week, rule, n in conn.execute(select(F.week, F.rule, func.sum(F.count)).where(cond(F))
                                      .group_by(F.week, F.rule)):
        rules_by_week.setdefault(_as_date(week), {})[rule] = int(n)
    weeks = []
    monday = week_of(since)
    while monday <= until:
        row, rules = by_week.get(monday), rules_by_week.get(monday, {})
        weeks.append(Week(monday, _tally(row, sum(rules.values())) if row else Tally(),
                          dict(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))))
        if (until - monday).days < 7:
            break  # the last week (and no overflow past the last day a date can be)
        monday += timedelta(days=7)

    desk_findings = {d: int(n) for d, n in conn.execute(
        select(F.desk, func.sum(F.count)).where(cond(F)).group_by(F.desk))}
    desks = tuple(Desk(row.desk or None, _tally(row, desk_findings.get(row.desk, 0))) for row in conn.execute(
        select(R.desk.label("desk"), *_tally_columns()).where(cond(R)).group_by(R.desk)
        .order_by(R.desk.is_(None), R.desk == "", R.desk)))

    rules = tuple((rule, int(n)) for rule, n in conn.execute(
        select(F.rule, func.sum(F.count)).where(cond(F)).group_by(F.rule).having(func.sum(F.count) > 0)
        .order_by(func.sum(F.count).desc(), F.rule)))
    phrases = tuple((p, int(n)) for p, n in conn.execute(
        select(P.phrase, func.sum(P.count)).where(cond(P)).group_by(P.phrase).having(func.sum(P.count) > 0)
        .order_by(func.sum(P.count).desc(), P.phrase).limit(TOP_PHRASES)))
    return Trends(since, until, desk, author, _tally(total_row, total_findings or 0), tuple(weeks), desks,
                  rules, phrases)


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


__all__ = ["Trends", "Tally", "Week", "Desk", "trends"]
