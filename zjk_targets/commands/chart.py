"""`zjk-targets chart`: a target against its goal, or a measure over the years, as PNG or SVG."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..model import Reading
from ..render import ChartFormat
from ..rules import messages
from ..rules.verdicts import evaluate
from ..safe_write import write_within
from .exits import UserError, err
from .options import (
    NOTHING_NAMED,
    AboutOption,
    AsOfOption,
    Command,
    DataSource,
    Lang,
    LangOption,
    completion_data,
    reads_data,
)
from .output import tell_wrote, write_bytes
from .reading import dated, select


def _complete_chartable(ctx: typer.Context, incomplete: str) -> list[str]:
    """What `chart` draws: a target, or a measure that targets use."""
    dataset = completion_data(ctx)
    names = {name for target in dataset.targets for name in (target.id, target.metric)} if dataset else set()
    return sorted(name for name in names if name.startswith(incomplete))


def chart(
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="The target to chart, or a measure: its goals and actuals year by year.",
            show_default=False,
            autocompletion=_complete_chartable,
        ),
    ] = None,
    all_targets: Annotated[
        bool, typer.Option("--all", help="One chart per target, into the --output folder (created if needed).")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="FILE.png or FILE.svg (a folder with --all).", show_default=False),
    ] = None,
    chart_format: Annotated[
        ChartFormat | None,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="png or svg [default: the --output suffix; png with --all]."
        ),
    ] = None,
    data_source: DataSource = NOTHING_NAMED,
    lang: LangOption = Lang.en,
    about: AboutOption = Reading.BAND,
    as_of: AsOfOption = None,
) -> None:
    """Chart a target against its goal, or a measure's track record over the years (PNG or SVG)."""
    from ..render import chart_view as chart_render

    if output is None:
        raise UserError("chart needs --output FILE (or a folder with --all)")
    if (target_id is None) == (not all_targets):
        raise UserError("name one target ID, or use --all")
    if not all_targets:
        suffix = output.suffix.lower().lstrip(".")
        if suffix not in {kind.value for kind in ChartFormat}:
            raise UserError(
                f"--output {output}: a chart is written as .png or .svg, not {output.suffix or 'no suffix'}"
            )
        if chart_format is not None and chart_format.value != suffix:
            raise UserError(f"--format {chart_format.value} does not match --output {output}")
    if lang is Lang.zh and chart_render.cjk_font() is None:
        err(
            "zjk-targets: no CJK font is installed, so Chinese would show as empty boxes: the chart "
            "uses English labels (on Debian: apt-get install fonts-noto-cjk)"
        )
    dataset = dated(data_source.load(), as_of, [target_id] if target_id else [])
    if all_targets:
        if output.exists() and not output.is_dir():
            raise UserError(f"--output {output}: with --all this must be a folder, and it is a file")
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserError(messages.cannot_create_folder(str(output), str(error.strerror))) from None
        kind = chart_format or ChartFormat.PNG
        verdicts = evaluate(dataset, reading=about)
        for verdict in verdicts:
            chart = chart_render.render(dataset, verdict, lang.value, kind)
            write_within(output, f"{verdict.target.id}.{kind.value}", chart)
        tell_wrote(f"{len(verdicts)} charts to {output}")
        return
    kind = ChartFormat(output.suffix.lower().lstrip("."))
    if target_id in dataset.metrics and dataset.target(target_id) is None:
        from ..rules.track_record import track_record

        matrix = track_record(dataset, evaluate(dataset, reading=about), metrics={target_id})
        if not matrix.years:
            raise UserError(f"measure `{target_id}` has no headline targets to chart; name a target instead")
        write_bytes(output, chart_render.render_measure(dataset, matrix, target_id, lang.value, kind))
        tell_wrote(output)
        return
    (verdict,) = select(dataset, [target_id or ""], about)
    write_bytes(output, chart_render.render(dataset, verdict, lang.value, kind))
    tell_wrote(output)


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="Chart a measure against its goal (png or svg).")(reads_data(chart))
