"""Where a command's results go: stdout, a file replaced atomically, the pager, a CI step summary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .exits import UserError, err


def write(text: str, output: Path | None) -> None:
    if output is None:
        # A megabyte at a time: a national export encoded at once is tens of megabytes of memory.
        for start in range(0, len(text), 1 << 20):
            sys.stdout.write(text[start : start + (1 << 20)])
        sys.stdout.flush()
        return
    write_atomically(output, text)
    err(f"wrote {output}")


def _file_mode(path: Path) -> int:
    """Keep an existing file's mode; give a new one what the umask allows."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_bytes(path: Path, data: bytes) -> None:
    write_atomically(path, data)


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace ``path`` in one step, so a failed or interrupted run leaves the old file whole."""
    import tempfile  # with `random`, 1.7 ms of every start-up; only a command that writes a file needs it

    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UserError(f"cannot write {path}: it is a directory")
    if not folder.is_dir():
        raise UserError(f"cannot write {path}: folder {folder} does not exist")
    temp_name = None
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
            temp_name = handle.name
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        # The temporary file is private (0600); the result gets the usual permissions.
        os.chmod(temp_name, _file_mode(path))
        os.replace(temp_name, path)
        temp_name = None
    except PermissionError:
        raise UserError(f"cannot write {path}: permission denied") from None
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror}") from None
    finally:
        if temp_name is not None and os.path.exists(temp_name):
            os.unlink(temp_name)


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
            process.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less ignores it), as in git
            continue


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
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown())
    except OSError as error:
        raise UserError(f"cannot append to GITHUB_STEP_SUMMARY ({path}): {error.strerror}") from None
