"""`zjk-targets list`: the target ids, one a line."""

from __future__ import annotations

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


def list_targets(
    data_source: DataSource = NOTHING_NAMED,
    status: StatusOption = None,
    category: CategoryOption = None,
    lang: LangOption = Lang.en,
    about: AboutOption = Reading.BAND,
    as_of: AsOfOption = None,
    report_year: ReportOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The target ids, one a line: status, id and a short name."""
    from ..render import listing_view

    _, verdicts = judge_as_asked(data_source.load(), as_of, report_year, about)
    verdicts = filter_verdicts(verdicts, status, category)
    show(listing_view.render(verdicts, lang.value, width=console().width, reading=about), no_pager)


def register(app: typer.Typer) -> None:
    app.command("list", cls=Command, short_help="Every target id, with its status and name.")(reads_data(list_targets))
