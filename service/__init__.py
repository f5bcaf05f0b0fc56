"""Sourcecheck: source-attribution and anonymity auditing for newsrooms."""

__version__ = "0.1.0"
