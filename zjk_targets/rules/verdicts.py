"""The verdict rules: which observations decide a target, and how.

1. Only observations of the target's own metric, convertible to its unit and not flagged
   proxy, can decide. Other years and proxies are context.
2. A year with several figures: the most recent publication decides. An earlier figure that
   is not an estimate, comes from a more trusted source and disagrees makes the verdict
   unknown ("conflicting evidence"), as do decisive figures of the same date that disagree.
   A decided reason names each superseded figure of its year that differs from the deciding one,
   and why it was set aside.
3. A deadline target is decided by its deadline year; failing that it is met if a year
   from the report year up to the deadline already meets it; otherwise unknown.
   A figure after the deadline is context only.
4. A bound decides only when the whole interval lies on one side of the goal.
5. No decisive observation: unknown, with the nearest other figures as context.

An ``about`` (左右) goal is met within its tolerance (``Reading.BAND``, the default) or, read
strictly (``Reading.STRICT``), only when the outcome reaches the goal: strict is the band with no
tolerance, and the reason of a goal it compared says so.

Each rule is registered by name in :data:`RULES`, which both engines consult: the per-target engine
applies every rule there, and the columnar engine judges on arrays only when it states each of them
(columnar/judging.py), else target by target here.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..model import Comparator, Dataset, Direction, Metric, Observation, Reading, Source, Status, Target, Trust
from . import wording
from .projection import Projection, project
from .units import conversion_factor


class Role(enum.Enum):
    """What an observation did for a verdict."""

    DECISIVE = "decisive"
    CONFLICTING = "conflicting"
    SUPERSEDED = "superseded"
    CONTEXT = "context"


@dataclass(frozen=True)
class Evidence:
    """One observation as considered for one target."""

    observation: Observation
    source: Source
    role: Role
    outcome: Status | None
    """How this figure alone compares with the goal; None when it cannot say."""
    why: str
    """Why it has its role, e.g. "proxy: …", "other year", "superseded by a later publication"."""
    compared: str
    """The figure in the target's unit, as compared: "55.92 %", "6.7–7 %", "done"."""

    @property
    def decisive(self) -> bool:
        return self.role is Role.DECISIVE


@dataclass(frozen=True)
class Verdict:
    """The answer for one target, with the reason a person can check and all the evidence."""

    target: Target
    status: Status
    reason: str
    evidence: tuple[Evidence, ...]
    caveats: tuple[str, ...]
    projection: Projection | None = None
    """For an unknown deadline goal without a deadline-year figure: is it on track?"""

    @property
    def decisive(self) -> tuple[Evidence, ...]:
        return tuple(item for item in self.evidence if item.decisive)

    @property
    def headline(self) -> Evidence | None:
        """The figure to show beside the goal: the decisive one, else the nearest context."""
        if self.decisive:
            return self.decisive[0]
        nearest = _nearest(self.evidence, self.target.deadline_year)
        return nearest[0] if nearest else None


@dataclass(frozen=True)
class VerdictRule:
    number: int
    """Its number in this module's list; a rule added after the five has none (0)."""
    amend: Callable[[Verdict, Dataset], Verdict] | None = None
    """For a rule added after the five: how it amends the verdict the rules before it gave. The five
    are stated by :func:`evaluate_target` itself."""


RULES: dict[str, VerdictRule] = {
    "own-metric-decides": VerdictRule(1),
    "latest-publication-decides": VerdictRule(2),
    "deadline-year-decides": VerdictRule(3),
    "bound-wholly-on-one-side": VerdictRule(4),
    "unknown-without-a-figure": VerdictRule(5),
}
"""Every verdict rule, by name, in the order they apply."""


def meets(
    value: Decimal | None,
    comparator: Comparator,
    goal: Decimal,
    tolerance: Decimal | None,
    higher: bool,
    open_low: bool,
) -> bool:
    """Whether ``value`` (in the goal's unit) meets the goal; None is −∞ (open_low) or +∞.

    ``higher``: whether higher is better for the metric (what ``about`` leans on).
    """
    if value is None:
        higher_wins = comparator in (Comparator.GE, Comparator.GT) or (comparator is Comparator.ABOUT and higher)
        return (not open_low) == higher_wins
    slack = tolerance or Decimal(0)
    match comparator:
        case Comparator.GE:
            return value >= goal
        case Comparator.GT:
            return value > goal
        case Comparator.LE:
            return value <= goal
        case Comparator.LT:
            return value < goal
        case Comparator.ABOUT if higher:
            return value >= goal - slack
        case Comparator.ABOUT:
            return value <= goal + slack
    raise AssertionError(comparator)  # pragma: no cover


