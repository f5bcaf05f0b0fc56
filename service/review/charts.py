"""Charts for the trends page, laid out on the server as plain geometry the
templates draw as SVG (no script, no inline style: colours come from classes
in review.css). Each chart carries the numbers it draws; the page prints the
same numbers in a table under it."""
from __future__ import annotations

from dataclasses import dataclass

WIDTH = 720.0
HEIGHT = 240.0
LEFT, RIGHT, TOP, BOTTOM = 44.0, 12.0, 12.0, 44.0


@dataclass(frozen=True, slots=True)
class Segment:
    series: str  # css class suffix and table column
    label: str
    value: float
    shown: str  # the value as the table prints it
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Column:
    label: str  # the full label (a week's Monday)
    short: str  # the axis label, or "" to skip
    x: float
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ColumnChart:
    """Columns along the weeks, one series each or stacked."""

    id: str
    title: str
    desc: str
    series: tuple[tuple[str, str], ...]  # (key, label)
    columns: tuple[Column, ...]
    top: float  # the value at the top of the axis
    top_label: str
    width: float = WIDTH
    height: float = HEIGHT
    left: float = LEFT
    plot_top: float = TOP
    plot_bottom: float = HEIGHT - BOTTOM


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    shown: str
    y: float
    width: float


BAR_ROW, BAR_SPAN = 26.0, 400.0


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one a row (rules, desks, phrases)."""

    id: str
    title: str
    desc: str
    bars: tuple[Bar, ...]
    label_width: float = 230.0
    span: float = BAR_SPAN
    row: float = BAR_ROW

    @property
    def height(self) -> float:
        return self.row * len(self.bars) + 8

    @property
    def width(self) -> float:
        return self.label_width + self.span + 60


def _nice(value: float) -> float:
    """A round number at or above ``value`` for the top of an axis."""
    if value <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000,
                 100_000, 200_000, 500_000, 1_000_000):
        if value <= step:
            return float(step)
    return float(value)


def columns(id: str, title: str, labels: list[str], series: list[tuple[str, str]],
            values: list[list[float | None]], *, percent: bool = False) -> ColumnChart:
    """``values[i][j]``: column i's value of series j (stacked when several).
    With ``percent`` the values are shares (0-1) drawn and shown as percentages."""
    n = max(1, len(labels))
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    step = plot_w / n
    bar_w = max(2.0, step * 0.7)

    def scaled(v):
        return None if v is None else (v * 100 if percent else v)

    top = 100.0 if percent else _nice(max((sum(scaled(v) or 0 for v in row) for row in values), default=0))
    every = max(1, round(n / 8))
    cols = []
    for i, (label, row) in enumerate(zip(labels, values)):
        x = LEFT + i * step + (step - bar_w) / 2
        base = HEIGHT - BOTTOM
        segs = []
        for (key, name), v in zip(series, row):
            shown = "–" if v is None else (f"{v * 100:.1f}%" if percent else f"{v:g}")
            h = 0.0 if v is None else round(plot_h * scaled(v) / top, 2)
            base -= h
            segs.append(Segment(key, name, v if v is not None else 0, shown, round(x, 2), round(base, 2),
                                round(bar_w, 2), h))
        cols.append(Column(label, label[5:] if i % every == 0 else "", round(x + bar_w / 2, 2), tuple(segs)))
    desc = "; ".join(f"{c.label}: " + ", ".join(f"{s.label} {s.shown}" for s in c.segments) for c in cols)
    return ColumnChart(id, title, desc or "No stories in this range.", tuple(series), tuple(cols), top,
                       f"{top:g}%" if percent else f"{top:g}")


def bars(id: str, title: str, rows: list[tuple[str, float | None]], *, percent: bool = False) -> BarChart:
    """One bar per (label, value), scaled to the largest (or to 100%)."""
    span = BAR_SPAN
    top = 1.0 if percent else max((v or 0 for _, v in rows), default=0) or 1
    out = []
    for i, (label, v) in enumerate(rows):
        shown = "–" if v is None else (f"{v * 100:.1f}%" if percent else f"{v:g}")
        out.append(Bar(label, v or 0, shown, i * BAR_ROW + 4, round(span * (v or 0) / top, 2)))
    desc = "; ".join(f"{b.label}: {b.shown}" for b in out)
    return BarChart(id, title, desc or "Nothing to show in this range.", tuple(out))
