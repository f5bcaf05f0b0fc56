"""The newsroom policy's wire and file form: ``PolicySchema`` validates a
request body or a parsed TOML/YAML file and builds a ``service.engine.Policy``.
Every field is optional; unknown fields are errors, so a typo is caught.

``load_policy(data)`` is what ``service.policy.from_mapping`` calls: it turns
marshmallow's nested errors into ``PolicyError`` with dotted field paths
(``"rules.loaded-verb.severity"``), so the API and CLI can name the field.
"""
from __future__ import annotations

import re

from collections.abc import Mapping
from dataclasses import replace

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates

from schemas.fields import StrictBoolean, StrictFloat, StrictInteger
from service.engine import DEFAULT, RULES, SEVERITIES, Policy, PolicyError, compile_phrase

_RULE_IDS = tuple(RULES)
_SHARE = validate.Range(min=0.0, max=1.0)
_NON_NEGATIVE = validate.Range(min=0.0)


class _Strict(Schema):
    class Meta:
        unknown = RAISE


class RulePolicySchema(_Strict):
    enabled = StrictBoolean(metadata={"description": "report this finding (default true)"})
    severity = fields.String(validate=validate.OneOf(SEVERITIES),
                             metadata={"description": "info, warning or error"})
    weight = StrictFloat(validate=_NON_NEGATIVE, metadata={
        "description": "points each finding costs; default: the weight of its severity"})
    cap = StrictFloat(validate=_NON_NEGATIVE, metadata={
        "description": "most points this rule can cost; default: score.cap_per_rule"})


class ThresholdsSchema(_Strict):
    max_anonymous_quote_share = StrictFloat(allow_none=True, validate=_SHARE, metadata={
        "description": "anonymous-share fires above this share of quotations (0-1); null: off"})
    max_anonymous_source_share = StrictFloat(allow_none=True, validate=_SHARE, metadata={
        "description": "anonymous-share fires above this share of sources (0-1); null: off"})
    single_source_min_quotes = StrictInteger(validate=validate.Range(min=1), metadata={
        "description": "single-source-story needs at least this many attributed quotations"})


class ScorePolicySchema(_Strict):
    base = StrictFloat(validate=validate.Range(min=0.0, max=100.0),
                       metadata={"description": "the score before deductions (default 100)"})
    weights = fields.Dict(keys=fields.String(validate=validate.OneOf(
                              SEVERITIES, error="unknown severity {input!r}; the severities are: {choices}.")),
                          values=StrictFloat(validate=_NON_NEGATIVE),
                          metadata={"description": "points per finding, by severity"})
    cap_per_rule = StrictFloat(validate=_NON_NEGATIVE,
                               metadata={"description": "most points one rule can cost"})
    grades = fields.Dict(keys=fields.String(validate=validate.Length(min=1, max=20)),
                         values=StrictFloat(validate=validate.Range(min=0.0, max=100.0)),
                         metadata={"description": "letter -> lowest score that earns it"})
    fail_grade = fields.String(validate=validate.Length(min=1, max=20),
                               metadata={"description": "the letter below every band (default F)"})


# A verb is a string with a character that is not white space (Python's str.isspace set,
# spelled out so JSON Schema's ECMA regexes read it alike); the OpenAPI document shows it for
# list items, table keys and table values, so every verb the document allows is accepted.
VERB = r"[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_VERB_STRING = {"type": "string", "pattern": VERB}


