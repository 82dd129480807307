"""``show ID``: everything about one target, as plain text, in English or Chinese."""

from __future__ import annotations

from rich.cells import cell_len

from .. import labels
from ..model import Comparator, Dataset, Reading, Source
from ..rules import wording as fmt
from ..rules.verdicts import Verdict
from . import lang as words_of
from .text import one_line, visible

WORDS = {
    "en": {
        "category": "category",
        "metric": "metric",
        "goal": "goal",
        "set by": "set by",
        "note": "note",
        "status": "status",
        "reason": "reason",
        "evidence": "evidence",
        "count": "{n} observation(s) of this metric",
        "why": "why",
        "from": "from",
        "flags": "flags",
        "better": "{direction} is better",
        "directions": {"higher": "higher", "lower": "lower"},
        "year": "year",
    },
    "zh": {
        "category": "类别",
        "metric": "指标",
        "goal": "目标",
        "set by": "出处",
        "note": "备注",
        "status": "结论",
        "reason": "依据",
        "evidence": "证据",
        "count": "该指标共{n}个数据",
        "why": "作用",
        "from": "来源",
        "flags": "标注",
        "better": "越{direction}越好",
        "directions": {"higher": "高", "lower": "低"},
        "year": "年份",
    },
}


def _cite(source: Source, lang: str) -> str:
    where = source.url or source.file or ""
    label = fmt.label(words_of.trust(source.trust.value, lang), source.publisher, source.published)
    return f"{source.id}: {source.title} ({label}) {where}"


def _field(label: str, text: str) -> str:
    pad = " " * max(1, 11 - cell_len(label))
    return f"  {label}{pad}{one_line(text)}".rstrip()


def _quote(text: str) -> str:
    return "      「" + visible(text).replace("\n", "\n       ") + "」"


def render(dataset: Dataset, verdict: Verdict, lang: str = "en", reading: Reading = Reading.BAND) -> str:
    """One target, its verdict and every figure; for an about (左右) goal, how it was read."""
    words = WORDS[lang]
    target = verdict.target
    metric = dataset.metrics[target.metric]
    better = words["better"].format(direction=words["directions"][metric.direction.value])
    first, second = (metric.zh, metric.en) if lang == "zh" else (metric.en, metric.zh)
    metric_text = f"{metric.id}: {first} / {second} ({metric.unit}, {better})"
    title, subtitle = (target.zh, target.en) if lang == "zh" else (target.en, target.zh)
    lines = [
        one_line(f"{target.id}: {title}"),
        _field("", subtitle),
        "",
        _field(words["category"], labels.category(target.category, lang) if lang == "zh" else target.category),
        _field(words["metric"], metric_text),
        _field(words["goal"], words_of.goal_and_period(target, lang)),
        _field(words["set by"], _cite(dataset.sources[target.source], lang)),
        _quote(target.excerpt),
    ]
    if target.derived:
        lines.append(_field(words_of.word(fmt.DERIVED, lang), target.derived))
    if target.note:
        lines.append(_field(words["note"], target.note))
    lines += [
        "",
        _field(words["status"], labels.status(verdict.status, lang)),
        _field(words["reason"], words_of.reason(verdict, lang)),
        *([_field("", words_of.reading(reading, lang))] if target.comparator is Comparator.ABOUT else []),
        "",
        _field(words["evidence"], words["count"].format(n=len(verdict.evidence))),
    ]
    for item in verdict.evidence:
        obs = item.observation
        outcome = f", {labels.status(item.outcome, lang)}" if item.outcome else ""
        flags = [
            *([words_of.word(fmt.ESTIMATED, lang)] if obs.estimated else []),
            *([f"{words_of.word(fmt.DERIVED, lang)}: {obs.derived}"] if obs.derived else []),
            *([words_of.phrase(fmt.proxy(""), lang) + obs.proxy] if obs.proxy else []),
            *([f"{words['year']}: {obs.year_basis}"] if obs.year_basis else []),
        ]
        figure = f"{obs.year}: {words_of.phrase(fmt.observed(obs), lang)}"
        lines += [
            "  - " + one_line(f"{figure} [{words_of.role(item, lang)}{outcome}] {obs.id}"),
            f"      {words['why']}: " + one_line(words_of.why(item, lang)),
            f"      {words['from']} " + one_line(_cite(item.source, lang)),
            _quote(obs.excerpt),
        ]
        if flags:
            lines.append(f"      {words['flags']}: " + one_line("; ".join(flags)))
    return "\n".join(lines) + "\n"
