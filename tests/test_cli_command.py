"""The ``sourcecheck`` command end to end: a real subprocess on fixture
drafts (Markdown, HTML, text), with stand-in finding rules
(``fixtures/cli/stub_rules.py``, a test double: fixed findings on fixed words,
whatever the engine finds). ``test_cli_rules.py`` runs the real rules."""
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from tests.cli_run import DRAFTS, SARIF_SCHEMA, sourcecheck

MD, HTML, TXT, CLEAN = (f"tests/fixtures/cli/drafts/{n}" for n in ("story.md", "story.html", "story.txt", "clean.md"))


def lines(proc) -> list[str]:
    return proc.stdout.decode("utf-8").splitlines()


# --- text output: file:line:col: severity rule message -------------------------------

@pytest.mark.parametrize("path, expected", [
    (MD, [
        f"{MD}:5:54: warning anonymous-source Quote attributed to unnamed officials; say why they were granted anonymity.",
        f'{MD}:6:46: info loaded-verb Loaded verb "claimed": 100% of readers notice it, a neutral verb reads fairer (suggestion: said)',
        f"{MD}:11:3: error unattributed-claim Claim with no source: who says so?",
        f"{MD}:17:19: warning anonymous-source Quote attributed to unnamed officials; say why they were granted anonymity.",
        "4 findings (1 error, 2 warnings, 1 info) in 1 of 1 draft; 2 suppressed.",
    ]),
    (HTML, [
        f"{HTML}:5:79: warning anonymous-source Quote attributed to unnamed officials; say why they were granted anonymity.",
        f'{HTML}:6:52: info loaded-verb Loaded verb "claimed": 100% of readers notice it, a neutral verb reads fairer (suggestion: said)',
        f"{HTML}:8:4: error unattributed-claim Claim with no source: who says so?",
        "3 findings (1 error, 1 warning, 1 info) in 1 of 1 draft; 1 suppressed.",
    ]),
    (TXT, [
        f"{TXT}:3:52: warning anonymous-source Quote attributed to unnamed officials; say why they were granted anonymity.",
        f'{TXT}:4:44: info loaded-verb Loaded verb "claimed": 100% of readers notice it, a neutral verb reads fairer (suggestion: said)',
        f"{TXT}:6:1: error unattributed-claim Claim with no source: who says so?",
        "3 findings (1 error, 1 warning, 1 info) in 1 of 1 draft.",
    ]),
])
def test_check_prints_each_finding_at_its_line_and_column_in_the_file(path, expected):
    proc = sourcecheck("check", path, stub=True)
    assert lines(proc) == expected
    assert proc.returncode == 1


def test_reported_line_and_column_point_at_the_flagged_words_in_the_file():
    proc = sourcecheck("check", MD, HTML, TXT, stub=True)
    words = {"anonymous-source": "officials", "loaded-verb": "claimed", "unattributed-claim": "RUMOUR"}
    for line in lines(proc)[:-1]:
        where, severity, rule, _ = line.split(" ", 3)
        path, ln, col, _ = where.split(":")
        text = (DRAFTS.parent.parent.parent.parent / path).read_text(encoding="utf-8").split("\n")[int(ln) - 1]
        assert text[int(col) - 1:].startswith(words[rule])


def test_check_of_a_clean_draft_exits_0():
    proc = sourcecheck("check", CLEAN, stub=True)
    assert proc.returncode == 0
    assert lines(proc) == ["No findings in 1 draft."]


# --- exit codes ------------------------------------------------------------------------

@pytest.mark.parametrize("fail_on, code", [("info", 1), ("warning", 1), ("error", 1), ("never", 0)])
def test_fail_on_sets_the_severity_that_fails(fail_on, code):
    assert sourcecheck("check", "--fail-on", fail_on, MD, stub=True).returncode == code


@pytest.mark.parametrize("fail_on, code", [("info", 1), ("warning", 0), ("error", 0)])
def test_fail_on_counts_only_unsuppressed_findings(tmp_path, fail_on, code):
    draft = tmp_path / "d.md"
    draft.write_text("The mayor claimed it.\n\n<!-- sourcecheck-disable -->\nRUMOUR and officials said so.\n")
    assert sourcecheck("check", "--fail-on", fail_on, str(draft), stub=True).returncode == code


def test_missing_file_is_an_error_never_a_silent_pass():
    proc = sourcecheck("check", "drafts/no-such-draft.md", stub=True)
    assert proc.returncode == 2
    assert "drafts/no-such-draft.md: no such file or folder" in proc.stderr.decode()


