"""The per-target engine's reader: YAML files into a checked :class:`Dataset`, every problem at once.

What a field may hold, when it is required, and every message are the rule book's
(:mod:`zjk_targets.rules`); this module undoes what YAML read into a value first (a ``no`` read as
a boolean, ``012`` read as an octal number) and says so.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import DataError, Problem
from .model import About, Dataset, Metric, Source, Where
from .rules import checks, messages, references, values
from .rules.schema import (
    DATASET_FIELDS,
    DATASET_SECTION,
    FIELDS_OF,
    KINDS,
    MAX_YAML_BYTES,
    NAMES_OF,
    SCHEMA_VERSION,
    SECTIONS,
    Type,
    build,
    required,
)
from .rules.values import Invalid
from .yamlread import Node, read_yaml

_NOT_TEXT = {
    "bool": "a boolean",
    "int": "a number",
    "float": "a number",
    "null": "empty (null)",
    "timestamp": "a date",
}
_OCTAL = re.compile(r"[-+]?0\d+")


def _text(node: Node) -> str:
    if node.kind in ("map", "seq"):
        raise Invalid(messages.not_text("mapping" if node.kind == "map" else "list"))
    if node.kind != "str":
        shown = node.raw if node.plain else str(node.value)
        reading = f"{_NOT_TEXT[node.kind]} ({node.value!r})" if node.kind != "null" else _NOT_TEXT[node.kind]
        raise Invalid(messages.read_by_yaml_as(shown, reading))
    return values.text(node.value)


def _octal(node: Node) -> None:
    if node.kind == "int" and node.plain and _OCTAL.fullmatch(node.raw):
        raise Invalid(messages.octal(node.raw, node.value))


def _year(node: Node) -> int:
    _octal(node)
    if node.kind != "int" or isinstance(node.value, bool):
        raise Invalid(messages.not_a_year(node.raw or node.value))
    return values.year(int(node.value))


def _number(node: Node) -> Decimal:
    _octal(node)
    if node.kind not in ("int", "float") or isinstance(node.value, bool):
        raise Invalid(messages.not_a_number(node.raw if node.kind not in ("map", "seq") else node.kind))
    if isinstance(node.value, float) and not math.isfinite(node.value):
        raise Invalid(messages.not_finite(node.raw))
    if isinstance(node.value, float):
        # The number as written, as a CSV cell is read: a float rounds 5.99999999999999999 to 6.
        written = node.raw.replace("_", "")
        return Decimal(written) if values.NUMBER.fullmatch(written) else Decimal(repr(node.value))
    return Decimal(node.value)


def _flag(node: Node) -> bool:
    if node.kind != "bool":
        raise Invalid(messages.not_a_flag(node.raw))
    return bool(node.value)


def _date(node: Node) -> Any:
    raw = node.raw if node.kind in ("str", "int", "timestamp") else ""
    return values.date(raw.strip(), shown=raw or node.kind)


_CONVERTERS: dict[Type, Callable[[str, Node], Any]] = {
    Type.TEXT: lambda _, node: _text(node),
    Type.ID: lambda _, node: values.identifier(_text(node)),
    Type.NUMBER: lambda _, node: _number(node),
    Type.YEAR: lambda _, node: _year(node),
    Type.DATE: lambda _, node: _date(node),
    Type.FLAG: lambda _, node: _flag(node),
    Type.CHOICE: lambda name, node: values.choice(name, node.raw if node.kind != "str" else node.value),
}
# Each kind's fields with their converters, the comparator first: whether a goal is required depends on it.
_READERS = {
    kind: [(f, f.name, _CONVERTERS[f.type]) for f in sorted(fields, key=lambda f: f.name != "comparator")]
    for kind, fields in FIELDS_OF.items()
}


@dataclass(frozen=True)
class Partial:
    """A target or observation that cannot be used, with the values that could be read: it is still
    checked against its metric and source, so one run reports every problem (a unit that does not
    convert is not held back until a goal that is not a number is fixed)."""

    kind: str
    item: Any
    """The model object of the values read; None where a value could not be read or is missing."""
    unread: frozenset[str]
    """The fields given whose values could not be read."""


def partial(kind: str, found: dict[str, Any], given: Collection[str], where: Where) -> Partial | None:
    """The :class:`Partial` of an unusable entry from its values read (only targets and
    observations are checked against other entries)."""
    if kind not in ("target", "observation"):
        return None
    item = build(kind, found, where)
    if kind == "observation" and "unit" not in found:
        item = dataclasses.replace(item, unit=None)  # not the milestone's default: the unit is unknown
    return Partial(kind, item, frozenset(given) - frozenset(found))


def _entry(kind: str, path: str, node: Node, problems: list[Problem], partials: list[Partial]) -> Any:
    """One entry's model object, or None when it cannot be used (then its :class:`Partial`, if
    any, goes to ``partials``); its problems go to ``problems``."""
    fields: dict[str, Node] = node.value

    def report(message: str, field: str | None = None) -> None:
        problems.append(Problem(path, fields[field].line if field in fields else node.line, message))

    allowed = NAMES_OF[kind]
    for name in fields:
        if name not in allowed:
            report(messages.unknown_field(name, allowed), name)
    given = frozenset(fields)
    found: dict[str, Any] = {}
    comparator = None
    for field, name, convert in _READERS[kind]:
        item = fields.get(name)
        if item is None or item.kind == "refused":  # a refused tag is already reported
            continue
        if item.kind == "null" and not required(kind, field, given, comparator):
            continue
        try:
            found[name] = convert(name, item)
        except Invalid as error:
            report(messages.invalid(name, str(error)), name)
        if name == "comparator":
            comparator = found.get(name)
    shape = checks.shape(kind, given, frozenset(found), comparator)
    for name in shape.missing:
        report(messages.missing(name))
    for field_name, message in shape.problems:
        report(message, field_name)
    value_problems, blocks = checks.check_values(kind, given, found)
    for field_name, message in value_problems:
        report(message, field_name)
    if not shape.usable or blocks:
        read_or_not = [name for name, item in fields.items() if item.kind != "null"]  # null: not given
        unusable = partial(kind, found, read_or_not, Where(path, node.line))
        partials.extend([unusable] if unusable else [])
        return None
    return build(kind, found, Where(path, node.line))


_KIND_OF = {section: kind for kind, section in KINDS.items()}


def _about(path: str, node: Node, problems: list[Problem]) -> About | None:
    """The `dataset` section: what the data is about."""
    if node.kind != "map":
        problems.append(Problem(path, node.line, messages.DATASET_NOT_A_MAPPING))
        return None
    found: dict[str, str] = {}
    for name, item in node.value.items():
        if name not in DATASET_FIELDS:
            problems.append(Problem(path, item.line, messages.unknown_field(name, DATASET_FIELDS)))
            continue
        try:
            found[name] = _text(item)
        except Invalid as error:
            problems.append(Problem(path, item.line, messages.invalid(name, str(error))))
    for name, needed in DATASET_FIELDS.items():
        if needed and name not in node.value:
            problems.append(Problem(path, node.line, messages.missing(name)))
    if "place" not in found:
        return None
    return About(**found, where=Where(path, node.line))


def _read_sections(
    path: str, tree: Node, problems: list[Problem], unusable: set[str], partials: list[Partial]
) -> dict[str, list[Any]]:
    """The entries of each kind in one file; the ids of entries that cannot be used go to ``unusable``
    and what could be read of them to ``partials``."""
    found: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    if tree.kind != "map":
        problems.append(Problem(path, tree.line, messages.NOT_A_MAPPING))
        return found
    for name, node in tree.value.items():
        if name == "schema_version":
            if node.kind != "int" or node.value != SCHEMA_VERSION:
                problems.append(Problem(path, node.line, messages.schema_version(node.raw)))
            continue
        if name == DATASET_SECTION:
            about = _about(path, node, problems)
            found.setdefault(DATASET_SECTION, []).extend([about] if about else [])
            continue
        if name not in _KIND_OF:
            problems.append(Problem(path, node.line, messages.unknown_section(name)))
            continue
        if node.kind == "null":
            continue
        if node.kind != "seq":
            problems.append(Problem(path, node.line, messages.section_not_a_list(name)))
            continue
        for item in node.value:
            if item.kind != "map":
                problems.append(Problem(path, item.line, messages.entry_not_a_mapping(name, item.kind)))
                continue
            built = _entry(_KIND_OF[name], path, item, problems, partials)
            if built is not None:
                found[_KIND_OF[name]].append(built)
            elif "id" in item.value and item.value["id"].kind == "str":
                # Already reported; references to it should not add "unknown …" problems.
                unusable.add(item.value["id"].value)
    return found


def read_entries(
    path: str, max_bytes: int | None, problems: list[Problem], unusable: set[str], partials: list[Partial] | None = None
) -> dict[str, list[Any]]:
    """The entries of each kind in one YAML file (none if it cannot be read); what can be read of
    the unusable ones goes to ``partials``."""
    tree, file_problems = read_yaml(path, max_bytes or MAX_YAML_BYTES)
    problems.extend(file_problems)
    if tree is None:
        return {kind: [] for kind in KINDS}
    return _read_sections(path, tree, problems, unusable, partials if partials is not None else [])


def _unique(items: Iterable[Any], kind: str, problems: list[Problem]) -> dict[str, Any]:
    by_id: dict[str, Any] = {}
    for item in items:
        if item.id in by_id:
            first = by_id[item.id].where
            problems.append(
                Problem(item.where.path, item.where.line, messages.duplicate_id(kind, item.id, first.path, first.line))
            )
            continue
        by_id[item.id] = item
    return by_id


def check_entry(
    kind: str,
    item: Any,
    metrics: Mapping[str, Metric],
    sources: Mapping[str, Source],
    unusable: Collection[str],
    problems: list[Problem],
    unresolved: list[references.Unresolved],
    unread: Collection[str] = (),
) -> None:
    """A target or observation against its metric and source; ``unread``: the fields given that
    could not be read (of a :class:`Partial`), whose checks wait until they can be."""
    where = item.where
    for name, known, named in ((item.metric, metrics, "metric"), (item.source, sources, "source")):
        # A reference to an entry already reported as broken is not reported again.
        if name is not None and name not in known and name not in unusable:
            unresolved.append(references.Unresolved(where.path, where.line, named, name))
    metric = metrics.get(item.metric) if item.metric is not None else None
    if kind == "target":
        source = sources.get(item.source) if item.source is not None else None
        found = checks.check_target(item, metric, source, unread)
    else:
        found = checks.check_observation(item, metric, unread)
    problems.extend(Problem(where.path, where.line, message) for message in found)


def check_partials(
    partials: Iterable[Partial],
    metrics: Mapping[str, Metric],
    sources: Mapping[str, Source],
    unusable: Collection[str],
    problems: list[Problem],
    unresolved: list[references.Unresolved],
) -> None:
    """What could be read of the unusable entries, against the entries they name (both engines)."""
    for found in partials:
        check_entry(found.kind, found.item, metrics, sources, unusable, problems, unresolved, found.unread)


def cross_check(
    dataset: Dataset, problems: list[Problem], unusable: set[str], partials: Iterable[Partial] = ()
) -> list[references.Unresolved]:
    """Problems across entries: units, directions, numbers stated in excerpts; and the references
    to metrics and sources not defined, returned to be reported by their cause."""
    unresolved: list[references.Unresolved] = []
    for target in dataset.targets:
        check_entry("target", target, dataset.metrics, dataset.sources, unusable, problems, unresolved)
    for obs in dataset.observations:
        check_entry("observation", obs, dataset.metrics, dataset.sources, unusable, problems, unresolved)
    check_partials(partials, dataset.metrics, dataset.sources, unusable, problems, unresolved)
    return unresolved


def yaml_ids(path: Path, max_bytes: int | None) -> references.Defined:
    """The metric and source ids a YAML file defines (its problems are not the data's)."""
    found = read_entries(str(path), max_bytes, [], set())
    return {kind: {item.id for item in found[kind]} for kind in ("metric", "source")}


def unresolved_problems(
    unresolved: list[references.Unresolved],
    known: references.Defined,
    read: Collection[Path],
    ids_of: Callable[[Path], references.Defined],
) -> list[Problem]:
    """The problems of the references not defined, by their cause; with one file read, the
    counterpart beside it (if it exists) is read with ``ids_of`` to see whether it defines them."""
    if not unresolved:
        return []
    beside: dict[Path, references.Defined] = {}
    if len(read) == 1:
        for path in read:
            other = references.counterpart(path)
            if other is not None and other.is_file() and other.resolve() != path.resolve():
                beside[other] = ids_of(other)
    return references.problems(unresolved, known, len(read) == 1, beside)


def one_about(abouts: list[About], problems: list[Problem]) -> About | None:
    """What the data is about: the first `dataset` section; each other one is a problem."""
    for about in abouts[1:]:
        first = abouts[0].where
        problems.append(
            Problem(about.where.path, about.where.line, messages.dataset_named_twice(first.path, first.line))
        )
    return abouts[0] if abouts else None


def load_dataset(paths: Iterable[str | Path], max_bytes: int | None = None) -> Dataset:
    """Read and check the YAML files; raise :class:`DataError` listing every problem.

    ``max_bytes``: the size limit of each file (default: the rule book's limit for YAML).
    """
    problems: list[Problem] = []
    unusable: set[str] = set()
    partials: list[Partial] = []
    collected: dict[str, list[Any]] = {kind: [] for kind in (*KINDS, DATASET_SECTION)}
    read: dict[Path, Path] = {}
    for path in paths:
        if Path(path).resolve() in read:
            continue  # one file given as both targets and actuals is read once
        read[Path(path).resolve()] = Path(path)
        for kind, items in read_entries(str(path), max_bytes, problems, unusable, partials).items():
            collected[kind].extend(items)
    dataset = Dataset(
        sources=_unique(collected["source"], "source", problems),
        metrics=_unique(collected["metric"], "metric", problems),
        targets=tuple(_unique(collected["target"], "target", problems).values()),
        observations=tuple(_unique(collected["observation"], "observation", problems).values()),
        about=one_about(collected[DATASET_SECTION], problems),
    )
    unresolved = cross_check(dataset, problems, unusable, partials)
    known = {"metric": dataset.metrics.keys(), "source": dataset.sources.keys()}
    problems += unresolved_problems(unresolved, known, read.values(), lambda other: yaml_ids(other, max_bytes))
    if problems:
        raise DataError(problems)
    return dataset


__all__ = [
    "SECTIONS",
    "Partial",
    "check_partials",
    "cross_check",
    "partial",
    "load_dataset",
    "one_about",
    "read_entries",
    "unresolved_problems",
    "yaml_ids",
]
