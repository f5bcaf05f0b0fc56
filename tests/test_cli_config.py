"""The command's configuration: discovery, merging, validation, printing."""
import json

import pytest

from service.cli import config
from tests.cli_run import sourcecheck


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_apply_without_a_config_file(tmp_path):
    (tmp_path / ".git").mkdir()
    cfg = config.load(start=tmp_path)
    assert cfg.file is None
    assert cfg.settings == config.DEFAULTS
    assert set(cfg.origins.values()) == {"default"}


def test_pyproject_tool_table_is_found_from_a_subfolder(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.sourcecheck]\nfail-on = "warning"\n')
    (tmp_path / "drafts").mkdir()
    cfg = config.load(start=tmp_path / "drafts")
    assert cfg.file == str(tmp_path / "pyproject.toml")
    assert cfg["fail-on"] == "warning"
    assert cfg.origins["fail-on"] == str(tmp_path / "pyproject.toml")


def test_pyproject_without_the_tool_table_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    (tmp_path / ".git").mkdir()
    assert config.find(tmp_path) is None


def test_dotfile_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.sourcecheck]\nfail-on = "warning"\n')
    write(tmp_path / ".sourcecheck.toml", 'fail-on = "info"\n')
    assert config.load(start=tmp_path)["fail-on"] == "info"