def judge(
    low: Decimal | None,
    high: Decimal | None,
    comparator: Comparator,
    goal: Decimal,
    tolerance: Decimal | None,
    higher: bool,
) -> Status | None:
    """Rule 4: a figure from ``low`` to ``high`` (None: unbounded) meets or misses the goal, or straddles it (None)."""
    at_low = meets(low, comparator, goal, tolerance, higher, open_low=True)
    at_high = meets(high, comparator, goal, tolerance, higher, open_low=False)
    if at_low and at_high:
        return Status.MET
    return Status.MISSED if not at_low and not at_high else None


@dataclass
class _YearResult:
    status: Status | None
    decisive: list[Observation]
    conflicting: list[Observation]
    superseded: list[Observation]
    problem: str | None = None


class _Judge:
    """Compares observations of one metric with one target."""

    def __init__(self, dataset: Dataset, target: Target, metric: Metric, reading: Reading = Reading.BAND) -> None:
        self.dataset = dataset
        self.target = target
        self.metric = metric
        self.higher = metric.direction is Direction.HIGHER
        self.strictly = reading is Reading.STRICT and target.comparator is Comparator.ABOUT
        """Whether the strict reading compares this goal (an about goal read strictly)."""
        self.tolerance = None if self.strictly else target.tolerance

    def factor(self, obs: Observation) -> Decimal:
        if self.target.unit is None:
            return Decimal(1)
        factor = conversion_factor(obs.unit, self.target.unit)
        return factor if factor is not None else Decimal(1)

    def compared(self, obs: Observation) -> str:
        return wording.observed(obs, self.factor(obs), self.target.unit)

    def outcome(self, obs: Observation) -> Status | None:
        if self.target.comparator is Comparator.DONE:
            return Status.MET if obs.done else Status.MISSED
        factor = self.factor(obs)
        low, high = (obs.value, obs.value) if obs.value is not None else (obs.minimum, obs.maximum)
        target = self.target
        assert target.goal is not None
        return judge(
            low * factor if low is not None else None,
            high * factor if high is not None else None,
            target.comparator,
            target.goal,
            self.tolerance,
            self.higher,
        )

    def source(self, obs: Observation) -> Source:
        return self.dataset.sources[obs.source]

    def resolve(self, candidates: list[Observation]) -> _YearResult | None:
        """Rule 2 for the decision-capable figures of one year."""
        if not candidates:
            return None
        latest = max(self.source(obs).published for obs in candidates)
        decisive = [obs for obs in candidates if self.source(obs).published == latest]
        earlier = [obs for obs in candidates if self.source(obs).published != latest]
        decided = {self.outcome(obs) for obs in decisive} - {None}
        if len(decided) > 1:
            return _YearResult(None, [], decisive, earlier, wording.CONFLICTING)
        if not decided:
            return _YearResult(None, [], [], earlier + decisive, wording.STRADDLES)
        status = decided.pop()
        # A same-date range that straddles the goal says nothing; the figure that decided speaks.
        undecided = [obs for obs in decisive if self.outcome(obs) is None]
        decisive = [obs for obs in decisive if obs not in undecided]
        earlier += undecided
        top_trust = max(self.source(obs).trust.rank for obs in decisive)
        disagreeing = [
            obs
            for obs in earlier
            if not obs.estimated and self.source(obs).trust.rank > top_trust and self.outcome(obs) not in (None, status)
        ]
        if disagreeing:
            superseded = [obs for obs in earlier if obs not in disagreeing]
            return _YearResult(None, [], decisive + disagreeing, superseded, wording.CONFLICTING)
        return _YearResult(status, decisive, [], earlier)


