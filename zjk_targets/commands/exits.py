"""How a command ends: its exit code, and the error a user can fix, told on stderr."""

from __future__ import annotations

import sys

EXIT_MET, EXIT_MISSED, EXIT_ERROR, EXIT_UNKNOWN = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


class UserError(Exception):
    """A problem the user can fix that is not in a data file (e.g. an unwritable --output)."""


def err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
