"""audit(): the engine's one entry point."""
import pytest

from service.engine import PolicyError, audit
from service.policy import from_mapping


def test_audit_takes_a_policy_built_from_a_mapping():
    report = audit("“We will win,” said the mayor.", policy=from_mapping({"name": "Metro desk"}))
    assert [q.text for q in report.quotes] == ["We will win,"]


def test_a_bad_policy_is_a_policy_error_before_any_work():
    with pytest.raises(PolicyError):
        audit("“We will win,” said the mayor.", policy={"no-such-setting": 1})


def test_a_mapping_is_not_a_policy_the_faces_build_one_first():
    with pytest.raises(PolicyError, match="service.policy.from_mapping"):
        audit("“We will win,” said the mayor.", policy={})


def test_empty_article_has_an_empty_report():
    report = audit("")
    assert report.quotes == () and report.sources == ()
