"""``export --format html``: one self-contained page, answer first, readable on a phone.

Styles, script and charts are inline and nothing is fetched. The page follows the terminal
report: the counts, then the missed, met and unknown targets (the unknown ones grouped by why),
each a card whose evidence opens on demand. Each measure's chart is an SVG symbol drawn once
(:mod:`.svgchart`) and shown by reference wherever a target of that measure is. Every figure
cites its source by its id, linked to the list of sources, which gives its title, publisher, date
and trust and links to the document itself; a figure is written with its words once per page.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from html import escape

from .. import labels
from ..model import Dataset, Observation, PartialDate, Reading, Source, Status, Target, Trust
from ..rules import wording as fmt
from ..rules.timeline import end_of
from ..rules.track_record import track_record
from ..rules.verdicts import Evidence, Role, Verdict, summarise
from . import lang as words_of
from . import record_view, svgchart
from .markdown import WORDS, headline
from .report_view import WORDS as REPORT_WORDS
from .report_view import Unknown, lean, nearest, unknown_kind
from .terminal import MARK
from .text import one_line, share_of_goal, visible

STYLE = (
    "*{box-sizing:border-box}"
    "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1f2328}"
    "h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2rem}"
    "h3{font-size:1.1rem}h4{margin:1rem 0 .5rem}h5{font-size:1rem;margin:1rem 0 0}"
    ".counts span{display:inline-block;margin-right:1rem;font-weight:600}"
    + "".join(
        f".{code}{{color:{colour}}}article.{code}{{color:inherit}}article.{code}>p:first-child>b:first-child{{color:{colour}}}"
        for code, colour in (("me", "#1a7f37"), ("mi", "#cf222e"), ("un", "#9a6700"))
    )
    + "article{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}"
    "article p{margin:.25rem 0}article>p>b:first-child{white-space:nowrap}"
    "code{font-size:.9em;overflow-wrap:anywhere}q{color:#57606a;overflow-wrap:anywhere}"
    "details summary{cursor:pointer;color:#0969da}dt{font-weight:600;margin-top:.75rem}"
    "dd{margin:.25rem 0 .25rem 1rem;overflow-wrap:anywhere}"
    "details ul{padding-left:1.1rem}a{overflow-wrap:anywhere}"
    ".controls{margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}"
    ".controls input{flex:1 1 12rem;font:inherit;padding:.25rem}.controls select{font:inherit}"
    ".gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr));gap:1rem}"
    "figure{margin:0}figcaption{font-size:.9rem}.fw{font-size:.9rem;border-left:3px solid #0969da;padding-left:.5rem}"
    ".record{overflow-x:auto}.record table{border-collapse:collapse;font-size:.85rem}"
    ".record th,.record td{border-bottom:1px solid #d0d7de;padding:.2rem .4rem;text-align:left;vertical-align:top;"
    "white-space:nowrap}.record tbody th{position:sticky;left:0;background:#fff;white-space:normal;min-width:7rem}"
    "#sources li{margin:.25rem 0;overflow-wrap:anywhere}#sources ul{padding-left:1.1rem}" + svgchart.STYLE
)

FILTER = """
const cards0=[...document.querySelectorAll('#targets [id^="t-"]')];
function apply(){const q=document.getElementById('q').value.toLowerCase();
const s=document.getElementById('status').value;let shown=0;
for(const c of cards0){let m=c;while(m.id)m=m.previousElementSibling;
const ok=(!s||(c.className||'un')===s)&&(m.textContent+c.textContent).toLowerCase().includes(q);
c.hidden=!ok;if(ok)shown++;}document.getElementById('shown').textContent=shown;}
document.getElementById('q').addEventListener('input',apply);
document.getElementById('status').addEventListener('change',apply);
apply();"""
SCRIPT = FILTER + svgchart.SCRIPT

CODE = {status: status.value[:2] for status in Status}
"""A card's class, its verdict: the short names the filter and the stylesheet know (me, mi, un)."""

