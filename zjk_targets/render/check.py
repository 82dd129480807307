"""``check``: verdict lines for people, annotations for GitHub Actions, JSON for other CI."""

from __future__ import annotations

import json

from rich.text import Text

from ..model import Status
from ..rules.verdicts import Verdict, summarise
from .terminal import STYLE
from .text import cell, one_line

_ANNOTATION = {Status.MET: "notice", Status.MISSED: "error", Status.UNKNOWN: "warning"}


def _escape_data(text: str) -> str:
    """GitHub workflow-command escaping of a message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def text(verdicts: tuple[Verdict, ...]) -> str:
    return "".join(one_line(f"{v.target.id}: {v.status.value} — {v.reason}") + "\n" for v in verdicts)


def coloured(verdicts: tuple[Verdict, ...]) -> Text:
    """As :func:`text`, with each status word in its colour (for a terminal)."""
    lines = Text()
    for verdict in verdicts:
        lines.append(one_line(verdict.target.id) + ": ")
        lines.append(verdict.status.value, style=STYLE[verdict.status])
        lines.append(" — " + one_line(verdict.reason) + "\n")
    return lines


# GitHub shows at most this many annotations of each kind (error, warning, notice) per step.
GITHUB_LIMIT = 10


def _annotation(verdict: Verdict) -> str:
    title = _escape_property(f"{verdict.target.id}: {verdict.status.value}")
    return f"::{_ANNOTATION[verdict.status]} title={title}::{_escape_data(one_line(verdict.reason))}"


def counts_line(verdicts: tuple[Verdict, ...]) -> str:
    counts = summarise(verdicts)
    noun = "target" if counts["total"] == 1 else "targets"
    return f"{counts['total']} {noun}: {counts['met']} met, {counts['missed']} missed, {counts['unknown']} unknown"


def github(verdicts: tuple[Verdict, ...]) -> str:
    """Annotations GitHub will show: every missed target first (error), then as many unknown
    (warning) and met (notice) ones as GitHub displays, then one notice with the counts."""
    by_status: dict[Status, list[Verdict]] = {status: [] for status in Status}
    for verdict in verdicts:
        by_status[verdict.status].append(verdict)
    missed = by_status[Status.MISSED]
    unknown = by_status[Status.UNKNOWN][:GITHUB_LIMIT]
    met = by_status[Status.MET][: GITHUB_LIMIT - 1]  # the summary is a notice too
    lines = [_annotation(verdict) for verdict in (*missed, *unknown, *met)]
    left_out = len(verdicts) - len(lines)
    summary = counts_line(verdicts)
    if left_out:
        summary += f"; {left_out} more not annotated (GitHub shows {GITHUB_LIMIT} of each kind): see the step summary"
    lines.append(f"::notice title={_escape_property('zjk-targets check')}::{_escape_data(summary)}")
    return "\n".join(lines) + "\n"


def json_error(message: str, problems: list[str], exit_code: int) -> str:
    """What ``check --format json`` prints when it cannot judge (bad id, bad data)."""
    data = {"schema_version": 1, "exit_code": exit_code, "error": message, "problems": problems, "results": []}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_json(verdicts: tuple[Verdict, ...], exit_code: int) -> str:
    data = {
        "schema_version": 1,
        "exit_code": exit_code,
        "results": [
            {
                "id": verdict.target.id,
                "status": verdict.status.value,
                "reason": verdict.reason,
                "caveats": list(verdict.caveats),
            }
            for verdict in verdicts
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def step_summary(verdicts: tuple[Verdict, ...]) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the counts and the missed targets first, then every
    verdict in a table (folded away when it is long)."""
    missed = [v for v in verdicts if v.status is Status.MISSED]
    lines = ["### zjk-targets check", "", f"**{counts_line(verdicts)}**", ""]
    if missed:
        lines += ["Missed:", ""] + [f"- `{cell(v.target.id)}`: {cell(v.reason)}" for v in missed] + [""]
    rows = [f"| `{cell(v.target.id)}` | **{v.status.value}** | {cell(v.reason)} |" for v in verdicts]
    table = ["| Target | Status | Reason |", "|---|---|---|", *rows]
    if len(verdicts) > GITHUB_LIMIT:
        table = [f"<details><summary>All {len(verdicts)} verdicts</summary>", "", *table, "", "</details>"]
    return "\n".join(lines + table) + "\n\n"