def _nearest(evidence: Iterable[Evidence], year: int) -> list[Evidence]:
    """The context figures closest in year; the target's own measure before proxies."""
    context = [item for item in evidence if item.role is Role.CONTEXT]
    pool = [item for item in context if item.observation.proxy is None] or context
    if not pool:
        return []
    best = min(abs(item.observation.year - year) for item in pool)
    return [item for item in pool if abs(item.observation.year - year) == best]


def _cite(judge: _Judge, obs: Observation) -> str:
    return wording.cite(obs.year, judge.compared(obs), wording.source_label(judge.source(obs)), obs.proxy is not None)


def _comparison(judge: _Judge, obs: Observation, status: Status) -> str:
    target = judge.target
    amount = wording.quantity(target.goal, target.unit) if target.goal is not None and target.unit else ""
    label = wording.source_label(judge.source(obs))
    met = status is Status.MET
    if judge.strictly:
        assert target.goal is not None
        symbol = wording.about_strictly(judge.higher)
        goal = wording.goal_text(symbol, wording.number(target.goal), target.unit, None)
        return wording.comparison(
            obs.year, judge.compared(obs), label, met, symbol, amount, goal, obs.is_bound, strictly=True
        )
    symbol = target.comparator.symbol
    worded = target.comparator is Comparator.ABOUT or obs.is_bound
    higher = judge.higher if target.comparator is Comparator.ABOUT else None
    return wording.comparison(
        obs.year, judge.compared(obs), label, met, symbol, amount, wording.goal(target), worded, higher
    )


def _set_aside(judge: _Judge, result: _YearResult, roles: dict[str, tuple[Role, str]]) -> list[str]:
    """Each superseded figure of the deciding year that differs from the deciding figure, worded with why
    it was set aside (in the order of the evidence: publication, id)."""
    shown = judge.compared(result.decisive[0])
    notes = []
    for obs in result.superseded:
        compared = judge.compared(obs)
        if compared != shown:
            source = judge.source(obs)
            notes.append(wording.set_aside(source.publisher, str(source.published), compared, roles[obs.id][1]))
    return notes


def _caveats(judge: _Judge, observations: Iterable[Observation]) -> tuple[str, ...]:
    def low_trust(obs: Observation) -> str | None:
        source = judge.source(obs)
        return source.publisher if source.trust is Trust.LOW else None

    return wording.caveats((obs.derived, obs.estimated, low_trust(obs)) for obs in observations)


def evaluate_target(
    dataset: Dataset, target: Target, observations: Iterable[Observation], reading: Reading = Reading.BAND
) -> Verdict:
    """Apply the rules to one target, given the observations of its metric, its about goal read by ``reading``."""
    judge = _Judge(dataset, target, dataset.metrics[target.metric], reading)
    observations, by_year = _by_year(judge, observations)

    year = target.deadline_year
    result = judge.resolve(by_year.get(year, []))
    met_early_year: int | None = None
    if target.by is not None and result is None:
        set_year = dataset.sources[target.source].published.year
        for earlier_year in range(year - 1, set_year - 1, -1):
            early = judge.resolve(by_year.get(earlier_year, []))
            if early is not None and early.status is Status.MET:
                result, met_early_year = early, earlier_year
                break

    roles: dict[str, tuple[Role, str]] = {}
    if result is not None:
        for obs in result.decisive:
            roles[obs.id] = (Role.DECISIVE, wording.DECIDES)
        for obs in result.conflicting:
            roles[obs.id] = (Role.CONFLICTING, wording.DISAGREES)
        for obs in result.superseded:
            roles[obs.id] = (Role.SUPERSEDED, wording.superseded(obs.estimated, judge.outcome(obs) is None))

    def context_reason(obs: Observation) -> str:
        if obs.proxy is not None:
            return wording.proxy(obs.proxy)
        if target.by is not None and obs.year > target.by:
            return wording.AFTER_DEADLINE
        return wording.OTHER_YEAR

    evidence = tuple(
        Evidence(
            observation=obs,
            source=judge.source(obs),
            role=roles.get(obs.id, (Role.CONTEXT, ""))[0],
            outcome=judge.outcome(obs) if obs.proxy is None else None,
            why=roles[obs.id][1] if obs.id in roles else context_reason(obs),
            compared=judge.compared(obs),
        )
        for obs in observations
    )

    if result is not None and result.status is not None:
        reason = _comparison(judge, result.decisive[0], result.status)
        if met_early_year is not None:
            reason = wording.met_early(year, reason)
        caveats = _caveats(judge, result.decisive)
        reason = wording.with_caveats(reason, caveats)
        reason = wording.with_set_aside(reason, _set_aside(judge, result, roles))
        status = result.status
    elif result is not None:
        assert result.problem is not None
        cited = (_cite(judge, obs) for obs in result.conflicting or result.superseded)
        reason = wording.unresolved(result.problem, cited, judge.strictly)
        caveats, status = (), Status.UNKNOWN
    else:
        set_year = dataset.sources[target.source].published.year if target.by is not None else None
        nearest = (_cite(judge, item.observation) for item in _nearest(evidence, year))
        reason = wording.no_figure(year, set_year, nearest)
        caveats, status = (), Status.UNKNOWN
    projection = _projection(dataset, judge, by_year) if result is None and target.by is not None else None
    if projection is not None:
        reason = wording.with_projection(reason, projection.describe())
    verdict = Verdict(target, status, reason, evidence, caveats, projection)
    for rule in RULES.values():
        if rule.amend is not None:
            verdict = rule.amend(verdict, dataset)
    return verdict


