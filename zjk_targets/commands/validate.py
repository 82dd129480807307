"""`zjk-targets validate`: check the data, every problem as file:line: message."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..errors import DataError
from ..rules import messages
from .exits import UserError
from .options import NOTHING_NAMED, Command, DataSource, reads_data
from .output import write


def validate(
    data_source: DataSource = NOTHING_NAMED,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="Check that every excerpt appears in its source file under this folder "
            "[default: the data's own folder, where its source files are: the repository's sources/].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check the data; list every problem as file:line: message (exit 0 or 2)."""
    dataset = data_source.load()
    summary = (
        f"ok: {len(dataset.targets)} targets, {len(dataset.observations)} observations, "
        f"{len(dataset.metrics)} metrics, {len(dataset.sources)} sources"
    )
    if sources is None:
        # The texts the data quotes ship beside it (sources/ of a clone, and of the installed package).
        beside = data_source.located()[0][0].parent
        if any((beside / source.file).is_file() for source in dataset.sources.values() if source.file):
            sources = Path(os.path.relpath(beside)) if beside.is_relative_to(Path.cwd()) else beside
    if sources is not None:
        from ..excerpts import check_excerpts

        if not sources.is_dir():
            raise UserError(messages.not_a_folder(str(sources), "--sources"))
        files = sorted({source.file for source in dataset.sources.values() if source.file})
        if files and not any((sources / name).is_file() for name in files):
            raise UserError(
                f"--sources {sources}: none of the data's {len(files)} source files is in this folder "
                f"(such as {files[0]}); give the folder that holds them"
            )
        problems, found = check_excerpts(dataset, sources)
        if problems:
            raise DataError(problems)
        summary += f"; {found} excerpts found in their source files under {sources}"
    write(summary + "\n", None)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="Check the data; every problem as file:line: message.")(reads_data(validate))