def test_search_stops_at_the_repository_root(tmp_path):
    write(tmp_path / ".sourcecheck.toml", 'fail-on = "info"\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert config.find(tmp_path / "repo") is None


def test_command_line_overrides_the_file(tmp_path):
    write(tmp_path / ".sourcecheck.toml", 'fail-on = "info"\nformat = "json"\n')
    cfg = config.load(start=tmp_path, overrides={"fail-on": "error", "format": None})
    assert (cfg["fail-on"], cfg["format"]) == ("error", "json")
    assert cfg.origins["fail-on"] == "command line"


def test_policy_table_is_kept_as_written(tmp_path):
    write(tmp_path / ".sourcecheck.toml", '[policy]\nmax_anonymous_share = 0.5\n[policy.rules]\nx = "off"\n')
    cfg = config.load(start=tmp_path)
    assert cfg.policy == {"max_anonymous_share": 0.5, "rules": {"x": "off"}}
    assert cfg.policy_origin == str(tmp_path / ".sourcecheck.toml")


def test_policy_file_is_resolved_relative_to_the_config(tmp_path):
    write(tmp_path / "policies" / "house.toml", 'max_anonymous_share = 0.25\n')
    write(tmp_path / ".sourcecheck.toml", 'policy-file = "policies/house.toml"\n')
    cfg = config.load(start=tmp_path)
    assert cfg.policy_file == str(tmp_path / "policies" / "house.toml")
    assert cfg.policy == {"max_anonymous_share": 0.25}


@pytest.mark.parametrize("text, key", [
    ('fail-on = "sometimes"\n', "fail-on"),
    ('format = "pdf"\n', "format"),
    ('exclude = "archive"\n', "exclude"),
    ('colour = true\n', "colour"),
    ('policy = 3\n', "policy"),
    ('policy-file = "p.toml"\n[policy]\na = 1\n', "policy-file"),
])
def test_invalid_settings_are_config_errors_naming_the_key(tmp_path, text, key):
    write(tmp_path / ".sourcecheck.toml", text)
    with pytest.raises(config.ConfigError) as e:
        config.load(start=tmp_path)
    assert key in e.value.errors


def test_invalid_toml_is_a_config_error(tmp_path):
    write(tmp_path / ".sourcecheck.toml", "fail-on = \n")
    with pytest.raises(config.ConfigError, match="not valid TOML"):
        config.load(start=tmp_path)


# --- through the command ---------------------------------------------------------------

def test_config_command_prints_the_effective_config_and_its_origins(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[tool.sourcecheck]\nfail-on = "warning"\n'
                                       '[tool.sourcecheck.policy]\nname = "Test desk"\n')
    proc = sourcecheck("config", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.decode().splitlines() == [
        "# sourcecheck effective configuration",
        f"# config file: {tmp_path / 'pyproject.toml'}",
        f"#   fail-on: {tmp_path / 'pyproject.toml'}",
        "#   format: default",
        "#   exclude: default",
        "#   extensions: default",
        f"#   policy: {tmp_path / 'pyproject.toml'}",
        'fail-on = "warning"',
        'format = "text"',
        "exclude = []",
        "extensions = [",
        '    "md",',
        '    "markdown",',
        '    "html",',
        '    "htm",',
        '    "txt",',
        "]",
        "",
        "[policy]",
        'name = "Test desk"',
    ]


def test_config_command_json(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".sourcecheck.toml", 'exclude = ["old/**"]\n')
    doc = json.loads(sourcecheck("config", "-f", "json", "--isolated", cwd=tmp_path).stdout)
    assert doc["file"] is None
    assert doc["config"]["exclude"] == []
    doc = json.loads(sourcecheck("config", "-f", "json", cwd=tmp_path).stdout)
    assert doc["config"]["exclude"] == ["old/**"]
    assert doc["origins"]["exclude"] == str(tmp_path / ".sourcecheck.toml")


def test_bad_config_exits_2_with_the_reason(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".sourcecheck.toml", 'fail-on = "sometimes"\n')
    write(tmp_path / "d.md", "Text.\n")
    proc = sourcecheck("check", "d.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        f"sourcecheck: invalid configuration in {tmp_path / '.sourcecheck.toml'}",
        "  fail-on: must be one of info, warning, error, never",
    ]


def test_missing_policy_file_exits_2(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "d.md", "Text.\n")
    proc = sourcecheck("check", "--policy", "nope.toml", "d.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "nope.toml: no such file" in proc.stderr.decode()


def test_config_fail_on_is_used_by_check(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".sourcecheck.toml", 'fail-on = "never"\n')
    write(tmp_path / "d.txt", "RUMOUR.\n")
    assert sourcecheck("check", "d.txt", stub=True, cwd=tmp_path).returncode == 0
    assert sourcecheck("check", "--isolated", "d.txt", stub=True, cwd=tmp_path).returncode == 1


def test_config_exclude_skips_walked_files_but_not_named_ones(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".sourcecheck.toml", 'exclude = ["drafts/archive"]\n')
    write(tmp_path / "drafts" / "new.txt", "RUMOUR new.\n")
    write(tmp_path / "drafts" / "archive" / "old.txt", "RUMOUR old.\n")
    walked = sourcecheck("check", "drafts", stub=True, cwd=tmp_path)
    named = sourcecheck("check", "drafts/archive/old.txt", stub=True, cwd=tmp_path)
    assert walked.stdout.decode().splitlines()[0].startswith("drafts/new.txt:1:1:")
    assert walked.stdout.decode().splitlines()[-1].endswith("in 1 of 1 draft.")
    assert named.stdout.decode().splitlines()[0].startswith("drafts/archive/old.txt:1:1:")


def test_invalid_policy_exits_2_listing_the_policy_errors(tmp_path):
    """Policy validation belongs to ``service.policy``; the command only
    reports its PolicyError (field path: message) and exits 2."""
    import subprocess
    import sys

    from tests.cli_run import env

    (tmp_path / ".git").mkdir()
    write(tmp_path / ".sourcecheck.toml", "[policy]\nmax_anonymous_share = 2\n")
    write(tmp_path / "d.md", "Text.\n")
    wrapper = write(tmp_path / "strict_policy.py", (
        "import service.policy\nfrom service.policy import PolicyError\n"
        "def strict(data):\n"
        "    raise PolicyError('invalid policy', {'max_anonymous_share': 'must be between 0 and 1'})\n"
        "service.policy.from_mapping = strict\n"
        "from service.cli import main\nmain()\n"))
    proc = subprocess.run([sys.executable, str(wrapper), "check", "d.md"], cwd=tmp_path, env=env(),
                          capture_output=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        "sourcecheck: invalid policy", "  max_anonymous_share: must be between 0 and 1"]
