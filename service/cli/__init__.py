"""``sourcecheck``, the command-line face of the engine: lint drafts for
sourcing in CI, print reports, audit JSONL archives (locally or on Dask).

Run it as ``sourcecheck`` (console script) or ``python -m service.cli``.
"""
from .commands import cli, main

__all__ = ["cli", "main"]
