"""The words of the escalation view (层层加码), said once: how targets of two levels compare, the
panel's columns, the answer line, the table's columns and its note."""

from __future__ import annotations

from . import counts as count_rules

TITLE = "Target escalation (层层加码): the nation's headline targets beside the provinces' and the cities'"
# The panel: one row per place, measure and year (CSV and JSON alike).
PANEL_COLUMNS = (
    "place",
    "level",
    "parent",
    "year",
    "measure",
    "comparator",
    "goal",
    "outcome",
    "status",
    "source",
    "line",
    "words",
)
# The three levels the view compares; a major city counts among the cities.
NATION, PROVINCE, CITY = "nation", "province", "city"
CITY_LEVELS = ("major-city", "city")
LEVEL_OF = {"nation": NATION, "province": PROVINCE, "major-city": CITY, "city": CITY}

COMPARED = (
    "above: a goal higher than its parent's for the same measure and year (the nation's for a "
    "province, the province's for a city); goals compare as numbers, whatever their comparator: "
    "6.5 % 左右 (about), 6.5 % 以上 (>=) and 6.5 % all stand for 6.5, and a range (6.5–7 %) for its "
    "lower bound, as extract keeps it; the comparator is shown beside each goal. An equal goal is "
    "not above. For a measure where lower is better (cpi-inflation) a higher goal is a looser one."
)
KEPT = (
    "Only headline targets of the year's own work report count (the items of each report's "
    "主要预期目标), one per place, measure and year (the first the report states), in the measure's "
    "own unit."
)
MET = "met: " + count_rules.DEFINITIONS["met %"] + " (an unknown verdict is no evidence either way)."
DRAFTED_BY = "Drafted by zjk-targets extract from the work reports of lawtext/gov"
DRAFTED = DRAFTED_BY + ", each target with its report, line and words: zjk-targets escalation --format csv."
DRAFTED_PAGE = DRAFTED_BY + "."  # the web page's: no command for a reader to type
NOTE = " ".join((COMPARED, KEPT, MET))

# The table's columns: the nation, the provinces and the cities of each year.
HEAD = ("year", "nation", "", "prov", "mean", "median", "above", "met", "cities", "mean", "above", "met")
LONG_HEAD = (
    "year",
    "nation",
    "nation's verdict",
    "provinces",
    "provinces' mean",
    "provinces' median",
    "provinces above the nation",
    "provinces met",
    "cities",
    "cities' mean",
    "cities above their province",
    "cities met",
)
HEAD_NOTE = (
    "prov, cities: how many set a target; above: the share of those whose parent set one too; met: met of decided."
)
PROVINCE_HEAD = ("place", "goal", "above", "outcome", "status")
ABOVE = ("no", "yes")  # a goal above its parent's
CHART_LEGEND = {"nation": "the nation", "provinces": "provinces' mean", "cities": "cities' mean"}
CHART_DOTS = "dots: each province's (blue) and city's (orange) goal"


def answer(year: int, name: str, nation: str, provinces: str, cities: str) -> str:
    """The first line: ``2017 GDP growth targets: nation 6.5 %; provinces …; cities …``."""
    return f"{year} {name} targets: nation {nation}; provinces {provinces}; cities {cities}"


def provinces_said(mean: str, above: int, compared: int) -> str:
    if not mean:
        return "none"
    if not compared:
        return f"mean {mean}"
    return f"mean {mean}, {above} of {compared} above the nation"


def cities_said(mean: str, share: str) -> str:
    if not mean:
        return "none"
    return f"mean {mean}, {share} above their province" if share else f"mean {mean}"


NO_TARGET = "none"
NO_TARGETS = "No headline target of this measure in the data: zjk-targets national --format csv lists the measures."
ONE_PROVINCE = "{name}: its target beside its cities' ({year})"


def unknown_measure(typed: str, close: list[str]) -> str:
    hint = f"; did you mean {', '.join(close)}?" if close else "; zjk-targets national lists the measures"
    return f"--measure {typed}: no such measure{hint}"


def filtered(filters: dict[str, str]) -> str:
    return "Only " + "; ".join(f"{name} {value}" for name, value in filters.items()) + "."


def no_chart_year() -> str:
    return "no year with a target of this measure to chart"
