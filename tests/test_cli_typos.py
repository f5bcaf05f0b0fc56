"""A rule id that names no rule, in a suppression comment or in the
configuration, is an error at its place (exit 2, FILE:LINE:COL) with the
closest known id suggested: a typo is never silently ignored."""
import pytest

from tests.cli_run import sourcecheck


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_rule_in_a_suppression_comment_is_an_error_at_its_place(tmp_path):
    write(tmp_path / "story.md", "# Budget\n\nThe mayor claimed it. <!-- sourcecheck-disable-line loaded-verbs -->\n")
    proc = sourcecheck("check", "--isolated", "story.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert ("sourcecheck: story.md:3:53: unknown rule id 'loaded-verbs' in a suppression comment; "
            "did you mean 'loaded-verb'?") in proc.stderr.decode()


def test_every_unknown_rule_is_reported_each_on_its_line(tmp_path):
    write(tmp_path / "story.md", "<!-- sourcecheck-disable-next-line anonymus-share, loaded-verb -->\n"
                                 "Text.\n<!-- sourcecheck-disable zzz -->\n")
    err = sourcecheck("check", "--isolated", "story.md", cwd=tmp_path).stderr.decode().splitlines()
    assert "sourcecheck: story.md:1:36: unknown rule id 'anonymus-share' in a suppression comment; " \
           "did you mean 'anonymous-share'?" in err
    assert "sourcecheck: story.md:3:26: unknown rule id 'zzz' in a suppression comment" in err


@pytest.mark.parametrize("comment", [
    "<!-- sourcecheck-disable loaded-verb -->",
    "<!-- sourcecheck-disable Loaded-Verb, anonymous-* -- quoted from the filing -->",
    "<!-- sourcecheck-disable all -->",
    "<!-- sourcecheck-disable -->",
])
def test_known_ids_globs_and_all_are_accepted(tmp_path, comment):
    write(tmp_path / "story.md", f"{comment}\nThe mayor claimed the vote was rigged.\n")
    proc = sourcecheck("check", "--isolated", "story.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()


def test_a_glob_that_matches_no_rule_is_an_error(tmp_path):
    write(tmp_path / "story.md", "<!-- sourcecheck-disable anonymos-* -->\nText.\n")
    proc = sourcecheck("check", "--isolated", "story.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "story.md:1:26: unknown rule id 'anonymos-*'" in proc.stderr.decode()


def test_an_other_draft_still_gets_checked(tmp_path):
    write(tmp_path / "bad.md", "<!-- sourcecheck-disable lodaed-verb -->\nText.\n")
    write(tmp_path / "good.md", "The mayor claimed the vote was rigged.\n")
    proc = sourcecheck("check", "--isolated", "bad.md", "good.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "good.md:1:" in proc.stdout.decode()


def test_unknown_rule_in_the_config_policy_is_an_error_at_its_place(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.sourcecheck]\nfail-on = "warning"\n\n'
                                       '[tool.sourcecheck.policy.rules]\nloaded-verbs = "off"\n')
    write(tmp_path / "story.md", "Text.\n")
    proc = sourcecheck("check", "story.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert (f"sourcecheck: {tmp_path / 'pyproject.toml'}:5:1: unknown rule id 'loaded-verbs' in the "
            "policy's rules; did you mean 'loaded-verb'?") in proc.stderr.decode()


def test_unknown_rule_in_a_policy_file_is_an_error_at_its_place(tmp_path):
    write(tmp_path / "house.toml", 'max_anonymous_share = 0.5\n\n[rules.unatributed-quote]\nseverity = "info"\n')
    write(tmp_path / "story.md", "Text.\n")
    proc = sourcecheck("check", "--isolated", "--policy", "house.toml", "story.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert (f"{tmp_path / 'house.toml'}:3:8: unknown rule id 'unatributed-quote' in the policy's rules; "
            "did you mean 'unattributed-quote'?") in proc.stderr.decode()
