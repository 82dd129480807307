"""How numbers, figures, goals, citations and reasons are written: every renderer and both engines.

The reason functions take plain strings and numbers, so that the columnar engine words each of
thousands of reasons with the same function the per-target engine uses, at the cost of a call.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..model import About, Comparator, Observation, Reading, Source, Status, Target

NEGATED = {"≥": "<", ">": "≤", "≤": ">", "<": "≥"}

# Why an observation has its role in a verdict (Evidence.why).
DECIDES = "decides the verdict"
DISAGREES = "disagrees with another decisive figure"
ESTIMATE_SUPERSEDED = "an estimate, superseded"
RANGE_STRADDLES = "its range straddles the goal"
SUPERSEDED = "superseded by a later publication"
AFTER_DEADLINE = "after the deadline"
OTHER_YEAR = "other year"

# Why a year's figures leave a target unknown.
CONFLICTING = "conflicting evidence"
STRADDLES = "the figure's range straddles the goal"

# The fixed words of the reasons and figures below, each written here only: render/lang.py finds
# them in an English reason by these same constants to say it in Chinese. A template's {name} is
# what the function fills in.
ESTIMATED = "estimated (预计)"
DERIVED = "derived"
LOW_TRUST = "low-trust source"
PROXY = "proxy"
CAVEAT = " — "
SEP = "; "
VS = " vs "
MEETS, MISSES = "meets", "misses"
# An about (左右) goal read as a band leans one way: met within its tolerance or beyond it on the
# better side. "1.9 % meets ≈ 3 % ± 0.5" would read as a contradiction for a ceiling, so the
# reason says the side: "1.9 % is within ≈ 3 % ± 0.5 or below".
WITHIN, OR_ABOVE, OR_BELOW = "is within", "or above", "or below"
ABOVE, BELOW = "is above", "is below"
DONE, NOT_DONE = "done", "not done"
AT_LEAST, AT_MOST = "at least ", "at most "
LABEL = "{trust}, {publisher} {published}"
UNRESOLVED = "{problem}: "
MET_EARLY = "met before the {deadline} deadline: "
NO_FIGURE = "no {year} figure"
NONE_MEETS = NO_FIGURE + ", and none from {since}–{until} meets the goal"
NEAREST = "; nearest: "
PROJECTION = "projection, not a verdict: {state}: "
ON_TRACK, NOT_ON_TRACK = "on track", "not on track"
RATE = " a year {first}–{last} against {required} needed"
PROJECTED = "{deadline} projected at "
READ_STRICTLY = "about read strictly"
SET_ASIDE = "{publisher} {published} gave {figure}, {why}"
CITE = "{year}: {compared} ({label}{proxy})"
CITED_PROXY = ", " + PROXY

# How the about (左右) goals of a table were read: every table and export says it with these words.
READINGS = {
    Reading.BAND: "左右 (about) read as a band: met within the goal's tolerance",
    Reading.STRICT: "左右 (about) read strictly: met only when the outcome reaches the goal",
}

# Why `check` fails, after its counts (the exit codes are the CLI's, told by `check --help`).
CHECK_FAILS = {
    Status.MISSED: "the check fails (exit {code}): a target was missed",
    Status.UNKNOWN: "the check fails (exit {code}): a verdict is unknown (--allow-unknown lets it pass)",
}


def check_fails(code: int, worst: Status) -> str:
    return CHECK_FAILS[worst].format(code=code)


def number(value: Decimal) -> str:
    """Shortest exact form: 55.30 → "55.3", 1E+2 → "100"."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def quantity(value: Decimal | str | None, unit: str) -> str:
    """ "8 %": a number (or its text as :func:`number` writes it) and its unit."""
    return f"{value if isinstance(value, str) else number(value) if value is not None else ''} {unit}"


def goal_text(symbol: str, goal: str | None, unit: str | None, tolerance: str | None) -> str:
    """ "≥ 8 %", "≈ 3 % ± 0.5", "done" (a milestone: no goal), from numbers as :func:`number` writes them."""
    if goal is None or unit is None:
        return symbol
    return f"{symbol} {quantity(goal, unit)}" + (f" ± {tolerance}" if tolerance is not None else "")


