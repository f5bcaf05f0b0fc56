"""Inline suppression comments in drafts."""
import pytest

from service.cli.suppression import Directive, parse


def suppressed(source: str, rule: str, words: str | None) -> bool:
    """Whether a finding of ``rule`` on the first ``words`` in ``source`` is silenced."""
    directives = parse(source)
    if words is None:
        return directives.suppresses(rule, None, None)
    at = source.index(words)
    return directives.suppresses(rule, at, source.count("\n", 0, at) + 1)


@pytest.mark.parametrize("source, rule, words, expected", [
    # disable ... enable
    ("<!-- sourcecheck-disable anonymous-source -->\nA officials said.\n", "anonymous-source", "officials", True),
    ("<!-- sourcecheck-disable anonymous-source -->\nA officials said.\n", "loaded-verb", "officials", False),
    ("A officials said.\n<!-- sourcecheck-disable anonymous-source -->\n", "anonymous-source", "officials", False),
    ("<!-- sourcecheck-disable -->\nA claimed.\n", "loaded-verb", "claimed", True),
    ("<!-- sourcecheck-disable all -->\nA claimed.\n", "loaded-verb", "claimed", True),
    ("<!-- sourcecheck-disable -->\nx\n<!-- sourcecheck-enable -->\nA claimed.\n", "loaded-verb", "claimed", False),
    ("<!-- sourcecheck-disable a, b -->\nX claimed.\n", "b", "claimed", True),
    ("<!-- sourcecheck-disable a b -->\nX claimed.\n", "b", "claimed", True),
    ("<!-- sourcecheck-disable a,b -->\n<!-- sourcecheck-enable a -->\nX claimed.\n", "b", "claimed", True),
    ("<!-- sourcecheck-disable a,b -->\n<!-- sourcecheck-enable a -->\nX claimed.\n", "a", "claimed", False),
    ("<!-- sourcecheck-disable -->\n<!-- sourcecheck-enable a -->\nX claimed.\n", "a", "claimed", False),
    ("<!-- sourcecheck-disable -->\n<!-- sourcecheck-enable a -->\nX claimed.\n", "b", "claimed", True),
    ("<!-- sourcecheck-disable anonymous-* -->\nX claimed.\n", "anonymous-share", "claimed", True),
    ("<!-- sourcecheck-disable anonymous-* -->\nX claimed.\n", "loaded-verb", "claimed", False),
    ("<!-- sourcecheck-disable Loaded-Verb -->\nX claimed.\n", "loaded-verb", "claimed", True),
    ("<!-- sourcecheck-disable loaded-verb -- the quote is verbatim -->\nX claimed.\n", "loaded-verb", "claimed", True),
    ("Inline <!-- sourcecheck-disable --> X claimed.\n", "loaded-verb", "claimed", True),
    # disable-next-line
    ("<!-- sourcecheck-disable-next-line loaded-verb -->\nX claimed.\nY claimed.\n", "loaded-verb", "X claimed", True),
    ("<!-- sourcecheck-disable-next-line loaded-verb -->\nX claimed.\nY claimed.\n", "loaded-verb", "Y claimed", False),
    ("<!-- sourcecheck-disable-next-line loaded-verb -->\n\nX claimed.\n", "loaded-verb", "X claimed", False),
    ("<!-- sourcecheck-disable-next-line other -->\nX claimed.\n", "loaded-verb", "X claimed", False),
    ("<!-- sourcecheck-disable-next-line -->\nX claimed.\n", "loaded-verb", "X claimed", True),
    ("<!--\n sourcecheck-disable-next-line loaded-verb\n-->\nX claimed.\n", "loaded-verb", "X claimed", True),
    # disable-line
    ("X claimed. <!-- sourcecheck-disable-line loaded-verb -->\nY claimed.\n", "loaded-verb", "X claimed", True),
    ("X claimed. <!-- sourcecheck-disable-line loaded-verb -->\nY claimed.\n", "loaded-verb", "Y claimed", False),
    # findings about the whole draft: judged at the end of the file
    ("<!-- sourcecheck-disable anonymous-share -->\nText.\n", "anonymous-share", None, True),
    ("<!-- sourcecheck-disable anonymous-share -->\nText.\n<!-- sourcecheck-enable -->\n", "anonymous-share", None,
     False),
    ("<!-- sourcecheck-disable-next-line anonymous-share -->\nText.\n", "anonymous-share", None, False),
    # not directives
    ("<!-- sourcecheck-disabled loaded-verb -->\nX claimed.\n", "loaded-verb", "claimed", False),
    ("<!-- sourcecheck-enable -->\nX claimed.\n", "loaded-verb", "claimed", False),
    ("sourcecheck-disable loaded-verb\nX claimed.\n", "loaded-verb", "claimed", False),
])
def test_suppression(source, rule, words, expected):
    assert suppressed(source, rule, words) is expected


def test_parse_reads_kind_rules_and_lines():
    (d,) = parse("Intro.\n<!-- sourcecheck-disable-next-line a, B -->\nText.").directives
    assert d == Directive("disable-next-line", ("a", "b"), 7, 50, 2, 2)


def test_draft_without_directives_suppresses_nothing():
    assert parse("Plain text.").suppresses("any", 0, 1) is False
