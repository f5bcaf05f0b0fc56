"""NLTK, only as much of it as the engine needs.

NLTK's package ``__init__`` imports nearly all of NLTK (about 0.4 s, most of
a one-draft ``sourcecheck check``). The engine uses one module of it, Punkt;
textstat imports ``nltk`` only for a CMU-dictionary syllable counter the
engine never calls (``readability.py`` counts syllables with Pyphen).

``punkt()`` puts ``nltk`` and ``nltk.tokenize`` in ``sys.modules`` as the
real package modules with their ``__init__`` not yet run, imports
``nltk.tokenize.punkt`` (and the few NLTK modules it imports) into them, and
leaves each package to run its ``__init__``, in full, the first time
something reads an attribute the package does not have yet (a module
``__getattr__``, PEP 562). ``import nltk`` is then free; ``nltk.data`` or
``nltk.word_tokenize`` work as ever.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType
from typing import Callable

PUNKT = "nltk.tokenize.punkt"
_PACKAGES = ("nltk", "nltk.tokenize")  # parents first


def punkt() -> ModuleType:
    """The module ``nltk.tokenize.punkt``, imported without NLTK's package
    ``__init__`` when NLTK is not imported yet (else the ordinary way)."""
    if PUNKT in sys.modules:
        return sys.modules[PUNKT]
    if any(name in sys.modules for name in _PACKAGES):
        return importlib.import_module(PUNKT)
    packages = []
    for name in _PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        sys.modules[name] = importlib.util.module_from_spec(spec)
        packages.append((sys.modules[name], spec))
    try:
        # bare packages: ``from nltk import pathsec`` finds no attribute and
        # imports the submodule, as it does while a package's __init__ runs
        return importlib.import_module(PUNKT)
    finally:
        run_parent = None
        for module, spec in packages:
            run_parent = _defer_init(module, spec, run_parent)


def ensure_lazy_nltk() -> None:
    """Make a later ``import nltk`` (textstat's) cheap: import Punkt this way
    first, which leaves ``nltk`` in ``sys.modules`` with its __init__ not run."""
    punkt()


def _defer_init(module: ModuleType, spec, run_parent: Callable[[], None] | None) -> Callable[[], None]:
    """Run the package's ``__init__`` on the first read of an attribute it
    does not have yet, its parent's first (as ``import`` does: the parent's
    __init__ may import this package, which then runs here, once)."""
    started = False

    def run() -> None:
        nonlocal started
        if run_parent is not None:
            run_parent()
        if started:
            return
        started = True
        del module.__dict__["__getattr__"]
        spec.loader.exec_module(module)

    def __getattr__(attr: str):
        run()
        return getattr(module, attr)

    module.__dict__["__getattr__"] = __getattr__
    return run
