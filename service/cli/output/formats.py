"""The output formats by name (``--format``). Kept out of the package's
``__init__``, which every format imports, so that the imports run one way."""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

_MODULES = {"text": "text", "json": "json_out", "sarif": "sarif", "github": "github",
            "gitlab": "gitlab", "junit": "junit"}


def renderer(name: str) -> Callable:
    """The ``render`` function of output format ``name`` (only its module is
    imported: ``json`` needs the marshmallow schemas, ``text`` does not)."""
    return import_module(f"{__package__}.{_MODULES[name]}").render
