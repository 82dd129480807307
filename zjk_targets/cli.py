"""The command line: the app, its error boundary and entry point. The commands, each with its own
options, are in :mod:`zjk_targets.commands`; only those modules and this one read the environment,
print, or exit."""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import io
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from . import __version__
from .commands import chart, check, escalation, export, extract, listing, national, record, report, show, validate
from .commands.exits import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_INTERRUPTED, OutputFailed, UserError, err
from .commands.options import HelpContext, flags_show_no_type
from .errors import DataError
from .render.text import one_line, visible
from .rules import messages
from .safe_write import WriteRefused

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


class Group(TyperGroup):
    """The app: a usage error looks like every other error, one line ``zjk-targets: …``, exit 2."""

    context_class = HelpContext

    def get_params(self, ctx: Any) -> list[Any]:
        return flags_show_no_type(super().get_params(ctx))

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
                message = _usage_message(error)
                err(f"zjk-targets: {visible(message)}")
                check.usage_failed(list(sys.argv[1:] if args is None else args), message)
            code = EXIT_ERROR
        except typer.Abort:
            err("zjk-targets: interrupted")
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
                err(one_line(str(problem)))  # a message may quote hostile bytes from the file
            if error.count:
                err(f"zjk-targets: {messages.problems_in_data(error.count)}")
            raise typer.Exit(EXIT_ERROR) from None
        except (UserError, WriteRefused, OutputFailed) as error:
            err(f"zjk-targets: {visible(str(error))}")
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            err("zjk-targets: interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader went away (e.g. `| head -1`): stop quietly, and keep Python from
            # complaining when it flushes stdout at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as error:  # noqa: BLE001 - the one place a crash becomes a message
            err(f"zjk-targets {__version__}: internal error: {type(error).__name__}: {error}")
            err("This is a bug, not a verdict; please report it with the command you ran.")
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


# In the order `--help` lists them; every one behind the error boundary.
for command in (report, listing, record, national, escalation, show, check, export, chart, validate, extract):
    command.register(app)
for registered in app.registered_commands:
    registered.callback = guarded(registered.callback)


def _exit_now(code: int) -> None:
    """End the process without tearing the interpreter down: every output is written and closed
    by now, and freeing a national dataset's arrays one by one costs a user about 0.15 s."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = code or EXIT_BROKEN_PIPE
    except OutputFailed as error:  # e.g. --help on /dev/full; a failure already told keeps its one line
        if not code:
            err(f"zjk-targets: {error}")
            code = EXIT_ERROR
    with contextlib.suppress(AttributeError, OSError):  # stderr closed or full: nowhere left to tell
        sys.stderr.flush()
    os._exit(code)


class _Stdout(io.TextIOBase):
    """Stdout as every command, typer's help and rich write to it, where a failure to write is
    one message (:class:`OutputFailed`) rather than a crash: a closed stdout (`>&-`, given as
    None), /dev/full, or an encoding (PYTHONIOENCODING=ascii) without the text's characters. A
    reader that went away (EPIPE) stays a BrokenPipeError, for the boundary to end quietly."""

    def __init__(self, stream: Any) -> None:
        super().__init__()
        self._stream = stream

    def _do(self, action: Callable[[], Any]) -> Any:
        if self._stream is None:
            raise OutputFailed(messages.cannot_write_stdout(os.strerror(errno.EBADF)))
        try:
            return action()
        except BrokenPipeError:
            raise
        except UnicodeEncodeError:
            raise OutputFailed(messages.stdout_encoding(str(self._stream.encoding))) from None
        except OSError as error:
            raise OutputFailed(messages.cannot_write_stdout(str(error.strerror))) from None

    def write(self, text: str) -> int:
        return self._do(lambda: self._stream.write(text))

    def flush(self) -> None:
        if self._stream is not None:
            self._do(self._stream.flush)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def fileno(self) -> int:
        if self._stream is None:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # rich and typer ask which characters fit
        return str(getattr(self._stream, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)

    def __getattr__(self, name: str) -> Any:  # buffer, … as the real stream has them
        return getattr(self._stream, name)


def main() -> None:
    """Console-script entry point."""
    # One command, then the process ends: reference counting frees what a command drops, and the
    # cycle collector's passes (over the objects of pandas' import above all) were 3 % of the time
    # of a national export, to free a few hundred objects.
    gc.disable()
    sys.stdout = _Stdout(sys.stdout)
    try:
        app(prog_name="zjk-targets")
    except KeyboardInterrupt:  # while typer parses, before a command's own guard is in place
        err("zjk-targets: interrupted")
        _exit_now(EXIT_INTERRUPTED)
    except OutputFailed as error:  # the help or the version, outside every command's guard
        err(f"zjk-targets: {error}")
        _exit_now(EXIT_ERROR)
    except BrokenPipeError:  # `zjk-targets --help | head -1`
        os._exit(EXIT_BROKEN_PIPE)
    except OSError as error:  # typer's help writes to its own handle on stdout (--help >/dev/full)
        err(f"zjk-targets: {messages.cannot_write_stdout(str(error.strerror))}")
        os._exit(EXIT_ERROR)
    except SystemExit as done:  # how typer ends every command, with its exit code
        code = done.code
        if not isinstance(code, int):
            if code is not None:
                err(str(code))
            code = 0 if code is None else EXIT_ERROR
        _exit_now(code)


__all__ = ["app", "main"]
