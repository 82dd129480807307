"""The verdict rules of :mod:`zjk_targets.evaluate`, on whole columns at once.

The reference judges one target at a time. Here every decision is an array operation over all
targets together:

- observations are sorted once by (metric, year, publication date, id), so the figures of one
  metric and year (a *group*) are a contiguous slice, found for any (metric, year) by a binary
  search on the group keys ``metric * 10000 + year``;
- targets are joined with the groups of their deadline year (and, for deadline targets with no
  figure for that year, with every group from the report year up to the deadline): one row per
  (target, observation) *pair*;
- each pair's outcome (met, missed or undecided by a range) is computed on floats, and exactly,
  with Decimals, only where a float comparison is too close to call;
- rule 2 (the most recent publication decides; same-date and more-trusted disagreements are
  conflicts) is a handful of group-wise counts and maxima over the pairs;
- the nearest context figures (rule 5) come from the same binary search: the closest group below
  and above the deadline year.

Python runs per target only to word the reason, from the figures those steps picked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import numpy as np
import pandas as pd

from ..model import Comparator, PartialDate, Trust
from ..rules import wording as fmt
from ..rules.units import conversion_factor, split_unit
from .read import Tables

MET, MISSED, UNDECIDED = 1, 0, -1
STATUS_TEXT = np.array(["missed", "met", "unknown"], dtype=object)  # indexed by MISSED, MET, -1
# How a (target, year) group resolved: rule 2's outcomes, plus "no group at all".
DECIDED, SAME_DATE_CONFLICT, STRADDLES, TRUSTED_CONFLICT, NO_FIGURE = 0, 1, 2, 3, 4
_YEARS = 10_000  # group key = metric code * _YEARS + year; every year is below it
_CLOSE = 1e-9  # relative gap under which a float comparison is redone exactly

_RANK = {trust.value: trust.rank for trust in Trust}
_NEGATED = {"≥": "<", ">": "≤", "≤": ">", "<": "≥"}


@dataclass
class Verdicts:
    """One verdict per row of ``tables.targets`` (same order), as columns of text."""

    status: np.ndarray
    reason: np.ndarray
    actual: np.ndarray
    actual_year: np.ndarray
    decides: np.ndarray
    """Whether the headline figure (``actual``) is the one that decided."""


@lru_cache(maxsize=4096)
def _exponent(unit: str) -> int:
    scale, _ = split_unit(unit)
    return scale.adjusted()


@lru_cache(maxsize=4096)
def _factor(from_unit: str, to_unit: str) -> Decimal:
    """Judge.factor: the conversion factor, 1 when there is none (or no target unit)."""
    if not to_unit:
        return Decimal(1)
    factor = conversion_factor(from_unit, to_unit)
    return factor if factor is not None else Decimal(1)


@lru_cache(maxsize=1 << 16)
def _number(raw: str, factor: Decimal | None = None) -> str:
    """fmt.number of a number's text, multiplied by ``factor`` as the reference does (rounding included)."""
    return fmt.number(Decimal(raw) if factor is None else Decimal(raw) * factor)


def _objects_of(items: Iterable[object]) -> np.ndarray:
    items = list(items)
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


_PLAIN = r"(?>-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?)"
_PLAIN_RE = re.compile(_PLAIN)
_PLAINS_RE = re.compile(f"{_PLAIN}(?:\x00{_PLAIN})*+")
_MAX_PLAIN = 28  # Decimal's precision: a longer number may be rounded by the multiplication


def _plain_numbers(raws: np.ndarray) -> np.ndarray:
    """Where fmt.number(Decimal(raw) * 1) == raw, so that the text can be shown as it is."""
    given = raws[raws != ""]
    joined = "\x00".join(given)
    if (
        _PLAINS_RE.fullmatch(joined)
        and max(map(len, given), default=0) <= _MAX_PLAIN
        and "-0\x00" not in joined + "\x00"
    ):
        return raws != ""
    return np.array(
        [bool(raw) and raw != "-0" and len(raw) <= _MAX_PLAIN and _PLAIN_RE.fullmatch(raw) is not None for raw in raws],
        dtype=bool,
    )


def _format_numbers(raws: np.ndarray) -> np.ndarray:
    """fmt.number of each number's text, "" for none."""
    cache: dict[str, str] = {"": ""}
    out = np.empty(len(raws), dtype=object)
    for i, raw in enumerate(raws):
        if raw not in cache:
            cache[raw] = _number(raw)
        out[i] = cache[raw]
    return out


