"""A corpus of broken inputs, each with its exact messages and exit code (tests/broken/NAME.expected).

The corpus is written by tests/broken/make_corpus.py; the expected files are refreshed with
ZJK_UPDATE_GOLDEN=1 and reviewed by hand.
"""

from __future__ import annotations

import json
import time

import pytest
from conftest import MINI, ROOT, UPDATE

from zjk_targets.cli import app

BROKEN = ROOT / "tests" / "broken"
CASES = sorted(path.stem for path in BROKEN.glob("*.yaml") if not path.stem.startswith("_"))


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", CASES)
def test_broken_input(runner, monkeypatch, name: str) -> None:
    monkeypatch.chdir(ROOT)
    args = ["validate", "--targets", f"tests/broken/{name}.yaml", "--actuals", "tests/broken/_actuals.yaml"]
    result = runner.invoke(app, args)
    assert "Traceback" not in result.output
    actual = f"exit {result.exit_code}\n{result.stderr}"
    expected_path = BROKEN / f"{name}.expected"
    if UPDATE:
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")
    if result.exit_code != 0:
        assert result.stdout == "", "nothing a pipe could mistake for a result"


def test_an_alias_bomb_is_refused_quickly(runner, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    started = time.perf_counter()
    runner.invoke(
        app, ["validate", "--targets", "tests/broken/billion-laughs.yaml", "--actuals", "tests/broken/_actuals.yaml"]
    )
    assert time.perf_counter() - started < 5


def test_an_oversized_file_is_refused_before_reading(runner, tmp_path, monkeypatch) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(200_000_000)  # sparse: 200 MB on paper, nothing on disk
    result = runner.invoke(app, ["validate", "--targets", str(big), "--actuals", str(big)])
    assert result.exit_code == 2
    assert f"{big}: file is 200.0 MB, larger than the 20 MB limit: set ZJK_MAX_INPUT_MB" in result.stderr
    monkeypatch.setenv("ZJK_MAX_INPUT_MB", "0.0001")
    small_limit = runner.invoke(app, ["validate", "--targets", str(ROOT / "tests/data/targets.yaml")])
    assert "larger than the 0.0001 MB limit" in small_limit.stderr


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "file not found"),
        (lambda p: (p.mkdir(), p)[1], "is a folder, not a file"),
    ],
    ids=["missing", "directory"],
)
@pytest.mark.parametrize("with_actuals", [True, False], ids=["both-given", "targets-only"])
def test_a_wrong_path_is_one_line_naming_it(runner, tmp_path, make, message, with_actuals) -> None:
    """One mistake, one message: never the bundled file's problems for the user's wrong path."""
    path = make(tmp_path / "targets.yaml")
    result = runner.invoke(app, ["report", "--targets", str(path), *(["--actuals", MINI[3]] if with_actuals else [])])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"zjk-targets: --targets {path}: {message}\n"


# The bundled data: targets.yaml defines the metrics and the sources of four reports; actuals.yaml
# the other sources, which 108 targets cite.
TARGETS_ALONE = (
    "targets.yaml: 108 references to ids not defined in the data read: 6 sources (`gwr-2014`, `gwr-2020`, "
    "`gwr-2021`, `gwr-2022`, `gwr-2023`, `gwr-2025`). They are defined in `actuals.yaml`, which was not read: "
    "add `--actuals actuals.yaml`, or read both files with `--data .`. The first 3 places:\n"
    "targets.yaml:2672: unknown source `gwr-2014`\n"
    "targets.yaml:2685: unknown source `gwr-2014`\n"
    "targets.yaml:2698: unknown source `gwr-2014`\n"
)
ACTUALS_ALONE = (
    "actuals.yaml: 468 references to ids not defined in the data read: 143 metrics (`admin-approval-cut`, "
    "`admin-licensing-items`, `affordable-housing-started`, `affordable-rental-housing`, `afforestation`, "
    "`agri-industrialisation-rate` and 137 more) and 3 sources (`gwr-2017`, `gwr-2024`, `isenbj-2019-liangqu`). "
    "They are defined in `targets.yaml`, which was not read: add `--targets targets.yaml`, or read both files "
    "with `--data .`. The first 3 places:\n"
    "actuals.yaml:275: unknown metric `gdp-growth`\n"
    "actuals.yaml:285: unknown metric `gdp-growth`\n"
    "actuals.yaml:285: unknown source `gwr-2017`\n"
)
ONE_PROBLEM = "zjk-targets: 1 problem in the data; nothing was evaluated\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--targets", "targets.yaml"], TARGETS_ALONE), (["--actuals", "actuals.yaml"], ACTUALS_ALONE)],
    ids=["targets-alone", "actuals-alone"],
)
def test_a_bundled_file_named_alone_is_one_message_with_the_fix(runner, monkeypatch, args, expected) -> None:
    """One mistake, one message: the file beside it defines the ids, not a line per reference
    with a "did you mean" guessed from the ids read (`gwr-2014` → `gwr-2024`)."""
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["report", *args])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == expected + ONE_PROBLEM


def test_a_file_named_alone_with_no_counterpart_beside_it_says_another_file_may_define_the_ids(
    runner, tmp_path
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text((ROOT / "targets.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--targets", str(mine)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{mine}: 108 references to ids not defined in the data read: 6 sources (`gwr-2014`, `gwr-2020`, "
        "`gwr-2021`, `gwr-2022`, `gwr-2023`, `gwr-2025`). If another file defines them, name it as well: "
        "`--targets` and `--actuals`, or `--data DIR`. The first 3 places:\n"
        f"{mine}:2672: unknown source `gwr-2014`\n"
        f"{mine}:2685: unknown source `gwr-2014`\n"
        f"{mine}:2698: unknown source `gwr-2014`\n" + ONE_PROBLEM
    )


def test_other_problems_are_still_each_reported_beside_the_one_message(runner, tmp_path, monkeypatch) -> None:
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    text[2672] = text[2672].replace("metric: gdp-growth", "metric: gdp-grwoth")  # a typo, once
    (tmp_path / "targets.yaml").write_text("".join(text), encoding="utf-8")
    (tmp_path / "actuals.yaml").write_text((ROOT / "actuals.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--all", "--targets", "targets.yaml", "-f", "json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["problems"] == [
        *TARGETS_ALONE.splitlines(),
        "targets.yaml:2672: unknown metric `gdp-grwoth`; did you mean `gdp-growth`?",
    ]
    assert result.stderr.endswith("zjk-targets: 2 problems in the data; nothing was evaluated\n")


def test_a_csv_file_named_alone_is_told_of_the_csv_beside_it(runner, monkeypatch) -> None:
    """--data reads only targets.yaml and actuals.yaml, so it is not offered for CSV files."""
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["validate", "--actuals", "docs/examples/actuals.csv"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "docs/examples/actuals.csv: 2 references to ids not defined in the data read: 1 metric (`pm25`). "
        "They are defined in `docs/examples/targets.csv`, which was not read: "
        "add `--targets docs/examples/targets.csv`. The places:\n"
        "docs/examples/actuals.csv:3: unknown metric `pm25`\n"
        "docs/examples/actuals.csv:4: unknown metric `pm25`\n" + ONE_PROBLEM
    )
