"""Reading the paste/upload form and the list filters."""
from __future__ import annotations

import io
from datetime import date

import pytest
from werkzeug.datastructures import FileStorage, MultiDict

from service.review.forms import Filters, FormError, detect_format, read_filters, read_submission


def submit(files=None, **form):
    return read_submission(MultiDict(form), MultiDict(files or {}))


def upload(data: bytes, name: str) -> dict:
    return {"file": FileStorage(io.BytesIO(data), filename=name)}


def test_submission_fields():
    sub = submit(article="He said “hi”.", title="  A   title ", keep="on", format="text")
    assert (sub.text, sub.title, sub.keep, sub.format) == ("He said “hi”.", "A title", True, "text")


def test_an_unticked_keep_box_means_do_not_keep():
    assert submit(article="x").keep is False


def test_windows_line_endings_become_newlines():
    assert submit(article="a\r\nb").text == "a\nb"


def test_an_uploaded_file_wins_over_pasted_text():
    sub = submit(upload("# Head\n\nBody".encode(), "story.md"), article="ignored")
    assert (sub.text, sub.format) == ("# Head\n\nBody", "markdown")


def test_an_uploaded_file_with_a_byte_order_mark_is_read():
    assert submit(upload(b"\xef\xbb\xbfHello", "a.txt")).text == "Hello"


def test_an_upload_that_is_not_utf8_is_refused_with_a_message():
    with pytest.raises(FormError, match="“story.txt” is not UTF-8"):
        submit(upload(b"caf\xe9", "story.txt"))


@pytest.mark.parametrize("article", ["", "   \n  "])
def test_nothing_to_check_is_refused(article):
    with pytest.raises(FormError, match="Paste an article"):
        submit(article=article)


def test_an_unknown_format_is_refused():
    with pytest.raises(FormError, match="Unknown format"):
        submit(article="x", format="docx")


@pytest.mark.parametrize(("text", "filename", "expected"), [
    ("anything", "a.HTML", "html"),
    ("anything", "a.markdown", "markdown"),
    ("<p>x</p>", "a.txt", "text"),
    ("<p>Para</p>", None, "html"),
    ("# Heading\n\nText", None, "markdown"),
    ("A [link](http://x)", None, "markdown"),
    ("He said 3 < 4 and 5 > 2.", None, "text"),
    ("Plain words.", "noext", "text"),
])
def test_detect_format(text, filename, expected):
    assert detect_format(text, filename) == expected


@pytest.mark.parametrize(("args", "expected"), [
    ({}, Filters()),
    ({"min_score": "50", "max_score": "90"}, Filters(min_score=50, max_score=90)),
    ({"anonymous": "yes"}, Filters(anonymous=True)),
    ({"anonymous": "no"}, Filters(anonymous=False)),
    ({"anonymous": "any", "min_score": " "}, Filters()),
    ({"date": "2026-11-28"}, Filters(day=date(2026, 11, 28))),
])
def test_read_filters(args, expected):
    assert read_filters(MultiDict(args)) == expected


def test_a_day_filter_spans_that_utc_day():
    f = read_filters(MultiDict({"date": "2026-11-28"}))
    assert (f.since, f.until) == (date(2026, 11, 28), date(2026, 11, 29))


@pytest.mark.parametrize(("args", "message"), [
    ({"min_score": "-1"}, "whole numbers from 0 to 100"),
    ({"max_score": "101"}, "whole numbers from 0 to 100"),
    ({"min_score": "7.5"}, "whole numbers from 0 to 100"),
    ({"min_score": "80", "max_score": "20"}, "lowest score is above the highest"),
    ({"anonymous": "maybe"}, "choose any, yes or no"),
    ({"date": "28/11/2026"}, "YYYY-MM-DD"),
])
def test_bad_filters_are_refused_with_a_message(args, message):
    with pytest.raises(FormError, match=message):
        read_filters(MultiDict(args))
