"""A national dataset's manifest: every file the build wrote with its SHA-256, and the build's inputs
and counts. `build-national` writes it last; every reader checks the folder against it first
(:func:`check`), and a build refuses to replace a folder holding anything it does not list.

Reads files, never prints or exits: the caller turns the problems into its one line.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from .. import __version__
from ..rules import messages
from ..rules.whole_dataset import HASH, MANIFEST_FORMAT, MANIFEST_NAME, shown_name
from .cities import CITIES_NAME, slug_problems

_HEX = frozenset("0123456789abcdef")


def digest(data: bytes) -> str:
    return hashlib.new(HASH, data).hexdigest()


def manifest(files: Mapping[str, bytes], inputs: Mapping[str, str], counts: Mapping[str, int]) -> bytes:
    """The manifest of ``files`` (name → bytes, the manifest aside): the same files, inputs and
    counts give the same bytes, so a rebuild of the same collection is byte for byte the same."""
    document = {
        "format": MANIFEST_FORMAT,
        "tool": f"zjk-targets {__version__}",
        "inputs": dict(inputs),
        "counts": dict(counts),
        "hash": HASH,
        "files": {name: digest(data) for name, data in sorted(files.items())},
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def entries(folder: Path, under: str = "") -> Iterator[tuple[str, bool]]:
    """Every file under ``folder`` (its name relative to it, with /) and whether it is a regular file;
    a symbolic link is not, and is never followed (it could lead outside the folder)."""
    with os.scandir(folder) as found:
        for entry in sorted(found, key=lambda entry: entry.name):
            name = f"{under}{shown_name(entry.name)}"
            if entry.is_dir(follow_symlinks=False):
                yield from entries(Path(entry.path), f"{name}/")
            else:
                yield name, entry.is_file(follow_symlinks=False)


def _listed(folder: Path) -> tuple[dict[str, str] | None, str]:
    """The manifest's files (name → hex digest), or None and why it cannot be used."""
    path = folder / MANIFEST_NAME
    if not path.exists() and not path.is_symlink():
        return None, messages.NO_MANIFEST
    if path.is_symlink() or not path.is_file():
        return None, messages.manifest_unreadable(messages.DATASET_NOT_REGULAR)
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError) as error:
        return None, messages.manifest_unreadable(str(getattr(error, "strerror", None) or error))
    if not isinstance(document, dict) or document.get("format") != MANIFEST_FORMAT:
        shown = document.get("format") if isinstance(document, dict) else None
        return None, messages.manifest_unreadable(messages.manifest_format(str(shown)))
    files = document.get("files")
    good = isinstance(files, dict) and document.get("hash") == HASH
    if not good or not all(isinstance(hex_, str) and len(hex_) == 64 and set(hex_) <= _HEX for hex_ in files.values()):
        return None, messages.manifest_unreadable(messages.MANIFEST_FILES)
    return files, ""


def _file_digest(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, HASH).hexdigest()


def differences(folder: Path) -> list[str]:
    """What in ``folder`` is not as its manifest lists it, each ``NAME: why`` (missing, changed, not a
    regular file, not written by the build); [] when the folder is exactly what the build wrote."""
    listed, why = _listed(folder)
    if listed is None:
        return [why]
    present = dict(entries(folder))
    present.pop(MANIFEST_NAME, None)
    problems = []
    for name, expected in sorted(listed.items()):
        regular = present.pop(name, None)
        if regular is None:
            problems.append(f"{name}: {messages.DATASET_MISSING}")
        elif not regular:
            problems.append(f"{name}: {messages.DATASET_NOT_REGULAR}")
        elif _file_digest(folder / name) != expected:
            problems.append(f"{name}: {messages.DATASET_CHANGED}")
    return problems + [f"{name}: {messages.DATASET_EXTRA}" for name in sorted(present)]


def check(folder: Path) -> list[str]:
    """Why ``folder`` cannot be read as a national dataset: :func:`differences`, then (a manifest is
    easily written anew) every slug of its cities.csv that is not one or not unique; [] when whole."""
    problems = differences(folder)
    if problems:
        return problems
    try:
        text = (folder / CITIES_NAME).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []  # a dataset without cities.csv: the reader names the file it needs
    except (OSError, UnicodeDecodeError) as error:
        return [f"{CITIES_NAME}: {getattr(error, 'strerror', None) or error}"]
    return [f"{CITIES_NAME}: {problem}" for problem in slug_problems(text)]
