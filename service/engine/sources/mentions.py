"""What a speaker mention says on its own: its form (name, pronoun, definite
description, description), the source type it implies, and its parts.

``analyse("Secretary of State John Kerry")`` knows the name is "John Kerry"
and the title "Secretary of State"; ``analyse("a spokesman for the ministry")``
knows the source is institutional and the body "the ministry". Pronouns,
appositives and groups are read here; every other phrase is typed by the
named rules of ``types``, and ``MentionInfo.rule`` says which decided. What a
pronoun or "the senator" refers to needs the document: ``resolve`` finds it.
Offsets in a ``MentionInfo`` are relative to the analysed string.
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import lru_cache
from typing import cast

from ..words import TRAILING_ADVERBS
from .reading import (
    _EDGE_PUNCT, _GROUP_SPLIT, _PAREN_TAIL, _RELATIVE_START, PRONOUNS, Form, MentionInfo, _is_cap, _key,
    opens_appositive,
)
from .types import type_phrase


@lru_cache(maxsize=4096)
def analyse(text: str, house_titles: frozenset[str] = frozenset()) -> MentionInfo:
    """Analyse one speaker mention (a bare noun phrase) without context."""
    a, b = 0, len(text)
    while a < b and _blank(text[a]):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    m = _PAREN_TAIL.search(text, a, b) if b > a and text[b - 1] == ")" else None
    if m and m.start() > a:
        b = m.start()  # "Sen. Bernie Sanders (I-Vt.)"
    while b > a and text[b - 1] in " \t\n\r,;:!?\"“”()[]—–":
        b -= 1
    while b > a and _blank(text[b - 1]):
        b -= 1
    b = _without_stray_tail(text, a, b)
    core = text[a:b]
    if not core:
        return MentionInfo("description", "anonymous", text, (0, len(text)), key=text.lower(), rule="empty")
    low = core.lower()

    pron = PRONOUNS.get(low)
    if pron is not None:
        number, gender, kind = pron
        span = (a, b)
        if kind == "author":
            return MentionInfo("author", "person", core, span, key="i", rule="pronoun")
        if kind in ("we", "you", "relative"):
            return MentionInfo(cast(Form, kind), "anonymous" if kind == "you" else None, core, span,
                               gender=gender, plural=kind == "we", key=low, rule="pronoun")
        return MentionInfo("pronoun", None, core, span, gender=gender, plural=number == "pl", key=low,
                           rule="pronoun")

    # "Charles Lister, a visiting fellow at ...": the appositive describes the head
    comma = min((i for i in (core.find(", "), core.find(" – "), core.find(" — ")) if i > 0), default=-1)
    if comma > 0:
        rest_a = a + comma + 1
        while rest_a < b and text[rest_a] in " ,–—":
            rest_a += 1
        rest_b = b
        while rest_b > rest_a and text[rest_b - 1] in " ,–—":
            rest_b -= 1
        rest = text[rest_a:rest_b]
        relative = _RELATIVE_START.match(rest)
        if relative is not None:
            rest_a += relative.end()
            rest = text[rest_a:rest_b]
        cut = min((i for i in (rest.find(","), rest.find(" –"), rest.find(" —")) if i > 0), default=-1)
        if cut > 0:  # "a lawyer at Ruiz & Lake, who represents ...": the first part
            rest_b = rest_a + cut
            while rest_b > rest_a and text[rest_b - 1].isspace():
                rest_b -= 1
        if relative is None and rest_b > rest_a:
            after = type_phrase(text, rest_a, rest_b, house_titles)
            before = type_phrase(text, a, a + comma, house_titles)
            if after.form == "name" and _is_cap(text[rest_a:rest_b].split()[0]) \
                    and before.form in ("definite", "description") \
                    and (before.kind != "institutional" or before.role == "spokesperson"):
                # a description, then the name: the description is the descriptor
                return replace(after, appositive=(a, a + comma), rule="description-then-name")
        appositive = rest_b > rest_a and opens_appositive(text[rest_a:rest_b], house_titles)
        bare_relative = relative is not None and relative.group(1) is None and relative.group("adv") is None
        if appositive or bare_relative:
            head = analyse(text[:a + comma], house_titles)  # may be a group: "Okafor and Tom Lake"
            if head.form in ("name", "description", "definite"):
                return replace(head, appositive=(rest_a, rest_b) if appositive else None)

    # A group takes the type of its head: "Ruiz and other senior Democrats".
    g = _GROUP_SPLIT.search(core)
    if g and g.start() > 0 and core[g.end():].strip():
        head = analyse(core[:g.start()], house_titles)
        if head.form not in ("pronoun", "relative", "we", "you"):
            return MentionInfo("description", head.kind or "anonymous", core, (a, b), plural=True,
                               head=head.head, group=True, key=_key(core), rule="group")

    return type_phrase(text, a, b, house_titles)





def _blank(c: str) -> bool:
    """Punctuation, space or an invisible format character at a mention's edge."""
    return c in _EDGE_PUNCT or c.isspace() or unicodedata.category(c) == "Cf"


def _without_stray_tail(text: str, a: int, b: int) -> int:
    """``b`` moved back over trailing adverbs after a longer phrase."""
    while True:
        cut = text.rfind(" ", a, b)
        if cut <= a or text[cut + 1:b].lower() not in TRAILING_ADVERBS:
            return b
        b = cut
        while b > a and text[b - 1].isspace():
            b -= 1