def _floats(raws: np.ndarray) -> np.ndarray:
    out = np.full(len(raws), np.nan)
    given = raws != ""
    if given.any():
        out[given] = raws[given].astype(float)
    return out


class _Observations:
    """The observations as arrays, in table order, with ``order``: the order of (metric, year, date, id)."""

    def __init__(self, tables: Tables) -> None:
        frame = tables.observations
        sources = tables.sources
        self.source = _positions(frame, "source", sources)
        dates = sources["year"].to_numpy() * 10_000 + sources["month"].to_numpy() * 100 + sources["day"].to_numpy()
        self.pub = dates[self.source]
        self.metric = _positions(frame, "metric", tables.metrics)
        self.year = frame["year"].to_numpy(dtype=np.int64)
        self.id = frame["id"].to_numpy(dtype=object)
        self.order = _sorted(self.metric, self.year, self.pub, self.id)
        self.key = self.metric.astype(np.int64) * _YEARS + self.year

        def column(name: str) -> np.ndarray:
            return frame[name].to_numpy()

        self.trust = sources["trust"].map(_RANK).to_numpy(dtype=np.int64)[self.source]
        self.unit = column("unit").astype(object)
        codes, units = pd.factorize(self.unit)
        self.exponent = np.array([_exponent(unit) for unit in units], dtype=np.int64)[codes]
        self.value = column("value").astype(object)
        self.min = column("min").astype(object)
        self.max = column("max").astype(object)
        self.has_value = self.value != ""
        self.done = column("done").astype(np.int8)
        self.estimated = column("estimated").astype(bool)
        self.derived = column("derived").astype(object)
        self.proxy = column("proxy").astype(object)
        self.is_proxy = self.proxy != ""

        labels = _objects_of(
            f"{trust}, {publisher} {PartialDate(year, month, day)}"
            for trust, publisher, year, month, day in zip(
                sources["trust"], sources["publisher"], sources["year"], sources["month"], sources["day"], strict=True
            )
        )
        self.label = labels[self.source]
        self.publisher = sources["publisher"].to_numpy(dtype=object)[self.source]
        self.low_trust = (sources["trust"] == Trust.LOW.value).to_numpy()[self.source]


def _positions(frame: pd.DataFrame, column: str, table: pd.DataFrame) -> np.ndarray:
    """Row of ``table`` each entry refers to: kept by the reader's cross-check, else looked up."""
    kept = f"{column}_at"
    if kept in frame.columns:
        return frame[kept].to_numpy(dtype=np.int64)
    return pd.Index(table["id"]).get_indexer(frame[column])


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
    subset = order[involved]
    rank = np.zeros(len(order), dtype=np.int64)
    rank[subset[np.argsort(ids[subset], kind="stable")]] = np.arange(1, len(subset) + 1)
    by_rank = np.argsort(rank, kind="stable")
    return by_rank[np.argsort(key[by_rank], kind="stable")]


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


class _Targets:
    """The targets as arrays, in table order, with what rule 1 and the goal comparison need."""

    def __init__(self, tables: Tables) -> None:
        frame, metrics, sources = tables.targets, tables.metrics, tables.sources
        self.id = frame["id"].to_numpy(dtype=object)
        self.metric = _positions(frame, "metric", metrics)
        self.comparator = frame["comparator"].to_numpy(dtype=object)
        self.is_done = self.comparator == Comparator.DONE.value
        self.unit = frame["unit"].to_numpy(dtype=object)
        self.exponent = np.array([_exponent(unit) if unit else 0 for unit in self.unit], dtype=np.int64)
        self.goal = frame["goal"].to_numpy(dtype=object)
        self.tolerance = frame["tolerance"].to_numpy(dtype=object)
        year, by = frame["year"].to_numpy(dtype=np.int64), frame["by"].to_numpy(dtype=np.int64)
        self.is_by = by > 0
        self.deadline = np.where(self.is_by, by, year)
        source_at = _positions(frame, "source", sources)
        self.set_year = sources["year"].to_numpy(dtype=np.int64)[source_at]
        higher = (metrics["direction"] == "higher").to_numpy()[self.metric]
        about = self.comparator == Comparator.ABOUT.value
        # _Judge._meets as: value ≥ threshold (higher wins) or value ≤ threshold, strict for > and <.
        self.higher_wins = np.isin(self.comparator, [">=", ">"]) | (about & higher)
        self.strict = np.isin(self.comparator, [">", "<"])
        goal, tolerance = _floats(self.goal), np.nan_to_num(_floats(self.tolerance))
        self.threshold = np.where(about, np.where(higher, goal - tolerance, goal + tolerance), goal)
        self.higher = higher
        symbols = {c.value: c.symbol for c in Comparator}
        self.symbol = np.array([symbols[c] for c in self.comparator], dtype=object)
        self.negated = np.array([_NEGATED.get(symbol, symbol) for symbol in self.symbol], dtype=object)
        # fmt.goal: "≥ 8 %", "≈ 3 % ± 0.5"; the goal alone as fmt.number writes it.
        self.goal_text = _format_numbers(self.goal)
        self.goal_full = self.symbol + " " + self.goal_text + " " + self.unit
        tolerance_text = _format_numbers(self.tolerance)
        with_tolerance = about & (self.tolerance != "")
        self.goal_full[with_tolerance] += " ± " + tolerance_text[with_tolerance]


