"""Writing a file the user named, as git, rsync and sqlite3 would: never losing a byte of theirs.

- A regular file (or a new one) is replaced in one step: a temporary file beside it, then a
  rename, so a failed or interrupted run leaves the old file whole.
- A symbolic link is followed: its target is written by these same rules; the link stays.
- A character device (/dev/null, /dev/full, a terminal) or a FIFO is written in place, as a
  shell's `>` would; a FIFO no one reads is refused rather than waited on.
- A block device, a socket or a file of several hard links is refused: replacing would split
  the links (the other names keep the old text), and writing in place cannot be undone when it
  fails half-way.
- A file its permission bits do not let this user write is refused, also for root, who may
  write anything: CI runs as root, and a read-only file is the user saying "keep this".
- A name given within a folder (a page of a site, a file of a dataset) stays inside it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .rules import messages
from .rules.paths import stays_inside


class WriteRefused(Exception):
    """A file cannot or must not be written; the message says which and why, in one line."""


def _writable_by_bits(info: os.stat_result) -> bool:
    """What the permission bits say, the way they read for a user who is not root."""
    if info.st_uid == os.geteuid():
        return bool(info.st_mode & stat.S_IWUSR)
    if info.st_gid == os.getegid() or info.st_gid in os.getgroups():
        return bool(info.st_mode & stat.S_IWGRP)
    return bool(info.st_mode & stat.S_IWOTH)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _replace(path: Path, data: bytes, old: os.stat_result | None) -> None:
    """Replace (or create) a regular file in one step, keeping the old file's mode and owner."""
    import tempfile  # with `random`, 1.7 ms of every start-up; only a command that writes a file needs it

    temp_name = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as out:
            temp_name = out.name
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # The temporary file is private (0600); the result gets the old file's permissions.
        os.chmod(temp_name, old.st_mode & 0o7777 if old else _new_file_mode())
        if old is not None and os.geteuid() == 0 and (old.st_uid, old.st_gid) != (0, 0):
            os.chown(temp_name, old.st_uid, old.st_gid)  # root writing a user's file leaves it theirs
        os.replace(temp_name, path)
        temp_name = None
    finally:
        if temp_name is not None and os.path.exists(temp_name):
            os.unlink(temp_name)


def _in_place(path: Path, data: bytes, fifo: bool) -> None:
    """Write to a device or a FIFO as it is: it cannot be replaced, and must not be."""
    flags = os.O_WRONLY | os.O_NOCTTY | (os.O_NONBLOCK if fifo else 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if fifo and error.errno == errno.ENXIO:
            raise WriteRefused(messages.cannot_write(str(path), messages.FIFO_NO_READER)) from None
        raise
    try:
        if fifo:
            os.set_blocking(handle, True)
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


def _write(path: Path, data: bytes, shown: str) -> None:
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(path))
        if target.is_symlink():  # realpath stops where links go round in a circle
            raise WriteRefused(messages.cannot_write(shown, messages.LINK_LOOP))
        _write(target, data, shown)  # the link stays; what it points at is written by these rules
        return
    if info is None:
        folder = path.parent
        if not folder.is_dir():
            raise WriteRefused(messages.cannot_write(shown, messages.no_folder(str(folder))))
        _replace(path, data, None)
        return
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise WriteRefused(messages.cannot_write(shown, messages.WRITE_IS_A_DIRECTORY))
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        _in_place(path, data, fifo=stat.S_ISFIFO(mode))
        return
    if not stat.S_ISREG(mode):
        kind = "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a file"
        raise WriteRefused(messages.cannot_write(shown, messages.not_a_regular_file(kind)))
    if info.st_nlink > 1:
        raise WriteRefused(messages.cannot_write(shown, messages.hard_links(info.st_nlink)))
    if not _writable_by_bits(info):
        raise WriteRefused(messages.cannot_write(shown, messages.READ_ONLY))
    _replace(path, data, info)


def write_file(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` by the rules above; raise :class:`WriteRefused`."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        _write(path, data, str(path))
    except PermissionError:
        raise WriteRefused(messages.cannot_write(str(path), messages.PERMISSION_DENIED)) from None
    except OSError as error:
        raise WriteRefused(messages.cannot_write(str(path), str(error.strerror))) from None


def write_within(folder: Path, name: str, content: str | bytes) -> Path:
    """Write the file ``name`` (a relative path, e.g. a city's page) inside ``folder``, and only
    there: a name that would land outside it (``../x``, ``/etc/x``) is refused. Returns the path."""
    if not stays_inside(name):
        raise WriteRefused(messages.cannot_write(name, messages.outside_folder(str(folder))))
    path = folder / name
    write_file(path, content)
    return path


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) for the files of an output; an existing file is refused."""
    if folder.exists() and not folder.is_dir():
        raise WriteRefused(messages.not_a_folder(str(folder)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise WriteRefused(messages.cannot_create_folder(str(folder), messages.PERMISSION_DENIED)) from None
    except OSError as error:
        raise WriteRefused(messages.cannot_create_folder(str(folder), str(error.strerror))) from None


__all__ = ["WriteRefused", "make_folder", "write_file", "write_within"]
