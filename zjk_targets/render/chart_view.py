"""``chart``: a measure's observations over the years against the goal, as PNG or SVG.

matplotlib is imported here only, so the other commands never pay for it.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from .. import labels
from ..model import Comparator, Dataset, Status
from ..rules import wording as fmt
from ..rules.schema import is_outside
from ..rules.track_record import TrackRecord
from ..rules.units import conversion_factor
from ..rules.verdicts import Evidence, Role, Verdict
from . import ChartFormat, svgchart
from . import lang as words_of

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 4.5, 100
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "SimHei",
    "AR PL UMing CN",
)
STATUS_COLOUR = {"met": "#1a7f37", "missed": "#cf222e", "unknown": "#9a6700"}
LEGEND_SIZE = 10  # as the tick labels: a legend is read, not glanced at


def _register_bundled_font() -> None:
    """Make the package's subset of Noto Sans CJK SC (:mod:`zjk_targets.fonts`) known to matplotlib,
    once per process."""
    from matplotlib import font_manager

    from .. import fonts

    known = {Path(font.fname).name for font in font_manager.fontManager.ttflist}
    if fonts.PATH.is_file() and fonts.FILE not in known:
        font_manager.fontManager.addfont(str(fonts.PATH))


def cjk_fonts() -> list[str]:
    """The fonts that draw Chinese, in the order a glyph is looked for: the bundled subset (the same
    drawing on every machine), then an installed CJK font for a character the subset lacks."""
    from matplotlib import font_manager

    from .. import fonts

    _register_bundled_font()
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in (fonts.FAMILY, *CJK_FONTS) if name in installed][:2]


def cjk_font() -> str | None:
    """The name of the first font that can draw Chinese (None: Chinese would show as boxes)."""
    return next(iter(cjk_fonts()), None)


def _rc() -> dict[str, object]:
    """Latin text in DejaVu Sans; any Chinese character, in any label, from the CJK font."""
    rc: dict[str, object] = {"svg.hashsalt": "zjk-targets", "font.size": 10}
    rc["font.family"] = ["DejaVu Sans", *cjk_fonts()]
    return rc


def _wrapped(text: str, width: int) -> str:
    """A title on lines of at most ``width`` cells, broken between words (or Chinese characters)."""
    from .terminal import wrap

    return "\n".join(line.plain.strip() for line in wrap(text, width))


def _save(figure, chart_format: ChartFormat) -> bytes:  # noqa: ANN001
    buffer = io.BytesIO()
    metadata = {"Date": None, "Creator": None} if chart_format is ChartFormat.SVG else {"Software": None}
    figure.savefig(buffer, format=chart_format.value, metadata=metadata)
    return buffer.getvalue()


def _number(value: Decimal | None, factor: Decimal) -> float | None:
    return float(value * factor) if value is not None else None


def _plot_evidence(axes, item: Evidence, unit: str | None, milestone: bool) -> None:  # noqa: ANN001
    obs = item.observation
    factor = conversion_factor(obs.unit, unit) if unit else Decimal(1)
    factor = factor if factor is not None else Decimal(1)
    decisive = item.role is Role.DECISIVE
    style = {
        "marker": "o" if not obs.estimated else "D",
        "markersize": 9 if decisive else 6,
        "markerfacecolor": "none" if obs.proxy else "#0969da",
        "markeredgecolor": "#0969da" if not decisive else "black",
        "markeredgewidth": 2 if decisive else 1,
        "linestyle": "none",
        "zorder": 3,
    }
    if milestone:
        axes.plot([obs.year], [1 if obs.done else 0], **style)
        return
    if obs.value is not None:
        axes.plot([obs.year], [_number(obs.value, factor)], **style)
        return
    low, high = _number(obs.minimum, factor), _number(obs.maximum, factor)
    _range(axes, obs.year, low, high, "black" if decisive else "#0969da", 3 if decisive else 2)


def _range(axes, year: int, low: float | None, high: float | None, colour: str, width: float) -> None:  # noqa: ANN001
    """A figure given as a range (6.7–7 %) as a bar between its ends with a cap at each; a bound
    ("at least 10 %") as a cap at its end and an arrow the open way: never a bar to the axis's edge,
    which would claim values the source never gave."""
    if low is not None and high is not None:
        axes.errorbar(
            [year],
            [(low + high) / 2],
            yerr=[[(high - low) / 2], [(high - low) / 2]],
            fmt="none",
            ecolor=colour,
            elinewidth=width,
            capsize=7,
            capthick=width,
            zorder=3,
        )
        return
    end = low if low is not None else high
    assert end is not None
    bottom, top = axes.get_ylim()
    length = (top - bottom) * 0.08 * (1 if low is not None else -1)  # inside the 15 % margin
    axes.plot([year - 0.12, year + 0.12], [end, end], color=colour, linewidth=width, zorder=3)
    axes.annotate(
        "",
        xy=(year, end + length),
        xytext=(year, end),
        arrowprops={"arrowstyle": "->", "color": colour, "linewidth": width},
        annotation_clip=False,
        zorder=3,
    )


def _range_handles(evidence: Iterable[Evidence], lang: str) -> list:
    """The legend's entries for the ranges and bounds a chart draws (only those it draws)."""
    from matplotlib.lines import Line2D

    words = svgchart.WORDS[lang]
    observations = [item.observation for item in evidence if item.observation.value is None]
    kinds = {
        "range": any(obs.minimum is not None and obs.maximum is not None for obs in observations),
        "at_least": any(obs.minimum is not None and obs.maximum is None for obs in observations),
        "at_most": any(obs.minimum is None and obs.maximum is not None for obs in observations),
    }
    shapes = {"range": "|", "at_least": "^", "at_most": "v"}
    return [
        Line2D(
            [],
            [],
            marker=shapes[kind],
            color="black",
            markersize=9,
            markeredgewidth=2,
            linestyle="none",
            label=words[kind],
        )
        for kind, drawn in kinds.items()
        if drawn
    ]


