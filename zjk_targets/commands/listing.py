"""`zjk-targets list`: the target ids, one a line."""

from __future__ import annotations

import typer

from ..model import Reading
from .options import (
    AboutOption,
    ActualsOption,
    AsOfOption,
    CategoryOption,
    CityOption,
    Command,
    DataOption,
    Lang,
    LangOption,
    NoPagerOption,
    ReportOption,
    StatusOption,
    TargetsOption,
)
from .output import console, show
from .reading import filter_verdicts, judge, load


def list_targets(
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    city: CityOption = None,
    status: StatusOption = None,
    category: CategoryOption = None,
    lang: LangOption = Lang.en,
    about: AboutOption = Reading.BAND,
    as_of: AsOfOption = None,
    report_year: ReportOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The target ids, one a line: status, id and a short name."""
    from ..render import listing

    _, verdicts = judge(load(targets, actuals, data, city), as_of, report_year, about)
    verdicts = filter_verdicts(verdicts, status, category)
    show(listing.render(verdicts, lang.value, width=console().width, reading=about), no_pager)


def register(app: typer.Typer) -> None:
    app.command("list", cls=Command, short_help="Every target id, with its status and name.")(list_targets)
