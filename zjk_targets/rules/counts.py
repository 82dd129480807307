"""The counts of a track record, each defined once: every table that counts targets counts these.

- **set**: the headline targets the reports set (the items of each report's 主要预期目标);
- **judgeable**: the target's year is reviewed in the data: the place's work report of the next
  year is there (for the national record: in the collection), or another source decides the
  target (张家口's curated data cites articles too); so every decided target is judgeable;
- **decided**: met or missed; **unknown**: neither;
- the shares: decided of judgeable, met of decided (an unknown verdict is no evidence either way).

A place's work report is the source ``gwr-YEAR`` (YEAR the year whose targets it sets), in the
curated data and in every draft of ``extract`` alike; the report of YEAR reviews YEAR − 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Status

WORK_REPORT_ID = "gwr-{year}"  # the id extract and the curators give a place's work report
_WORK_REPORT = re.compile("^" + WORK_REPORT_ID.format(year=r"(\d{4})") + "$")

# What each count is, in the words every table's note uses.
DEFINITIONS = {
    "set": "headline targets set",
    "judgeable": "the next work report is in the data, or another source decides the target",
    "decided": "met or missed",
    "decided %": "decided of judgeable",
    "met %": "met of decided",
}


def reviewed_years(source_ids: Iterable[str]) -> frozenset[int]:
    """The years the data's work reports review: YEAR − 1 for each source ``gwr-YEAR``."""
    return frozenset(int(match.group(1)) - 1 for sid in source_ids if (match := _WORK_REPORT.match(sid)))


def judgeable(status: Status, reviewed: bool) -> bool:
    """Whether a target counts as judgeable: its year is ``reviewed`` by the next work report in the
    data, or it is decided all the same (by another source)."""
    return reviewed or status is not Status.UNKNOWN


@dataclass
class Counts:
    """Targets set, judgeable, decided and met; the rest follows from these four."""

    set: int = 0
    judgeable: int = 0
    decided: int = 0
    met: int = 0

    def add(self, status: Status, reviewed: bool) -> None:
        """Count one target of ``status``; ``reviewed``: the next work report is in the data."""
        self.set += 1
        self.judgeable += judgeable(status, reviewed)
        if status is not Status.UNKNOWN:
            self.decided += 1
            self.met += status is Status.MET

    @property
    def missed(self) -> int:
        return self.decided - self.met

    @property
    def unknown(self) -> int:
        return self.set - self.decided

    @property
    def decided_share(self) -> float | None:
        return self.decided / self.judgeable if self.judgeable else None

    @property
    def met_share(self) -> float | None:
        return self.met / self.decided if self.decided else None


def percent(share: float | None) -> str:
    """A share as a whole percentage, "–" where there is nothing to share."""
    return "–" if share is None else f"{round(share * 100)}"


WORDS = {
    "en": {
        "line": "{set} {noun}: {judgeable} judgeable, {decided} decided ({dec} of judgeable), "
        "{met} met ({metp} of decided), {missed} missed, {unknown} unknown.",
        "none": "0 headline targets.",
        "noun": ("headline target", "headline targets"),
    },
    "zh": {
        "line": "主要预期目标{set}项：可判定{judgeable}项，已判定{decided}项（占可判定{dec}），"
        "达成{met}项（占已判定{metp}），未达成{missed}项，未知{unknown}项。",
        "none": "主要预期目标0项。",
        "noun": ("", ""),
    },
}


def _pct(share: float | None) -> str:
    return "–" if share is None else f"{percent(share)} %"


def line(counts: Counts, lang: str = "en") -> str:
    """One line of the four counts and their shares, as every command says it."""
    words = WORDS[lang]
    if not counts.set:
        return words["none"]
    return words["line"].format(
        set=f"{counts.set:,}",
        noun=words["noun"][counts.set != 1],
        judgeable=f"{counts.judgeable:,}",
        decided=f"{counts.decided:,}",
        dec=_pct(counts.decided_share),
        met=f"{counts.met:,}",
        metp=_pct(counts.met_share),
        missed=f"{counts.missed:,}",
        unknown=f"{counts.unknown:,}",
    )


def as_json(counts: Counts) -> dict[str, int | float | None]:
    """The counts as every JSON document gives them."""
    return {
        "targets": counts.set,
        "judgeable": counts.judgeable,
        "decided": counts.decided,
        "met": counts.met,
        "missed": counts.missed,
        "unknown": counts.unknown,
        "decided_share": None if counts.decided_share is None else round(counts.decided_share, 4),
        "met_share": None if counts.met_share is None else round(counts.met_share, 4),
    }