def goal(target: Target) -> str:
    """The goal as a reader would say it: "≥ 8 %", "≈ 3 % ± 0.5", "done"."""
    tolerance = target.tolerance if target.comparator is Comparator.ABOUT else None
    return goal_text(
        target.comparator.symbol,
        number(target.goal) if target.goal is not None else None,
        target.unit,
        number(tolerance) if tolerance is not None else None,
    )


def figure(done: bool | None, value: str | None, low: str | None, high: str | None, unit: str) -> str:
    """A figure from its numbers as :func:`number` writes them: "7 %", "6.7–7 %", "at least 240 万亩", "done"."""
    if done is not None:
        return DONE if done else NOT_DONE
    if value is not None:
        return quantity(value, unit)
    if low is not None and high is not None:
        return f"{low}–{quantity(high, unit)}"
    if low is not None:
        return AT_LEAST + quantity(low, unit)
    return AT_MOST + quantity(high, unit)


def observed(obs: Observation, factor: Decimal = Decimal(1), unit: str | None = None) -> str:
    """An observation's value, bound or milestone state, optionally converted to ``unit``."""

    def shown(value: Decimal | None) -> str | None:
        return None if value is None else number(value * factor)

    return figure(obs.done, shown(obs.value), shown(obs.minimum), shown(obs.maximum), unit or obs.unit)


def period(year: int | None, by: int | None) -> str:
    """A target's year, or its deadline: "2017", "by 2021"."""
    return str(year) if year is not None else f"by {by}"


def label(trust: str, publisher: str, published: str) -> str:
    """A source as reasons cite it: trust, publisher and date."""
    return LABEL.format(trust=trust, publisher=publisher, published=published)


def source_label(source: Source) -> str:
    """:func:`label` of a source."""
    return label(source.trust.value, source.publisher, str(source.published))


def cite(year: int, compared: str, label: str, proxy: bool = False) -> str:
    """A figure as a reason cites it: "2017: 6.9 % (official, 国家统计局 2018-02-28)"."""
    return CITE.format(year=year, compared=compared, label=label, proxy=CITED_PROXY if proxy else "")


def comparison(
    year: int,
    compared: str,
    label: str,
    met: bool,
    symbol: str,
    goal: str,
    goal_full: str,
    worded: bool,
    higher: bool | None = None,
    strictly: bool = False,
) -> str:
    """The reason of a decided target: its deciding figure against the goal.

    ``symbol`` is the comparator's ("done" for a milestone); ``goal`` the goal's quantity ("8 %"),
    ``goal_full`` the goal as :func:`goal` says it; ``worded`` for a bound or an ``about`` goal,
    which say "meets"/"misses" rather than a symbol; ``higher`` for an about goal read as a band
    (whether higher is better), which says the side that counts (:data:`WITHIN`); ``strictly`` for
    an about goal the strict reading compared.
    """
    if symbol == Comparator.DONE.symbol:
        reason = f"{year}: {compared} ({label})"
    elif higher is not None and symbol == Comparator.ABOUT.symbol:
        side = (
            (f"{WITHIN} {goal_full} {OR_ABOVE if higher else OR_BELOW}")
            if met
            else f"{BELOW if higher else ABOVE} {goal_full}"
        )
        reason = f"{year}: {compared} {side} ({label})"
    elif worded:
        reason = f"{year}: {compared} {MEETS if met else MISSES} {goal_full} ({label})"
    else:
        reason = f"{year}: {compared} {symbol if met else NEGATED[symbol]} {goal} ({label})"
    return read_strictly(reason) if strictly else reason


def about_strictly(higher: bool) -> str:
    """The comparator an about goal is read with strictly: ≥ where higher is better, ≤ where lower is."""
    return Comparator.GE.symbol if higher else Comparator.LE.symbol


def read_strictly(reason: str) -> str:
    """The reason of an about goal that the strict reading compared: it says so."""
    return reason + SEP + READ_STRICTLY


