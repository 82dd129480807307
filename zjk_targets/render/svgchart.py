"""A measure's chart as compact data, drawn as SVG by the page's script.

The HTML report carries, per page, one JSON block: for each measure with figures its title, its
figures ([year, value, kind, figure] or [year, low, high, kind, figure]) and its goals ([year,
goal, status] and the card that shows the chart); the script (:data:`SCRIPT`) draws each chart
once and puts a copy in every card of the measure. Every figure is a point whose tooltip and click
give its words, read from the page itself (each figure is written once with its words and source:
in a card, or in the list of the charts' figures), so a page read without the script still holds
every word and number. The browser draws the text in the reader's fonts (Chinese included);
nothing is written next to a point, so no label can cover one. The axis's labels set the left
margin (a milestone's "not done" is wider than a number), and the legend is the page's text under
each chart (:func:`legend`), which names every mark the chart draws.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Comparator, Metric, Observation
from ..rules import wording as fmt
from ..rules.units import conversion_factor
from ..rules.verdicts import Verdict
from . import lang as words_of

WIDTH, HEIGHT = 320, 200
LEFT, RIGHT, TOP, BOTTOM = 50, 26, 30, 22
STATUS_COLOUR = {"met": "#1a7f37", "missed": "#cf222e", "unknown": "#9a6700"}
POINT, MUTED = "#0969da", "#57606a"
WORDS = {
    "en": {
        "figure": "figure",
        "estimate": "estimate",
        "related": "related measure",
        "range": "range",
        "at_least": "at least",
        "at_most": "at most",
        "goal": "goal",
        "deciding": "deciding figure (line: the values)",
    },
    "zh": {
        "figure": "数据",
        "estimate": words_of.word(fmt.ESTIMATED, "zh"),
        "related": "相近指标",
        "range": "区间",
        "at_least": "至少",
        "at_most": "至多",
        "goal": "目标",
        "deciding": "判定数据（连线：数值）",
    },
}
MARKS = {"figure": "●", "estimate": "◆", "related": "○", "range": "I", "at_least": "↑", "at_most": "↓"}
"""Every mark a chart draws, said in its legend: a figure's shapes, a range (a bar between its two
ends) and a bound (an arrow from its one end), and a goal's dash in the colour of its verdict."""
STATUS_CODE = {"met": 0, "missed": 1, "unknown": 2}
"""A goal's verdict in the data: its index in the script's list of the classes ``gme gmi gun``."""
ESTIMATE, RELATED = 1, 2
"""A figure's kind in the data, bits: an estimate is a diamond, a related measure's figure hollow."""


def number(value: float) -> float | int:
    """A coordinate's value to four significant digits (the chart is 320 units wide), as JSON writes
    it shortest: 6.5, 7, 1.235e+05."""
    rounded = float(f"{value:.4g}")
    return int(rounded) if rounded.is_integer() and abs(rounded) < 1e15 else rounded


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


def series(
    metric: Metric, verdicts: list[Verdict], lang: str, figure: dict[str, int], card: dict[str, int]
) -> list[object]:
    """The measure's chart as data: [title lines, milestone (0/1), figures, goals]. ``figure`` numbers
    each figure as the page does (its words are at ``id="f<n>"``), ``card`` each card that shows the
    chart by its place among the page's cards."""
    milestone = metric.unit == "done"
    observations = sorted(
        {item.observation.id: item.observation for v in verdicts for item in v.evidence}.values(),
        key=lambda obs: (obs.year, obs.id),
    )
    points: list[list[object]] = []
    for obs in observations:
        low, high = _value(obs, metric)
        kind = (ESTIMATE if obs.estimated else 0) | (RELATED if obs.proxy is not None else 0)
        at = [number(low) if low is not None else None, number(high) if high is not None else None]
        values = at[:1] if low is not None and low == high else at
        points.append([obs.year, *values, kind, figure[obs.id]])
    goals: list[list[object]] = []
    for verdict in verdicts:
        target = verdict.target
        if target.comparator is Comparator.DONE:
            goal = 1.0
        else:
            assert target.goal is not None and target.unit is not None
            goal = float(target.goal * (conversion_factor(target.unit, metric.unit) or Decimal(1)))
        shown = [card[target.id]] if target.id in card else []
        goals.append([target.deadline_year, number(goal), STATUS_CODE[verdict.status.value], *shown])
    name = metric.zh if lang == "zh" else metric.en
    unit = "" if milestone else f" ({metric.unit})"
    return [_title_lines(name + unit), int(milestone), points, goals]


