"""Target escalation (层层加码): the nation's headline targets beside the provinces' and the cities'.

Pure, on arrays: the national dataset is judged by the columnar engine, as the national table's
:func:`zjk_targets.national.table.judge_places` does, and its headline targets (each of its own report's
year) become the panel, one row per place, measure and year. Each place's level and parent come
from ``cities.csv`` where it has ``level`` and ``parent`` columns, else from the place table
(``places.csv``) by the place's code, else by its name. The words of the view are the rule book's
(:mod:`zjk_targets.rules.escalation_words`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..model import Reading
from ..rules import escalation_words as words
from ..rules.counts import Counts
from .cities import SLUG_SEPARATOR
from .places import Place
from .table import own_year_headlines

# A drafted target's note ends its "drafted by zjk-targets extract from FILE" with ":LINE", the line
# of the target's words in its report (extract/datafiles.py, _at).
_LINE = r"extract from [^;]*?:(\d+)(?:;|$| )"


def hierarchy(cities_text: str, places: Sequence[Place]) -> pd.DataFrame:
    """One row per place of the national data: slug, name, adcode, level (nation, province, major-city,
    city; "" where unknown) and parent (the parent's slug where it is in the data, else its pinyin)."""
    rows = list(csv.DictReader(io.StringIO(cities_text)))
    codes = {place.adcode: place for place in places}
    names = {place.name: place for place in places}
    slugs = {row["slug"] for row in rows}
    slug_of_code = {row.get("adcode", ""): row["slug"] for row in rows if row.get("adcode")}

    def parent_slug(parent: str) -> str:
        """A parent given as a slug or a code, as the slug of the data's place (else its pinyin)."""
        if not parent or parent in slugs:
            return parent
        if parent in slug_of_code:
            return slug_of_code[parent]
        return codes[parent].pinyin if parent in codes else parent

    out = []
    for row in rows:
        if row.get("level"):
            level, parent = row["level"], parent_slug(row.get("parent", ""))
        else:
            place = codes.get(row.get("adcode", "")) or names.get(row["name"])
            level, parent = (place.level, parent_slug(place.parent)) if place else ("", "")
        out.append((row["slug"], row["name"], row.get("adcode", ""), level, parent))
    return pd.DataFrame(out, columns=["slug", "name", "adcode", "level", "parent"])


def panel(
    national: Path | str, places: pd.DataFrame, reading: Reading = Reading.BAND, max_bytes: int | None = None
) -> pd.DataFrame:
    """Every headline target of the national dataset, each of its own report's year, judged: the
    panel's columns (the rule book's PANEL_COLUMNS), ``unit`` and ``tier`` (nation, province or
    city); each about (左右) goal judged by ``reading``."""
    from ..engine import judge_columns

    tables, verdicts = judge_columns([national], reading, max_bytes)
    targets = tables.targets
    sources = tables.sources
    source_at = targets["source_at"].to_numpy()
    rows = own_year_headlines(tables)
    frame = targets.iloc[rows]
    metric = frame["metric"].str.split(SLUG_SEPARATOR, n=1, expand=True)
    files = sources["file"].to_numpy(dtype=object)[source_at[rows]]
    ids = sources["id"].to_numpy(dtype=object)[source_at[rows]]
    status = np.array([s.value for s in verdicts.status[rows]], dtype=object)
    decides = np.asarray(verdicts.decides, dtype=bool)[rows]
    actual = pd.Series(verdicts.actual[rows], dtype=object).str.split(" ", n=1).str[0]
    out = pd.DataFrame(
        {
            "place": metric[0].to_numpy(),
            "year": targets["year"].to_numpy(dtype=np.int64)[rows],
            "measure": metric[1].to_numpy(),
            "comparator": frame["comparator"].to_numpy(),
            "goal": pd.to_numeric(frame["goal"], errors="coerce").to_numpy(),
            "outcome": np.where(decides, pd.to_numeric(actual, errors="coerce").to_numpy(), np.nan),
            "status": status,
            "source": np.where(files != "", files, ids),
            "line": pd.to_numeric(frame["note"].str.extract(_LINE)[0], errors="coerce").astype("Int64").to_numpy(),
            "words": frame["excerpt"].to_numpy(),
            "unit": frame["unit"].to_numpy(),
        }
    )
    info = places.set_index("slug")
    out["name"] = out["place"].map(info["name"]).fillna(out["place"])
    out["level"] = out["place"].map(info["level"]).fillna("")
    out["parent"] = out["place"].map(info["parent"]).fillna("")
    out["tier"] = out["level"].map(words.LEVEL_OF).fillna("")
    # One target per place, measure and year: the first its report states.
    out = out.sort_values(["place", "measure", "year", "line"], kind="stable", na_position="last")
    out = out.drop_duplicates(["place", "measure", "year"], keep="first")
    return out.reset_index(drop=True)


def unit_of(frame: pd.DataFrame, measure: str) -> str:
    """The measure's unit: its lexicon's, else the one most of its targets have."""
    from ..extract.lexicon import MEASURES

    for known in MEASURES:
        if known.id == measure:
            return known.unit
    units = frame.loc[frame["measure"] == measure, "unit"]
    return str(units.mode().iloc[0]) if len(units) else ""


def name_of(measure: str) -> str:
    """The measure's English name as the view says it (gdp-growth: GDP growth)."""
    from ..extract.lexicon import MEASURES

    return next((known.en for known in MEASURES if known.id == measure), measure)


@dataclass(frozen=True)
class Level:
    """The targets of one level in one year."""

    count: int  # places that set a target
    mean: float | None
    median: float | None
    above: int  # of those compared, how many set a goal above their parent's
    compared: int  # those whose parent set a target too
    decided: int
    met: int

    @property
    def above_share(self) -> float | None:
        return self.above / self.compared if self.compared else None

    @property
    def met_share(self) -> float | None:
        """Met of decided, as every table counts it (the rule book's counts)."""
        return Counts(decided=self.decided, met=self.met).met_share


@dataclass(frozen=True)
class Nation:
    goal: float
    comparator: str
    status: str


@dataclass(frozen=True)
class Year:
    year: int
    nation: Nation | None
    provinces: Level
    cities: Level


@dataclass
class Escalation:
    """One measure's escalation: its rows of the panel (with ``parent_goal`` and ``above``) and
    the summary of each year."""

    measure: str
    name: str
    unit: str
    rows: pd.DataFrame
    years: list[Year]
    filters: dict[str, str]
    province: str = ""  # the slug of the one province asked for
    province_name: str = ""
    reading: Reading = Reading.BAND  # how its about (左右) goals were judged


def _level(group: pd.DataFrame | None) -> Level:
    if group is None or group.empty:
        return Level(0, None, None, 0, 0, 0, 0)
    goals = group["goal"]
    decided = group["status"] != "unknown"
    return Level(
        count=len(group),
        mean=float(goals.mean()),
        median=float(goals.median()),
        above=int(group["above"].sum()),
        compared=int(group["parent_goal"].notna().sum()),
        decided=int(decided.sum()),
        met=int((group["status"] == "met").sum()),
    )


def escalate(
    frame: pd.DataFrame,
    measure: str,
    *,
    years: Sequence[int] = (),
    province: str = "",
    province_name: str = "",
    reading: Reading = Reading.BAND,
) -> Escalation:
    """One measure of the panel, each target beside its parent's, summed up per year; ``province``
    (a slug): only it, its cities and the nation."""
    unit = unit_of(frame, measure)
    rows = frame[(frame["measure"] == measure) & (frame["unit"] == unit) & frame["goal"].notna()]
    rows = rows[rows["tier"] != ""].copy()
    goal_of = pd.Series(rows["goal"].to_numpy(), index=rows["place"] + "|" + rows["year"].astype(str))
    nation = rows.loc[rows["tier"] == words.NATION, "place"]
    # A province's parent is the nation: the one nation of the data, whatever its slug. A parent
    # counts only where it is a place of the data of the level above (吉林市's slug is jilin, the
    # pinyin of 吉林省, which a city's parent falls back to while the province is not in the data).
    nation_slug = nation.iloc[0] if len(nation) else ""
    parent = pd.Series(np.where(rows["tier"] == words.PROVINCE, nation_slug, rows["parent"]), index=rows.index)
    tier_of = frame.drop_duplicates("place").set_index("place")["tier"]
    above_tier = rows["tier"].map({words.PROVINCE: words.NATION, words.CITY: words.PROVINCE})
    known = parent.map(tier_of) == above_tier
    rows["parent_goal"] = (parent + "|" + rows["year"].astype(str)).map(goal_of).where(known)
    rows["above"] = (rows["goal"] > rows["parent_goal"]).fillna(False).astype(bool)
    filters: dict[str, str] = {}
    if province:
        rows = rows[(rows["tier"] == words.NATION) | (rows["place"] == province) | (rows["parent"] == province)]
        filters["province"] = province_name or province
    if years:
        rows = rows[rows["year"].isin(list(years))]
        filters["year"] = ", ".join(str(year) for year in years)
    by_tier = {key: group for key, group in rows.groupby(["tier", "year"], sort=True)}
    summary = []
    for year in sorted(set(rows["year"].tolist())):
        top = by_tier.get((words.NATION, year))
        nation_row = None
        if top is not None:
            first = top.iloc[0]
            nation_row = Nation(float(first["goal"]), str(first["comparator"]), str(first["status"]))
        summary.append(
            Year(year, nation_row, _level(by_tier.get((words.PROVINCE, year))), _level(by_tier.get((words.CITY, year))))
        )
    return Escalation(
        measure, name_of(measure), unit, rows, summary, filters, province, province_name or province, reading
    )


def select(frame: pd.DataFrame, measures: Sequence[str], years: Sequence[int], province: str) -> pd.DataFrame:
    """The panel's rows of these measures (all of the lexicon's where none is given, each in its
    own unit), years, and province (a slug: it, its cities and the nation)."""
    from ..extract.lexicon import MEASURES

    wanted = list(measures) or [known.id for known in MEASURES]
    units = {measure: unit_of(frame, measure) for measure in wanted}
    keep = frame["measure"].isin(wanted) & (frame["unit"] == frame["measure"].map(units))
    if years:
        keep &= frame["year"].isin(list(years))
    if province:
        keep &= (frame["tier"] == words.NATION) | (frame["place"] == province) | (frame["parent"] == province)
    return frame[keep]


def panel_rows(frame: pd.DataFrame, reading: Reading = Reading.BAND) -> pd.DataFrame:
    """The panel as CSV and JSON give it: the rule book's columns, ordered by measure, year, level."""
    order = {"nation": 0, "province": 1, "major-city": 2, "city": 3}
    out = frame.assign(_order=frame["level"].map(order).fillna(4))
    out = out.sort_values(["measure", "year", "_order", "place"], kind="stable")
    return out.loc[:, list(words.PANEL_COLUMNS)].assign(about_reading=reading.value).reset_index(drop=True)
