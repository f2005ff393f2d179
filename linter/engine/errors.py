"""Errors of the engine's inputs that the command line turns into one line and exit 2."""

from __future__ import annotations


class ConfigError(Exception):
    """A configuration problem: one line, naming the file; the command exits 2."""
