"""``sourcecheck``, the command-line face of the engine: lint drafts for
sourcing in CI (against a baseline of accepted findings, or only the drafts
a change touched), print reports, audit JSONL archives (locally or on Dask),
serve editors over the Language Server Protocol.

Run it as ``sourcecheck`` (console script) or ``python -m service.cli``.
"""
from .commands import cli, main

__all__ = ["cli", "main"]
