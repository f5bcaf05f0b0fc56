"""``sourcecheck batch``: JSONL archives, serially, on local processes and
on a two-process Dask local cluster - all with the same output."""
import json

import pytest

from service.cli.batch import chunks, parse_record, RecordError
from tests.cli_run import CLI_FIXTURES, sourcecheck

ARCHIVE = str(CLI_FIXTURES / "archive.jsonl")
ERRORS = {
    5: {"id": None, "line": 5, "error": {"kind": "record", "message":
        "not valid JSON: Expecting property name enclosed in double quotes (column 2)"}},
    6: {"id": "a5", "line": 6, "error": {"kind": "record", "message": "'format' must be one of text, markdown, html"}},
    7: {"id": "a6", "line": 7, "error": {"kind": "record", "message": "'text' must be a string"}},
    8: {"id": None, "line": 8, "error": {"kind": "record", "message": "each line must be a JSON object"}},
    10: {"id": "a8", "line": 10, "error": {"kind": "input", "message": "input looks like binary data, not text"}},
}


@pytest.fixture(scope="module")
def serial():
    return sourcecheck("batch", "--jobs", "1", ARCHIVE)


def test_batch_writes_one_line_per_article_in_input_order(serial):
    out = [json.loads(line) for line in serial.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["a1", "a2", "a3", None, "a5", "a6", None, "7", "a8", "a9"]


def test_batch_reports_are_the_api_reports(serial):
    from schemas.report import ReportSchema

    reports = [json.loads(line) for line in serial.stdout.decode().splitlines()]
    good = [r for r in reports if "error" not in r]
    assert [(r["id"], r["format"], r["title"]) for r in good] == [
        ("a1", "text", "Budget"), ("a2", "markdown", None), ("a3", "html", None), ("7", "text", None),
        ("a9", "text", None)]
    assert all(ReportSchema().validate(r) == {} for r in good)


def test_bad_lines_become_error_objects_with_their_line_numbers(serial):
    out = [json.loads(line) for line in serial.stdout.decode().splitlines()]
    assert [o for o in out if "error" in o] == list(ERRORS.values())


def test_batch_with_bad_lines_finishes_and_exits_2(serial):
    assert serial.returncode == 2
    assert serial.stderr.decode().strip() == (
        "sourcecheck: 5 of 10 lines could not be audited (4 record, 1 input); see the error objects in the output")


def test_batch_with_only_good_lines_exits_0(tmp_path):
    archive = tmp_path / "good.jsonl"
    archive.write_text('{"id": "x", "text": "One article."}\n{"id": "y", "text": "Another."}\n')
    proc = sourcecheck("batch", str(archive))
    assert proc.returncode == 0
    assert len(proc.stdout.decode().splitlines()) == 2


def test_batch_reads_stdin_and_writes_a_file(tmp_path):
    out = tmp_path / "reports.jsonl"
    proc = sourcecheck("batch", "-o", str(out), input=b'{"id": "s1", "text": "From stdin."}\n')
    assert proc.returncode == 0
    assert json.loads(out.read_text())["id"] == "s1"


def test_batch_on_local_processes_matches_the_serial_run(serial):
    proc = sourcecheck("batch", "--jobs", "2", "--chunk-size", "2", ARCHIVE)
    assert proc.stdout == serial.stdout
    assert proc.returncode == 2


def test_batch_on_a_two_process_dask_local_cluster_matches_the_serial_run(serial):
    proc = sourcecheck("batch", "--dask", "local:2", "--chunk-size", "1", "--no-progress", ARCHIVE, timeout=180)
    assert proc.stdout == serial.stdout
    assert proc.returncode == 2


@pytest.mark.parametrize("args, jobs", [((), 3), (("--jobs", "0"), 3), (("--jobs", "1"), 1),
                                        (("--dask", "local"), 3)])
def test_batch_uses_every_core_unless_told(tmp_path, monkeypatch, args, jobs):
    from click.testing import CliRunner

    from service.cli import batch as batch_mod
    from service.cli.commands import cli

    seen = []
    monkeypatch.setattr("os.cpu_count", lambda: 3)
    monkeypatch.setattr(batch_mod, "run", lambda lines, spec, **kw: seen.append(kw) or iter(()))
    archive = tmp_path / "a.jsonl"
    archive.write_text('{"id": "x", "text": "Hello."}\n')
    result = CliRunner().invoke(cli, ["batch", "--isolated", "--no-progress", *args, str(archive)])
    assert result.exit_code == 0, result.output
    assert [kw["jobs"] for kw in seen] == [jobs]


def test_missing_archive_exits_2():
    proc = sourcecheck("batch", "no-such.jsonl")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "sourcecheck: no-such.jsonl: no such file"


# --- units ----------------------------------------------------------------------------------

def test_blank_lines_are_skipped_but_counted():
    assert list(chunks([b'{"a":1}\n', b"\n", b"  \n", b'{"b":2}\r\n', b'{"c":3}'], 2)) == [
        [(1, b'{"a":1}'), (4, b'{"b":2}')], [(5, b'{"c":3}')]]


@pytest.mark.parametrize("raw, message", [
    (b"\xff{}", "line is not valid UTF-8 (byte 0)"),
    (b'{"id": "x", "text": 3}', "'text' must be a string"),
    (b'{"id": true, "text": "t"}', "'id' must be a string"),
    (b'{"id": "x", "text": "t", "title": 5}', "'title' must be a string"),
])
def test_invalid_records_say_what_is_wrong(raw, message):
    with pytest.raises(RecordError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_record(raw)


def test_record_with_an_integer_id_gets_a_string_id():
    assert parse_record(b'{"id": 12, "text": "t"}')["id"] == "12"


def test_progress_bar_is_shown_when_stderr_is_a_terminal(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    from tests.cli_run import ROOT, env

    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    out = tmp_path / "reports.jsonl"
    proc = subprocess.run([sys.executable, "-m", "service.cli", "batch", "-o", str(out), ARCHIVE],
                          cwd=ROOT, env=env(), stdout=subprocess.DEVNULL, stderr=slave, timeout=120)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.returncode == 2
    assert b"11/11" in shown  # lines read of the file's 11 (a blank one included)


def test_progress_can_be_forced_on_when_stderr_is_a_pipe():
    proc = sourcecheck("batch", "--progress", ARCHIVE)
    assert b"11/11" in proc.stderr
