"""The baseline: a newsroom records its archive's findings once, then
``check`` reports and fails only on findings a change introduced."""
import json

import pytest

from tests.cli_run import sourcecheck

OLD_STORY = 'The mayor claimed the vote was rigged.\n\n"It was a fix," a senior official said.\n'
OLD_FINDINGS = ["anonymous-only-claim", "anonymous-without-basis", "anonymous-without-reason", "loaded-verb"]
NEW_SENTENCE = "The mayor alleged the count was wrong."  # a loaded verb: one new finding


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path, *args):
    proc = sourcecheck(*args, cwd=tmp_path)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


@pytest.fixture
def archive(tmp_path):
    """An archive with one old story that has findings and a clean one,
    and its baseline recorded."""
    write(tmp_path / "drafts" / "old.md", OLD_STORY)
    write(tmp_path / "drafts" / "clean.md", "The council met on Monday.\n")
    code, out, err = run(tmp_path, "baseline", "--isolated", "drafts/")
    assert (code, err) == (0, "")
    assert out == "Recorded 4 findings in 1 of 2 drafts to .sourcecheck-baseline.json.\n"
    return tmp_path


def baseline_entries(folder, name=".sourcecheck-baseline.json"):
    return json.loads((folder / name).read_text(encoding="utf-8"))["findings"]


def test_baseline_records_rule_file_words_and_a_fingerprint(archive):
    data = json.loads((archive / ".sourcecheck-baseline.json").read_text(encoding="utf-8"))
    assert data["sourcecheck-baseline"] == 1
    assert [(e["path"], e["rule"]) for e in data["findings"]] == [("drafts/old.md", r) for r in OLD_FINDINGS]
    assert {e["words"] for e in data["findings"]} == {"It was a fix,", "a senior official", "claimed"}
    assert all(len(e["fingerprint"]) == 64 and "line" not in e for e in data["findings"])


def test_check_with_the_baseline_reports_nothing_old_and_says_how_many(archive):
    code, out, _ = run(archive, "check", "--isolated", "--fail-on", "info", "--baseline",
                       ".sourcecheck-baseline.json", "drafts/")
    assert (code, out) == (0, "No findings in 2 drafts; 4 in the baseline.\n")


def test_without_the_baseline_the_old_findings_fail_the_check(archive):
    code, out, _ = run(archive, "check", "--isolated", "--fail-on", "info", "drafts/")
    assert code == 1 and out.count("drafts/old.md:") == 4


def test_only_the_new_finding_is_reported_after_lines_move(archive):
    write(archive / "drafts" / "old.md", f"A new lede.\n\n{NEW_SENTENCE}\n\n\n{OLD_STORY}")
    code, out, _ = run(archive, "check", "--isolated", "--fail-on", "warning", "--baseline",
                       ".sourcecheck-baseline.json", "drafts/")
    assert code == 1
    assert out.splitlines() == [
        'drafts/old.md:3:11: warning loaded-verb "alleged" is not neutral (implies the statement is unproven); '
        '"said" is. (suggestion: said)',
        "1 finding (1 warning) in 1 of 2 drafts; 4 in the baseline.",
    ]


def test_the_same_words_in_a_new_sentence_are_a_new_finding(archive):
    write(archive / "drafts" / "old.md", f"Maria Lopez claimed the count was wrong.\n\n{OLD_STORY}")
    code, out, _ = run(archive, "check", "--isolated", "--baseline", ".sourcecheck-baseline.json", "drafts/")
    assert out.splitlines()[0].startswith("drafts/old.md:1:13: warning loaded-verb")
    assert out.endswith("1 finding (1 warning) in 1 of 2 drafts; 4 in the baseline.\n")


def test_editing_the_flagged_sentence_makes_its_finding_new(archive):
    write(archive / "drafts" / "old.md", OLD_STORY.replace("was rigged", "had been rigged"))
    code, out, _ = run(archive, "check", "--isolated", "--baseline", ".sourcecheck-baseline.json", "drafts/")
    assert "drafts/old.md:1:11: warning loaded-verb" in out
    assert out.endswith("; 3 in the baseline.\n")


def test_the_baseline_matches_from_another_working_folder(archive):
    code, out, _ = run(archive / "drafts", "check", "--isolated", "--baseline", "../.sourcecheck-baseline.json",
                       "old.md")
    assert (code, out) == (0, "No findings in 1 draft; 4 in the baseline.\n")


def test_a_fixed_finding_is_reported_as_gone(archive):
    write(archive / "drafts" / "old.md", OLD_STORY.replace("claimed", "said"))
    code, out, err = run(archive, "check", "--isolated", "--baseline", ".sourcecheck-baseline.json", "drafts/")
    assert (code, out) == (0, "No findings in 2 drafts; 3 in the baseline.\n")
    assert "1 baselined finding no longer found" in err


