"""``check --changed-since REF``: only the drafts added or modified since a
git ref, so a pull request's check takes the time of its own drafts. Each
test builds its own small repository."""
import shutil
import subprocess

import pytest

from tests.cli_run import sourcecheck

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

FLAGGED = "The mayor claimed the vote was rigged.\n"  # one loaded-verb warning


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=Test Desk", "-c", "user.email=desk@example.org",
                    "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=repo, check=True, capture_output=True)


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    """main: three old drafts with findings and a note; then a branch."""
    git(tmp_path, "init", "-q")
    for name in ("old1.md", "old2.md", "gone.md"):
        write(tmp_path / "drafts" / name, FLAGGED)
    write(tmp_path / "notes.rst", "Not a draft.\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "archive")
    git(tmp_path, "checkout", "-q", "-b", "story")
    return tmp_path


def changed(repo, *args):
    proc = sourcecheck("check", "--isolated", "--changed-since", "main", *args, cwd=repo)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def checked_files(out: str) -> set[str]:
    return {line.split(":", 1)[0] for line in out.splitlines() if ":" in line.split(" ", 1)[0]}


def test_only_added_and_modified_drafts_are_checked(repo):
    write(repo / "drafts" / "old1.md", FLAGGED + "\nA line more.\n")  # modified, committed
    write(repo / "drafts" / "new.md", FLAGGED)  # added, committed
    (repo / "drafts" / "gone.md").unlink()  # deleted
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "story")
    write(repo / "drafts" / "draft.md", FLAGGED)  # new, not yet committed
    code, out, _ = changed(repo)
    assert code == 0
    assert checked_files(out) == {"drafts/old1.md", "drafts/new.md", "drafts/draft.md"}
    assert out.splitlines()[-1] == "3 findings (3 warnings) in 3 of 3 drafts."


def test_uncommitted_edits_count(repo):
    write(repo / "drafts" / "old2.md", FLAGGED + "More.\n")
    code, out, _ = changed(repo)
    assert checked_files(out) == {"drafts/old2.md"}


def test_files_that_are_not_drafts_are_left_out(repo):
    write(repo / "notes.rst", "Changed.\n")
    write(repo / "script.py", "print('hi')\n")
    code, out, err = changed(repo)
    assert (code, out) == (0, "No findings in 0 drafts.\n")
    assert "no drafts changed since main" in err


def test_paths_narrow_the_changed_drafts(repo):
    write(repo / "drafts" / "old1.md", FLAGGED + "More.\n")
    write(repo / "features" / "long.md", FLAGGED)
    code, out, _ = changed(repo, "features/")
    assert checked_files(out) == {"features/long.md"}


def test_excluded_drafts_are_left_out(repo):
    write(repo / "drafts" / "old1.md", FLAGGED + "More.\n")
    write(repo / "archive" / "x.md", FLAGGED)
    code, out, _ = changed(repo, "--exclude", "archive/**")
    assert checked_files(out) == {"drafts/old1.md"}


def test_it_works_from_a_subfolder(repo):
    write(repo / "drafts" / "old1.md", FLAGGED + "More.\n")
    proc = sourcecheck("check", "--isolated", "--changed-since", "main", cwd=repo / "drafts")
    assert checked_files(proc.stdout.decode()) == {"old1.md"}


def test_a_branch_that_moved_on_counts_from_where_this_one_left_it(repo):
    write(repo / "drafts" / "mine.md", FLAGGED)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "mine")
    git(repo, "checkout", "-q", "main")
    write(repo / "drafts" / "theirs.md", FLAGGED)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "theirs")
    git(repo, "checkout", "-q", "story")
    code, out, _ = changed(repo)
    assert checked_files(out) == {"drafts/mine.md"}


def test_with_the_baseline_a_pull_request_sees_only_its_new_findings(repo):
    assert sourcecheck("baseline", "--isolated", "drafts/", cwd=repo).returncode == 0
    write(repo / "drafts" / "old1.md", "A new lede.\n\n" + FLAGGED + "\nMaria Lopez alleged the count was wrong.\n")
    code, out, _ = changed(repo, "--fail-on", "warning", "--baseline", ".sourcecheck-baseline.json")
    assert code == 1
    assert out.splitlines() == [
        'drafts/old1.md:5:13: warning loaded-verb "alleged" is not neutral (implies the statement is unproven); '
        '"said" is. (suggestion: said)',
        "1 finding (1 warning) in 1 of 1 draft; 1 in the baseline.",
    ]


def test_an_unknown_ref_is_an_error(repo):
    proc = sourcecheck("check", "--changed-since", "no-such-branch", cwd=repo)
    assert proc.returncode == 2
    assert "--changed-since no-such-branch: not a commit, branch or tag in this repository" in proc.stderr.decode()


def test_outside_a_repository_it_is_an_error(tmp_path):
    proc = sourcecheck("check", "--changed-since", "main", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("sourcecheck: git rev-parse: ")


def test_check_needs_paths_or_changed_since(tmp_path):
    proc = sourcecheck("check", cwd=tmp_path)
    assert proc.returncode == 2
    assert "give the drafts to check" in proc.stderr.decode()
