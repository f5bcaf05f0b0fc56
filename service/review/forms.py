"""The page's two forms, read into typed values with messages for editors."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from schemas.trends import days_before
from service.store import StoryMeta

FORMAT_CHOICES = (("auto", "Detect automatically"), ("text", "Plain text"),
                  ("markdown", "Markdown"), ("html", "HTML"))
_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
               ".html": "html", ".htm": "html"}
_HTML = re.compile(r"<(?:p|div|h[1-6]|article|section|br|span|a|em|strong|body|html)\b[^>]*>", re.I)
_MARKDOWN = re.compile(r"^(?:#{1,6}\s|>\s|[*+-]\s)|\*\*|\]\(", re.M)


class FormError(ValueError):
    """What the editor must fix, in words for them."""


@dataclass(frozen=True, slots=True)
class Submission:
    text: str
    format: str
    title: str | None
    keep: bool
    story: StoryMeta = field(default_factory=StoryMeta)


@dataclass(frozen=True, slots=True)
class ListQuery:
    """The reports list: its filters, search and page."""

    filters: "Filters"
    search: str | None = None
    desk: str | None = None
    author: str | None = None
    page: int = 1


@dataclass(frozen=True, slots=True)
class TrendsQuery:
    since: date
    until: date
    desk: str | None = None
    author: str | None = None


DECISION_STATES = ("accepted", "dismissed", "reopened")
TRENDS_WEEKS = 12
TRENDS_MAX_DAYS = 3 * 366


@dataclass(frozen=True, slots=True)
class Filters:
    min_score: int | None = None
    max_score: int | None = None
    anonymous: bool | None = None
    day: date | None = None

    @property
    def since(self) -> date | None:
        return self.day

    @property
    def until(self) -> date | None:
        if not self.day:
            return None
        return self.day + timedelta(days=1) if self.day < date.max else self.day


def read_submission(form, files) -> Submission:
    """The paste/upload form: an uploaded file wins over pasted text."""
    fmt = form.get("format", "auto")
    if fmt not in dict(FORMAT_CHOICES):
        raise FormError(f"Unknown format “{fmt}”.")
    text, filename = form.get("article", ""), None
    upload = files.get("file")
    if upload is not None and upload.filename:
        filename = upload.filename
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FormError(f"“{filename}” is not UTF-8 text. Save it as UTF-8 and try again.") from None
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise FormError("Paste an article or choose a file to check.")
    if fmt == "auto":
        fmt = detect_format(text, filename)
    title = " ".join(form.get("title", "").split()) or None
    return Submission(text=text, format=fmt, title=title, keep=form.get("keep") == "on", story=read_story(form))


def _line(form, name: str, limit: int) -> str | None:
    value = " ".join(str(form.get(name, "")).split())
    if len(value) > limit:
        raise FormError(f"The {name.replace('_', ' ')} is longer than {limit} characters.")
    return value or None


def read_story(form) -> StoryMeta:
    """The story fields of the form: authors separated by commas or semicolons,
    publication as a date or a date and time (UTC)."""
    authors = tuple(a for a in (" ".join(x.split()) for x in re.split(r"[;,]", form.get("authors", ""))) if a)
    if any(len(a) > 200 for a in authors) or len(authors) > 50:
        raise FormError("List at most 50 authors, each under 200 characters.")
    raw, published = form.get("published_at", "").strip(), None
    if raw:
        try:
            published = (datetime.fromisoformat(raw) if "T" in raw or " " in raw
                         else datetime.combine(date.fromisoformat(raw), time.min))
        except ValueError:
            raise FormError("Write the publication date as YYYY-MM-DD (a time after it is optional).") from None
        published = published.replace(tzinfo=timezone.utc) if published.tzinfo is None else published
    return StoryMeta(story_id=_line(form, "story_id", 200), url=_line(form, "url", 2000),
                     desk=_line(form, "desk", 100), authors=authors, published_at=published)


def read_decision(form) -> tuple[str, str | None]:
    """A decision on a finding: its state and note (a dismissal needs one)."""
    state = form.get("state", "")
    if state not in DECISION_STATES:
        raise FormError("Choose accept, dismiss or reopen.")
    note = " ".join(form.get("note", "").split()) or None
    if state == "dismissed" and not note:
        raise FormError("Say why the finding is dismissed: a note is required.")
    if note and len(note) > 2000:
        raise FormError("Keep the note under 2,000 characters.")
    return state, note


def read_list(args) -> ListQuery:
    """The list page's query string: the filters, ``q``, ``desk``, ``author``, ``page``."""
    raw_page = args.get("page", "1").strip() or "1"
    if not raw_page.isdigit() or int(raw_page) < 1:
        raise FormError("Pages are numbered from 1.")
    search = " ".join(args.get("q", "").split())[:200] or None
    return ListQuery(filters=read_filters(args), search=search, desk=args.get("desk", "").strip() or None,
                     author=args.get("author", "").strip() or None, page=min(int(raw_page), 1_000_000))


def read_trends(args, today: date) -> TrendsQuery:
    """The trends page's range (default: the twelve weeks to ``today``), desk and author."""
    def day(name: str) -> date | None:
        raw = args.get(name, "").strip()
        if not raw:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise FormError("Dates are written YYYY-MM-DD.") from None

    until = day("to") or today
    since = day("from") or days_before(until, TRENDS_WEEKS * 7 - 1)
    if since > until:
        raise FormError("The first day is after the last.")
    if (until - since).days >= TRENDS_MAX_DAYS:
        raise FormError(f"Ask for at most {TRENDS_MAX_DAYS} days at once.")
    return TrendsQuery(since, until, desk=args.get("desk", "").strip() or None,
                       author=args.get("author", "").strip() or None)


def detect_format(text: str, filename: str | None = None) -> str:
    """The format from the file's extension, else from the text's look."""
    if filename:
        ext = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if ext in _EXTENSIONS:
            return _EXTENSIONS[ext]
    if _HTML.search(text):
        return "html"
    if _MARKDOWN.search(text):
        return "markdown"
    return "text"


def read_filters(args) -> Filters:
    """The list page's query string; blank fields mean no filter."""
    def score(name: str) -> int | None:
        raw = args.get(name, "").strip()
        if not raw:
            return None
        if not raw.isdigit() or int(raw) > 100:
            raise FormError("Scores are whole numbers from 0 to 100.")
        return int(raw)

    anonymous = {"": None, "any": None, "yes": True, "no": False}.get(args.get("anonymous", ""), "bad")
    if anonymous == "bad":
        raise FormError("Anonymous sources: choose any, yes or no.")
    raw_day, day = args.get("date", "").strip(), None
    if raw_day:
        try:
            day = date.fromisoformat(raw_day)
        except ValueError:
            raise FormError("Dates are written YYYY-MM-DD.") from None
    lo, hi = score("min_score"), score("max_score")
    if lo is not None and hi is not None and lo > hi:
        raise FormError("The lowest score is above the highest.")
    return Filters(min_score=lo, max_score=hi, anonymous=anonymous, day=day)
