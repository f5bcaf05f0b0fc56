"""What the store keeps beside a report so lists and trends are SQL aggregates.

``facts(report, ...)`` reads a report in wire form (``dump_report``'s dict)
and gives the counted columns of its row and its child rows (authors,
findings by rule, anonymous-source phrases). ``save`` and the migration that
back-fills older rows both use it, so a number means the same either way;
docs/desk.md says how each is counted.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

SOURCE_TYPES = ("named", "anonymous", "institutional", "unattributed")


@dataclass(frozen=True)
class Facts:
    columns: dict
    authors: tuple[tuple[str, str], ...] = ()  # (key, name)
    findings: dict[str, int] = field(default_factory=dict)  # rule -> count
    phrases: dict[str, int] = field(default_factory=dict)  # phrase -> count


def author_key(name: str) -> str:
    """Authors match without regard to case or spacing."""
    return " ".join(name.split()).casefold()


def phrase_of(source: dict) -> str | None:
    """How the article names an anonymous source, casefolded ("a senior official")."""
    text = source.get("name") or ((source.get("descriptor") or {}).get("text") if isinstance(
        source.get("descriptor"), dict) else None)
    text = " ".join(str(text or "").split()).casefold()
    return text[:300] or None


def week_of(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def facts(report: dict, *, title: str | None, created_at: datetime, published_at: datetime | None = None,
          authors: list[str] | tuple[str, ...] | None = None) -> Facts:
    quotes = [q for q in report.get("quotes") or () if isinstance(q, dict)]
    sources = [s for s in report.get("sources") or () if isinstance(s, dict)]
    by_type = Counter(q.get("source_type") if q.get("source_type") in SOURCE_TYPES else "unattributed"
                      for q in quotes)
    anonymous = [s for s in sources if s.get("type") == "anonymous"]
    quoted_sources = [s for s in sources if s.get("type") != "unattributed"]
    day = (published_at or created_at).date()
    speakers = [s.get("name") for s in sources] + [
        (q.get("speaker") or {}).get("text") for q in quotes if isinstance(q.get("speaker"), dict)]
    search = " ".join(str(x) for x in [title or report.get("title") or "", *speakers] if x)
    columns = {
        "day": day,
        "week": week_of(day),
        "quotes_named": by_type["named"],
        "quotes_anonymous": by_type["anonymous"],
        "quotes_institutional": by_type["institutional"],
        "quotes_unattributed": by_type["unattributed"],
        "sources": len(quoted_sources),
        "anonymous_sources": len(anonymous),
        "anonymous_with_reason": sum(1 for s in anonymous if s.get("anonymity_reason")),
        "single_source": len(quoted_sources) == 1,
        "search_text": " ".join(search.split()).casefold(),
    }
    names: dict[str, str] = {}
    for name in authors or ():
        name = " ".join(str(name).split())[:200]
        if name:
            names.setdefault(author_key(name), name)
    rules = Counter(str(f.get("rule"))[:100] for f in report.get("findings") or () if isinstance(f, dict))
    phrases = Counter(p for p in map(phrase_of, anonymous) if p)
    return Facts(columns, tuple(names.items()), dict(rules), dict(phrases))
