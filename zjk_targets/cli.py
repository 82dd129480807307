"""The command line: the only module that reads the environment, prints, or exits."""

from __future__ import annotations

import difflib
import functools
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__, engine
from .bundled import ACTUALS_NAME, TARGETS_NAME, bundled_paths
from .errors import DataError
from .model import Dataset, PartialDate, Status
from .render import ChartFormat, CheckFormat, ExportFormat, exporter
from .render.text import one_line, visible
from .rules import timeline
from .rules.verdicts import Verdict, evaluate

EXIT_MET, EXIT_MISSED, EXIT_ERROR, EXIT_UNKNOWN = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
MAX_INPUT_ENV = "ZJK_MAX_INPUT_MB"

EXAMPLES = """\b
Examples:
  zjk-targets report                 counts, missed, met, unknown by why
  zjk-targets report --full          every target with its whole reason
  zjk-targets list --status missed   the ids of the missed targets
  zjk-targets show pm25-2017         one target: words, figures, verdict
  zjk-targets check --all -f github  GitHub annotations; exit 1 if missed
  zjk-targets export -f html -o report.html
"""


def _usage_message(error: typer.TyperException) -> str:
    """A usage error as one line: what is wrong, and where the help is."""
    message = " ".join(error.format_message().split()).replace("Value error, ", "").rstrip(".")
    message = message[:1].lower() + message[1:]
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        message += f"; see {ctx.command_path} --help"
    return message


def _flags_show_no_type(params: list[Any]) -> list[Any]:
    """A flag takes no value, so its help shows none (typer would print `<bool>`)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_show_no_type(super().get_params(ctx))


class Group(TyperGroup):
    """The app: a usage error looks like every other error, one line ``zjk-targets: …``, exit 2."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _flags_show_no_type(super().get_params(ctx))

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(
                args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False, **extra
            )
            code = result if isinstance(result, int) else 0
        except typer.TyperException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # bare `zjk-targets`: the help
                sys.stdout.write(error.format_message() + "\n")
            else:
                _err(f"zjk-targets: {visible(_usage_message(error))}")
            code = EXIT_ERROR
        except typer.Abort:
            _err("zjk-targets: interrupted")
            code = EXIT_INTERRUPTED
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    name="zjk-targets",
    cls=Group,
    help="Did Zhangjiakou do what its government work reports said it would?\n\n"
    "Judges each target met, missed or unknown from the bundled (or your) data, and shows why.",
    epilog=EXAMPLES,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["--help", "-h"]},
)


class Lang(StrEnum):
    en = "en"
    zh = "zh"


class UserError(Exception):
    """A problem the user can fix that is not in a data file (e.g. an unwritable --output)."""


TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        envvar="ZJK_TARGETS_FILE",
        help="Targets file (YAML or CSV); named alone, it is read alone [default: ./targets.yaml and "
        "./actuals.yaml if both are here, else the bundled data].",
        show_default=False,
    ),
]
ActualsOption = Annotated[
    Path | None,
    typer.Option(
        "--actuals", envvar="ZJK_ACTUALS_FILE", help="Actuals file (YAML or CSV), as --targets.", show_default=False
    ),
]
DataOption = Annotated[
    Path | None,
    typer.Option("--data", help="Folder holding targets.yaml and actuals.yaml (e.g. written by `extract`)."),
]
LangOption = Annotated[
    Lang, typer.Option("--lang", case_sensitive=False, help="Language of everything shown: en or zh.")
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Judge with what was published by DATE (YYYY-MM-DD; YYYY-MM or YYYY mean their last day).",
        show_default=False,
    ),
]
ReportOption = Annotated[
    int | None,
    typer.Option(
        "--report", metavar="YEAR", help="Only the targets set by that year's work report.", show_default=False
    ),
]
NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager", help="Print straight to the terminal; otherwise long output goes through $PAGER (less)."
    ),
]


def _completion_data(ctx: typer.Context) -> Dataset | None:
    """The data the command being completed would read; None when it cannot be read."""
    try:
        paths, _ = _data_paths(ctx.params.get("targets"), ctx.params.get("actuals"), ctx.params.get("data"))
        return engine.load(paths, _max_bytes())
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return None


