"""The page's two forms, read into typed values with messages for editors."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

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
        return self.day + timedelta(days=1) if self.day else None


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
    return Submission(text=text, format=fmt, title=title, keep=form.get("keep") == "on")


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
