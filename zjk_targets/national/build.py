"""A collection of city work reports → the national dataset, as the bytes of its files.

Each city's reports go through `extract` together (:func:`zjk_targets.extract.draft`), so the
report of year N+1 gives the outcomes that judge the targets of year N. The result is written
three ways, all from the same drafts and all deterministic (the same collection gives the same
bytes):

- ``national.csv.gz``: every city's entries in the CSV input layout, each id prefixed with the
  city's slug (``handan.gdp-growth-2021``), for the columnar engine;
- ``cities/SLUG.yaml.gz``: each city's draft as `extract` writes it (targets and outcomes in one
  file), for the per-target engine behind ``--city``;
- ``cities.csv``: one row per city: slug, name, pinyin, province and the evidence for it, years.

Pure: the caller reads the reports and writes the files.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..extract import Draft, draft
from ..rules.schema import CSV_COLUMNS
from ..write import csv_row
from .cities import CITIES_DIR, CITIES_NAME, CITY_COLUMNS, NATIONAL_NAME, SLUG_SEPARATOR, City, short_name

# Provincial-level divisions by the short names reports use (河北省委, 全省 and 湖北自贸区 alike):
# a city's reports name their own province far more often than any other.
_PROVINCES = [
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
]
_FORMAL = {"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区"}
_FORMAL |= {"新疆": "新疆维吾尔自治区"}
_PROVINCE_WORDS = re.compile(
    "|".join(
        f"{name}(?:{_FORMAL.get(name, name + '省').removeprefix(name)})?"
        for name in sorted(_PROVINCES, key=len, reverse=True)
    )
)
_AID = re.compile(r"援|对口|支援|帮扶|协作")
_MARGIN = 2  # the city's own province is named at least twice as much as any other, or none is given
_FORMAL_WEIGHT = 3  # a formal name (湖北省) is surer of the city's own province than a plain one (湖北援疆)
_REFERS = ("id", "metric", "source")


@dataclass
class CityReports:
    """One city's folder: its name and its reports as (path shown, bytes)."""

    folder: str
    files: list[tuple[str, bytes]]


@dataclass
class Build:
    """The national dataset's files (name → bytes), what was skipped, and counts."""

    files: dict[str, bytes] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    partial: list[tuple[str, str]] = field(default_factory=list)  # (file, what of it was read)
    cities: list[City] = field(default_factory=list)
    reports: int = 0
    headline_targets: int = 0


def _gzip(text: str) -> bytes:
    buffer = io.BytesIO()
    # mtime 0 and no file name in the header: the same text always gives the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


def _province(files: list[tuple[str, bytes]]) -> tuple[str, str]:
    """The province the city's reports name most, and where: ("河北", "named 14 times; first 2021.md:5")."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for name, data in files:
        text = data.decode("utf-8", errors="replace")
        for match in _PROVINCE_WORDS.finditer(text):
            if _AID.search(text, max(0, match.start() - 6), match.end() + 8):
                continue  # 湖北援疆, 对口支援: the province that helps, not the city's own
            word = match.group()
            province = next(p for p in _PROVINCES if word.startswith(p))
            counts[province] += _FORMAL_WEIGHT if word != province else 1
            word = province
            first.setdefault(word, f"{name}:{text.count(chr(10), 0, match.start()) + 1}")
    if not counts:
        return "", "no province named"
    (word, count), *rest = counts.most_common(2)
    if rest and count < _MARGIN * rest[0][1]:
        return "", f"not decided: {word} (weight {count}) and {rest[0][0]} (weight {rest[0][1]}) are both named"
    return word, f"named with weight {count}; first {first[word]}"


def _slugs(names: list[tuple[str, str, str]]) -> list[str]:
    """Each city's slug: its pinyin, with the province's pinyin where two cities share a pinyin."""
    counts = Counter(pinyin for _, pinyin, _ in names)
    return [
        pinyin if counts[pinyin] == 1 or not province_pinyin else f"{pinyin}-{province_pinyin}"
        for _, pinyin, province_pinyin in names
    ]


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower().replace("ü", "v")


def _prefixed(entry: dict[str, str], slug: str) -> dict[str, str]:
    out = dict(entry)
    for key in _REFERS:
        if key in out:
            out[key] = f"{slug}{SLUG_SEPARATOR}{out[key]}"
    return out


def build(cities: Iterable[CityReports], url_base: str | None = None) -> Build:
    """Draft every city and lay the drafts out as the national dataset's files; ``url_base`` is
    where the reports are published (each source cites ``url_base`` + its file)."""
    result = Build()
    drafted: list[tuple[CityReports, Draft, str, str]] = []
    for city in cities:
        result.reports += len(city.files)
        outcome = draft(city.files, url_base=url_base)
        result.skipped.extend(outcome.problems)
        result.partial.extend(outcome.partial)
        if outcome.targets_yaml is None:
            continue
        province, evidence = _province(city.files)
        drafted.append((city, outcome, province, evidence))
    names = [(c.folder, _pinyin(short_name(c.folder)), _pinyin(p)) for c, _, p, _ in drafted]
    slugs = _slugs(names)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    by_kind: dict[str, list[dict[str, str]]] = {kind: [] for kind in ("source", "metric", "target", "observation")}
    for (city, outcome, province, evidence), slug, (_, pinyin, _) in zip(drafted, slugs, names, strict=True):
        for kind, entries in outcome.entries.items():
            by_kind[kind].extend(_prefixed(entry, slug) for entry in entries)
        headline = sum(1 for entry in outcome.entries["target"] if entry.get("headline") == "true")
        result.headline_targets += headline
        record = City(
            slug=slug,
            name=city.folder,
            pinyin=pinyin,
            province=province,
            province_evidence=evidence,
            years=outcome.years,
            reports=len(city.files),
            headline_targets=headline,
        )
        result.cities.append(record)
        result.files[f"{CITIES_DIR}/{slug}.yaml.gz"] = _gzip(outcome.one_file_yaml)
    for kind, entries in by_kind.items():
        writer.writerows(csv_row(kind, entry) for entry in entries)
    result.files[NATIONAL_NAME] = _gzip(buffer.getvalue())
    table = io.StringIO()
    rows = csv.writer(table, lineterminator="\n")
    rows.writerow(CITY_COLUMNS)
    for record in result.cities:
        rows.writerow(record.row())
    result.files[CITIES_NAME] = table.getvalue().encode("utf-8")
    return result
