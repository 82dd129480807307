"""The HTML report, as a reader sees it: rendered by headless Chromium, scripts and all."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from conftest import MINI

from zjk_targets.cli import app

pytest.importorskip("matplotlib")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("ZJK_REQUIRE_BROWSER") == "1"  # CI installs Chromium and insists


def _export(runner, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["export", "--format", "html", "--output", str(out), *MINI])
    assert result.exit_code == 0, result.output
    return out


def test_html_is_self_contained(runner, tmp_path) -> None:
    page = _export(runner, tmp_path).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert not re.search(r"""(src|href)=["']https?://(?!example)""", page.split("<tbody>")[0]), "no network"
    assert "<script src" not in page and "<link" not in page


def test_html_is_deterministic(runner, tmp_path) -> None:
    first = _export(runner, tmp_path).read_bytes()
    assert first == _export(runner, tmp_path).read_bytes()


@pytest.mark.skipif(CHROMIUM is None and not REQUIRED, reason="Chromium is not installed")
def test_html_report_in_a_real_browser(runner, tmp_path) -> None:
    assert CHROMIUM is not None, "ZJK_REQUIRE_BROWSER=1 but Chromium is not installed"
    page = _export(runner, tmp_path)
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert '<p id="headline">Of 5 targets set in 2017: 2 met, 1 missed, 2 unknown.</p>' in dom
    assert re.search(r'<span id="shown">5</span>', dom), "the filter script ran and shows every row"
    assert len(re.findall(r'<tr data-status="', dom)) == 5
    assert len(re.findall(r'<img class="chart"', dom)) == 5  # four rows with evidence + the five-year gallery
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, *flags, "--window-size=1000,800", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    from matplotlib import image

    pixels = image.imread(str(shot))
    assert pixels.shape[:2] == (800, 1000)
    assert pixels.std() > 0.05, "the page renders as something, not a blank screen"
