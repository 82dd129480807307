"""``export --format csv``: one row per target, safe to open in a spreadsheet."""

from __future__ import annotations

from ..model import Dataset, PartialDate, Reading
from ..rules import csv_layout
from ..rules.verdicts import Verdict


def render(
    dataset: Dataset,
    verdicts: tuple[Verdict, ...],
    lang: str = "en",
    as_of: PartialDate | None = None,
    reading: Reading = Reading.BAND,
) -> str:
    """One row per verdict (the rule book's layout); ``about_reading`` says how the about (左右) goals
    were read (band or strict). The CSV has the same columns in either language."""
    return csv_layout.text(verdicts, reading)
