"""The verdict rules of :mod:`zjk_targets.rules.verdicts`, on whole columns at once.

The per-target engine judges one target at a time. Here every decision is an array operation over
all targets together (the array form of rules 1–5; the oracle test holds it to the rule book):

- observations are sorted once by (metric, year, publication date, id), so the figures of one
  metric and year (a *group*) are a contiguous slice, found for any (metric, year) by a binary
  search on the group keys ``metric * 10000 + year``;
- targets are joined with the groups of their deadline year (and, for deadline targets with no
  figure for that year, with every group from the report year up to the deadline): one row per
  (target, observation) *pair*;
- each pair's outcome is computed on floats, and by the rule book in Decimals where a float
  comparison is too close to call;
- rule 2 (the most recent publication decides; same-date and more-trusted disagreements are
  conflicts) is a handful of group-wise counts and maxima over the pairs;
- the nearest context figures (rule 5) come from the same binary search.

Each reason is then worded per target by the rule book's wording, from the figures those steps picked.
"""

from __future__ import annotations

import enum
import string
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import numpy as np
import pandas as pd

from ..model import Comparator, Reading, Status, Trust
from ..rules import wording
from ..rules.projection import project
from ..rules.schema import CHOICES
from ..rules.units import conversion_factor, split_unit
from ..rules.verdicts import judge, meets
from .tables import Tables, filled, objects


class Outcome(enum.IntEnum):
    """How one figure compares with a goal (MISSED and MET are 0 and 1: each is 1 minus the other)."""

    MISSED = 0
    MET = 1
    UNDECIDED = 2


_OUTCOME = {Status.MISSED: Outcome.MISSED, Status.MET: Outcome.MET, None: Outcome.UNDECIDED}
_STATUS = objects([Status.MISSED, Status.MET, Status.UNKNOWN])  # indexed by Outcome


class Resolution(enum.IntEnum):
    """How the figures of a (target, year) group resolved under rule 2, or that there were none."""

    DECIDED = 0
    SAME_DATE_CONFLICT = 1
    STRADDLES = 2
    TRUSTED_CONFLICT = 3
    NO_FIGURE = 4


_YEARS = 10_000  # group key = metric code * _YEARS + year; every year is below it
_CLOSE = 1e-9  # relative gap under which a float comparison is redone exactly
_RANK = {trust.value: trust.rank for trust in Trust}
_SLICE = 1 << 12  # targets whose reasons are worded together (a megabyte or so of citations)
_KEY = "\x1f"  # joins the texts of a compound key (no number or unit holds it)


@dataclass
class Verdicts:
    """One verdict per row of ``tables.targets`` (same order), as columns."""

    status: np.ndarray
    """Status members."""
    reason: np.ndarray
    actual: np.ndarray
    """The headline figure, as the target's unit says it ("" when there is none)."""
    actual_year: np.ndarray
    decides: np.ndarray
    """Whether the headline figure is the one that decided."""


@lru_cache(maxsize=4096)
def _exponent(unit: str) -> int:
    return split_unit(unit)[0].adjusted()


@lru_cache(maxsize=4096)
def _factor(from_unit: str, to_unit: str) -> Decimal:
    """The factor to the target's unit; 1 when there is none (a milestone), as the per-target engine has it."""
    factor = conversion_factor(from_unit, to_unit) if to_unit else None
    return factor if factor is not None else Decimal(1)


@lru_cache(maxsize=1 << 16)
def _shown(raw: str, from_unit: str, to_unit: str) -> str | None:
    """A number's text in the target's unit, as wording.number writes it (None for no number)."""
    return wording.number(Decimal(raw) * _factor(from_unit, to_unit)) if raw else None


@lru_cache(maxsize=1 << 16)
def _value_figure(raw: str, from_unit: str, to_unit: str) -> str:
    """wording.figure of a value in the target's unit ("" for none: the observation's own)."""
    return wording.figure(None, _shown(raw, from_unit, to_unit), None, None, to_unit or from_unit)


def _floats(raws: np.ndarray) -> np.ndarray:
    out = np.full(len(raws), np.nan)
    given = raws != ""
    if given.any():
        out[given] = raws[given].astype(float)
    return out