def test_missing_file_among_good_ones_still_exits_2_and_checks_the_rest():
    proc = sourcecheck("check", CLEAN, "nope.md", TXT, stub=True)
    assert proc.returncode == 2
    assert lines(proc)[-1] == ("3 findings (1 error, 1 warning, 1 info) in 1 of 2 drafts; "
                               "1 draft could not be checked.")


def test_glob_matching_nothing_is_an_error():
    proc = sourcecheck("check", "tests/fixtures/cli/drafts/*.rst", stub=True)
    assert proc.returncode == 2
    assert "no files match this pattern" in proc.stderr.decode()


def test_glob_is_expanded_by_the_command():
    proc = sourcecheck("check", "--fail-on", "never", "tests/fixtures/cli/**/*.md", stub=True)
    assert proc.returncode == 0
    assert lines(proc)[-1] == "4 findings (1 error, 2 warnings, 1 info) in 1 of 2 drafts; 2 suppressed."


def test_folder_is_walked_for_drafts():
    proc = sourcecheck("check", "tests/fixtures/cli/drafts", stub=True)
    assert lines(proc)[-1] == "10 findings (3 errors, 4 warnings, 3 info) in 3 of 4 drafts; 3 suppressed."


@pytest.mark.parametrize("content, message", [
    (b"caf\xe9 au lait\n", "not valid UTF-8 (byte 3)"),
    (b"\x00\x01\x02binary" * 50, "input looks like binary data, not text"),
])
def test_undecodable_input_is_exit_2_with_a_message(tmp_path, content, message):
    draft = tmp_path / "bad.txt"
    draft.write_bytes(content)
    proc = sourcecheck("check", str(draft))
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == f"sourcecheck: {draft}: {message}"


def test_unknown_option_is_a_usage_error():
    proc = sourcecheck("check", "--no-such-option", CLEAN)
    assert proc.returncode == 2
    assert "No such option" in proc.stderr.decode()


def test_no_paths_is_a_usage_error():
    assert sourcecheck("check").returncode == 2


def test_internal_error_exits_3_with_a_short_message_and_traceback_only_with_debug(tmp_path):
    crash = tmp_path / "crash.py"
    crash.write_text("import service.engine as e\n"
                     "def boom(*a, **k):\n    raise RuntimeError('engine exploded')\n"
                     "e.audit = boom\nfrom service.cli import main\nmain()\n")
    import sys
    import subprocess

    from tests.cli_run import ROOT, env

    quiet = subprocess.run([sys.executable, str(crash), "check", CLEAN], cwd=ROOT, env=env(), capture_output=True)
    loud = subprocess.run([sys.executable, str(crash), "check", "--debug", CLEAN], cwd=ROOT, env=env(),
                          capture_output=True)
    assert quiet.returncode == loud.returncode == 3
    assert "internal error: RuntimeError: engine exploded" in quiet.stderr.decode()
    assert "Traceback" not in quiet.stderr.decode()
    assert "Traceback" in loud.stderr.decode()


def test_stdin_is_read_when_the_path_is_a_dash():
    proc = sourcecheck("check", "--input-format", "markdown", "-", stub=True, input=b"# T\n\nA *RUMOUR* spread.\n")
    assert lines(proc)[0] == "-:3:4: error unattributed-claim Claim with no source: who says so?"


# --- machine formats ---------------------------------------------------------------------

def test_sarif_output_is_valid_against_the_sarif_2_1_0_schema():
    proc = sourcecheck("check", "-f", "sarif", "tests/fixtures/cli/drafts", stub=True)
    log = json.loads(proc.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == 13  # 10 active + 3 suppressed in source
    assert sum(1 for r in results if r.get("suppressions") == [{"kind": "inSource"}]) == 3


def test_sarif_result_has_the_region_of_the_flagged_words():
    log = json.loads(sourcecheck("check", "-f", "sarif", HTML, stub=True).stdout)
    first = log["runs"][0]["results"][0]
    assert first["ruleId"] == "anonymous-source"
    assert first["level"] == "warning"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": HTML, "uriBaseId": "SRCROOT"},
        "region": {"startLine": 5, "startColumn": 79, "endLine": 5, "endColumn": 98,
                   "snippet": {"text": "officials</em> said"}},
    }