def _meets(values: np.ndarray, threshold: np.ndarray, higher_wins: np.ndarray, strict: np.ndarray, open_low: bool):
    """_Judge._meets on floats: (meets, too close to call). A missing value is −∞ (open_low) or +∞."""
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

    def __init__(self, tables: Tables) -> None:
        self.obs = _Observations(tables)
        self.targets = _Targets(tables)
        # Rule 1: proxies never decide (every unit converts: the loader made sure).
        order = self.obs.order
        proxy = self.obs.is_proxy[order]
        candidates, proxies = order[~proxy], order[proxy]
        self.candidates = _Groups(self.obs.key[candidates], candidates)
        self.proxies = _Groups(self.obs.key[proxies], proxies)

    # -- outcomes of (target, observation) pairs -------------------------------------------

    def outcomes(self, t: np.ndarray, o: np.ndarray) -> np.ndarray:
        """_Judge.outcome for each pair: MET, MISSED or UNDECIDED (a range that straddles the goal)."""
        targets, obs = self.targets, self.obs
        factor = 10.0 ** (obs.exponent[o] - targets.exponent[t]).astype(float)
        threshold, higher_wins, strict = targets.threshold[t], targets.higher_wins[t], targets.strict[t]
        has_value = obs.has_value[o]
        value = _floats(obs.value[o])
        low = np.where(has_value, value, _floats(obs.min[o]))
        high = np.where(has_value, value, _floats(obs.max[o]))
        at_low, close_low = _meets(low * factor, threshold, higher_wins, strict, open_low=True)
        at_high, close_high = _meets(high * factor, threshold, higher_wins, strict, open_low=False)
        result = np.where(at_low & at_high, MET, np.where(~at_low & ~at_high, MISSED, UNDECIDED)).astype(np.int8)
        done = targets.is_done[t]
        result[done] = np.where(obs.done[o[done]] == 1, MET, MISSED)
        redo = np.flatnonzero((close_low | close_high) & ~done)
        if redo.size:
            result[redo] = [self._exact(int(t[i]), int(o[i])) for i in redo]
        return result

    def _exact(self, t: int, o: int) -> int:
        """The reference comparison in Decimals, for the pairs floats cannot settle."""
        targets, obs = self.targets, self.obs
        factor = _factor(obs.unit[o], targets.unit[t])
        goal = Decimal(targets.goal[t])
        slack = Decimal(targets.tolerance[t]) if targets.tolerance[t] else Decimal(0)

        def meets(raw: str, open_low: bool) -> bool:
            if not raw:
                return bool(targets.higher_wins[t]) != open_low
            value = Decimal(raw) * factor
            match targets.comparator[t]:
                case ">=":
                    return value >= goal
                case ">":
                    return value > goal
                case "<=":
                    return value <= goal
                case "<":
                    return value < goal
            return value >= goal - slack if targets.higher[t] else value <= goal + slack

        low = obs.value[o] or obs.min[o]
        high = obs.value[o] or obs.max[o]
        at_low, at_high = meets(low, True), meets(high, False)
        return MET if at_low and at_high else MISSED if not at_low and not at_high else UNDECIDED

    # -- rule 2 over (target, group) entries ----------------------------------------------

    def resolve(self, entry_target: np.ndarray, group: np.ndarray) -> _Resolution:
        groups = self.candidates
        start, stop = groups.start[group], groups.stop[group]
        sizes = stop - start
        entries = len(entry_target)
        pair_entry = np.repeat(np.arange(entries), sizes)
        offsets = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        pair_obs = groups.positions[np.repeat(start, sizes) + offsets]
        pair_target = entry_target[pair_entry]
        outcome = self.outcomes(pair_target, pair_obs)
        latest_pub = self.obs.pub[groups.positions[stop - 1]]
        latest = self.obs.pub[pair_obs] == latest_pub[pair_entry]

        met = np.bincount(pair_entry[latest & (outcome == MET)], minlength=entries)
        missed = np.bincount(pair_entry[latest & (outcome == MISSED)], minlength=entries)
        kind = np.full(entries, DECIDED, dtype=np.int8)
        kind[(met > 0) & (missed > 0)] = SAME_DATE_CONFLICT
        kind[(met == 0) & (missed == 0)] = STRADDLES
        status = np.where(met > 0, MET, MISSED).astype(np.int8)
        decided = kind[pair_entry] == DECIDED
        decisive = decided & latest & (outcome == status[pair_entry])
        # The most trusted of the figures that decide; an earlier figure more trusted than that,
        # not an estimate, that disagrees makes a conflict.
        top = np.full(entries, -1, dtype=np.int64)
        np.maximum.at(top, pair_entry[decisive], self.obs.trust[pair_obs[decisive]])
        disagrees = (
            decided
            & ~latest
            & ~self.obs.estimated[pair_obs]
            & (outcome == 1 - status[pair_entry])
            & (self.obs.trust[pair_obs] > top[pair_entry])
        )
        kind[np.bincount(pair_entry[disagrees], minlength=entries) > 0] = TRUSTED_CONFLICT
        status[kind != DECIDED] = UNDECIDED
        # The figures a reason cites, in the reference's order.
        shown = kind[pair_entry]
        cited = np.select(
            [shown == DECIDED, shown == SAME_DATE_CONFLICT, shown == STRADDLES],
            [decisive, latest, np.ones_like(latest)],
            default=decisive | disagrees,
        )
        # For a trusted conflict the decisive figures come first, then the earlier ones.
        rank = np.where(decisive, 0, 1)
        return _Resolution(entry_target, group, kind, status, pair_entry, pair_obs, cited, rank)


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


