"""The checks of one entry and across entries, on plain values: both engines call these.

- :func:`shape`: what the fields given (and the comparator) say about an entry: missing fields,
  fields that exclude each other, and whether it can be used at all. It depends on nothing
  else, so the columnar engine asks it once per distinct set of given fields.
- :func:`check_values`: the rules between values of one entry (a bound's min and max, …).
- :func:`check_target`, :func:`check_observation`: an entry against its metric and source.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..model import Comparator, Direction, Metric, Observation, Source, Target
from . import messages
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


def check_values(kind: str, given: Collection[str], values: Mapping[str, Any]) -> tuple[Problems, bool]:
    """Problems between the values of one entry (None where not given or invalid), and whether they make it unusable."""
    if kind == "source" and values.get("url") and not _URL.match(values["url"]):
        return [("url", messages.URL_SCHEME)], False
    if kind == "target" and values.get("tolerance") is not None and values["tolerance"] < 0:
        return [("tolerance", messages.TOLERANCE_NEGATIVE)], False
    if kind != "observation" or not one_figure(given):
        return [], False
    low, high = values.get("min"), values.get("max")
    if low is not None and high is not None and low > high:
        return [("min", messages.bound_inverted(low, high))], True
    if "done" in given and "unit" in given and values.get("unit") != DONE_UNIT:
        return [("unit", messages.done_observation_unit(DONE_UNIT))], False
    return [], False


def number_is_stated(value: Decimal, excerpt: str) -> bool:
    """Whether ``value`` is written in ``excerpt`` as digits (sign, separators, trailing zeros aside)."""
    text = _THOUSANDS.sub("", unicodedata.normalize("NFKC", excerpt))
    written = {number(Decimal(token)) for token in _NUMBER_TOKEN.findall(text)}
    return number(abs(value)) in written


def check_target(
    target: Target, metric: Metric | None, source: Source | None, unread: Collection[str] = ()
) -> list[str]:
    """Problems of a target with its metric and source (None when unknown: reported elsewhere).

    Of a target that cannot be used, a value not read is None, and ``unread`` names the fields
    given that could not be read: each check runs on what it needs, when that was read."""
    problems: list[str] = []
    if source is not None and target.by is not None and target.by < source.published.year:
        problems.append(messages.deadline_before_set(target.by, source.published.year))
    if metric is None or target.comparator is None:
        return problems
    if target.comparator is Comparator.DONE:
        if metric.unit != DONE_UNIT:
            problems.append(messages.done_needs_milestone(DONE_UNIT, metric.id, metric.unit))
        return problems
    if metric.unit == DONE_UNIT:
        return [*problems, messages.milestone_needs_done_comparator(metric.id)]
    if target.unit is not None and conversion_factor(target.unit, metric.unit) is None:
        problems.append(messages.unit_does_not_convert(target.unit, metric.unit, metric.id))
    if target.comparator in WANTS and WANTS[target.comparator] is not metric.direction:
        problems.append(messages.comparator_contradicts(target.comparator.value, metric.id, metric.direction.value))
    if _states(target.goal, target.excerpt, target.derived, unread) is False:
        assert target.goal is not None
        problems.append(messages.unstated(number(target.goal), is_goal=True))
    return problems


def _states(value: Decimal | None, excerpt: str | None, derived: str | None, unread: Collection[str]) -> bool | None:
    """Whether the excerpt states the value; None where that cannot be asked (a figure derived,
    or a value, excerpt or derivation not read)."""
    if value is None or excerpt is None or derived is not None or "derived" in unread:
        return None
    return number_is_stated(value, excerpt)


def check_observation(obs: Observation, metric: Metric | None, unread: Collection[str] = ()) -> list[str]:
    """Problems of an observation with its metric (None when unknown: reported elsewhere); of one
    that cannot be used, as :func:`check_target`."""
    if metric is None:
        return []
    if "done" not in unread and (metric.unit == DONE_UNIT) != (obs.done is not None):
        if obs.done is not None:
            return [messages.done_only_for_milestones(metric.id, metric.unit)]
        return [messages.milestone_needs_done(metric.id)]
    problems = []
    if obs.done is None and obs.unit is not None and conversion_factor(obs.unit, metric.unit) is None:
        problems.append(messages.unit_does_not_convert(obs.unit, metric.unit, metric.id))
    for value in (obs.value, obs.minimum, obs.maximum):
        if _states(value, obs.excerpt, obs.derived, unread) is False:
            assert value is not None
            problems.append(messages.unstated(number(value)))
    return problems
