"""References to metrics and sources that the data read does not define, reported by their cause.

A reference fails in each entry that makes it, but the mistake is rarely in each entry: a file
was left out (the targets file named alone, its sources being in the actuals file beside it), or
one id is missing where it should be defined. A line per reference buries that one mistake, and a
"did you mean" guessed from the ids read points the wrong way (`gwr-2014` → `gwr-2024`). So the
failed references are said once per cause, with the first few places to look:

1. one file read alone: the ids that its counterpart beside it defines (``actuals.yaml`` for
   ``targets.yaml`` and the reverse), with the fix: read that file too;
2. one file read alone, and more than a few other references fail: perhaps another file
   defines them;
3. an id that fails in more than a few places;
4. and else each reference, with a "did you mean" (a typo is the likely cause).

Both engines collect the failed references and report them through :func:`problems`. The ids
the counterparts define are read by the engines (this module does no I/O).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..bundled import ACTUALS_NAME, TARGETS_NAME
from ..errors import Problem
from . import messages

FEW = 3
"""The places listed under a message that stands for more references."""
HINT_LIMIT = 100
"""Distinct ids given a "did you mean" per kind (each is a search of every id); the rest get none."""

_TARGETS, _ACTUALS = Path(TARGETS_NAME).stem, Path(ACTUALS_NAME).stem
_PAIRED = {_TARGETS: _ACTUALS, _ACTUALS: _TARGETS}
_OPTION = {_TARGETS: "--targets", _ACTUALS: "--actuals"}


@dataclass(frozen=True, order=True)
class Unresolved:
    """A reference to a metric or source that no entry read defines."""

    path: str
    line: int
    kind: str
    """ "metric" or "source" """
    name: str


Defined = Mapping[str, Collection[str]]
"""The ids of each kind ("metric", "source") defined in some data."""


def counterpart(path: str | Path) -> Path | None:
    """The file beside ``path`` that completes it, when ``path`` is one of the pair
    ``targets.yaml``/``actuals.yaml`` (or ``targets.csv``/``actuals.csv``)."""
    path = Path(path)
    other = _PAIRED.get(path.stem)
    if other is None or path.suffix.lower() not in (".yaml", ".csv"):
        return None
    return path.with_name(other + path.suffix)


def _group(refs: list[Unresolved], fix: str) -> list[Problem]:
    """One problem for many references, then the first few places (listed, not counted)."""
    names: dict[str, set[str]] = {}
    for ref in refs:
        names.setdefault(ref.kind, set()).add(ref.name)
    ids = {kind: sorted(names[kind]) for kind in sorted(names)}
    header = messages.undefined_references(len(refs), ids, fix, min(len(refs), FEW))
    places = tuple(Problem(r.path, r.line, messages.unknown(r.kind, r.name, None)) for r in refs[:FEW])
    return [Problem(refs[0].path, 0, header, places)]


def problems(
    unresolved: Iterable[Unresolved],
    known: Defined,
    one_file: bool,
    beside: Mapping[Path, Defined],
) -> list[Problem]:
    """The problems of the failed references.

    ``known``: the ids the data read defines (for a "did you mean"); ``one_file``: whether a
    single file was read; ``beside``: the ids each counterpart of a file read defines, for those
    that exist and were not read (only looked at when one file was read).
    """
    left = sorted(set(unresolved))
    found: list[Problem] = []
    if one_file:
        for path, defined in beside.items():
            there = [ref for ref in left if ref.name in defined.get(ref.kind, ())]
            if there:
                folder = str(path.parent) if path.name in (TARGETS_NAME, ACTUALS_NAME) else None  # what --data reads
                found += _group(there, messages.defined_beside(str(path), _OPTION[path.stem], folder))
                left = [ref for ref in left if ref.name not in defined.get(ref.kind, ())]
        if len(left) > FEW:
            return found + _group(left, messages.ANOTHER_FILE)
    by_name: dict[tuple[str, str], list[Unresolved]] = {}
    for ref in left:
        by_name.setdefault((ref.kind, ref.name), []).append(ref)
    options = {kind: sorted(ids) for kind, ids in known.items()}
    hinted: dict[str, int] = {}
    for (kind, name), refs in by_name.items():
        hinted[kind] = hinted.get(kind, 0) + 1
        close = messages.closest(name, options.get(kind, ())) if hinted[kind] <= HINT_LIMIT else None
        if len(refs) > FEW:
            found += _group(refs, messages.did_you_mean(close))
        else:
            found += [Problem(ref.path, ref.line, messages.unknown(kind, name, close)) for ref in refs]
    return found
