"""Renderers: pure functions from verdicts to text, one module per format."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..model import Dataset, PartialDate, Reading
    from ..rules.verdicts import Verdict


class Renderer(Protocol):
    """Every export format renders the same arguments; ``as_of`` is stated where the format can, and
    ``reading`` (how the about goals were judged) by every one."""

    def __call__(
        self,
        dataset: Dataset,
        verdicts: tuple[Verdict, ...],
        lang: str = "en",
        as_of: PartialDate | None = None,
        reading: Reading = ...,
    ) -> str: ...


class ExportFormat(enum.StrEnum):
    """The formats of ``zjk-targets export``."""

    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


class CheckFormat(enum.StrEnum):
    """The formats of ``zjk-targets check``."""

    TEXT = "text"
    GITHUB = "github"
    JSON = "json"


class ChartFormat(enum.StrEnum):
    """The formats of ``zjk-targets chart``."""

    PNG = "png"
    SVG = "svg"


def exporter(export_format: ExportFormat) -> Renderer:
    """The renderer of an export format (each imported only when used)."""
    match export_format:
        case ExportFormat.MARKDOWN:
            from .markdown import render
        case ExportFormat.JSON:
            from .json import render
        case ExportFormat.CSV:
            from .csv import render
        case ExportFormat.HTML:
            from .html import render
    return render
