"""How a command ends: its exit code, and the error a user can fix, told on stderr."""

from __future__ import annotations

import contextlib
import sys

EXIT_MET, EXIT_MISSED, EXIT_ERROR, EXIT_UNKNOWN = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


class UserError(Exception):
    """A problem the user can fix that is not in a data file (e.g. an unwritable --output)."""


class OutputFailed(Exception):
    """Stdout cannot take the results (closed, a full disk, an encoding without CJK); not an
    OSError, so that nothing but the error boundary catches it."""


def err(message: str) -> None:
    with contextlib.suppress(AttributeError, OSError):  # stderr closed (`2>&-`) or full: nowhere left to tell
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
