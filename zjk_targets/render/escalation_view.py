"""The escalation view as terminal text, markdown, the panel (CSV and JSON), a chart (PNG and SVG
through matplotlib; a small inline SVG for the HTML page) and one HTML page: pure, deterministic."""

from __future__ import annotations

import html
import json
import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from rich.cells import cell_len

from ..model import Comparator, Reading
from ..national.escalation_table import Escalation, Level, Year, panel_rows
from ..rules import escalation_words as words
from ..rules import wording as fmt
from ..rules.counts import percent
from ..rules.wording import number
from . import ChartFormat
from .national_view import _STYLE as NATIONAL_STYLE

COLOURS = {"nation": "#24292f", "provinces": "#0969da", "cities": "#bc4c00"}


def _num(value: float | None) -> str:
    """A goal as its report says it (6.5, 7), a mean or median to one decimal."""
    if value is None:
        return "–"
    return number(Decimal(repr(value)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def _goal(value: float, comparator: str) -> str:
    try:
        symbol = Comparator(comparator).symbol
    except ValueError:
        symbol = ""
    return f"{symbol}{number(Decimal(str(value)))}"


def _share(share: float | None) -> str:
    return "–" if share is None else f"{percent(share)}%"


def _answer_year(view: Escalation) -> Year | None:
    """The year the first line speaks of: the latest with the nation's target, else the latest
    with provinces', else the one with the most cities' (the latest of equals)."""
    for test in (lambda y: y.nation is not None, lambda y: y.provinces.count > 0):
        found = [year for year in view.years if test(year)]
        if found:
            return found[-1]
    return max(view.years, key=lambda y: (y.cities.count, y.year), default=None)


def answer(view: Escalation) -> str:
    year = _answer_year(view)
    if year is None:
        return words.NO_TARGETS
    unit = f" {view.unit}" if view.unit else ""
    nation = words.NO_TARGET if year.nation is None else f"{_num(year.nation.goal)}{unit}"
    provinces = words.provinces_said(
        "" if year.provinces.mean is None else f"{_num(year.provinces.mean)}{unit}",
        year.provinces.above,
        year.provinces.compared,
    )
    share = year.cities.above_share
    cities = words.cities_said(
        "" if year.cities.mean is None else f"{_num(year.cities.mean)}{unit}",
        "" if share is None else f"{percent(share)} %",
    )
    return words.answer(year.year, view.name, nation, provinces, cities)


def _subtitle(view: Escalation) -> str:
    first, last = (view.years[0].year, view.years[-1].year) if view.years else (0, 0)
    span = "" if not first else str(first) if first == last else f"{first}–{last}"
    unit = f", {view.unit}" if view.unit else ""
    return f"{view.name} ({view.measure}{unit}), {span}"


def _cells(year: Year) -> list[str]:
    nation = year.nation
    provinces, cities = year.provinces, year.cities
    return [
        str(year.year),
        "–" if nation is None else _goal(nation.goal, nation.comparator),
        "" if nation is None else nation.status,
        str(provinces.count),
        _num(provinces.mean),
        _num(provinces.median),
        _share(provinces.above_share),
        _share(provinces.met_share),
        str(cities.count),
        _num(cities.mean),
        _share(cities.above_share),
        _share(cities.met_share),
    ]


WIDTHS = (4, 6, 7, 4, 5, 6, 5, 4, 6, 5, 5, 4)


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * max(0, width - cell_len(text))
    return space + text if right else text + space


def _line(cells: list[str] | tuple[str, ...], widths: tuple[int, ...] = WIDTHS) -> str:
    # The year and the nation's verdict read left to right; every number is right-aligned.
    return " ".join(
        _pad(cell, width, right=i not in (0, 2)) for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
    ).rstrip()


def _names(view: Escalation) -> dict[str, str]:
    return dict(zip(view.rows["place"], view.rows["name"], strict=True)) if "name" in view.rows else {}


def _province_rows(view: Escalation) -> tuple[int, list[list[str]]] | None:
    """The one province asked for, its own target beside its cities', in its latest year (or the
    last year asked for)."""
    if not view.province or not view.years:
        return None
    year = view.years[-1].year
    rows = view.rows[view.rows["year"] == year]
    rows = rows[(rows["place"] == view.province) | (rows["parent"] == view.province)]
    out = []
    names = _names(view)
    order = rows.assign(_top=rows["place"] != view.province).sort_values(
        ["_top", "goal", "place"], ascending=[True, False, True]
    )
    for row in order.itertuples():
        parent = "" if pd.isna(row.parent_goal) else words.ABOVE[bool(row.above)]
        outcome = "" if pd.isna(row.outcome) else _num(float(row.outcome))
        out.append([names.get(row.place, row.place), _goal(row.goal, row.comparator), parent, outcome, row.status])
    return year, out


def text(view: Escalation, width: int = 80) -> str:
    """The answer first, then a line per year; every line at most ``width`` cells."""
    from .terminal import fit, wrap

    out = [piece.plain for piece in wrap(answer(view), width)]
    out.append("")
    head = (words.TITLE, _subtitle(view), *([words.filtered(view.filters)] if view.filters else []))
    for line in (*head, fmt.reading(view.reading)):
        out.extend(piece.plain for piece in wrap(line, width))
    out += ["", _line(words.HEAD)]
    out += [_line(_cells(year)) for year in view.years]
    listed = _province_rows(view)
    if listed is not None:
        year, rows = listed
        out += ["", words.ONE_PROVINCE.format(name=view.province_name, year=year)]
        head = words.PROVINCE_HEAD
        widths = (max(12, *(cell_len(r[0]) for r in rows)) if rows else 12, 7, 5, 7, 7)
        widths = (min(widths[0], width - 30), *widths[1:])
        out.append(_line(head, widths))
        for row in rows:
            out.append(_line([fit(row[0], widths[0]).plain, *row[1:]], widths))
    out.append("")
    for line in (words.HEAD_NOTE, words.NOTE, words.DRAFTED):
        out.extend(piece.plain for piece in wrap(line, width))
    return "\n".join(line.rstrip() for line in out) + "\n"


def markdown(view: Escalation) -> str:
    out = [f"# {words.TITLE}", "", answer(view), "", _subtitle(view) + ".", "", fmt.reading(view.reading)]
    if view.filters:
        out += ["", words.filtered(view.filters)]
    out += ["", "| " + " | ".join(words.LONG_HEAD) + " |", "|---" + "|---:" * (len(words.LONG_HEAD) - 1) + "|"]
    for year in view.years:
        out.append("| " + " | ".join(cell or " " for cell in _cells(year)) + " |")
    out += ["", words.HEAD_NOTE, "", words.NOTE, "", words.DRAFTED, ""]
    return "\n".join(out)


def csv_text(frame: pd.DataFrame, reading: Reading = Reading.BAND) -> str:
    """The panel: one row per place, measure and year; ``pandas.read_csv(path)`` reads it back."""
    return panel_rows(frame, reading).to_csv(index=False, lineterminator="\n")


def json_text(frame: pd.DataFrame, reading: Reading = Reading.BAND) -> str:
    """The panel as a list of records; ``pandas.read_json(path)`` reads it back."""
    rows = panel_rows(frame, reading)
    records = []
    for row in rows.itertuples(index=False):
        record = dict(zip(rows.columns, row, strict=True))
        for key in ("goal", "outcome"):
            value = record[key]
            record[key] = None if pd.isna(value) else float(value)
        record["line"] = None if pd.isna(record["line"]) else int(record["line"])
        record["year"] = int(record["year"])
        records.append(record)
    return json.dumps(records, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


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


# ---------------------------------------------------------------------------------------------
# The chart: the nation's goal and the provinces' and cities' means over the years.


def _series(view: Escalation) -> dict[str, list[tuple[int, float]]]:
    series: dict[str, list[tuple[int, float]]] = {"nation": [], "provinces": [], "cities": []}
    for year in view.years:
        if year.nation is not None:
            series["nation"].append((year.year, year.nation.goal))
        for key, level in (("provinces", year.provinces), ("cities", year.cities)):
            if level.mean is not None:
                series[key].append((year.year, level.mean))
    return series


def _dots(view: Escalation) -> dict[str, list[tuple[int, float]]]:
    rows = view.rows
    return {
        key: list(
            zip(
                rows.loc[rows["tier"] == tier, "year"].tolist(),
                rows.loc[rows["tier"] == tier, "goal"].tolist(),
                strict=True,
            )
        )
        for key, tier in (("provinces", words.PROVINCE), ("cities", words.CITY))
    }


def chart(view: Escalation, chart_format: ChartFormat = ChartFormat.PNG) -> bytes:
    """The three levels over the years, as PNG or SVG bytes (deterministic)."""
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from .chart_view import DPI, HEIGHT_IN, WIDTH_IN, _rc, _save, _wrapped

    with matplotlib.rc_context(_rc()), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
        axes = figure.add_subplot()
        axes.set_title(_wrapped(answer(view), 90), fontsize=10)
        for key, points in _dots(view).items():
            if points:
                xs, ys = zip(*points, strict=True)
                axes.scatter(xs, ys, s=6, alpha=0.25, color=COLOURS[key], linewidths=0)
        for key, points in _series(view).items():
            if points:
                xs, ys = zip(*points, strict=True)
                axes.plot(
                    xs, ys, marker="o", markersize=4, linewidth=2, color=COLOURS[key], label=words.CHART_LEGEND[key]
                )
        years = [year.year for year in view.years]
        if years:
            axes.set_xlim(min(years) - 0.5, max(years) + 0.5)
            step = max(1, len(years) // 12)
            axes.set_xticks(years[::step], [str(year) for year in years[::step]])
        axes.set_ylabel(f"{view.measure} ({view.unit})" if view.unit else view.measure)
        axes.grid(axis="y", alpha=0.3)
        axes.legend(loc="best", fontsize=8, frameon=False)
        figure.supxlabel(words.CHART_DOTS, fontsize=7, color="grey")
        return _save(figure, chart_format)


def inline_svg(view: Escalation, width: int = 640, height: int = 300) -> str:
    """The chart drawn in Python as a small SVG for the HTML page (no matplotlib, the reader's fonts)."""

    left, right, top, bottom = 44, 12, 12, 28
    series = _series(view)
    dots = _dots(view)
    values = [v for points in (*series.values(), *dots.values()) for _, v in points]
    years = [year.year for year in view.years]
    if not values or not years:
        return ""
    low, high = min(values), max(values)
    ticks = _ticks(low, high) or [low]
    low, high = min(low, ticks[0]), max(high, ticks[-1])
    span = (high - low) or 1.0
    first, last = min(years) - 0.5, max(years) + 0.5

    def x(year: float) -> float:
        return round(left + (year - first) / (last - first) * (width - left - right), 1)

    def y(value: float) -> float:
        return round(top + (high - value) / span * (height - top - bottom), 1)

    out = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(answer(view))}" '
        'style="max-width:100%;height:auto" font-size="11">'
    ]
    for tick in ticks:
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(tick)}" y2="{y(tick)}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 4}" y="{y(tick) + 4}" text-anchor="end">{_number(tick)}</text>')
    step = max(1, len(years) // 10)
    for year in years[::step]:
        out.append(f'<text x="{x(year)}" y="{height - 10}" text-anchor="middle">{year}</text>')
    for key, points in dots.items():
        out += [f'<circle cx="{x(a)}" cy="{y(b)}" r="1.5" fill="{COLOURS[key]}" opacity=".25"/>' for a, b in points]
    for key, points in series.items():
        if points:
            path = " ".join(f"{x(a)},{y(b)}" for a, b in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{COLOURS[key]}" stroke-width="2"/>')
            out += [
                f'<circle cx="{x(a)}" cy="{y(b)}" r="3" fill="{COLOURS[key]}">'
                f"<title>{a} {html.escape(words.CHART_LEGEND[key])}: "
                f"{_num(b)}</title></circle>"
                for a, b in points
            ]
    out.append("</svg>")
    return "".join(out)


_STYLE = NATIONAL_STYLE + ".key span{margin-right:1rem}\n"


def html_page(view: Escalation) -> str:
    """One page: the answer, the chart of the three levels, the table of the years, the note."""
    esc = html.escape
    key = "".join(
        f'<span style="color:{COLOURS[name]}">● {esc(label)}</span>' for name, label in words.CHART_LEGEND.items()
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(words.TITLE)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{esc(words.TITLE)}</h1>",
        f"<p><strong>{esc(answer(view))}</strong></p>",
        f"<p>{esc(_subtitle(view))}.</p>",
        f"<p>{esc(fmt.reading(view.reading))}</p>",
        *([f"<p>{esc(words.filtered(view.filters))}</p>"] if view.filters else []),
        f"<figure>{inline_svg(view)}<figcaption class=key>{key}<br>{esc(words.CHART_DOTS)}</figcaption></figure>",
        "<div class=wrap><table>",
        "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in words.LONG_HEAD) + "</tr>",
    ]
    for year in view.years:
        out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in _cells(year)) + "</tr>")
    out += ["</table></div>"]
    out += [f"<p>{esc(line)}</p>" for line in (words.HEAD_NOTE, words.NOTE, words.DRAFTED_PAGE)]
    out += ["</body></html>", ""]
    return "\n".join(out)


__all__ = ["Level", "answer", "chart", "csv_text", "html_page", "json_text", "markdown", "text"]
