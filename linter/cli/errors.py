"""Exit codes and the one error every command may raise.

0: nothing at or above ``--fail-on`` (or nothing to change); 1: findings at or above it
(or changes ``fix --check`` would make, or a refused file); 2: a usage error, a missing
or unreadable path or a bad configuration, always one line on stderr.
"""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_CHANGES = EXIT_FINDINGS


class UsageError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""
