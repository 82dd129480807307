"""The HTML report, as a reader sees it: rendered by headless Chromium, on a phone and a desktop."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from conftest import MINI

from zjk_targets.cli import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("ZJK_REQUIRE_BROWSER") == "1"  # CI installs Chromium and insists
LAWTEXT = "https://github.com/lawtext/gov/blob/fc1a2f67a589763dc905aaa90f2b1ba356bbccde/"


def _export(runner, tmp_path, *args: str, name: str = "report.html"):
    out = tmp_path / name
    result = runner.invoke(app, ["export", "--format", "html", "--output", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def test_html_is_self_contained(runner, tmp_path) -> None:
    page = _export(runner, tmp_path, *MINI).read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert not re.search(r"""src=["']?https?://""", page), "nothing is fetched"
    assert "<script src" not in page and "<link" not in page and "<img" not in page


def test_html_is_deterministic(runner, tmp_path) -> None:
    first = _export(runner, tmp_path, *MINI).read_bytes()
    assert first == _export(runner, tmp_path, *MINI).read_bytes()


def test_the_bundled_report_is_small(runner, tmp_path) -> None:
    """Its speed against the markdown is a figure of benchmarks/bench.py, not a timed test."""
    assert runner.invoke(app, ["export", "-f", "html", "-o", str(tmp_path / "report.html")]).exit_code == 0
    assert (tmp_path / "report.html").stat().st_size < 1_000_000


