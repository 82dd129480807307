"""What makes a national dataset whole: its manifest and its slugs.

`build-national` vouches for every file it writes in the manifest (each file's SHA-256, and the
build's inputs and counts); every reader checks a dataset folder against it before reading a byte,
so a dataset is complete or refused, never a mix of two builds or of a build and a user's files.
"""

from __future__ import annotations

import os
import re

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "zjk-targets national dataset 1"
"""The manifest's ``format``: a reader refuses a manifest of another format rather than guess."""
HASH = "sha256"

SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""A place's slug: its file's name (cities/SLUG.yaml.gz), its page's (SLUG.html) and its ids' prefix,
so it never holds a path's separators or dots."""
_SLUG = re.compile(SLUG_PATTERN)


def is_slug(text: str) -> bool:
    return _SLUG.fullmatch(text) is not None


def shown_name(name: str) -> str:
    """A name as a message can carry it: a byte that is not UTF-8 as \\xff (control characters are
    escaped where it is printed)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")
