"""`zjk-targets escalation`: the nation's headline targets beside the provinces' and the cities'."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from ..model import Reading
from .exits import UserError
from .national import _national_paths
from .options import AboutOption, Command, NationalDirOption, NoPagerOption
from .output import console, page, tell_wrote, write, write_bytes
from .reading import max_bytes

DEFAULT_MEASURE = "gdp-growth"


class EscalationFormat(enum.StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    PNG = "png"
    SVG = "svg"
    HTML = "html"


def _province(typed: str, held: dict[str, str], places: list) -> tuple[str, str]:
    """The slug and short name of the province typed (河北, 河北省 or hebei), through the place table."""
    from ..national.places import find_province
    from ..rules import national_words as national_words

    found, offered, several = find_province(places, typed)
    if found is None:
        if several:
            raise UserError(national_words.ambiguous_province(typed, offered))
        raise UserError(national_words.unknown_province(typed, offered, sorted(held.values())))
    return next((slug for slug, code in held.items() if code == found.adcode), found.pinyin), found.short


def escalation(
    measure: Annotated[
        str | None,
        typer.Option(
            "--measure",
            metavar="ID",
            help=f"The measure: {DEFAULT_MEASURE}, budget-revenue-growth, fai-growth, retail-sales-growth … "
            f"[default: {DEFAULT_MEASURE}; csv and json: every measure].",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        list[int] | None, typer.Option("--year", metavar="YEAR", help="Only targets of this year (repeatable).")
    ] = None,
    province: Annotated[
        str | None, typer.Option("--province", metavar="NAME", help="One province with its cities: 河北, hebei.")
    ] = None,
    output_format: Annotated[
        EscalationFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="text, markdown, json, csv, png, svg or html."),
    ] = EscalationFormat.TEXT,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    folder: NationalDirOption = None,
    about: AboutOption = Reading.BAND,
    no_pager: NoPagerOption = False,
) -> None:
    """Target escalation (层层加码): per year, the nation's target, the provinces' and the cities'."""
    import difflib

    from ..national.escalation_table import escalate, hierarchy, panel, select
    from ..national.places import bundled_places
    from ..national.table import measure_names
    from ..render import ChartFormat
    from ..render import escalation_view as render
    from ..rules import escalation_words as words

    if output_format in (EscalationFormat.PNG, EscalationFormat.SVG) and output is None:
        raise UserError(f"--format {output_format.value} writes a chart: give --output FILE")
    national_path, cities_path = _national_paths(folder)
    places = bundled_places()
    tree = hierarchy(cities_path.read_text(encoding="utf-8"), places)
    frame = panel(national_path, tree, about, max_bytes())
    known = sorted((set(measure_names()) | set(frame["measure"])) - {"x"})
    if measure is not None and measure not in known:
        raise UserError(words.unknown_measure(measure, difflib.get_close_matches(measure, known, n=3)))
    slug = name = ""
    if province is not None:
        held = dict(
            zip(
                tree.loc[tree["level"] == "province", "slug"],
                tree.loc[tree["level"] == "province", "adcode"],
                strict=True,
            )
        )
        slug, name = _province(province, held, places)
    if output_format in (EscalationFormat.CSV, EscalationFormat.JSON):
        rows = select(frame, [measure] if measure else [], year or [], slug)
        text = (render.csv_text if output_format is EscalationFormat.CSV else render.json_text)(rows, about)
        write(text, output)
        return
    view = escalate(
        frame, measure or DEFAULT_MEASURE, years=year or (), province=slug, province_name=name, reading=about
    )
    if output_format in (EscalationFormat.PNG, EscalationFormat.SVG):
        assert output is not None
        if not view.years:
            raise UserError(words.no_chart_year())
        write_bytes(output, render.chart(view, ChartFormat(output_format.value)))
        tell_wrote(output)
        return
    text = {
        EscalationFormat.TEXT: lambda: render.text(view, console().width),
        EscalationFormat.MARKDOWN: lambda: render.markdown(view),
        EscalationFormat.HTML: lambda: render.html_page(view),
    }[output_format]()
    if output is None and output_format is EscalationFormat.TEXT:
        page(text, no_pager)
    else:
        write(text, output)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="Target escalation: nation, provinces, cities.")(escalation)
