"""JSON-typed marshmallow fields: a value of the type the OpenAPI document
declares, nothing marshmallow would coerce ("8" for a number, "yes" or 1
for a boolean), so what the document calls invalid the service refuses."""
from __future__ import annotations

import re

from marshmallow import fields

_SURROGATE = re.compile("[\ud800-\udfff]")


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
    """A JSON integer, not ``2.5`` (which marshmallow would truncate) nor ``"2"``."""

    def __init__(self, **kwargs):
        super().__init__(strict=True, **kwargs)


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


def dict_key_names(self, field, **kwargs) -> dict:
    """An apispec attribute function: a ``Dict`` whose keys are validated
    (rule ids, severities) documents them as JSON Schema ``propertyNames``."""
    key_field = getattr(field, "key_field", None)
    if not isinstance(field, fields.Dict) or key_field is None or not key_field.validators:
        return {}
    return {"propertyNames": self.field2property(key_field)}
