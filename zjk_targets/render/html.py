"""``export --format html``: one self-contained page, answer first, readable on a phone.

Styles, script and charts are inline and nothing is fetched. The page follows the terminal
report: the counts, then the missed, met and unknown targets (the unknown ones grouped by why),
each a card whose evidence opens on demand. Each measure's chart is an SVG symbol drawn once
(:mod:`.svgchart`) and shown by reference wherever a target of that measure is. Every figure
cites its source by its id, linked to the list of sources, which gives its title, publisher, date
and trust and links to the document itself; a figure is written with its words once per page.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from .. import labels
from ..model import Dataset, PartialDate, Reading, Source, Status
from ..rules import wording as fmt
from ..rules.record import track_record
from ..rules.timeline import end_of
from ..rules.verdicts import Evidence, Role, Verdict, summarise
from . import lang as words_of
from . import record, svgchart
from .markdown import WORDS, headline
from .report import WORDS as REPORT_WORDS
from .report import Unknown, lean, unknown_kind
from .terminal import MARK
from .text import one_line, progress_bar, share_of_goal, visible

STYLE = (
    "*{box-sizing:border-box}"
    "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1f2328}"
    "h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem}"
    "h3{font-size:1.1rem}h4{margin:1rem 0 .5rem}"
    ".counts span{display:inline-block;margin-right:1rem;font-weight:600}"
    ".met{color:#1a7f37}.missed{color:#cf222e}.unknown{color:#9a6700}"
    "article{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}"
    "article p{margin:.25rem 0}.st{font-weight:700;white-space:nowrap}"
    "code{font-size:.9em;overflow-wrap:anywhere}.goal{color:#57606a}"
    "details summary{cursor:pointer;color:#0969da}"
    "blockquote{margin:.2rem 0 .4rem .75rem;color:#57606a;overflow-wrap:anywhere}"
    "ul.ev{padding-left:1.1rem}a{overflow-wrap:anywhere}"
    ".controls{margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}"
    ".controls input{flex:1 1 12rem;font:inherit;padding:.25rem}.controls select{font:inherit}"
    ".gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr));gap:1rem}"
    "figure{margin:0}figcaption{font-size:.9rem}"
    ".record{overflow-x:auto}.record table{border-collapse:collapse;font-size:.85rem}"
    ".record th,.record td{border-bottom:1px solid #d0d7de;padding:.2rem .4rem;text-align:left;vertical-align:top;"
    "white-space:nowrap}.record tbody th{position:sticky;left:0;background:#fff;white-space:normal;min-width:7rem}"
    "#sources li{margin:.25rem 0;overflow-wrap:anywhere}" + svgchart.STYLE
)

SCRIPT = """
const cards=[...document.querySelectorAll('article.target')];
function apply(){const q=document.getElementById('q').value.toLowerCase();
const s=document.getElementById('status').value;let shown=0;
for(const c of cards){const ok=(!s||c.dataset.status===s)&&c.textContent.toLowerCase().includes(q);
c.hidden=!ok;if(ok)shown++;}document.getElementById('shown').textContent=shown;}
document.getElementById('q').addEventListener('input',apply);
document.getElementById('status').addEventListener('change',apply);
apply();
const NS='http://www.w3.org/2000/svg';
for(const d of document.querySelectorAll('details[data-m]')){
const m=document.getElementById(d.dataset.m);if(!m)continue;
const s=document.createElementNS(NS,'svg'),u=document.createElementNS(NS,'use');u.setAttribute('href','#'+m.id);
for(const a of['viewBox','aria-label'])s.setAttribute(a,m.getAttribute(a));
s.setAttribute('class','chart');s.setAttribute('role','img');s.append(u);d.append(s);}
"""

HTML_WORDS = {
    "en": {
        "targets": "Targets",
        "filter": "filter",
        "all": "all",
        "shown": "shown",
        "evidence": "evidence ({n})",
        "set_by": "Set by",
        "goal": "goal",
        "outcome": "outcome",
        "chart": "Chart of {metric}",
        "document": "document",
        "file": "text",
        "others": "{n} more figures in the chart",
        "above": "words above",
        "cards": "A card's evidence gives the words that set the target and the figures that decided it (or "
        "conflicted, or were superseded), each with its words and its source; an unknown one's reason names the "
        "nearest figures; the chart shows every figure of the measure; zjk-targets show ID gives each with its words.",
    },
    "zh": {
        "targets": "目标",
        "filter": "筛选",
        "all": "全部",
        "shown": "项显示",
        "evidence": "证据（{n}）",
        "set_by": "出处",
        "goal": "目标",
        "outcome": "实际",
        "chart": "{metric}图",
        "document": "原文",
        "file": "文本",
        "others": "图中另有{n}个数据",
        "above": "原文见上",
        "cards": "每张卡片的证据列出设定目标的原文和决定判断（或相互矛盾、被取代）的数据，附原文和出处；"
        "未知的在理由中列出最近的数据；图中是该指标的全部数据；逐条原文：zjk-targets show ID --lang zh。",
    },
}


def _text(value: str) -> str:
    return escape(one_line(value))


def _href(url: str) -> str:
    """An address as an href. A Chinese file name stays as it is (the browser encodes it when it
    follows the link): percent-encoded, it would triple in size at every citation."""
    return escape(visible(url).replace(" ", "%20"))


def _cite(source: Source) -> str:
    """A source by its title, linked to its entry in the list of sources, which gives its publisher,
    date and trust and links to the document itself: a page cites a report many times, its address
    once."""
    return f'<a href="#s-{escape(source.id)}">{escape(source.id)}</a>'


def _behind(verdict: Verdict) -> list[Evidence]:
    """The figures behind the verdict: those that decided, conflicted or were superseded. Other
    years' figures and related measures are in the chart, and the nearest of them in the reason of
    an undecided target (each with its words: ``zjk-targets show ID``)."""
    return [item for item in verdict.evidence if item.role is not Role.CONTEXT]


class _Shown:
    """The figures a page has already shown with their words and source: each is written in full
    once (the one that decides a verdict always in its own card) and referred to afterwards."""

    def __init__(self) -> None:
        self.anchors: dict[str, str] = {}

    def full(self, item: Evidence) -> tuple[bool, str]:
        """Whether to write the figure in full here, and the id to give it ("" for none)."""
        key = item.observation.id
        if key in self.anchors:
            return item.decisive, ""
        self.anchors[key] = f"o{len(self.anchors)}"
        return True, f' id="{self.anchors[key]}"'


def _evidence(dataset: Dataset, verdict: Verdict, lang: str, shown: _Shown) -> str:
    words = HTML_WORDS[lang]
    target = verdict.target
    parts = [
        f"<p>{words['set_by']}: {_cite(dataset.sources[target.source])}</p>"
        f"<blockquote>{escape(visible(target.excerpt))}</blockquote>"
    ]
    if verdict.evidence:
        behind = _behind(verdict)
        parts.append('<ul class="ev">')
        for item in behind:
            obs = item.observation
            flags = [
                *([words_of.word(fmt.ESTIMATED, lang)] if obs.estimated else []),
                *([f"{words_of.phrase(f'{fmt.DERIVED}: ', lang)}{obs.derived}"] if obs.derived else []),
            ]  # a proxy's why already says "proxy: …"
            head = (
                f"<b>{obs.year}: {_text(words_of.phrase(fmt.observed(obs), lang))}</b> "
                f"[{escape(words_of.role(item, lang))}] {_text(words_of.why(item, lang))}"
            )
            full, anchor = shown.full(item)
            if not full:
                parts.append(f'<li>{head} · <a href="#{shown.anchors[obs.id]}">{words["above"]}</a></li>')
                continue
            parts.append(
                f"<li{anchor}>{head}<br>{_cite(item.source)}<blockquote>{escape(visible(obs.excerpt))}</blockquote>"
                + (f"<i>{_text('; '.join(flags))}</i>" if flags else "")
                + "</li>"
            )
        parts.append("</ul>")
        others = len(verdict.evidence) - len(behind)
        if others:
            parts.append(f"<p>{escape(words['others'].format(n=others))}</p>")
    return "".join(parts)


def _card(dataset: Dataset, verdict: Verdict, lang: str, shown: _Shown) -> str:
    words = HTML_WORDS[lang]
    target = verdict.target
    status = verdict.status.value
    headline_item = verdict.headline
    outcome = "—"
    if headline_item is not None:
        figure = words_of.figure(headline_item, lang)
        outcome = figure if headline_item.decisive else f"[{figure}]"
    share = share_of_goal(verdict)
    if share is not None:
        outcome += f" {progress_bar(share)}"
    if verdict.status is Status.UNKNOWN and unknown_kind(verdict) is Unknown.OTHERS_ONLY:
        leaning = lean(verdict)
        if leaning is not None:
            status_word = labels.status(leaning, lang)
            outcome += " · " + REPORT_WORDS[lang]["lean"].format(mark=MARK[leaning], status=status_word)
    # the measure's chart, put in by the script: a reference to it in every card would weigh more
    # than the cards' words
    chart = f' data-m="{svgchart.symbol_id(target.metric)}"' if verdict.evidence else ""
    return (
        f'<article class="target" data-status="{status}" id="t-{escape(target.id)}">'
        f'<p><span class="st {status}">{MARK[verdict.status]} {escape(labels.status(verdict.status, lang))}</span> '
        f"<code>{_text(target.id)}</code> {_text(target.name(lang))}</p>"
        f'<p class="goal">{words["goal"]} {_text(words_of.goal_and_period(target, lang))} · '
        f"{words['outcome']} {_text(outcome)}</p>"
        f"<p>{_text(words_of.reason(verdict, lang))}</p>"
        f"<details{chart}><summary>{words['evidence'].format(n=len(verdict.evidence))}</summary>"
        f"{_evidence(dataset, verdict, lang, shown)}</details></article>"
    )


def _targets(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str) -> str:
    words = REPORT_WORDS[lang]
    by_status: dict[Status, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_status[verdict.status].append(verdict)
    parts = []
    shown = _Shown()
    for status in (Status.MISSED, Status.MET):
        group = by_status.get(status, [])
        if group:
            parts.append(f'<h3 class="{status.value}">{escape(words[status].format(n=len(group)))}</h3>')
            parts += [_card(dataset, verdict, lang, shown) for verdict in group]
    unknown = by_status.get(Status.UNKNOWN, [])
    if unknown:
        parts.append(f'<h3 class="unknown">{escape(words[Status.UNKNOWN].format(n=len(unknown)))}</h3>')
        kinds: dict[Unknown, list[Verdict]] = defaultdict(list)
        for verdict in unknown:
            kinds[unknown_kind(verdict)].append(verdict)
        for kind in Unknown:
            group = kinds.get(kind, [])
            if group:
                parts.append(f"<h4>{escape(words[kind].format(n=len(group)))}</h4>")
                parts += [_card(dataset, verdict, lang, shown) for verdict in group]
    return "\n".join(parts)


def _chart_label(dataset: Dataset, metric_id: str, lang: str) -> str:
    metric = dataset.metrics[metric_id]
    return HTML_WORDS[lang]["chart"].format(metric=metric.zh if lang == "zh" else metric.en)


def _symbols(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str) -> str:
    """One SVG symbol per measure that has figures: each chart is in the page once."""
    by_metric: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_metric[verdict.target.metric].append(verdict)
    symbols = [
        svgchart.symbol(dataset, dataset.metrics[metric], group, lang, _chart_label(dataset, metric, lang))
        for metric, group in sorted(by_metric.items())
        if any(verdict.evidence for verdict in group)
    ]
    hidden = 'id="charts" width="0" height="0" style="position:absolute" aria-hidden="true"'
    return f"<svg {hidden}>{svgchart.legend(lang)}{''.join(symbols)}</svg>"


def _gallery(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str) -> str:
    five_year = [verdict for verdict in verdicts if verdict.target.by is not None and verdict.evidence]
    figures = []
    for verdict in five_year:
        target = verdict.target
        metric = dataset.metrics[target.metric]
        name = metric.zh if lang == "zh" else metric.en
        status = verdict.status.value
        figures.append(
            f"<figure>{svgchart.use(target.metric, HTML_WORDS[lang]['chart'].format(metric=name))}"
            f'<figcaption><a href="#t-{escape(target.id)}"><code>{_text(target.id)}</code></a> '
            f'<span class="st {status}">{MARK[verdict.status]} {escape(labels.status(verdict.status, lang))}</span>'
            f"</figcaption></figure>"
        )
    return f'<div class="gallery">{"".join(figures)}</div>'


def _sources(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str) -> str:
    words = HTML_WORDS[lang]
    cited = sorted(
        {verdict.target.source for verdict in verdicts}
        | {item.observation.source for verdict in verdicts for item in verdict.evidence}
    )
    items = []
    for key in cited:
        source = dataset.sources[key]
        links = []
        if source.url:
            links.append(f'<a href="{_href(source.url)}">{words["document"]}</a>')
        if source.file:
            links.append(f"{words['file']}: <code>{_text(source.file)}</code>")
        trust = escape(words_of.trust(source.trust.value, lang))
        items.append(
            f'<li id="s-{escape(source.id)}"><b>{escape(source.id)}</b>: {_text(source.title)}, '
            f"{_text(source.publisher)}, "
            f"{source.published}; {WORDS[lang]['trust']}: {trust}. {' · '.join(links)}</li>"
        )
    return f'<ol id="sources">{"".join(items)}</ol>'


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
                f'<td class="{verdict.status.value}">{escape(record.cell_words(verdict))}<br>{escape(mark)}</td>'
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


STYLE_FILE, SCRIPT_FILE = "zjk-targets.css", "zjk-targets.js"
ASSETS = {STYLE_FILE: STYLE, SCRIPT_FILE: SCRIPT.lstrip()}
"""The files a folder of pages shares (``render(..., linked=True)``): each page links them rather than
carrying its own copy; a page opened without them is plain but whole (every word, figure and link)."""


def render(
    dataset: Dataset,
    verdicts: tuple[Verdict, ...],
    lang: str = "en",
    as_of: PartialDate | None = None,
    linked: bool = False,
    reading: Reading = Reading.BAND,
) -> str:
    """The page; self-contained, or with ``linked`` its style and script in :data:`ASSETS`' files."""
    words = WORDS[lang]
    html_words = HTML_WORDS[lang]
    counts = summarise(verdicts)
    dated = f"<p>{escape(words['as_of'].format(date=end_of(as_of)))}</p>" if as_of is not None else ""
    options = "".join(f'<option value="{s.value}">{escape(labels.status(s, lang))}</option>' for s in Status)
    counts_html = "".join(
        f'<span class="{s.value}" id="count-{s.value}">{MARK[s]} {counts[s.value]} '
        f"{escape(labels.status(s, lang))}</span>"
        for s in Status
    )
    controls = (
        f'<input id="q" type="search" placeholder="{html_words["filter"]}" aria-label="{html_words["filter"]}">'
        f'<select id="status" aria-label="status"><option value="">{html_words["all"]}</option>{options}</select>'
        f'<span><span id="shown"></span> {html_words["shown"]}</span>'
    )
    rules = "".join(f"<li>{escape(rule)}</li>" for rule in words["rules"])
    title = fmt.title(dataset.about, lang)
    has_five_year = any(verdict.target.by is not None and verdict.evidence for verdict in verdicts)
    gallery = f"<h2>{escape(words['five_year'])}</h2>{_gallery(dataset, verdicts, lang)}" if has_five_year else ""
    style = f'<link rel="stylesheet" href="{STYLE_FILE}">' if linked else f"<style>{STYLE}</style>"
    script = f'<script src="{SCRIPT_FILE}"></script>' if linked else f"<script>{SCRIPT}</script>"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title>{style}</head><body>
{_symbols(dataset, verdicts, lang)}
<h1>{escape(title)}</h1>
<p id="headline">{escape(headline(dataset, verdicts, lang))}</p>
<p class="counts">{counts_html}</p>{dated}
<p id="about-reading">{escape(words_of.reading(reading, lang))}</p>
{_record(dataset, verdicts, lang)}
{gallery}
<h2>{html_words["targets"]}</h2><p>{escape(html_words["cards"])}</p>
<div class="controls">{controls}</div>
<section id="targets">
{_targets(dataset, verdicts, lang)}
</section>
<h2>{escape(words["sources"])}</h2>
{_sources(dataset, verdicts, lang)}
<h2>{escape(words["how"])}</h2><ol>{rules}</ol>
{script}
</body></html>
"""
