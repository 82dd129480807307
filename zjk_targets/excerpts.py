"""Check that every excerpt is found, word for word, in the text of its source."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import Problem
from .inputs import UTF16_BOMS
from .model import Dataset, Observation, Target
from .rules import messages

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold full-/half-width forms (NFKC) and drop all whitespace, as printed texts vary in both."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _read_text(path: Path) -> str:
    """A source text in UTF-8, in UTF-16 where its byte-order mark says so, or in GB18030 as Chinese
    pages are often saved (as `extract` reads them)."""
    data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def check_excerpts(dataset: Dataset, root: Path) -> tuple[list[Problem], int]:
    """Problems for excerpts not found under ``root``, and how many excerpts were found.

    Sources without a ``file`` are web pages, cited by their address, and are not checked here.
    """
    texts: dict[str, str | None] = {}
    problems: list[Problem] = []
    found = 0
    items: list[Target | Observation] = [*dataset.targets, *dataset.observations]
    for item in sorted(items, key=lambda i: (i.where.path, i.where.line)):
        source = dataset.sources[item.source]
        if source.file is None:
            continue
        if source.file not in texts:
            path = root / source.file
            try:
                texts[source.file] = normalise(_read_text(path))
            except (OSError, UnicodeDecodeError):
                texts[source.file] = None
        text = texts[source.file]
        where = item.where
        if text is None:
            message = messages.source_unreadable(item.id, source.file, source.id, root)
            problems.append(Problem(where.path, where.line, message))
        elif normalise(item.excerpt) not in text:
            problems.append(Problem(where.path, where.line, messages.excerpt_not_found(item.id, root / source.file)))
        else:
            found += 1
    return problems, found
