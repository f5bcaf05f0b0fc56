"""The trends' wire form (``GET /v1/trends``): the query, the answer, and
``dump_trends``, which turns the store's ``Trends`` into that form.
docs/desk.md says how each number is counted."""
from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta

from marshmallow import Schema, fields, validate, validates_schema

MAX_DAYS = 3 * 366
DEFAULT_WEEKS = 12
TABLES = ("weeks", "desks", "rules", "phrases")


class TrendsQuerySchema(Schema):
    """Which stories: a day range (both ends included), a desk, an author."""

    since = fields.Date(data_key="from", load_default=None, metadata={
        "description": "first day (YYYY-MM-DD); default: twelve weeks before `to`; at most 1098 days "
                       "before `to` (an earlier day is moved up to that limit)"})
    until = fields.Date(data_key="to", load_default=None, metadata={"description": "last day; default: today (UTC)"})
    desk = fields.String(load_default=None, validate=validate.Length(max=100))
    author = fields.String(load_default=None, validate=validate.Length(max=200))
    format = fields.String(load_default="json", validate=validate.OneOf(("json", "csv")), metadata={
        "description": "json, or csv (also chosen by `Accept: text/csv`)"})
    table = fields.String(load_default="weeks", validate=validate.OneOf(TABLES), metadata={
        "description": "for csv: which table (weeks, desks, rules, phrases)"})

    @validates_schema
    def _range(self, data, **kwargs):
        """Any two days make a range (the answer says which days it covers):
        ends given the wrong way round are swapped, and a range longer than
        ``MAX_DAYS`` keeps its last ``MAX_DAYS`` days, so the work stays bounded."""
        until = data.get("until") or date.today()
        since = data.get("since") or days_before(until, DEFAULT_WEEKS * 7 - 1)
        if since > until:
            since, until = until, since
        if (until - since).days >= MAX_DAYS:
            since = until - timedelta(days=MAX_DAYS - 1)
        data["since"], data["until"] = since, until


def days_before(day: date, days: int) -> date:
    """``day`` less ``days`` days, no earlier than the first day a date can be
    ("to=0001-01-05" has no twelve weeks before it)."""
    return day - timedelta(days=min(days, (day - date.min).days))


_SHARE = {"description": "0-1; null when there is nothing to divide by"}


class TallySchema(Schema):
    stories = fields.Integer(required=True, metadata={"description": "stories audited (latest version of each)"})
    quotes = fields.Integer(required=True)
    quotes_named = fields.Integer(required=True)
    quotes_anonymous = fields.Integer(required=True)
    quotes_institutional = fields.Integer(required=True)
    quotes_unattributed = fields.Integer(required=True)
    anonymous_quote_share = fields.Float(allow_none=True, required=True, metadata={
        "description": "quotes_anonymous / quotes; " + _SHARE["description"]})
    anonymous_sources = fields.Integer(required=True)
    anonymous_with_reason = fields.Integer(required=True, metadata={
        "description": "anonymous sources for whom the story states why they are not named"})
    reason_share = fields.Float(allow_none=True, required=True, metadata={
        "description": "anonymous_with_reason / anonymous_sources; " + _SHARE["description"]})
    single_source = fields.Integer(required=True, metadata={"description": "stories resting on one source"})
    findings = fields.Integer(required=True)


class WeekSchema(TallySchema):
    week = fields.String(required=True, metadata={"description": "the week's Monday", "format": "date"})
    findings_by_rule = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)


class DeskSchema(TallySchema):
    desk = fields.String(allow_none=True, required=True, metadata={"description": "null: filed without a desk"})


class CountSchema(Schema):
    key = fields.String(required=True)
    count = fields.Integer(required=True)


class TrendsSchema(Schema):
    from_ = fields.String(required=True, data_key="from", attribute="from", metadata={"format": "date"})
    to = fields.String(required=True, metadata={"format": "date"})
    desk = fields.String(allow_none=True, required=True)
    author = fields.String(allow_none=True, required=True)
    total = fields.Nested(TallySchema, required=True)
    weeks = fields.List(fields.Nested(WeekSchema), required=True)
    desks = fields.List(fields.Nested(DeskSchema), required=True, metadata={"description": "side by side"})
    rules = fields.List(fields.Nested(CountSchema), required=True, metadata={
        "description": "findings by rule over the range, most first"})
    phrases = fields.List(fields.Nested(CountSchema), required=True, metadata={
        "description": "the most frequent words for anonymous sources ('a senior official')"})


def dump_trends(t) -> dict:
    """The store's ``Trends`` as the JSON-ready dict of ``TrendsSchema`` (dates as ISO strings)."""
    return {
        "from": t.since.isoformat(), "to": t.until.isoformat(), "desk": t.desk, "author": t.author,
        "total": asdict(t.total),
        "weeks": [{"week": w.week.isoformat(), **asdict(w.tally), "findings_by_rule": dict(w.findings_by_rule)}
                  for w in t.weeks],
        "desks": [{"desk": d.desk, **asdict(d.tally)} for d in t.desks],
        "rules": [{"key": k, "count": n} for k, n in t.rules],
        "phrases": [{"key": k, "count": n} for k, n in t.phrases],
    }
