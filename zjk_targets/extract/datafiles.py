"""Reports → the project's data files (targets.yaml, actuals.yaml), as text. Never invents a number:
every goal and value is cut from the report with the words that state it."""

from __future__ import annotations

import datetime
import json
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ..rules import messages, values
from ..rules.counts import WORK_REPORT_ID
from ..rules.schema import OUTSIDE_PREFIX
from ..rules.units import conversion_factor, split_unit
from ..rules.wording import number as fmt_number
from .decode import DecodeError, decode
from .items import Item
from .lexicon import matchable, outside_key, outside_words
from .work_report import NATION, Report, ReportError, read_report

_SYMBOL = {">=": "≥", ">": ">", "<=": "≤", "about": "≈"}
_ASCII_UNIT = {
    "吨": "t",
    "斤": "jin",
    "人": "persons",
    "元": "yuan",
    "天": "days",
    "亩": "mu",
    "%": "pct",
    "‰": "permille",
    "美元": "usd",
    "人次": "visits",
}
OUTSIDE_EN = "Outside the lexicon: {words}"
OUTSIDE_OUTCOME = "matched by its words to the target {target}"
_THRESHOLD = re.compile(r"\s*(?:及以上|以上|以下)?的?(?:项目|企业|工业企业|重点项目)")
_ID_LETTERS = 40  # an id's pinyin beyond this is cut at a syllable, with a hash of the words to keep it unique
OTHER_BASIS = "growth on another basis ({basis}): context beside the verdict, not the growth the target set"
REVIEW_ONLY = "no headline targets paragraph found: only its review of {year} was read"
RATE_TOLERANCE = Decimal("0.5")  # points, for 左右 on a rate (the project's rule)
AMOUNT_TOLERANCE = Decimal("0.02")  # share of the goal, for 左右 on an amount


@dataclass
class Draft:
    """What extract made of some reports: the two files' text, per-file problems and a summary."""

    targets_yaml: str | None = None
    actuals_yaml: str | None = None
    one_file_yaml: str | None = None
    """Both in one file (either file may hold every section), as the national data keeps a city."""
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    partial: list[tuple[str, str]] = field(default_factory=list)  # (file name, what was read of it)
    summary: list[str] = field(default_factory=list)
    city: str | None = None
    years: tuple[int, ...] = ()
    entries: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    """Each kind's entries (source, metric, target, observation) as field → text, in file order."""
    header: str = ""
    """The files' opening comments and dataset section."""


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's syntax is YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def _num(value: Decimal) -> str:
    return fmt_number(value)


# Fields written as they are in YAML (ids, numbers, years, flags, plain words); the rest are quoted.
_PLAIN = frozenset({"id", "metric", "source", "goal", "tolerance", "value", "min", "year", "trust", "category"})
_PLAIN |= {"direction", "headline", "estimated"}


def _entry(fields: list[tuple[str, str | None]]) -> dict[str, str]:
    return {key: value for key, value in fields if value is not None}


def _yaml_entry(entry: dict[str, str]) -> list[str]:
    lines = []
    for key, value in entry.items():
        shown = value if key in _PLAIN else _q(value)
        lines.append(f"{'  - ' if not lines else '    '}{key}: {shown}")
    return lines


