"""``sourcecheck report FILE``: one draft's report for a person to read -
score, a table of quotes (where, kind, source type, speaker, words), the
sources, the findings and the sourcing summary."""
from __future__ import annotations

from . import one_line


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned columns, two spaces apart, a rule under the headers."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    fmt = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return [fmt(headers), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]


def clip(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def render(result, width: int = 100) -> str:
    report, doc = result.report, result.report.document
    line_col = lambda span: "{}:{}".format(*doc.line_col(doc.to_source(span).start))  # noqa: E731
    out = [report.title] if report.title else []  # the path is on the next line: once is enough
    words = len(doc.text.split())
    out.append(f"{result.path} ({doc.format}): {words} words, {len(doc.sentences)} sentences, "
               f"{len(doc.paragraphs)} paragraphs")
    if report.score is not None:
        out.append(f"Score: {report.score.value}/100 (grade {report.score.grade})")
        for d in report.score.deductions:
            out.append(f"  -{d.points:g} {d.rule} x{d.count}: {one_line(d.reason)}")
    out.append("")

    out.append(f"Quotes ({len(report.quotes)})")
    if report.quotes:
        rows = []
        for i, q in enumerate(report.quotes, 1):
            src = report.source(q.source_id)
            speaker = q.speaker.text if q.speaker else (src.name if src else "-")
            rows.append([str(i), line_col(q.span), q.kind, src.type if src else "unattributed",
                         clip(speaker, 28), ""])
        headers = ["#", "Where", "Kind", "Type", "Speaker", "Quote"]
        fixed = sum(max(len(h), *(len(r[i]) for r in rows)) + 2 for i, h in enumerate(headers[:-1]))
        for row, q in zip(rows, report.quotes):
            row[-1] = clip(q.text, max(24, width - fixed))
        out += table(headers, rows)
    else:
        out.append("No quotations found.")
    out.append("")

    if report.sources:
        out.append(f"Sources ({len(report.sources)})")
        rows = [[s.id, s.type, clip(s.name, 40), str(len(s.quote_ids)),
                 clip(s.anonymity_reason.text, 40) if s.anonymity_reason else ""] for s in report.sources]
        out += table(["Id", "Type", "Name", "Quotes", "Anonymity reason"], rows)
        out.append("")

    muted = f", {len(result.suppressed)} suppressed" if result.suppressed else ""
    out.append(f"Findings ({len(result.active)}{muted})")
    if result.findings:
        rows = [[f"{f.line}:{f.column}", f.finding.severity, f.finding.rule,
                 clip(f.finding.message, 70) + (" (suppressed)" if f.suppressed else "")]
                for f in result.findings]
        out += table(["Where", "Severity", "Rule", "Message"], rows)
    else:
        out.append("None.")
    out.append("")

    s = report.summary
    if s.quotes or s.sources:
        by_type = ", ".join(f"{k} {v}" for k, v in sorted(s.quotes_by_type.items())) or "-"
        out.append(f"Summary: {s.quotes} quotes ({by_type}); {s.sources} sources; "
                   f"anonymous quote share {s.anonymous_quote_share:.0%}")
    return "\n".join(out).rstrip("\n") + "\n"