class VerbTable(fields.Field):
    """Extra loaded verbs: a list of lemmas (neutral suggestion "say") or a
    table lemma -> neutral verb."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, list):
            pairs = [(v, "say") for v in value]  # not a dict yet: an item may be unhashable
        elif isinstance(value, Mapping):
            pairs = list(value.items())
        else:
            raise ValidationError("must be a list of verbs or a table verb -> neutral verb")
        out = {}
        for verb, neutral in pairs:
            if not isinstance(verb, str) or re.search(VERB, verb) is None:
                raise ValidationError(f"{verb!r} is not a verb")
            if not isinstance(neutral, str) or re.search(VERB, neutral) is None:
                raise ValidationError(f"the neutral verb for {verb!r} must be a word")
            out[" ".join(verb.lower().split())] = " ".join(neutral.lower().split())
        return out

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else dict(value)


# Word characters spelled out (Latin letters, digits, _), so every generator reads the
# pattern alike; the list's check below holds phrases to it as well as to ``compile_phrase``.
_WORD = r"[A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f'’.-]"
_ALTERNATIVES = rf"{_WORD}+(?:\|{_WORD}+)*"
# The syntax ``compile_phrase`` reads, as a pattern the OpenAPI document can show: words or
# a|b alternatives, some in (parentheses) as optional, at least one not.
PHRASE = rf"^\s*(?:\({_ALTERNATIVES}\)\s+)*{_ALTERNATIVES}(?:\s+(?:\({_ALTERNATIVES}\)|{_ALTERNATIVES}))*\s*$"


class WordsSchema(_Strict):
    loaded_verbs = VerbTable(metadata={
        "description": "extra loaded verbs: [lemma] or {lemma: neutral}",
        "oneOf": [{"type": "array", "items": _VERB_STRING},
                  {"type": "object", "propertyNames": _VERB_STRING, "additionalProperties": _VERB_STRING}]})
    house_titles = fields.List(fields.String(validate=validate.Length(min=1)), metadata={
        "description": "extra titles of people who speak for an institution"})
    # the pattern documents what ``compile_phrase`` (the check below) accepts
    vague_phrases = fields.List(fields.String(validate=validate.Length(min=1), metadata={"pattern": PHRASE}), metadata={
        "description": "extra weasel phrases, in the syntax of lexicon/vague_attributions.txt"})

    @validates("vague_phrases")
    def _phrases_compile(self, value, **kwargs):
        for phrase in value:
            if re.fullmatch(PHRASE, phrase) is None:
                raise ValidationError(f"{phrase!r}: use words in Latin letters, (optional) words and a|b")
            try:
                compile_phrase(phrase)
            except ValueError as e:
                raise ValidationError(f"{phrase!r}: {e}") from None


class PolicySchema(_Strict):
    """A newsroom policy (TOML/YAML file or the ``policy`` of a request)."""

    name = fields.String(allow_none=True, metadata={"description": "the policy's name, for the record"})
    rules = fields.Dict(keys=fields.String(validate=validate.OneOf(
                            _RULE_IDS, error="unknown rule {input!r}; the rules are: {choices}.")),
                        values=fields.Nested(RulePolicySchema),
                        metadata={"description": "rule id -> its settings"})
    thresholds = fields.Nested(ThresholdsSchema)
    score = fields.Nested(ScorePolicySchema)
    words = fields.Nested(WordsSchema)

    @post_load
    def _make_policy(self, data, **kwargs):
        rules = dict(DEFAULT.rules)
        for rule_id, settings in (data.get("rules") or {}).items():
            rules[rule_id] = replace(rules[rule_id], **settings)
        score = DEFAULT.score
        if "score" in data:
            s = dict(data["score"])
            if "weights" in s:
                s["weights"] = {**score.weights, **s["weights"]}
            if "grades" in s:
                s["grades"] = tuple(sorted(s["grades"].items(), key=lambda kv: -kv[1]))
            score = replace(score, **s)
        words = data.get("words") or {}
        return Policy(
            name=data.get("name"),
            rules=dict(rules),
            thresholds=replace(DEFAULT.thresholds, **(data.get("thresholds") or {})),
            score=score,
            loaded_verbs=dict(words.get("loaded_verbs") or {}),
            house_titles=tuple(words.get("house_titles") or ()),
            vague_phrases=tuple(words.get("vague_phrases") or ()),
        )


def flatten_errors(messages, prefix: str = "") -> dict[str, str]:
    """marshmallow's nested error messages as ``{"dotted.path": "message"}``.
    The ``key``/``value`` levels marshmallow adds inside a Dict are dropped."""
    out: dict[str, str] = {}
    if isinstance(messages, Mapping):
        for k, v in messages.items():
            k = str(k)
            path = prefix if k in ("key", "value", "_schema") and prefix else (f"{prefix}.{k}" if prefix else k)
            for p, m in flatten_errors(v, path).items():
                out[p] = f"{out[p]}; {m}" if p in out and out[p] != m else m
    elif isinstance(messages, (list, tuple)):
        if all(isinstance(m, str) for m in messages):
            out[prefix or "policy"] = " ".join(messages)
        else:
            for m in messages:
                out.update(flatten_errors(m, prefix))
    else:
        out[prefix or "policy"] = str(messages)
    return out


def load_policy(data):
    """Validate ``data`` into a ``Policy``; ``None`` gives the default."""
    if data is None:
        return DEFAULT
    if isinstance(data, Policy):
        return data
    if not isinstance(data, Mapping):
        raise PolicyError("policy must be an object", {"policy": "must be an object"})
    try:
        return PolicySchema().load(dict(data))
    except ValidationError as e:
        errors = flatten_errors(e.messages)
        detail = "; ".join(f"{k}: {v}" for k, v in sorted(errors.items()))
        raise PolicyError(f"invalid policy: {detail}", errors) from None
