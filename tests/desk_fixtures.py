"""Small invented stories and hand-made reports for the standards desk's tests."""
from __future__ import annotations

STORY_V1 = """Council delays the bridge vote

The city council delayed its vote on the river bridge on Tuesday.

"We need more time to read the engineers' report," said Maria Lopez, the council's chair.

A senior official said the cost had doubled since spring.

Residents near the site worry about traffic."""

# The second draft adds an unnamed group: a new finding the first draft did not have.
STORY_V2 = STORY_V1 + """

People familiar with the talks said the contractor had threatened to walk away."""


def quote(id: str, source_type: str, text: str = "x", speaker: str | None = None) -> dict:
    return {"id": id, "start": 0, "end": len(text), "text": text, "source_type": source_type,
            "speaker": {"start": 0, "end": len(speaker), "text": speaker} if speaker else None}


def source(id: str, name: str, type: str, reason: str | None = None) -> dict:
    return {"id": id, "name": name, "type": type, "descriptor": None,
            "anonymity_reason": {"start": 0, "end": len(reason), "text": reason} if reason else None}


def finding(rule: str, quoted: str | None, severity: str = "warning") -> dict:
    span = {"start": 0, "end": len(quoted), "text": quoted} if quoted else None
    return {"rule": rule, "severity": severity, "message": f"{rule} message", "span": span, "quote_id": None,
            "source_id": None, "suggestion": None}


def made_report(*, named: int = 0, anonymous: int = 0, institutional: int = 0, unattributed: int = 0,
                anonymous_sources: tuple[tuple[str, str | None], ...] = (), named_sources: tuple[str, ...] = (),
                findings: tuple[dict, ...] = (), title: str = "A story") -> dict:
    """A report in wire form with the given quote counts by type, sources
    ((phrase, reason) for anonymous ones) and findings."""
    quotes = ([quote(f"n{i}", "named") for i in range(named)] + [quote(f"a{i}", "anonymous") for i in range(anonymous)]
              + [quote(f"i{i}", "institutional") for i in range(institutional)]
              + [quote(f"u{i}", "unattributed") for i in range(unattributed)])
    sources = [source(f"sn{i}", n, "named") for i, n in enumerate(named_sources)] + [
        source(f"sa{i}", p, "anonymous", r) for i, (p, r) in enumerate(anonymous_sources)]
    return {"id": None, "title": title, "format": "text", "quotes": quotes, "sources": sources,
            "findings": list(findings), "score": {"value": 80, "grade": "B", "deductions": []}}
