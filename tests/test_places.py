"""The place table (zjk_targets/data/places.csv): checked against the GB/T 2260 codes cpca ships,
rebuilt byte for byte, and its command on a small collection."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from zjk_targets.bundled import national_dir, places_path
from zjk_targets.cli import app
from zjk_targets.national.cities import read_cities
from zjk_targets.national.places import (
    CPCA,
    EXPLICIT,
    NATION,
    PART_LEVELS,
    build_places,
    bundled_places,
    cpca_adcodes,
    find_province,
)


@pytest.fixture(scope="module")
def cpca() -> tuple[dict[str, str], str, str]:
    """cpca's table (12-digit code → name), its text, and its version."""
    path, version = cpca_adcodes()
    text = path.read_text(encoding="utf-8")
    return {row["adcode"]: row["name"] for row in csv.DictReader(text.splitlines())}, text, version


def test_every_place_of_every_level_once() -> None:
    places = bundled_places()
    assert Counter(place.level for place in places) == {"nation": 1, "province": 31, "major-city": 40, "city": 277}
    assert len({place.adcode for place in places}) == len({place.name for place in places}) == len(places)
    assert all(len(place.adcode) == 6 and place.adcode.isdigit() for place in places)


def test_every_code_is_cpca_s_or_cited(cpca) -> None:
    names, _, version = cpca
    for place in bundled_places():
        if place.level == "nation":
            assert (place.adcode, place.name, place.source) == NATION
        elif place.name in EXPLICIT:
            assert place.name not in names.values()
            assert (place.adcode, place.source) == EXPLICIT[place.name]
        else:
            assert names[place.adcode + "000000"] == place.name, place
            assert place.source == CPCA.format(version=version)


def test_a_city_s_parent_is_the_province_of_its_code_and_a_province_s_the_nation() -> None:
    places = bundled_places()
    levels = {place.adcode: place.level for place in places}
    for place in places:
        if place.level in ("city", "major-city"):
            assert place.parent == place.adcode[:2] + "0000", place
            assert levels[place.parent] == "province", place
        elif place.level == "province":
            assert place.parent == NATION[0], place


def test_the_table_is_rebuilt_byte_for_byte(cpca) -> None:
    _, text, version = cpca
    folders: dict[str, list[str]] = {part: [] for part in PART_LEVELS}
    for place in bundled_places():
        part, _, name = place.folder.partition("/")
        if name:
            folders[part].append(name)
    built, problems = build_places(
        text, {part: sorted(names) for part, names in folders.items()}, CPCA.format(version=version)
    )
    assert (built, problems) == (places_path().read_text(encoding="utf-8"), [])


def test_every_bundled_city_has_the_province_and_code_of_the_table() -> None:
    places = {place.name: place for place in bundled_places()}
    codes = {place.adcode: place for place in places.values()}
    for city in read_cities((national_dir() / "cities.csv").read_text(encoding="utf-8")):
        place = places[city.name]
        # A city's province is its parent; a province-level place is its own; the nation has none.
        province = {"nation": "", "province": place.short}.get(place.level, codes.get(place.parent, place).short)
        assert (city.adcode, city.province) == (place.adcode, province), city
    laiwu = places["莱芜市"]  # merged into 济南 in 2019: it keeps the province of its code
    assert (laiwu.adcode, codes[laiwu.parent].name) == ("371200", "山东省")


@pytest.mark.parametrize(
    ("typed", "short"), [("河北", "河北"), ("河北省", "河北"), ("hebei", "河北"), ("内蒙古自治区", "内蒙古"),
                         ("neimenggu", "内蒙古"), ("广西壮族自治区", "广西"), ("广西", "广西"), ("北京", "北京")],
)  # fmt: skip
def test_a_province_by_its_name_short_name_or_pinyin(typed, short) -> None:
    found, offered, several = find_province(bundled_places(), typed)
    assert (found.short if found else None, offered, several) == (short, [], False)


ADCODES = """adcode,name,longitude,latitude
130000000000,河北省,114.0,38.0
130400000000,邯郸市,114.5,36.6
130402000000,邯山区,114.5,36.6
110000000000,北京市,116.4,39.9
542400000000,那曲地区,92.0,31.5
540000000000,西藏自治区,91.1,29.6
"""


def _collection(root: Path, cities: tuple[str, ...]) -> Path:
    for folder in ("政府工作报告-省自治区/河北省", "政府工作报告-省自治区/西藏自治区", "政府工作报告-主要城市/北京市"):
        (root / folder).mkdir(parents=True)
    for city in cities:
        (root / "政府工作报告-其他地市" / city).mkdir(parents=True)
    (root / "adcodes.csv").write_text(ADCODES, encoding="utf-8")
    return root


def test_build_places_writes_every_level_with_its_parent(runner, tmp_path) -> None:
    root = _collection(tmp_path / "gov", ("邯郸市", "那曲市"))
    out = tmp_path / "places.csv"
    result = runner.invoke(app, ["build-places", str(root), "-o", str(out), "--adcodes", str(root / "adcodes.csv")])
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"6 places; wrote {out}\n", "")
    assert out.read_text(encoding="utf-8").splitlines() == [
        "adcode,name,short,pinyin,level,parent,folder,source",
        f'{NATION[0]},全国,全国,quanguo,nation,,政府工作报告-国务院,"{NATION[2]}"',
        '110000,北京市,北京,beijing,province,100000,政府工作报告-主要城市/北京市,"GB/T 2260, adcodes.csv"',
        '130000,河北省,河北,hebei,province,100000,政府工作报告-省自治区/河北省,"GB/T 2260, adcodes.csv"',
        '130400,邯郸市,邯郸,handan,city,130000,政府工作报告-其他地市/邯郸市,"GB/T 2260, adcodes.csv"',
        '540000,西藏自治区,西藏,xizang,province,100000,政府工作报告-省自治区/西藏自治区,"GB/T 2260, adcodes.csv"',
        f"540600,那曲市,那曲,naqu,city,540000,政府工作报告-其他地市/那曲市,{EXPLICIT['那曲市'][1]}",
    ]


def test_a_place_with_no_code_is_named_and_nothing_is_written(runner, tmp_path) -> None:
    root = _collection(tmp_path / "gov", ("邯郸市", "坏市"))
    out = tmp_path / "places.csv"
    result = runner.invoke(app, ["build-places", str(root), "-o", str(out), "--adcodes", str(root / "adcodes.csv")])
    assert (result.exit_code, result.stderr) == (
        2,
        "zjk-targets: the place table was not written:\n"
        "政府工作报告-其他地市/坏市: no code in cpca's table; give it an explicit entry with its source "
        "(national/places.py)\n",
    )
    assert not out.exists()