def evaluate_tables(tables: Tables) -> Verdicts:
    """Every target's status, reason and headline figure, as ``evaluate`` gives them."""
    engine = _Engine(tables)
    targets, obs = engine.targets, engine.obs
    count = len(targets.id)
    everyone = np.arange(count)

    # Rule 3: the deadline year's figures decide when there are any.
    own_key = targets.metric.astype(np.int64) * _YEARS + targets.deadline
    own_group = engine.candidates.find(own_key)
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
    entry_group = np.repeat(low, spans) + (np.arange(int(spans.sum())) - np.repeat(np.cumsum(spans) - spans, spans))
    early = engine.resolve(entry_target, entry_group)
    met_early = np.flatnonzero(early.status == MET)
    best_early = np.full(count, -1, dtype=np.int64)
    np.maximum.at(best_early, early.target[met_early], met_early)  # groups ascend by year: the max is the latest

    kind = np.full(count, NO_FIGURE, dtype=np.int8)
    status = np.full(count, UNDECIDED, dtype=np.int8)
    kind[first.target] = first.kind
    status[first.target] = first.status
    early_won = np.flatnonzero(best_early >= 0)
    kind[early_won] = DECIDED
    status[early_won] = MET

    # The figures each target's reason cites, from whichever resolution decided it.
    figures_first, start_first, stop_first = first.cited_figures()
    figures_early, start_early, stop_early = early.cited_figures()
    source = np.zeros(count, dtype=np.int8)
    start = np.zeros(count, dtype=np.int64)
    stop = np.zeros(count, dtype=np.int64)
    start[first.target], stop[first.target] = start_first, stop_first
    chosen = best_early[early_won]
    source[early_won] = 1
    start[early_won], stop[early_won] = start_early[chosen], stop_early[chosen]

    # Rule 5: the nearest context figures, non-proxy ones first; the headline of an undecided target.
    below, above = engine.candidates.nearest(targets.metric, targets.deadline, skip_own=True)
    none_near = (below < 0) & (above < 0)
    proxy_below, proxy_above = engine.proxies.nearest(targets.metric, targets.deadline, skip_own=False)

    words = _Words(engine)
    reason = np.empty(count, dtype=object)
    actual = np.full(count, "", dtype=object)
    actual_year = np.full(count, "", dtype=object)
    cited_all = np.concatenate([figures_first, figures_early]).astype(np.int64)
    start = np.where(source == 1, start + len(figures_first), start)
    stop = np.where(source == 1, stop + len(figures_first), stop)

    # Decided: the first decisive figure against the goal, then the caveats of all decisive figures.
    decided = np.flatnonzero(kind == DECIDED)
    lead = cited_all[start[decided]]
    compared = words.compared_many(decided, lead)
    text = words.comparison_many(decided, lead, status[decided], compared)
    early_met = targets.is_by[decided] & ~has_own[decided]
    if early_met.any():
        text[early_met] = (
            "met before the "
            + targets.deadline[decided[early_met]].astype(str).astype(object)
            + (" deadline: " + text[early_met])
        )
    notes = words.notes(lead)
    several = np.flatnonzero(stop[decided] - start[decided] > 1)
    notes[several] = [words.caveats(cited_all[start[t] : stop[t]]) for t in decided[several]]
    reason[decided] = np.where(notes != "", text + " — " + notes, text)
    actual[decided], actual_year[decided] = compared, obs.year[lead].astype(str).astype(object)

    # Undecided: the nearest context figure is the headline; the reason cites figures in Python.
    undecided = np.flatnonzero(kind != DECIDED)
    near_below = np.where(none_near, proxy_below, below)[undecided]
    near_above = np.where(none_near, proxy_above, above)[undecided]
    from_proxies = none_near[undecided]
    first_group = np.where(near_below >= 0, near_below, near_above)
    has_near = first_group >= 0
    headline = np.full(len(undecided), -1, dtype=np.int64)
    for groups, use in ((engine.proxies, from_proxies), (engine.candidates, ~from_proxies)):
        rows = np.flatnonzero(use & has_near)
        headline[rows] = groups.positions[groups.start[first_group[rows]]]
    shown = undecided[has_near]
    actual[shown] = words.compared_many(shown, headline[has_near])
    actual_year[shown] = obs.year[headline[has_near]].astype(str).astype(object)
    for i, t in enumerate(undecided.tolist()):
        k = kind[t]
        if k == NO_FIGURE:
            groups = engine.proxies if from_proxies[i] else engine.candidates
            nearest = [
                p
                for g in (near_below[i], near_above[i])
                if g >= 0
                for p in groups.positions[groups.start[g] : groups.stop[g]]
            ]
            year = targets.deadline[t]
            if targets.is_by[t]:
                text_t = f"no {year} figure, and none from {targets.set_year[t]}–{year - 1} meets the goal"
            else:
                text_t = f"no {year} figure"
            if nearest:
                text_t += "; nearest: " + ", ".join(words.cite(t, p) for p in nearest)
            reason[t] = text_t
        else:
            problem = "the figure's range straddles the goal" if k == STRADDLES else "conflicting evidence"
            reason[t] = f"{problem}: " + " vs ".join(words.cite(t, int(p)) for p in cited_all[start[t] : stop[t]])
    # A deadline goal without a figure may be projected: that rule runs per target, on those few.
    projected = np.flatnonzero((kind == NO_FIGURE) & targets.is_by)
    if len(projected):
        reason[projected] = _per_target_reasons(tables, projected)
    text_status = STATUS_TEXT[np.where(status == UNDECIDED, 2, status)]
    return Verdicts(status=text_status, reason=reason, actual=actual, actual_year=actual_year, decides=kind == DECIDED)


