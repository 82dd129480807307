"""Renderers: pure functions from verdicts to text, one module per format."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Dataset
    from ..rules.verdicts import Verdict


class ExportFormat(enum.StrEnum):
    """The formats of ``zjk-targets export``."""

    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


def exporter(export_format: ExportFormat) -> Callable[[Dataset, tuple[Verdict, ...], str], str]:
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
