"""Reading an input file's bytes safely: size limit, no NUL bytes, UTF-8, all as Problems."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import Problem
from .rules import messages

BOM = b"\xef\xbb\xbf"


def is_csv(path: str | Path) -> bool:
    """Whether ``path`` names a CSV input (by its suffix, ``.csv`` in any case)."""
    return Path(path).suffix.lower() == ".csv"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _read_at_most(path: str, limit: int, size: int | None) -> bytes:
    """Up to ``limit`` bytes, without ever allocating the limit itself (it may be huge)."""
    with open(path, "rb") as handle:
        if size is not None:
            return handle.read(min(limit, size))
        chunks, total = [], 0
        while total < limit:
            chunk = handle.read(min(1 << 20, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)


def read_input(path: str, max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes without a byte-order mark, or None and the reason they cannot be used."""

    def fail(message: str, line: int = 0) -> tuple[None, list[Problem]]:
        return None, [Problem(path, line, message)]

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return fail(messages.FILE_NOT_FOUND)
    except OSError as error:
        return fail(messages.cannot_read(str(error.strerror)))
    if stat.S_ISDIR(info.st_mode):
        return fail(messages.IS_A_DIRECTORY)
    limit_mb = max_bytes / 1_000_000
    regular = stat.S_ISREG(info.st_mode)
    if regular and info.st_size > max_bytes:
        return fail(messages.too_large(limit_mb, info.st_size / 1_000_000))
    try:
        data = _read_at_most(path, max_bytes + 1, info.st_size + 1 if regular else None)
    except OSError as error:
        return fail(messages.cannot_read(str(error.strerror)))
    if len(data) > max_bytes:
        return fail(messages.too_large(limit_mb))
    if b"\x00" in data:
        return fail(messages.NUL_BYTE, _line_of(data, data.index(b"\x00")))
    return data.removeprefix(BOM), []


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """The text of UTF-8 bytes, or None and the line of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        byte = data[error.start]
        return None, [Problem(path, _line_of(data, error.start), messages.not_utf8(byte))]