HTML_WORDS = {
    "en": {
        "targets": "Targets",
        "filter": "filter",
        "all": "all",
        "shown": "shown",
        "charts": "{n} charts, each a five-year goal with its figures",
        "chart": "Chart of {metric}",
        "file": "text",
        "above": "words above",
        "figures_note": "Under each source, the figures it gives that no card lists, each with its words.",
        "figures_charts": " The charts show them, and a click on a point of a chart shows its words there.",
        "cards": "Targets under their measure (its id and name; a target's id is the measure's and its year's). A "
        "decided one is a card: the goal with the words that set it and their source, why, then the figures that "
        "decided it (or conflicted, or were superseded), each with its words and source. An unknown one is a row: "
        "the goal, its words and source, and why; the nearest figures it names are linked to their words (under "
        "their source, below).",
        "cards_charts": " A card opens its measure's chart on demand; a click on a point of a chart shows that "
        "figure's words.",
    },
    "zh": {
        "targets": "目标",
        "filter": "筛选",
        "all": "全部",
        "shown": "项显示",
        "charts": "{n} 张图：每个五年目标及其数据",
        "chart": "{metric}图",
        "file": "文本",
        "above": "原文见上",
        "figures_note": "每个来源下列出卡片未列出的该来源数据，附原文。",
        "figures_charts": "图中有这些数据，点击图中的点即可在图下看到原文。",
        "cards": "目标按指标排列（指标的编号和名称；目标的编号是指标编号加年份）。"
        "已判断的为卡片：目标及设定它的原文和出处、理由，以及决定判断（或相互矛盾、被取代）的数据，"
        "附原文和出处。未知的为一行：目标、原文和出处、理由；"
        "其中列出的最近数据都链接到原文（见下方其来源）。",
        "cards_charts": "点击卡片可看该指标的图；点击图中的点即可看到该数据的原文。",
    },
}


def _attr(value: str) -> str:
    """An attribute's value, quoted only where HTML needs it: ids and classes of letters, digits and
    dashes are most of a page's attributes."""
    text = escape(value)
    return text if text and all(char.isalnum() or char in "-_.:#" for char in text) else f'"{text}"'


def _text(value: str) -> str:
    return escape(one_line(value))


def _href(url: str) -> str:
    """An address as an href. A Chinese file name stays as it is (the browser encodes it when it
    follows the link): percent-encoded, it would triple in size at every citation."""
    return escape(visible(url).replace(" ", "%20"))


def _cite(source_id: str) -> str:
    """A source by its id, linked to its entry in the list of sources, which gives its title,
    publisher, date and trust and links to the document itself: a page cites a report many times,
    its address once."""
    return f"<a href={_attr('#s-' + source_id)}>{escape(source_id)}</a>"


def _words(excerpt: str) -> str:
    return f"<q>{escape(visible(excerpt))}</q>"


def _flags(obs: Observation, lang: str) -> str:
    flags = [
        *([words_of.word(fmt.ESTIMATED, lang)] if obs.estimated else []),
        *([f"{words_of.phrase(f'{fmt.DERIVED}: ', lang)}{obs.derived}"] if obs.derived else []),
    ]  # a proxy's why already says "proxy: …"
    return f" <i>{_text('; '.join(flags))}</i>" if flags else ""


def _behind(verdict: Verdict) -> list[Evidence]:
    """The figures behind the verdict: those that decided, conflicted or were superseded. Other
    years' figures and related measures are in the chart and in the list of the charts' figures,
    the nearest of them named in the reason of an undecided target."""
    return [item for item in verdict.evidence if item.role is not Role.CONTEXT]


