"""`zjk-targets extract`: draft a dataset from a city's work reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..bundled import ACTUALS_NAME, TARGETS_NAME
from ..render.text import visible
from .exits import EXIT_ERROR, UserError, err
from .options import Command
from .output import write, write_atomically
from .reading import max_bytes


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
) -> None:
    """Draft a dataset from a city's government work reports: targets and the outcomes they review."""
    from ..extract import MAX_REPORT_BYTES, draft
    from ..inputs import read_input

    files, unread = [], []
    for path in reports:
        data, problems = read_input(str(path), max_bytes() or MAX_REPORT_BYTES)
        if data is None:
            unread.append((str(path), problems[0].message))
        else:
            files.append((str(path), data))
    result = draft(files, city=city, year=year)
    if result.targets_yaml is not None and result.actuals_yaml is not None:
        if output.exists() and not output.is_dir():
            raise UserError(f"--output {output}: not a folder")
        output.mkdir(parents=True, exist_ok=True)
        write_atomically(output / TARGETS_NAME, result.targets_yaml)
        write_atomically(output / ACTUALS_NAME, result.actuals_yaml)
        write("".join(line + "\n" for line in result.summary), None)
        write(f"wrote {output / TARGETS_NAME} and {output / ACTUALS_NAME}\n", None)
    for name, reason in sorted(unread + result.problems + result.partial):
        err(f"zjk-targets: {visible(name)}: {reason}")
    if unread or result.problems:
        raise typer.Exit(EXIT_ERROR)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="Draft a dataset from a city's work reports.")(extract)