def _slug(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def _pinyin(words: str) -> str:
    """The id of a measure outside the lexicon: x- and the pinyin of its words, letters and digits
    only (非税占比 → x-feishuizhanbi); a long one is cut at a syllable and ends in a hash of the words."""
    from pypinyin import lazy_pinyin

    syllables = [re.sub(r"[^a-z0-9]", "", part.lower().replace("ü", "v")) for part in lazy_pinyin(words)]
    syllables = [part for part in syllables if part]
    slug = "".join(syllables)
    if len(slug) > _ID_LETTERS:
        cut = ""
        for part in syllables:
            if len(cut) + len(part) > _ID_LETTERS - 5:
                break
            cut += part
        slug = f"{cut}-{_slug(words)[:4]}"
    return OUTSIDE_PREFIX + (slug or _slug(words))


def _following(report: Report, item: Item) -> str:
    """The words after an item's name in its excerpt (至29.7% in 非税占比下降至29.7%)."""
    excerpt = re.sub(r"\s+", "", report.words(item))
    at = excerpt.find(item.name)
    return excerpt[at + len(item.name) :] if at >= 0 else ""


class _Metrics:
    """The metrics of a draft: lexicon measures in the first unit printed, others by their words."""

    def __init__(self) -> None:
        self.items: dict[str, tuple[str, str, str, str]] = {}  # id → (zh, en, unit, direction)
        self.keys: dict[str, str] = {}  # id of a measure outside the lexicon → the key of its words

    def outside_id(self, words: str) -> str:
        """One id for one key of words; two keys of one pinyin (homophones) get two ids."""
        key = outside_key(words)
        base = _pinyin(key)
        if self.keys.setdefault(base, key) != key:
            base = f"{base}-{_slug(key)[:4]}"
            self.keys[base] = key
        return base

    def metric_for(self, item: Item, words: str | None = None) -> str:
        """The metric id of an item; ``words``: the words naming a measure outside the lexicon."""
        if item.measure is not None:
            base, zh, en, direction = item.measure.id, item.measure.zh, item.measure.en, item.measure.direction
        else:
            words = words or item.name
            base, zh, direction = self.outside_id(words), words, item.direction
            en = OUTSIDE_EN.format(words=words)
        unit = item.unit if item.measure is None or item.measure.unit != "%" else item.measure.unit
        candidate = base
        while candidate in self.items:
            if conversion_factor(item.unit, self.items[candidate][2]) is None:
                suffix = _ASCII_UNIT.get(split_unit(item.unit)[1], _slug(item.unit)[:4])
                candidate = f"{base}-{suffix}" if candidate == base else f"{candidate}-{_slug(item.unit)[:4]}"
            elif self.items[candidate][3] != direction:
                candidate = f"{candidate}-{direction}"  # the same words read the other way: another measure
            else:
                break
        if candidate not in self.items:
            self.items[candidate] = (zh, en, unit, direction)
        return candidate


def _the_years(report: Report, item: Item) -> bool:
    """Whether an outcome's words are surely the year's, where its measure asks for words that say so."""
    yearly = item.measure.yearly if item.measure else None
    return yearly is None or yearly.search(report.words(item)) is not None


def _threshold(report: Report, item: Item) -> bool:
    """Whether an item's figure sets a threshold of what its words count (省外2000万元以上项目资金):
    not a figure of the measure."""
    return _THRESHOLD.match(report.text, item.end) is not None


def _matched(
    report: Report, outside: dict[tuple[int, str], tuple[str, str]], metrics: _Metrics
) -> list[tuple[Item, str, str]]:
    """The outcomes of measures outside the lexicon that a target of the reviewed year names in the
    same words (非税占比29.8%以内, then 非税占比降至29.7%): one per target, the first (a bound
    gives way to the figure itself), in a unit the target's converts to."""
    found: dict[str, tuple[Item, str, str]] = {}
    for item in report.others:
        key = outside_key(outside_words(item.name, _following(report, item)))
        metric, target = outside.get((report.reviews_year, key), (None, None))
        if metric is None or not matchable(key) or _threshold(report, item):
            continue
        if conversion_factor(item.unit, metrics.items[metric][2]) is None:
            continue
        if metric not in found or (found[metric][0].bound and not item.bound):
            found[metric] = (item, metric, OUTSIDE_OUTCOME.format(target=target))
    return list(found.values())


def _tolerance(item: Item) -> Decimal:
    if item.unit in ("%", "‰"):
        return RATE_TOLERANCE
    return (item.value * AMOUNT_TOLERANCE).quantize(Decimal("0.01")).normalize()


def _words(report: Report, item: Item) -> str:
    return report.words(item).strip()


def _at(drafted: str, report: Report, item: Item) -> str:
    """The note's "drafted … from FILE" with the line of the item's words: FILE:LINE."""
    return f"{drafted}:{report.text.count(chr(10), 0, item.start) + 1}"


def _impossible_date(report: Report) -> str | None:
    """Why the date or year a report gives cannot be data (2022年13月45日, 9999年), if it cannot: the
    report is skipped rather than written with a date no reader would accept."""
    for year in (report.sets_year, report.reviews_year):
        try:
            values.year(year)
        except values.Invalid:
            return messages.implausible_report_year(year)
    if report.delivered is not None and len(report.delivered) > 4:
        try:
            datetime.date.fromisoformat(report.delivered)
        except ValueError:
            return messages.impossible_report_date(report.delivered)
    return None


def draft(
    files: list[tuple[str, bytes]], *, city: str | None = None, year: int | None = None, url_base: str | None = None
) -> Draft:
    """Read each (name, bytes) report; build the data files from those that can be read.

    ``url_base``: where the reports are published, so that each source cites ``url_base + name``.
    """
    result = Draft()
    reports: list[tuple[str, Report]] = []
    for name, data in files:
        try:
            text, _encoding = decode(data)
            report = read_report(text, name, year=year, city=city)
        except (DecodeError, ReportError) as error:
            result.problems.append((name, str(error)))
            continue
        if report.city is None:
            result.problems.append((name, "the text does not name its city: give --city"))
            continue
        if (impossible := _impossible_date(report)) is not None:
            result.problems.append((name, impossible))
            continue
        reports.append((name, report))
    if not reports:
        return result
    reports.sort(key=lambda pair: (pair[1].sets_year, pair[0]))
    result.city = Counter(report.city for _, report in reports).most_common(1)[0][0]
    result.years = tuple(sorted({report.sets_year for _, report in reports}))
    metrics = _Metrics()
    sources, targets, observations = [], [], []
    outside: dict[tuple[int, str], tuple[str, str]] = {}  # (year, key of words) → (metric, id) of a target
    used_ids: set[str] = set()

    def unique(candidate: str) -> str:
        number, chosen = 1, candidate
        while chosen in used_ids:
            number += 1
            chosen = f"{candidate}-{number}"
        used_ids.add(chosen)
        return chosen

    goals = {report.sets_year: report.targets for _, report in reports}  # for outcomes stated against them
    for name, report in reports:
        source_id = unique(WORK_REPORT_ID.format(year=report.sets_year))
        drafted = f"drafted by zjk-targets extract from {name}"
        note = drafted + (" (traditional characters, read as simplified)" if report.traditional else "")
        if report.unquantified:
            note += "; goals without a figure, not drafted as targets: " + "；".join(report.unquantified)
        sources.append(
            _entry(
                [
                    ("id", source_id),
                    ("title", report.title or f"{report.city}政府工作报告"),
                    ("publisher", publisher(report.city)),
                    ("published", report.delivered or str(report.sets_year)),
                    ("trust", "official"),
                    ("file", name),
                    ("url", url_base + name if url_base else None),
                    ("note", note),
                ]
            )
        )
        for item, headline in [(t, True) for t in report.targets] + [(t, False) for t in report.tasks]:
            words = None if item.measure else outside_words(item.name, _following(report, item))
            metric = metrics.metric_for(item, words)
            zh_name, en_name = (item.measure.zh, item.measure.en) if item.measure else (words, words)
            target_id = unique(f"{metric}-{report.sets_year}")
            if words is not None and headline and not _threshold(report, item):
                outside.setdefault((report.sets_year, outside_key(words)), (metric, target_id))
            goal = f"{_SYMBOL[item.comparator]} {_num(item.value)} {item.unit}"
            task = None if headline else "a quantified task of the year's work, outside the headline paragraph"
            item_note = "; ".join(filter(None, [_at(drafted, report, item), task, item.note]))
            targets.append(
                _entry(
                    [
                        ("id", target_id),
                        ("metric", metric),
                        ("zh", f"{zh_name} {goal}"),
                        ("en", f"{en_name} {goal}"),
                        ("category", item.measure.category if item.measure else "other"),
                        ("comparator", item.comparator),
                        ("goal", _num(item.value)),
                        ("tolerance", _num(_tolerance(item)) if item.comparator == "about" else None),
                        ("unit", item.unit),
                        ("year", str(report.sets_year)),
                        ("headline", "true" if headline else None),
                        ("source", source_id),
                        ("excerpt", _words(report, item)),
                        ("derived", item.derived),
                        ("note", item_note),
                    ]
                )
            )
        read = [(item, metrics.metric_for(item), None) for item in report.outcomes if _the_years(report, item)]
        read += [
            (item, metrics.metric_for(item), None) for item in report.against_goals(goals.get(report.reviews_year, ()))
        ]
        read += _matched(report, outside, metrics)
        for item, metric, matched in read:
            item_note = "; ".join(filter(None, [_at(drafted, report, item), matched, item.note]))
            observations.append(
                _entry(
                    [
                        ("id", unique(f"{metric}-{report.reviews_year}-{source_id}")),
                        ("metric", metric),
                        ("year", str(report.reviews_year)),
                        ("min" if item.bound else "value", _num(item.value)),
                        ("unit", item.unit),
                        ("source", source_id),
                        ("excerpt", _words(report, item)),
                        ("estimated", "true" if item.estimated else None),
                        ("derived", item.derived),
                        ("year_basis", f"the year under review: {report.year_basis}"),
                        ("proxy", OTHER_BASIS.format(basis=item.basis) if item.basis else None),
                        ("note", item_note),
                    ]
                )
            )
        if report.review_only:
            result.partial.append((name, REVIEW_ONLY.format(year=report.reviews_year)))
        counts = f"{len(report.targets)} headline targets and {len(report.tasks)} tasks for {report.sets_year}"
        result.summary.append(
            f"{name}: {report.city}, delivered {report.delivered}: {counts}, "
            f"{len(read)} outcomes of {report.reviews_year}"
        )
    metric_entries = [
        _entry([("id", id_), ("zh", zh), ("en", en), ("unit", unit), ("direction", direction)])
        for id_, (zh, en, unit, direction) in metrics.items.items()
    ]
    header = (
        f"# {result.city}: targets of the government work reports, drafted by zjk-targets extract from\n"
        f"# {', '.join(name for name, _ in reports)}. Check each entry against its excerpt before relying on it.\n"
    )
    span = f"{result.years[0]}" if len(result.years) == 1 else f"{result.years[0]}–{result.years[-1]}"
    title = (
        f"Targets of the government work reports of {result.city}, {span} (drafted by zjk-targets extract): "
        "did they do what they said?"
    )
    header += (
        "\n# What the data is about: every export titles itself with this.\n"
        f"dataset:\n  place: {_q(result.city)}\n  place_zh: {_q(result.city)}\n  title: {_q(title)}\n"
        f"  title_zh: {_q(f'{result.city}政府工作报告目标（{span}年，zjk-targets extract 草拟）：说到做到了吗？')}\n\n"
    )
    result.entries = {"source": sources, "metric": metric_entries, "target": targets, "observation": observations}
    result.header = header
    _render(result)
    return result


def _render(result: Draft) -> None:
    """The draft's files, from its header and entries."""
    entries = result.entries
    sections = [("sources", entries["source"]), ("metrics", entries["metric"]), ("targets", entries["target"])]
    result.targets_yaml = result.header + _sections(sections)
    observations = _sections([("observations", entries["observation"])])
    result.one_file_yaml = result.targets_yaml + "\n" + observations
    result.actuals_yaml = (
        result.header.split("\n\n")[0].replace("targets of", "outcomes reviewed in") + "\n" + observations
    )


STATE_COUNCIL = "国务院"  # who delivers the nation's work report


def publisher(place: str | None) -> str:
    """Who delivers a place's work report: the State Council for the nation, else its people's government."""
    return STATE_COUNCIL if place == NATION else f"{place}人民政府"


def with_entries(result: Draft, extra: dict[str, list[dict[str, str]]]) -> Draft:
    """The draft with another publisher's entries of the same place added (sources, metrics it lacks,
    observations), its files written again. Ids must not clash with the draft's own."""
    known = {entry["id"] for entry in result.entries["metric"]}
    for kind, entries in extra.items():
        for entry in entries:
            if kind == "metric" and entry["id"] in known:
                continue  # the draft names this metric already (its first unit printed)
            result.entries[kind].append(entry)
    _render(result)
    return result


def _sections(sections: list[tuple[str, list[dict[str, str]]]]) -> str:
    out = []
    for name, entries in sections:
        if not entries:
            out.append(f"{name}: []")
            continue
        out.append(f"{name}:")
        for entry in entries:
            out.extend(_yaml_entry(entry))
    return "\n".join(out) + "\n"


__all__ = ["Draft", "draft", "with_entries"]
