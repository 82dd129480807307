"""Where the bundled data lives: in the installed package, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError, Problem

TARGETS_NAME = "targets.yaml"
ACTUALS_NAME = "actuals.yaml"
NATIONAL_FOLDER = "national"
PLACES_NAME = "places.csv"


def bundled_paths() -> tuple[Path, Path]:
    """The targets and actuals files shipped with zjk-targets."""
    here = Path(__file__).resolve().parent
    # A wheel carries the files in zjk_targets/data/; a source checkout keeps them at its top.
    for folder in (here / "data", here.parent):
        targets, actuals = folder / TARGETS_NAME, folder / ACTUALS_NAME
        if targets.is_file() and actuals.is_file():
            return targets, actuals
    raise DataError([Problem(str(here / "data"), 0, "the bundled data files are missing: reinstall zjk-targets")])


def national_dir() -> Path:
    """The bundled national data: every city of lawtext/gov drafted by `zjk-targets build-national`."""
    folder = Path(__file__).resolve().parent / "data" / NATIONAL_FOLDER
    if not folder.is_dir():
        raise DataError([Problem(str(folder), 0, "the bundled national data is missing: reinstall zjk-targets")])
    return folder


def places_path() -> Path:
    """The bundled place table: every place of lawtext/gov with its GB/T 2260 code (`build-places`)."""
    path = Path(__file__).resolve().parent / "data" / PLACES_NAME
    if not path.is_file():
        raise DataError([Problem(str(path), 0, "the bundled place table is missing: reinstall zjk-targets")])
    return path
