"""Whole news pages, as a CMS sends them, audited end to end.

``tests/fixtures/pages/`` holds short pages of our own invention (people,
places and outlets are made up) in plain text, Markdown and CMS HTML: a local
story with captions and READ MORE links, a market roundup with section labels,
a film review with titles, a Q&A, a live blog, a column with scare quotes, a
protest story with signs and a quoted law, a court story, a sports report, a
press conference, anonymous and institutional sources. Next to each page,
``NAME.expected.json`` lists every quotation a careful reader marks (kind,
exact text, speaker mention, resolved source name and type per
SOURCE_TYPES.md), the quoted words that are not quotations (scare quotes,
titles, signs, furniture), and the page furniture set aside.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from service.engine import audit, find_furniture

PAGES = Path(__file__).parent / "fixtures" / "pages"
FORMATS = {".txt": "text", ".md": "markdown", ".html": "html"}
PAGE_FILES = sorted(p for p in PAGES.iterdir() if p.suffix in FORMATS)


def _expected(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))


def _audit(page: Path):
    return audit(page.read_text(encoding="utf-8"), FORMATS[page.suffix])


def _quotes(report) -> Counter:
    sources = {s.id: s for s in report.sources}
    out = Counter()
    for q in report.quotes:
        s = sources.get(q.source_id)
        out[(q.kind, q.text, q.speaker.text if q.speaker else None,
             s.name if s else None, s.type if s else "unattributed")] += 1
    return out


def _occurrences(text: str, part: str) -> list[tuple[int, int]]:
    out, at = [], text.find(part)
    while at >= 0:
        out.append((at, at + len(part)))
        at = text.find(part, at + 1)
    return out


def test_the_pages_cover_every_format_and_enough_of_them():
    kinds = Counter(p.suffix for p in PAGE_FILES)
    assert len(PAGE_FILES) >= 15
    assert all(kinds[s] >= 5 for s in FORMATS), kinds
    assert all(p.with_name(p.stem + ".expected.json").exists() for p in PAGE_FILES)


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_page_quotes_are_exactly_the_expected_ones(page):
    want = _expected(page)
    assert want["format"] == FORMATS[page.suffix]
    expected = Counter((q["kind"], q["text"], q["speaker"], q["source"], q["type"]) for q in want["quotes"])
    got = _quotes(_audit(page))
    assert sorted(got - expected) == [] and sorted(expected - got) == []


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_page_spans_cover_their_text(page):
    report = _audit(page)
    text = report.document.text
    for q in report.quotes:
        assert q.span.of(text) == q.text
        assert all(f.of(text) in q.text for f in q.fragments)
        if q.speaker is not None:
            assert q.speaker.span.of(text) == q.speaker.text


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_page_scare_quotes_titles_and_signs_are_not_quotations(page):
    report = _audit(page)
    text = report.document.text
    for part in _expected(page)["not_quotes"]:
        spots = _occurrences(text, part)
        assert spots, f"{part!r} is not on the page"
        for a, b in spots:
            assert not [q.text for q in report.quotes if q.span.start < b and a < q.span.end], part


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_page_furniture_is_set_aside(page):
    report = _audit(page)
    text = report.document.text
    found = find_furniture(report.document)
    assert sorted((f.kind, f.span.of(text)) for f in found) == \
        sorted((f["kind"], f["text"]) for f in _expected(page)["furniture"])
    for f in found:  # nobody speaks in furniture, and no quotation or claim runs into it
        assert not [q.text for q in report.quotes if q.span.overlaps(f.span)]
        assert not [q.speaker.text for q in report.quotes if q.speaker and q.speaker.span.overlaps(f.span)]
