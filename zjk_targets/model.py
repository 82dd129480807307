"""The domain: sources, metrics, targets, observations, and the verdicts reached on them."""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass, field
from decimal import Decimal


class Trust(enum.Enum):
    """How far a source is trusted; the order of the members is the order of trust."""

    OFFICIAL = "official"
    NEWS = "news"
    SECONDARY = "secondary"
    LOW = "low"

    @property
    def rank(self) -> int:
        """Higher is more trusted."""
        return len(Trust) - list(Trust).index(self)


class Direction(enum.Enum):
    """Which way is better for a measure."""

    HIGHER = "higher"
    LOWER = "lower"


class Comparator(enum.Enum):
    """How an outcome is held against a goal."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    ABOUT = "about"
    DONE = "done"

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]


_SYMBOLS = {
    Comparator.GE: "≥",
    Comparator.GT: ">",
    Comparator.LE: "≤",
    Comparator.LT: "<",
    Comparator.ABOUT: "≈",
    Comparator.DONE: "done",
}


class Reading(enum.StrEnum):
    """How an ``about`` (左右) goal is read: within its tolerance (the default), or strictly, met
    only when the outcome reaches the goal (≥ it where higher is better, ≤ where lower is)."""

    BAND = "band"
    STRICT = "strict"


class Status(enum.Enum):
    """A verdict. Unknown is an answer, not a failure."""

    MET = "met"
    MISSED = "missed"
    UNKNOWN = "unknown"


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only: not ２０２３


@dataclass(frozen=True, order=True)
class PartialDate:
    """A publication date known to the year, the month or the day.

    Ordering treats a missing month or day as the earliest possible one, so a source dated
    only "2021" never counts as more recent than one dated "2021-01-28".
    """

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        match = _DATE.fullmatch(text)
        if not match:
            return None
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if year < 1 or (match.group(2) and not 1 <= month <= 12):
            return None  # there was no year 0 (0000-01-01), nor a month 13
        if match.group(3) and not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None  # a day the month does not have: 2023-02-30
        return cls(year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


@dataclass(frozen=True)
class Where:
    """The file and line an item was read from."""

    path: str
    line: int


@dataclass(frozen=True)
class Source:
    """A document that states targets or outcomes."""

    id: str
    title: str
    publisher: str
    published: PartialDate
    trust: Trust
    file: str | None = None
    url: str | None = None
    note: str | None = None
    where: Where = field(default=Where("", 0), compare=False)


@dataclass(frozen=True)
class Metric:
    """What is measured, in which unit, and which way is better."""

    id: str
    zh: str
    en: str
    unit: str
    direction: Direction
    where: Where = field(default=Where("", 0), compare=False)


@dataclass(frozen=True)
class Target:
    """A goal the government set: a measure, a comparison, a value and a period."""

    id: str
    metric: str
    zh: str
    en: str
    category: str
    comparator: Comparator
    goal: Decimal | None
    unit: str | None
    year: int | None
    by: int | None
    source: str
    excerpt: str
    tolerance: Decimal | None = None
    derived: str | None = None
    note: str | None = None
    headline: bool = False
    """An item of its report's headline targets paragraph."""
    where: Where = field(default=Where("", 0), compare=False)

    @property
    def deadline_year(self) -> int:
        """The year whose figure decides: the target year or the deadline."""
        year = self.year if self.year is not None else self.by
        assert year is not None  # the loader guarantees exactly one of year / by
        return year

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Observation:
    """A reported outcome: the value of a measure for one year, as a source stated it."""

    id: str
    metric: str
    year: int
    unit: str
    source: str
    excerpt: str
    value: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    done: bool | None = None
    estimated: bool = False
    derived: str | None = None
    proxy: str | None = None
    year_basis: str | None = None
    note: str | None = None
    where: Where = field(default=Where("", 0), compare=False)

    @property
    def is_bound(self) -> bool:
        return self.value is None and self.done is None


@dataclass(frozen=True)
class About:
    """What the data is about, as its `dataset` section says: every export titles itself with it."""

    place: str
    place_zh: str | None = None
    title: str | None = None
    title_zh: str | None = None
    where: Where = field(default=Where("", 0), compare=False)


@dataclass(frozen=True)
class Dataset:
    """Everything loaded and cross-checked; the only input the evaluator accepts."""

    sources: dict[str, Source]
    metrics: dict[str, Metric]
    targets: tuple[Target, ...]
    observations: tuple[Observation, ...]
    about: About | None = None

    def target(self, target_id: str) -> Target | None:
        for target in self.targets:
            if target.id == target_id:
                return target
        return None
