"""Every verdict rule, as a table of edge cases on real model objects."""

from __future__ import annotations

import pytest
from conftest import dataset, metric, obs, target

from zjk_targets.model import Comparator, Direction, Status
from zjk_targets.rules.verdicts import Role, evaluate

GE, GT, LE, LT, ABOUT, DONE = (
    Comparator.GE,
    Comparator.GT,
    Comparator.LE,
    Comparator.LT,
    Comparator.ABOUT,
    Comparator.DONE,
)
LOWER = Direction.LOWER

CASES = [
    # (case, target, metric, observations, status, text the reason must contain)
    ("≥ at the boundary is met", target(GE), metric(), [obs("a", 2017, "8")], Status.MET, "2017: 8 % ≥ 8 %"),
    ("≥ just below is missed", target(GE), metric(), [obs("a", 2017, "7.99")], Status.MISSED, "7.99 % < 8 %"),
    ("> at the boundary is missed", target(GT), metric(), [obs("a", 2017, "8")], Status.MISSED, "8 % ≤ 8 %"),
    ("> above is met", target(GT), metric(), [obs("a", 2017, "8.01")], Status.MET, "8.01 % > 8 %"),
    (
        "≤ at the boundary is met",
        target(LE, "31", "μg"),
        metric("μg", LOWER),
        [obs("a", 2017, "31", unit="μg")],
        Status.MET,
        "31 μg ≤ 31 μg",
    ),
    (
        "< at the boundary is missed",
        target(LT, "31", "μg"),
        metric("μg", LOWER),
        [obs("a", 2017, "31", unit="μg")],
        Status.MISSED,
        "31 μg ≥ 31 μg",
    ),
    (
        "about (higher): within tolerance below",
        target(ABOUT, tolerance="0.5"),
        metric(),
        [obs("a", 2017, "7.5")],
        Status.MET,
        "is within ≈ 8 % ± 0.5 or above",
    ),
    (
        "about (higher): past tolerance",
        target(ABOUT, tolerance="0.5"),
        metric(),
        [obs("a", 2017, "7.4")],
        Status.MISSED,
        "is below ≈ 8 % ± 0.5",
    ),
    (
        "about (higher): well above is met",
        target(ABOUT, tolerance="0.5"),
        metric(),
        [obs("a", 2017, "9")],
        Status.MET,
        "9 %",
    ),
    (
        "about (lower): within tolerance above",
        target(ABOUT, "3", tolerance="0.5"),
        metric(direction=LOWER),
        [obs("a", 2017, "3.5")],
        Status.MET,
        "3.5 %",
    ),
    (
        "about (lower): past tolerance",
        target(ABOUT, "3", tolerance="0.5"),
        metric(direction=LOWER),
        [obs("a", 2017, "3.6")],
        Status.MISSED,
        "3.6 %",
    ),
    (
        "万 converts: exactly the goal in 亩",
        target(GE, "240", "万亩"),
        metric("万亩"),
        [obs("a", 2017, "2400000", unit="亩")],
        Status.MET,
        "240 万亩 ≥ 240 万亩",
    ),
    (
        "万 converts: one 亩 short",
        target(GE, "240", "万亩"),
        metric("万亩"),
        [obs("a", 2017, "2399999", unit="亩")],
        Status.MISSED,
        "239.9999 万亩 < 240 万亩",
    ),
    (
        "a proxy never decides",
        target(GE),
        metric(),
        [obs("a", 2017, "9", proxy="wider measure")],
        Status.UNKNOWN,
        "no 2017 figure; nearest: 2017: 9 % (official, Statistics 2018-03-01, proxy)",
    ),
    (
        "a later year never stands in",
        target(GE),
        metric(),
        [obs("a", 2018, "9")],
        Status.UNKNOWN,
        "no 2017 figure; nearest: 2018: 9 %",
    ),
    ("no observation at all", target(GE), metric(), [], Status.UNKNOWN, "no 2017 figure"),
    (
        "a final figure supersedes the estimate",
        target(GE),
        metric(),
        [obs("est", 2017, "7.9", source="est", estimated=True), obs("fin", 2017, "8.1", source="final")],
        Status.MET,
        "8.1 % ≥ 8 %",
    ),
    (
        "an estimate alone decides, flagged",
        target(GE),
        metric(),
        [obs("e", 2017, "8.5", source="est", estimated=True)],
        Status.MET,
        "estimated (预计)",
    ),
    (
        "same-date sources that disagree conflict",
        target(GE),
        metric(),
        [obs("a", 2017, "9", source="news"), obs("b", 2017, "7", source="news2")],
        Status.UNKNOWN,
        "conflicting evidence",
    ),
    (
        "same-date sources that agree decide",
        target(GE),
        metric(),
        [obs("a", 2017, "9", source="news"), obs("b", 2017, "8.5", source="news2")],
        Status.MET,
        "9 % ≥ 8 %",
    ),
    (
        "a more trusted earlier final figure that disagrees conflicts",
        target(GE),
        metric(),
        [obs("a", 2017, "9", source="final"), obs("b", 2017, "7", source="low")],
        Status.UNKNOWN,
        "conflicting evidence: 2017: 7 % (low, mirror 2023) vs 2017: 9 % (official, Statistics 2018-03-01)",
    ),
    (
        "a less trusted earlier figure is superseded",
        target(GE),
        metric(),
        [obs("a", 2017, "7", source="news"), obs("b", 2017, "9", source="review")],
        Status.MET,
        "9 % ≥ 8 %",
    ),
    (
        "a low-trust figure decides, flagged",
        target(GE),
        metric(),
        [obs("a", 2017, "9", source="low")],
        Status.MET,
        "9 % ≥ 8 % (low, mirror 2023) — low-trust source: mirror",
    ),
    (
        "a more trusted earlier estimate is superseded",
        target(GE),
        metric(),
        [obs("a", 2017, "7", source="final", estimated=True), obs("b", 2017, "9", source="news")],
        Status.MET,
        "9 %",
    ),
    (
        "a bound wholly below the goal misses",
        target(GE),
        metric(),
        [obs("a", 2017, low="6.7", high="7.0", derived="x")],
        Status.MISSED,
        "2017: 6.7–7 % misses ≥ 8 % (official, Statistics 2018-03-01) — derived: x",
    ),
    (
        "a bound straddling the goal is unknown",
        target(GE),
        metric(),
        [obs("a", 2017, low="7.5", high="8.5")],
        Status.UNKNOWN,
        "straddles the goal",
    ),
    (
        "a lower bound at the goal meets ≥",
        target(GE),
        metric(),
        [obs("a", 2017, low="8")],
        Status.MET,
        "at least 8 % meets ≥ 8 %",
    ),
    (
        "an upper bound below the goal misses ≥",
        target(GE),
        metric(),
        [obs("a", 2017, high="7")],
        Status.MISSED,
        "at most 7 % misses",
    ),
    (
        "a lower bound cannot show ≤ is met",
        target(LE, "31", "μg"),
        metric("μg", LOWER),
        [obs("a", 2017, low="20", unit="μg")],
        Status.UNKNOWN,
        "straddles",
    ),
    (
        "a bound and a value of one publication: the value decides",
        target(GE),
        metric(),
        [obs("a", 2017, low="7"), obs("b", 2017, "8.2")],
        Status.MET,
        "8.2 %",
    ),
    (
        "deadline: the deadline year decides, even against an earlier success",
        target(GE, "50", by=2021, year=None),
        metric(),
        [obs("a", 2019, "51"), obs("b", 2021, "49", source="news")],
        Status.MISSED,
        "2021: 49 % < 50 %",
    ),
    (
        "deadline: met early when a year before it already meets",
        target(GE, "50", by=2021, year=None),
        metric(),
        [obs("a", 2018, "48"), obs("b", 2019, "50", source="news")],
        Status.MET,
        "met before the 2021 deadline: 2019: 50 % ≥ 50 %",
    ),
    (
        "deadline: the report year counts",
        target(GE, "50", by=2021, year=None),
        metric(),
        [obs("a", 2017, "50")],
        Status.MET,
        "met before the 2021 deadline",
    ),
    (
        "deadline: a year before the report does not count",
        target(GE, "50", by=2021, year=None),
        metric(),
        [obs("a", 2016, "55")],
        Status.UNKNOWN,
        "no 2021 figure, and none from 2017–2020 meets the goal",
    ),
    (
        "deadline: a figure after it never makes it met",
        target(GE, "50", by=2021, year=None),
        metric(),
        [obs("a", 2022, "60")],
        Status.UNKNOWN,
        "nearest: 2022: 60 %",
    ),
    (
        "deadline: falling short before it is not yet missed",
        target(GE, "50", by=2021, year=None),
        metric(),
        [obs("a", 2020, "45")],
        Status.UNKNOWN,
        "none from 2017–2020 meets the goal",
    ),
    (
        "done: true is met",
        target(DONE, None, None),
        metric("done"),
        [obs("a", 2017, done=True, unit="done")],
        Status.MET,
        "2017: done",
    ),
    (
        "done: false is missed",
        target(DONE, None, None),
        metric("done"),
        [obs("a", 2017, done=False, unit="done")],
        Status.MISSED,
        "2017: not done",
    ),
    (
        "done by a deadline: not done before it is unknown",
        target(DONE, None, None, year=None, by=2020),
        metric("done"),
        [obs("a", 2019, done=False, unit="done")],
        Status.UNKNOWN,
        "no 2020 figure",
    ),
    (
        "done by a deadline: done early is met",
        target(DONE, None, None, year=None, by=2020),
        metric("done"),
        [obs("a", 2019, done=True, unit="done")],
        Status.MET,
        "met before the 2020 deadline: 2019: done",
    ),
]


