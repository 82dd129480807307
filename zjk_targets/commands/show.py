"""`zjk-targets show ID`: everything about one target."""

from __future__ import annotations

from typing import Annotated

import typer

from ..model import Reading
from .options import (
    AboutOption,
    ActualsOption,
    AsOfOption,
    CityOption,
    Command,
    DataOption,
    Lang,
    LangOption,
    NoPagerOption,
    TargetsOption,
    complete_ids,
)
from .output import page
from .reading import dated, load, select

IdArgument = Annotated[str, typer.Argument(metavar="ID", help="The target's id.", autocompletion=complete_ids)]


def show(
    target_id: IdArgument,
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    city: CityOption = None,
    lang: LangOption = Lang.en,
    about: AboutOption = Reading.BAND,
    as_of: AsOfOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """Everything about one target: its words, goal, every observation, and the verdict."""
    from ..render import show as show_render

    dataset = dated(load(targets, actuals, data, city), as_of, [target_id])
    (verdict,) = select(dataset, [target_id], about)
    page(show_render.render(dataset, verdict, lang.value, about), no_pager)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="One target: its words, every figure, the verdict.")(show)
