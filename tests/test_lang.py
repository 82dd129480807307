"""--lang zh finds the engine's English phrases by wording.py's own constants: each one is said in Chinese."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from zjk_targets.render.lang import phrase
from zjk_targets.rules import wording

LABEL = wording.label("low", "某报", "2021-03")


def test_a_whole_reason_in_chinese() -> None:
    nearest = [wording.cite(2018, "7 %", LABEL, proxy=True), wording.cite(2019, "at least 3 万亩", LABEL)]
    reason = wording.with_projection(
        wording.no_figure(2020, 2016, nearest),
        wording.projection(True, Decimal("0.5"), Decimal("1.25"), (2018, 2019), 2020, Decimal("123.456"), "%"),
    )
    assert phrase(reason, "zh") == (
        "无2020年数据，2016–2019年的数据也未达到目标；最近的数据：2018: 7 %（低可信，某报 2021-03，替代指标）, "
        "2019: 至少 3 万亩（低可信，某报 2021-03）；预测（不是结论）：照此速度可以达到：+0.5 %/年（2018–2019年），"
        "而需要+1.25/年；2020年预计为123.46 %"
    )
    assert phrase(reason, "en") == reason


def test_caveats_and_an_early_meeting_in_chinese() -> None:
    decided = wording.met_early(2021, wording.comparison(2019, "done", LABEL, True, "done", "", "done", False))
    notes = wording.caveats([("a sum", True, "某报")])
    assert phrase(wording.with_caveats(decided, notes), "zh") == (
        "2021年截止前已达成：2019: 完成（低可信，某报 2021-03） —— 推算：a sum；预计数；低可信来源：某报"
    )


def test_figures_set_aside_in_chinese() -> None:
    reason = wording.with_set_aside(
        wording.comparison(
            2017, "5.8 %", wording.label("official", "国务院", "2018-03-05"), False, "≥", "6.5 %", "", False
        ),
        [wording.set_aside("国家统计局", "2018-02-28", "6.9 %", wording.SUPERSEDED)],
    )
    assert reason == (
        "2017: 5.8 % < 6.5 % (official, 国务院 2018-03-05); 国家统计局 2018-02-28 gave 6.9 %, superseded by a later publication"
    )
    assert phrase(reason, "zh") == (
        "2017: 5.8 % < 6.5 %（官方，国务院 2018-03-05）；国家统计局 2018-02-28 发布 6.9 %，被更晚发布的数据取代"
    )


@pytest.mark.parametrize(
    "text",
    [
        *(getattr(wording, name) for name in ("DECIDES", "DISAGREES", "ESTIMATE_SUPERSEDED", "RANGE_STRADDLES")),
        *(getattr(wording, name) for name in ("SUPERSEDED", "AFTER_DEADLINE", "OTHER_YEAR", "ESTIMATED")),
        wording.unresolved(wording.CONFLICTING, [wording.cite(2017, "6.7–7 %", LABEL)] * 2),
        wording.unresolved(wording.STRADDLES, [wording.cite(2017, "at most 5 %", LABEL)]),
        wording.comparison(2017, "not done", LABEL, False, "≥", "8 %", "≥ 8 %", True),
        wording.comparison(2017, "8 %", LABEL, True, "≥", "8 %", "≥ 8 %", True),
        wording.projection(False, Decimal("-1"), Decimal("1"), (2016, 2019), 2021, Decimal("3"), "万人"),
        wording.no_figure(2020, None, []),
        wording.with_set_aside(
            wording.with_caveats(
                wording.comparison(2017, "8 %", LABEL, True, "≥", "8 %", "≥ 8 %", False), [wording.ESTIMATED]
            ),
            [
                wording.set_aside("国家统计局", "2018-02-28", "at least 6.9 %", wording.SUPERSEDED),
                wording.set_aside("某报", "2018", "not done", wording.superseded(True, False)),
                wording.set_aside("某报", "2018-03", "6–7 %", wording.superseded(False, True)),
            ],
        ),
        wording.proxy(""),
    ],
)
def test_no_english_word_of_the_engine_is_left(text: str) -> None:
    assert not re.search("[A-Za-z]", phrase(text, "zh")), phrase(text, "zh")
