"""`zjk-targets extract`: draft a dataset from a city's work reports."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..bundled import ACTUALS_NAME, TARGETS_NAME
from ..render.text import visible
from ..rules import messages
from ..rules.paths import stays_inside
from ..safe_write import make_folder, write_within
from .exits import EXIT_ERROR, UserError, err
from .options import Command
from .output import write
from .reading import max_bytes


def _source_name(path: Path) -> str:
    """A report's path as its source's `file:` gives it: relative to this folder when it is under
    it (where `validate --sources .` looks), else as given."""
    relative = os.path.relpath(path)
    return relative if not stays_inside(str(path)) and stays_inside(relative) else str(path)


def extract(
    reports: Annotated[
        list[Path], typer.Argument(metavar="REPORT", help="Work reports of one city (Markdown or text).")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for targets.yaml and actuals.yaml (created if missing).")
    ],
    city: Annotated[
        str | None, typer.Option("--city", metavar="NAME", help="The city, when the text does not name it.")
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", metavar="YEAR", help="The targets' year, when neither the text nor the file name gives it."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace targets.yaml and actuals.yaml already in the --output folder.")
    ] = False,
) -> None:
    """Draft a dataset from a city's government work reports: targets and the outcomes they review."""
    from ..extract import MAX_REPORT_BYTES, draft
    from ..inputs import read_input
    from ..rules import values

    if year is not None:
        try:
            values.year(year)
        except values.Invalid as error:
            raise UserError(f"--year {year}: {error}") from None
    # The files may be a curator's, checked entry by entry against their excerpts: never lost unasked.
    held = [name for name in (TARGETS_NAME, ACTUALS_NAME) if os.path.lexists(output / name)]
    if held and not force:
        raise UserError(messages.curated_files_exist(str(output), held))
    files, unread, outside = [], [], []
    for path in reports:
        name = _source_name(path)
        data, problems = read_input(name, max_bytes() or MAX_REPORT_BYTES)
        if data is None:
            unread.append((name, problems[0].message))
        else:
            files.append((name, data))
            outside += [] if stays_inside(name) else [name]
    result = draft(files, city=city, year=year)
    if result.targets_yaml is not None and result.actuals_yaml is not None:
        make_folder(output)
        write_within(output, TARGETS_NAME, result.targets_yaml)
        write_within(output, ACTUALS_NAME, result.actuals_yaml)
        write("".join(visible(line) + "\n" for line in result.summary), None)
        write(visible(f"wrote {output / TARGETS_NAME} and {output / ACTUALS_NAME}") + "\n", None)
    for name, reason in sorted(unread + result.problems + result.partial):
        err(f"zjk-targets: {visible(name)}: {reason}")
    for name in outside if result.targets_yaml is not None else []:
        err(f"zjk-targets: {visible(name)}: {messages.REPORT_OUTSIDE}")
    if unread or result.problems:
        raise typer.Exit(EXIT_ERROR)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="Draft a dataset from a city's work reports.")(extract)
