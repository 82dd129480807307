"""The places of the collection lawtext/gov (its ``places.csv``): the nation, the provinces, the major
cities and the prefecture cities, each with its GB/T 2260 administrative-division code, its parent
and its folder; finding one by what a user types.

The codes come from the table cpca ships (``cpca/resources/adcodes.csv``: adcode, name, longitude,
latitude, 12-digit codes), read as a file: importing cpca would bring pandas and pyahocorasick. A
place whose name is not in that table has an explicit entry below, with its source. A city merged
since (莱芜市, 371200, into 济南 in 2019) keeps its code, and so the province it had: a city's
province is the place whose code is the city's first two digits and four zeros.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..rules import national_words as words
from .cities import City, city_keys, close_keys, name_key, pinyin, short_name

PLACE_COLUMNS = ("adcode", "name", "short", "pinyin", "level", "parent", "folder", "source")
LEVELS = ("nation", "province", "major-city", "city")

# The collection's folders, each with the level of the places in it (a municipality among the
# major cities is province-level: its code says so).
NATION_FOLDER = "政府工作报告-国务院"
PART_LEVELS = {
    "政府工作报告-省自治区": "province",
    "政府工作报告-主要城市": "major-city",
    "政府工作报告-其他地市": "city",
}

CPCA = "GB/T 2260, cpca {version} adcodes.csv"
# The nation has no GB/T 2260 code; 100000 is the country's adcode of the AMap (高德) district
# service (its answer for the country: adcode 100000, 中华人民共和国, level country).
NATION = ("100000", "全国", "AMap district service: adcode 100000, 中华人民共和国, level country")
# Places whose name is not in cpca's table (its codes predate them), each with its code and source:
# - 那曲市: the State Council's approval 国函〔2017〕109号 (《国务院关于同意西藏自治区撤销那曲地区设立地级
#   那曲市的批复》, as published by 西藏发布 on 2017-10-02) made cpca's 那曲地区 (542400) the prefecture
#   city 那曲市; its code 5406(00) is that of 国家统计局's 统计用区划代码, as in the file dist/cities.csv
#   of github.com/modood/Administrative-divisions-of-China at commit 2824502ba4a6875bceafee81f926789635db1d00
#   (the row `5406,"那曲市",54`).
EXPLICIT = {
    "那曲市": (
        "540600",
        "国函〔2017〕109号 made 那曲地区 (542400) 那曲市; code 5406 of 国家统计局 统计用区划代码 "
        "(modood/Administrative-divisions-of-China 2824502b dist/cities.csv)",
    ),
}


@dataclass(frozen=True)
class Place:
    """One row of places.csv."""

    adcode: str  # 6 digits
    name: str  # as the collection's folder: 邯郸市
    short: str  # 邯郸
    pinyin: str
    level: str  # one of LEVELS
    parent: str  # the adcode of the province (of a city) or of the nation (of a province); "" for the nation
    folder: str  # in the collection: 政府工作报告-其他地市/邯郸市
    source: str  # where the code comes from

    def row(self) -> list[str]:
        return [self.adcode, self.name, self.short, self.pinyin, self.level, self.parent, self.folder, self.source]


def read_places(text: str) -> list[Place]:
    return [Place(**row) for row in csv.DictReader(io.StringIO(text))]


def places_text(places: Sequence[Place]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PLACE_COLUMNS)
    writer.writerows(place.row() for place in places)
    return buffer.getvalue()


def cpca_adcodes() -> tuple[Path, str]:
    """The adcodes.csv of the installed cpca, and its version, found without importing cpca."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution("cpca")
    except PackageNotFoundError:
        raise FileNotFoundError("cpca is not installed (pip install cpca, or pip install '.[test]')") from None
    path = next((file for file in dist.files or () if file.name == "adcodes.csv"), None)
    if path is None:
        raise FileNotFoundError(f"cpca {dist.version} ships no adcodes.csv")
    return Path(str(path.locate())), dist.version


