"""``export --format html``: one self-contained page (styles, script and charts inline)."""

from __future__ import annotations

import base64
from html import escape

from .. import labels
from ..model import Dataset, PartialDate, Status
from ..rules import wording as fmt
from ..rules.record import track_record
from ..rules.timeline import end_of
from ..rules.verdicts import Verdict, summarise
from . import chart, record
from .markdown import WORDS, headline
from .text import one_line, outcome, visible

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}.counts span{display:inline-block;margin-right:1rem;font-weight:600}
.met{color:#1a7f37}.missed{color:#cf222e}.unknown{color:#9a6700}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;
text-align:left;vertical-align:top}th{cursor:pointer;background:#f6f8fa;position:sticky;top:0}
td.status{font-weight:700;white-space:nowrap}code{font-size:.85em}details summary{cursor:pointer;color:#0969da}
blockquote{margin:.2rem 0 .4rem 1rem;color:#57606a}.controls{margin:1rem 0}.controls *{margin-right:.5rem}
img.chart{max-width:100%;height:auto;border:1px solid #d0d7de;margin:.5rem 0}
.gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:1rem}
"""

_SCRIPT = """
const rows=[...document.querySelectorAll('#targets tbody tr')];
function apply(){const q=document.getElementById('q').value.toLowerCase();
const s=document.getElementById('status').value;let shown=0;
for(const r of rows){const ok=(!s||r.dataset.status===s)&&r.textContent.toLowerCase().includes(q);
r.hidden=!ok;if(ok)shown++;}document.getElementById('shown').textContent=shown;}
document.getElementById('q').addEventListener('input',apply);
document.getElementById('status').addEventListener('change',apply);
document.querySelectorAll('#targets th').forEach((th,i)=>th.addEventListener('click',()=>{
const body=document.querySelector('#targets tbody');const asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
const sorted=rows.slice().sort((a,b)=>a.cells[i].textContent.localeCompare(b.cells[i].textContent)*(asc?1:-1));
sorted.forEach(r=>body.appendChild(r));}));
apply();
"""


def _text(value: str) -> str:
    return escape(one_line(value))


def _chart(dataset: Dataset, verdict: Verdict, lang: str) -> str:
    svg = chart.render(dataset, verdict, lang, chart.ChartFormat.SVG)
    data = base64.b64encode(svg).decode("ascii")
    alt = _text(f"Chart of {verdict.target.id}: {verdict.status.value}")
    target_id = escape(verdict.target.id)
    return f'<img class="chart" alt="{alt}" data-target="{target_id}" src="data:image/svg+xml;base64,{data}">'


def _evidence(dataset: Dataset, verdict: Verdict, lang: str) -> str:
    target = verdict.target
    source = dataset.sources[target.source]
    parts = [f"<p>Set by <b>{_text(source.id)}</b>: <blockquote>{escape(visible(target.excerpt))}</blockquote></p><ul>"]
    for item in verdict.evidence:
        obs = item.observation
        flags = [
            *(["estimated (预计)"] if obs.estimated else []),
            *([f"derived: {obs.derived}"] if obs.derived else []),
            *([f"proxy: {obs.proxy}"] if obs.proxy else []),
        ]
        cite = dataset.sources[obs.source]
        link = f' <a href="{escape(cite.url)}">{_text(cite.publisher)}</a>' if cite.url else f" {_text(cite.publisher)}"
        parts.append(
            f"<li><b>{obs.year}: {_text(fmt.observed(obs))}</b> [{item.role.value}] {_text(item.why)}"
            f" ({_text(cite.trust.value)},{link} {cite.published})"
            f"<blockquote>{escape(visible(obs.excerpt))}</blockquote>"
            + (f"<i>{_text('; '.join(flags))}</i>" if flags else "")
            + "</li>"
        )
    parts.append("</ul>")
    if verdict.evidence:
        parts.append(_chart(dataset, verdict, lang))
    return "".join(parts)


def _row(dataset: Dataset, verdict: Verdict, lang: str) -> str:
    target = verdict.target
    outcome_text = outcome(verdict)
    status = verdict.status.value
    return (
        f'<tr data-status="{status}"><td><code>{_text(target.id)}</code></td>'
        f"<td>{_text(target.name(lang))}</td><td>{_text(labels.category(target.category, lang))}</td>"
        f"<td>{_text(fmt.goal(target))} ({_text(target.period)})</td><td>{_text(outcome_text)}</td>"
        f'<td class="status {status}">{_text(labels.status(verdict.status, lang))}</td>'
        f"<td>{_text(verdict.reason)}<details><summary>evidence</summary>{_evidence(dataset, verdict, lang)}"
        "</details></td></tr>"
    )


def _record(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str) -> str:
    """The track record as a table: measures by years, each cell coloured by its status."""
    matrix = track_record(dataset, verdicts)
    if len(matrix.years) < 2:
        return ""
    words = record.WORDS[lang]
    head = "".join(f"<th>{escape(text)}</th>" for text in (words["measure"], *map(str, matrix.years), words["share"]))
    rows = []
    for metric in matrix.metrics:
        cells = [f"<th>{escape(record.row_label(matrix, metric.id, lang))}</th>"]
        for year in matrix.years:
            verdict = matrix.cell(metric.id, year)
            if verdict is None:
                cells.append("<td></td>")
                continue
            mark = f"{record.MARK[verdict.status]} {labels.status(verdict.status, lang)}"
            cells.append(
                f'<td class="{verdict.status.value}" title="{escape(verdict.target.id)}">'
                f"{escape(record.cell_words(verdict))}<br>{escape(mark)}</td>"
            )
        cells.append(f"<td>{escape(record.share_words(matrix.by_metric(metric.id)))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    footer = "".join(f"<td>{escape(record.share_words(matrix.by_year(year)))}</td>" for year in matrix.years)
    return (
        f"<h2>{escape(WORDS[lang]['record'])}</h2><p>{escape(record.answer(matrix, lang))}</p>"
        f'<div class="record"><table id="record"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        f"<tfoot><tr><th>{escape(words['share_row'])}</th>{footer}<td></td></tr></tfoot></table></div>"
        f"<p>{escape(words['legend'])}</p>"
    )


def render(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str = "en", as_of: PartialDate | None = None) -> str:
    words = WORDS[lang]
    counts = summarise(verdicts)
    dated = f"<p>{escape(words['as_of'].format(date=end_of(as_of)))}</p>" if as_of is not None else ""
    columns = ("ID", *words["columns"][:1], "Category" if lang == "en" else "类别", *words["columns"][1:])
    header = "".join(f"<th>{escape(name)}</th>" for name in columns)
    options = "".join(f'<option value="{s.value}">{escape(labels.status(s, lang))}</option>' for s in Status)
    five_year = [v for v in verdicts if v.target.by is not None and v.evidence]
    gallery = "".join(f"<figure>{_chart(dataset, v, lang)}</figure>" for v in five_year)
    counts_html = "".join(
        f'<span class="{s.value}" id="count-{s.value}">{counts[s.value]} {escape(labels.status(s, lang))}</span>'
        for s in Status
    )
    controls = (
        f'<input id="q" type="search" placeholder="filter"><select id="status"><option value="">all</option>'
        f'{options}</select><span id="shown"></span> shown'
    )
    rules = "".join(f"<li>{escape(rule)}</li>" for rule in words["rules"])
    title = fmt.title(dataset.about, lang)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{escape(title)}</title><style>{_STYLE}</style></head><body>
<h1>{escape(title)}</h1>
<p id="headline">{escape(headline(dataset, verdicts, lang))}</p>
<p class="counts">{counts_html}</p>{dated}
{_record(dataset, verdicts, lang)}
<h2>{escape(words["five_year"])}</h2>
<div class="gallery">{gallery}</div>
<h2>Targets</h2>
<div class="controls">{controls}</div>
<table id="targets"><thead><tr>{header}</tr></thead><tbody>
{"".join(_row(dataset, v, lang) + chr(10) for v in verdicts)}</tbody></table>
<h2>{escape(words["how"])}</h2><ol>{rules}</ol>
<script>{_SCRIPT}</script>
</body></html>
"""
