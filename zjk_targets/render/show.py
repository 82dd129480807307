"""``show ID``: everything about one target, as plain text."""

from __future__ import annotations

from .. import labels
from ..model import Dataset, Source
from ..rules import wording as fmt
from ..rules.verdicts import Verdict
from .text import one_line, visible


def _cite(source: Source) -> str:
    where = source.url or source.file or ""
    return f"{source.id}: {source.title} ({source.label}) {where}"


def _field(label: str, text: str) -> str:
    return f"  {label:<10} {one_line(text)}".rstrip()


def _quote(text: str) -> str:
    return "      「" + visible(text).replace("\n", "\n       ") + "」"


def render(dataset: Dataset, verdict: Verdict, lang: str = "en") -> str:
    target = verdict.target
    metric = dataset.metrics[target.metric]
    metric_text = f"{metric.id}: {metric.en} / {metric.zh} ({metric.unit}, {metric.direction.value} is better)"
    lines = [
        one_line(f"{target.id}: {target.en}"),
        _field("", target.zh),
        "",
        _field("category", target.category),
        _field("metric", metric_text),
        _field("goal", f"{fmt.goal(target)} {target.period}"),
        _field("set by", _cite(dataset.sources[target.source])),
        _quote(target.excerpt),
    ]
    if target.derived:
        lines.append(_field("derived", target.derived))
    if target.note:
        lines.append(_field("note", target.note))
    lines += [
        "",
        _field("status", labels.status(verdict.status, lang)),
        _field("reason", verdict.reason),
        "",
        _field("evidence", f"{len(verdict.evidence)} observation(s) of this metric"),
    ]
    for item in verdict.evidence:
        obs = item.observation
        outcome = f", {item.outcome.value}" if item.outcome else ""
        flags = [
            *(["estimated (预计)"] if obs.estimated else []),
            *([f"derived: {obs.derived}"] if obs.derived else []),
            *([f"proxy: {obs.proxy}"] if obs.proxy else []),
            *([f"year: {obs.year_basis}"] if obs.year_basis else []),
        ]
        lines += [
            "  - " + one_line(f"{obs.year}: {fmt.observed(obs)} [{item.role.value}{outcome}] {obs.id}"),
            "      why: " + one_line(item.why),
            "      from " + one_line(_cite(item.source)),
            _quote(obs.excerpt),
        ]
        if flags:
            lines.append("      flags: " + one_line("; ".join(flags)))
    return "\n".join(lines) + "\n"
