"""What the trends page shows: the store's ``Trends`` as charts, each with
the table of the numbers it draws."""
from __future__ import annotations

from dataclasses import dataclass

from service.store.trends import Trends

from . import charts
from .reportview import SOURCE_TYPES, TYPE_LABELS


@dataclass(frozen=True)
class TrendsView:
    trends: Trends
    stories: charts.ColumnChart
    quotes: charts.ColumnChart
    anonymous_share: charts.ColumnChart
    reason_share: charts.ColumnChart
    single_source: charts.ColumnChart
    rules: charts.BarChart
    desks: charts.BarChart
    phrases: charts.BarChart


def build(t: Trends) -> TrendsView:
    labels = [w.week.isoformat() for w in t.weeks]

    def weekly(id, title, key, label, *, percent=False):
        return charts.columns(id, title, labels, [(key, label)],
                              [[getattr(w.tally, key)] for w in t.weeks], percent=percent)

    quotes = charts.columns("chart-quotes", "Quotes by source type, week by week", labels,
                            [(s, TYPE_LABELS[s]) for s in SOURCE_TYPES],
                            [[getattr(w.tally, f"quotes_{s}") for s in SOURCE_TYPES] for w in t.weeks])
    return TrendsView(
        trends=t,
        stories=weekly("chart-stories", "Stories audited, week by week", "stories", "Stories"),
        quotes=quotes,
        anonymous_share=weekly("chart-anonymous-share", "Share of quotes from anonymous sources",
                               "anonymous_quote_share", "Anonymous share", percent=True),
        reason_share=weekly("chart-reason-share", "Share of anonymous sources with a stated reason",
                            "reason_share", "With a reason", percent=True),
        single_source=weekly("chart-single-source", "Stories resting on a single source", "single_source",
                             "Single-source stories"),
        rules=charts.bars("chart-rules", "Findings by rule", [(r, n) for r, n in t.rules]),
        desks=charts.bars("chart-desks", "Share of quotes from anonymous sources, by desk",
                          [(d.desk or "No desk", d.tally.anonymous_quote_share) for d in t.desks], percent=True),
        phrases=charts.bars("chart-phrases", "Most frequent words for unnamed sources", list(t.phrases)),
    )


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.1f}%"
