"""JSON-typed marshmallow fields: a value of the type the OpenAPI document
declares, nothing marshmallow would coerce ("8" for a number, "yes" or 1
for a boolean), so what the document calls invalid the service refuses."""
from __future__ import annotations

import re

from marshmallow import ValidationError, fields, validate

_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters no article holds (the engine takes text with them for binary data): none
# may appear in an article's text. (Lone surrogates are refused too, by ``Text``: JSON Schema
# strings are Unicode, so the pattern need not name them.)
NOT_TEXT = r"\x00-\x08\x0e-\x1f"
# At least one visible character, none of NOT_TEXT. Anchored at both ends, so marshmallow's
# match and JSON Schema's search mean the same; linear time (no nested repetition).
ARTICLE_TEXT = rf"^[ \t\n\r\f\v]*[^ \t\n\r\f\v{NOT_TEXT}][^{NOT_TEXT}]*$"


class StrictBoolean(fields.Boolean):
    """A JSON ``true`` or ``false``, nothing else (not 0, 1, "yes")."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


class StrictFloat(fields.Float):
    """A JSON number (an integer or a fraction), not a numeric string."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class StrictInteger(fields.Integer):
    """A JSON integer as JSON Schema means it: ``2`` or ``2.0``, not ``2.5``
    (which marshmallow would truncate), ``"2"`` or ``true``."""

    def __init__(self, **kwargs):
        super().__init__(strict=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool):
            raise self.make_error("invalid")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return super()._deserialize(value, attr, data, **kwargs)


class Text(fields.String):
    """A string that is Unicode text: JSON may escape a lone surrogate
    (``"\\ud800"``), which no UTF-8 store or client can hold, so it is refused here."""

    default_error_messages = {"surrogate": "contains a lone surrogate (U+{code:04X}) at character {at}: "
                                           "not Unicode text"}

    def _deserialize(self, value, attr, data, **kwargs):
        value = super()._deserialize(value, attr, data, **kwargs)
        bad = _SURROGATE.search(value)
        if bad:
            raise self.make_error("surrogate", code=ord(bad.group()), at=bad.start())
        return value


class ArticleText(validate.Regexp):
    """``ARTICLE_TEXT`` (documented as the field's ``pattern``), saying which way a text fails it."""

    _CONTROL = re.compile(f"[{NOT_TEXT}]")

    def __init__(self):
        super().__init__(ARTICLE_TEXT)

    def __call__(self, value):
        if self.regex.match(value) is None:
            bad = self._CONTROL.search(value)
            if bad is None:
                raise ValidationError("text is empty: send the article's text")
            # the engine's words for the same refusal (``document.load``)
            raise ValidationError("input looks like binary data, not text")
        return value


def dict_key_names(self, field, **kwargs) -> dict:
    """An apispec attribute function: a ``Dict`` whose keys are validated
    (rule ids, severities) documents them as JSON Schema ``propertyNames``."""
    key_field = getattr(field, "key_field", None)
    if not isinstance(field, fields.Dict) or key_field is None or not key_field.validators:
        return {}
    return {"propertyNames": self.field2property(key_field)}
