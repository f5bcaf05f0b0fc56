"""The engine's exceptions; faces map them to problem+json or exit codes."""


class SourcecheckError(Exception):
    """Base of every error the engine raises on purpose."""


class InputError(SourcecheckError, ValueError):
    """The input cannot be audited: wrong type, too large, not text."""


class PolicyError(SourcecheckError, ValueError):
    """A newsroom policy is invalid; ``errors`` maps field paths to messages."""

    def __init__(self, message: str, errors: dict | None = None):
        super().__init__(message)
        self.errors = errors or {}


class DeadlineExceeded(SourcecheckError):
    """An audit ran past the deadline it was given (``audit(deadline=...)``)."""
