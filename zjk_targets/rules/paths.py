"""Which paths named in data or made from it may be used: those that stay inside their folder."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath


def stays_inside(relative: str) -> bool:
    """Whether ``relative`` names something inside the folder it is read against: not empty, not
    absolute (nor a Windows drive or share), and never stepping up with ``..``."""
    if not relative.strip() or "\x00" in relative:
        return False
    posix, windows = PurePosixPath(relative), PureWindowsPath(relative)
    if posix.is_absolute() or windows.drive or windows.root:
        return False
    return ".." not in posix.parts and ".." not in windows.parts