def _complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of target ids, from the data the command would read."""
    dataset = _completion_data(ctx)
    names = {target.id for target in dataset.targets} if dataset else set()
    return sorted(name for name in names if name.startswith(incomplete))


def _complete_chartable(ctx: typer.Context, incomplete: str) -> list[str]:
    """What `chart` draws: a target, or a measure that targets use."""
    dataset = _completion_data(ctx)
    names = {name for target in dataset.targets for name in (target.id, target.metric)} if dataset else set()
    return sorted(name for name in names if name.startswith(incomplete))


def _err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _max_bytes() -> int | None:
    """The size limit the user set for every input, or None for the rule book's per-format limits."""
    raw = os.environ.get(MAX_INPUT_ENV)
    if not raw:
        return None
    try:
        megabytes = float(raw)
    except ValueError:
        raise UserError(f"{MAX_INPUT_ENV}={raw!r} is not a number of megabytes") from None
    if not megabytes > 0:
        raise UserError(f"{MAX_INPUT_ENV} must be a positive number of megabytes")
    return int(megabytes * 1_000_000)


def _as_of(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    date = PartialDate.parse(text.strip())
    if date is None:
        raise UserError(f"--as-of {text}: not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    return date


def _judge(
    dataset: Dataset, as_of: str | None = None, report_year: int | None = None
) -> tuple[Dataset, tuple[Verdict, ...]]:
    """The data a reader had on the --as-of date, narrowed to the --report year, and its verdicts."""
    date = _as_of(as_of)
    if date is not None:
        dataset = timeline.as_of(dataset, date)
    if report_year is not None:
        years = timeline.report_years(dataset)
        if report_year not in years:
            known = ", ".join(map(str, years)) or "none"
            when = f" published by {timeline.end_of(date)}" if date is not None else ""
            raise UserError(
                f"--report {report_year}: no targets were set by a report of that year{when}; reports: {known}"
            )
        dataset = timeline.of_reports(dataset, {report_year})
    return dataset, evaluate(dataset)


def _dated(dataset: Dataset, as_of: str | None, target_ids: list[str]) -> Dataset:
    """The data as of --as-of, where a named target set after that date is an error that says so."""
    date = _as_of(as_of)
    if date is None:
        return dataset
    dated = timeline.as_of(dataset, date)
    known = {target.id for target in dated.targets}
    for target_id in target_ids:
        target = dataset.target(target_id)
        if target is not None and target_id not in known:
            published = dataset.sources[target.source].published
            raise UserError(f"`{target_id}` was set on {published}, after --as-of {as_of}")
    return dated


def _same_bytes(first: Path, second: Path) -> bool:
    try:
        return first.read_bytes() == second.read_bytes()
    except OSError:
        return False


def _data_paths(targets: Path | None, actuals: Path | None, data: Path | None = None) -> tuple[list[Path], str | None]:
    """The files to read (only those the user names), and a note when the reader should know.

    With no file named, a folder holding both ``targets.yaml`` and ``actuals.yaml`` (a curator's
    clone of the repository) is read instead of the installed copy, and the note says so
    whenever that changes anything.
    """
    if data is not None:
        if targets is not None or actuals is not None:
            raise UserError("give --data DIR or --targets/--actuals, not both")
        if not data.is_dir():
            raise UserError(f"--data {data}: {'not a folder' if data.exists() else 'folder not found'}")
        return [data / TARGETS_NAME, data / ACTUALS_NAME], None
    if targets is None and actuals is None:
        bundled = list(bundled_paths())
        local = [Path(TARGETS_NAME), Path(ACTUALS_NAME)]
        if not all(path.is_file() for path in local):
            return bundled, None
        if all(_same_bytes(mine, theirs) for mine, theirs in zip(local, bundled, strict=True)):
            return bundled, None
        note = (
            f"zjk-targets: reading ./{TARGETS_NAME} and ./{ACTUALS_NAME} of this folder "
            "(they differ from the bundled data)"
        )
        return local, note
    for flag, path in (("--targets", targets), ("--actuals", actuals)):
        if path is not None and not path.is_file():
            what = "is a folder, not a file" if path.is_dir() else "file not found"
            raise UserError(f"{flag} {path}: {what}")
    return [path for path in (targets, actuals) if path is not None], None


def _paths(targets: Path | None, actuals: Path | None, data: Path | None = None) -> list[Path]:
    paths, note = _data_paths(targets, actuals, data)
    if note:
        _err(note)
    return paths


def _load(targets: Path | None, actuals: Path | None, data: Path | None = None) -> Dataset:
    return engine.load(_paths(targets, actuals, data), _max_bytes())


F = TypeVar("F", bound=Callable[..., Any])


def guarded(command: F) -> F:
    """Map every way a command can end to one message on stderr and its exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except DataError as error:
            for problem in error.problems:
                _err(one_line(str(problem)))  # a message may quote hostile bytes from the file
            count = len(error.problems)
            if count:
                _err(f"zjk-targets: {count} problem{'s' if count != 1 else ''} in the data; nothing was evaluated")
            raise typer.Exit(EXIT_ERROR) from None
        except UserError as error:
            _err(f"zjk-targets: {visible(str(error))}")
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            _err("zjk-targets: interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (e.g. `| head -1`): stop quietly, and keep Python from
            # complaining when it flushes stdout at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as error:  # noqa: BLE001 - the one place a crash becomes a message
            _err(f"zjk-targets {__version__}: internal error: {type(error).__name__}: {error}")
            _err("This is a bug, not a verdict; please report it with the command you ran.")
            raise typer.Exit(EXIT_ERROR) from None

    return run  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"zjk-targets {__version__}\n")
        raise typer.Exit(0)


@app.callback(cls=Group)
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Did Zhangjiakou do what its 2017 government work report said it would?"""


def _select(dataset: Dataset, target_ids: list[str]) -> tuple[Verdict, ...]:
    """The verdicts of the named targets, in the order named; every unknown id is one error."""
    verdicts = {verdict.target.id: verdict for verdict in evaluate(dataset, only=set(target_ids))}
    missing = [target_id for target_id in target_ids if target_id not in verdicts]
    if missing:
        known = sorted(target.id for target in dataset.targets)
        messages = []
        for target_id in missing:
            close = difflib.get_close_matches(target_id, known, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else "; `zjk-targets list` lists them"
            messages.append(f"no target with id `{target_id}`{hint}")
        raise UserError("\nzjk-targets: ".join(messages))
    return tuple(verdicts[target_id] for target_id in dict.fromkeys(target_ids))


def _write(text: str, output: Path | None) -> None:
    if output is None:
        # A megabyte at a time: a national export encoded at once is tens of megabytes of memory.
        for start in range(0, len(text), 1 << 20):
            sys.stdout.write(text[start : start + (1 << 20)])
        sys.stdout.flush()
        return
    _write_atomically(output, text)
    _err(f"wrote {output}")


def _file_mode(path: Path) -> int:
    """Keep an existing file's mode; give a new one what the umask allows."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_bytes(path: Path, data: bytes) -> None:
    _write_atomically(path, data)


def _write_atomically(path: Path, content: str | bytes) -> None:
    """Replace ``path`` in one step, so a failed or interrupted run leaves the old file whole."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UserError(f"cannot write {path}: it is a directory")
    if not folder.is_dir():
        raise UserError(f"cannot write {path}: folder {folder} does not exist")
    temp_name = None
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
            temp_name = handle.name
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        # The temporary file is private (0600); the result gets the usual permissions.
        os.chmod(temp_name, _file_mode(path))
        os.replace(temp_name, path)
        temp_name = None
    except PermissionError:
        raise UserError(f"cannot write {path}: permission denied") from None
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror}") from None
    finally:
        if temp_name is not None and os.path.exists(temp_name):
            os.unlink(temp_name)


StatusOption = Annotated[
    list[Status] | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        case_sensitive=False,
        help="Only targets with this status: met, missed or unknown (repeatable).",
    ),
]
CategoryOption = Annotated[
    list[str] | None, typer.Option("--category", metavar="NAME", help="Only targets in this category (repeatable).")
]


def _filter(
    verdicts: tuple[Verdict, ...], status: list[Status] | None, category: list[str] | None
) -> tuple[Verdict, ...]:
    if category:
        known = {verdict.target.category for verdict in verdicts}
        wanted = {name.lower() for name in category}
        unknown = sorted(wanted - known)
        if unknown:
            raise UserError(f"no category {', '.join(unknown)}; the categories are {', '.join(sorted(known))}")
        verdicts = tuple(v for v in verdicts if v.target.category in wanted)
    if status:
        verdicts = tuple(v for v in verdicts if v.status in status)
    return verdicts


def _console() -> Any:
    from rich.console import Console

    # soft_wrap: the renderers lay out their own lines and never let rich fold an id
    return Console(highlight=False, soft_wrap=True)


def _page(text: str, no_pager: bool) -> None:
    """Print, through a pager the way git does: only on a terminal, only when the text is taller
    than the screen, with $PAGER (default less, with LESS=FRX), never with --no-pager."""
    if no_pager or not sys.stdout.isatty() or text.count("\n") < shutil.get_terminal_size().lines:
        _write(text, None)
        return
    pager = os.environ.get("PAGER", "less").strip()
    words = pager.split()
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        _write(text, None)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the screen as it was
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    process = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602 - the user's $PAGER
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode("utf-8"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less ignores it), as in git
            continue


def _show(renderable: Any, no_pager: bool) -> None:
    console = _console()
    with console.capture() as capture:
        console.print(renderable, end="")
    _page(capture.get(), no_pager)


@app.command(cls=Command, short_help="The answer: counts, missed, met, unknown by why.")
@guarded
def report(
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    status: StatusOption = None,
    category: CategoryOption = None,
    lang: LangOption = Lang.en,
    as_of: AsOfOption = None,
    report_year: ReportOption = None,
    full: Annotated[
        bool, typer.Option("--full", help="Every target with its name, goal, outcome and whole reason.")
    ] = False,
    no_pager: NoPagerOption = False,
) -> None:
    """The answer first: counts, the missed and met targets, then the unknown ones grouped by why."""
    from .render import report as report_render

    dataset, verdicts = _judge(_load(targets, actuals, data), as_of, report_year)
    verdicts = _filter(verdicts, status, category)
    width = _console().width
    _show(report_render.render(dataset, verdicts, lang.value, width=width, full=full), no_pager)


@app.command("list", cls=Command, short_help="Every target id, with its status and name.")
@guarded
def list_targets(
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    status: StatusOption = None,
    category: CategoryOption = None,
    lang: LangOption = Lang.en,
    as_of: AsOfOption = None,
    report_year: ReportOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The target ids, one a line: status, id and a short name."""
    from .render import listing

    _, verdicts = _judge(_load(targets, actuals, data), as_of, report_year)
    verdicts = _filter(verdicts, status, category)
    _show(listing.render(verdicts, lang.value, width=_console().width), no_pager)


@app.command(cls=Command, short_help="The track record: each report's headline targets by year.")
@guarded
def record(
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    first: Annotated[int | None, typer.Option("--from", metavar="YEAR", help="First target year shown.")] = None,
    last: Annotated[int | None, typer.Option("--to", metavar="YEAR", help="Last target year shown.")] = None,
    metric: Annotated[
        list[str] | None, typer.Option("--metric", metavar="ID", help="Only this measure (repeatable).")
    ] = None,
    lang: LangOption = Lang.en,
    as_of: AsOfOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """The track record: each report's headline targets, measure by year, and the share met."""
    from .render import record as record_render
    from .rules.record import headline_verdicts, track_record

    dataset, verdicts = _judge(_load(targets, actuals, data), as_of)
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
    console = _console()
    color = console.color_system is not None and not console.no_color
    _show(record_render.render(matrix, lang.value, console.width, color, dataset.about), no_pager)


IdArgument = Annotated[str, typer.Argument(metavar="ID", help="The target's id.", autocompletion=_complete_ids)]


@app.command(cls=Command, short_help="One target: its words, every figure, the verdict.")
@guarded
def show(
    target_id: IdArgument,
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    lang: LangOption = Lang.en,
    as_of: AsOfOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """Everything about one target: its words, goal, every observation, and the verdict."""
    from .render import show as show_render

    dataset = _dated(_load(targets, actuals, data), as_of, [target_id])
    (verdict,) = _select(dataset, [target_id])
    _page(show_render.render(dataset, verdict, lang.value), no_pager)


SEVERITY = {Status.MET: 0, Status.UNKNOWN: 1, Status.MISSED: 2}
STATUS_EXIT = {Status.MET: EXIT_MET, Status.MISSED: EXIT_MISSED, Status.UNKNOWN: EXIT_UNKNOWN}


def _exit_code(verdicts: tuple[Verdict, ...], allow_unknown: bool) -> int:
    """The exit code of the worst verdict: missed, then unknown, then met."""
    statuses = [v.status for v in verdicts if not (allow_unknown and v.status is Status.UNKNOWN)]
    worst = max(statuses, key=SEVERITY.__getitem__, default=Status.MET)
    return STATUS_EXIT[worst]


def _append_step_summary(markdown: Callable[[], str]) -> None:
    """GitHub Actions shows this file on the run's page; only the CLI knows about it. The
    markdown is made only when there is a summary to write."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown())
    except OSError as error:
        raise UserError(f"cannot append to GITHUB_STEP_SUMMARY ({path}): {error.strerror}") from None


@app.command(cls=Command, short_help="Verdicts as an exit code, for CI (text, github, json).")
@guarded
def check(
    target_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ID...", help="One or more target ids.", show_default=False, autocompletion=_complete_ids
        ),
    ] = None,
    all_targets: Annotated[bool, typer.Option("--all", help="Check every target (instead of naming ids).")] = False,
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
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
    report_year: ReportOption = None,
) -> None:
    """Verdicts as an exit code: 0 met, 1 missed, 3 unknown (the worst one counts), 2 bad id or data."""
    from .render import check as check_render

    try:
        if not target_ids and not all_targets:
            raise UserError("name at least one target ID, or use --all")
        if target_ids and all_targets:
            raise UserError(f"--all checks every target: drop the ids ({' '.join(target_ids)}) or --all")
        if report_year is not None and not all_targets:
            raise UserError("--report goes with --all: it chooses the targets of one report")
        if all_targets:
            dataset, verdicts = _judge(_load(targets, actuals, data), as_of, report_year)
        else:
            dataset = _dated(_load(targets, actuals, data), as_of, target_ids or [])
            verdicts = _select(dataset, target_ids or [])
    except (UserError, DataError) as error:
        if output_format is CheckFormat.JSON:  # a program reading stdout still gets JSON
            problems = [str(p) for p in error.problems] if isinstance(error, DataError) else []
            message = str(error) if isinstance(error, UserError) else "problems in the data; nothing was evaluated"
            _write(check_render.json_error(message, problems, EXIT_ERROR), None)
        raise
    code = _exit_code(verdicts, allow_unknown)
    if output_format is CheckFormat.GITHUB:
        _write(check_render.github(verdicts), None)
    elif output_format is CheckFormat.JSON:
        _write(check_render.as_json(verdicts, code), None)
    elif sys.stdout.isatty():
        _console().print(check_render.coloured(verdicts), end="")
    else:
        _write(check_render.text(verdicts), None)
    _append_step_summary(lambda: check_render.step_summary(verdicts))
    raise typer.Exit(code)


@app.command(cls=Command, short_help="Every verdict as markdown, json, csv or html.")
@guarded
def export(
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="markdown, json, csv or html."),
    ] = ExportFormat.MARKDOWN,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")
    ] = None,
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    lang: LangOption = Lang.en,
    as_of: AsOfOption = None,
    report_year: ReportOption = None,
) -> None:
    """Every verdict as markdown (default), JSON, CSV or one self-contained HTML page."""
    plain = as_of is None and report_year is None
    if format is ExportFormat.CSV and plain and not os.environ.get("GITHUB_STEP_SUMMARY"):
        # Without objects for the step summary, CSV input is judged column by column.
        _write(engine.export_csv(_paths(targets, actuals, data), _max_bytes(), lang.value), output)
        return
    dataset, verdicts = _judge(_load(targets, actuals, data), as_of, report_year)
    _write(exporter(format)(dataset, verdicts, lang.value, as_of=_as_of(as_of)), output)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        from .render import markdown

        _append_step_summary(lambda: markdown.render(dataset, verdicts, lang.value, as_of=_as_of(as_of)))


@app.command(cls=Command, short_help="Chart a measure against its goal (png or svg).")
@guarded
def chart(
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
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
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    lang: LangOption = Lang.en,
    as_of: AsOfOption = None,
) -> None:
    """Chart a target against its goal, or a measure's track record over the years (PNG or SVG)."""
    from .render import chart as chart_render

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
        _err(
            "zjk-targets: no CJK font is installed, so Chinese would show as empty boxes: the chart "
            "uses English labels (on Debian: apt-get install fonts-noto-cjk)"
        )
    dataset = _dated(_load(targets, actuals, data), as_of, [target_id] if target_id else [])
    if all_targets:
        if output.exists() and not output.is_dir():
            raise UserError(f"--output {output}: with --all this must be a folder, and it is a file")
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserError(f"cannot create the folder {output}: {error.strerror}") from None
        kind = chart_format or ChartFormat.PNG
        verdicts = evaluate(dataset)
        for verdict in verdicts:
            _write_bytes(
                output / f"{verdict.target.id}.{kind.value}", chart_render.render(dataset, verdict, lang.value, kind)
            )
        _err(f"wrote {len(verdicts)} charts to {output}")
        return
    kind = ChartFormat(output.suffix.lower().lstrip("."))
    if target_id in dataset.metrics and dataset.target(target_id) is None:
        from .rules.record import track_record

        matrix = track_record(dataset, evaluate(dataset), metrics={target_id})
        if not matrix.years:
            raise UserError(f"measure `{target_id}` has no headline targets to chart; name a target instead")
        _write_bytes(output, chart_render.render_measure(dataset, matrix, target_id, lang.value, kind))
        _err(f"wrote {output}")
        return
    (verdict,) = _select(dataset, [target_id or ""])
    _write_bytes(output, chart_render.render(dataset, verdict, lang.value, kind))
    _err(f"wrote {output}")


@app.command(cls=Command, short_help="Check the data; every problem as file:line: message.")
@guarded
def validate(
    targets: TargetsOption = None,
    actuals: ActualsOption = None,
    data: DataOption = None,
    sources: Annotated[
        Path | None,
        typer.Option("--sources", help="Also check that every excerpt appears in its source file under this folder."),
    ] = None,
) -> None:
    """Check the data; list every problem as file:line: message (exit 0 or 2)."""
    dataset = _load(targets, actuals, data)
    summary = (
        f"ok: {len(dataset.targets)} targets, {len(dataset.observations)} observations, "
        f"{len(dataset.metrics)} metrics, {len(dataset.sources)} sources"
    )
    if sources is not None:
        from .excerpts import check_excerpts

        if not sources.is_dir():
            raise UserError(f"--sources {sources}: not a folder")
        files = sorted({source.file for source in dataset.sources.values() if source.file})
        if files and not any((sources / name).is_file() for name in files):
            raise UserError(
                f"--sources {sources}: none of the data's {len(files)} source files is in this folder "
                f"(such as {files[0]}); give the folder that holds them"
            )
        problems, found = check_excerpts(dataset, sources)
        if problems:
            raise DataError(problems)
        summary += f"; {found} excerpts found in their source files under {sources}"
    _write(summary + "\n", None)


@app.command(cls=Command, short_help="Draft a dataset from a city's work reports.")
@guarded
def extract(
    reports: Annotated[
        list[Path], typer.Argument(metavar="REPORT...", help="Work reports of one city (Markdown or text).")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for targets.yaml and actuals.yaml (created if missing).")
    ],
    city: Annotated[str | None, typer.Option("--city", help="The city, when the text does not name it.")] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="The targets' year, when neither the text nor the file name gives it.")
    ] = None,
) -> None:
    """Draft a dataset from a city's government work reports: targets and the outcomes they review."""
    from .extract import MAX_REPORT_BYTES, draft
    from .inputs import read_input

    files, unread = [], []
    for path in reports:
        data, problems = read_input(str(path), _max_bytes() or MAX_REPORT_BYTES)
        if data is None:
            unread.append((str(path), problems[0].message))
        else:
            files.append((str(path), data))
    result = draft(files, city=city, year=year)
    if result.targets_yaml is not None and result.actuals_yaml is not None:
        if output.exists() and not output.is_dir():
            raise UserError(f"--output {output}: not a folder")
        output.mkdir(parents=True, exist_ok=True)
        _write_atomically(output / TARGETS_NAME, result.targets_yaml)
        _write_atomically(output / ACTUALS_NAME, result.actuals_yaml)
        _write("".join(line + "\n" for line in result.summary), None)
        _write(f"wrote {output / TARGETS_NAME} and {output / ACTUALS_NAME}\n", None)
    for name, reason in sorted(unread + result.problems):
        _err(f"zjk-targets: {visible(name)}: {reason}")
    if unread or result.problems:
        raise typer.Exit(EXIT_ERROR)


def _exit_now(code: int) -> None:
    """End the process without tearing the interpreter down: every output is written and closed
    by now, and freeing a national dataset's arrays one by one costs a user about 0.15 s."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = code or EXIT_BROKEN_PIPE
    sys.stderr.flush()
    os._exit(code)


def main() -> None:
    """Console-script entry point."""
    # One command, then the process ends: reference counting frees what a command drops, and the
    # cycle collector's passes (over the objects of pandas' import above all) were 3 % of the time
    # of a national export, to free a few hundred objects.
    gc.disable()
    try:
        app(prog_name="zjk-targets")
    except KeyboardInterrupt:  # while typer parses, before a command's own guard is in place
        _err("zjk-targets: interrupted")
        _exit_now(EXIT_INTERRUPTED)
    except SystemExit as done:  # how typer ends every command, with its exit code
        code = done.code
        if not isinstance(code, int):
            if code is not None:
                _err(str(code))
            code = 0 if code is None else EXIT_ERROR
        _exit_now(code)


__all__ = ["app", "main"]
