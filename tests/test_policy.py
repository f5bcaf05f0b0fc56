"""The newsroom policy: defaults, overrides, files, and errors that name the field."""
import pytest

from service.engine import RULES
from service.policy import DEFAULT, PolicyError, RulePolicy, from_mapping, load_policy_file


def errors_of(data) -> dict:
    with pytest.raises(PolicyError) as e:
        from_mapping(data)
    return e.value.errors


def test_no_policy_is_the_default():
    assert from_mapping(None) is DEFAULT


def test_empty_policy_equals_the_default():
    assert from_mapping({}) == DEFAULT


def test_default_policy_turns_every_rule_on_at_its_registered_severity():
    assert {k: (v.enabled, v.severity) for k, v in DEFAULT.rules.items()} == {
        r.id: (True, r.severity) for r in RULES.values()}


def test_policy_survives_pickling_for_batch_workers():
    import pickle

    p = from_mapping({"rules": {"loaded-verb": {"weight": 3}}, "words": {"loaded_verbs": ["sneer"]}})
    assert pickle.loads(pickle.dumps(p)) == p


def test_a_rule_override_keeps_the_other_settings():
    p = from_mapping({"rules": {"loaded-verb": {"weight": 3}}})
    assert p.rule("loaded-verb") == RulePolicy(enabled=True, severity="warning", weight=3.0)
    assert p.rule("vague-attribution") == DEFAULT.rule("vague-attribution")


def test_score_weights_merge_with_the_defaults():
    p = from_mapping({"score": {"weights": {"error": 25}}})
    assert dict(p.score.weights) == {"info": 2.0, "warning": 8.0, "error": 25.0}


def test_grades_are_ordered_best_first():
    p = from_mapping({"score": {"grades": {"Pass": 50, "Merit": 75, "Distinction": 90}, "fail_grade": "X"}})
    assert (p.score.grades, p.score.fail_grade) == (
        (("Distinction", 90.0), ("Merit", 75.0), ("Pass", 50.0)), "X")


def test_loaded_verbs_may_be_a_list_with_said_as_the_neutral_verb():
    p = from_mapping({"words": {"loaded_verbs": ["Lambaste", "sneer"]}})
    assert dict(p.loaded_verbs) == {"lambaste": "say", "sneer": "say"}


def test_word_lists_are_kept():
    p = from_mapping({"name": "Metro desk", "words": {
        "house_titles": ["duty officer"], "vague_phrases": ["insiders whisper"]}})
    assert (p.name, p.house_titles, p.vague_phrases) == ("Metro desk", ("duty officer",), ("insiders whisper",))


@pytest.mark.parametrize("data, field", [
    ({"rules": {"no-such-rule": {"enabled": False}}}, "rules.no-such-rule"),
    ({"rules": {"loaded-verb": {"severity": "fatal"}}}, "rules.loaded-verb.severity"),
    ({"rules": {"loaded-verb": {"enabled": "maybe"}}}, "rules.loaded-verb.enabled"),
    ({"rules": {"loaded-verb": {"weight": -1}}}, "rules.loaded-verb.weight"),
    ({"rules": {"loaded-verb": {"colour": "red"}}}, "rules.loaded-verb.colour"),
    ({"thresholds": {"max_anonymous_quote_share": 1.5}}, "thresholds.max_anonymous_quote_share"),
    ({"thresholds": {"single_source_min_quotes": 0}}, "thresholds.single_source_min_quotes"),
    ({"score": {"weights": {"fatal": 3}}}, "score.weights.fatal"),
    ({"score": {"base": 120}}, "score.base"),
    ({"words": {"loaded_verbs": 3}}, "words.loaded_verbs"),
    ({"words": {"house_titles": "press aide"}}, "words.house_titles"),
    ({"words": {"vague_phrases": ["(allegedly)"]}}, "words.vague_phrases"),
    ({"colour": "red"}, "colour"),
    (["not", "an", "object"], "policy"),
    # JSON types as the OpenAPI document declares them: no coercion from strings or truncation
    ({"rules": {"loaded-verb": {"enabled": "yes"}}}, "rules.loaded-verb.enabled"),
    ({"rules": {"loaded-verb": {"weight": "8"}}}, "rules.loaded-verb.weight"),
    ({"thresholds": {"single_source_min_quotes": 2.5}}, "thresholds.single_source_min_quotes"),
    ({"words": {"loaded_verbs": [{"a": "b"}]}}, "words.loaded_verbs"),
])
def test_bad_policy_error_names_the_field(data, field):
    assert field in errors_of(data)


def test_bad_policy_message_names_the_field_too():
    with pytest.raises(PolicyError, match=r"rules\.loaded-verb\.severity: Must be one of: info, warning, error"):
        from_mapping({"rules": {"loaded-verb": {"severity": "fatal"}}})


TOML = """
name = "Metro desk"
[rules.anonymous-only-claim]
enabled = false
[rules.loaded-verb]
severity = "error"
[thresholds]
max_anonymous_quote_share = 0.3
[words]
loaded_verbs = { lambaste = "criticize" }
house_titles = ["duty officer"]
"""

YAML = """
name: Metro desk
rules:
  anonymous-only-claim: {enabled: false}
  loaded-verb: {severity: error}
thresholds:
  max_anonymous_quote_share: 0.3
words:
  loaded_verbs: {lambaste: criticize}
  house_titles: [duty officer]
"""


@pytest.mark.parametrize("name, body", [("policy.toml", TOML), ("policy.yaml", YAML), ("policy.yml", YAML)])
def test_policy_files_in_toml_and_yaml_say_the_same(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    p = load_policy_file(path)
    assert (p.name, p.enabled("anonymous-only-claim"), p.severity("loaded-verb")) == ("Metro desk", False, "error")
    assert (p.thresholds.max_anonymous_quote_share, dict(p.loaded_verbs), p.house_titles) == (
        0.3, {"lambaste": "criticize"}, ("duty officer",))


def test_empty_yaml_file_is_the_default_policy(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text("", encoding="utf-8")
    assert load_policy_file(path) == DEFAULT


@pytest.mark.parametrize("name, body, field", [
    ("policy.toml", "rules = [", "policy"),
    ("policy.yaml", "rules: [", "policy"),
    ("policy.toml", "[thresholds]\nmax_anonymous_quote_share = 2\n", "thresholds.max_anonymous_quote_share"),
    ("policy.json", "{}", "policy"),
])
def test_bad_policy_file_raises_policy_error_naming_the_field(tmp_path, name, body, field):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PolicyError) as e:
        load_policy_file(path)
    assert field in e.value.errors
    assert name in str(e.value)


def test_missing_policy_file_raises_policy_error(tmp_path):
    with pytest.raises(PolicyError, match="cannot read policy"):
        load_policy_file(tmp_path / "absent.toml")


def test_shipped_example_policy_spells_out_the_defaults():
    from dataclasses import replace

    from tests.conftest import ROOT

    p = load_policy_file(ROOT / "docs" / "policy.example.toml")
    assert replace(p, name=None) == DEFAULT


def test_unknown_rule_error_lists_the_rules():
    message = errors_of({"rules": {"no-such-rule": {}}})["rules.no-such-rule"]
    assert message.startswith("unknown rule 'no-such-rule'; the rules are: anonymous-without-reason, ")


def test_policy_example_in_the_report_docs_is_valid():
    import re
    import tomllib

    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", doc, re.S).group(1)
    p = from_mapping(tomllib.loads(block))
    assert (p.name, p.severity("loaded-verb"), p.enabled("anonymous-only-claim")) == ("Metro desk", "error", False)
