"""The typing rules: named, in order, each deciding its own example."""
import pytest

from service.engine.sources.mentions import analyse
from service.engine.sources.types import TYPING_RULES


def test_rule_ids_are_unique_and_each_function_is_named_for_its_id():
    ids = [r.id for r in TYPING_RULES]
    assert len(ids) == len(set(ids))
    assert all(r.check.__name__ == r.id.replace("-", "_") for r in TYPING_RULES)


@pytest.mark.parametrize("rule", TYPING_RULES, ids=[r.id for r in TYPING_RULES])
def test_every_rule_decides_its_own_example(rule):
    assert analyse(rule.example).rule == rule.id


def test_the_last_rule_decides_anything_left():
    assert TYPING_RULES[-1].id == "unknown-noun"
    assert analyse("the lone protester at the gate").rule in {r.id for r in TYPING_RULES}
