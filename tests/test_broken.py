"""A corpus of broken inputs, each with its exact messages and exit code (tests/broken/NAME.expected).

The corpus is written by tests/broken/make_corpus.py; the expected files are refreshed with
ZJK_UPDATE_GOLDEN=1 and reviewed by hand.
"""

from __future__ import annotations

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