def _by_year(
    judge: _Judge, observations: Iterable[Observation]
) -> tuple[list[Observation], dict[int, list[Observation]]]:
    """The observations in order (year, publication, id), and rule 1: those that can decide, by year."""
    ordered = sorted(observations, key=lambda o: (o.year, judge.source(o).published, o.id))
    by_year: dict[int, list[Observation]] = defaultdict(list)
    for obs in ordered:
        if obs.proxy is None and conversion_factor(obs.unit, judge.metric.unit) is not None:
            by_year[obs.year].append(obs)
    return ordered, by_year


def projection_of(
    dataset: Dataset, target: Target, observations: Iterable[Observation], reading: Reading = Reading.BAND
) -> Projection | None:
    """The projection of a deadline target that no figure decides, as its verdict states it."""
    judge = _Judge(dataset, target, dataset.metrics[target.metric], reading)
    return _projection(dataset, judge, _by_year(judge, observations)[1])


def _projection(dataset: Dataset, judge: _Judge, by_year: dict[int, list[Observation]]) -> Projection | None:
    """The deciding single value of each year of the window, projected to the deadline."""
    target = judge.target
    if target.comparator is Comparator.DONE or target.by is None:
        return None
    assert target.goal is not None and target.unit is not None
    reviewed = dataset.sources[target.source].published.year - 1
    figures = {}
    for year in range(reviewed, target.by):
        result = judge.resolve(by_year.get(year, []))
        if result is not None and result.decisive and result.decisive[0].value is not None:
            obs = result.decisive[0]
            assert obs.value is not None
            figures[year] = obs.value * judge.factor(obs)
    higher = judge.higher
    goal, tolerance = target.goal, judge.tolerance
    return project(
        figures,
        goal,
        target.by,
        target.unit,
        lambda value: meets(value, target.comparator, goal, tolerance, higher, True),
    )


def evaluate(
    dataset: Dataset, only: Collection[str] | None = None, reading: Reading = Reading.BAND
) -> tuple[Verdict, ...]:
    """Every target's verdict (or only those of the ids in ``only``), in target id order, each about
    (左右) goal read by ``reading``."""
    targets = [t for t in dataset.targets if only is None or t.id in only]
    metrics = {target.metric for target in targets}
    by_metric: dict[str, list[Observation]] = defaultdict(list)
    for obs in dataset.observations:
        if obs.metric in metrics:
            by_metric[obs.metric].append(obs)
    return tuple(
        evaluate_target(dataset, target, by_metric.get(target.metric, []), reading)
        for target in sorted(targets, key=lambda t: t.id)
    )


def summarise(verdicts: Iterable[Verdict]) -> dict[str, int]:
    """Counts per status (every status present, zero included) and the total."""
    counts = {status.value: 0 for status in Status}
    for verdict in verdicts:
        counts[verdict.status.value] += 1
    counts["total"] = sum(counts.values())
    return counts
