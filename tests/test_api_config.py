"""Settings: read from the environment in one place, typed, with clear errors;
and what ``create_app`` does with them."""
from __future__ import annotations

import pytest

from service.config import Config, ConfigError
from tests.apiclient import make_app


def test_defaults_suit_local_use():
    config = Config.from_env({})
    assert (config.max_bytes, config.max_batch, config.api_keys, config.database_url, config.db_path) == (
        1_000_000, 50, (), None, "var/sourcecheck.db")
    assert (config.cors_origins, config.demo) == ((), False)  # no browser origin, no demo page


@pytest.mark.parametrize("env, attr, value", [
    ({"SOURCECHECK_MAX_BYTES": "2000000"}, "max_bytes", 2_000_000),
    ({"SOURCECHECK_MAX_BYTES": "2_000_000"}, "max_bytes", 2_000_000),
    ({"SOURCECHECK_MAX_CHARS": "1000"}, "max_chars", 1000),
    ({"SOURCECHECK_MAX_BATCH": "5"}, "max_batch", 5),
    ({"SOURCECHECK_API_KEYS": "aaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbb,"}, "api_keys",
     ("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb")),
    ({"DATABASE_URL": "postgresql://db/sourcecheck"}, "database_url", "postgresql://db/sourcecheck"),
    ({"SOURCECHECK_DB_PATH": "/data/s.db"}, "db_path", "/data/s.db"),
    ({"SOURCECHECK_LOG_LEVEL": "debug"}, "log_level", "DEBUG"),
    ({"SOURCECHECK_WORKERS": "4"}, "workers", 4),
    ({"SOURCECHECK_MAX_BYTES": ""}, "max_bytes", 1_000_000),
    ({"SOURCECHECK_CORS_ORIGINS": "https://cms.example.org, http://localhost:3000/"}, "cors_origins",
     ("https://cms.example.org", "http://localhost:3000")),
    ({"SOURCECHECK_CORS_ORIGINS": "*"}, "cors_origins", ("*",)),
    ({"SOURCECHECK_DEMO": "on"}, "demo", True),
    ({"SOURCECHECK_DEMO": "off"}, "demo", False),
])
def test_environment_sets(env, attr, value):
    assert getattr(Config.from_env(env), attr) == value


@pytest.mark.parametrize("env, message", [
    ({"SOURCECHECK_MAX_BYTES": "1MB"}, "SOURCECHECK_MAX_BYTES must be a whole number, not '1MB'"),
    ({"SOURCECHECK_MAX_BATCH": "0"}, "SOURCECHECK_MAX_BATCH must be at least 1, not 0"),
    ({"SOURCECHECK_API_KEYS": "short"}, "SOURCECHECK_API_KEYS: every API key must be at least 16 characters"),
    ({"SOURCECHECK_LOG_LEVEL": "loud"}, "SOURCECHECK_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not 'loud'"),
    ({"SOURCECHECK_CORS_ORIGINS": "https://cms.example.org/editor"},
     "SOURCECHECK_CORS_ORIGINS: 'https://cms.example.org/editor' is not an origin like https://cms.example.org"),
    ({"SOURCECHECK_CORS_ORIGINS": "*, https://cms.example.org"},
     "SOURCECHECK_CORS_ORIGINS: '*' allows every origin and cannot be combined with others"),
    ({"SOURCECHECK_DEMO": "maybe"}, "SOURCECHECK_DEMO must be on or off, not 'maybe'"),
])
def test_bad_setting_is_a_clear_error(env, message):
    with pytest.raises(ConfigError) as e:
        Config.from_env(env)
    assert str(e.value) == message


def test_api_keys_are_not_shown_in_repr():
    assert "aaaaaaaaaaaaaaaa" not in repr(Config.from_env({"SOURCECHECK_API_KEYS": "aaaaaaaaaaaaaaaa"}))


@pytest.mark.parametrize("workers, cpus, expected", [(None, 2, 2), (None, 8, 8), (3, 8, 3)])
def test_workers_default_to_one_per_cpu(workers, cpus, expected):
    assert Config(workers=workers).worker_count(cpus) == expected


def test_app_config_defaults_the_store_settings_for_the_review_page():
    config = Config.from_env({}).flask_config()
    assert (config["DATABASE_URL"], config["SOURCECHECK_DB_PATH"]) == (None, "var/sourcecheck.db")


def test_app_takes_settings_by_their_environment_names(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    app = make_app(DATABASE_URL=url, SOURCECHECK_MAX_BYTES=5000)
    assert (app.config["DATABASE_URL"], app.config["MAX_CONTENT_LENGTH"]) == (url, 5000)


def test_form_fields_have_the_api_body_limit_not_flasks_default():
    assert Config(max_bytes=2_000_000).flask_config()["MAX_FORM_MEMORY_SIZE"] == 2_000_000


def test_app_takes_a_config_object(tmp_path):
    from service.app import create_app

    app = create_app(Config(max_bytes=123, db_path=str(tmp_path / "x.db")))
    assert (app.config["MAX_CONTENT_LENGTH"], app.config["SOURCECHECK_DB_PATH"]) == (123, str(tmp_path / "x.db"))


def test_app_reads_the_environment_when_given_no_config(monkeypatch, tmp_path):
    from service.app import create_app

    monkeypatch.setenv("SOURCECHECK_DB_PATH", str(tmp_path / "x.db"))
    monkeypatch.setenv("SOURCECHECK_MAX_BATCH", "7")
    assert create_app().config["SOURCECHECK_MAX_BATCH"] == 7


def test_app_registers_the_review_page(monkeypatch):
    calls = []
    monkeypatch.setattr("service.review.init_app", calls.append)
    app = make_app()
    assert calls == [app]
