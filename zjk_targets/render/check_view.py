"""``check``: verdict lines for people, annotations for GitHub Actions, JSON for other CI."""

from __future__ import annotations

import json

from rich.text import Text

from ..errors import Problem
from ..model import Reading, Status
from ..rules import wording
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


# GitHub shows at most this many annotations of each kind (error, warning, notice) per step; the
# rest are dropped without a word in its UI (and a job shows 50 at most, whatever its steps).
GITHUB_LIMIT = 10
_KINDS = (Status.MISSED, Status.UNKNOWN, Status.MET)  # errors, warnings, notices: the order printed


def _annotation(verdict: Verdict) -> str:
    title = _escape_property(f"{verdict.target.id}: {verdict.status.value}")
    return f"::{_ANNOTATION[verdict.status]} title={title}::{_escape_data(one_line(verdict.reason))}"


def counts_line(verdicts: tuple[Verdict, ...]) -> str:
    counts = summarise(verdicts)
    noun = "target" if counts["total"] == 1 else "targets"
    return f"{counts['total']} {noun}: {counts['met']} met, {counts['missed']} missed, {counts['unknown']} unknown"


def _importance(verdict: Verdict) -> tuple[bool, int, str]:
    """Which verdicts of a kind get GitHub's few annotations: headline targets first, then the
    latest years (a run checks what is at stake now; old years are settled), then by id."""
    target = verdict.target
    return (not target.headline, -target.deadline_year, target.id)


def _annotated(verdicts: tuple[Verdict, ...], failed: bool = False) -> tuple[list[Verdict], list[Verdict]]:
    """(annotated, left out): the most important verdicts of each kind, as many as GitHub shows,
    with one kept for the counts (an error when the check fails, else a notice); the rest in the
    order given."""
    annotated: list[Verdict] = []
    counts_kind = Status.MISSED if failed else Status.MET
    for status in _KINDS:
        room = GITHUB_LIMIT - 1 if status is counts_kind else GITHUB_LIMIT
        annotated += sorted((v for v in verdicts if v.status is status), key=_importance)[:room]
    chosen = {v.target.id for v in annotated}
    return annotated, [v for v in verdicts if v.target.id not in chosen]


_SHOWN = f"GitHub shows {GITHUB_LIMIT} of each kind per step"


def _kinds(left_out: list[Verdict]) -> str:
    """ "11 missed, 157 unknown, 49 met" """
    counts = summarise(left_out)
    return ", ".join(f"{counts[s.value]} {s.value}" for s in _KINDS if counts[s.value])


def _failed(verdicts: tuple[Verdict, ...], code: int) -> str:
    """Why the check fails with exit ``code`` (0: it passes, "")."""
    if not code:
        return ""
    worst = Status.MISSED if any(v.status is Status.MISSED for v in verdicts) else Status.UNKNOWN
    return wording.check_fails(code, worst)


def github(verdicts: tuple[Verdict, ...], code: int = 0) -> str:
    """Annotations GitHub will show: the missed targets (error), then the unknown (warning) and
    met (notice) ones, most important first and as many of each as GitHub displays, then the
    counts and how many were left out: an error that says why when the check fails (``code``),
    else a notice."""
    annotated, left_out = _annotated(verdicts, bool(code))
    lines = [_annotation(verdict) for verdict in annotated]
    summary = counts_line(verdicts)
    if left_out:
        summary += f"; {len(left_out)} more not annotated ({_kinds(left_out)}; {_SHOWN}): see the step summary"
    if code:
        summary += f"; {_failed(verdicts, code)}"
    kind = "error" if code else "notice"
    lines.append(f"::{kind} title={_escape_property(_TITLE)}::{_escape_data(summary)}")
    return "\n".join(lines) + "\n"


_TITLE = "zjk-targets check"


def _problem_annotation(problem: Problem) -> str:
    """A data problem where GitHub shows it: at its file and line (on the pull request's diff)."""
    where = f"file={_escape_property(problem.path)}" + (f",line={problem.line}" if problem.line else "")
    return f"::error {where},title={_escape_property(_TITLE)}::{_escape_data(one_line(problem.message))}"


def github_failure(lines: list[str], problems: list[Problem]) -> str:
    """Why nothing was judged, as error annotations: each data problem at its file and line (as
    many as GitHub shows, keeping one), then the message of the whole."""
    shown = problems[: GITHUB_LIMIT - 1]
    said = [_problem_annotation(problem) for problem in shown]
    messages = [one_line(line) for line in lines]
    if len(problems) > len(shown):
        messages[-1] += f"; {len(problems) - len(shown)} more not annotated ({_SHOWN}): see the step summary"
    said += [f"::error title={_escape_property(_TITLE)}::{_escape_data(message)}" for message in messages]
    return "\n".join(said) + "\n"


def failure_summary(lines: list[str], problems: list[Problem]) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY when nothing was judged: the message, then every problem."""
    out = [f"### {_TITLE}", "", *(f"**{cell(line)}**" for line in lines), ""]
    if problems:
        out += [f"- `{cell(f'{p.path}:{p.line}' if p.line else p.path)}`: {cell(p.message)}" for p in problems] + [""]
    return "\n".join(out) + "\n"


def json_error(message: str, problems: list[str], exit_code: int) -> str:
    """What ``check --format json`` prints when it cannot judge (bad id, bad data)."""
    data = {"schema_version": 1, "exit_code": exit_code, "error": message, "problems": problems, "results": []}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_json(verdicts: tuple[Verdict, ...], exit_code: int, reading: Reading = Reading.BAND) -> str:
    data = {
        "schema_version": 1,
        "exit_code": exit_code,
        "about_reading": {"reading": reading.value, "note": wording.reading(reading)},
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


def step_summary(
    verdicts: tuple[Verdict, ...], annotated: bool = False, reading: Reading = Reading.BAND, code: int = 0
) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the counts (and why the check fails, by its exit
    ``code``) and the missed targets first, then (after annotations) the ones GitHub was not shown
    by name, then every verdict in a table (folded away when it is long)."""
    missed = [v for v in verdicts if v.status is Status.MISSED]
    failed = f" — {_failed(verdicts, code)}" if code else ""
    lines = [f"### {_TITLE}", "", f"**{counts_line(verdicts)}**{failed}", ""]
    if missed:
        lines += ["Missed:", ""] + [f"- `{cell(v.target.id)}`: {cell(v.reason)}" for v in missed] + [""]
    left_out = _annotated(verdicts, bool(code))[1] if annotated else []
    if left_out:
        unseen = [f"`{cell(v.target.id)}`" for v in left_out if v.status is Status.MISSED]
        named = f" The missed ones: {', '.join(unseen)}." if unseen else ""
        lines += [f"Not annotated ({_SHOWN}): {_kinds(left_out)}.{named} Every verdict is in the table below.", ""]
    rows = [f"| `{cell(v.target.id)}` | **{v.status.value}** | {cell(v.reason)} |" for v in verdicts]
    table = ["| Target | Status | Reason |", "|---|---|---|", *rows]
    if len(verdicts) > GITHUB_LIMIT:
        table = [f"<details><summary>All {len(verdicts)} verdicts</summary>", "", *table, "", "</details>"]
    return "\n".join([*lines, *table, "", wording.reading(reading)]) + "\n\n"
