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
    monkeypatch.setattr("zjk_targets.render.chart_view.cjk_fonts", lambda: [])
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


def test_the_format_follows_the_output_suffix(runner, tmp_path) -> None:
    png, svg = tmp_path / "a.PNG", tmp_path / "b.svg"
    assert runner.invoke(app, ["chart", "pm25-2017", "-o", str(png), *MINI]).exit_code == 0
    assert runner.invoke(app, ["chart", "pm25-2017", "-o", str(svg), *MINI]).exit_code == 0
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert svg.read_bytes().startswith(b"<?xml") and b"<svg" in svg.read_bytes()[:400]


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        ("chart.jpg", [], "--output {out}: a chart is written as .png or .svg, not .jpg"),
        ("chart", [], "--output {out}: a chart is written as .png or .svg, not no suffix"),
        ("chart.png", ["-f", "svg"], "--format svg does not match --output {out}"),
    ],
)
def test_any_other_suffix_is_an_error(runner, tmp_path, name, extra, message) -> None:
    out = tmp_path / name
    result = runner.invoke(app, ["chart", "pm25-2017", "-o", str(out), *extra, *MINI])
    assert (result.exit_code, result.stderr) == (2, f"zjk-targets: {message.format(out=out)}\n")
    assert not out.exists()


def test_chart_all_creates_the_folder(runner, tmp_path) -> None:
    out = tmp_path / "new" / "charts"
    result = runner.invoke(app, ["chart", "--all", "-f", "SVG", "-o", str(out), *MINI])
    assert (result.exit_code, result.stderr) == (0, f"wrote 5 charts to {out}\n")
    assert len(list(out.glob("*.svg"))) == 5


def test_chinese_is_drawn_with_a_cjk_font_with_or_without_lang_zh() -> None:
    """The bundled font (a subset of Noto Sans CJK SC) follows DejaVu Sans for every character it
    lacks, in English charts too, and it has every Chinese character of the bundled data and of the
    rule book's words (tools/subset_cjk_font.py writes it again when they gain one)."""
    from pathlib import Path

    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from zjk_targets import fonts
    from zjk_targets.render import chart_view

    assert chart_view.cjk_font() == fonts.FAMILY
    assert chart_view._rc()["font.family"][:2] == ["DejaVu Sans", fonts.FAMILY]
    path = font_manager.findfont(font_manager.FontProperties(family=fonts.FAMILY), fallback_to_default=False)
    assert Path(path) == fonts.PATH
    font = FT2Font(path)
    chinese = sorted(char for char in fonts.characters(Path(__file__).parent.parent) if "\u4e00" <= char <= "\u9fff")
    assert len(chinese) > 1000 and [char for char in chinese if font.get_char_index(ord(char)) == 0] == []


def test_the_bundled_font_ships_with_its_licence() -> None:
    from zjk_targets import fonts

    licence = (fonts.PATH.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Adobe" in licence
    assert fonts.PATH.stat().st_size < 5_000_000  # the whole family was 103 MB


def test_an_english_chart_draws_the_chinese_in_its_labels(runner, tmp_path, monkeypatch) -> None:
    """afforestation-2017's English measure name holds 造林绿化: with the CJK font the pixels differ
    from the boxes drawn without it."""
    out = tmp_path / "with.png"
    assert runner.invoke(app, ["chart", "afforestation-2017", "-o", str(out)]).exit_code == 0
    monkeypatch.setattr("zjk_targets.render.chart_view.cjk_fonts", lambda: [])
    boxes = tmp_path / "boxes.png"
    assert runner.invoke(app, ["chart", "afforestation-2017", "-o", str(boxes)]).exit_code == 0
    assert out.read_bytes() != boxes.read_bytes()


def _inside(inner, outer, slack: float = 1.0) -> bool:
    return (
        inner.x0 >= outer.x0 - slack
        and inner.y0 >= outer.y0 - slack
        and inner.x1 <= outer.x1 + slack
        and inner.y1 <= outer.y1 + slack
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_labels_are_never_clipped_and_never_cover_the_plot(lang) -> None:
    """Every text of every bundled five-year goal's chart (and a few more) lies inside the image,
    and outside the plotting area except the tick labels, which sit beside it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from zjk_targets import bundled_paths, evaluate, load_dataset
    from zjk_targets.render import chart_view

    dataset = load_dataset(bundled_paths())
    chosen = {"afforestation-2017", "gdp-growth-2017", "pm25-2017", "urbanisation-rate-2017"}
    verdicts = [v for v in evaluate(dataset) if v.target.by is not None or v.target.id in chosen]
    assert len(verdicts) > 10
    for verdict in verdicts:
        figure = chart_view.figure(dataset, verdict, lang)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        whole = figure.bbox
        (axes,) = figure.axes
        plot = axes.get_window_extent(renderer)
        (low_x, high_x), (low_y, high_y) = sorted(axes.get_xlim()), sorted(axes.get_ylim())
        hidden = {id(t) for t in axes.get_xticklabels() if not low_x <= t.get_position()[0] <= high_x}
        hidden |= {id(t) for t in axes.get_yticklabels() if not low_y <= t.get_position()[1] <= high_y}
        texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip() and id(t) not in hidden]
        ticks = {id(t) for t in axes.get_xticklabels() + axes.get_yticklabels()}
        for text in texts:
            box = text.get_window_extent(renderer)
            assert _inside(box, whole), (verdict.target.id, text.get_text())
            if id(text) not in ticks:
                assert not box.overlaps(plot), (verdict.target.id, text.get_text())
        legend = figure.legends[0].get_window_extent(renderer)
        assert legend.y1 <= plot.y0, verdict.target.id
