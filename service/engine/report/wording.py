"""The report's wording: the phrase compiler and the matchers for vague
attributions, loaded verbs and spokesperson titles, with the verb
inflection that rewrites a loaded cue. Word lists come from ``lexicon/``
and the policy's ``words``; compiled patterns are cached per word list.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import rows, words
from ..model import Cue, Quote

if TYPE_CHECKING:
    from ..policy import Policy

_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_PHRASE_WORD = re.compile(r"^[\w'’.-]+$")


def compile_phrase(phrase: str) -> re.Pattern:
    """A phrase of ``lexicon/vague_attributions.txt`` as a regex: words match
    case-insensitively across any whitespace, ``(word)`` is optional and
    ``a|b`` are alternatives. Raises ValueError for a malformed phrase."""
    parts: list[tuple[bool, str]] = []
    for token in phrase.split():
        optional = token.startswith("(") and token.endswith(")")
        body = token[1:-1] if optional else token
        alternatives = body.split("|")
        if not body or any(not _PHRASE_WORD.match(a) for a in alternatives):
            raise ValueError(f"bad word {token!r} (use words, (optional) and a|b)")
        parts.append((optional, "(?:" + "|".join(re.escape(a) for a in alternatives) + ")"))
    required = [i for i, (optional, _) in enumerate(parts) if not optional]
    if not required:
        raise ValueError("a phrase needs at least one word that is not optional")
    last = required[-1]
    pattern = ""
    for i, (optional, alt) in enumerate(parts):
        if i < last:
            pattern += f"(?:{alt}\\s+)?" if optional else f"{alt}\\s+"
        elif i == last:
            pattern += alt
        else:
            pattern += f"(?:\\s+{alt})?"
    return re.compile(rf"(?<![\w'’-]){pattern}(?![\w'’-])", re.IGNORECASE)


@lru_cache(maxsize=32)
def vague_patterns(extra: tuple[str, ...] = ()) -> tuple[re.Pattern, ...]:
    return tuple(compile_phrase(r[0]) for r in rows("vague_attributions")) + tuple(
        compile_phrase(p) for p in extra)


@lru_cache(maxsize=32)
def _first_words(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The words a vague phrase can start with."""
    first: set[str] = set()
    for phrase in [r[0] for r in rows("vague_attributions")] + list(extra):
        for token in phrase.split():
            optional = token.startswith("(") and token.endswith(")")
            first.update((token[1:-1] if optional else token).split("|"))
            if not optional:
                break
    return frozenset(first)


