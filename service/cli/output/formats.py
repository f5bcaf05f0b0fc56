"""The output formats by name (``--format``). Kept out of the package's
``__init__``, which every format imports, so that the imports run one way."""
from __future__ import annotations

from collections.abc import Callable


def renderer(name: str) -> Callable:
    """The ``render`` function of output format ``name``."""
    from . import github, gitlab, json_out, junit, sarif, text

    return {"text": text.render, "json": json_out.render, "sarif": sarif.render,
            "github": github.render, "gitlab": gitlab.render, "junit": junit.render}[name]