def test_update_baseline_rewrites_it_with_todays_findings(archive):
    write(archive / "drafts" / "old.md", f"{NEW_SENTENCE}\n\n{OLD_STORY.replace('claimed', 'said')}")
    code, out, err = run(archive, "check", "--isolated", "--fail-on", "info", "--baseline",
                         ".sourcecheck-baseline.json", "--update-baseline", "drafts/")
    assert code == 0
    assert "wrote 4 findings to .sourcecheck-baseline.json" in err
    assert out == "No findings in 2 drafts; 4 in the baseline.\n"
    assert {e["words"] for e in baseline_entries(archive) if e["rule"] == "loaded-verb"} == {"alleged"}


def test_update_baseline_keeps_the_entries_of_drafts_not_checked(archive):
    write(archive / "drafts" / "new.md", f"{NEW_SENTENCE}\n")
    code, _, _ = run(archive, "check", "--isolated", "--update-baseline", "drafts/new.md")
    assert code == 0
    assert sorted({e["path"] for e in baseline_entries(archive)}) == ["drafts/new.md", "drafts/old.md"]
    assert len(baseline_entries(archive)) == 5


def test_the_configured_baseline_is_used_automatically(archive):
    write(archive / ".sourcecheck.toml", 'fail-on = "info"\nbaseline = "ci/accepted.json"\n')
    code, out, _ = run(archive, "baseline", "drafts/")
    assert (code, out) == (0, f"Recorded 4 findings in 1 of 2 drafts to {archive / 'ci' / 'accepted.json'}.\n")
    code, out, _ = run(archive, "check", "drafts/")
    assert (code, out) == (0, "No findings in 2 drafts; 4 in the baseline.\n")
    code, out, _ = run(archive, "check", "--no-baseline", "drafts/")
    assert code == 1 and out.count("drafts/old.md:") == 4


def test_config_shows_the_baseline_and_where_it_came_from(archive):
    write(archive / ".sourcecheck.toml", 'baseline = "ci/accepted.json"\n')
    code, out, _ = run(archive, "config", "-f", "json")
    doc = json.loads(out)
    assert doc["config"]["baseline"] == str(archive / "ci" / "accepted.json")
    assert doc["origins"]["baseline"] == str(archive / ".sourcecheck.toml")


def test_a_missing_baseline_is_an_error(tmp_path):
    write(tmp_path / "story.md", "Text.\n")
    code, _, err = run(tmp_path, "check", "--baseline", "nope.json", "story.md")
    assert code == 2
    assert "sourcecheck: baseline nope.json: no such file (record one with: sourcecheck baseline PATHS " \
           "-o nope.json)" in err


@pytest.mark.parametrize("content", ["not json", '{"findings": []}', '{"sourcecheck-baseline": 1, "findings": [1]}'])
def test_a_broken_baseline_is_an_error(tmp_path, content):
    write(tmp_path / "story.md", "Text.\n")
    write(tmp_path / "b.json", content)
    code, _, err = run(tmp_path, "check", "--baseline", "b.json", "story.md")
    assert code == 2 and err.startswith("sourcecheck: baseline b.json: ")


def test_no_baseline_is_written_when_a_draft_cannot_be_checked(tmp_path):
    write(tmp_path / "story.md", OLD_STORY)
    code, _, err = run(tmp_path, "baseline", "story.md", "missing.md")
    assert code == 2
    assert "no baseline written" in err
    assert not (tmp_path / ".sourcecheck-baseline.json").exists()


def test_a_bad_baseline_setting_is_a_config_error(tmp_path):
    write(tmp_path / ".sourcecheck.toml", "baseline = 3\n")
    write(tmp_path / "story.md", "Text.\n")
    code, _, err = run(tmp_path, "check", "story.md")
    assert code == 2 and "baseline: must be a path" in err


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "junit", "github"])
def test_every_format_leaves_baselined_findings_out_of_what_is_new(archive, fmt):
    write(archive / "drafts" / "old.md", f"{NEW_SENTENCE}\n\n{OLD_STORY}")
    code, out, _ = run(archive, "check", "--isolated", "-f", fmt, "--baseline", ".sourcecheck-baseline.json",
                       "drafts/old.md")
    assert code == 0  # a new warning, --fail-on error
    if fmt == "json":
        doc = json.loads(out)
        assert doc["baseline"] == {"file": ".sourcecheck-baseline.json", "baselined": 4}
        assert [f["baselined"] for f in doc["files"][0]["findings"]].count(False) == 1
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        assert sorted(r["baselineState"] for r in results) == ["new"] + ["unchanged"] * 4
        assert all(r["suppressions"][0]["kind"] == "external" for r in results if r["baselineState"] == "unchanged")
    elif fmt == "gitlab":
        assert [i["description"][:22] for i in json.loads(out)] == ['"alleged" is not neutr']
    elif fmt == "junit":
        assert out.count("<testcase ") == 1 and 'name="loaded-verb &quot;alleged&quot;"' in out
    else:
        assert out.count("::warning ") == 1
