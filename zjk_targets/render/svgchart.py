"""A measure's chart as a small SVG symbol, drawn in Python without matplotlib.

The HTML report defines one ``<symbol>`` per measure and shows it wherever a target of that
measure is (``<use href="#m-ID">``): each chart is in the page once, the page stays small and
quick to write, and the browser draws the text in the reader's fonts (Chinese included). Every
figure is a point with a tooltip; every target of the measure is a goal mark at its year,
coloured by its verdict. Nothing is written next to a point, so no label can cover one.
"""

from __future__ import annotations

import math
from decimal import Decimal
from html import escape

from ..model import Comparator, Dataset, Metric, Observation
from ..rules import wording as fmt
from ..rules.units import conversion_factor
from ..rules.verdicts import Verdict
from . import lang as words_of

WIDTH, HEIGHT = 320, 200
LEFT, RIGHT, TOP, BOTTOM = 50, 26, 30, 36
STATUS_COLOUR = {"met": "#1a7f37", "missed": "#cf222e", "unknown": "#9a6700"}
POINT, MUTED = "#0969da", "#57606a"
WORDS = {
    "en": {"legend": "● figure ◆ estimate ○ related measure — goal"},
    "zh": {"legend": f"● 数据 ◆ {words_of.word(fmt.ESTIMATED, 'zh')} ○ 相近指标 — 目标"},
}


def symbol_id(metric_id: str) -> str:
    return "m-" + "".join(char if char.isalnum() or char in "-_" else "_" for char in metric_id)


def _number(value: float) -> str:
    text = f"{value:.4g}"
    return text.replace("e+0", "e").replace("e+", "e")


def _ticks(low: float, high: float) -> list[float]:
    """Three to six round values across [low, high]."""
    if high <= low:
        return [low]
    raw = (high - low) / 3
    base = 10 ** math.floor(math.log10(raw))
    step = next(base * k for k in (1, 2, 2.5, 5, 10) if base * k >= raw)
    ticks, value = [], math.ceil(low / step) * step
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


TITLE_CELLS = 38  # a Latin letter is one cell, a Chinese character two: bold 13 units on 320


def _title_lines(text: str) -> list[str]:
    """The title on at most two lines that fit the chart's width (never cut inside a word)."""
    from .terminal import fit, wrap

    lines = [line.plain.strip() for line in wrap(text, TITLE_CELLS)]
    if len(lines) > 2:
        rest = " ".join(lines[1:])
        lines = [lines[0], fit(rest, TITLE_CELLS).plain]
    return lines


def _value(obs: Observation, metric: Metric) -> tuple[float | None, float | None]:
    """The figure as (low, high) in the metric's unit; a value has low == high."""
    if obs.done is not None:
        return (1.0, 1.0) if obs.done else (0.0, 0.0)
    factor = conversion_factor(obs.unit, metric.unit) or Decimal(1)
    if obs.value is not None:
        value = float(obs.value * factor)
        return value, value
    low = float(obs.minimum * factor) if obs.minimum is not None else None
    high = float(obs.maximum * factor) if obs.maximum is not None else None
    return low, high


