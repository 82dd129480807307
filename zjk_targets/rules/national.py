"""The words of the national table, said once: its title, summary and column names."""

from __future__ import annotations

from . import counts as count_rules

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


def outside_label(measures: int) -> str:
    """The row of the measures outside the lexicon (--measure other), with how many there are."""
    return f"other measures: {measures:,} outside the lexicon, each named by its report's words"


def outside_short(measures: int) -> str:
    """The same row in the terminal's narrow column."""
    return f"other ({measures:,} measures)"


def summary(cities: int, counts: count_rules.Counts) -> str:
    places = f"{cities:,} {'city' if cities == 1 else 'cities'}"
    return f"{places}, {count_rules.line(counts)}"


def filtered(filters: dict[str, str]) -> str:
    return "Only " + "; ".join(f"{name} {value}" for name, value in filters.items()) + "."


COLLECTION = "lawtext/gov"
LEVEL_WORDS = {
    "nation": "the nation",
    "province": "province-level",
    "major-city": "a major city",
    "city": "a prefecture-level city",
}


def unknown_city(typed: str, close: list[str]) -> str:
    hint = f"; did you mean {', '.join(close)}?" if close else "; zjk-targets national lists every city"
    return f"--city {typed}: not a place of {COLLECTION} nor of the bundled national data{hint}"


def city_offered(slug: str, name: str) -> str:
    return f"{slug} ({name})"


def place_offered(name: str) -> str:
    return f"{name} (not yet bundled)"


def not_bundled(typed: str, places: list[tuple[str, str, str]]) -> str:
    """``places``: (name, folder, level) of each place of the collection that ``typed`` names."""
    named = " and ".join(f"{name} ({folder}, {LEVEL_WORDS[level]})" for name, folder, level in places)
    return (
        f"--city {typed}: {named} {'is' if len(places) == 1 else 'are'} in {COLLECTION} but not yet in the bundled "
        "national data (the cities of 政府工作报告-其他地市; zjk-targets national lists them)"
    )


def unknown_province(typed: str, close: list[str], held: list[str]) -> str:
    hint = f"; did you mean {', '.join(close)}?" if close else f"; provinces of the national data: {', '.join(held)}"
    return f"--province {typed}: not a province of {COLLECTION}{hint}"


def ambiguous_province(typed: str, candidates: list[str]) -> str:
    return f"--province {typed}: names more than one province ({', '.join(candidates)}); give its Chinese name"


def empty_province(typed: str, held: list[str]) -> str:
    return (
        f"--province {typed}: no city of the national data is in it; provinces of the national data: {', '.join(held)}"
    )


def unplaced(folder: str) -> str:
    return f"{folder}: not in the place table (places.csv): no province"


def no_code(folder: str, codes: list[str]) -> str:
    found = f"codes {', '.join(codes)}" if codes else "no code"
    return f"{folder}: {found} in cpca's table; give it an explicit entry with its source (national/places.py)"


def explicit_but_coded(folder: str, codes: list[str]) -> str:
    return f"{folder}: has code {', '.join(codes)} in cpca's table; drop its explicit entry"


def no_province(folder: str, parent: str) -> str:
    return f"{folder}: its province {parent} is not a place of the collection"


def place_problems(problems: list[str]) -> str:
    return "the place table was not written:\n" + "\n".join(problems)


def ambiguous_city(typed: str, candidates: list[str]) -> str:
    return f"--city {typed}: names more than one city ({', '.join(candidates)}); give the slug"


def drafted_note(city: str) -> str:
    return (
        f"zjk-targets: {city}: drafted by zjk-targets extract from its work reports (lawtext/gov), not curated; "
        "each figure's words and line: zjk-targets show ID --city NAME"
    )
