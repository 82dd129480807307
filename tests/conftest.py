"""Shared fixtures: a pinned terminal, the CLI runner, golden files and model builders."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zjk_targets.model import (
    Comparator,
    Dataset,
    Direction,
    Metric,
    Observation,
    PartialDate,
    Source,
    Target,
    Trust,
)

TESTS = Path(__file__).parent
DATA = TESTS / "data"
GOLDEN = TESTS / "golden"
ROOT = TESTS.parent
MINI = ["--targets", str(DATA / "targets.yaml"), "--actuals", str(DATA / "actuals.yaml")]
UPDATE = os.environ.get("ZJK_UPDATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same output on every machine: fixed width, no colour, no user overrides."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "50")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    for name in ("FORCE_COLOR", "ZJK_TARGETS_FILE", "ZJK_ACTUALS_FILE", "ZJK_MAX_INPUT_MB", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; ZJK_UPDATE_GOLDEN=1 rewrites it (review the diff)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with ZJK_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


SOURCES = {
    "report": Source("report", "Work report", "City", PartialDate(2017, 4, 10), Trust.OFFICIAL, file="r.txt"),
    "est": Source("est", "Next report", "City", PartialDate(2018, 1, 20), Trust.OFFICIAL, file="r2.txt"),
    "final": Source("final", "Bulletin", "Statistics", PartialDate(2018, 3, 1), Trust.OFFICIAL, file="b.txt"),
    "news": Source("news", "Paper", "Daily", PartialDate(2019, 2, 15), Trust.NEWS, url="https://e.org"),
    "news2": Source("news2", "Other paper", "Evening", PartialDate(2019, 2, 15), Trust.NEWS, url="https://e.org/2"),
    "review": Source("review", "Report 2020", "City", PartialDate(2020, 1, 15), Trust.OFFICIAL, file="r3.txt"),
    "low": Source("low", "Mirror", "mirror", PartialDate(2023), Trust.LOW, url="https://m.org"),
}


def metric(unit: str = "%", direction: Direction = Direction.HIGHER) -> Metric:
    return Metric("m", "指标", "Measure", unit, direction)


def target(
    comparator: Comparator = Comparator.GE,
    goal: str | None = "8",
    unit: str | None = "%",
    year: int | None = 2017,
    by: int | None = None,
    tolerance: str | None = None,
) -> Target:
    return Target(
        id="t",
        metric="m",
        zh="目标",
        en="Target",
        category="economy",
        comparator=comparator,
        goal=Decimal(goal) if goal is not None else None,
        unit=unit,
        year=year,
        by=by,
        source="report",
        excerpt="目标8",
        tolerance=Decimal(tolerance) if tolerance is not None else None,
    )


def obs(
    obs_id: str,
    year: int,
    value: str | None = None,
    *,
    source: str = "final",
    unit: str = "%",
    low: str | None = None,
    high: str | None = None,
    done: bool | None = None,
    estimated: bool = False,
    derived: str | None = None,
    proxy: str | None = None,
) -> Observation:
    return Observation(
        id=obs_id,
        metric="m",
        year=year,
        unit=unit,
        source=source,
        excerpt="…",
        value=Decimal(value) if value is not None else None,
        minimum=Decimal(low) if low is not None else None,
        maximum=Decimal(high) if high is not None else None,
        done=done,
        estimated=estimated,
        derived=derived,
        proxy=proxy,
    )


def dataset(the_target: Target, the_metric: Metric, observations: list[Observation]) -> Dataset:
    return Dataset(dict(SOURCES), {"m": the_metric}, (the_target,), tuple(observations))


def seal(folder: Path) -> Path:
    """Write the manifest of a national data folder made by hand (from the bundled one, or rows of a
    test), as build-national writes one, so that the readers take it."""
    from zjk_targets.national.manifest import entries, manifest
    from zjk_targets.rules.whole_dataset import MANIFEST_NAME

    files = {name: (folder / name).read_bytes() for name, _ in entries(folder) if name != MANIFEST_NAME}
    (folder / MANIFEST_NAME).write_bytes(manifest(files, {"collection": "made by a test"}, {}))
    return folder
