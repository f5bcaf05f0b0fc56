"""The command with the real engine and its rule registry
(``service.engine.RULES``): SARIF rule metadata, real rule ids and
severities in every format, ``--fail-on`` and policy severities. One draft
with one loaded verb, and a policy that leaves only that rule on, so the
expectations do not move as the engine's other stages improve."""
import json
import re

import jsonschema
import pytest

from service.engine import RULES
from tests.cli_run import ROOT, SARIF_SCHEMA, sourcecheck

DRAFT = "\u201cWe will cut taxes,\u201d the minister admitted.\n"  # "admitted": a loaded verb


def only_loaded_verb(severity: str) -> str:
    """A policy (TOML) with every rule off but ``loaded-verb``, at ``severity``."""
    rules = "".join(f'[rules.{r}]\nenabled = false\n' for r in RULES if r != "loaded-verb")
    return rules + f'[rules.loaded-verb]\nseverity = "{severity}"\n'


@pytest.fixture
def draft(tmp_path):
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def check(cwd, *args, severity: str | None = None):
    if severity is not None:
        (cwd / "policy.toml").write_text(only_loaded_verb(severity), encoding="utf-8")
        args = ("--policy", "policy.toml", *args)
    return sourcecheck("check", *args, "d.txt", cwd=cwd)


def sarif(proc) -> dict:
    log = json.loads(proc.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    return log["runs"][0]


# --- SARIF rules -----------------------------------------------------------------------

def test_sarif_lists_every_registered_rule_with_its_title_and_default_level(draft):
    rules = sarif(check(draft, "-f", "sarif"))["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    levels = {"info": "note", "warning": "warning", "error": "error"}
    assert [(r["shortDescription"]["text"], r["defaultConfiguration"]) for r in rules] == [
        (rule.title, {"level": levels[rule.severity], "enabled": True}) for rule in RULES.values()]


def test_sarif_rule_help_is_the_rules_documentation(draft):
    rules = {r["id"]: r for r in sarif(check(draft, "-f", "sarif"))["tool"]["driver"]["rules"]}
    help_text = rules["loaded-verb"]["help"]["text"]
    assert rules["loaded-verb"]["fullDescription"]["text"] == (
        'An attribution verb that judges the speaker, where "said" is neutral.')
    assert help_text.startswith(rules["loaded-verb"]["fullDescription"]["text"] + "\n\nExample: ")
    assert help_text.endswith("\n\nMore: docs/report.md#loaded-verb-warning")


def test_sarif_rule_docs_point_at_headings_of_docs_report_md(draft):
    rules = sarif(check(draft, "-f", "sarif"))["tool"]["driver"]["rules"]
    headings = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    # GitHub's anchor for "### `loaded-verb` (warning)": lower case, punctuation dropped, spaces as -
    anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-")
               for h in re.findall(r"^#+ (.+)$", headings, re.M)}
    for r in rules:
        path, anchor = r["properties"]["docs"].split("#")
        assert (path, anchor in anchors) == ("docs/report.md", True), r["properties"]["docs"]


def test_sarif_result_names_its_rule_by_id_and_index(draft):
    run = sarif(check(draft, "-f", "sarif", severity="warning"))
    [result] = run["results"]
    assert (result["ruleId"], result["level"]) == ("loaded-verb", "warning")
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "loaded-verb"


def test_sarif_rule_levels_follow_the_policy(draft):
    run = sarif(check(draft, "-f", "sarif", severity="info"))
    rules = {r["id"]: r["defaultConfiguration"] for r in run["tool"]["driver"]["rules"]}
    assert rules["loaded-verb"] == {"level": "note", "enabled": True}
    assert rules["unattributed-quote"] == {"level": "error", "enabled": False}
    assert [r["level"] for r in run["results"]] == ["note"]


def test_sarif_lists_rule_ids_it_does_not_know_after_the_registry():
    proc = sourcecheck("check", "-f", "sarif", "tests/fixtures/cli/drafts/story.txt", stub=True)
    run = sarif(proc)
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids[:len(RULES)] == list(RULES) and set(ids[len(RULES):]) == {"anonymous-source", "unattributed-claim"}
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


# --- severities: text, GitLab, --fail-on -------------------------------------------------

@pytest.mark.parametrize("severity", ["info", "warning", "error"])
def test_text_output_has_the_real_rule_id_at_the_policy_severity(draft, severity):
    out = check(draft, "--fail-on", "never", severity=severity).stdout.decode().splitlines()
    assert out[0] == (f'd.txt:1:35: {severity} loaded-verb "admitted" is not neutral (implies the speaker '
                      'confessed a fault); "said" is. (suggestion: said)')


@pytest.mark.parametrize("severity, gitlab", [("info", "info"), ("warning", "minor"), ("error", "major")])
def test_gitlab_severity_of_a_real_finding(draft, severity, gitlab):
    [issue] = json.loads(check(draft, "-f", "gitlab", "--fail-on", "never", severity=severity).stdout)
    assert (issue["check_name"], issue["severity"]) == ("loaded-verb", gitlab)


@pytest.mark.parametrize("severity, fail_on, status", [
    ("info", "info", 1), ("info", "warning", 0), ("info", "error", 0),
    ("warning", "info", 1), ("warning", "warning", 1), ("warning", "error", 0),
    ("error", "warning", 1), ("error", "error", 1), ("error", "never", 0),
])
def test_fail_on_compares_the_real_findings_severity(draft, severity, fail_on, status):
    assert check(draft, "--fail-on", fail_on, severity=severity).returncode == status