class _Figures:
    """Every figure of a page by its number: its words and source are written once, at
    ``id="f<n>"`` (in a card for one that decides, conflicts or is superseded, the one that decides
    a verdict always in its own card; else in the list of the charts' figures), and referred to
    from elsewhere (another card, a chart's point)."""

    def __init__(self, verdicts: tuple[Verdict, ...], sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.number: dict[str, int] = {}
        for verdict in verdicts:
            for item in verdict.evidence:
                self.number.setdefault(item.observation.id, len(self.number))
        self.written: set[str] = set()
        self.listed = {item.observation.id for verdict in verdicts for item in _behind(verdict)}
        """The figures whose words the page writes: those behind a verdict, and those its charts show."""

    def full(self, item: Evidence) -> tuple[bool, str]:
        """Whether to write the figure in full here, and the id to give it ("" for none)."""
        key = item.observation.id
        if key in self.written:
            return item.decisive, ""
        self.written.add(key)
        return True, f" id=f{self.number[key]}"

    def link(self, item: Evidence, text: str) -> str:
        return f"<a href=#f{self.number[item.observation.id]}>{text}</a>"


def _evidence(verdict: Verdict, lang: str, figures: _Figures) -> str:
    """The card's evidence, each figure behind the verdict a line with its words and source (the
    role said unless it decides, as the reason above says); the chart opens on demand (the script
    puts it in; a card with figures of other years or measures only gets the chart alone, each of
    those figures linked from its reason and written with its words under its source)."""
    words = HTML_WORDS[lang]
    parts = []
    for item in _behind(verdict):
        obs = item.observation
        why = "" if item.why == fmt.DECIDES else f" {_text(words_of.why(item, lang))}"
        figure = _text(words_of.phrase(fmt.observed(obs), lang))
        role = "" if item.role is Role.DECISIVE else f" [{escape(words_of.role(item, lang))}]"
        head = f"<b>{obs.year}: {figure}</b>{role}{why}"
        full, anchor = figures.full(item)
        if not full:
            parts.append(f"<p>{head} · {figures.link(item, words['above'])}")
            continue
        parts.append(f"<p{anchor}>{head} {_cite(obs.source)} {_words(obs.excerpt)}{_flags(obs, lang)}")
    return "".join(parts)


def _reason(verdict: Verdict, lang: str, figures: _Figures) -> str:
    """The verdict's reason, without the label of an official source (trust, publisher, date: the
    figure's line cites the source, or its link leads to the figure's words under its source; a
    weaker source's label stays); the nearest figures it names, of an undecided target, each a
    link to its words."""
    reason = verdict.reason
    for item in verdict.evidence:  # an official source's label: the figure's line or link names the source
        source = figures.sources.get(item.observation.source)
        if source is not None and source.trust is Trust.OFFICIAL:
            reason = reason.replace(f" ({fmt.source_label(source)})", "")
    text = _text(words_of.phrase(reason, lang))
    start = 0
    for item in nearest(verdict) if not verdict.decisive else []:
        shown = _text(words_of.figure(item, lang))
        at = text.find(shown, start)
        if at >= 0 and item.observation.id in figures.listed:
            link = figures.link(item, shown)
            text = text[:at] + link + text[at + len(shown) :]
            start = at + len(link)
    return text


def _after(verdict: Verdict, lang: str) -> str:
    """What follows the reason: the share of the goal reached (a number: no bar of glyphs in HTML),
    and where only related measures speak, which way they lean."""
    after = ""
    share = share_of_goal(verdict)
    if share is not None:
        after += f" · {int(share * 100)}%"
    if verdict.status is Status.UNKNOWN and unknown_kind(verdict) is Unknown.OTHERS_ONLY:
        leaning = lean(verdict)
        if leaning is not None:
            status_word = labels.status(leaning, lang)
            after += " · " + REPORT_WORDS[lang]["lean"].format(mark=MARK[leaning], status=status_word)
    return escape(after)


def _card(verdict: Verdict, lang: str, figures: _Figures) -> str:
    target = verdict.target
    # the reason says the figure that decides (or the nearest ones); the goal is in the heading
    return (
        f"<article class={CODE[verdict.status]} id={_attr('t-' + target.id)}>"
        f"<p><b>{MARK[verdict.status]} {escape(labels.status(verdict.status, lang))}</b> "
        f"{_key(target)}{_text(words_of.goal_and_period(target, lang))}: "
        f"{_words(target.excerpt)} {_cite(target.source)}"
        f"<p>{_reason(verdict, lang, figures)}{_after(verdict, lang)}"
        + _evidence(verdict, lang, figures)
        + "</article>"
    )


def _own_id(target: Target) -> bool:
    """Whether the target's id is its measure's and its year's (most are): a row then names the
    measure once, above its years, and the id is not written again."""
    return target.id == f"{target.metric}-{target.deadline_year}"


def _bare_name(target: Target, lang: str) -> str:
    """The target's name without the goal a drafted name ends with (the row says the goal)."""
    name = target.name(lang)
    if target.goal is not None and target.unit is not None:
        plain = fmt.goal_text(target.comparator.symbol, fmt.number(target.goal), target.unit, None)
        name = name.removesuffix(" " + plain)
    return name


def _by_measure(group: list[Verdict]) -> dict[str, list[Verdict]]:
    by_measure: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in group:
        by_measure[verdict.target.metric].append(verdict)
    return by_measure


def _measure(metric: str, rows: list[Verdict], lang: str) -> str:
    """A measure's id, and its name unless the words of every target of it say it (as those of a
    measure drafted from the report's own words do): said once above its targets, each of which
    says its goal and year (its id is the measure's and the year's, or written where it is not)."""
    names = list(dict.fromkeys(_bare_name(verdict.target, lang) for verdict in rows))
    said = len(names) == 1 and all(names[0] in verdict.target.excerpt for verdict in rows)
    return f"<code>{_text(metric)}</code>" + ("" if said else f" {_text(' / '.join(names))}")


def _key(target: Target) -> str:
    return "" if _own_id(target) else f"<code>{_text(target.id)}</code> "


def _rows(group: list[Verdict], lang: str, figures: _Figures) -> str:
    """Unknown targets as compact rows under their measure: each the goal and its year, the words
    that set it and their source, and why it is unknown (the nearest figures linked to their
    words; figures that conflict or were superseded below it, as in a card); a measure's chart,
    where it has figures, opens under its row."""
    parts = ["<dl>"]
    for metric, rows in _by_measure(group).items():
        parts.append(f"<dt>{_measure(metric, rows, lang)}")
        for verdict in rows:
            target = verdict.target
            parts.append(
                f"<dd id={_attr('t-' + target.id)}>{_key(target)}{_text(words_of.goal_and_period(target, lang))}: "
                f"{_words(target.excerpt)} {_cite(target.source)} · {_reason(verdict, lang, figures)}"
                f"{_after(verdict, lang)}{_evidence(verdict, lang, figures)}"
            )
    return "".join(parts) + "</dl>"


def _cards(group: list[Verdict], lang: str, figures: _Figures) -> list[str]:
    """Decided targets as cards under their measure."""
    parts = []
    for metric, rows in _by_measure(group).items():
        parts.append(f"<h5>{_measure(metric, rows, lang)}</h5>")
        parts += [_card(verdict, lang, figures) for verdict in rows]
    return parts


def _in_order(verdicts: tuple[Verdict, ...]) -> list[tuple[str, list[Verdict]]]:
    """The cards as the page shows them: missed, met, then unknown by why, each under its heading
    (the report's words, keyed)."""
    by_status: dict[Status, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_status[verdict.status].append(verdict)
    groups: list[tuple[str, list[Verdict]]] = []
    for status in (Status.MISSED, Status.MET):
        if by_status.get(status):
            rows = sorted(by_status[status], key=lambda v: (v.target.metric, v.target.deadline_year))
            groups.append((f"h3 class={CODE[status]}:{status.value}", rows))
    unknown = by_status.get(Status.UNKNOWN, [])
    if unknown:
        groups.append((f"h3 class={CODE[Status.UNKNOWN]}:{Status.UNKNOWN.value}", []))
        kinds: dict[Unknown, list[Verdict]] = defaultdict(list)
        for verdict in unknown:
            kinds[unknown_kind(verdict)].append(verdict)
        for kind in Unknown:
            if kinds.get(kind):
                rows = sorted(kinds[kind], key=lambda v: (v.target.metric, v.target.deadline_year))
                groups.append((f"h4:{kind.value}", rows))
    return groups


def _group_heading(key: str, n: int, lang: str) -> str:
    tag, name = key.split(":")
    words = REPORT_WORDS[lang]
    word = words[Status(name)] if name in {s.value for s in Status} else words[Unknown(name)]
    return f"<{tag}>{escape(word.format(n=n))}</{tag.split()[0]}>"


def _context_only(verdicts: tuple[Verdict, ...]) -> dict[str, Observation]:
    """The figures no card lists (each one's words go in the list of the charts' figures)."""
    behind = {item.observation.id for verdict in verdicts for item in _behind(verdict)}
    return {
        item.observation.id: item.observation
        for verdict in verdicts
        for item in verdict.evidence
        if item.observation.id not in behind
    }


def _metric_name(dataset: Dataset, metric_id: str, lang: str) -> str:
    metric = dataset.metrics.get(metric_id)
    if metric is None:
        return metric_id
    return (metric.zh if lang == "zh" else metric.en) + ("" if metric.unit == "done" else f" ({metric.unit})")


def _figures_of(context: dict[str, Observation], figures: _Figures, lang: str) -> dict[str, str]:
    """The charts' figures that no card lists, as a list under the source that gives them, each with
    its words: a source's id is written once for all its figures."""
    by_source: dict[str, list[Observation]] = defaultdict(list)
    for obs in context.values():
        by_source[obs.source].append(obs)
    lists = {}
    for source, observations in by_source.items():
        items = []
        for obs in sorted(observations, key=lambda obs: (obs.metric, obs.year, obs.id)):
            figure = _text(words_of.phrase(fmt.observed(obs), lang))
            number = figures.number[obs.id]
            items.append(f"<li id=f{number}>{obs.year}: {figure} {_words(obs.excerpt)}{_flags(obs, lang)}")
        lists[source] = f"<ul>{''.join(items)}</ul>"
    return lists


def _data(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str, figures: _Figures, card: dict[str, int]) -> str:
    """The charts as data for the script: one entry per measure that has figures."""
    by_metric: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_metric[verdict.target.metric].append(verdict)
    charts = [
        svgchart.series(dataset.metrics[metric], group, lang, figures.number, card)
        for metric, group in sorted(by_metric.items())
        if any(verdict.evidence for verdict in group)
    ]
    data = {"chart": HTML_WORDS[lang]["chart"].format(metric="{}"), **svgchart.page_words(lang), "charts": charts}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="data">{text}</script>'


def _gallery(verdicts: tuple[Verdict, ...], lang: str, card: dict[str, int]) -> str:
    figures = []
    for verdict in verdicts:
        target = verdict.target
        if target.by is None or not verdict.evidence:
            continue
        figures.append(
            f"<figure data-c={card[target.id]}><figcaption><a href={_attr('#t-' + target.id)}>"
            f"<code>{_text(target.id)}</code></a> "
            f"<b class={CODE[verdict.status]}>{MARK[verdict.status]} {escape(labels.status(verdict.status, lang))}</b>"
            f"</figcaption></figure>"
        )
    summary = escape(HTML_WORDS[lang]["charts"].format(n=len(figures)))
    return f"<details><summary>{summary}</summary><div class=gallery>{''.join(figures)}</div></details>"


def _sources(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str, figures: dict[str, str]) -> str:
    """The cited sources, each by its id linked to the document itself (its file in the collection
    where the address does not already end with it), and the charts' figures it gives that no card
    lists."""
    words = HTML_WORDS[lang]
    cited = sorted(
        {verdict.target.source for verdict in verdicts}
        | {item.observation.source for verdict in verdicts for item in verdict.evidence}
    )
    items = []
    for key in cited:
        source = dataset.sources[key]
        name = escape(source.id)
        head = f'<a href="{_href(source.url)}">{name}</a>' if source.url else f"<b>{name}</b>"
        text = ""
        if source.file and not (source.url and visible(source.url).endswith(source.file.split("/", 1)[-1])):
            text = f" {words['file']}: <code>{_text(source.file)}</code>"
        trust = escape(words_of.trust(source.trust.value, lang))
        items.append(
            f"<li id={_attr('s-' + source.id)}>{head}: {_text(source.title)}, {_text(source.publisher)}, "
            f"{source.published}; {WORDS[lang]['trust']}: {trust}.{text}{figures.get(key, '')}"
        )
    return f"<ol id=sources>{''.join(items)}</ol>"


def _record(dataset: Dataset, verdicts: tuple[Verdict, ...], lang: str) -> str:
    """The track record as a table: measures by years, each cell goal → actual and the status's mark
    in its colour (as the terminal shows it); each verdict's words are in its card."""
    matrix = track_record(dataset, verdicts)
    if len(matrix.years) < 2:
        return ""
    words = record_view.WORDS[lang]
    head = "".join(f"<th>{escape(text)}" for text in (words["measure"], *map(str, matrix.years), words["share"]))
    rows = []
    for metric in matrix.metrics:
        cells = [f"<th>{escape(record_view.row_label(matrix, metric.id, lang))}"]
        for year in matrix.years:
            verdict = matrix.cell(metric.id, year)
            if verdict is None:
                cells.append("<td>")
                continue
            cells.append(
                f"<td class={CODE[verdict.status]}>{escape(record_view.cell_words(verdict))} "
                f"{record_view.MARK[verdict.status]}"
            )
        cells.append(f"<td>{escape(record_view.share_words(matrix.by_metric(metric.id)))}")
        rows.append("<tr>" + "".join(cells))
    footer = "".join(f"<td>{escape(record_view.share_words(matrix.by_year(year)))}" for year in matrix.years)
    return (
        f"<h2>{escape(WORDS[lang]['record'])}</h2><p>{escape(record_view.answer(matrix, lang))}</p>"
        f"<div class=record><table id=record><thead><tr>{head}</thead><tbody>{''.join(rows)}</tbody>"
        f"<tfoot><tr><th>{escape(words['share_row'])}{footer}<td></tfoot></table></div>"
        f"<p>{escape(words['legend'])}"
        + escape(words["in_page"]).replace("{targets}", f"<a href=#targets>{escape(HTML_WORDS[lang]['targets'])}</a>")
        + "</p>"
    )


def _guide(lang: str, charts: bool = True) -> tuple[str, str]:
    """How to read a page: its targets, and the figures under its sources (and its charts, where
    it has them)."""
    words = HTML_WORDS[lang]
    cards = words["cards"] + (words["cards_charts"] if charts else "")
    figures = words["figures_note"] + (words["figures_charts"] if charts else "")
    return f"<p>{escape(cards)}</p>", f"<p>{escape(figures)}</p>"


def rules(lang: str, guide: bool = True, charts: bool = True) -> str:
    """How verdicts are reached, as a heading (``id="how"``) and a list; with ``guide``, how to read
    a page after it (a folder's pages say it once, on :data:`INDEX`; they have no charts)."""
    words = WORDS[lang]
    items = "".join(f"<li>{escape(rule)}</li>" for rule in words["rules"])
    return f'<h2 id="how">{escape(words["how"])}</h2><ol>{items}</ol>' + (
        "".join(_guide(lang, charts)) if guide else ""
    )


STYLE_FILE, SCRIPT_FILE = "zjk-targets.css", "zjk-targets.js"
ASSETS = {STYLE_FILE: STYLE, SCRIPT_FILE: FILTER.lstrip()}
"""The files a folder of pages shares (``render(..., linked=True)``): each page links them rather than
carrying its own copy; a page opened without them is plain but whole (every word, figure and link).
A folder's pages (the national site, ~350 of them) have no charts and no track-record table: the
charts' data, the words of every figure they show and the table (which repeats the cards' verdicts)
were 4 of its 13.4 MB; each place's counts, its missed, met and unknown targets with their words and
sources stay."""
INDEX = "index.html"
"""The page beside a folder's pages that says how verdicts are reached (:func:`rules`), once."""


def render(
    dataset: Dataset,
    verdicts: tuple[Verdict, ...],
    lang: str = "en",
    as_of: PartialDate | None = None,
    linked: bool = False,
    reading: Reading = Reading.BAND,
) -> str:
    """The page; self-contained, or with ``linked`` its style and script in :data:`ASSETS`' files and
    how verdicts are reached in :data:`INDEX`."""
    words = WORDS[lang]
    html_words = HTML_WORDS[lang]
    counts = summarise(verdicts)
    dated = f"<p>{escape(words['as_of'].format(date=end_of(as_of)))}</p>" if as_of is not None else ""
    options = "".join(f"<option value={CODE[s]}>{escape(labels.status(s, lang))}</option>" for s in Status)
    counts_html = "".join(
        f"<span class={CODE[s]} id=count-{s.value}>{MARK[s]} {counts[s.value]} {escape(labels.status(s, lang))}</span>"
        for s in Status
    )
    controls = (
        f"<input id=q type=search placeholder={_attr(html_words['filter'])} aria-label={_attr(html_words['filter'])}>"
        f'<select id=status aria-label=status><option value="">{html_words["all"]}</option>{options}</select>'
        f"<span><span id=shown></span> {html_words['shown']}</span>"
    )
    title = fmt.title(dataset.about, lang)
    order = _in_order(verdicts)
    card = {
        verdict.target.id: index
        for index, verdict in enumerate(verdict for _, group in order for verdict in group)
        if verdict.evidence
    }
    charts = not linked
    figures = _Figures(verdicts, dataset.sources)
    context = _context_only(verdicts) if charts else {}
    figures.listed |= context.keys()
    cards = []
    for key, group in order:
        n = len(group) if group else sum(1 for verdict in verdicts if verdict.status is Status.UNKNOWN)
        cards.append(_group_heading(key, n, lang))
        if key.startswith("h4"):
            cards.append(_rows(group, lang, figures))
        else:
            cards += _cards(group, lang, figures)
    has_five_year = charts and any(verdict.target.by is not None and verdict.evidence for verdict in verdicts)
    gallery = f"<h2>{escape(words['five_year'])}</h2>{_gallery(verdicts, lang, card)}" if has_five_year else ""
    style = f"<link rel=stylesheet href={STYLE_FILE}>" if linked else f"<style>{STYLE}</style>"
    script = f"<script src={SCRIPT_FILE}></script>" if linked else f"<script>{SCRIPT}</script>"
    how = f"<p><a href={INDEX}#how>{escape(words['how'])}</a></p>" if linked else rules(lang, guide=False)
    cards_note, figures_note = ("", "") if linked else _guide(lang)
    cards_html = "\n".join(cards)
    return f"""<!DOCTYPE html>
<html lang={lang}><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
<title>{escape(title)}</title>{style}</head><body>
<h1>{escape(title)}</h1>
<p id=headline>{escape(headline(dataset, verdicts, lang))}</p>
<p class=counts>{counts_html}</p>{dated}
<p id=about-reading>{escape(words_of.reading(reading, lang))}</p>
<h2>{html_words["targets"]}</h2>
<div class=controls>{controls}</div>
<section id=targets>
{cards_html}
</section>{cards_note}
{_record(dataset, verdicts, lang) if charts else ""}
{gallery}
<h2>{escape(words["sources"])}</h2>
{figures_note}
{_sources(dataset, verdicts, lang, _figures_of(context, figures, lang))}
{how}
{_data(dataset, verdicts, lang, figures, card) if charts else ""}
{script}
</body></html>
"""
