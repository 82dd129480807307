"""The cities of the national dataset (its ``cities.csv``), and finding one by what a user types."""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass

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
    "province_evidence",
    "years",
    "reports",
    "headline_targets",
)
# What follows a city's own name in the collection's folder names: 邯郸市, 大兴安岭地区, 锡林郭勒盟,
# and an autonomous prefecture's nationalities (西双版纳傣族自治州, 克孜勒苏柯尔克孜自治州).
_NATIONALITIES = "藏|羌|彝|傣|景颇|傈僳|白|哈尼|壮|苗|侗|布依|土家|朝鲜|回|蒙古|哈萨克|柯尔克孜|维吾尔|土|撒拉|黎"
_SUFFIX = re.compile(f"(?:(?:{_NATIONALITIES})族?)*自治州$|(?:市|地区|盟|林区)$")


def short_name(name: str) -> str:
    """邯郸市 → 邯郸; 西双版纳傣族自治州 → 西双版纳 (the name as people say it)."""
    short = _SUFFIX.sub("", name)
    return short or name


@dataclass(frozen=True)
class City:
    """One row of cities.csv."""

    slug: str
    name: str
    pinyin: str
    province: str
    province_evidence: str
    years: tuple[int, ...]
    reports: int
    headline_targets: int

    def row(self) -> list[str]:
        return [
            self.slug,
            self.name,
            self.pinyin,
            self.province,
            self.province_evidence,
            " ".join(str(year) for year in self.years),
            str(self.reports),
            str(self.headline_targets),
        ]


def read_cities(text: str) -> list[City]:
    rows = csv.DictReader(io.StringIO(text))
    return [
        City(
            slug=row["slug"],
            name=row["name"],
            pinyin=row["pinyin"],
            province=row["province"],
            province_evidence=row["province_evidence"],
            years=tuple(int(year) for year in row["years"].split()),
            reports=int(row["reports"]),
            headline_targets=int(row["headline_targets"]),
        )
        for row in rows
    ]


def _key(text: str) -> str:
    """What a typed name is compared by: NFKC, lower case, no spaces, hyphens or apostrophes."""
    return re.sub(r"[\s\-'’_]", "", unicodedata.normalize("NFKC", text)).lower()


def _keys(city: City) -> set[str]:
    return {_key(k) for k in (city.slug, city.name, short_name(city.name), city.pinyin)}


def find_city(cities: list[City], typed: str) -> tuple[City | None, list[str], bool]:
    """The city ``typed`` names (Chinese or pinyin, 市 optional); else None, the names to offer, and
    whether ``typed`` names several cities (a pinyin two share, taizhou: then all of them are offered)
    rather than none (then up to 3 close names)."""
    key = _key(typed)
    found = [city for city in cities if key in _keys(city)]
    if len(found) == 1:
        return found[0], [], False
    if found:
        return None, [f"{city.slug} ({city.name})" for city in found], True
    index = {k: city for city in cities for k in _keys(city)}
    close = difflib.get_close_matches(key, list(index), n=6, cutoff=0.6)
    names: list[str] = []
    for match in close:
        shown = f"{index[match].slug} ({index[match].name})"
        if shown not in names:
            names.append(shown)
    return None, names[:3], False