def figure(dataset: Dataset, verdict: Verdict, lang: str = "en"):  # noqa: ANN201 - a matplotlib Figure
    """The chart of one target. Every label is outside the plotting area (title above, legend
    below, tick labels beside), so none can cover a point, and the layout keeps all inside."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    target = verdict.target
    metric = dataset.metrics[target.metric]
    milestone = target.comparator is Comparator.DONE
    zh = lang == "zh"
    with matplotlib.rc_context(_rc()), warnings.catch_warnings():
        # Only when no CJK font at all is found (the CLI says so once) would glyphs be missing.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        chart = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
        axes = chart.add_subplot()
        status = labels.status(verdict.status, lang)
        name = _wrapped(target.zh if zh else target.en, 40 * 2 if zh else 90)
        axes.set_title(f"{name}\n{target.id}: {status}", color=STATUS_COLOUR[verdict.status.value], fontsize=11)
        years = [item.observation.year for item in verdict.evidence] + [target.deadline_year]
        axes.set_xlim(min(years) - 0.5, max(years) + 0.5)
        handles = []
        if milestone:
            axes.set_ylim(-0.5, 1.5)
            axes.set_yticks([0, 1], [words_of.phrase(text, lang) for text in (fmt.NOT_DONE, fmt.DONE)])
        else:
            assert target.goal is not None and target.unit is not None
            goal = float(target.goal)
            values = [goal]
            for item in verdict.evidence:
                factor = conversion_factor(item.observation.unit, target.unit) or Decimal(1)
                values += [
                    v
                    for v in (
                        _number(item.observation.value, factor),
                        _number(item.observation.minimum, factor),
                        _number(item.observation.maximum, factor),
                    )
                    if v is not None
                ]
            span = (max(values) - min(values)) or abs(goal) or 1.0
            axes.set_ylim(min(values) - span * 0.15, max(values) + span * 0.15)
            shown_unit = labels.unit(target.unit, lang)
            goal_word = "目标" if zh else "goal"
            goal_text = f"{goal_word} {target.comparator.symbol} {target.goal.normalize():f} {shown_unit}"
            handles.append(axes.axhline(goal, color="#8250df", linewidth=1.5, zorder=1, label=goal_text))
            if target.comparator is Comparator.ABOUT and target.tolerance is not None:
                tolerance = float(target.tolerance)
                axes.axhspan(goal - tolerance, goal + tolerance, color="#8250df", alpha=0.12, zorder=0)
            axes.set_ylabel(_wrapped(f"{metric.zh if zh else metric.en} ({shown_unit})", 44))
        if target.by is not None:
            deadline = f"{'截止' if zh else 'deadline'} {target.deadline_year}"
        else:
            deadline = f"{'目标年' if zh else 'target year'} {target.deadline_year}"
        handles.append(
            axes.axvline(target.deadline_year, color="grey", linestyle="--", linewidth=1, zorder=1, label=deadline)
        )
        for item in verdict.evidence:
            _plot_evidence(axes, item, target.unit, milestone)
        first, last = min(years), max(years)
        step = 1 if last - first <= 12 else 2
        axes.set_xticks(range(first, last + 1, step), [str(year) for year in range(first, last + 1, step)])
        axes.grid(axis="y", alpha=0.3)
        words = svgchart.WORDS[lang]
        marks = (
            ("o", "#0969da", "#0969da", words["figure"]),
            ("D", "#0969da", "#0969da", words["estimate"]),
            ("o", "none", "#0969da", words["related"]),
            ("o", "#0969da", "black", words_of.phrase(fmt.DECIDES, lang)),
        )
        handles += [
            Line2D([], [], marker=m, markerfacecolor=face, markeredgecolor=edge, linestyle="none", label=text)
            for m, face, edge, text in marks
        ]
        handles += _range_handles(verdict.evidence, lang)
        chart.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=LEGEND_SIZE, frameon=False)
    return chart


def render(dataset: Dataset, verdict: Verdict, lang: str = "en", chart_format: ChartFormat = ChartFormat.PNG) -> bytes:
    """The chart as PNG or SVG bytes (deterministic: no dates or random ids in the file)."""
    import matplotlib

    with matplotlib.rc_context(_rc()), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        return _save(figure(dataset, verdict, lang), chart_format)


def render_measure(
    dataset: Dataset, record: TrackRecord, metric_id: str, lang: str = "en", chart_format: ChartFormat = ChartFormat.PNG
) -> bytes:
    """A measure's track record: each year's goal as a marker, the deciding figures as a line,
    each coloured by its verdict (deterministic bytes, like :func:`render`)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    metric = dataset.metrics[metric_id]
    use_zh = lang == "zh"
    rc = _rc()
    cells = [(year, record.cell(metric_id, year)) for year in record.years]
    verdicts = [(year, verdict) for year, verdict in cells if verdict is not None and verdict.target.goal is not None]
    with pyplot.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
        axes = figure.add_subplot()
        share = record.by_metric(metric_id)
        title = metric.zh if use_zh else metric.en
        shares = f"达成{share.met}/{share.decided}" if use_zh else f"met {share.met} of {share.decided} decided"
        axes.set_title(f"{title}\n{metric_id}: {shares}", fontsize=11)
        words = svgchart.WORDS[lang]
        actual_years, actual_values, ranges = [], [], []
        for year, verdict in verdicts:
            assert verdict.target.goal is not None
            colour = STATUS_COLOUR[verdict.status.value]
            axes.plot([year], [float(verdict.target.goal)], marker="_", markersize=22, markeredgewidth=3, color=colour)
            decisive = verdict.decisive[0].observation if verdict.decisive else None
            if decisive is None:
                continue
            factor = conversion_factor(decisive.unit, verdict.target.unit or decisive.unit) or Decimal(1)
            if decisive.value is not None:
                actual_years.append(year)
                actual_values.append(float(decisive.value * factor))
                axes.plot([year], [actual_values[-1]], marker="o", markersize=7, color=colour, zorder=3)
            else:  # a range (6.7–7 %) or a bound decided this year: drawn as one, in the verdict's colour
                low, high = _number(decisive.minimum, factor), _number(decisive.maximum, factor)
                ranges.append((year, low, high, colour))
                ends = [v for v in (low, high) if v is not None]
                axes.plot([year] * len(ends), ends, linestyle="none")  # within the view
        axes.plot(actual_years, actual_values, color="#0969da", linewidth=1.5, zorder=2)
        axes.autoscale_view()
        for year, low, high, colour in ranges:
            _range(axes, year, low, high, colour, 3)
        years = [year for year, _ in verdicts] or list(record.years)
        axes.set_xlim(min(years) - 0.5, max(years) + 0.5)
        axes.set_xticks(years, [str(year) for year in years])
        name = metric.zh if use_zh or is_outside(metric.id) else metric.id  # outside the lexicon: its words
        axes.set_ylabel(f"{name} ({labels.unit(metric.unit, 'zh' if use_zh else 'en')})")
        axes.grid(axis="y", alpha=0.3)
        shown = {verdict.status for _, verdict in verdicts}
        handles = [
            Line2D(
                [],
                [],
                marker="_",
                markersize=16,
                markeredgewidth=3,
                color=STATUS_COLOUR[status.value],
                linestyle="none",
                label=f"{words['goal']}: {labels.status(status, lang)}",
            )
            for status in Status
            if status in shown
        ]
        handles.append(Line2D([], [], marker="o", color="#0969da", markersize=7, label=words["deciding"]))
        handles += _range_handles([verdict.decisive[0] for _, verdict in verdicts if verdict.decisive], lang)
        figure.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=LEGEND_SIZE, frameon=False)
        return _save(figure, chart_format)
