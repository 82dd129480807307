"""The national table as terminal text, markdown, JSON, CSV and HTML: pure, deterministic."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterator
from decimal import Decimal

from rich.cells import cell_len

from ..national.table import OUTSIDE, NationalTable, Tally
from ..rules import national_words as words
from ..rules import wording as fmt
from ..rules.counts import as_json, percent
from ..rules.csv_layout import neutralise
from ..rules.schema import is_outside
from .text import cell

VIEW_ORDER = ("levels", "years", "measures", "cities")
_PROVINCE_SHOWN = ("major-city", "city")  # the levels whose row names their province


def _gap(row: Tally) -> str:
    gap = row.mean_gap
    if gap is None:
        return "–"
    unit = " pt" if row.unit == "%" else f" {row.unit}"
    if abs(gap) >= 100:  # whole units where the hundredths add nothing (and the column stays 11 cells)
        gap = gap.quantize(Decimal(1))
    return f"{gap.normalize():f}{unit}"


def _cells(row: Tally) -> list[str]:
    return [
        f"{row.targets}",
        f"{row.judgeable}",
        f"{row.decided}",
        percent(row.decided_share),
        f"{row.met}",
        percent(row.met_share),
        _gap(row),
    ]


def _label(table: NationalTable, view: str, row: Tally, short: bool = False) -> str:
    """A row's name: a city with its province, a measure by its id (what --measure takes) and name;
    in the terminal's narrow column a lexicon measure by its id alone, one outside it with its words."""
    if view == "cities":
        city = table.city_info.get(row.key)
        shown = city is not None and city.province and city.level in _PROVINCE_SHOWN
        return f"{row.label} {city.province}" if city and shown else row.label
    if view == "measures" and row.key == OUTSIDE:
        return words.outside_short(table.outside) if short else row.label
    if view == "measures" and row.label != row.key:
        return row.key if short and not is_outside(row.key) else f"{row.key} {row.label}"
    return row.label


def _rows(table: NationalTable) -> Iterator[tuple[str, list[Tally]]]:
    for view in VIEW_ORDER:
        yield view, getattr(table, view)


def _head(table: NationalTable) -> list[str]:
    total = table.total
    lines = [
        words.TITLE,
        words.summary(len(table.cities), total),
    ]
    if table.filters:
        lines.append(words.filtered(table.filters))
    lines.append(fmt.reading(table.reading))
    return lines


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - cell_len(text))
    return space + text if right else text + space


def _cut(table: NationalTable, view: str, row: Tally, width: int) -> str:
    from rich.text import Text

    label = Text(_label(table, view, row, short=True))
    label.truncate(width, overflow="ellipsis")
    return label.plain


def text(table: NationalTable, width: int = 80) -> str:
    """The answer first, then one block per view; every line at most ``width`` cells."""
    from .terminal import fit, wrap

    out: list[str] = []
    for line in _head(table):
        out.extend(piece.plain for piece in wrap(line, width))
    # Numbers: targets judgeable decided dec% met met% miss.
    numeric = [5, 9, 7, 4, 5, 4, 11]
    head = words.SHORT_COLUMNS
    label_width = max(12, width - sum(numeric) - len(numeric))
    for view, rows in _rows(table):
        out += ["", f"{words.VIEWS[view]} ({len(rows)})"]
        out.append(
            _pad(words.KEY_COLUMN[view], label_width)
            + "".join(" " + _pad(h, w, right=True) for h, w in zip(head, numeric, strict=True))
        )
        for row in rows:
            label = _label(table, view, row, short=True)
            if cell_len(label) > label_width:
                label = fit(label, label_width).plain
                if label == "…":  # one word (a measure's id): cut within it, not before it
                    label = _cut(table, view, row, label_width)
            cells = _cells(row)
            out.append(
                _pad(label, label_width)
                + "".join(" " + _pad(c, w, right=True) for c, w in zip(cells, numeric, strict=True))
            )
    out.append("")
    out.extend(piece.plain for piece in wrap(words.sorted_by(table.sort), width))
    out.extend(piece.plain for piece in wrap(words.NOTE, width))
    out.extend(piece.plain for piece in wrap(words.DRAFTED, width))
    return "\n".join(line.rstrip() for line in out) + "\n"


def markdown(table: NationalTable) -> str:
    out = [f"# {words.TITLE}", "", *map(cell, _head(table)[1:]), ""]
    for view, rows in _rows(table):
        out += [f"## {words.VIEWS[view]}", ""]
        out.append("| " + " | ".join([words.KEY_COLUMN[view], *words.COLUMNS]) + " |")
        out.append("|---" + "|---:" * len(words.COLUMNS) + "|")
        for row in rows:
            out.append("| " + " | ".join([cell(_label(table, view, row)), *_cells(row)]) + " |")
        out.append("")
    out += [words.sorted_by(table.sort), "", words.NOTE, "", words.DRAFTED, ""]
    return "\n".join(out)