def reading(read: Reading) -> str:
    """How the table's about goals were read, in a line."""
    return READINGS[read]


def superseded(estimated: bool, straddles: bool) -> str:
    """Why a figure of the deciding year does not decide (Evidence.why of a superseded figure)."""
    return ESTIMATE_SUPERSEDED if estimated else RANGE_STRADDLES if straddles else SUPERSEDED


def set_aside(publisher: str, published: str, figure: str, why: str) -> str:
    """A figure of the deciding year, other than the deciding one, that was set aside, and why:
    "国家统计局 2018-02-28 gave 6.9 %, superseded by a later publication"."""
    return SET_ASIDE.format(publisher=publisher, published=published, figure=figure, why=why)


def with_set_aside(reason: str, notes: Iterable[str]) -> str:
    """A decided target's reason and the figures of its year set aside (rule 2: the verdict still
    rests on the deciding figure; the reason says which other figures differed)."""
    return SEP.join((reason, *notes))


def met_early(deadline: int, reason: str) -> str:
    return MET_EARLY.format(deadline=deadline) + reason


def unresolved(problem: str, cited: Iterable[str], strictly: bool = False) -> str:
    """No verdict from figures that disagree or straddle the goal; ``strictly`` as for :func:`comparison`."""
    reason = UNRESOLVED.format(problem=problem) + VS.join(cited)
    return read_strictly(reason) if strictly else reason


def no_figure(year: int, set_year: int | None, nearest: Iterable[str]) -> str:
    """No decisive figure; ``set_year`` for a deadline target, the context figures ``nearest``."""
    if set_year is not None:
        text = NONE_MEETS.format(year=year, since=set_year, until=year - 1)
    else:
        text = NO_FIGURE.format(year=year)
    nearest = list(nearest)
    return text + NEAREST + ", ".join(nearest) if nearest else text


def caveats(figures: Iterable[tuple[str | None, bool, str | None]]) -> tuple[str, ...]:
    """What the deciding figures rest on, from each one's (derived, estimated, low-trust publisher)."""
    notes: list[str] = []
    for derived, estimated, low_trust_publisher in figures:
        if derived:
            notes.append(f"{DERIVED}: {derived}")
        if estimated:
            notes.append(ESTIMATED)
        if low_trust_publisher is not None:
            notes.append(f"{LOW_TRUST}: {low_trust_publisher}")
    return tuple(dict.fromkeys(notes))


def with_caveats(reason: str, notes: Iterable[str]) -> str:
    joined = SEP.join(notes)
    return f"{reason}{CAVEAT}{joined}" if joined else reason


def _hundredths(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01")).normalize()


def _change(value: Decimal) -> str:
    rounded = _hundredths(value)
    return f"+{number(rounded)}" if rounded > 0 else number(rounded)


def projection(
    on_track: bool,
    observed: Decimal,
    required: Decimal,
    years: tuple[int, int],
    deadline: int,
    projected: Decimal,
    unit: str,
) -> str:
    """A projection, marked as one: never to be read as a verdict."""
    return (
        PROJECTION.format(state=ON_TRACK if on_track else NOT_ON_TRACK)
        + f"{_change(observed)} {unit}"
        + RATE.format(first=years[0], last=years[1], required=_change(required))
        + SEP
        + PROJECTED.format(deadline=deadline)
        + quantity(_hundredths(projected), unit)
    )


def with_projection(reason: str, projection: str) -> str:
    return reason + SEP + projection


def proxy(why: str) -> str:
    return f"{PROXY}: {why}"


# -- what the data is about (its `dataset` section) ------------------------------------------


def title(about: About | None, lang: str) -> str:
    """The title of every export: the data's own, else made from its place, else a plain one."""
    if about is None:
        return "目标：说到做到了吗？" if lang == "zh" else "Targets: did they do what they said?"
    if lang == "zh":
        return about.title_zh or f"{about.place_zh or about.place}的目标：说到做到了吗？"
    return about.title or f"{about.place}'s targets: did they do what they said?"
