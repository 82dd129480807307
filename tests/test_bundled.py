"""Verdicts on the bundled data whose evidence is unambiguous: a change that flips one fails here."""

from __future__ import annotations

import pytest

from zjk_targets import bundled_paths, evaluate, load_dataset
from zjk_targets.model import Status


@pytest.fixture(scope="module")
def verdicts():
    return {verdict.target.id: verdict for verdict in evaluate(load_dataset(bundled_paths()))}


@pytest.mark.parametrize(
    ("target_id", "status", "reason"),
    [
        # 55.92 % in the statistical bulletin, against 55.3 %.
        ("urbanisation-rate-2017", Status.MET, "2017: 55.92 % ≥ 55.3 %"),
        # Shanghai Daily: 29 in 2018, "2 micrograms less than that in 2017": exactly the goal.
        ("pm25-2017", Status.MET, "2017: 31 μg/m³ ≤ 31 μg/m³"),
        # Only Tangshan and Baoding were below the provincial 6.7 %, and Zhangjiakou was not among
        # the five above 7 %: between 6.7 % and 7.0 %, wholly below 8 %.
        ("gdp-growth-2017", Status.MISSED, "6.7–7 % misses ≥ 8 %"),
        # The 2022 work report, reviewing 2021: 23.4 μg/m³.
        ("pm25-by-2021", Status.MET, "2021: 23.4 μg/m³ ≤ 25 μg/m³"),
        # The 2021 work report: all poor counties, villages and people out of poverty in 2020.
        ("poverty-eliminated-by-2020", Status.MET, "2020: done"),
        # Two sources disagree about 2017 afforestation.
        ("afforestation-2017", Status.UNKNOWN, "conflicting evidence"),
        # 39 % at the end of 2016 and 39 % in 2018 bound 2017 (a stock read at two dates, the rule
        # of renewable-capacity-added-2017): at most 39.5 %, wholly below 42 %.
        ("forest-coverage-2017", Status.MISSED, "2017: 38.5–39.5 % misses ≥ 42 %"),
        # The track record: the 2021 report reviews 2020, the 2024 report 2023.
        ("gdp-growth-2020", Status.MISSED, "2020: 3.6 % < 6.5 %"),
        ("trade-growth-2020", Status.MET, "2020: 22.1 % ≥ 5 %"),
        ("budget-revenue-growth-2023", Status.MET, "2023: 7.7 % ≥ 6 %"),
    ],
)
def test_pinned_verdict(verdicts, target_id, status, reason) -> None:
    verdict = verdicts[target_id]
    assert verdict.status is status, verdict.reason
    assert reason in verdict.reason


def test_the_record_holds_the_whole_report(verdicts) -> None:
    assert len(verdicts) >= 85
    assert {v.target.by for v in verdicts.values()} >= {2020, 2021}
