"""The article as runs of text, each either plain or one quote's highlight.

Offsets come from the report (code points into the text as sent). Nothing
here produces markup: templates render the runs and escape every character,
so an article's own HTML is shown as text, never injected.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of the article; ``quote_id`` set when it is highlighted."""

    text: str
    quote_id: str | None = None
    source_type: str | None = None
    first: bool = False  # the quote's first highlighted run: carries its anchor
    anchors: tuple[str, ...] = ()  # element ids placed just before this run


def anchor_id(prefix: str, id: str) -> str:
    """An HTML id from a report id (``q1`` -> ``q-q1``), safe in URLs and CSS."""
    id = str(id)
    return f"{prefix}-{id if _SAFE_ID.fullmatch(id) else _UNSAFE.sub('-', id)}"


def runs(text: str, quotes: list[dict], anchors: dict[str, int] | None = None) -> list[Run]:
    """Split ``text`` at the quotes' fragments and at ``anchors`` ({id: offset}).

    A quote broken by its attribution is highlighted fragment by fragment.
    Overlapping fragments are clipped (the earlier quote keeps the overlap);
    a fragment whose offsets do not match its ``text`` is not highlighted.
    An anchor inside a highlight moves to the highlight's start.
    """
    frags = []
    for q in quotes:
        for f in q.get("fragments") or [q]:
            start, end = f.get("start"), f.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                continue
            if "text" in f and text[start:end] != f["text"]:
                continue
            frags.append((start, end, q))
    frags.sort(key=lambda f: (f[0], -f[1]))

    marks: list[tuple[int, int, dict]] = []
    for start, end, q in frags:
        start = max(start, marks[-1][1]) if marks else start
        if start < end:
            marks.append((start, end, q))

    starts = [m[0] for m in marks]
    at: dict[int, list[str]] = {}
    for name, offset in (anchors or {}).items():
        offset = min(max(0, offset), len(text))
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and marks[i][0] < offset < marks[i][1]:
            offset = marks[i][0]
        at.setdefault(offset, []).append(name)

    out: list[Run] = []
    seen: set[str] = set()
    pos = 0
    offsets = sorted(at)  # anchor offsets, consumed in order: linear, not marks x anchors

    def plain(upto: int) -> None:
        nonlocal pos
        lo = bisect.bisect_right(offsets, pos)
        hi = bisect.bisect_left(offsets, upto, lo)
        for cut in [*offsets[lo:hi], upto]:
            if cut > pos or pos in at:
                out.append(Run(text[pos:cut], anchors=tuple(at.pop(pos, ()))))
            pos = cut

    for start, end, q in marks:
        plain(start)
        qid = str(q.get("id"))
        out.append(Run(text[start:end], qid, q.get("source_type") or "unattributed",
                       first=qid not in seen, anchors=tuple(at.pop(start, ()))))
        seen.add(qid)
        pos = end
    plain(len(text))
    if at:  # anchors at the very end
        out.append(Run("", anchors=tuple(n for names in at.values() for n in names)))
    return [r for r in out if r.text or r.anchors]
