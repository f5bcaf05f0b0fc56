"""Small helpers for engine specification tests."""
from service.engine.model import Span


def span_of(text: str, part: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part))