def _json_row(table: NationalTable, view: str, row: Tally) -> dict:
    item: dict = {"key": row.key, "label": row.label}
    if view == "measures" and row.key == OUTSIDE:
        item["measures"] = table.outside
    if view == "cities" and row.key in table.city_info:
        city = table.city_info[row.key]
        item |= {
            "province": city.province or None,
            "pinyin": city.pinyin,
            "level": city.level,
            "parent": city.parent or None,
        }
    gap = row.mean_gap
    return (
        item
        | as_json(row)
        | {
            "mean_miss": None if gap is None else str(gap.normalize()),
            "mean_miss_unit": row.unit or None,
        }
    )


def json_text(table: NationalTable) -> str:
    document = {
        "title": words.TITLE,
        "filters": table.filters,
        "about_reading": {"reading": table.reading.value, "note": fmt.reading(table.reading)},
        "total": _json_row(table, "total", table.total),
        **{view: [_json_row(table, view, row) for row in rows] for view, rows in _rows(table)},
    }
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def csv_text(table: NationalTable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["view", "key", "label", "province", "level", *words.COLUMNS, "about_reading"])
    for view, rows in _rows(table):
        for row in rows:
            city = table.city_info.get(row.key) if view == "cities" else None
            province, level = (city.province, city.level) if city else ("", row.key if view == "levels" else "")
            # names come from the dataset's cities.csv: a leading = would run in a spreadsheet
            names = [neutralise(text) for text in (row.key, row.label, province, level)]
            writer.writerow([view, *names, *_cells(row), table.reading.value])
    return buffer.getvalue()


_STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:64rem;padding:0 .75rem;line-height:1.4}
h1{font-size:1.4rem}h2{font-size:1.15rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:.2rem .4rem;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left;white-space:normal}
.wrap{overflow-x:auto}
.filter input{font:inherit;padding:.25rem;width:min(100%,24rem)}
"""


HTML_ORDER = ("cities", "levels", "years", "measures")
"""The web page's order: the places first (what a reader comes for, under the filter box), then the
totals by level, year and measure."""

_FILTER = """const q=document.getElementById('q'),n=document.getElementById('shown'),
rows=[...document.querySelectorAll('#places tbody tr')];
function filter(){const v=q.value.trim().toLowerCase();let k=0;
for(const r of rows){const ok=!v||r.dataset.f.includes(v);r.hidden=!ok;if(ok)k++;}n.textContent=k;}
q.addEventListener('input',filter);filter();"""


def _search_text(table: NationalTable, row: Tally) -> str:
    """What the filter box matches a place by: its name with its province, its pinyin and slug."""
    city = table.city_info.get(row.key)
    names = [row.label, city.province if city else "", city.pinyin if city else "", row.key]
    return " ".join(name for name in names if name).lower()


def html_page(table: NationalTable, city_link: str = "{slug}.html") -> str:
    """One page: the answer, then the places (a filter box above them, each linking to its own
    record page), then the other views."""
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(words.TITLE)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{esc(words.TITLE)}</h1>",
        *(f"<p>{esc(line)}</p>" for line in _head(table)[1:]),
    ]
    views = dict(_rows(table))
    for view in HTML_ORDER:
        rows = views[view]
        out.append(f"<h2>{esc(words.VIEWS[view])}</h2>")
        if view == "cities":
            total = len(rows)
            shown = esc(words.SHOWN).format(shown=f"<output id=shown>{total}</output>", total=total)
            out.append(
                f'<p class=filter><input id=q type=search placeholder="{esc(words.FILTER)}" '
                f'aria-label="{esc(words.FILTER)}"> <span>{shown}</span></p>'
            )
        out.append("<div class=wrap><table" + (" id=places>" if view == "cities" else ">"))
        head = "".join(f"<th>{esc(h)}</th>" for h in [words.KEY_COLUMN[view], *words.COLUMNS])
        out.append(f"<thead><tr>{head}</tr></thead><tbody>")
        for row in rows:
            label = esc(_label(table, view, row))
            attributes = ""
            if view == "cities":
                label = f'<a href="{esc(city_link.format(slug=row.key))}">{label}</a>'
                attributes = f' data-f="{esc(_search_text(table, row))}"'
            out.append(
                f"<tr{attributes}><td>{label}</td>" + "".join(f"<td>{esc(c)}</td>" for c in _cells(row)) + "</tr>"
            )
        out.append("</tbody></table></div>")
    # how verdicts are reached: said once here for every city page, which links to it (those pages
    # have no charts, so the guide says none)
    from .html import rules

    out += [
        f"<p>{esc(words.sorted_by(table.sort))}</p>",
        f"<p>{esc(words.NOTE)}</p>",
        f"<p>{esc(words.DRAFTED_PAGE)}</p>",
        rules("en", charts=False),
        f"<script>{_FILTER}</script>",
        "</body></html>",
        "",
    ]
    return "\n".join(out)
