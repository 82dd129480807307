"""`zjk-targets report`: the answer first."""

from __future__ import annotations

from typing import Annotated

import typer

from ..model import Reading
from .options import (
    NOTHING_NAMED,
    AboutOption,
    AsOfOption,
    CategoryOption,
    Command,
    DataSource,
    Lang,
    LangOption,
    NoPagerOption,
    ReportOption,
    StatusOption,
    reads_data,
)
from .output import console, show
from .reading import filter_verdicts, judge_as_asked


def report(
    data_source: DataSource = NOTHING_NAMED,
    status: StatusOption = None,
    category: CategoryOption = None,
    lang: LangOption = Lang.en,
    about: AboutOption = Reading.BAND,
    as_of: AsOfOption = None,
    report_year: ReportOption = None,
    full: Annotated[
        bool, typer.Option("--full", help="Every target with its name, goal, outcome and whole reason.")
    ] = False,
    no_pager: NoPagerOption = False,
) -> None:
    """The answer first: counts, the missed and met targets, then the unknown ones grouped by why."""
    from ..render import report_view as report_render

    dataset, verdicts = judge_as_asked(data_source.load(), as_of, report_year, about)
    verdicts = filter_verdicts(verdicts, status, category)
    width = console().width
    # The whole data, unfiltered, opens with the headline targets of its main report.
    focus = not (full or status or category or report_year)
    text = report_render.render(dataset, verdicts, lang.value, width=width, full=full, reading=about, focus=focus)
    show(text, no_pager)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="The answer: counts, missed, met, unknown by why.")(reads_data(report))
