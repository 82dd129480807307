"""The options several commands share, how every option shows in help, and completion of ids."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar, get_type_hints

import typer
from rich.cells import cell_len
from typer.core import TyperArgument, TyperCommand, TyperOption

from .. import engine
from ..model import Dataset, Reading, Status
from ..rules import messages
from .exits import err
from .reading import data_paths, max_bytes


class _Argument(TyperArgument):
    """An argument in help by its metavar alone, with ``...`` where it takes several: ``ID...``
    (typer would add its Python type, ``ID <list[str]>``)."""

    def display_type_rich(self, ctx: Any) -> str:
        return ""

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        """As click writes it: ``ID``, ``[ID]``, ``REPORT...``, ``[ID]...`` (typer: ``{ID}``)."""
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


class _Option(TyperOption):
    """A repeatable option of choices in help by its choices: ``<nation|city>``, not ``<list[nation|city]>``."""

    def display_type_rich(self, ctx: Any) -> str | None:
        shown = super().display_type_rich(ctx)
        return _LIST.sub(r"<\1>", shown) if shown else shown


_LIST = re.compile(r"^<list\[(.*)\]>$")


def flags_show_no_type(params: list[Any]) -> list[Any]:
    """How each parameter shows in help: a flag takes no value, so it shows none (typer would print
    `<bool>`); an argument and a list shows no Python type (:class:`_Argument`, :class:`_Option`)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        if type(param) is TyperArgument:
            param.__class__ = _Argument
        elif type(param) is TyperOption:
            param.__class__ = _Option
    return params


_WIDE = "\ue000"  # a private-use character: follows each wide character while help is laid out


def _widened(text: str) -> str:
    return "".join(char + _WIDE if cell_len(char) == 2 else char for char in text)


class _HelpFormatter(typer.Context.formatter_class):  # type: ignore[misc, name-defined]
    """Help laid out by terminal cells: click counts characters, so a line with Chinese overflowed.
    Each wide character is followed by a placeholder while lines are measured, then dropped."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(_widened(prog), _widened(args), prefix)

    def write_text(self, text: str) -> None:
        super().write_text(_widened(text))

    def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
        super().write_dl([(_widened(term), _widened(text)) for term, text in rows], *args, **kwargs)

    def getvalue(self) -> str:
        return super().getvalue().replace(_WIDE, "")


class HelpContext(typer.Context):
    formatter_class = _HelpFormatter


class Command(TyperCommand):
    context_class = HelpContext

    def get_params(self, ctx: Any) -> list[Any]:
        return flags_show_no_type(super().get_params(ctx))


class Lang(StrEnum):
    en = "en"
    zh = "zh"


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
CITY_HELP = (
    "A place of the bundled national data, the nation, a province or a city, in Chinese or pinyin "
    "(全国, china; 河北, hebei; 邯郸, handan; 市, 省 optional)"
)
CityOption = Annotated[
    str | None,
    typer.Option(
        "--city",
        "--place",
        metavar="NAME",
        help=CITY_HELP + ", drafted from its work reports [default: Zhangjiakou's curated data].",
        show_default=False,
    ),
]


@dataclasses.dataclass(frozen=True)
class DataSource:
    """Where a command's data comes from: the option group ``--targets``, ``--actuals``, ``--data``,
    ``--city``, declared once. A command with a parameter ``data_source: DataSource``, registered
    through :func:`reads_data`, shows these four options in its place and gets them as one object."""

    targets: TargetsOption = None
    actuals: ActualsOption = None
    data: DataOption = None
    city: CityOption = None

    @classmethod
    def taken_from(cls, params: dict[str, Any]) -> DataSource:
        """The source given by a command's parameters (``ctx.params``, or a callback's keywords)."""
        return cls(**{field.name: params.get(field.name) for field in dataclasses.fields(cls)})

    def located(self) -> tuple[list[Path], str | None]:
        """The files to read, and the note the reader should see (see :func:`data_paths`)."""
        return data_paths(self.targets, self.actuals, self.data, self.city)

    def files(self) -> list[Path]:
        """The files to read, with the note (if any) told on stderr."""
        found, note = self.located()
        if note:
            err(note)
        return found

    def load(self) -> Dataset:
        return engine.load(self.files(), max_bytes())


NOTHING_NAMED = DataSource()  # the default: ./targets.yaml and ./actuals.yaml if both are here, else the bundled data
F = TypeVar("F", bound=Callable[..., Any])


def reads_data(command: F) -> F:
    """The command with its parameter of type :class:`DataSource` shown to typer as the group's
    options, where it stands (so --help lists them there), and handed to it as one object.
    Typer has no option groups: it reads a command's signature, so the signature says the four."""
    hints = get_type_hints(DataSource, include_extras=True)
    group = [
        inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=hints[field.name])
        for field in dataclasses.fields(DataSource)
    ]
    signature = inspect.signature(command, eval_str=True)
    (name,) = [parameter.name for parameter in signature.parameters.values() if parameter.annotation is DataSource]
    shown = [
        shown.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        for parameter in signature.parameters.values()
        for shown in (group if parameter.name == name else [parameter])
    ]

    @functools.wraps(command)
    def run(**params: Any) -> Any:
        rest = {key: value for key, value in params.items() if key not in hints}
        return command(**rest, **{name: DataSource.taken_from(params)})

    run.__signature__ = signature.replace(parameters=shown)  # type: ignore[attr-defined]
    run.__annotations__ = {parameter.name: parameter.annotation for parameter in shown}
    return run  # type: ignore[return-value]


def completion_data(ctx: typer.Context) -> Dataset | None:
    """The data the command being completed would read; None when it cannot be read."""
    try:
        paths, _ = DataSource.taken_from(ctx.params).located()
        return engine.load(paths, max_bytes())
    except Exception:  # noqa: BLE001 - completion must never print a traceback into the shell
        return None


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of target ids, from the data the command would read."""
    dataset = completion_data(ctx)
    names = {target.id for target in dataset.targets} if dataset else set()
    return sorted(name for name in names if name.startswith(incomplete))


AboutOption = Annotated[
    Reading,
    typer.Option(
        "--about",
        case_sensitive=False,
        help="How a 左右 (about) goal is judged: band (met within its tolerance) or strict (met only when "
        "the outcome reaches the goal: ≥ it, or ≤ where lower is better).",
    ),
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
NationalDirOption = Annotated[
    Path | None,
    typer.Option("--national", metavar="DIR", help="A folder written by build-national [default: the bundled one]."),
]
NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager", help="Print straight to the terminal; otherwise long output goes through $PAGER (less)."
    ),
]


def statuses(values: list[str] | None) -> list[Status] | None:
    """--status met,missed --status unknown: each value a status or a comma list of them."""
    if not values:
        return None
    found = []
    for word in (part.strip().lower() for value in values for part in value.split(",")):
        if word not in Status._value2member_map_:
            raise typer.BadParameter(messages.not_one_of(word, [status.value for status in Status]))
        found.append(Status(word))
    return list(dict.fromkeys(found))


StatusOption = Annotated[
    list[Status] | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        parser=str,
        callback=statuses,
        help="Only targets with this status: met, missed or unknown (repeatable, or a comma list).",
    ),
]
CategoryOption = Annotated[
    list[str] | None, typer.Option("--category", metavar="NAME", help="Only targets in this category (repeatable).")
]