def _data(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    assert found, "the charts' data block"
    return json.loads(found.group(1))


def test_each_measure_is_charted_once_and_every_figure_has_its_words_on_the_page(runner, tmp_path) -> None:
    from html import escape

    from zjk_targets import bundled_paths, evaluate, load_dataset
    from zjk_targets.render.text import visible

    page = _export(runner, tmp_path).read_text(encoding="utf-8")
    verdicts = evaluate(load_dataset(bundled_paths()))
    charts = _data(page)["charts"]
    measures = {verdict.target.metric for verdict in verdicts if verdict.evidence}
    assert len(charts) == len(measures), "one chart per measure with figures"
    cards = re.findall(r"<(?:article class=\w+|dd) id=t-([^ >]+)>", page)
    shown = {goal[3] for chart in charts for goal in chart[3] if len(goal) > 3}
    assert shown == {i for i, key in enumerate(cards) if next(v for v in verdicts if v.target.id == key).evidence}
    # every point of a chart is a figure whose words are written on the page at id=f<n> (in a card,
    # or under its source): a page read without the script still has every word and number
    points = {point[-1] for chart in charts for point in chart[2]}
    for number in points:
        assert re.search(rf"<(li|p) id=f{number}>[^<]*<(b|q)>", page), number
    observations = {item.observation for verdict in verdicts for item in verdict.evidence}
    assert len(points) == len(observations)
    for obs in observations:
        assert f"<q>{escape(visible(obs.excerpt))}</q>" in page, obs.id


def test_an_unknown_targets_nearest_figures_link_to_their_words(runner, tmp_path) -> None:
    page = _export(runner, tmp_path).read_text(encoding="utf-8")
    links = re.findall(r"nearest: <a href=#(f\d+)>([^<]+)</a>", page)
    assert links
    for anchor, figure in links:
        item = re.search(rf"<(?:li|p) id={anchor}>(.*?)(?=<li|</ul>|<p|</article>)", page)
        assert item, anchor
        # the figure in the target's unit (14000 套), its words in the source's (1.4 万套)
        year = figure.split(":")[0]
        assert item.group(1).startswith((f"{year}: ", f"<b>{year}: ")), (anchor, figure)
        assert "<q>" in item.group(1)


def test_sources_link_to_the_documents_themselves(runner, tmp_path) -> None:
    from zjk_targets import bundled_paths, load_dataset

    page = _export(runner, tmp_path).read_text(encoding="utf-8")
    assert 'href="https://github.com/lawtext/gov"' not in page, "never the collection's front page"
    for source in load_dataset(bundled_paths()).sources.values():
        if source.url and "lawtext/gov" in source.url:
            assert source.url.startswith(LAWTEXT + "政府工作报告-其他地市/张家口市/"), source.id
            assert source.url.endswith(f"/{source.file.removeprefix('sources/zjk-gwr-')}"), source.id
            assert f'<a href="{source.url}">' in page
    # a card cites a source by its id, linked to its entry in the list, which gives the title and date
    # (and links to the document where there is one: a seed, a text without an address, has none)
    assert "<a href=#s-gwr-2017>gwr-2017</a>" in page
    assert (
        "<li id=s-gwr-2017><b>gwr-2017</b>: 张家口市政府工作报告（2017年4月10日 武卫东）, 张家口市人民政府, 2017-04-10;"
        in page
    )


PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="report.html" style="width:{width}px;height:900px;border:0"></iframe>
<script>
document.getElementById('f').addEventListener('load', () => {{
  const d = document.getElementById('f').contentDocument, root = d.documentElement;
  const missed = d.querySelector('#targets article.mi').getBoundingClientRect().top;
  d.querySelectorAll('details').forEach(x => x.open = true);
  const charts = [...d.querySelectorAll('svg.chart')].map(s => Math.round(s.getBoundingClientRect().width));
  const clipped = [...d.querySelectorAll('svg.chart .cy text')].filter(t => t.getBBox().x < 0).length;
  const text = [...d.querySelectorAll('article p, dd')].map(p => parseFloat(getComputedStyle(p).fontSize));
  const report = {{scroll: root.scrollWidth, client: root.clientWidth, charts: charts,
    smallest_text: Math.min(...text), cards: d.querySelectorAll('#targets [id^="t-"]').length,
    shown: d.getElementById('shown').textContent, missed: missed, clipped: clipped,
    legends: d.querySelectorAll('svg.chart + p.cl').length}};
  document.body.insertAdjacentHTML('beforeend', '<pre id="probe">' + JSON.stringify(report) + '</pre>');
}});
</script></body></html>
"""


def _chromium(tmp_path, url: str, *extra: str) -> str:
    flags = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--allow-file-access-from-files",
        "--virtual-time-budget=10000",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    result = subprocess.run([CHROMIUM, *flags, *extra, url], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    return result.stdout


@pytest.mark.skipif(CHROMIUM is None and not REQUIRED, reason="Chromium is not installed")
@pytest.mark.parametrize("width", [390, 1280])
def test_readable_on_a_phone_and_a_desktop(runner, tmp_path, width) -> None:
    """In an iframe of the given width (headless Chromium's window is never narrower than 500):
    no sideways scrolling, charts as wide as the screen allows, text of a readable size."""
    assert CHROMIUM is not None, "ZJK_REQUIRE_BROWSER=1 but Chromium is not installed"
    from zjk_targets import bundled_paths, evaluate, load_dataset

    _export(runner, tmp_path)
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE.format(width=width), encoding="utf-8")
    dom = _chromium(tmp_path, probe.as_uri(), f"--window-size={max(width, 500) + 20},1000", "--dump-dom")
    found = re.search(r'<pre id="probe">(\{.*?)</pre>', dom)
    assert found, dom[-2000:]
    report = json.loads(found.group(1))
    targets = len(load_dataset(bundled_paths()).targets)
    assert report["cards"] == targets and report["shown"] == str(targets), "the filter script ran"
    assert report["scroll"] <= report["client"], "no sideways scrolling"
    assert report["smallest_text"] >= 14
    with_evidence = sum(1 for verdict in evaluate(load_dataset(bundled_paths())) if verdict.evidence)
    assert len(report["charts"]) >= with_evidence
    # drawn at 320 units wide: never shrunk below ~0.94 of that, so 12-unit labels stay readable
    assert min(report["charts"]) >= 300, sorted(report["charts"])[:5]
    # every axis label whole (a milestone's "not done" was cut to "ot done"), every chart explained
    assert report["clipped"] == 0 and report["legends"] == len(report["charts"])
    # the answer first: on a phone (844 px a screen) the first missed target within two screens
    # (it stood at 7,041 px, after the track record and 16 charts, before they moved below)
    assert report["missed"] < 2 * 844, report["missed"]


@pytest.mark.skipif(CHROMIUM is None and not REQUIRED, reason="Chromium is not installed")
def test_the_page_renders_as_something(runner, tmp_path) -> None:
    assert CHROMIUM is not None
    page = _export(runner, tmp_path, *MINI)
    dom = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert '<p id="headline">Of 5 targets set in 2017: 2 met, 1 missed, 2 unknown.</p>' in dom
    assert re.search(r'<span id="shown">5</span>', dom), "the filter script ran and shows every card"
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, page.as_uri(), "--window-size=1000,800", f"--screenshot={shot}")
    from matplotlib import image

    pixels = image.imread(str(shot))
    assert pixels.shape[:2] == (800, 1000)
    assert pixels.std() > 0.05, "the page renders as something, not a blank screen"


# The national pages (issue 21: every place's page together under 15 MB, about 350 places, the
# provinces and major cities with longer records): the bundled data's pages, the shared stylesheet
# and script and the national page, per city page. Measured: 104.7 kB a page before the pages were
# made small, 50.9 kB after the first round, 28.8 kB after the second (277 cities); 52.2 kB for all
# 349 places (18.2 MB), 38.4 kB after the third (13.4 MB). Issue 23 asks for under 10 MB: without
# charts and the track-record table, 27.5 kB a place (9.59 MB).
BYTES_PER_PLACE = 28_500  # 349 places: 9.95 MB at most
SITE_BYTES = 10_000_000


def test_the_national_pages_stay_within_their_budget_per_place(runner, tmp_path) -> None:
    from zjk_targets.render import html

    pages = tmp_path / "pages"
    result = runner.invoke(app, ["national", "-f", "html", "-o", str(pages)])
    assert result.exit_code == 0, result.output
    places = [path for path in pages.glob("*.html") if path.name != "index.html"]
    total = sum(path.stat().st_size for path in pages.iterdir())
    assert total / len(places) <= BYTES_PER_PLACE and total < SITE_BYTES, (total, len(places))
    assert '<script type="application/json" id="data">' not in places[0].read_text(encoding="utf-8")
    for name, text in html.ASSETS.items():
        assert (pages / name).read_text(encoding="utf-8") == text
    page = places[0].read_text(encoding="utf-8")
    assert f"<link rel=stylesheet href={html.STYLE_FILE}>" in page and "<style>" not in page
    assert f"<script src={html.SCRIPT_FILE}></script>" in page
    # how verdicts are reached: once, on the national page each city page links to
    assert f"<a href={html.INDEX}#how>" in page and "<ol><li>" not in page
    assert '<h2 id="how">' in (pages / html.INDEX).read_text(encoding="utf-8")


def test_every_decided_verdict_shows_its_figure_words_and_source_in_its_card(runner, tmp_path) -> None:
    from html import escape

    from zjk_targets import bundled_paths, evaluate, load_dataset
    from zjk_targets.render.text import visible

    page = _export(runner, tmp_path).read_text(encoding="utf-8")
    cards = dict(re.findall(r"<article class=\w+ id=t-([^ >]+)>(.*?)</article>", page))
    decided = [verdict for verdict in evaluate(load_dataset(bundled_paths())) if verdict.decisive]
    assert decided
    for verdict in decided:
        card = cards[verdict.target.id]
        for item in verdict.decisive:
            obs = item.observation
            assert f"<b>{obs.year}: " in card, verdict.target.id
            assert f"<q>{escape(visible(obs.excerpt))}</q>" in card, verdict.target.id
            assert f"<a href=#s-{obs.source}>{obs.source}</a>" in card, verdict.target.id
            assert f"<li id=s-{obs.source}>" in page


SHELL_HINT = re.compile(r"zjk-targets [a-z-]+ (?:[A-Z]{2,}|--|[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}\b)")
"""A command for a shell to run (`zjk-targets show ID`, `record --city NAME`, `show pm25-2017`): a web
page tells its reader the words, figure and source, or links to them within the page."""


def test_no_page_speaks_to_a_shell(runner, tmp_path) -> None:
    assert SHELL_HINT.search("Details: zjk-targets show ID.") and SHELL_HINT.search("zjk-targets record --city X")
    assert not SHELL_HINT.search("Drafted by zjk-targets extract from the work reports")
    pages = {}
    for lang in ("en", "zh"):
        out = tmp_path / f"report.{lang}.html"
        assert runner.invoke(app, ["export", "-f", "html", "--lang", lang, "-o", str(out)]).exit_code == 0
        pages[out.name] = out.read_text(encoding="utf-8")
    site = tmp_path / "site"
    assert runner.invoke(app, ["national", "-f", "html", "-o", str(site)]).exit_code == 0
    pages |= {path.name: path.read_text(encoding="utf-8") for path in sorted(site.glob("*.html"))}
    escalation = tmp_path / "escalation.html"
    assert runner.invoke(app, ["escalation", "-f", "html", "-o", str(escalation)]).exit_code == 0
    pages[escalation.name] = escalation.read_text(encoding="utf-8")
    hints = {name: SHELL_HINT.search(text).group(0) for name, text in pages.items() if SHELL_HINT.search(text)}
    assert hints == {}