def _per_target_reasons(tables: Tables, rows: np.ndarray) -> list[str]:
    """The reasons the per-target engine gives the targets at ``rows``, with their metrics' figures."""
    from dataclasses import replace

    from ..rules.verdicts import evaluate
    from .dataset import build_dataset

    chosen = tables.targets.iloc[rows]
    metrics = set(chosen["metric"])
    subset = replace(
        tables, targets=chosen, observations=tables.observations[tables.observations["metric"].isin(metrics)]
    )
    verdicts = {verdict.target.id: verdict.reason for verdict in evaluate(build_dataset(subset))}
    return [verdicts[target_id] for target_id in chosen["id"]]


class _Words:
    """The reference's wording (fmt.observed, _cite, _comparison, _caveats) from array positions."""

    def __init__(self, engine: _Engine) -> None:
        self.t = engine.targets
        self.o = engine.obs

    # -- column at a time, for decided targets --------------------------------------------

    def compared_many(self, t: np.ndarray, o: np.ndarray) -> np.ndarray:
        """fmt.observed for each (target, observation) pair, in the target's unit."""
        obs, targets = self.o, self.t
        out = np.empty(len(t), dtype=object)
        if not len(t):
            return out
        target_unit = targets.unit[t]
        unit = np.where(target_unit != "", target_unit, obs.unit[o])
        done = obs.done[o] >= 0
        out[done] = np.where(obs.done[o[done]] == 1, "done", "not done")
        same_scale = (obs.exponent[o] == targets.exponent[t]) | (target_unit == "")
        obs_unit = obs.unit[o]

        def numbers(rows: np.ndarray, raws: np.ndarray) -> np.ndarray:
            """_number of each (text, factor); the text itself where it is already in fmt.number's form."""
            shown = raws[rows].copy()
            for i in np.flatnonzero(~(_plain_numbers(shown) & same_scale[rows])):
                row = rows[i]
                shown[i] = _number(raws[row], _factor(obs_unit[row], target_unit[row]))
            return shown

        value, low, high = obs.value[o], obs.min[o], obs.max[o]
        has_value, has_low, has_high = obs.has_value[o], low != "", high != ""
        spaced = " " + unit
        rows = np.flatnonzero(has_value & ~done)
        out[rows] = numbers(rows, value) + spaced[rows]
        rows = np.flatnonzero(~has_value & ~done & has_low & has_high)
        out[rows] = numbers(rows, low) + "–" + numbers(rows, high) + spaced[rows]
        rows = np.flatnonzero(~has_value & ~done & has_low & ~has_high)
        out[rows] = "at least " + numbers(rows, low) + spaced[rows]
        rows = np.flatnonzero(~has_value & ~done & ~has_low & has_high)
        out[rows] = "at most " + numbers(rows, high) + spaced[rows]
        return out

    def comparison_many(self, t: np.ndarray, o: np.ndarray, status: np.ndarray, compared: np.ndarray) -> np.ndarray:
        """_comparison for each decided target and its first decisive figure."""
        obs, targets = self.o, self.t
        head = obs.year[o].astype(str).astype(object) + ": " + compared
        label = " (" + obs.label[o] + ")"
        comparator = targets.comparator[t]
        met = status == MET
        goal = targets.goal_text[t]
        worded = (comparator == Comparator.ABOUT.value) | (~obs.has_value[o] & (obs.done[o] < 0))
        relation = np.where(met, " meets ", " misses ").astype(object)
        symbol = np.where(met, targets.symbol[t], targets.negated[t])
        plain = head + " " + symbol + " " + goal + " " + targets.unit[t] + label
        return np.select(
            [comparator == Comparator.DONE.value, worded],
            [head + label, head + relation + targets.goal_full[t] + label],
            default=plain,
        ).astype(object)

    def notes(self, o: np.ndarray) -> np.ndarray:
        """_caveats of one figure each."""
        obs = self.o
        derived = obs.derived[o]
        parts = [
            np.where(derived != "", "derived: " + derived, ""),
            np.where(obs.estimated[o], "estimated (预计)", ""),
            np.where(obs.low_trust[o], "low-trust source: " + obs.publisher[o], ""),
        ]
        out = np.full(len(o), "", dtype=object)
        for part in parts:
            part = part.astype(object)
            out = np.where(part == "", out, np.where(out == "", part, out + "; " + part))
        return out.astype(object)

    # -- one at a time, for reasons that list figures ------------------------------------

    def compared(self, t: int, o: int) -> str:
        obs, unit = self.o, self.t.unit[t] or self.o.unit[o]
        if obs.done[o] >= 0:
            return "done" if obs.done[o] == 1 else "not done"
        factor = _factor(obs.unit[o], self.t.unit[t])
        if obs.has_value[o]:
            return f"{_number(obs.value[o], factor)} {unit}"
        low, high = obs.min[o], obs.max[o]
        if low and high:
            return f"{_number(low, factor)}–{_number(high, factor)} {unit}"
        if low:
            return f"at least {_number(low, factor)} {unit}"
        return f"at most {_number(high, factor)} {unit}"

    def cite(self, t: int, o: int) -> str:
        proxy = ", proxy" if self.o.is_proxy[o] else ""
        return f"{self.o.year[o]}: {self.compared(t, o)} ({self.o.label[o]}{proxy})"

    def caveats(self, figures: np.ndarray) -> str:
        notes: list[str] = []
        for o in figures:
            if self.o.derived[o]:
                notes.append(f"derived: {self.o.derived[o]}")
            if self.o.estimated[o]:
                notes.append("estimated (预计)")
            if self.o.low_trust[o]:
                notes.append(f"low-trust source: {self.o.publisher[o]}")
        return "; ".join(dict.fromkeys(notes))