def legend(lang: str) -> str:
    """The legend under every chart, as HTML: text the reader's browser wraps at any width, in the
    page's size (a line inside the SVG would shrink with the chart on a phone)."""
    from html import escape

    from .. import labels
    from ..model import Status

    words = WORDS[lang]
    goals = " ".join(
        f"<span class={status.value[:2]}>—</span> {escape(words['goal'])} {escape(labels.status(status, lang))}"
        for status in Status
    )
    return " · ".join([*(f"{mark} {escape(words[key])}" for key, mark in MARKS.items()), goals])


def page_words(lang: str) -> dict[str, object]:
    """What every chart of a page shares: the legend and the milestone axis's two words."""
    return {
        "legend": legend(lang),
        "states": [words_of.phrase(fmt.NOT_DONE, lang), words_of.phrase(fmt.DONE, lang)],
    }


# The chart's look as classes of the page's stylesheet, much shorter than attributes in every chart.
STYLE = (
    "svg.chart{width:100%;max-width:520px;height:auto;display:block;margin:.5rem 0}"
    f".cc{{font:12px system-ui,sans-serif;fill:{MUTED}}}.ct{{font-size:13px;font-weight:600;fill:#1f2328}}"
    ".cf{fill:none;stroke:#8c959f}.cg{stroke:#d0d7de}.cy{text-anchor:end}.cx{text-anchor:middle}"
    + "".join(f".g{status[:2]}{{stroke:{colour};stroke-width:3}}" for status, colour in STATUS_COLOUR.items())
    + f".cp{{fill:{POINT};stroke:{POINT};stroke-width:1.5;cursor:pointer}}.cp .ch{{fill:none}}"
    ".cp .cr{fill:none;stroke-width:2.5}.cl{font-size:.9rem;margin:0 0 .5rem;color:#1f2328}"
)