@lru_cache(maxsize=32)
def vague_triggers(extra: tuple[str, ...] = ()) -> re.Pattern:
    """The words a vague phrase can start with, as one pattern: the phrases are
    tried only where one of these stands, not at every character of a story."""
    words_ = "|".join(sorted((re.escape(w) for w in _first_words(extra)), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{words_})(?![\w'’-])", re.IGNORECASE)


_PLAIN_WORD = re.compile(r"[A-Za-z0-9_'-]+")
# the only characters that match an ASCII letter case-insensitively in ``re``
# but do not lower-case to it (every code point checked); looked for with ``in``,
# which answers at once for a text that cannot hold them (a narrower string kind)
_ODD_CASES = ("\u0130", "\u0131", "\u017f")


@lru_cache(maxsize=32)
def _plain_triggers(extra: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """``vague_triggers``' words in lower case when every one is a plain ASCII
    word; None when one is not ("u.s."): then only the pattern finds them."""
    first = _first_words(extra)
    if not all(_PLAIN_WORD.fullmatch(w) for w in first):
        return None
    return tuple(sorted({w.lower() for w in first}))


def _wordish(c: str) -> bool:
    """In ``[\\w'’-]``, the class the trigger pattern's edges test."""
    return c.isalnum() or c in "_'’-"


def trigger_starts(text: str, extra: tuple[str, ...] = ()) -> list[int]:
    """Where ``vague_triggers(extra)`` matches in ``text``, in order. Each
    word is looked for with ``str.find`` in the text lower-cased once, and
    its edges tested, rather than the alternation tried at every character;
    the pattern itself scans where that could differ (a trigger that is not
    a plain ASCII word, a text whose lower case is longer, or holding one of
    the characters ``re`` folds differently)."""
    plain = _plain_triggers(extra)
    low = text.lower()
    if plain is None or len(low) != len(text) or any(c in text for c in _ODD_CASES):
        return [m.start() for m in vague_triggers(extra).finditer(text)]
    n = len(text)
    out = []
    for w in plain:
        k = len(w)
        i = low.find(w)
        while i >= 0:
            if (i == 0 or not _wordish(text[i - 1])) and (i + k == n or not _wordish(text[i + k])):
                out.append(i)
            i = low.find(w, i + 1)
    out.sort()
    return out


@lru_cache(maxsize=32)
def vague_anywhere(extra: tuple[str, ...] = ()) -> re.Pattern:
    """Every vague phrase as one alternation: ``search`` finds one where any
    of ``vague_patterns`` would (one scan of a text, not one per phrase)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in vague_patterns(extra)), re.IGNORECASE)


def vague_matches(text: str, extra: tuple[str, ...] = ()) -> Iterator[re.Match]:
    """Every vague phrase in ``text``, leftmost first."""
    patterns = vague_patterns(extra)
    anywhere = vague_anywhere(extra)
    for at in trigger_starts(text, extra):
        if anywhere.match(text, at) is None:
            continue  # no phrase starts here (the one alternation tries them all at once)
        for p in patterns:
            m = p.match(text, at)
            if m:
                yield m


@lru_cache(maxsize=32)
def loaded_table(extra: tuple[tuple[str, str], ...] = ()) -> dict[str, tuple[str, str]]:
    """Loaded verb lemma -> (neutral verb, why it is loaded)."""
    table = {r[0].lower(): (r[1] if len(r) > 1 else "say", r[2] if len(r) > 2 else "")
             for r in rows("loaded_verbs")}
    for verb, neutral in extra:
        table[verb] = (neutral, "listed by the newsroom's policy")
    return table


@lru_cache(maxsize=32)
def spokesperson_patterns(extra: tuple[str, ...] = ()) -> tuple[re.Pattern, re.Pattern]:
    """A spokesperson title anywhere in a mention ("a ministry spokeswoman"),
    and one that ends just before a mention of the institution ("a spokesman
    for | the ministry")."""
    titles = sorted({t.lower() for t in {r[0] for r in rows("spokespeople") if r[1] == "spokesperson"} | set(extra)}, key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, t.split())) for t in titles)
    anywhere = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)
    before = re.compile(rf"(?<![\w-])(?:(?:an?|the|one)\s+)?(?:{alt})\s+(?:for|of|at|from|with)\s+$",
                        re.IGNORECASE)
    return anywhere, before


def tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def _content(text: str) -> list[str]:
    """The words of ``text`` that say something about who a source is."""
    return _informative(tokens(text))


def _informative(toks: list[str]) -> list[str]:
    uninformative = words("uninformative_words")
    return [t for t in toks if t not in uninformative]


def is_weasel(text: str) -> bool:
    """A bare weasel group: "critics", "some experts", "sources", "many"."""
    toks = tokens(text)  # made once: its content words are read off the same tokens
    content = _informative(toks)
    weasels = words("weasel_speakers")
    if content:
        return len(content) == 1 and content[0] in weasels
    return any(t in weasels for t in toks)


def describes_position(text: str) -> bool:
    """Whether ``text`` says something of a source's position or basis of
    knowledge beyond a bare noun and a rank ("an official": no; "a senior
    official who attended the meeting", "a State Department official": yes)."""
    bare = words("bare_source_nouns")
    return any(t not in bare for t in _content(text))


# --- verb forms for loaded-verb suggestions ----------------------------------

_IRREGULAR = {"say": {"base": "say", "s": "says", "past": "said", "ing": "saying"}}


@lru_cache(maxsize=1024)
def verb_forms(lemma: str) -> frozenset[str]:
    """Regular inflections of a verb lemma ("admit" -> admits, admitted, admitting...)."""
    if lemma in _IRREGULAR:
        return frozenset(_IRREGULAR[lemma].values())
    v = lemma
    forms = {v, _inflect(v, "s"), _inflect(v, "past"), _inflect(v, "ing")}
    if re.search(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$", v):  # admit -> admitted, snap -> snapped
        forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return frozenset(forms)


def _inflect(verb: str, kind: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb][kind]
    if kind == "base":
        return verb
    if kind == "s":
        if verb.endswith(("s", "sh", "ch", "x", "z")):
            return verb + "es"
        return verb[:-1] + "ies" if re.search(r"[^aeiou]y$", verb) else verb + "s"
    if kind == "past":
        if verb.endswith("e"):
            return verb + "d"
        return verb[:-1] + "ied" if re.search(r"[^aeiou]y$", verb) else verb + "ed"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


def _form_kind(word: str, lemma: str) -> str:
    if word == lemma:
        return "base"
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed"):
        return "past"
    return "s" if word.endswith("s") else "past"


@dataclass(frozen=True, slots=True)
class LoadedVerb:
    """A loaded attribution verb: the lemma that matched, the cue rewritten
    with the neutral verb ("has admitted" -> "has said"), and why it is loaded."""

    lemma: str
    neutral: str
    why: str


def loaded_verb(cue: Cue, table: dict[str, tuple[str, str]]) -> LoadedVerb | None:
    """The ``LoadedVerb`` when ``cue`` is one; None for a neutral cue. The
    cue's lemma picks the verb ("admit"; "point" or "point out" for "pointed out")."""
    lemma = " ".join(cue.lemma.lower().split()).split()
    found = list(_TOKEN.finditer(cue.text))
    if lemma:
        # the table's entries whose first verb has this form, in table order (no scan of the table)
        candidates = [k for k in _by_form(table).get(lemma[0], ())
                      if len(lemma) == 1 or lemma[1:] == k.split()[1:]]
        for key in sorted(candidates, key=lambda k: -len(k.split())):
            neutral, why = table[key]
            first, *rest = key.split()
            for i, m in enumerate(found):
                word = m.group().lower()
                following = [t.group().lower() for t in found[i + 1:i + 1 + len(rest)]]
                if word in verb_forms(first) and following == rest:
                    end = found[i + len(rest)].end()
                    verb = _inflect(neutral, _form_kind(word, first))
                    if m.group()[0].isupper():
                        verb = verb[0].upper() + verb[1:]
                    rewritten = cue.text[:m.start()] + verb + cue.text[end:]
                    return LoadedVerb(key, rewritten, why)
            if not rest:  # the lemma names it though the text's form is unusual
                return LoadedVerb(key, _inflect(neutral, "past"), why)
    return None


_FORM_INDEXES: dict[int, tuple[dict, dict[str, tuple[str, ...]], int]] = {}


def _by_form(table: dict[str, tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Verb form -> the keys of ``table`` whose first word inflects to it, in
    table order; built once per table (``loaded_table`` hands out one dict per
    word list; the entry holds the table, so its id is not reused meanwhile)."""
    held = _FORM_INDEXES.get(id(table))
    if held is not None and held[0] is table and len(held[0]) == held[2]:
        return held[1]
    index: dict[str, list[str]] = {}
    for key in table:
        for form in verb_forms(key.split()[0]):
            index.setdefault(form, []).append(key)
    if len(_FORM_INDEXES) >= 64:
        _FORM_INDEXES.clear()
    built = {form: tuple(keys) for form, keys in index.items()}
    _FORM_INDEXES[id(table)] = (table, built, len(table))
    return built


def loaded_cue(cue: Cue | None, policy: "Policy") -> LoadedVerb | None:
    """``loaded_verb`` under the policy's lists. A vague cue ("There are also
    claims", "it is claimed") is not a verb attribution: its noun or passive
    is reported as vague-attribution, not as a loaded verb."""
    if cue is None or vague_anywhere(policy.vague_phrases).search(cue.text):
        return None
    return loaded_verb(cue, loaded_table(tuple(sorted(policy.loaded_verbs.items()))))


def mark_loaded(quote: Quote, loaded: LoadedVerb | None) -> Quote:
    """The quote with its cue's ``loaded``/``neutral`` set when ``loaded``
    (a new object; the input is not changed)."""
    if loaded is None or quote.cue is None:  # a loaded verb is a cue's
        return quote
    return replace(quote, cue=replace(quote.cue, loaded=True, neutral=loaded.neutral))