def symbol(dataset: Dataset, metric: Metric, verdicts: list[Verdict], lang: str, label: str) -> str:
    """``<symbol id="m-…" viewBox="0 0 320 200" aria-label="…">``: the measure's figures and goals by
    year; ``label`` names it for a screen reader wherever it is shown."""
    milestone = metric.unit == "done"
    observations = sorted(
        {item.observation.id: item.observation for v in verdicts for item in v.evidence}.values(),
        key=lambda obs: (obs.year, obs.id),
    )
    years = [obs.year for obs in observations] + [v.target.deadline_year for v in verdicts]
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1
    values: list[float] = []
    for obs in observations:
        values += [v for v in _value(obs, metric) if v is not None]
    goals = []
    for verdict in verdicts:
        target = verdict.target
        if target.comparator is Comparator.DONE:
            goal = 1.0
        else:
            assert target.goal is not None and target.unit is not None
            goal = float(target.goal * (conversion_factor(target.unit, metric.unit) or Decimal(1)))
        goals.append((verdict, goal))
        values.append(goal)
    low, high = (0.0, 1.0) if milestone else (min(values), max(values))
    span = (high - low) or abs(high) or 1.0
    low, high = low - span * 0.12, high + span * 0.12
    if not milestone and min(values) >= 0 > low:
        low = 0.0 if min(values) - 0 < span * 0.5 else low

    name = metric.zh if lang == "zh" else metric.en
    unit = "" if milestone else f" ({metric.unit})"
    title = _title_lines(name + unit)
    top = TOP + 16 * (len(title) - 1)

    def x(year: float) -> float:
        return LEFT + (year - first) / (last - first) * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return top + (high - value) / (high - low) * (HEIGHT - top - BOTTOM)

    def at(value: float) -> str:
        """A coordinate to the unit: the chart is 320 units wide, drawn at most 520 pixels."""
        return f"{value:.0f}"

    parts = [
        f'<symbol id="{symbol_id(metric.id)}" viewBox="0 0 {WIDTH} {HEIGHT}" aria-label="{escape(label)}">',
        '<g class="cc">',
        *(f'<text x="4" y="{16 + 16 * row}" class="ct">{escape(line)}</text>' for row, line in enumerate(title)),
        f'<path d="M{LEFT} {top}V{HEIGHT - BOTTOM}H{WIDTH - RIGHT}" class="cf" fill="none"/>',
    ]
    axis: list[tuple[float, str]] = []
    if milestone:
        axis = [
            (y(value), escape(words_of.phrase(state, lang))) for value, state in ((0.0, fmt.NOT_DONE), (1.0, fmt.DONE))
        ]
    else:
        axis = [(y(tick), _number(tick)) for tick in _ticks(min(values), max(values)) if low <= tick <= high]
        grid = "".join(f"M{LEFT} {at(cy)}H{WIDTH - RIGHT}" for cy, _ in axis)
        parts.append(f'<path d="{grid}" class="cg"/>')
    parts.append('<g class="cy">')
    parts += [f'<text x="{LEFT - 4}" y="{at(cy + 4)}">{label}</text>' for cy, label in axis]
    parts.append('</g><g class="cx">')
    step = max(1, -(-(last - first) // 6))
    for year in range(first, last + 1, step):
        parts.append(f'<text x="{at(x(year))}" y="{HEIGHT - BOTTOM + 14}">{year}</text>')
    parts.append("</g>")
    # the goals, one path a verdict: a goal reads off the axis and its card says it in words
    by_status: dict[str, list[str]] = {}
    for verdict, goal in goals:
        mark = f"M{at(x(verdict.target.deadline_year) - 9)} {at(y(goal))}h18"
        by_status.setdefault(verdict.status.value, []).append(mark)
    for status, marks in sorted(by_status.items()):
        parts.append(f'<path d="{"".join(marks)}" class="g{status[:2]}"/>')
    parts.append('<g class="cp">')
    for obs in observations:
        low_value, high_value = _value(obs, metric)
        cx = at(x(obs.year))
        # the source by its id, as the cards and the list of sources cite it
        title = f"<title>{escape(f'{obs.year}: {fmt.observed(obs)} ({obs.source})')}</title>"
        hollow = ' class="ch"' if obs.proxy is not None else ""
        if low_value is not None and high_value is not None and low_value == high_value:
            cy = y(low_value)
            if obs.estimated:
                parts.append(f'<path d="M{cx} {at(cy - 5)}l5 5-5 5-5-5z"{hollow}>{title}</path>')
            else:
                parts.append(f'<circle cx="{cx}" cy="{at(cy)}" r="4"{hollow}>{title}</circle>')
        else:
            upper = y(high_value) if high_value is not None else top
            lower = y(low_value) if low_value is not None else HEIGHT - BOTTOM
            parts.append(f'<path d="M{cx} {at(upper)}V{at(lower)}" class="cr">{title}</path>')
    parts.append("</g>")
    parts.append(f'<use href="#{LEGEND}"/>')
    parts.append("</g></symbol>")
    return "".join(parts)


# The chart's look as classes: a copy shown by ``<use>`` is styled by the page's rules that match
# the elements of its symbol (Chromium and Firefox), and the classes are much shorter than the
# attributes repeated in every chart.
STYLE = (
    "svg.chart{width:100%;max-width:520px;height:auto;display:block;margin:.5rem 0}"
    f".cc{{font:12px system-ui,sans-serif;fill:{MUTED}}}.ct{{font-size:13px;font-weight:600;fill:#1f2328}}"
    ".cf{fill:none;stroke:#8c959f}.cg{stroke:#d0d7de}.cy{text-anchor:end}.cx{text-anchor:middle}"
    + "".join(f".g{status[:2]}{{stroke:{colour};stroke-width:3}}" for status, colour in STATUS_COLOUR.items())
    + f".cp{{fill:{POINT};stroke:{POINT};stroke-width:1.5}}.cp .ch{{fill:none}}.cp .cr{{stroke-width:4}}"
)


LEGEND = "m-legend"


def legend(lang: str) -> str:
    """The key every chart shows at its foot, drawn once in the page."""
    return f'<symbol id="{LEGEND}"><text x="4" y="{HEIGHT - 4}">{escape(WORDS[lang]["legend"])}</text></symbol>'


def use(metric_id: str, label: str) -> str:
    """Where a measure's chart is shown: a reference to its symbol."""
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}">'
        f'<use href="#{symbol_id(metric_id)}"/></svg>'
    )