@pytest.mark.parametrize(
    ("the_target", "the_metric", "observations", "status", "reason"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_rule(the_target, the_metric, observations, status, reason) -> None:
    (verdict,) = evaluate(dataset(the_target, the_metric, observations))
    assert verdict.status is status, verdict.reason
    assert reason in verdict.reason


def test_roles_show_what_each_figure_did() -> None:
    observations = [
        obs("est", 2017, "7.9", source="est", estimated=True),
        obs("fin", 2017, "8.1", source="final"),
        obs("next", 2018, "9", source="news"),
        obs("proxy", 2017, "9", source="news", proxy="other measure"),
    ]
    (verdict,) = evaluate(dataset(target(GE), metric(), observations))
    roles = {item.observation.id: (item.role, item.why) for item in verdict.evidence}
    assert roles == {
        "est": (Role.SUPERSEDED, "an estimate, superseded"),
        "fin": (Role.DECISIVE, "decides the verdict"),
        "next": (Role.CONTEXT, "other year"),
        "proxy": (Role.CONTEXT, "proxy: other measure"),
    }
    assert [item.observation.id for item in verdict.decisive] == ["fin"]


def test_conflict_marks_both_sides_and_decides_nothing() -> None:
    observations = [obs("a", 2017, "9", source="news"), obs("b", 2017, "7", source="news2")]
    (verdict,) = evaluate(dataset(target(GE), metric(), observations))
    assert {item.role for item in verdict.evidence} == {Role.CONFLICTING}
    assert verdict.decisive == ()


# Rule 2's figures set aside: a decided reason names each superseded figure of its year that differs
# from the deciding one (a work report beside the statistics bureau's communiqué), and why.
SET_ASIDE = [
    (
        "an earlier official figure that would have met is named",
        target(GE),
        metric(),
        [obs("a", 2017, "8.5", source="est"), obs("b", 2017, "7.5", source="final")],
        "2017: 7.5 % < 8 % (official, Statistics 2018-03-01); City 2018-01-20 gave 8.5 %, superseded by a later publication",
    ),
    (
        "an earlier figure of the same status but another value is named",
        target(GE),
        metric(),
        [obs("a", 2017, "9", source="est"), obs("b", 2017, "8.5", source="final")],
        "2017: 8.5 % ≥ 8 % (official, Statistics 2018-03-01); City 2018-01-20 gave 9 %, superseded by a later publication",
    ),
    (
        "the same figure published twice is not",
        target(GE),
        metric(),
        [obs("a", 2017, "8.50", source="est"), obs("b", 2017, "8.5", source="final")],
        "2017: 8.5 % ≥ 8 % (official, Statistics 2018-03-01)",
    ),
    (
        "nor is the same figure in another unit",
        target(GE, "0.5", "亿元"),
        metric("亿元"),
        [obs("a", 2017, "8100", source="est", unit="万元"), obs("b", 2017, "0.81", source="final", unit="亿元")],
        "2017: 0.81 亿元 ≥ 0.5 亿元 (official, Statistics 2018-03-01)",
    ),
    (
        "an estimate, a more trusted figure that agrees and a straddling range of the deciding date, in order",
        target(GE),
        metric(),
        [
            obs("a", 2017, "7", source="est", estimated=True),
            obs("b", 2017, "9.5", source="final"),
            obs("c", 2017, "9", source="news", derived="x"),
            obs("d", 2017, low="7", high="9", source="news"),
        ],
        "2017: 9 % ≥ 8 % (news, Daily 2019-02-15) — derived: x; City 2018-01-20 gave 7 %, an estimate, superseded; "
        "Statistics 2018-03-01 gave 9.5 %, superseded by a later publication; "
        "Daily 2019-02-15 gave 7–9 %, its range straddles the goal",
    ),
    (
        "a deadline met early names the figures set aside of the year that met it",
        target(GE, year=None, by=2019),
        metric(),
        [obs("a", 2018, "7", source="final"), obs("b", 2018, "8", source="review")],
        "met before the 2019 deadline: 2018: 8 % ≥ 8 % (official, City 2020-01-15); "
        "Statistics 2018-03-01 gave 7 %, superseded by a later publication",
    ),
]


@pytest.mark.parametrize(
    ("the_target", "the_metric", "observations", "reason"),
    [case[1:] for case in SET_ASIDE],
    ids=[case[0] for case in SET_ASIDE],
)
def test_a_decided_reason_names_the_figures_of_its_year_set_aside(the_target, the_metric, observations, reason) -> None:
    (verdict,) = evaluate(dataset(the_target, the_metric, observations))
    assert verdict.reason == reason
