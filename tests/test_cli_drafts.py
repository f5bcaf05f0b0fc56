"""Turning PATH arguments into drafts."""
import os

import pytest

from service.cli.drafts import Draft, collect, format_for, read
from service.cli.errors import FileError


@pytest.mark.parametrize("name, fmt", [
    ("a.md", "markdown"), ("a.MARKDOWN", "markdown"), ("a.html", "html"), ("a.htm", "html"),
    ("a.txt", "text"), ("README", "text"), ("a.rst", "text"), (".md", "text"),
])
def test_format_is_guessed_from_the_extension(name, fmt):
    assert format_for(name) == fmt


@pytest.fixture
def tree(tmp_path, monkeypatch):
    for name in ("a.md", "b.html", "notes.rst", "sub/c.txt", ".hidden/d.md", "node_modules/e.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Text.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_folder_walk_finds_drafts_in_order_and_skips_hidden_folders(tree):
    drafts, errors = collect(["."])
    assert drafts == [Draft("a.md", "markdown"), Draft("b.html", "html"), Draft(os.path.join("sub", "c.txt"), "text")]
    assert errors == []


def test_each_file_is_checked_once(tree):
    drafts, _ = collect(["a.md", ".", "./a.md"])
    assert [d.path for d in drafts].count("a.md") == 1


def test_named_file_is_checked_whatever_its_extension(tree):
    assert collect(["notes.rst"])[0] == [Draft("notes.rst", "text")]


def test_input_format_overrides_the_extension(tree):
    assert collect(["notes.rst"], input_format="markdown")[0] == [Draft("notes.rst", "markdown")]


def test_glob_with_double_star_is_recursive(tree):
    assert [d.path for d in collect(["**/*.txt"])[0]] == [os.path.join("sub", "c.txt")]


@pytest.mark.parametrize("arg, reason", [
    ("missing.md", "no such file or folder"),
    ("*.docx", "no files match this pattern"),
    ("sub/", None),
])
def test_arguments_that_name_nothing_are_errors(tree, arg, reason):
    (tree / "sub" / "c.txt").unlink()
    drafts, errors = collect([arg])
    assert drafts == []
    assert errors[0].path == arg
    assert errors[0].reason == (reason or "no drafts in this folder (looked for .htm, .html, .markdown, .md, .txt)")


@pytest.mark.parametrize("pattern", ["sub", "sub/*", "*.html", "**/c.txt"])
def test_exclude_patterns_apply_to_walked_files(tree, pattern):
    paths = [d.path for d in collect(["."], exclude=(pattern,))[0]]
    assert len(paths) == 2


def test_read_keeps_line_endings_and_drops_a_bom(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"\xef\xbb\xbfOne.\r\nTwo.\r\n")
    assert read(Draft(str(path), "text")) == "One.\r\nTwo.\r\n"


def test_read_rejects_non_utf8(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"na\xefve")
    with pytest.raises(FileError, match=r"not valid UTF-8 \(byte 2\)"):
        read(Draft(str(path), "text"))