def test_sarif_with_a_missing_file_is_valid_and_reports_the_failure():
    proc = sourcecheck("check", "-f", "sarif", CLEAN, "missing.md", stub=True)
    log = json.loads(proc.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "missing.md: no such file or folder"
    assert proc.returncode == 2


def test_github_format_prints_escaped_workflow_commands():
    assert lines(sourcecheck("check", "-f", "github", MD, stub=True)) == [
        f"::warning file={MD},line=5,col=54,endColumn=68,title=sourcecheck%3A anonymous-source"
        "::Quote attributed to unnamed officials; say why they were granted anonymity.",
        f"::notice file={MD},line=6,col=46,endColumn=53,title=sourcecheck%3A loaded-verb"
        '::Loaded verb "claimed": 100%25 of readers notice it, a neutral verb reads fairer%0ASuggestion: said',
        f"::error file={MD},line=11,col=3,endColumn=9,title=sourcecheck%3A unattributed-claim"
        "::Claim with no source:%0Awho says so?",
        f"::warning file={MD},line=17,col=19,endColumn=33,title=sourcecheck%3A anonymous-source"
        "::Quote attributed to unnamed officials; say why they were granted anonymity.",
        "4 findings (1 error, 2 warnings, 1 info) in 1 of 1 draft; 2 suppressed.",
    ]


def test_github_format_escapes_commas_and_colons_in_file_names(tmp_path):
    draft = tmp_path / "a,b:c.txt"
    draft.write_text("RUMOUR.\n")
    out = lines(sourcecheck("check", "-f", "github", "a,b:c.txt", stub=True, cwd=tmp_path))
    assert out[0].startswith("::error file=a%2Cb%3Ac.txt,line=1,col=1,")


def test_github_format_writes_a_markdown_job_summary(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    sourcecheck("check", "-f", "github", TXT, stub=True, GITHUB_STEP_SUMMARY=str(summary))
    assert summary.read_text().splitlines() == [
        "earlier step",
        "## Sourcecheck",
        "",
        "3 findings (1 error, 1 warning, 1 info) in 1 of 1 draft.",
        "",
        "| Severity | Rule | Where | Message |",
        "| --- | --- | --- | --- |",
        f"| warning | `anonymous-source` | `{TXT}:3:52` | Quote attributed to unnamed officials; "
        "say why they were granted anonymity. |",
        f'| info | `loaded-verb` | `{TXT}:4:44` | Loaded verb "claimed": 100% of readers notice it, '
        "a neutral verb reads fairer |",
        f"| error | `unattributed-claim` | `{TXT}:6:1` | Claim with no source: who says so? |",
        "",
    ]


def test_gitlab_format_is_a_code_quality_report():
    issues = json.loads(sourcecheck("check", "-f", "gitlab", TXT, stub=True).stdout)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("anonymous-source", "minor", {"path": TXT, "lines": {"begin": 3}}),
        ("loaded-verb", "info", {"path": TXT, "lines": {"begin": 4}}),
        ("unattributed-claim", "major", {"path": TXT, "lines": {"begin": 6}}),
    ]
    assert all(len(i["fingerprint"]) == 64 for i in issues)


def test_gitlab_fingerprints_do_not_change_when_text_above_moves(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Officials met.\n\nRUMOUR has it, officials said.\n")
    before = json.loads(sourcecheck("check", "-f", "gitlab", "d.txt", stub=True, cwd=tmp_path).stdout)
    draft.write_text("A new lede.\n\nOfficials met.\n\n\nRUMOUR has it, officials said.\n")
    after = json.loads(sourcecheck("check", "-f", "gitlab", "d.txt", stub=True, cwd=tmp_path).stdout)
    assert [i["location"]["lines"]["begin"] for i in before] == [3, 3]
    assert [i["location"]["lines"]["begin"] for i in after] == [6, 6]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def test_junit_format_fails_the_findings_at_or_above_fail_on():
    proc = sourcecheck("check", "-f", "junit", "--fail-on", "warning", TXT, CLEAN, stub=True)
    root = ET.fromstring(proc.stdout)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "0")
    story, clean = root.findall("testsuite")
    assert [(c.get("name"), c.find("failure") is not None) for c in story.findall("testcase")] == [
        ('anonymous-source "officials said"', True), ('loaded-verb "claimed"', False),
        ('unattributed-claim "RUMOUR"', True)]
    assert [c.get("name") for c in clean.findall("testcase")] == ["sourcing"]


def test_junit_reports_a_missing_file_as_an_error():
    root = ET.fromstring(sourcecheck("check", "-f", "junit", "gone.md", stub=True).stdout)
    case = root.find("testsuite/testcase")
    assert case.find("error").get("message") == "no such file or folder"


def test_json_format_carries_the_api_report_and_placed_findings():
    doc = json.loads(sourcecheck("check", "-f", "json", MD, stub=True).stdout)
    (entry,) = doc["files"]
    assert entry["path"] == MD
    assert entry["report"]["format"] == "markdown"
    assert entry["report"]["unit"] == "codepoint"
    assert [(f["rule"], f["line"], f["column"], f["suppressed"]) for f in entry["findings"]] == [
        ("anonymous-source", 5, 54, False), ("loaded-verb", 6, 46, False), ("loaded-verb", 9, 21, True),
        ("unattributed-claim", 11, 3, False), ("anonymous-source", 14, 7, True),
        ("anonymous-source", 17, 19, False)]
    assert doc["summary"] == {"drafts": 1, "errors": 0, "suppressed": 2,
                              "findings": {"error": 1, "warning": 2, "info": 1}}


def test_output_option_writes_the_file(tmp_path):
    out = tmp_path / "results.sarif"
    proc = sourcecheck("check", "-f", "sarif", "-o", str(out), TXT, stub=True)
    assert proc.stdout == b""
    assert json.loads(out.read_text())["version"] == "2.1.0"


# --- suppression, end to end ---------------------------------------------------------

def test_disable_for_the_whole_draft_silences_findings_about_the_whole_draft(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("<!-- sourcecheck-disable anonymous-share -->\n\nANONYMOUS-HEAVY draft.\n")
    assert sourcecheck("check", "--fail-on", "info", str(draft), stub=True).returncode == 0
    draft.write_text("ANONYMOUS-HEAVY draft.\n")
    proc = sourcecheck("check", "--fail-on", "info", str(draft), stub=True)
    assert lines(proc)[0] == f"{draft}:1:1: warning anonymous-share Most quotes come from anonymous sources."


# --- report ----------------------------------------------------------------------------

def test_report_prints_a_readable_report():
    proc = sourcecheck("report", MD, stub=True)
    out = lines(proc)
    assert proc.returncode == 0
    assert out[0].startswith(f"{MD} (markdown): ")
    assert sum(line.count(MD) for line in out) == 1  # the path, once
    assert "Findings (4, 2 suppressed)" in out


def test_report_json_is_the_api_report():
    from schemas.report import ReportSchema

    data = json.loads(sourcecheck("report", "-f", "json", CLEAN).stdout)
    assert ReportSchema().validate(data) == {}
    assert data["id"] == CLEAN


def test_report_of_a_missing_file_exits_2():
    proc = sourcecheck("report", "absent.md")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "sourcecheck: absent.md: no such file"


# --- entry points ------------------------------------------------------------------------

def test_python_dash_m_service_cli_runs_the_command():
    proc = sourcecheck("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("sourcecheck, version ")


def test_pip_install_provides_the_sourcecheck_console_script(tmp_path):
    import subprocess
    import sys

    from tests.cli_run import ROOT, env

    target = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                          str(ROOT)], capture_output=True, timeout=300)
    assert pip.returncode == 0, pip.stderr.decode()
    run_env = env(PYTHONPATH=str(target))  # the installed copy, not the working tree
    # story.html: story.md's suppression comments name the stand-in rules of stub_rules.py,
    # which the real engine (rightly) calls unknown rule ids
    proc = subprocess.run([str(target / "bin" / "sourcecheck"), "check", "--fail-on", "never", "-f", "sarif",
                           str(DRAFTS / "story.html")], cwd=tmp_path, env=run_env, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["name"] == "sourcecheck"


def test_unwritable_output_file_exits_2(tmp_path):
    proc = sourcecheck("check", "-o", str(tmp_path / "no" / "such" / "out.sarif"), CLEAN)
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("sourcecheck: cannot write ")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_check_on_several_processes_gives_the_same_output(fmt):
    serial = sourcecheck("check", "-f", fmt, "tests/fixtures/cli/drafts", stub=True)
    parallel = sourcecheck("check", "-f", fmt, "--jobs", "2", "tests/fixtures/cli/drafts", stub=True)
    assert parallel.stdout == serial.stdout
    assert parallel.returncode == serial.returncode == 1