def prefecture_codes(adcodes_text: str) -> dict[str, list[str]]:
    """The names of cpca's table at province and prefecture level (a 12-digit code ending in eight
    zeros), each with its 6-digit codes."""
    codes: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(adcodes_text)):
        code = row["adcode"]
        if len(code) == 12 and code.endswith("0" * 8):
            codes.setdefault(row["name"], []).append(code[:6])
    return codes


def build_places(adcodes_text: str, folders: Mapping[str, Sequence[str]], source: str) -> tuple[str, list[str]]:
    """places.csv from cpca's table and the collection's folders (part → the names of its folders):
    its text, and the problems (a name with no code, or with several), each one line."""
    codes = prefecture_codes(adcodes_text)
    nation_code, nation_name, nation_source = NATION
    nation = Place(
        nation_code, nation_name, nation_name, pinyin(nation_name), "nation", "", NATION_FOLDER, nation_source
    )
    places = [nation]
    problems = []
    for part, names in folders.items():
        for name in names:
            found = codes.get(name, [])
            if name in EXPLICIT:
                if found:
                    problems.append(words.explicit_but_coded(f"{part}/{name}", found))
                code, cited = EXPLICIT[name]
            elif len(found) == 1:
                code, cited = found[0], source
            else:
                problems.append(words.no_code(f"{part}/{name}", found))
                continue
            level = "province" if code.endswith("0000") else PART_LEVELS[part]
            parent = nation_code if level == "province" else code[:2] + "0000"
            short = short_name(name)
            places.append(Place(code, name, short, pinyin(short), level, parent, f"{part}/{name}", cited))
    places.sort(key=lambda place: place.adcode)
    known = {place.adcode for place in places}
    problems += [words.no_province(p.folder, p.parent) for p in places if p.parent not in known | {""}]
    return places_text(places), problems


def bundled_places() -> list[Place]:
    from ..bundled import places_path

    return read_places(places_path().read_text(encoding="utf-8"))


def by_code(places: Sequence[Place]) -> dict[str, Place]:
    return {place.adcode: place for place in places}


def _keys(place: Place) -> set[str]:
    return {name_key(k) for k in (place.name, place.short, place.pinyin)}


def find_places(places: Sequence[Place], typed: str, levels: Sequence[str] = LEVELS) -> list[Place]:
    """The places of these levels that ``typed`` names (Chinese or pinyin; 市, 省 optional)."""
    wanted = name_key(typed)
    return [place for place in places if place.level in levels and wanted in _keys(place)]


def close_places(places: Sequence[Place], typed: str, levels: Sequence[str] = LEVELS) -> list[Place]:
    """The places of these levels whose name, short name or pinyin is close to ``typed``, closest first."""
    index: dict[str, list[Place]] = {}
    for place in places:
        if place.level in levels:
            for k in _keys(place):
                index.setdefault(k, []).append(place)
    found = [place for k in close_keys(typed, list(index)) for place in index[k]]
    return list(dict.fromkeys(found))


def find_province(places: Sequence[Place], typed: str) -> tuple[Place | None, list[str], bool]:
    """The province-level place ``typed`` names (河北, 河北省, hebei); else None, the short names to
    offer, and whether ``typed`` names several (shanxi: 山西, 陕西) rather than none (the close ones)."""
    found = find_places(places, typed, ("province",))
    if len(found) == 1:
        return found[0], [], False
    if found:
        return None, [place.short for place in found], True
    return None, [place.short for place in close_places(places, typed, ("province",))[:3]], False


def close_to(typed: str, cities: Sequence[City], places: Sequence[Place], most: int = 3) -> list[City | Place]:
    """The bundled cities and the places of the collection not bundled whose names are close to
    ``typed``, closest first."""
    bundled = {city.name for city in cities}
    index: dict[str, list[City | Place]] = {}
    for city in cities:
        for k in city_keys(city):
            index.setdefault(k, []).append(city)
    for place in places:
        if place.name not in bundled:
            for k in _keys(place):
                index.setdefault(k, []).append(place)
    found = [item for k in close_keys(typed, list(index)) for item in index[k]]
    return list(dict.fromkeys(found))[:most]