# Draws the charts from the page's data (#data) and puts each in the cards of its measure and the
# five-year goals' figures; a click on a point shows that figure's words under the chart.
SCRIPT = f"""
const D=JSON.parse(document.getElementById('data').textContent);
const W={WIDTH},H={HEIGHT},L0={LEFT},R={RIGHT},T={TOP},B={BOTTOM},GOAL=['gme','gmi','gun'];
function ticks(lo,hi){{if(hi<=lo)return[lo];const raw=(hi-lo)/3,base=10**Math.floor(Math.log10(raw));
const step=[1,2,2.5,5,10].map(k=>base*k).find(s=>s>=raw),t=[];
for(let v=Math.ceil(lo/step)*step;v<=hi+step*1e-9;v+=step)t.push(+v.toFixed(10));return t;}}
const esc=s=>String(s).replace(/&/g,'&amp;').replace(/</g,'&lt;').replace(/"/g,'&quot;');
const r=v=>Math.round(v);
function words(f){{const e=document.getElementById('f'+f);if(!e)return'';const s=e.parentNode.closest('#sources>li');
return e.textContent+(s?' ('+s.id.slice(2)+')':'');}}
function chart([title,ms,pts,goals]){{
const years=[...pts.map(p=>p[0]),...goals.map(g=>g[0])];let x0=Math.min(...years),x1=Math.max(...years);
if(x0===x1){{x0--;x1++;}}
const vals=[];for(const p of pts)for(const v of p.slice(1,-2))if(v!==null)vals.push(v);
for(const g of goals)vals.push(g[1]);
const mn=Math.min(...vals),mx=Math.max(...vals);let lo=ms?0:mn,hi=ms?1:mx;
const span=(hi-lo)||Math.abs(hi)||1;lo-=span*.12;hi+=span*.12;
if(!ms&&mn>=0&&0>lo&&mn<span*.5)lo=0;
const axis0=ms?[[0,D.states[0]],[1,D.states[1]]]:ticks(mn,mx).filter(t=>lo<=t&&t<=hi).map(t=>[t,+t.toPrecision(4)]);
const L=Math.max(L0,8+Math.max(...axis0.map(a=>[...String(a[1])].reduce((n,c)=>n+(c>'\u2e7f'?12:7),0))));
const top=T+16*(title.length-1),x=y=>L+(y-x0)/(x1-x0)*(W-L-R),y=v=>top+(hi-v)/(hi-lo)*(H-top-B);
const label=D.chart.replace('{{}}',title.join(' '));
let s=`<svg class="chart" viewBox="0 0 ${{W}} ${{H}}" role="img" aria-label="${{esc(label)}}"><g class="cc">`;
title.forEach((t,i)=>s+=`<text x="4" y="${{16+16*i}}" class="ct">${{esc(t)}}</text>`);
s+=`<path d="M${{L}} ${{top}}V${{H-B}}H${{W-R}}" class="cf"/>`;
const axis=axis0.map(a=>[y(a[0]),a[1]]);
if(!ms)s+=`<path d="${{axis.map(a=>`M${{L}} ${{r(a[0])}}H${{W-R}}`).join('')}}" class="cg"/>`;
s+='<g class="cy">'
+axis.map(a=>`<text x="${{L-4}}" y="${{r(a[0]+4)}}">${{esc(a[1])}}</text>`).join('')+'</g><g class="cx">';
const step=Math.max(1,Math.ceil((x1-x0)/6));
for(let t=x0;t<=x1;t+=step)s+=`<text x="${{r(x(t))}}" y="${{H-B+14}}">${{t}}</text>`;
s+='</g>';const marks=[[],[],[]];
for(const g of goals)marks[g[2]].push(`M${{r(x(g[0])-9)}} ${{r(y(g[1]))}}h18`);
marks.forEach((m,i)=>{{if(m.length)s+=`<path d="${{m.join('')}}" class="${{GOAL[i]}}"/>`;}});
s+='<g class="cp">';
for(const p of pts){{const f=p[p.length-1],k=p[p.length-2],cx=r(x(p[0])),tip=`<title>${{esc(words(f))}}</title>`;
const cls=k&2?' class="ch"':'';
if(p.length===4){{const cy=y(p[1]);s+=k&1
?`<path data-f="${{f}}" d="M${{cx}} ${{r(cy-5)}}l5 5-5 5-5-5z"${{cls}}>${{tip}}</path>`
:`<circle data-f="${{f}}" cx="${{cx}}" cy="${{r(cy)}}" r="4"${{cls}}>${{tip}}</circle>`;}}
else{{const lo_=p[1],hi_=p[2],end=v=>`M${{cx-5}} ${{r(y(v))}}h10`;let d;
if(lo_!==null&&hi_!==null)d=end(lo_)+end(hi_)+`M${{cx}} ${{r(y(lo_))}}V${{r(y(hi_))}}`;
else{{const v=lo_!==null?lo_:hi_,k=lo_!==null?-1:1,at=r(y(v));
d=end(v)+`M${{cx}} ${{at}}v${{16*k}}m-4 ${{-4*k}}l4 ${{4*k}} 4 ${{-4*k}}`;}}
s+=`<path data-f="${{f}}" d="${{d}}" class="cr">${{tip}}</path>`;}}}}
return s+'</g></g></svg>';}}
const cards=[...document.querySelectorAll('#targets [id^="t-"]')],of={{}},lg=`<p class="cl">${{D.legend}}</p>`;
for(const m of D.charts){{const svg=chart(m);for(const g of m[3])if(g.length>3){{of[g[3]]=svg;
const c=cards[g[3]];let d=c.querySelector('details');
if(!d){{const name=esc(D.chart.replace('{{}}',m[0].join(' ')));
c.insertAdjacentHTML('beforeend',`<details><summary>${{name}}</summary></details>`);
d=c.lastElementChild;}}d.insertAdjacentHTML('beforeend',svg+lg);}}}}
for(const f of document.querySelectorAll('figure[data-c]'))
if(of[f.dataset.c])f.insertAdjacentHTML('afterbegin',of[f.dataset.c]+lg);
document.addEventListener('click',e=>{{const p=e.target.closest('[data-f]');if(!p)return;
const e2=document.getElementById('f'+p.dataset.f),box=p.closest('details,figure');if(!e2||!box)return;
let w=box.querySelector('.fw');if(!w){{w=document.createElement('p');w.className='fw';box.append(w);}}
const s=e2.parentNode.closest('#sources>li');w.innerHTML=e2.innerHTML+(s?' '+s.firstElementChild.outerHTML:'');}});
"""
