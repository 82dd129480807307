"""The words of the national table, said once: its title, summary and column names."""

from __future__ import annotations

from . import counts as count_rules
from .messages import closest

TITLE = "The national record: headline targets of work reports, nation to city, judged by the next report"
DRAFTED_BY = (
    "Drafted by zjk-targets extract from the work reports of lawtext/gov; unknown where the next report "
    "states no figure of the target's year."
)
DRAFTED = DRAFTED_BY + " One place: zjk-targets record --city NAME."
DRAFTED_PAGE = DRAFTED_BY + " One place: its page, linked from its name in the table of places."
"""The web page's: it speaks to a reader, who follows a link rather than types a command."""
FILTER = "filter the places by name, pinyin or province"
SHOWN = "{shown} of {total} places shown"
VIEWS = {"levels": "Per level", "years": "Per report year", "measures": "Per measure", "cities": "Per place"}
KEY_COLUMN = {"levels": "level", "years": "year", "measures": "measure", "cities": "place"}
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

# A share ranks a row only when this many of its targets make it up (met % of decided, decided % of
# judgeable): one decided target met is 100 %, and says little. The rows with fewer follow.
RANK_MIN = 5
RANKED_SHARES = {"met-share": ("met%", "decided"), "decided-share": ("dec%", "judgeable")}


def ranked(sort: str) -> str:
    """Under the table sorted by a share: the rule it was ranked by."""
    column, of = RANKED_SHARES[sort]
    return (
        f"Sorted by {column} where at least {RANK_MIN} targets are {of}; the rows with fewer follow, most {of} first."
    )


def sorted_by(sort: str) -> str:
    """Under the table: what its places and measures are sorted by."""
    if sort in RANKED_SHARES:
        return ranked(sort)
    if sort == "name":
        return "Sorted by name: places by pinyin, measures by id."
    return f"Sorted by {SORT_COLUMNS[sort]}, most first; ties by name (places by pinyin, measures by id)."


SORT_COLUMNS = {"targets": "set", "judgeable": "judgeable", "decided": "decided", "met": "met"}
"""The column each count --sort orders by: what the table shows."""


def no_match(option: str, values: list[object], existing: list[object], others: dict[str, str]) -> str:
    """A filter whose values match no headline target (of those the other filters keep)."""
    typed = ", ".join(map(str, values))
    kept = " with " + " ".join(f"--{name} {value}" for name, value in others.items()) if others else ""
    shown = _spans(existing) if option == "year" else ", ".join(map(str, existing)) or "none"
    close = closest(str(values[0]), map(str, existing)) if option != "year" and not others else None
    hint = f"did you mean {close}? " if close else ""
    return f"--{option} {typed}: no headline target of that {option}{kept}; {hint}{option}s: {shown}"


def _spans(years: list[object]) -> str:
    """1988–2026, or 1988–1990, 1993 where years are missing."""
    spans: list[list[int]] = []
    for year in sorted(int(str(y)) for y in years):
        if spans and year == spans[-1][1] + 1:
            spans[-1][1] = year
        else:
            spans.append([year, year])
    return ", ".join(f"{low}–{high}" if high > low else f"{low}" for low, high in spans) or "none"


def outside_label(measures: int) -> str:
    """The row of the measures outside the lexicon (--measure other), with how many there are."""
    return f"other measures: {measures:,} outside the lexicon, each named by its report's words"


def outside_short(measures: int) -> str:
    """The same row in the terminal's narrow column."""
    return f"other ({measures:,} measures)"


def summary(places: int, counts: count_rules.Counts) -> str:
    return f"{_places(places)}, {count_rules.line(counts)}"


def filtered(filters: dict[str, str]) -> str:
    return "Only " + "; ".join(f"{name} {value}" for name, value in filters.items()) + "."


COLLECTION = "lawtext/gov"
LEVEL_WORDS = {
    "nation": "the nation",
    "province": "province-level",
    "major-city": "a major city",
    "city": "a prefecture-level city",
}


# Each level's places, as a build's summary, the per-level view and the messages name them.
LEVEL_PLACES = {
    "nation": "the nation",
    "province": "province-level places",
    "major-city": "major cities",
    "city": "prefecture cities",
}


def no_reader(folder: str) -> str:
    return f"{folder}: no reader of this source yet"


def _places(count: int) -> str:
    return f"{count:,} {'place' if count == 1 else 'places'}"


def built(places: int, reports: int, skipped: int, targets: int) -> str:
    """A build's count, of everything or of one level."""
    return f"{_places(places)}, {reports:,} reports ({reports - skipped:,} read), {targets:,} headline targets"


def built_level(level: str, places: int, reports: int, skipped: int, targets: int) -> str:
    return f"  {LEVEL_PLACES.get(level, level)}: {built(places, reports, skipped, targets)}"


def unknown_city(typed: str, close: list[str]) -> str:
    hint = f"; did you mean {', '.join(close)}?" if close else "; zjk-targets national lists every place"
    return f"--city {typed}: not a place of {COLLECTION} nor of the bundled national data{hint}"


def city_offered(slug: str, name: str) -> str:
    return f"{slug} ({name})"


def place_offered(name: str) -> str:
    return f"{name} (not yet bundled)"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def not_bundled(typed: str, places: list[tuple[str, str, str]], held: list[str]) -> str:
    """``places``: (name, folder, level) of each place of the collection that ``typed`` names;
    ``held``: the levels the national data holds."""
    named = " and ".join(f"{name} ({folder}, {LEVEL_WORDS[level]})" for name, folder, level in places)
    holds = _and([LEVEL_PLACES.get(level, level) for level in held]) if held else "no place"
    return (
        f"--city {typed}: {named} {'is' if len(places) == 1 else 'are'} in {COLLECTION} but not yet in the bundled "
        f"national data (it holds {holds}; zjk-targets national lists them)"
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
    return f"--city {typed}: names more than one place ({', '.join(candidates)}); give the slug"


def drafted_note(city: str) -> str:
    """Said once on stderr by a command reading a drafted place: one line within 80 columns."""
    return f"zjk-targets: {city}: drafted from its work reports, not curated"
