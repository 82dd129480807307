"""The words of the national table, said once: its title, summary and column names."""

from __future__ import annotations

TITLE = "The national record: headline targets of city work reports, judged by each city's next report"
DRAFTED = (
    "Drafted by zjk-targets extract from the work reports of lawtext/gov; unknown where the next report "
    "states no figure of the target's year. One city: zjk-targets record --city NAME."
)
VIEWS = {"years": "Per report year", "measures": "Per measure", "cities": "Per city"}
KEY_COLUMN = {"years": "year", "measures": "measure", "cities": "city"}
COLUMNS = ("targets", "judgeable", "decided", "decided %", "met", "met %", "mean miss")
SHORT_COLUMNS = ("set", "judgeable", "decided", "dec%", "met", "met%", "mean miss")  # the terminal's, at 80 columns
NOTE = (
    "set: headline targets; judgeable: the city's next report is in the collection; decided: met or missed "
    "(dec%: of the judgeable); "
    "met %: of decided; 张家口 from its curated data; "
    "mean miss: how far the missed targets' figures fell from their goals, in points where the row has rates."
)


def outside_label(measures: int) -> str:
    """The row of the measures outside the lexicon (--measure other), with how many there are."""
    return f"other measures: {measures:,} outside the lexicon, each named by its report's words"


def outside_short(measures: int) -> str:
    """The same row in the terminal's narrow column."""
    return f"other ({measures:,} measures)"


def summary(cities: int, targets: int, judgeable: int, decided_judgeable: int, decided: int, met: int) -> str:
    places = f"{cities:,} {'city' if cities == 1 else 'cities'}"
    of_judgeable = (
        f", {decided_judgeable:,} of the {judgeable:,} judgeable ({round(decided_judgeable * 100 / judgeable)} %)"
        if judgeable
        else ""
    )
    met_share = f" ({round(met * 100 / decided)} % of decided)" if decided else ""
    return f"{places}, {targets:,} headline targets: {decided:,} decided{of_judgeable}; {met:,} met{met_share}."


def filtered(filters: dict[str, str]) -> str:
    return "Only " + "; ".join(f"{name} {value}" for name, value in filters.items()) + "."


def unknown_city(typed: str, close: list[str]) -> str:
    hint = f"; did you mean {', '.join(close)}?" if close else "; zjk-targets national lists every city"
    return f"--city {typed}: no such city in the national data{hint}"


def ambiguous_city(typed: str, candidates: list[str]) -> str:
    return f"--city {typed}: names more than one city ({', '.join(candidates)}); give the slug"


def drafted_note(city: str) -> str:
    return (
        f"zjk-targets: {city}: drafted by zjk-targets extract from its work reports (lawtext/gov), not curated; "
        "each figure's words and line: zjk-targets show ID --city NAME"
    )
