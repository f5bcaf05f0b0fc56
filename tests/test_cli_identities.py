"""Stable identities: JUnit case names, GitLab fingerprints and SARIF
partialFingerprints name a finding without its line or column, so CI
systems keep tracking it when text above it moves."""
import json
import xml.etree.ElementTree as ET

from tests.cli_run import sourcecheck

STORY = ('The mayor claimed the vote was rigged.\n\n"It was a fix," a senior official said.\n\n'
         "Maria Lopez claimed the count was wrong.\n")
MOVED = "A new lede, longer than the old one.\n\n\n" + STORY.replace("\n\n", "\n\n\n")


def formats(tmp_path, text: str) -> dict:
    (tmp_path / "story.md").write_text(text, encoding="utf-8")
    out = {}
    for fmt in ("junit", "gitlab", "sarif"):
        proc = sourcecheck("check", "--isolated", "--fail-on", "never", "-f", fmt, "story.md", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr.decode()
        out[fmt] = proc.stdout.decode()
    return out


def junit_names(xml: str) -> list[str]:
    return [c.get("name") for c in ET.fromstring(xml).iter("testcase")]


def test_junit_names_are_rule_and_words_without_line_or_column(tmp_path):
    names = junit_names(formats(tmp_path, STORY)["junit"])
    assert names == ['loaded-verb "claimed"', 'anonymous-only-claim "It was a fix,"',
                     'anonymous-without-reason "a senior official"', 'anonymous-without-basis "a senior official"',
                     'loaded-verb "claimed" #2']


def test_identities_do_not_change_when_text_above_moves(tmp_path):
    before, after = formats(tmp_path, STORY), formats(tmp_path, MOVED)
    assert junit_names(before["junit"]) == junit_names(after["junit"])
    lines = lambda out: [i["location"]["lines"]["begin"] for i in json.loads(out)]  # noqa: E731
    assert lines(before["gitlab"]) != lines(after["gitlab"])
    fingerprints = lambda out: [i["fingerprint"] for i in json.loads(out)]  # noqa: E731
    assert fingerprints(before["gitlab"]) == fingerprints(after["gitlab"])
    partial = lambda out: [r["partialFingerprints"] for r in json.loads(out)["runs"][0]["results"]]  # noqa: E731
    assert partial(before["sarif"]) == partial(after["sarif"])


def test_sarif_partial_fingerprints_are_the_gitlab_fingerprints(tmp_path):
    out = formats(tmp_path, STORY)
    results = json.loads(out["sarif"])["runs"][0]["results"]
    assert [r["partialFingerprints"]["sourcecheck/v1"] for r in results] == \
           [i["fingerprint"] for i in json.loads(out["gitlab"])]
    assert len({r["partialFingerprints"]["sourcecheck/v1"] for r in results}) == len(results)


def test_the_same_words_in_two_sentences_have_two_identities(tmp_path):
    issues = [i for i in json.loads(formats(tmp_path, STORY)["gitlab"]) if i["check_name"] == "loaded-verb"]
    assert len(issues) == 2 and issues[0]["fingerprint"] != issues[1]["fingerprint"]
