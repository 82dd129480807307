"""Is a deadline goal on track? A projection, never a verdict.

The method of Open SDG and Statistics Canada: the annual change the goal requires, from the
first figure of the window to the deadline, against the annual change observed from that first
figure to the latest one. The window runs from the year before the report that set the goal (the
year that report reviews) to the year before the deadline. Only figures that decide their own
year count (a single value of the goal's own measure); a projection is made only where the
deadline year has no such figure and at least two years of the window do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import wording


@dataclass(frozen=True)
class Projection:
    on_track: bool
    first_year: int
    first: Decimal
    latest_year: int
    latest: Decimal
    deadline: int
    required: Decimal
    """Annual change needed from the first figure to reach the goal at the deadline."""
    observed: Decimal
    """Annual change observed from the first figure to the latest."""
    projected: Decimal
    """The latest figure carried on at the observed pace to the deadline year."""
    unit: str

    def describe(self) -> str:
        return wording.projection(
            self.on_track,
            self.observed,
            self.required,
            (self.first_year, self.latest_year),
            self.deadline,
            self.projected,
            self.unit,
        )


def project(
    figures: Mapping[int, Decimal],
    goal: Decimal,
    deadline: int,
    unit: str,
    meets: Callable[[Decimal], bool],
) -> Projection | None:
    """Project the figures of the window (year → value in the goal's unit) to ``deadline``."""
    years = sorted(year for year in figures if year < deadline)
    if len(years) < 2:
        return None
    first_year, latest_year = years[0], years[-1]
    first, latest = figures[first_year], figures[latest_year]
    required = (goal - first) / (deadline - first_year)
    observed = (latest - first) / (latest_year - first_year)
    projected = latest + observed * (deadline - latest_year)
    return Projection(
        on_track=meets(projected),
        first_year=first_year,
        first=first,
        latest_year=latest_year,
        latest=latest,
        deadline=deadline,
        required=required,
        observed=observed,
        projected=projected,
        unit=unit,
    )
