"""`zjk-targets export`: every verdict as markdown, JSON, CSV or HTML."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from .. import engine
from ..model import Reading
from ..render import ExportFormat, exporter
from .options import (
    NOTHING_NAMED,
    AboutOption,
    AsOfOption,
    Command,
    DataSource,
    Lang,
    LangOption,
    ReportOption,
    StatusOption,
    reads_data,
)
from .output import append_step_summary, write
from .reading import as_of_date, filter_verdicts, judge_as_asked, max_bytes


def export(
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="markdown, json, csv or html."),
    ] = ExportFormat.MARKDOWN,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")
    ] = None,
    data_source: DataSource = NOTHING_NAMED,
    lang: LangOption = Lang.en,
    about: AboutOption = Reading.BAND,
    as_of: AsOfOption = None,
    report_year: ReportOption = None,
    status: StatusOption = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Markdown: every target with its whole reason, and every source, at any length "
            "(without it the summary fits a GitHub comment). The other formats always hold everything.",
        ),
    ] = False,
) -> None:
    """Every verdict as a markdown summary (default), JSON, CSV or one self-contained HTML page."""
    plain = as_of is None and report_year is None and not status
    if format is ExportFormat.CSV and plain and not os.environ.get("GITHUB_STEP_SUMMARY"):
        # Without objects for the step summary, CSV input is judged column by column.
        write(engine.export_csv(data_source.files(), max_bytes(), lang.value, about), output)
        return
    from ..render import markdown

    dataset, verdicts = judge_as_asked(data_source.load(), as_of, report_year, about)
    verdicts = filter_verdicts(verdicts, status, None)
    date = as_of_date(as_of)

    def summary() -> str:
        chosen = tuple(status) if status else None
        return markdown.render(dataset, verdicts, lang.value, as_of=date, reading=about, full=full, statuses=chosen)

    if format is ExportFormat.MARKDOWN:
        write(summary(), output)
    else:
        write(exporter(format)(dataset, verdicts, lang.value, as_of=date, reading=about), output)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        append_step_summary(summary)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="Every verdict as markdown, json, csv or html.")(reads_data(export))
