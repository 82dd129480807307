"""The counts of the bundled national record add up, and agree between commands (issue #20).

Every table counts headline targets set, judgeable, decided and met as the rule book defines them
(zjk_targets/rules/counts.py); these tests hold the whole bundled data to that.
"""

from __future__ import annotations

import json
import re

import pytest

from zjk_targets import engine
from zjk_targets.bundled import national_dir
from zjk_targets.cli import app
from zjk_targets.national.cities import CITIES_DIR, CITIES_NAME, CURATED, NATIONAL_NAME, read_cities
from zjk_targets.national.table import Tally, curated, judge_places, tabulate
from zjk_targets.rules import counts as count_rules
from zjk_targets.rules.track_record import track_record
from zjk_targets.rules.verdicts import evaluate

FOUR = ("set", "judgeable", "decided", "met")


def _four(counts: count_rules.Counts) -> tuple[int, int, int, int]:
    return counts.set, counts.judgeable, counts.decided, counts.met


@pytest.fixture(scope="module")
def table():
    root = national_dir()
    cities = read_cities((root / CITIES_NAME).read_text(encoding="utf-8"))
    judged = [target for target in judge_places(root / NATIONAL_NAME, cities) if target.city != CURATED]
    return tabulate(judged + curated(CURATED), cities)


def _sum(rows: list[Tally]) -> tuple[int, ...]:
    return tuple(sum(getattr(row, name) for row in rows) for name in FOUR)


def test_every_view_sums_to_the_total(table) -> None:
    for view in (table.years, table.measures, table.cities):
        assert _sum(view) == _four(table.total)


def test_no_count_exceeds_the_one_it_is_a_part_of(table) -> None:
    for row in [table.total, *table.years, *table.measures, *table.cities]:
        assert 0 <= row.met <= row.decided <= row.judgeable <= row.set, row.key
        assert row.missed + row.met == row.decided and row.unknown + row.decided == row.set


def test_the_counts_rule_judges_decided_targets_judgeable() -> None:
    counts = count_rules.Counts()
    counts.add(count_rules.Status.MET, reviewed=False)  # decided by an article, no next report
    counts.add(count_rules.Status.UNKNOWN, reviewed=False)
    counts.add(count_rules.Status.UNKNOWN, reviewed=True)
    assert _four(counts) == (3, 2, 1, 1)
    assert (counts.decided_share, counts.met_share) == (0.5, 1.0)


_ROW = re.compile(r"\s(\d+)\s+(\d+)\s+(\d+)\s+(\d+|–)\s+(\d+)\s+(\d+|–)\s+(?:–|[\d.]+ \S+)$")


def test_every_share_shown_is_computed_from_the_numbers_beside_it(runner) -> None:
    result = runner.invoke(app, ["national", "--no-pager"])
    assert result.exit_code == 0
    rows = [match.groups() for line in result.stdout.splitlines() if (match := _ROW.search(line))]
    assert len(rows) > 277 + 10  # every city, year and measure
    for set_, judgeable, decided, dec, met, met_share in ((*map(int, r[:3]), r[3], int(r[4]), r[5]) for r in rows):
        assert dec == (str(round(decided * 100 / judgeable)) if judgeable else "–")
        assert met_share == (str(round(met * 100 / decided)) if decided else "–")
        assert met <= decided <= judgeable <= set_


def test_each_city_counts_the_same_in_the_national_table_and_its_own_record(table) -> None:
    root = national_dir()
    rows = {row.key: row for row in table.cities}
    for slug, row in rows.items():
        if slug == CURATED:
            continue  # the curated data: its own record is the bundled one, compared below
        dataset = engine.load([root / CITIES_DIR / f"{slug}.yaml.gz"])
        record = track_record(dataset, evaluate(dataset))
        assert _four(record.overall) == _four(row), slug


def _headline_line(stdout: str) -> str:
    """The counts line of report, record or the national table, unwrapped."""
    text = " ".join(stdout.split())
    found = re.search(r"[\d,]+ headline targets?: .*? unknown\.", text)
    assert found, stdout[:300]
    return found.group()


@pytest.mark.parametrize("city", ["邯郸", "台州", "张家口"])
def test_one_city_gets_the_same_counts_from_every_command(runner, table, city) -> None:
    """邯郸 was "52 set, 13 decided, 10 met" in national and "63 targets: 12 met, 3 missed" in report."""
    document = json.loads(runner.invoke(app, ["national", "-f", "json"]).stdout)
    row = next(item for item in document["cities"] if item["label"].startswith(city))
    expected = count_rules.Counts(row["targets"], row["judgeable"], row["decided"], row["met"])
    line = count_rules.line(expected)
    for command in (["record", "--no-pager"], ["report", "--no-pager"]):
        result = runner.invoke(app, [*command, "--city", city])
        assert result.exit_code == 0, result.output
        assert _headline_line(result.stdout) == line, command
    exported = json.loads(runner.invoke(app, ["export", "-f", "json", "--city", city]).stdout)
    assert exported["headline"] == count_rules.as_json(expected)
    assert {key: row[key] for key in exported["headline"]} == exported["headline"]
