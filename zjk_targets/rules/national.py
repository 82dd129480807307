"""The words of the national table, said once: its title, summary and column names."""

from __future__ import annotations

from . import counts as count_rules

TITLE = "The national record: headline targets of city work reports, judged by each city's next report"
DRAFTED = (
    "Drafted by zjk-targets extract from the work reports of lawtext/gov; unknown where the next report "
    "states no figure of the target's year. One city: zjk-targets record --city NAME."
)
VIEWS = {"years": "Per report year", "measures": "Per measure", "cities": "Per city"}
OUTSIDE_LABEL = "measures outside the lexicon (one row for all)"
KEY_COLUMN = {"years": "year", "measures": "measure", "cities": "city"}
COLUMNS = ("targets", "judgeable", "decided", "decided %", "met", "met %", "mean miss")
SHORT_COLUMNS = ("set", "judgeable", "decided", "dec%", "met", "met%", "mean miss")  # the terminal's, at 80 columns
NOTE = (
    "set: "
    + count_rules.DEFINITIONS["set"]
    + "; judgeable: "
    + count_rules.DEFINITIONS["judgeable"]
    + " (张家口's curated articles); decided: "
    + count_rules.DEFINITIONS["decided"]
    + " (dec%: "
    + count_rules.DEFINITIONS["decided %"]
    + "); met%: "
    + count_rules.DEFINITIONS["met %"]
    + "; 张家口 from its curated data; "
    "mean miss: how far the missed targets' figures fell from their goals, in points where the row has rates."
)


def summary(cities: int, counts: count_rules.Counts) -> str:
    places = f"{cities:,} {'city' if cities == 1 else 'cities'}"
    return f"{places}, {count_rules.line(counts)}"


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
