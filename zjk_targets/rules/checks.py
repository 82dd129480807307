"""The checks of one entry and across entries, on plain values: both engines call these.

- :func:`shape`: what the fields given (and the comparator) say about an entry: missing fields,
  fields that exclude each other, and whether it can be used at all. It depends on nothing
  else, so the columnar engine asks it once per distinct set of given fields.
- :data:`CHECKS`: every other check of one entry, by name: between the values of one entry (a
  bound's min and max, …: :func:`check_values`), and of an entry against its metric and source
  (:func:`check_target`, :func:`check_observation`). A new check is one registered function here;
  both engines run it.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..model import Comparator, Direction, Metric, Observation, Source, Target
from . import messages
from .paths import stays_inside
from .schema import DONE_UNIT, FIELDS_OF, Needed, required
from .units import conversion_factor
from .wording import number

Problems = list[tuple[str | None, str]]
"""(field, message): the field whose line a YAML problem is reported at, or None for the entry's."""

_URL = re.compile(r"^https?://")
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
WANTS = {
    Comparator.GE: Direction.HIGHER,
    Comparator.GT: Direction.HIGHER,
    Comparator.LE: Direction.LOWER,
    Comparator.LT: Direction.LOWER,
}
"""The direction a comparator needs of its metric (``about`` and ``done`` need none)."""


@dataclass(frozen=True)
class Shape:
    missing: tuple[str, ...]
    """Required fields not given."""
    problems: tuple[tuple[str | None, str], ...]
    usable: bool
    """Whether the entry can be built (its problems may still be reported)."""


def one_figure(given: Collection[str]) -> bool:
    """An observation gives exactly one of a value, a bound, or done."""
    return ("value" in given) + ("min" in given or "max" in given) + ("done" in given) == 1


@lru_cache(maxsize=4096)
def shape(kind: str, given: frozenset[str], ok: frozenset[str], comparator: Comparator | None) -> Shape:
    """``given``: the fields present; ``ok``: those whose value converted; ``comparator``: the converted one."""
    fields = FIELDS_OF[kind]
    needed = [f for f in fields if required(kind, f, given, comparator)]
    missing = tuple(f.name for f in needed if f.name not in given)
    usable = all(f.name in ok for f in needed if f.kinds[kind] is not Needed.FOR_ABOUT)
    problems: Problems = []
    if kind == "source" and "file" not in given and "url" not in given:
        problems.append((None, messages.SOURCE_NEEDS_FILE_OR_URL))
    elif kind == "target":
        if ("year" in given) == ("by" in given):
            problems.append((None, messages.YEAR_OR_BY))
        if comparator is Comparator.DONE:
            problems += [
                (name, messages.done_target_has_no(name)) for name in ("goal", "unit", "tolerance") if name in given
            ]
        elif comparator not in (None, Comparator.ABOUT) and "tolerance" in given:
            problems.append(("tolerance", messages.TOLERANCE_ONLY_ABOUT))
        usable = usable and ("year" in ok) != ("by" in ok)
    elif kind == "observation":
        if not one_figure(given):
            problems.append((None, messages.ONE_KIND_OF_FIGURE))
            usable = False
        usable = usable and bool(ok & {"value", "min", "max", "done"})
    return Shape(missing, tuple(problems), usable)


class Stage(enum.Enum):
    """When a check runs: on the values of one entry, or on an entry with its metric and source."""

    VALUES = "values"
    """``run(given, values) -> Problems``: ``given`` the fields present, ``values`` those that converted."""
    ENTRY = "entry"
    """``run(entry, metric, source, unread) -> list[str]``: metric and source None when unknown
    (reported elsewhere); ``unread`` the fields given that could not be read (of an entry that
    cannot be used, still checked on what was read), whose values are None."""


@dataclass(frozen=True)
class Check:
    kind: str
    stage: Stage
    run: Callable[..., Any]
    blocks: bool = False
    """Whether a problem it finds makes the entry unusable (VALUES checks only)."""


CHECKS: dict[str, Check] = {}
"""Every check of one entry, by name, in the order its problems are reported. Both engines run
them through :func:`check_values`, :func:`check_target` and :func:`check_observation`; the columnar
engine clears rows of a check by array code only where it has a mask of that name, and runs the
rule book on every other row."""


