"""Turn the YAML files into a checked :class:`Dataset`, collecting every problem at once."""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import DataError, Problem
from .fmt import number as fmt_number
from .model import (
    Comparator,
    Dataset,
    Direction,
    Metric,
    Observation,
    PartialDate,
    Source,
    Target,
    Trust,
    Where,
)
from .units import conversion_factor
from .yamlread import Node, read_yaml

SCHEMA_VERSION = 1
DEFAULT_MAX_BYTES = 20_000_000
MAX_TEXT_CHARS = 10_000
YEAR_RANGE = (1949, 2100)
SECTIONS = ("sources", "metrics", "targets", "observations")

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_COMPARATORS = {
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    ">": Comparator.GT,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
    "<": Comparator.LT,
    "about": Comparator.ABOUT,
    "≈": Comparator.ABOUT,
    "done": Comparator.DONE,
}
DONE_UNIT = "done"

_NOT_TEXT = {
    "bool": "a boolean",
    "int": "a number",
    "float": "a number",
    "null": "empty (null)",
    "timestamp": "a date",
}


class _Invalid(Exception):
    """A field's value cannot be used; the message says why."""


@dataclass
class _Record:
    """One mapping of a section, read field by field with problems collected."""

    node: Node
    path: str
    problems: list[Problem]

    @property
    def line(self) -> int:
        return self.node.line

    def report(self, message: str, field: str | None = None) -> None:
        line = self.node.value[field].line if field and field in self.node.value else self.line
        self.problems.append(Problem(self.path, line, message))

    def get(self, field: str, convert: Callable[[Node], Any], required: bool = True) -> Any:
        node = self.node.value.get(field)
        if node is not None and node.kind == "refused":
            return None
        if node is None or (node.kind == "null" and not required):
            if required:
                self.report(f"missing required field `{field}`")
            return None
        try:
            return convert(node)
        except _Invalid as error:
            self.report(f"`{field}`: {error}", field)
            return None


def _text(node: Node) -> str:
    if node.kind in ("map", "seq"):
        raise _Invalid(f"expected text, found a {'mapping' if node.kind == 'map' else 'list'}")
    if node.kind != "str":
        shown = node.raw if node.plain else str(node.value)
        reading = f"{_NOT_TEXT[node.kind]} ({node.value!r})" if node.kind != "null" else _NOT_TEXT[node.kind]
        raise _Invalid(f'`{shown}` is read by YAML as {reading}; quote it: "{shown}"')
    value: str = node.value
    if not value.strip():
        raise _Invalid("must not be empty")
    if len(value) > MAX_TEXT_CHARS:
        raise _Invalid(f"is {len(value):,} characters long; the limit is {MAX_TEXT_CHARS:,}")
    return value


def _identifier(node: Node) -> str:
    value = _text(node)
    if not _ID.match(value):
        raise _Invalid(f"`{value}` is not an id: use lowercase letters, digits, '-', '.' and '_'")
    return value


def _year(node: Node) -> int:
    if node.kind == "int" and node.plain and node.raw.isdigit() and node.raw.startswith("0"):
        raise _Invalid(f"`{node.raw}` is read by YAML 1.1 as the octal number {node.value}; drop the leading zero")
    if node.kind != "int" or isinstance(node.value, bool):
        raise _Invalid(f"`{node.raw or node.value}` is not a year: write four digits, such as 2017")
    if not YEAR_RANGE[0] <= node.value <= YEAR_RANGE[1]:
        raise _Invalid(f"{node.value} is not a plausible year (expected {YEAR_RANGE[0]}–{YEAR_RANGE[1]})")
    return int(node.value)


def _number(node: Node) -> Decimal:
    if node.kind == "int" and node.plain and re.fullmatch(r"[-+]?0\d+", node.raw):
        raise _Invalid(f"`{node.raw}` is read by YAML 1.1 as the octal number {node.value}; drop the leading zero")
    if node.kind not in ("int", "float") or isinstance(node.value, bool):
        shown = node.raw if node.kind != "map" and node.kind != "seq" else node.kind
        raise _Invalid(f"`{shown}` is not a number; write digits only and put the unit in `unit`")
    if isinstance(node.value, float) and not math.isfinite(node.value):
        raise _Invalid(f"`{node.raw}` is not a finite number")
    return Decimal(repr(node.value)) if isinstance(node.value, float) else Decimal(node.value)


def _flag(node: Node) -> bool:
    if node.kind != "bool":
        raise _Invalid(f"`{node.raw}` is not true or false")
    return bool(node.value)


