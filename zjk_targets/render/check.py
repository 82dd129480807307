"""``check``: verdict lines for people, annotations for GitHub Actions, JSON for other CI."""

from __future__ import annotations

import enum
import json

from ..model import Status
from ..rules.verdicts import Verdict
from .markdown import cell
from .text import one_line


class CheckFormat(enum.StrEnum):
    TEXT = "text"
    GITHUB = "github"
    JSON = "json"


_ANNOTATION = {Status.MET: "notice", Status.MISSED: "error", Status.UNKNOWN: "warning"}


def _escape_data(text: str) -> str:
    """GitHub workflow-command escaping of a message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def text(verdicts: tuple[Verdict, ...]) -> str:
    return "".join(one_line(f"{v.target.id}: {v.status.value} — {v.reason}") + "\n" for v in verdicts)


def github(verdicts: tuple[Verdict, ...]) -> str:
    """One annotation per target: notice when met, error when missed, warning when unknown."""
    lines = []
    for verdict in verdicts:
        title = _escape_property(f"{verdict.target.id}: {verdict.status.value}")
        lines.append(f"::{_ANNOTATION[verdict.status]} title={title}::{_escape_data(one_line(verdict.reason))}")
    return "\n".join(lines) + "\n"


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
    """A markdown table for $GITHUB_STEP_SUMMARY."""
    rows = [f"| `{cell(v.target.id)}` | **{v.status.value}** | {cell(v.reason)} |" for v in verdicts]
    return "\n".join(["### zjk-targets check", "", "| Target | Status | Reason |", "|---|---|---|", *rows]) + "\n\n"
