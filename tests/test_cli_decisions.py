"""``sourcecheck check --decisions``: findings the standards desk dismissed in
a stored report do not fail ``--fail-on``; accepted ones still do."""
from __future__ import annotations

import json

import pytest

from tests.cli_run import sourcecheck
from tests.desk_fixtures import STORY_V1


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY_V1, encoding="utf-8")
    return path


def decided(tmp_path, draft, state_of) -> str:
    """The draft's report as the service exports it, each finding decided by ``state_of(rule)``."""
    report = json.loads(sourcecheck("report", "-f", "json", "--isolated", str(draft)).stdout)
    for f in report["findings"]:
        state = state_of(f["rule"])
        f["decision"] = state and {"state": state, "note": "n", "editor": "e", "decided_at": "2026-03-03T09:00:00+00:00",
                                   "carried_from": None}
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    return str(path)


def test_without_decisions_the_draft_fails(draft):
    assert sourcecheck("check", "--isolated", "--fail-on", "info", str(draft)).returncode == 1


def test_dismissed_findings_are_suppressed_and_do_not_fail(tmp_path, draft):
    decisions = decided(tmp_path, draft, lambda rule: "dismissed")
    run = sourcecheck("check", "--isolated", "--fail-on", "info", "--decisions", decisions, str(draft))
    assert run.returncode == 0 and b"suppressed" in run.stdout


def test_accepted_findings_still_fail(tmp_path, draft):
    decisions = decided(tmp_path, draft, lambda rule: "accepted" if rule == "anonymous-only-claim" else "dismissed")
    run = sourcecheck("check", "--isolated", "--fail-on", "info", "--decisions", decisions, str(draft))
    assert run.returncode == 1 and b"anonymous-only-claim" in run.stdout and b"anonymous-without-reason" not in run.stdout


@pytest.mark.parametrize("content", [None, "not json", "[1, 2]"])
def test_an_unreadable_decisions_file_is_exit_code_2(tmp_path, draft, content):
    path = tmp_path / "d.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    run = sourcecheck("check", "--isolated", "--decisions", str(path), str(draft))
    assert run.returncode == 2 and b"d.json" in run.stderr