class _Observations:
    """The observations as arrays, in table order, with ``order``: the order of (metric, year, date, id)."""

    def labels(self, figures: np.ndarray) -> np.ndarray:
        """wording.label of the source of each figure (each source worded once)."""
        codes, used = pd.factorize(self.source[figures])
        chosen = self.sources.iloc[used]
        rows = zip(chosen["trust"], chosen["publisher"], chosen["published"], strict=True)
        return objects(wording.label(trust, publisher, str(date)) for trust, publisher, date in rows)[codes]

    def publications(self, figures: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The publisher and the publication date (as wording.label writes it) of the source of each figure."""
        codes, used = pd.factorize(self.source[figures])
        chosen = self.sources.iloc[used]
        published = objects(str(date) for date in chosen["published"])
        return chosen["publisher"].to_numpy(dtype=object)[codes], published[codes]

    def exponents(self, figures: np.ndarray) -> np.ndarray:
        """The exponent of the unit of each figure (each unit asked of the rule book once)."""
        codes, units = pd.factorize(self.unit[figures])
        return np.array([_exponent(unit) for unit in units], dtype=np.int64)[codes]

    def __init__(self, tables: Tables) -> None:
        table, sources = tables.observations, tables.sources
        self.source = table["source_at"].to_numpy(dtype=np.int64)
        published = sources["published"].to_numpy()
        dates = np.array([d.year * 10_000 + d.month * 100 + d.day for d in published], dtype=np.int64)
        self.pub = dates[self.source]
        self.metric = table["metric_at"].to_numpy(dtype=np.int64)
        self.year = table["year"].to_numpy(dtype=np.int64)
        self.id = table["id"].to_numpy(dtype=object)
        self.order = _sorted(self.metric, self.year, self.pub, self.id)
        self.key = self.metric.astype(np.int64) * _YEARS + self.year
        self.trust = sources["trust"].map(_RANK).to_numpy(dtype=np.int64)[self.source]
        self.unit = table["unit"].to_numpy(dtype=object)
        self.value = table["value"].to_numpy(dtype=object)
        self.min = table["min"].to_numpy(dtype=object)
        self.max = table["max"].to_numpy(dtype=object)
        self.has_value = self.value != ""
        self.done = table["done"].to_numpy().astype(np.int8)
        self.estimated = table["estimated"].to_numpy().astype(bool)
        self.derived = table["derived"].to_numpy(dtype=object)
        self.is_proxy = table["proxy"].to_numpy(dtype=object) != ""
        self.sources = sources
        low = (sources["trust"] == Trust.LOW.value).to_numpy()
        self.low_trust_publisher = np.where(low, sources["publisher"].to_numpy(dtype=object), None)[self.source]


def _sorted(metric: np.ndarray, year: np.ndarray, pub: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Order by (metric, year, pub, id): one int64 key for the numbers, ids compared only where it ties."""
    key = (metric.astype(np.int64) * _YEARS + year) * 100_000_000 + pub  # pub is YYYYMMDD
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    tied = ordered[1:] == ordered[:-1]
    if not tied.any():
        return order
    involved = np.zeros(len(order), dtype=bool)
    involved[:-1] |= tied
    involved[1:] |= tied
    # The tied rows keep their places in ``order``, re-sorted by (key, id): usually they already are.
    subset = order[involved]
    same = key[subset[1:]] == key[subset[:-1]]
    if (ids[subset[1:]][same] < ids[subset[:-1]][same]).any():
        # Ids as fixed-width text: numpy compares those itself, not object by object in Python.
        order[involved] = subset[np.lexsort((ids[subset].astype(str), key[subset]))]
    return order


def _spread(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The indices ``starts[i], starts[i] + 1, …`` (``sizes[i]`` of them) of each i, one run after the other."""
    return np.repeat(starts, sizes) + (np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes))


class _Groups:
    """Contiguous runs of equal key in a sorted key array: the figures of one (metric, year)."""

    def __init__(self, keys: np.ndarray, positions: np.ndarray) -> None:
        self.positions = positions  # into the observation arrays, in sorted order
        self.keys, self.start = np.unique(keys, return_index=True)
        self.stop = np.append(self.start[1:], len(keys)).astype(np.int64)[: len(self.start)]

    def find(self, keys: np.ndarray) -> np.ndarray:
        """Group index of each key, -1 when there is none."""
        at = np.searchsorted(self.keys, keys)
        found = at < len(self.keys)
        found[found] = self.keys[at[found]] == keys[found]
        return np.where(found, at, -1)

    def nearest(self, metric: np.ndarray, year: np.ndarray, skip_own: bool) -> tuple[np.ndarray, np.ndarray]:
        """Groups (below, above; -1 if none) of the same metric at the least year distance."""
        key = metric.astype(np.int64) * _YEARS + year
        count = len(self.keys)
        left = np.searchsorted(self.keys, key, side="left")
        right = np.searchsorted(self.keys, key, side="right")
        own = right > left
        below = left - 1
        above = right.copy()
        if not skip_own:
            # The group of the year itself (distance 0) is the nearest.
            below = np.where(own, left, below)
        has_below = below >= 0
        has_below[has_below] = self.keys[below[has_below]] // _YEARS == metric[has_below]
        has_above = above < count
        has_above[has_above] = self.keys[above[has_above]] // _YEARS == metric[has_above]
        if not skip_own:
            has_above &= ~own
        gap_below = np.where(has_below, year - self.keys[np.clip(below, 0, None)] % _YEARS if count else 0, np.inf)
        gap_above = np.where(has_above, self.keys[np.clip(above, 0, count - 1)] % _YEARS - year if count else 0, np.inf)
        best = np.minimum(gap_below, gap_above)
        below = np.where(has_below & (gap_below == best), below, -1)
        above = np.where(has_above & (gap_above == best), above, -1)
        return below, above


def _nearest_figures(
    engine: _Engine, from_proxies: np.ndarray, below: np.ndarray, above: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The figures of each target's nearest groups, those below then those above (proxies' groups
    where ``from_proxies``), one target after the other; returns (figures, how many each target has)."""
    candidates, proxies = engine.candidates, engine.proxies
    positions = np.concatenate([candidates.positions, proxies.positions])
    starts = np.zeros((len(below), 2), dtype=np.int64)
    sizes = np.zeros((len(below), 2), dtype=np.int64)
    for side, group in enumerate((below, above)):
        for groups, offset, rows in (
            (candidates, 0, ~from_proxies),
            (proxies, len(candidates.positions), from_proxies),
        ):
            rows = np.flatnonzero(rows & (group >= 0))
            starts[rows, side] = groups.start[group[rows]] + offset
            sizes[rows, side] = groups.stop[group[rows]] - groups.start[group[rows]]
    return positions[_spread(starts.ravel(), sizes.ravel())], sizes.sum(axis=1)


class _Targets:
    """The targets as arrays, in table order, with what rule 1 and the goal comparison need."""

    def __init__(self, tables: Tables, reading: Reading) -> None:
        frame, metrics, sources = tables.targets, tables.metrics, tables.sources
        self.id = frame["id"].to_numpy(dtype=object)
        self.metric = frame["metric_at"].to_numpy(dtype=np.int64)
        self.comparator = frame["comparator"].to_numpy(dtype=object)
        self.is_done = self.comparator == Comparator.DONE.value
        self.unit = frame["unit"].to_numpy(dtype=object)
        self.exponent = np.array([_exponent(unit) if unit else 0 for unit in self.unit], dtype=np.int64)
        self.goal = frame["goal"].to_numpy(dtype=object)
        self.tolerance = frame["tolerance"].to_numpy(dtype=object)
        about = self.comparator == Comparator.ABOUT.value
        # Read strictly, an about goal is the band with no tolerance (verdicts.evaluate's reading).
        self.strictly = about & (reading is Reading.STRICT)
        year, by = frame["year"].to_numpy(dtype=np.int64), frame["by"].to_numpy(dtype=np.int64)
        self.is_by = by > 0
        self.deadline = np.where(self.is_by, by, year)
        source_at = frame["source_at"].to_numpy(dtype=np.int64)
        self.set_year = np.array([date.year for date in sources["published"]], dtype=np.int64)[source_at]
        higher = (metrics["direction"] == "higher").to_numpy()[self.metric]
        # verdicts.meets as: value ≥ threshold (higher wins) or value ≤ threshold, strict for > and <.
        ge, gt, le, lt = (c.value for c in (Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT))
        self.higher_wins = np.isin(self.comparator, [ge, gt]) | (about & higher)
        self.strict = np.isin(self.comparator, [gt, lt])
        goal, tolerance = _floats(self.goal), np.where(self.strictly, 0.0, np.nan_to_num(_floats(self.tolerance)))
        self.threshold = np.where(about, np.where(higher, goal - tolerance, goal + tolerance), goal)
        self.higher = higher


def _meets(values: np.ndarray, threshold: np.ndarray, higher_wins: np.ndarray, strict: np.ndarray, open_low: bool):
    """verdicts.meets on floats: (meets, too close to call). A missing value is −∞ (open_low) or +∞."""
    missing = np.isnan(values)
    with np.errstate(invalid="ignore", over="ignore"):
        above = (values > threshold) | ((values == threshold) & ~strict)
        below = (values < threshold) | ((values == threshold) & ~strict)
        gap = np.abs(values - threshold)
        close = ~(gap > _CLOSE * np.maximum(np.abs(values), np.abs(threshold)))
        close |= ~np.isfinite(values) | ~np.isfinite(threshold)
    meets = np.where(higher_wins, above, below)
    meets = np.where(missing, higher_wins != open_low, meets)
    return meets, close & ~missing


class _Engine:
    """The observations grouped by (metric, year), the targets, and rule 2 over any (target, group) pairs."""

    def __init__(self, tables: Tables, reading: Reading) -> None:
        self.obs = _Observations(tables)
        self.targets = _Targets(tables, reading)
        # Rule 1: proxies never decide (every unit converts: the loader made sure).
        order = self.obs.order
        proxy = self.obs.is_proxy[order]
        candidates, proxies = order[~proxy], order[proxy]
        self.candidates = _Groups(self.obs.key[candidates], candidates)
        self.proxies = _Groups(self.obs.key[proxies], proxies)

    # -- outcomes of (target, observation) pairs -------------------------------------------

    def outcomes(self, t: np.ndarray, o: np.ndarray) -> np.ndarray:
        """The outcome of each (target, observation) pair; UNDECIDED for a range that straddles the goal."""
        targets, obs = self.targets, self.obs
        factor = 10.0 ** (obs.exponents(o) - targets.exponent[t]).astype(float)
        threshold, higher_wins, strict = targets.threshold[t], targets.higher_wins[t], targets.strict[t]
        # Floats of the figures these pairs compare only: most observations meet no target's deadline.
        has_value = obs.has_value[o]
        value = _floats(obs.value[o])
        low = np.where(has_value, value, _floats(obs.min[o]))
        high = np.where(has_value, value, _floats(obs.max[o]))
        at_low, close_low = _meets(low * factor, threshold, higher_wins, strict, open_low=True)
        at_high, close_high = _meets(high * factor, threshold, higher_wins, strict, open_low=False)
        result = np.where(
            at_low & at_high, Outcome.MET, np.where(~at_low & ~at_high, Outcome.MISSED, Outcome.UNDECIDED)
        ).astype(np.int8)
        done = targets.is_done[t]
        result[done] = np.where(obs.done[o[done]] == 1, Outcome.MET, Outcome.MISSED)
        redo = np.flatnonzero((close_low | close_high) & ~done)
        if redo.size:
            result[redo] = [self._exact(int(t[i]), int(o[i])) for i in redo]
        return result

    def _exact(self, t: int, o: int) -> int:
        """The rule book's comparison in Decimals, for the pairs floats cannot settle."""
        targets, obs = self.targets, self.obs
        factor = _factor(obs.unit[o], targets.unit[t])

        def value(raw: str) -> Decimal | None:
            return Decimal(raw) * factor if raw else None

        low, high = (obs.value[o], obs.value[o]) if obs.has_value[o] else (obs.min[o], obs.max[o])
        tolerance = Decimal(targets.tolerance[t]) if targets.tolerance[t] and not targets.strictly[t] else None
        comparator = CHOICES["comparator"][targets.comparator[t]]
        status = judge(value(low), value(high), comparator, Decimal(targets.goal[t]), tolerance, targets.higher[t])
        return _OUTCOME[status]

    # -- rule 2 over (target, group) entries ----------------------------------------------

    def resolve(self, entry_target: np.ndarray, group: np.ndarray) -> _Resolution:
        groups = self.candidates
        start, stop = groups.start[group], groups.stop[group]
        sizes = stop - start
        entries = len(entry_target)
        pair_entry = np.repeat(np.arange(entries), sizes)
        pair_obs = groups.positions[_spread(start, sizes)]
        pair_target = entry_target[pair_entry]
        outcome = self.outcomes(pair_target, pair_obs)
        latest_pub = self.obs.pub[groups.positions[stop - 1]]
        latest = self.obs.pub[pair_obs] == latest_pub[pair_entry]

        met = np.bincount(pair_entry[latest & (outcome == Outcome.MET)], minlength=entries)
        missed = np.bincount(pair_entry[latest & (outcome == Outcome.MISSED)], minlength=entries)
        kind = np.full(entries, Resolution.DECIDED, dtype=np.int8)
        kind[(met > 0) & (missed > 0)] = Resolution.SAME_DATE_CONFLICT
        kind[(met == 0) & (missed == 0)] = Resolution.STRADDLES
        status = np.where(met > 0, Outcome.MET, Outcome.MISSED).astype(np.int8)
        decided = kind[pair_entry] == Resolution.DECIDED
        decisive = decided & latest & (outcome == status[pair_entry])
        # The most trusted of the figures that decide; an earlier figure more trusted than that,
        # not an estimate, that disagrees makes a conflict.
        top = np.full(entries, -1, dtype=np.int64)
        np.maximum.at(top, pair_entry[decisive], self.obs.trust[pair_obs[decisive]])
        disagrees = (
            decided
            & ~latest
            & ~self.obs.estimated[pair_obs]
            & (outcome == 1 - status[pair_entry])  # the other of MET and MISSED
            & (self.obs.trust[pair_obs] > top[pair_entry])
        )
        kind[np.bincount(pair_entry[disagrees], minlength=entries) > 0] = Resolution.TRUSTED_CONFLICT
        status[kind != Resolution.DECIDED] = Outcome.UNDECIDED
        # The figures a reason cites, in the reference's order.
        shown = kind[pair_entry]
        cited = np.select(
            [shown == Resolution.DECIDED, shown == Resolution.SAME_DATE_CONFLICT, shown == Resolution.STRADDLES],
            [decisive, latest, np.ones_like(latest)],
            default=decisive | disagrees,
        )
        # For a trusted conflict the decisive figures come first, then the earlier ones.
        rank = np.where(decisive, 0, 1)
        aside = self._set_aside(pair_entry, pair_obs, decided & ~decisive, decisive, entries)
        straddles = outcome == Outcome.UNDECIDED
        return _Resolution(entry_target, group, kind, status, pair_entry, pair_obs, cited, rank, aside, straddles)

    def _set_aside(
        self, pair_entry: np.ndarray, pair_obs: np.ndarray, superseded: np.ndarray, decisive: np.ndarray, entries: int
    ) -> np.ndarray:
        """The superseded pairs of decided entries whose figure may differ from the one their reason
        cites (the first decisive pair): any of its numbers, state or unit written otherwise. The
        wording compares their texts; a figure written alike is never one of these."""
        obs = self.obs
        at = np.flatnonzero(decisive)
        entry, first = np.unique(pair_entry[at], return_index=True)
        shown = np.zeros(entries, dtype=np.int64)
        shown[entry] = pair_obs[at[first]]
        rows = np.flatnonzero(superseded)
        o, d = pair_obs[rows], shown[pair_entry[rows]]
        differs = obs.done[o] != obs.done[d]
        for column in (obs.value, obs.min, obs.max, obs.unit):
            differs |= column[o] != column[d]
        aside = np.zeros(len(pair_entry), dtype=bool)
        aside[rows[differs]] = True
        return aside


@dataclass
class _Resolution:
    target: np.ndarray
    group: np.ndarray
    kind: np.ndarray
    status: np.ndarray
    pair_entry: np.ndarray
    pair_obs: np.ndarray
    cited: np.ndarray
    rank: np.ndarray
    aside: np.ndarray
    """Pairs whose figure a decided reason may name as set aside."""
    straddles: np.ndarray
    """Pairs whose figure's range straddles the goal."""

    def set_aside_figures(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(figures, straddles, start, stop): each entry's figures that may be set aside, in evidence order."""
        keep = np.flatnonzero(self.aside)  # pairs run entry by entry, each in (publication, id) order
        entry = self.pair_entry[keep]
        entries = np.arange(len(self.target))
        start = np.searchsorted(entry, entries, side="left")
        stop = np.searchsorted(entry, entries, side="right")
        return self.pair_obs[keep], self.straddles[keep], start, stop

    def cited_figures(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(figures, start, stop): the observations each entry's reason cites are figures[start:stop], in order."""
        keep = np.flatnonzero(self.cited)
        entry = self.pair_entry[keep]
        order = np.lexsort((keep, self.rank[keep], entry))
        entry = entry[order]
        entries = np.arange(len(self.target))
        start = np.searchsorted(entry, entries, side="left")
        stop = np.searchsorted(entry, entries, side="right")
        return self.pair_obs[keep][order], start, stop


class _Words:
    """Each reason worded by the rule book, from the array position of its target and the numbers of
    its figures."""

    def __init__(self, engine: _Engine, figures: np.ndarray) -> None:
        """``figures``: the observations the reasons cite, in the order of the numbers that stand
        for them here (the others are not made into lists)."""
        targets, obs = engine.targets, engine.obs
        # Python lists: indexing one is several times faster than indexing a numpy array.
        self.unit = targets.unit.tolist()
        self.symbol = [CHOICES["comparator"][c].symbol for c in targets.comparator]
        self.about = (targets.comparator == Comparator.ABOUT.value).tolist()
        self.strictly = targets.strictly.tolist()
        self.higher = targets.higher.tolist()
        self.strict_symbol = [wording.about_strictly(higher) for higher in self.higher]
        self.goal_raw, self.tolerance = targets.goal.tolist(), targets.tolerance.tolist()
        self.deadline = targets.deadline.tolist()
        f = figures
        self.year, self.label, self.proxy = obs.year[f].tolist(), obs.labels(f).tolist(), obs.is_proxy[f].tolist()
        self.obs_unit, self.done = obs.unit[f].tolist(), obs.done[f].tolist()
        self.value, self.min, self.max = obs.value[f].tolist(), obs.min[f].tolist(), obs.max[f].tolist()
        self.derived, self.estimated = obs.derived[f].tolist(), obs.estimated[f].tolist()
        self.low_trust = obs.low_trust_publisher[f].tolist()

    def goal(self, t: int) -> str:
        """wording.goal of target ``t``."""
        tolerance = _shown(self.tolerance[t], "", "") if self.about[t] else None
        return wording.goal_text(self.symbol[t], _shown(self.goal_raw[t], "", ""), self.unit[t] or None, tolerance)

    def compared(self, t: int, o: int) -> str:
        """wording.observed of observation ``o`` in the unit of target ``t``."""
        if self.value[o]:
            return _value_figure(self.value[o], self.obs_unit[o], self.unit[t])
        if self.done[o] >= 0:
            return wording.figure(bool(self.done[o]), None, None, None, "")
        unit, to_unit = self.obs_unit[o], self.unit[t]
        low, high = _shown(self.min[o], unit, to_unit), _shown(self.max[o], unit, to_unit)
        return wording.figure(None, None, low, high, to_unit or unit)

    def cites(self, t: int, figures: list[int]) -> list[str]:
        """wording.cite of each of ``figures`` in the unit of target ``t``."""
        year, label, proxy, value, unit, to_unit = (
            self.year,
            self.label,
            self.proxy,
            self.value,
            self.obs_unit,
            self.unit[t],
        )
        return [
            wording.cite(
                year[o],
                _value_figure(value[o], unit[o], to_unit) if value[o] else self.compared(t, o),
                label[o],
                proxy[o],
            )
            for o in figures
        ]

    def decided(self, t: int, figures: list[int], met: bool, early: bool, noted: bool) -> tuple[str, str]:
        """(reason, the deciding figure as compared) of a decided target and its decisive figures
        (``noted``: whether one of them is derived, estimated or of low trust)."""
        o = figures[0]
        compared = self.compared(t, o)
        bound = self.value[o] == "" and self.done[o] < 0
        amount = wording.quantity(_shown(self.goal_raw[t], "", ""), self.unit[t]) if self.unit[t] else ""
        if self.strictly[t]:
            symbol = self.strict_symbol[t]
            goal = wording.goal_text(symbol, _shown(self.goal_raw[t], "", ""), self.unit[t], None) if bound else ""
            reason = wording.comparison(
                self.year[o], compared, self.label[o], met, symbol, amount, goal, bound, strictly=True
            )
        else:
            worded = self.about[t] or bound
            goal = self.goal(t) if worded else ""
            higher = self.higher[t] if self.about[t] else None
            reason = wording.comparison(
                self.year[o], compared, self.label[o], met, self.symbol[t], amount, goal, worded, higher
            )
        if early:
            reason = wording.met_early(self.deadline[t], reason)
        if noted:
            notes = wording.caveats((self.derived[f] or None, self.estimated[f], self.low_trust[f]) for f in figures)
            reason = wording.with_caveats(reason, notes)
        return reason, compared


def evaluate_tables(tables: Tables, reading: Reading = Reading.BAND) -> Verdicts:
    """Every target's status, reason and headline figure, as the per-target engine gives them, each
    about (左右) goal read by ``reading``."""
    engine = _Engine(tables, reading)
    targets = engine.targets
    count = len(targets.id)
    everyone = np.arange(count)

    # Rule 3: the deadline year's figures decide when there are any.
    own_group = engine.candidates.find(targets.metric.astype(np.int64) * _YEARS + targets.deadline)
    has_own = own_group >= 0
    first = engine.resolve(everyone[has_own], own_group[has_own])

    # Otherwise a deadline target is met by the latest year, from the report year on, that meets it.
    early_targets = everyone[~has_own & targets.is_by]
    keys = engine.candidates.keys
    metric_key = targets.metric[early_targets].astype(np.int64) * _YEARS
    low = np.searchsorted(keys, metric_key + targets.set_year[early_targets], side="left")
    high = np.searchsorted(keys, metric_key + targets.deadline[early_targets] - 1, side="right")
    spans = np.clip(high - low, 0, None)
    entry_target = np.repeat(early_targets, spans)
    entry_group = _spread(low, spans)
    early = engine.resolve(entry_target, entry_group)
    met_early = np.flatnonzero(early.status == Outcome.MET)
    best_early = np.full(count, -1, dtype=np.int64)
    np.maximum.at(best_early, early.target[met_early], met_early)  # groups ascend by year: the max is the latest

    kind = np.full(count, Resolution.NO_FIGURE, dtype=np.int8)
    status = np.full(count, Outcome.UNDECIDED, dtype=np.int8)
    kind[first.target], status[first.target] = first.kind, first.status
    early_won = np.flatnonzero(best_early >= 0)
    kind[early_won], status[early_won] = Resolution.DECIDED, Outcome.MET

    # The figures each target's reason cites, from whichever resolution decided it, and those it may
    # name as set aside.
    chosen = best_early[early_won]

    def per_target(
        figures_first: np.ndarray, start_first: np.ndarray, stop_first: np.ndarray, *early_figures: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        figures_early, start_early, stop_early = early_figures
        figures = np.concatenate([figures_first, figures_early]).astype(np.int64)
        start, stop = np.zeros(count, dtype=np.int64), np.zeros(count, dtype=np.int64)
        start[first.target], stop[first.target] = start_first, stop_first
        start[early_won] = start_early[chosen] + len(figures_first)
        stop[early_won] = stop_early[chosen] + len(figures_first)
        return figures, start, stop

    cited, start, stop = per_target(*first.cited_figures(), *early.cited_figures())
    aside_first, straddles_first, *bounds_first = first.set_aside_figures()
    aside_early, straddles_early, *bounds_early = early.set_aside_figures()
    aside, aside_start, aside_stop = per_target(aside_first, *bounds_first, aside_early, *bounds_early)
    aside_straddles = np.concatenate([straddles_first, straddles_early]).astype(np.int64)

    # Rule 5: the nearest context figures, non-proxy ones first; the headline of an undecided target.
    below, above = engine.candidates.nearest(targets.metric, targets.deadline, skip_own=True)
    from_proxies = (below < 0) & (above < 0)
    proxy_below, proxy_above = engine.proxies.nearest(targets.metric, targets.deadline, skip_own=False)
    below, above = np.where(from_proxies, proxy_below, below), np.where(from_proxies, proxy_above, above)

    undecided = everyone[kind != Resolution.DECIDED]
    near, near_count = _nearest_figures(engine, from_proxies[undecided], below[undecided], above[undecided])
    # Only the figures some reason cites are worded: each has a number of its own, from 0 on.
    cited_or_near = np.zeros(len(engine.obs.id), dtype=bool)
    cited_or_near[cited] = True
    cited_or_near[near] = True
    cited_or_near[aside] = True
    used = np.flatnonzero(cited_or_near)
    number = np.zeros(len(cited_or_near), dtype=np.int64)
    number[used] = np.arange(len(used))
    words = _Words(engine, used)
    reason = np.empty(count, dtype=object)
    actual, actual_year = filled(count, ""), filled(count, "")
    early_met, met = (targets.is_by & ~has_own).tolist(), (status == Outcome.MET).tolist()
    starts, stops, cited_list = start.tolist(), stop.tolist(), number[cited].tolist()
    obs = engine.obs
    caveat = (obs.derived != "") | obs.estimated | np.not_equal(obs.low_trust_publisher, None)
    noted_before = np.concatenate(([0], np.cumsum(caveat[cited])))  # how many cited figures up to each carry one
    noted = (noted_before[stop] > noted_before[start]).tolist()
    for t in everyone[kind == Resolution.DECIDED].tolist():
        figures = cited_list[starts[t] : stops[t]]
        reason[t], actual[t] = words.decided(t, figures, met[t], early_met[t], noted[t])
        actual_year[t] = str(words.year[figures[0]])
    # Rule 2's figures set aside: the superseded figures of decided targets that may be written
    # otherwise than the deciding one, worded on whole columns; those that are join their reason.
    flagged = np.flatnonzero((kind == Resolution.DECIDED) & (aside_stop > aside_start))
    sizes = aside_stop[flagged] - aside_start[flagged]
    item = _spread(aside_start[flagged], sizes)
    item_target = np.repeat(flagged, sizes)
    notes = _set_aside(engine, words, item_target, aside[item], number[aside[item]], aside_straddles[item], actual)
    kept = np.not_equal(notes, None)
    noted_targets, first_note = np.unique(item_target[kept], return_index=True)
    note_list, bounds = notes[kept].tolist(), np.append(first_note, kept.sum()).tolist()
    for t, first, last in zip(noted_targets.tolist(), bounds[:-1], bounds[1:], strict=True):
        reason[t] = wording.with_set_aside(reason[t], note_list[first:last])
    kinds, by, deadline, set_year = (
        kind.tolist(),
        targets.is_by.tolist(),
        targets.deadline.tolist(),
        targets.set_year.tolist(),
    )
    # The nearest figures of each undecided target: its headline, and the context of a reason without one.
    near_list, near_stop = number[near].tolist(), np.cumsum(near_count)
    near_start = (near_stop - near_count).tolist()
    for t, first, last in zip(undecided.tolist(), near_start, near_stop.tolist(), strict=True):
        nearest = near_list[first:last]
        if nearest:
            actual[t], actual_year[t] = words.compared(t, nearest[0]), str(words.year[nearest[0]])
        if kinds[t] == Resolution.NO_FIGURE:
            reason[t] = wording.no_figure(deadline[t], set_year[t] if by[t] else None, words.cites(t, nearest))
    # The figures that disagree or straddle the goal, cited on whole columns: most unknown targets
    # cite three to five of them.
    # A slice of targets at a time: the citations of all of them at once took 200 MB more at 10×,
    # slices of 16,384 still 18 MB more than the per-target wording at 1×.
    unresolved = undecided[kind[undecided] != Resolution.NO_FIGURE]
    for begin in range(0, len(unresolved), _SLICE):
        rows = unresolved[begin : begin + _SLICE]
        reason[rows] = _unresolved(engine, words, rows, kind, cited, number, start, stop)
    # A deadline goal without a figure may be projected: that rule runs per target, on those few.
    projected = np.flatnonzero((kind == Resolution.NO_FIGURE) & targets.is_by & ~targets.is_done)
    if len(projected):
        reason[projected] = _with_projections(engine, projected, reason[projected])
    return Verdicts(_STATUS[status], reason, actual, actual_year, kind == Resolution.DECIDED)


def _set_aside(
    engine: _Engine,
    words: _Words,
    targets: np.ndarray,
    figures: np.ndarray,
    numbers: np.ndarray,
    straddles: np.ndarray,
    shown: np.ndarray,
) -> np.ndarray:
    """wording.set_aside of each of ``figures`` (observations; ``numbers``: theirs in ``words``), each of
    the target beside it in ``targets``, None where it is written as ``shown[target]``, the deciding figure."""
    obs = engine.obs
    compared = _compared(engine, words, targets, figures, numbers)
    differs = np.flatnonzero(np.not_equal(compared, shown[targets]).astype(bool))
    kept = figures[differs]
    why = objects(wording.superseded(e, s) for e in (False, True) for s in (False, True))
    publisher, published = obs.publications(kept)
    notes = filled(len(figures), None)
    notes[differs] = _formatted(
        wording.SET_ASIDE,
        len(kept),
        publisher=publisher,
        published=published,
        figure=compared[differs],
        why=why[obs.estimated[kept] * 2 + straddles[differs]],
    )
    return notes


def _compared(
    engine: _Engine, words: _Words, targets: np.ndarray, figures: np.ndarray, numbers: np.ndarray
) -> np.ndarray:
    """words.compared of each of ``figures`` (observations; ``numbers``: theirs in ``words``), each in
    the unit of the target beside it in ``targets``."""
    obs = engine.obs
    compared = np.empty(len(figures), dtype=object)
    value = np.flatnonzero(obs.has_value[figures])
    # A value in the target's unit, worded once per (number, unit, target's unit).
    codes, keys = pd.factorize(
        obs.value[figures[value]] + _KEY + obs.unit[figures[value]] + _KEY + engine.targets.unit[targets[value]]
    )
    compared[value] = objects(_value_figure(*key.split(_KEY)) for key in keys)[codes]
    other = np.flatnonzero(~obs.has_value[figures])
    compared[other] = [
        words.compared(t, o) for t, o in zip(targets[other].tolist(), numbers[other].tolist(), strict=True)
    ]
    return compared


def _unresolved(
    engine: _Engine,
    words: _Words,
    rows: np.ndarray,
    kind: np.ndarray,
    cited: np.ndarray,
    number: np.ndarray,
    start: np.ndarray,
    stop: np.ndarray,
) -> np.ndarray:
    """wording.unresolved of the targets at ``rows``, each citing cited[start[t]:stop[t]] (observations;
    ``number``: theirs in ``words``): each citation by the rule book's CITE as a template, joined
    target by target one place at a time."""
    obs = engine.obs
    sizes = stop[rows] - start[rows]
    item = _spread(start[rows], sizes)
    item_row = np.repeat(np.arange(len(rows)), sizes)
    place = item - np.repeat(start[rows], sizes)
    figures = cited[item]
    numbers = number[figures]
    years, year_codes = np.unique(obs.year[figures], return_inverse=True)
    cites = _formatted(
        wording.CITE,
        len(item),
        year=objects(str(year) for year in years.tolist())[year_codes],
        compared=_compared(engine, words, rows[item_row], figures, numbers),
        label=objects(words.label)[numbers],
        proxy=np.where(obs.is_proxy[figures], wording.CITED_PROXY, "").astype(object),
    )
    problem = objects(wording.unresolved(problem, ()) for problem in (wording.CONFLICTING, wording.STRADDLES))
    out = problem[(kind[rows] == Resolution.STRADDLES).astype(np.int64)]
    for nth in range(int(sizes.max(initial=0))):
        at = np.flatnonzero(place == nth)
        out[item_row[at]] = out[item_row[at]] + (wording.VS if nth else "") + cites[at]
    strictly = np.flatnonzero(engine.targets.strictly[rows])
    out[strictly] = objects(wording.read_strictly(reason) for reason in out[strictly].tolist())
    return out


def _formatted(template: str, count: int, **columns: np.ndarray) -> np.ndarray:
    """``template.format(**row)`` of each of ``count`` rows of ``columns``, in one pass over the rows:
    the template with its fields by position (concatenating whole object columns field by field
    made a new string per field and row, twice the time)."""
    positional, names = [], []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        assert not spec and conversion is None, template
        positional.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is not None:
            positional.append(f"{{{len(names)}}}")
            names.append(field)
    if not names:
        return filled(count, template)
    fill = "".join(positional).format
    out = np.empty(count, dtype=object)
    out[:] = [fill(*row) for row in zip(*(columns[name].tolist() for name in names), strict=True)]
    return out


def _with_projections(engine: _Engine, rows: np.ndarray, reasons: np.ndarray) -> list[str]:
    """The reasons of the deadline targets at ``rows``, each with its projection when it has one.

    The array form of verdicts._projection: each year of the window (the year the target's report
    reviews up to the year before its deadline) resolved by rule 2 as the deadline's figures are;
    a year that decides on a value gives its first decisive figure, in the target's unit; the rule
    book's ``project`` and ``meets`` then project those few figures per target.
    """
    targets, obs = engine.targets, engine.obs
    first_year = targets.set_year[rows] - 1
    spans = np.clip(targets.deadline[rows] - first_year, 0, None)
    entry_row = np.repeat(np.arange(len(rows)), spans)
    entry_year = _spread(first_year, spans)
    group = engine.candidates.find(targets.metric[rows][entry_row].astype(np.int64) * _YEARS + entry_year)
    found = np.flatnonzero(group >= 0)
    entry_row, entry_year = entry_row[found], entry_year[found]
    resolution = engine.resolve(rows[entry_row], group[found])
    figures, start, _ = resolution.cited_figures()
    decided = np.flatnonzero(resolution.kind == Resolution.DECIDED)
    first = figures[start[decided]]
    valued = obs.has_value[first]
    decided, first = decided[valued], first[valued]
    figure_rows, figure_years = entry_row[decided].tolist(), entry_year[decided].tolist()
    values, units = obs.value[first].tolist(), obs.unit[first].tolist()
    by_row: dict[int, dict[int, Decimal]] = {}
    for row, year, value, unit in zip(figure_rows, figure_years, values, units, strict=True):
        to_unit = targets.unit[rows[row]]
        by_row.setdefault(row, {})[year] = Decimal(value) * _factor(unit, to_unit)
    out = reasons.tolist()
    for row, window in by_row.items():
        if len(window) < 2:
            continue  # project needs two years: none to make
        t = int(rows[row])
        comparator = CHOICES["comparator"][targets.comparator[t]]
        goal, unit, higher = Decimal(targets.goal[t]), targets.unit[t], bool(targets.higher[t])
        tolerance = Decimal(targets.tolerance[t]) if targets.tolerance[t] and not targets.strictly[t] else None

        def meets_goal(value: Decimal, c=comparator, g=goal, tol=tolerance, h=higher) -> bool:
            return meets(value, c, g, tol, h, True)

        projection = project(window, goal, int(targets.deadline[t]), unit, meets_goal)
        if projection is not None:
            out[row] = wording.with_projection(out[row], projection.describe())
    return out