def _registered(name: str, kind: str, stage: Stage, blocks: bool = False) -> Callable[[Callable], Callable]:
    def register(run: Callable) -> Callable:
        CHECKS[name] = Check(kind, stage, run, blocks)
        return run

    return register


def named(kind: str, stage: Stage) -> list[str]:
    """The names of the checks of ``kind`` at ``stage``, in order."""
    return [name for name, check in CHECKS.items() if check.kind == kind and check.stage is stage]


def check_values(kind: str, given: Collection[str], values: Mapping[str, Any]) -> tuple[Problems, bool]:
    """Problems between the values of one entry (None where not given or invalid), and whether they make it unusable."""
    problems: Problems = []
    blocks = False
    for name in named(kind, Stage.VALUES):
        check = CHECKS[name]
        found = check.run(given, values)
        problems += found
        blocks = blocks or (check.blocks and bool(found))
    return problems, blocks


def check_target(
    target: Target, metric: Metric | None, source: Source | None, unread: Collection[str] = ()
) -> list[str]:
    """Problems of a target with its metric and source (None when unknown: reported elsewhere).

    Of a target that cannot be used, a value not read is None, and ``unread`` names the fields
    given that could not be read: each check runs on what it needs, when that was read."""
    return [
        message for name in named("target", Stage.ENTRY) for message in CHECKS[name].run(target, metric, source, unread)
    ]


def check_observation(obs: Observation, metric: Metric | None, unread: Collection[str] = ()) -> list[str]:
    """Problems of an observation with its metric (None when unknown: reported elsewhere); of one
    that cannot be used, as :func:`check_target`."""
    return [
        message for name in named("observation", Stage.ENTRY) for message in CHECKS[name].run(obs, metric, None, unread)
    ]


def _states(value: Decimal | None, excerpt: str | None, derived: str | None, unread: Collection[str]) -> bool | None:
    """Whether the excerpt states the value; None where that cannot be asked (a figure derived,
    or a value, excerpt or derivation not read)."""
    if value is None or excerpt is None or derived is not None or "derived" in unread:
        return None
    return number_is_stated(value, excerpt)


def number_is_stated(value: Decimal, excerpt: str) -> bool:
    """Whether ``value`` is written in ``excerpt`` as digits (sign, separators, trailing zeros aside)."""
    text = _THOUSANDS.sub("", unicodedata.normalize("NFKC", excerpt))
    written = {number(Decimal(token)) for token in _NUMBER_TOKEN.findall(text)}
    return number(abs(value)) in written


# ---------------------------------------------------------------------------------------------
# The values of one entry.


@_registered("url-scheme", "source", Stage.VALUES)
def _url_scheme(given: Collection[str], values: Mapping[str, Any]) -> Problems:
    url = values.get("url")
    return [("url", messages.URL_SCHEME)] if url and not _URL.match(url) else []


@_registered("source-file-inside", "source", Stage.VALUES)
def _source_file_inside(given: Collection[str], values: Mapping[str, Any]) -> Problems:
    file = values.get("file")
    return [("file", messages.source_file_outside(file))] if file and not stays_inside(file) else []


@_registered("tolerance-not-negative", "target", Stage.VALUES)
def _tolerance_not_negative(given: Collection[str], values: Mapping[str, Any]) -> Problems:
    tolerance = values.get("tolerance")
    return [("tolerance", messages.TOLERANCE_NEGATIVE)] if tolerance is not None and tolerance < 0 else []


@_registered("bound-in-order", "observation", Stage.VALUES, blocks=True)
def _bound_in_order(given: Collection[str], values: Mapping[str, Any]) -> Problems:
    low, high = values.get("min"), values.get("max")
    if one_figure(given) and low is not None and high is not None and low > high:
        return [("min", messages.bound_inverted(low, high))]
    return []


@_registered("done-figure-unit", "observation", Stage.VALUES)
def _done_figure_unit(given: Collection[str], values: Mapping[str, Any]) -> Problems:
    if one_figure(given) and "done" in given and "unit" in given and values.get("unit") != DONE_UNIT:
        return [("unit", messages.done_observation_unit(DONE_UNIT))]
    return []


# ---------------------------------------------------------------------------------------------
# A target with its metric and source.


