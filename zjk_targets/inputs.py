"""Reading an input file's bytes safely: size limit, no NUL bytes, UTF-8, all as Problems."""

from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path

from .errors import Problem
from .rules import messages

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def is_csv(path: str | Path) -> bool:
    """Whether ``path`` names a CSV input (by its suffix, ``.csv`` or ``.csv.gz`` in any case)."""
    return str(path).lower().removesuffix(".gz").endswith(".csv")


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


def is_gzip(path: str) -> bool:
    """Whether ``path`` names a gzip-compressed input (``.gz``, in any case): the bundled national data."""
    return path.lower().endswith(".gz")


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes | None, str]:
    """The bytes inside, at most ``max_bytes`` of them (a small archive can unpack to gigabytes)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        return None, messages.NOT_GZIP
    if len(out) > max_bytes:
        return None, messages.too_large(max_bytes / 1_000_000)
    if not inflater.eof:
        return None, messages.NOT_GZIP
    return out, ""


def read_input(path: str, max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes (unpacked when gzip) without a byte-order mark, or None and why they cannot be used."""

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
    if is_gzip(path):
        data, problem = _gunzip(data, max_bytes)
        if data is None:
            return fail(problem)
    if data.startswith(UTF16_BOMS):  # as Windows saves "Unicode" text: every reader takes UTF-8 from here
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return fail(messages.NOT_UTF16)
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
