"""Where a command's results go: stdout, a file (by the rules of :mod:`zjk_targets.safe_write`), the
pager, a CI step summary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..render.text import visible
from ..rules import messages
from ..safe_write import write_file
from .exits import UserError, err


def write(text: str, output: Path | None) -> None:
    if output is None:
        # A megabyte at a time: a national export encoded at once is tens of megabytes of memory.
        for start in range(0, len(text), 1 << 20):
            sys.stdout.write(text[start : start + (1 << 20)])
        sys.stdout.flush()
        return
    write_file(output, text)
    tell_wrote(output)


def tell_wrote(what: object) -> None:
    """Say on stderr what was written; a path may hold escape characters, shown as escapes."""
    err(visible(f"wrote {what}"))


# Every command writes its files through the one writer (safe_write), under these names.
write_atomically = write_bytes = write_file


def console() -> Any:
    from rich.console import Console

    # soft_wrap: the renderers lay out their own lines and never let rich fold an id
    return Console(highlight=False, soft_wrap=True)


def page(text: str, no_pager: bool) -> None:
    """Print, through a pager the way git does: only on a terminal, only when the text is taller
    than the screen, with $PAGER (default less, with LESS=FRX), never with --no-pager."""
    if no_pager or not sys.stdout.isatty() or text.count("\n") < shutil.get_terminal_size().lines:
        write(text, None)
        return
    pager = os.environ.get("PAGER", "less").strip()
    words = pager.split()
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        write(text, None)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the screen as it was
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    process = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602 - the user's $PAGER
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode("utf-8"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    while True:
        try:
            status = process.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less ignores it), as in git
            continue
    if status > 0:  # e.g. PAGER=false, or a pager that is not there: the text was never shown
        raise UserError(messages.pager_failed(pager, status))


def show(renderable: Any, no_pager: bool) -> None:
    """A rich renderable, laid out for this terminal, through :func:`page`."""
    capturing = console()
    with capturing.capture() as capture:
        capturing.print(renderable, end="")
    page(capture.get(), no_pager)


def append_step_summary(markdown: Callable[[], str]) -> None:
    """GitHub Actions shows this file on the run's page; only the CLI knows about it. The
    markdown is made only when there is a summary to write."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    try:
        # not blocking on open: a FIFO that nothing reads must not hang a CI step
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(markdown())
    except OSError as error:
        raise UserError(messages.cannot_append_summary(path, str(error.strerror))) from None
