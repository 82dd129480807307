"""`zjk-targets check`: verdicts as an exit code, for CI."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import DataError
from ..model import Reading, Status
from ..render import CheckFormat
from ..render.text import visible
from ..rules import messages
from ..rules.verdicts import Verdict
from .exits import EXIT_ERROR, EXIT_MET, EXIT_MISSED, EXIT_UNKNOWN, OutputFailed, UserError, err
from .options import (
    NOTHING_NAMED,
    AboutOption,
    AsOfOption,
    Command,
    DataSource,
    ReportOption,
    complete_ids,
    reads_data,
)
from .output import append_step_summary, console, write
from .reading import dated, judge_as_asked, select

SEVERITY = {Status.MET: 0, Status.UNKNOWN: 1, Status.MISSED: 2}
STATUS_EXIT = {Status.MET: EXIT_MET, Status.MISSED: EXIT_MISSED, Status.UNKNOWN: EXIT_UNKNOWN}
_PREFIX = "zjk-targets: "


def _lines(message: str) -> list[str]:
    """A user error's messages, one a line, without the prefix stderr gives every line but the first."""
    return [line.removeprefix(_PREFIX) for line in message.splitlines()]


def _exit_code(verdicts: tuple[Verdict, ...], allow_unknown: bool) -> int:
    """The exit code of the worst verdict: missed, then unknown, then met."""
    statuses = [v.status for v in verdicts if not (allow_unknown and v.status is Status.UNKNOWN)]
    worst = max(statuses, key=SEVERITY.__getitem__, default=Status.MET)
    return STATUS_EXIT[worst]


def check(
    target_ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="ID", help="One or more target ids.", show_default=False, autocompletion=complete_ids),
    ] = None,
    all_targets: Annotated[bool, typer.Option("--all", help="Check every target (instead of naming ids).")] = False,
    data_source: DataSource = NOTHING_NAMED,
    allow_unknown: Annotated[bool, typer.Option("--allow-unknown", help="Exit 0 when the verdict is unknown.")] = False,
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="text (one line per target), github (GitHub Actions annotations) or json.",
        ),
    ] = CheckFormat.TEXT,
    as_of: AsOfOption = None,
    about: AboutOption = Reading.BAND,
    report_year: ReportOption = None,
) -> None:
    """Verdicts as an exit code: 0 met, 1 missed, 3 unknown (the worst one counts), 2 bad id or data."""
    from ..render import check_view as check_render

    try:
        if not target_ids and not all_targets:
            raise UserError("name at least one target ID, or use --all")
        if target_ids and all_targets:
            raise UserError(f"--all checks every target: drop the ids ({' '.join(target_ids)}) or --all")
        if report_year is not None and not all_targets:
            raise UserError("--report goes with --all: it chooses the targets of one report")
        if all_targets:
            dataset, verdicts = judge_as_asked(data_source.load(), as_of, report_year, about)
        else:
            dataset = dated(data_source.load(), as_of, target_ids or [])
            verdicts = select(dataset, target_ids or [], about)
    except (UserError, DataError) as error:
        # CI sees why nothing was judged where it looks: stdout in its format, and the step summary.
        problems = error.problems if isinstance(error, DataError) else []
        said = messages.problems_in_data(error.count) if isinstance(error, DataError) else None
        lines = [said] if said else _lines(str(error))
        if output_format is CheckFormat.JSON:  # a program reading stdout still gets JSON
            write(check_render.json_error("\n".join(lines), [str(p) for p in problems], EXIT_ERROR), None)
        elif output_format is CheckFormat.GITHUB:
            write(check_render.github_failure(lines, problems), None)
        append_step_summary(lambda: check_render.failure_summary(lines, problems))
        raise
    code = _exit_code(verdicts, allow_unknown)
    if output_format is CheckFormat.GITHUB:
        write(check_render.github(verdicts, code), None)
    elif output_format is CheckFormat.JSON:
        write(check_render.as_json(verdicts, code, about), None)
    elif sys.stdout.isatty():
        console().print(check_render.coloured(verdicts), end="")
    else:
        write(check_render.text(verdicts), None)
    append_step_summary(lambda: check_render.step_summary(verdicts, output_format is CheckFormat.GITHUB, about, code))
    raise typer.Exit(code)


def _format_asked(args: list[str]) -> CheckFormat | None:
    """The --format of a check command line that could not be parsed, if it can be read off."""
    for i, arg in enumerate(args):
        value = None
        if arg in ("-f", "--format") and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--format="):
            value = arg.removeprefix("--format=")
        elif arg.startswith("-f") and len(arg) > 2:
            value = arg[2:]
        if value is not None and value.lower() in {item.value for item in CheckFormat}:
            return CheckFormat(value.lower())
    return None


def usage_failed(args: list[str], message: str) -> None:
    """A check command line typer refused (an unknown option, a missing value): CI still sees why
    where it looks, as for every other failure of check."""
    from ..render import check_view as check_render

    if not args or args[0] != "check":
        return
    output_format = _format_asked(args[1:])
    try:
        if output_format is CheckFormat.JSON:
            write(check_render.json_error(message, [], EXIT_ERROR), None)
        elif output_format is CheckFormat.GITHUB:
            write(check_render.github_failure([message], []), None)
        append_step_summary(lambda: check_render.failure_summary([message], []))
    except (UserError, OutputFailed) as error:  # the usage error is said already; this one too
        err(f"zjk-targets: {visible(str(error))}")


def register(app: typer.Typer) -> None:
    app.command(cls=Command, short_help="Verdicts as an exit code, for CI (text, github, json).")(reads_data(check))
