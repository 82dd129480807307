"""Reading an input file's bytes safely: size limit, no NUL bytes, UTF-8, all as Problems."""

from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path

from .errors import Problem
from .rules import messages

BOM = b"\xef\xbb\xbf"
GZIP_MAGIC = b"\x1f\x8b"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def is_csv(path: str | Path) -> bool:
    """Whether ``path`` names a CSV input (by its suffix, ``.csv`` or ``.csv.gz`` in any case)."""
    return str(path).lower().removesuffix(".gz").endswith(".csv")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _read_regular(path: str, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of a regular file, or None when ``path`` is something else by the time
    it is opened. Opened without blocking: a FIFO put in its place would otherwise wait for a writer."""
    with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK)) as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        return handle.read(limit)


def is_gzip(path: str) -> bool:
    """Whether ``path`` names a gzip-compressed input (``.gz``, in any case): the bundled national data."""
    return path.lower().endswith(".gz")


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes | None, str]:
    """The bytes inside, at most ``max_bytes`` of them (a small archive can unpack to gigabytes):
    every member to the end, as `gzip -d` reads them; anything after the last member is refused."""
    out: list[bytes] = []
    total = 0
    rest = data
    while True:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = inflater.decompress(rest, max_bytes - total + 1)
        except zlib.error:
            return None, messages.NOT_GZIP if not out else messages.GZIP_TRAILING_DATA
        total += len(part)
        if total > max_bytes:
            return None, messages.too_large(max_bytes / 1_000_000)
        if not inflater.eof:
            return None, messages.NOT_GZIP
        out.append(part)
        rest = inflater.unused_data
        if not rest:
            return b"".join(out), ""
        if not rest.startswith(GZIP_MAGIC):
            return None, messages.GZIP_TRAILING_DATA


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
    if not stat.S_ISREG(info.st_mode):  # a FIFO would hang the read until someone writes to it
        return fail(messages.NOT_A_REGULAR_INPUT)
    limit_mb = max_bytes / 1_000_000
    if info.st_size > max_bytes:
        return fail(messages.too_large(limit_mb, info.st_size / 1_000_000))
    try:
        data = _read_regular(path, min(max_bytes, info.st_size) + 1)
    except OSError as error:
        return fail(messages.cannot_read(str(error.strerror)))
    if data is None:
        return fail(messages.NOT_A_REGULAR_INPUT)
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
