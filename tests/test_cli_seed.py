"""The bundled example article through the command with the real engine
and its registered rules."""
import json

import jsonschema

from schemas.report import dump_report
from service.engine import audit
from service.engine import RULES
from tests.cli_run import SARIF_SCHEMA, sourcecheck


def seed_file(tmp_path, seed):
    path = tmp_path / "seed.txt"
    path.write_text(seed["text"], encoding="utf-8")
    return path


def test_report_json_is_exactly_the_api_report(tmp_path, seed):
    seed_file(tmp_path, seed)
    proc = sourcecheck("report", "-f", "json", "seed.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == json.loads(json.dumps(dump_report(audit(seed["text"], "text", id="seed.txt"))))


def test_seed_sarif_is_valid_and_every_result_points_at_its_words(tmp_path, seed):
    seed_file(tmp_path, seed)
    proc = sourcecheck("check", "-f", "sarif", "--fail-on", "never", "seed.txt", cwd=tmp_path)
    assert proc.returncode == 0
    log = json.loads(proc.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    lines = seed["text"].split("\n")
    rule_ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert rule_ids == list(RULES)
    for result in log["runs"][0]["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"].get("region")
        if region and region["startLine"] == region["endLine"]:
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]


def test_seed_batch_line_is_the_api_report(seed):
    line = json.dumps({"id": seed["id"], "text": seed["text"], "title": seed["title"]}).encode()
    proc = sourcecheck("batch", input=line + b"\n")
    assert proc.returncode == 0
    expected = dump_report(audit(seed["text"], "text", title=seed["title"], id=seed["id"]))
    assert json.loads(proc.stdout) == json.loads(json.dumps(expected))
