"""A national dataset's folder, written whole or not at all, as git writes its index: under a lock
beside it (a second build is refused, never interleaved), into a new folder beside it, swapped in
by renames once every file and the manifest are written. A build cut off (Ctrl-C, SIGTERM) leaves
the old folder as it was; a folder holding anything the build did not write is refused, not cleaned.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..rules import messages
from .exits import UserError

_HELD = {signal.SIGINT, signal.SIGTERM}


def _real(output: Path) -> Path:
    """Where the dataset goes: a symbolic link to a folder is followed, never replaced."""
    return Path(os.path.realpath(output))


def _lock_path(output: Path) -> Path:
    return output.parent / f".{output.name}.lock"


@contextlib.contextmanager
def locked(output: Path) -> Iterator[None]:
    """Hold ``output``'s lock (a file beside it, holding this process's id) while the block runs."""
    real = _real(output)
    lock = _lock_path(real)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        try:
            pid = lock.read_text(encoding="utf-8").strip() or "?"
        except (OSError, UnicodeDecodeError):
            pid = "?"
        raise UserError(messages.being_built(str(output), pid, str(lock))) from None
    except OSError as error:
        raise UserError(messages.cannot_write(str(lock), str(error.strerror))) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as written:
            written.write(f"{os.getpid()}\n")
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def refuse_foreign(output: Path) -> None:
    """Refuse to replace ``output`` unless it is absent, empty, or exactly a dataset's files as its
    manifest lists them: a file of the user's is never deleted."""
    from ..national.manifest import differences, entries

    real = _real(output)
    if not real.exists():
        return
    if not real.is_dir():
        raise UserError(messages.not_a_folder(str(output)))
    try:
        if not any(True for _ in entries(real)):
            return
        problems = differences(real)
    except OSError as error:
        raise UserError(f"cannot read {output}: {error.strerror}") from None
    if problems == [messages.NO_MANIFEST]:
        raise UserError(messages.not_a_dataset(str(output)))
    if problems:
        raise UserError(messages.not_the_build_s(str(output), problems))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while the old folder is swapped for the new: between the two renames
    the dataset's name holds nothing."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextlib.contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (`timeout`, a CI runner) stops the build as Ctrl-C does, so that its new folder and its
    lock are removed on the way out rather than left behind."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        before = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: SIGTERM keeps its way
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _folder_mode(real: Path) -> int:
    """The old folder's mode, else what the umask gives a new one (mkdtemp's folder is private)."""
    try:
        return real.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask


def write_whole(output: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` (name → bytes, the manifest among them, written last) as the folder ``output``:
    into a new folder beside it, then swapped in; the old folder goes only once the new is in place.
    Call under :func:`locked`, after :func:`refuse_foreign`."""
    real = _real(output)
    try:
        new = Path(tempfile.mkdtemp(dir=real.parent, prefix=f".{real.name}.new-"))
    except OSError as error:
        raise UserError(messages.cannot_write(str(output), str(error.strerror))) from None
    old: Path | None = None
    moved_in = False
    try:
        for name, data in files.items():
            _write_file(new / name, data)
        os.chmod(new, _folder_mode(real))
        refuse_foreign(output)  # once more: the build took minutes, and the user may have added a file
        with _signals_held():
            if real.exists():
                old = Path(tempfile.mkdtemp(dir=real.parent, prefix=f".{real.name}.old-"))
                os.rename(real, old)  # onto the empty folder just made: a name nobody else uses
            os.rename(new, real)
            moved_in = True
            if old is not None:
                shutil.rmtree(old)
    except OSError as error:
        raise UserError(messages.cannot_write(str(output), str(error.strerror))) from None
    finally:
        if not moved_in:
            shutil.rmtree(new, ignore_errors=True)
            if old is not None and real.exists():
                with contextlib.suppress(OSError):
                    old.rmdir()  # made for the old folder, which never moved
            elif old is not None:
                os.rename(old, real)  # the new folder could not be moved in: the old one goes back


def _commit(collection: Path) -> str | None:
    """The git commit the collection is checked out at ("… with changes" when its files differ from
    it), or None when it is not a git checkout or git is not installed."""
    import subprocess

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(collection), *args], capture_output=True, text=True, timeout=60, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    head = git("rev-parse", "--verify", "HEAD")
    if not head:
        return None
    changed = git("status", "--porcelain", "--", ".")
    return head.strip() + ("" if changed == "" else " with changes")


def build_inputs(collection: Path, source_url: str | None) -> dict[str, str]:
    """What a build read, as its manifest records it: the collection by its folder's name (never a
    path of the machine it was built on), its git commit where known, and --source-url."""
    inputs = {"collection": Path(os.path.abspath(collection)).name}
    commit = _commit(collection)
    if commit is not None:
        inputs["commit"] = commit
    if source_url:
        inputs["source_url"] = source_url
    return inputs
