"""The places of the national dataset (its ``cities.csv``: the nation, provinces and cities, a row
each), and finding one by what a user types."""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass

from ..rules import messages
from ..rules.whole_dataset import is_slug

# The layout of a national dataset's folder (what build-national writes, and --city reads).
NATIONAL_NAME = "national.csv.gz"
CITIES_NAME = "cities.csv"
CITIES_DIR = "cities"
SLUG_SEPARATOR = "."  # between a city's slug and an id of its draft: handan.gdp-growth-2021
CURATED = "zhangjiakou"  # the city whose curated data is bundled: it wins over its draft

CITY_COLUMNS = (
    "slug",
    "name",
    "pinyin",
    "province",
    "adcode",
    "years",
    "reports",
    "headline_targets",
    "level",
    "parent",
)
# A cities.csv written before the levels (every row a city of 政府工作报告-其他地市) has no level: a row
# is given the level of its code in the place table, else this one.
OLD_LEVEL = "city"
# What follows a place's own name in the collection's folder names: 邯郸市, 大兴安岭地区, 锡林郭勒盟,
# 河北省, and an autonomous prefecture's or region's nationalities (西双版纳傣族自治州, 广西壮族自治区).
_NATIONALITIES = "藏|羌|彝|傣|景颇|傈僳|白|哈尼|壮|苗|侗|布依|土家|朝鲜|回|蒙古|哈萨克|柯尔克孜|维吾尔|土|撒拉|黎"
# The shortest name of two characters or more before the suffix: 内蒙古自治区 is 内蒙古, not 内 + 蒙古.
_SUFFIX = re.compile(f"^(.{{2,}}?)(?:(?:(?:{_NATIONALITIES})族?)*自治[州区]|市|地区|盟|林区|省)$")


def short_name(name: str) -> str:
    """邯郸市 → 邯郸; 西双版纳傣族自治州 → 西双版纳; 广西壮族自治区 → 广西 (the name as people say it)."""
    found = _SUFFIX.match(name)
    return found.group(1) if found else name


@dataclass(frozen=True)
class City:
    """One row of cities.csv."""

    slug: str
    name: str
    pinyin: str
    province: str  # the short name of the province of its GB/T 2260 code (places.csv): 河北
    adcode: str  # its GB/T 2260 code: 130400
    years: tuple[int, ...]
    reports: int
    headline_targets: int
    level: str = OLD_LEVEL  # nation, province, major-city or city (places.LEVELS)
    parent: str = ""  # the slug of its parent: a city's province, a province's nation (china); "" for the nation

    def row(self) -> list[str]:
        return [
            self.slug,
            self.name,
            self.pinyin,
            self.province,
            self.adcode,
            " ".join(str(year) for year in self.years),
            str(self.reports),
            str(self.headline_targets),
            self.level,
            self.parent,
        ]


def read_cities(text: str, levels: dict[str, str] | None = None) -> list[City]:
    """The rows of cities.csv; ``levels`` (adcode → level, from the place table) gives the level of a
    row of a file written before the levels, else it is a city (:data:`OLD_LEVEL`)."""
    rows = csv.DictReader(io.StringIO(text))
    known = levels or {}
    return [
        City(
            slug=row["slug"],
            name=row["name"],
            pinyin=row["pinyin"],
            province=row["province"],
            adcode=row["adcode"],
            years=tuple(int(year) for year in row["years"].split()),
            reports=int(row["reports"]),
            headline_targets=int(row["headline_targets"]),
            level=row.get("level") or known.get(row["adcode"], OLD_LEVEL),
            parent=row.get("parent") or "",
        )
        for row in rows
    ]


def slug_problems(text: str) -> list[str]:
    """Each slug of cities.csv that is not a slug or names a place a line before did, as ``line N: why``:
    a slug names files (cities/SLUG.yaml.gz, SLUG.html), so one that is not would read or write
    outside the dataset's folders, and one said twice would mix two places."""
    rows = csv.reader(io.StringIO(text))
    header = next(rows, [])
    if "slug" not in header:
        return [messages.csv_no_column("slug", "place")]
    column, first, problems = header.index("slug"), {}, []
    for row in rows:
        line = rows.line_num
        slug = row[column] if column < len(row) else ""
        if not is_slug(slug):
            problems.append(messages.bad_slug(line, slug))
        elif slug in first:
            problems.append(messages.slug_again(line, slug, first[slug]))
        else:
            first[slug] = line
    return problems


def name_key(text: str) -> str:
    """What a typed name is compared by: NFKC, lower case, no spaces, hyphens or apostrophes."""
    return re.sub(r"[\s\-'’_]", "", unicodedata.normalize("NFKC", text)).lower()


def pinyin(text: str) -> str:
    """邯郸 → handan (pypinyin, imported only when a name is built or a typed one is not found)."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower().replace("ü", "v")


def _chinese(text: str) -> bool:
    return any(unicodedata.name(char, "").startswith("CJK") for char in text)


def _one_other(name: str, candidate: str) -> bool:
    """Two names of two characters or more, of one length, one character apart."""
    return len(name) == len(candidate) >= 2 and sum(a != b for a, b in zip(name, candidate, strict=True)) == 1


def close_keys(typed: str, keys: list[str]) -> list[str]:
    """The keys close to ``typed``, closest first: for Chinese, the names of its length with one
    character other and those that sound the same (邯单 → 邯郸, handan; difflib's ratio of two
    2-character names one character apart is 0.5); else difflib's close matches."""
    wanted = name_key(typed)
    if not _chinese(wanted):
        return difflib.get_close_matches(wanted, keys, n=6, cutoff=0.6)
    said = {wanted, short_name(wanted)}
    sound = pinyin(short_name(wanted))
    same_sound = [candidate for candidate in keys if candidate == sound]
    one_other = [candidate for candidate in keys if any(_one_other(name, candidate) for name in said)]
    return list(dict.fromkeys(same_sound + one_other))


def city_keys(city: City) -> set[str]:
    return {name_key(k) for k in (city.slug, city.name, short_name(city.name), city.pinyin)}


def find_city(cities: list[City], typed: str) -> tuple[City | None, list[str], bool]:
    """The city ``typed`` names (Chinese or pinyin, 市 optional); else None, the names to offer, and
    whether ``typed`` names several cities (a pinyin two share, taizhou: then all of them are offered)
    rather than none (then up to 3 close names)."""
    key = name_key(typed)
    found = [city for city in cities if key in city_keys(city)]
    if len(found) == 1:
        return found[0], [], False
    if found:
        return None, [f"{city.slug} ({city.name})" for city in found], True
    index = {k: city for city in cities for k in city_keys(city)}
    close = close_keys(typed, list(index))
    names: list[str] = []
    for match in close:
        shown = f"{index[match].slug} ({index[match].name})"
        if shown not in names:
            names.append(shown)
    return None, names[:3], False
