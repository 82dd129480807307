"""A gzip input read as a stream, for the parser to take a piece at a time: the whole file's
unpacked bytes are never held at once (at 4× the national record they were 109 MB, held through
pandas' parse). Anything :func:`zjk_targets.inputs.read_input` would refuse stops the stream with
an exception; the reader then reads the file whole, as before, to say what is wrong."""

from __future__ import annotations

import io
import os
import stat
import zlib

from .inputs import BOM, GZIP_MAGIC, UTF16_BOMS

_PIECE = 1 << 20


class Refused(ValueError):
    """The file is not one the stream reads: read it whole for the reason."""


class Gunzipped(io.RawIOBase):
    """The bytes inside a regular gzip file of at most ``max_bytes`` unpacked, without a byte-order
    mark: every member to the end, nothing after the last, no NUL byte, not UTF-16. Counts the
    line breaks and keeps the first line and the last byte, for the parser's checks."""

    def __init__(self, path: str, max_bytes: int) -> None:
        super().__init__()
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            raise Refused(path)
        self._file = open(path, "rb")  # noqa: SIM115 - closed with the stream
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._max = max_bytes
        self._total = 0
        self._pending = memoryview(b"")
        self._started = False
        self.finished = False
        self.newlines = 0
        self.first_line: bytes | None = None
        self._head = b""
        self.last = b""

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.closed:
            self._file.close()
        super().close()

    def _inflated(self) -> bytes:
        """The next unpacked piece, b"" at the end of the last member."""
        while True:
            if self._inflater.eof:
                rest = self._inflater.unused_data
                if len(rest) < len(GZIP_MAGIC):
                    rest += self._file.read(_PIECE)
                if not rest:
                    self.finished = True
                    return b""
                if not rest.startswith(GZIP_MAGIC):
                    raise Refused("trailing data")
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                packed = rest
            else:
                packed = self._inflater.unconsumed_tail or self._file.read(_PIECE)
                if not packed:
                    raise Refused("truncated")
            piece = self._inflater.decompress(packed, _PIECE)
            self._total += len(piece)
            if self._total > self._max:
                raise Refused("too large")
            if piece:
                return piece

    def _next(self) -> bytes:
        piece = self._inflated()
        if not self._started:
            while len(piece) < len(BOM) and not self.finished:
                piece += self._inflated()
            self._started = True
            if piece.startswith(UTF16_BOMS):
                raise Refused("UTF-16")
            piece = piece.removeprefix(BOM)
        if b"\x00" in piece:
            raise Refused("NUL")
        if piece:
            self.newlines += piece.count(b"\n")
            self.last = piece[-1:]
            if self.first_line is None:
                self._head += piece[: piece.find(b"\n") + 1 or len(piece)]
                if self._head.endswith(b"\n"):
                    self.first_line, self._head = self._head[:-1], b""
        return piece

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self.finished:
            self._pending = memoryview(self._next())
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        if self.finished and self.first_line is None:
            self.first_line = self._head
        return size
