"""`zjk-targets show ID`: everything about one target."""

from __future__ import annotations

from typing import Annotated

import typer

from ..model import Reading
from .options import (
    NOTHING_NAMED,
    AboutOption,
    AsOfOption,
    Command,
    DataSource,
    Lang,
    LangOption,
    NoPagerOption,
    complete_ids,
    reads_data,
)
from .output import page
from .reading import dated, select

IdArgument = Annotated[str, typer.Argument(metavar="ID", help="The target's id.", autocompletion=complete_ids)]


def show(
    target_id: IdArgument,
    data_source: DataSource = NOTHING_NAMED,
    lang: LangOption = Lang.en,
    about: AboutOption = Reading.BAND,
    as_of: AsOfOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """Everything about one target: its words, goal, every observation, and the verdict."""
    from ..render import show_view as show_render

    dataset = dated(data_source.load(), as_of, [target_id])
    (verdict,) = select(dataset, [target_id], about)
    page(show_render.render(dataset, verdict, lang.value, about), no_pager)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="One target: its words, every figure, the verdict.")(reads_data(show))
