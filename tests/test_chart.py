"""Charts: the image has the expected size, is not blank, and is the same every time."""

from __future__ import annotations

import io

import pytest
from conftest import MINI

from zjk_targets.cli import app

matplotlib = pytest.importorskip("matplotlib")


def _pixels(png: bytes):
    from matplotlib import image

    return image.imread(io.BytesIO(png), format="png")


@pytest.mark.parametrize("target_id", ["pm25-2017", "afforestation-2017", "forest-coverage-by-2021", "library-2017"])
def test_png_chart_has_the_size_and_is_not_blank(runner, tmp_path, target_id) -> None:
    out = tmp_path / "chart.png"
    result = runner.invoke(app, ["chart", target_id, "--output", str(out), *MINI])
    assert (result.exit_code, result.stderr) == (0, f"wrote {out}\n")
    pixels = _pixels(out.read_bytes())
    assert pixels.shape[:2] == (450, 800)
    assert pixels.std() > 0.05, "the chart is (nearly) blank"


def test_svg_chart_is_deterministic(runner, tmp_path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    for out in (first, second):
        assert runner.invoke(app, ["chart", "pm25-2017", "-o", str(out), *MINI]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert "pm25-2017: met" in text


def test_chart_all_writes_one_file_per_target(runner, tmp_path) -> None:
    result = runner.invoke(app, ["chart", "--all", "--format", "svg", "-o", str(tmp_path), *MINI])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "afforestation-2017.svg",
        "forest-coverage-by-2021.svg",
        "gdp-growth-2017.svg",
        "library-2017.svg",
        "pm25-2017.svg",
    ]


def test_chart_in_chinese_says_when_no_cjk_font_is_installed(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("zjk_targets.render.chart.cjk_font", lambda: None)
    out = tmp_path / "chart.png"
    result = runner.invoke(app, ["chart", "pm25-2017", "--lang", "zh", "-o", str(out), *MINI])
    assert result.exit_code == 0
    assert result.stderr.startswith("zjk-targets: no CJK font is installed, so Chinese would show as empty boxes")
    assert _pixels(out.read_bytes()).shape[:2] == (450, 800)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pm25-2017"], "zjk-targets: chart needs --output FILE (or a folder with --all)\n"),
        (["-o", "x.png"], "zjk-targets: name one target ID, or use --all\n"),
        (["pm25-2017", "--all", "-o", "x.png"], "zjk-targets: name one target ID, or use --all\n"),
    ],
)
def test_chart_usage_errors(runner, args, message) -> None:
    result = runner.invoke(app, ["chart", *args, *MINI])
    assert (result.exit_code, result.stderr) == (2, message)