def _date(node: Node) -> PartialDate:
    raw = node.raw if node.kind in ("str", "int", "timestamp") else ""
    parsed = PartialDate.parse(raw.strip())
    if parsed is None:
        raise _Invalid(f'`{raw or node.kind}` is not a date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD"')
    return parsed


def _choice(options: dict[str, Any]) -> Callable[[Node], Any]:
    def convert(node: Node) -> Any:
        value = node.raw if node.kind != "str" else node.value
        if node.kind in ("map", "seq") or value not in options:
            close = difflib.get_close_matches(str(value), list(options), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            listed = ", ".join(dict.fromkeys(options))
            raise _Invalid(f"`{value}` is not one of {listed}{hint}")
        return options[value]

    return convert


_FIELDS: dict[str, set[str]] = {
    "sources": {"id", "title", "publisher", "published", "file", "url", "trust", "note"},
    "metrics": {"id", "zh", "en", "unit", "direction", "note"},
    "targets": {
        "id",
        "metric",
        "zh",
        "en",
        "category",
        "comparator",
        "goal",
        "tolerance",
        "unit",
        "year",
        "by",
        "source",
        "excerpt",
        "derived",
        "note",
        "headline",
    },
    "observations": {
        "id",
        "metric",
        "year",
        "value",
        "min",
        "max",
        "done",
        "unit",
        "source",
        "excerpt",
        "estimated",
        "derived",
        "proxy",
        "year_basis",
        "note",
    },
}


def _check_fields(record: _Record, section: str) -> None:
    allowed = _FIELDS[section]
    for name in record.node.value:
        if name not in allowed:
            close = difflib.get_close_matches(name, sorted(allowed), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            record.report(f"unknown field `{name}`{hint}", name)


def _source(record: _Record) -> Source | None:
    values = {
        "id": record.get("id", _identifier),
        "title": record.get("title", _text),
        "publisher": record.get("publisher", _text),
        "published": record.get("published", _date),
        "trust": record.get("trust", _choice({t.value: t for t in Trust})),
        "file": record.get("file", _text, required=False),
        "url": record.get("url", _text, required=False),
        "note": record.get("note", _text, required=False),
    }
    if "file" not in record.node.value and "url" not in record.node.value:
        record.report("a source needs a `file` (under the sources folder) or a `url`")
    if values["url"] and not re.match(r"^https?://", values["url"]):
        record.report("`url` must start with http:// or https://", "url")
    if any(values[key] is None for key in ("id", "title", "publisher", "published", "trust")):
        return None
    return Source(**values, where=Where(record.path, record.line))


def _metric(record: _Record) -> Metric | None:
    values = {
        "id": record.get("id", _identifier),
        "zh": record.get("zh", _text),
        "en": record.get("en", _text),
        "unit": record.get("unit", _text),
        "direction": record.get("direction", _choice({d.value: d for d in Direction})),
    }
    record.get("note", _text, required=False)
    if any(value is None for value in values.values()):
        return None
    return Metric(**values, where=Where(record.path, record.line))


def _target(record: _Record) -> Target | None:
    comparator = record.get("comparator", _choice(_COMPARATORS))
    is_done = comparator is Comparator.DONE
    values = {
        "id": record.get("id", _identifier),
        "metric": record.get("metric", _identifier),
        "zh": record.get("zh", _text),
        "en": record.get("en", _text),
        "category": record.get("category", _identifier),
        "comparator": comparator,
        "goal": record.get("goal", _number, required=not is_done and comparator is not None),
        "unit": record.get("unit", _text, required=not is_done and comparator is not None),
        "year": record.get("year", _year, required=False),
        "by": record.get("by", _year, required=False),
        "source": record.get("source", _identifier),
        "excerpt": record.get("excerpt", _text),
        "tolerance": record.get("tolerance", _number, required=comparator is Comparator.ABOUT),
        "derived": record.get("derived", _text, required=False),
        "note": record.get("note", _text, required=False),
        "headline": record.get("headline", _flag, required=False) or False,
    }
    given = record.node.value
    if ("year" in given) == ("by" in given):
        record.report("give exactly one of `year` (a single-year target) or `by` (a deadline)")
    if is_done:
        for name in ("goal", "unit", "tolerance"):
            if name in given:
                record.report(f"a `done` target has no `{name}`", name)
    elif comparator is not None and comparator is not Comparator.ABOUT and "tolerance" in given:
        record.report("`tolerance` belongs only to `about` targets", "tolerance")
    if values["tolerance"] is not None and values["tolerance"] < 0:
        record.report("`tolerance` must not be negative", "tolerance")
    required = ("id", "metric", "zh", "en", "category", "comparator", "source", "excerpt")
    if any(values[key] is None for key in required) or (values["year"] is None) == (values["by"] is None):
        return None
    if not is_done and (values["goal"] is None or values["unit"] is None):
        return None
    return Target(**values, where=Where(record.path, record.line))


def _observation(record: _Record) -> Observation | None:
    values = {
        "id": record.get("id", _identifier),
        "metric": record.get("metric", _identifier),
        "year": record.get("year", _year),
        "source": record.get("source", _identifier),
        "excerpt": record.get("excerpt", _text),
        "value": record.get("value", _number, required=False),
        "minimum": record.get("min", _number, required=False),
        "maximum": record.get("max", _number, required=False),
        "done": record.get("done", _flag, required=False),
        "unit": record.get("unit", _text, required="done" not in record.node.value),
        "estimated": record.get("estimated", _flag, required=False) or False,
        "derived": record.get("derived", _text, required=False),
        "proxy": record.get("proxy", _text, required=False),
        "year_basis": record.get("year_basis", _text, required=False),
        "note": record.get("note", _text, required=False),
    }
    given = record.node.value
    kinds = ["value" in given, "min" in given or "max" in given, "done" in given]
    if sum(kinds) != 1:
        record.report("give exactly one of `value`, a bound (`min` and/or `max`) or `done`")
        return None
    low, high = values["minimum"], values["maximum"]
    if low is not None and high is not None and low > high:
        record.report(f"the bound's `min` ({low}) is larger than its `max` ({high})", "min")
        return None
    if "done" in given and "unit" in given and values["unit"] != DONE_UNIT:
        record.report(f'a `done` observation has no unit (or unit "{DONE_UNIT}")', "unit")
    if values["unit"] is None:
        values["unit"] = DONE_UNIT if "done" in given else None
    required = ("id", "metric", "year", "source", "excerpt", "unit")
    if any(values[key] is None for key in required):
        return None
    if all(values[key] is None for key in ("value", "minimum", "maximum", "done")):
        return None
    return Observation(**values, where=Where(record.path, record.line))


_BUILDERS: dict[str, Callable[[_Record], Any]] = {
    "sources": _source,
    "metrics": _metric,
    "targets": _target,
    "observations": _observation,
}


def _read_sections(path: str, tree: Node, problems: list[Problem], unusable: set[str]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {name: [] for name in SECTIONS}
    if tree.kind != "map":
        problems.append(Problem(path, tree.line, f"the file must be a mapping with sections {', '.join(SECTIONS)}"))
        return found
    for name, node in tree.value.items():
        if name == "schema_version":
            if node.kind != "int" or node.value != SCHEMA_VERSION:
                problems.append(
                    Problem(
                        path,
                        node.line,
                        f"`schema_version` {node.raw} is not supported; this version reads {SCHEMA_VERSION}",
                    )
                )
            continue
        if name not in _BUILDERS:
            close = difflib.get_close_matches(name, SECTIONS, n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            problems.append(Problem(path, node.line, f"unknown section `{name}`{hint}"))
            continue
        if node.kind == "null":
            continue
        if node.kind != "seq":
            problems.append(Problem(path, node.line, f"`{name}` must be a list of entries, each starting with `- `"))
            continue
        for item in node.value:
            if item.kind != "map":
                problems.append(
                    Problem(path, item.line, f"each entry of `{name}` must be a mapping of fields, not {item.kind}")
                )
                continue
            record = _Record(item, path, problems)
            _check_fields(record, name)
            built = _BUILDERS[name](record)
            if built is not None:
                found[name].append(built)
            elif "id" in item.value and item.value["id"].kind == "str":
                # Already reported; references to it should not add "unknown …" problems.
                unusable.add(item.value["id"].value)
    return found


def _unique(items: Iterable[Any], kind: str, problems: list[Problem]) -> dict[str, Any]:
    by_id: dict[str, Any] = {}
    for item in items:
        if item.id in by_id:
            first = by_id[item.id].where
            problems.append(
                Problem(
                    item.where.path,
                    item.where.line,
                    f"duplicate {kind} id `{item.id}` (first at {first.path}:{first.line})",
                )
            )
            continue
        by_id[item.id] = item
    return by_id


def _missing(kind: str, name: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"unknown {kind} `{name}`{hint}"


_UNSTATED = "does not appear in the excerpt: quote the words that state it, or say how it was worked out in `derived`"
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")


def number_is_stated(number: Decimal, excerpt: str) -> bool:
    """Whether ``number`` is written in ``excerpt`` as digits (sign, separators, trailing zeros aside)."""
    text = _THOUSANDS.sub("", unicodedata.normalize("NFKC", excerpt))
    written = {fmt_number(Decimal(token)) for token in _NUMBER_TOKEN.findall(text)}
    return fmt_number(abs(number)) in written


def _cross_check(dataset: Dataset, problems: list[Problem], unusable: set[str]) -> None:
    def report(where: Where, message: str) -> None:
        problems.append(Problem(where.path, where.line, message))

    # Targets and observations that refer to an entry already reported as broken are skipped.
    def resolves(name: str, known: dict[str, Any], kind: str, where: Where) -> bool:
        if name in known:
            return True
        if name not in unusable:
            report(where, _missing(kind, name, known))
        return False

    for target in dataset.targets:
        metric = dataset.metrics.get(target.metric)
        source = dataset.sources.get(target.source)
        resolves(target.metric, dataset.metrics, "metric", target.where)
        resolves(target.source, dataset.sources, "source", target.where)
        if source is not None and target.by is not None and target.by < source.published.year:
            report(target.where, f"deadline {target.by} is before the target was set ({source.published.year})")
        if metric is None:
            continue
        if target.comparator is Comparator.DONE:
            if metric.unit != DONE_UNIT:
                report(
                    target.where,
                    f'a `done` target needs a milestone metric (unit "{DONE_UNIT}"); `{metric.id}` is in {metric.unit}',
                )
            continue
        if metric.unit == DONE_UNIT:
            report(target.where, f"metric `{metric.id}` is a milestone: use comparator `done`")
            continue
        assert target.unit is not None and target.goal is not None
        if conversion_factor(target.unit, metric.unit) is None:
            report(
                target.where,
                f"unit `{target.unit}` does not convert to `{metric.unit}`, the unit of metric `{metric.id}`",
            )
        wants = {
            Comparator.GE: Direction.HIGHER,
            Comparator.GT: Direction.HIGHER,
            Comparator.LE: Direction.LOWER,
            Comparator.LT: Direction.LOWER,
        }
        if target.comparator in wants and wants[target.comparator] is not metric.direction:
            report(
                target.where,
                f"comparator `{target.comparator.value}` contradicts metric `{metric.id}`, "
                f"where {metric.direction.value} is better",
            )
        if target.derived is None and not number_is_stated(target.goal, target.excerpt):
            report(target.where, f"goal {fmt_number(target.goal)} {_UNSTATED}")

    for obs in dataset.observations:
        metric = dataset.metrics.get(obs.metric)
        resolves(obs.metric, dataset.metrics, "metric", obs.where)
        resolves(obs.source, dataset.sources, "source", obs.where)
        if metric is None:
            continue
        if (metric.unit == DONE_UNIT) != (obs.done is not None):
            if obs.done is not None:
                report(obs.where, f"`done` is for milestone metrics; `{metric.id}` is measured in {metric.unit}")
            else:
                report(obs.where, f"metric `{metric.id}` is a milestone: give `done: true` or `done: false`")
            continue
        if obs.done is None and conversion_factor(obs.unit, metric.unit) is None:
            report(
                obs.where, f"unit `{obs.unit}` does not convert to `{metric.unit}`, the unit of metric `{metric.id}`"
            )
        if obs.derived is None:
            for number in (obs.value, obs.minimum, obs.maximum):
                if number is not None and not number_is_stated(number, obs.excerpt):
                    report(obs.where, f"{fmt_number(number)} {_UNSTATED}")


def load_dataset(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Read and check the data files; raise :class:`DataError` listing every problem."""
    problems: list[Problem] = []
    unusable: set[str] = set()
    collected: dict[str, list[Any]] = {name: [] for name in SECTIONS}
    seen: set[Path] = set()
    for path in paths:
        if Path(path).resolve() in seen:
            continue  # one file given as both targets and actuals is read once
        seen.add(Path(path).resolve())
        tree, file_problems = read_yaml(str(path), max_bytes)
        problems.extend(file_problems)
        if tree is None:
            continue
        for name, items in _read_sections(str(path), tree, problems, unusable).items():
            collected[name].extend(items)
    dataset = Dataset(
        sources=_unique(collected["sources"], "source", problems),
        metrics=_unique(collected["metrics"], "metric", problems),
        targets=tuple(_unique(collected["targets"], "target", problems).values()),
        observations=tuple(_unique(collected["observations"], "observation", problems).values()),
    )
    _cross_check(dataset, problems, unusable)
    if problems:
        raise DataError(problems)
    return dataset