def _measured(target: Target, metric: Metric | None) -> bool:
    """Whether the target compares a number with its metric's (not a milestone, on either side)."""
    return (
        metric is not None
        and target.comparator is not None
        and target.comparator is not Comparator.DONE
        and metric.unit != DONE_UNIT
    )


@_registered("deadline-not-before-report", "target", Stage.ENTRY)
def _deadline_not_before_report(
    target: Target, metric: Metric | None, source: Source | None, unread: Collection[str]
) -> list[str]:
    if source is not None and target.by is not None and target.by < source.published.year:
        return [messages.deadline_before_set(target.by, source.published.year)]
    return []


@_registered("done-goal-of-milestone", "target", Stage.ENTRY)
def _done_goal_of_milestone(
    target: Target, metric: Metric | None, source: Source | None, unread: Collection[str]
) -> list[str]:
    if metric is not None and target.comparator is Comparator.DONE and metric.unit != DONE_UNIT:
        return [messages.done_needs_milestone(DONE_UNIT, metric.id, metric.unit)]
    return []


@_registered("milestone-done-goal", "target", Stage.ENTRY)
def _milestone_done_goal(
    target: Target, metric: Metric | None, source: Source | None, unread: Collection[str]
) -> list[str]:
    if metric is not None and target.comparator not in (None, Comparator.DONE) and metric.unit == DONE_UNIT:
        return [messages.milestone_needs_done_comparator(metric.id)]
    return []


@_registered("goal-unit-converts", "target", Stage.ENTRY)
def _goal_unit_converts(
    target: Target, metric: Metric | None, source: Source | None, unread: Collection[str]
) -> list[str]:
    if _measured(target, metric) and target.unit is not None and conversion_factor(target.unit, metric.unit) is None:
        return [messages.unit_does_not_convert(target.unit, metric.unit, metric.id)]
    return []


@_registered("comparator-fits-direction", "target", Stage.ENTRY)
def _comparator_fits_direction(
    target: Target, metric: Metric | None, source: Source | None, unread: Collection[str]
) -> list[str]:
    wants = WANTS.get(target.comparator)
    if _measured(target, metric) and wants is not None and wants is not metric.direction:
        return [messages.comparator_contradicts(target.comparator.value, metric.id, metric.direction.value)]
    return []


@_registered("goal-stated", "target", Stage.ENTRY)
def _goal_stated(target: Target, metric: Metric | None, source: Source | None, unread: Collection[str]) -> list[str]:
    """number_is_stated of the goal, unless it was worked out."""
    if _measured(target, metric) and _states(target.goal, target.excerpt, target.derived, unread) is False:
        assert target.goal is not None
        return [messages.unstated(number(target.goal), is_goal=True)]
    return []


# ---------------------------------------------------------------------------------------------
# An observation with its metric.


def _fits(obs: Observation, metric: Metric | None) -> bool:
    """Whether the observation's figure is of the kind of its metric (done of a milestone's)."""
    return metric is not None and (metric.unit == DONE_UNIT) == (obs.done is not None)


@_registered("figure-of-metric-kind", "observation", Stage.ENTRY)
def _figure_of_metric_kind(
    obs: Observation, metric: Metric | None, source: Source | None, unread: Collection[str]
) -> list[str]:
    if metric is None or "done" in unread or _fits(obs, metric):
        return []
    if obs.done is not None:
        return [messages.done_only_for_milestones(metric.id, metric.unit)]
    return [messages.milestone_needs_done(metric.id)]


@_registered("figure-unit-converts", "observation", Stage.ENTRY)
def _figure_unit_converts(
    obs: Observation, metric: Metric | None, source: Source | None, unread: Collection[str]
) -> list[str]:
    if (
        _fits(obs, metric)
        and obs.done is None
        and obs.unit is not None
        and conversion_factor(obs.unit, metric.unit) is None
    ):
        return [messages.unit_does_not_convert(obs.unit, metric.unit, metric.id)]
    return []


@_registered("figures-stated", "observation", Stage.ENTRY)
def _figures_stated(
    obs: Observation, metric: Metric | None, source: Source | None, unread: Collection[str]
) -> list[str]:
    """number_is_stated of each number of the figure, unless it was worked out."""
    if not _fits(obs, metric):
        return []
    values = (obs.value, obs.minimum, obs.maximum)
    return [
        messages.unstated(number(value))
        for value in values
        if _states(value, obs.excerpt, obs.derived, unread) is False
    ]
