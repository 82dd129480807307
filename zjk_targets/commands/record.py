"""`zjk-targets record`: the track record, measure by year."""

from __future__ import annotations

from typing import Annotated

import typer

from ..model import Reading
from .exits import UserError
from .options import (
    NOTHING_NAMED,
    AboutOption,
    AsOfOption,
    Command,
    DataSource,
    Lang,
    LangOption,
    NoPagerOption,
    reads_data,
)
from .output import console, show
from .reading import judge_as_asked


def record(
    data_source: DataSource = NOTHING_NAMED,
    first: Annotated[int | None, typer.Option("--from", metavar="YEAR", help="First target year shown.")] = None,
    last: Annotated[int | None, typer.Option("--to", metavar="YEAR", help="Last target year shown.")] = None,
    metric: Annotated[
        list[str] | None, typer.Option("--metric", metavar="ID", help="Only this measure (repeatable).")
    ] = None,
    lang: LangOption = Lang.en,
    about: AboutOption = Reading.BAND,
    as_of: AsOfOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The track record: each report's headline targets, measure by year, and the share met."""
    from ..render import record_view as record_render
    from ..rules.track_record import headline_verdicts, track_record

    dataset, verdicts = judge_as_asked(data_source.load(), as_of, reading=about)
    if metric:
        known = sorted({v.target.metric for v in headline_verdicts(dataset, verdicts)})
        unknown = [name for name in metric if name not in known]
        if unknown:
            raise UserError(
                f"--metric {', '.join(unknown)}: no headline targets of that measure; measures: {', '.join(known)}"
            )
    if first is not None and last is not None and first > last:
        raise UserError(f"--from {first} is after --to {last}")
    matrix = track_record(dataset, verdicts, first, last, set(metric) if metric else None)
    terminal = console()
    color = terminal.color_system is not None and not terminal.no_color
    show(record_render.render(matrix, lang.value, terminal.width, color, dataset.about, about), no_pager)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="The track record: each report's headline targets by year.")(reads_data(record))
