"""Speed of zjk-targets against the floor of doing nothing useful, measured in one run.

    python benchmarks/bench.py            # the national figures: 30,000 targets, 300,000 observations
    python benchmarks/bench.py --quick    # a tenth of that, for a quick look

Every figure is the median wall time of several runs of a fresh ``python`` process (what a user
waits for), next to a baseline measured in the same run on the same machine:

1. ``check ID`` on the bundled data, vs importing typer and yaml and loading the two bundled YAML
   files with yaml.CSafeLoader (target: at most 1.5×);
2. ``report`` on the bundled data, vs the same floor (at most 2×); and the HTML report of the
   bundled data (``export --format html``) vs its markdown summary (``export``), at most 2×;
3. ``export --format csv`` on a synthetic national dataset in CSV, vs importing pandas and
   ``pandas.read_csv`` of the two files (at most 2.5×), and its peak memory (under 1 GB), on three
   datasets: the synthetic national one, one where most targets meet conflicting figures, and the
   harsh one (every target meets several disagreeing figures of one date, long excerpts);
4. linear growth: the same export on 10× the input costs at most 12× the time, once the fixed
   cost (the same export on header-only files: Python, imports, exit) is taken off both.

The synthetic data is written to ``benchmarks/data/`` (CSV and YAML); its generator is seeded.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(ROOT))

from zjk_targets.bundled import bundled_paths  # noqa: E402
from zjk_targets.rules.schema import CSV_COLUMNS  # noqa: E402

# ------------------------------------------------------------------------------------------
# A synthetic national tracker: cities, each with its measures, work reports, bulletins and press.

# (key, zh, en, unit, direction, typical value, spread, decimals); unit "done" is a milestone.
MEASURES = [
    ("gdp-growth", "地区生产总值增速", "GDP growth", "%", "higher", 7.0, 2.0, 1),
    ("industry-growth", "规模以上工业增加值增速", "Industrial value added growth", "%", "higher", 7.5, 3.0, 1),
    ("fai-growth", "固定资产投资增速", "Fixed-asset investment growth", "%", "higher", 9.0, 4.0, 1),
    ("budget-revenue", "一般公共预算收入", "General budget revenue", "亿元", "higher", 120.0, 40.0, 2),
    ("retail-sales", "社会消费品零售总额", "Retail sales", "亿元", "higher", 600.0, 150.0, 1),
    ("urban-income", "城镇居民人均可支配收入", "Urban disposable income", "元", "higher", 32000.0, 6000.0, 0),
    ("unemployment", "城镇登记失业率", "Registered urban unemployment", "%", "lower", 3.5, 0.8, 1),
    ("pm25", "PM2.5年均浓度", "PM2.5 annual mean", "μg/m³", "lower", 40.0, 12.0, 0),
    ("forest-coverage", "森林覆盖率", "Forest coverage", "%", "higher", 35.0, 8.0, 1),
    ("afforestation", "造林绿化面积", "Afforestation", "万亩", "higher", 80.0, 30.0, 1),
    ("new-jobs", "城镇新增就业", "New urban jobs", "万人", "higher", 3.0, 1.0, 2),
    ("library-open", "市图书馆建成开放", "City library opens", "done", "higher", 0.0, 0.0, 0),
]
SCOPES = [("city", "全市"), ("urban", "主城区"), ("county", "县域"), ("zone", "开发区")]
TARGETS_PER_CITY = 100
OBSERVATIONS_PER_TARGET = 10


@dataclass(frozen=True)
class Size:
    targets: int
    observations: int
    conflicts: bool = False
    """Most targets meet three same-date figures that disagree: the longest reasons."""
    harsh: bool = False
    """Every target meets several same-date figures of equal trust that disagree, with long excerpts:
    the data of :func:`generate_harsh`."""

    @property
    def name(self) -> str:
        suffix = "-conflicts" if self.conflicts else "-harsh" if self.harsh else ""
        return f"{self.targets}x{self.observations}{suffix}"


def _fmt(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


Measure = tuple[str, str, str, str, float, float, int]
"""A city's metric as the generators draw it: id, zh, unit, direction, typical value, spread, decimals."""


def _metrics(rng: random.Random, city: str, city_zh: str, rows: dict[str, list[dict[str, str]]]) -> list[Measure]:
    """A city's 48 metrics (each measure in each scope), added to ``rows``."""
    metrics = []
    for key, zh, en, unit, direction, typical, spread, decimals in MEASURES:
        for scope, scope_zh in SCOPES:
            mid = f"{city}-{scope}-{key}"
            rows["metric"].append(
                {
                    "kind": "metric",
                    "id": mid,
                    "zh": f"{city_zh}{scope_zh}{zh}",
                    "en": f"{en} ({city}, {scope})",
                    "unit": unit,
                    "direction": direction,
                }
            )
            metrics.append((mid, zh, unit, direction, typical * (0.6 + 0.8 * rng.random()), spread, decimals))
    return metrics


def _target(rng: random.Random, city: str, n: int, metrics: list[Measure], report: str) -> tuple[dict, Measure]:
    """The start of a target row (its metric, names, category and year or deadline), and its metric."""
    metric = rng.choice(metrics)
    mid, zh, unit = metric[:3]
    row = {"kind": "target", "id": f"{city}-t{n:04d}", "metric": mid, "source": report}
    row["zh"], row["en"] = f"{zh}目标{n}", f"Target {n} of {city}"
    row["category"] = "economy" if unit != "done" else "projects"
    if rng.random() < 0.6:
        row["year"] = "2017"
    else:
        row["by"] = rng.choice(["2020", "2021"])
    return row, metric


def _goal(
    rng: random.Random, row: dict[str, str], metric: tuple[str, str, float, float, int], wan: float, about: float
) -> tuple[str, str]:
    """A target's goal, unit and comparator, set in ``row``: a share ``wan`` of the goals of a metric in
    亿元 in 万元, a share ``about`` of those in % about a value; returns the goal's text and unit."""
    unit, direction, typical, spread, decimals = metric
    goal, goal_unit = _fmt(typical + rng.gauss(0, spread / 2), decimals), unit
    if unit == "亿元" and (wan >= 1 or rng.random() < wan):
        goal, goal_unit = _fmt(float(goal) * 10_000, 0), "万元"
    row["goal"], row["unit"] = goal, goal_unit
    if rng.random() < about and unit == "%":
        row["comparator"], row["tolerance"] = "about", "0.5"
    else:
        row["comparator"] = ">=" if direction == "higher" else "<="
    return goal, goal_unit


def generate(size: Size, seed: int = 2017) -> dict[str, list[dict[str, str]]]:
    """Rows by kind (source, metric, target, observation) for a dataset of ``size``."""
    rng = random.Random(seed)
    cities = max(1, size.targets // TARGETS_PER_CITY)
    rows: dict[str, list[dict[str, str]]] = {"source": [], "metric": [], "target": [], "observation": []}
    per_city_obs = size.observations // cities
    trusts = {"gwr": "official", "bulletin": "official", "news": "news", "mirror": "low"}
    for c in range(cities):
        city, city_zh = f"c{c:04d}", f"城市{c}"
        sources = []
        for year in range(2015, 2026):
            sid = f"{city}-gwr-{year}"
            rows["source"].append(
                {
                    "kind": "source",
                    "id": sid,
                    "title": f"{city_zh}政府工作报告（{year}年）",
                    "publisher": f"{city_zh}人民政府",
                    "published": f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}",
                    "trust": "official",
                    "url": f"https://gov.example.cn/{city}/gwr/{year}",
                }
            )
            sources.append((sid, year, "gwr"))
        for year in range(2015, 2025):
            sid = f"{city}-bulletin-{year}"
            rows["source"].append(
                {
                    "kind": "source",
                    "id": sid,
                    "title": f"{city_zh}{year - 1}年国民经济和社会发展统计公报",
                    "publisher": f"{city_zh}统计局",
                    "published": f"{year}-03",
                    "trust": "official",
                    "url": f"https://stats.example.cn/{city}/{year}",
                }
            )
            sources.append((sid, year, "bulletin"))
        for n, (kind, year) in enumerate([("news", 2018), ("news", 2020), ("news", 2022), ("mirror", 2023)]):
            sid = f"{city}-{kind}-{n}"
            rows["source"].append(
                {
                    "kind": "source",
                    "id": sid,
                    "title": f"{city_zh}报道{n}",
                    "publisher": f"{city_zh}日报" if kind == "news" else "mirror.example.com",
                    "published": str(year),
                    "trust": trusts[kind],
                    "url": f"https://news.example.cn/{city}/{n}",
                }
            )
            sources.append((sid, year, kind))
        metrics = _metrics(rng, city, city_zh, rows)
        report = f"{city}-gwr-2017"
        conflicting: list[dict[str, str]] = []
        for n in range(size.targets // cities):
            row, (mid, zh, unit, direction, typical, spread, decimals) = _target(rng, city, n, metrics, report)
            if unit == "done":
                row["comparator"] = "done"
                row["excerpt"] = f"{zh}，年内完成"
            else:
                goal, goal_unit = _goal(rng, row, (unit, direction, typical, spread, decimals), 0.3, 0.08)
                row["excerpt"] = f"{zh}{'左右' if row['comparator'] == 'about' else ''}达到{goal}{goal_unit}"
                if size.conflicts and rng.random() < 0.8:
                    # Three figures of the deadline year, of one publication, on both sides of the goal.
                    year = int(row.get("year") or row["by"])
                    sid = rng.choice([s for s in sources if s[1] > year])[0]
                    for k, factor in enumerate((0.9, 1.1, 1.2)):
                        value = _fmt(float(goal) * factor, decimals if goal_unit == unit else 0)
                        conflicting.append(
                            {
                                "kind": "observation",
                                "id": f"{row['id']}-c{k}",
                                "metric": mid,
                                "year": str(year),
                                "source": sid,
                                "value": value,
                                "unit": goal_unit,
                                "excerpt": f"{year}年{zh}为{value}{goal_unit}",
                            }
                        )
            rows["target"].append(row)
        rows["observation"] += conflicting
        for n in range(per_city_obs - len(conflicting)):
            mid, zh, unit, direction, typical, spread, decimals = rng.choice(metrics)
            year = rng.randint(2014, 2024)
            later = [s for s in sources if s[1] > year] or sources
            sid, published, kind = rng.choice(later)
            row = {"kind": "observation", "id": f"{city}-o{n:05d}", "metric": mid, "year": str(year), "source": sid}
            if unit == "done":
                row["done"] = "true" if rng.random() < 0.7 else "false"
                row["excerpt"] = f"{zh}{'已建成' if row['done'] == 'true' else '尚未完成'}"
            else:
                value = typical + rng.gauss(0, spread)
                shown_unit = unit
                if unit == "亿元" and rng.random() < 0.2:
                    value, shown_unit = value * 10_000, "万元"
                form = rng.random()
                if form < 0.92:
                    row["value"] = _fmt(value, decimals)
                    stated = f"为{row['value']}{shown_unit}"
                elif form < 0.96:
                    row["min"] = _fmt(value, decimals)
                    stated = f"超过{row['min']}{shown_unit}"
                else:
                    row["min"], row["max"] = _fmt(value, decimals), _fmt(value + spread / 4, decimals)
                    stated = f"在{row['min']}至{row['max']}{shown_unit}之间"
                row["unit"] = shown_unit
                row["excerpt"] = f"{year}年{zh}{stated}"
            if kind == "gwr" and published == year + 1 and rng.random() < 0.6:
                row["estimated"] = "true"
            if rng.random() < 0.04:
                row["proxy"] = "a related measure of another scope"
            if rng.random() < 0.04:
                row["derived"] = "worked out from the growth rate"
            rows["observation"].append(row)
    return rows


# ------------------------------------------------------------------------------------------
# The harsh national tracker: what the format allows at its most costly for the columnar engine.

_WIDE = str.maketrans("0123456789.", "０１２３４５６７８９．")
_SAME_DATE = [
    ("bulletin", "统计局", "国民经济和社会发展统计公报"),
    ("yearbook", "统计年鉴编辑部", "统计年鉴"),
    ("ndrc", "发展和改革委员会", "国民经济运行情况"),
]
_FACTORS = (0.85, 0.92, 0.97, 1.04, 1.1, 1.2)


def _wide(text: str, thousands: bool = False) -> str:
    """A number in full-width digits (NFKC gives the ASCII back), with thousands separators if asked."""
    if thousands and "." not in text and len(text.lstrip("-")) > 4:
        text = f"{int(text):,}".replace(",", "，")  # NFKC makes "，" a comma, which a check then drops
    return text.translate(_WIDE)


def _long(rng: random.Random, year: int, city: str, city_zh: str, subject: str, stated: str) -> str:
    """An excerpt of 200 characters or more: Chinese and English, full-width and ASCII digits, the
    figure stated once among other numbers."""
    growth, share, table = rng.uniform(-3, 12), rng.uniform(60, 120), rng.randint(1, 30)
    text = (
        f"{city_zh}{_wide(str(year))}年国民经济运行情况（Statistical Communiqué of {city}, rev. {rng.randint(1, 9)}）："
        f"{subject}{stated}，比上年增长{_wide(f'{growth:.1f}')}%（YoY {growth:+.1f}% at comparable prices），"
        f"完成年度计划的{_wide(f'{share:.1f}')}％；分季度看，一季度至四季度分别累计完成"
        f"{_wide(f'{share / 4:.1f}')}%、{_wide(f'{share / 2:.1f}')}%、{_wide(f'{share * 3 / 4:.1f}')}%和"
        f"{_wide(f'{share:.1f}')}%。Data: table {_wide(str(table))}-{table + 1}, p. {rng.randint(3, 300)}; "
        f"口径按GB/T 4754-2017调整，with revisions announced on {year + 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}."
    )
    return text


def _harsh_figure(
    rng: random.Random,
    city: tuple[str, str],
    metric: tuple[str, str, str],
    value: float,
    decimals: int,
    year: int,
    sid: str,
) -> dict[str, str]:
    """An observation of a value, a fifth of those of a metric in 亿元 in 万元, stated in a long excerpt."""
    mid, zh, unit = metric
    row = {"kind": "observation", "metric": mid, "year": str(year), "source": sid}
    shown_unit = unit
    if unit == "亿元" and rng.random() < 0.2:
        value, shown_unit, decimals = value * 10_000, "万元", 0
    row["value"], row["unit"] = _fmt(value, decimals), shown_unit
    row["excerpt"] = _long(rng, year, *city, zh, f"为{_wide(row['value'], thousands=True)}{shown_unit}")
    return row


def generate_harsh(size: Size, seed: int = 2017) -> dict[str, list[dict[str, str]]]:
    """Rows by kind for a dataset of ``size`` where the costly cases are the rule, not the exception.

    Every target meets, in its deadline year, three to five figures that disagree (some meet the
    goal, some miss it), all published on the same date by sources of the same trust (a statistical
    bulletin, a yearbook and an economic report of one city, released together), so every reason
    cites them all; every excerpt is over 200 characters of Chinese and English with its figures in
    full-width digits (some with thousands separators); every goal of a metric in 亿元 is in 万元,
    and a fifth of its figures too.
    """
    rng = random.Random(seed)
    cities = max(1, size.targets // TARGETS_PER_CITY)
    rows: dict[str, list[dict[str, str]]] = {"source": [], "metric": [], "target": [], "observation": []}
    per_city_obs = size.observations // cities
    for c in range(cities):
        city, city_zh = f"c{c:04d}", f"城市{c}"
        report = f"{city}-gwr-2017"
        rows["source"].append(
            {
                "kind": "source",
                "id": report,
                "title": f"{city_zh}政府工作报告（2017年）",
                "publisher": f"{city_zh}人民政府",
                "published": f"2017-0{rng.randint(1, 3)}-1{rng.randint(0, 9)}",
                "trust": "official",
                "url": f"https://gov.example.cn/{city}/gwr/2017",
            }
        )
        released: dict[int, list[str]] = {}  # year → the sources released together that year
        for year in range(2015, 2025):
            date = f"{year}-0{rng.randint(2, 4)}-{rng.randint(10, 28)}"
            for key, publisher, title in _SAME_DATE:
                sid = f"{city}-{key}-{year}"
                rows["source"].append(
                    {
                        "kind": "source",
                        "id": sid,
                        "title": f"{city_zh}{year - 1}年{title}",
                        "publisher": f"{city_zh}{publisher}",
                        "published": date,
                        "trust": "official",
                        "url": f"https://stats.example.cn/{city}/{key}/{year}",
                    }
                )
                released.setdefault(year, []).append(sid)
        metrics = _metrics(rng, city, city_zh, rows)
        observations: list[dict[str, str]] = []
        for n in range(size.targets // cities):
            row, (mid, zh, unit, direction, typical, spread, decimals) = _target(rng, city, n, metrics, report)
            year = int(row.get("year") or row["by"])
            group = released[year + 1]
            count = rng.randint(3, 5)
            if unit == "done":
                row["comparator"] = "done"
                row["excerpt"] = _long(rng, 2017, city, city_zh, zh, "年内建成开放")
                for k in range(count):
                    done = "true" if k % 2 == 0 else "false"  # both states, from one release date
                    state = "已建成开放" if done == "true" else "尚未完成"
                    observations.append(
                        {"kind": "observation", "metric": mid, "year": str(year), "source": group[k % len(group)]}
                        | {"done": done, "excerpt": _long(rng, year, city, city_zh, zh, state)}
                    )
            else:
                goal_text, goal_unit = _goal(rng, row, (unit, direction, typical, spread, decimals), 1.0, 0.1)
                about = "左右" if row["comparator"] == "about" else ""
                stated = f"{about}达到{_wide(goal_text, thousands=True)}{goal_unit}"
                row["excerpt"] = _long(rng, 2017, city, city_zh, zh, stated)
                # Figures on both sides of the goal, from the sources released together: a conflict.
                factors = [rng.choice(_FACTORS[:3]), rng.choice(_FACTORS[3:])]
                factors += [rng.choice(_FACTORS) for _ in range(count - 2)]
                base = float(goal_text) / (10_000 if goal_unit != unit else 1)
                for k, factor in enumerate(factors):
                    observations.append(
                        _harsh_figure(
                            rng, (city, city_zh), (mid, zh, unit), base * factor, decimals, year, group[k % len(group)]
                        )
                    )
            rows["target"].append(row)
        while len(observations) < per_city_obs:
            mid, zh, unit, direction, typical, spread, decimals = rng.choice(metrics)
            year = rng.randint(2014, 2023)
            sid = rng.choice(released[year + 1])
            if unit == "done":
                done = "true" if rng.random() < 0.7 else "false"
                state = "已建成开放" if done == "true" else "尚未完成"
                observations.append(
                    {"kind": "observation", "metric": mid, "year": str(year), "source": sid}
                    | {"done": done, "excerpt": _long(rng, year, city, city_zh, zh, state)}
                )
            else:
                value = typical + rng.gauss(0, spread)
                observations.append(_harsh_figure(rng, (city, city_zh), (mid, zh, unit), value, decimals, year, sid))
        for n, row in enumerate(observations):
            rows["observation"].append({"kind": "observation", "id": f"{city}-o{n:05d}"} | row)
    return rows


def _columns(rows: list[dict[str, str]]) -> list[str]:
    """The columns these rows use, in the order of the project's own CSV writer."""
    used = set().union(*(row.keys() for row in rows))
    return [name for name in CSV_COLUMNS if name in used]


def _yaml_value(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


YAML_SECTIONS = {"source": "sources", "metric": "metrics", "target": "targets", "observation": "observations"}
YAML_PLAIN = {"year", "by", "goal", "tolerance", "value", "min", "max", "done", "estimated"}


def write(size: Size, folder: Path) -> dict[str, Path]:
    """Write targets/actuals as CSV and YAML (once per size); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "targets.csv": folder / f"targets-{size.name}.csv",
        "actuals.csv": folder / f"actuals-{size.name}.csv",
        "targets.yaml": folder / f"targets-{size.name}.yaml",
        "actuals.yaml": folder / f"actuals-{size.name}.yaml",
    }
    if all(path.exists() for path in paths.values()):
        return paths
    rows = generate_harsh(size) if size.harsh else generate(size)
    parts = {"targets": ("source", "metric", "target"), "actuals": ("observation",)}
    for name, kinds in parts.items():
        with open(paths[f"{name}.csv"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(
                handle, _columns([row for kind in kinds for row in rows[kind]]), lineterminator="\n"
            )
            writer.writeheader()
            for kind in kinds:
                writer.writerows(rows[kind])
        with open(paths[f"{name}.yaml"], "w", encoding="utf-8") as handle:
            handle.write("schema_version: 1\n")
            for kind in kinds:
                handle.write(f"{YAML_SECTIONS[kind]}:\n")
                for row in rows[kind]:
                    lead = "- "
                    for key, value in row.items():
                        if key == "kind":
                            continue
                        shown = value if key in YAML_PLAIN else _yaml_value(value)
                        handle.write(f"{lead}{key}: {shown}\n")
                        lead = "  "
    return paths


def write_empty(folder: Path) -> dict[str, Path]:
    """Header-only targets and actuals files: the export's fixed cost."""
    paths = {"targets.csv": folder / "targets-empty.csv", "actuals.csv": folder / "actuals-empty.csv"}
    for name in ("targets", "actuals"):
        paths[f"{name}.csv"].write_text(",".join(CSV_COLUMNS) + "\n", encoding="utf-8")
    return paths


# ------------------------------------------------------------------------------------------
# Measuring: fresh processes, wall time and peak memory from wait4.


@dataclass
class Run:
    seconds: float
    peak_mb: float


CPU_CLOCK = False
"""--cpu: time is the CPU time (user + system) of the process, which other load on the machine leaves
alone; every command measured is one process on one core, so it is its wall time on an idle machine."""


def run_once(command: list[str], env: dict[str, str]) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode not in (0, 1, 3):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{errors[-2000:]}")
    if CPU_CLOCK:
        seconds = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024)


def measure(commands: list[list[str]], env: dict[str, str], runs: int) -> list[Run]:
    """Median time and the largest peak memory of ``runs`` runs of each command (after one warm-up).

    The commands take turns, run after run, so that a figure and its baseline meet the same load.
    """
    results: list[list[Run]] = [[] for _ in commands]
    for n in range(runs + 1):
        for command, found in zip(commands, results, strict=True):
            run = run_once(command, env)
            if n:  # the first round warms the caches
                found.append(run)
    return [Run(statistics.median(r.seconds for r in rs), max(r.peak_mb for r in rs)) for rs in results]


# The floor of figures 1 and 2: the smallest typer program of one command with parameters of the
# kinds `check` has (ids, a flag, two paths, a choice) that loads the two files with libyaml. Every
# typer tool pays this: typer's import and its parsing of the command line, then reading the data.
TYPER_FLOOR = """
import enum
from pathlib import Path
from typing import Annotated

import typer
import yaml


class Format(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


app = typer.Typer()


@app.command()
def check(
    ids: Annotated[list[str] | None, typer.Argument()] = None,
    all_targets: Annotated[bool, typer.Option("--all")] = False,
    targets: Annotated[Path, typer.Option("--targets")] = Path({targets!r}),
    actuals: Annotated[Path, typer.Option("--actuals")] = Path({actuals!r}),
    output_format: Annotated[Format, typer.Option("--format")] = Format.TEXT,
) -> None:
    for path in (targets, actuals):
        with open(path, encoding="utf-8") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)


app()
"""


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "zjk_targets", *args]


def _export_command(paths: dict[str, Path]) -> list[str]:
    targets, actuals = str(paths["targets.csv"]), str(paths["actuals.csv"])
    return _cli("export", "--format", "csv", "--targets", targets, "--actuals", actuals)


def _same_as_reference(paths: dict[str, Path]) -> bool:
    """On a small size: the columnar engine on CSV gives the bytes the per-target engine gives on YAML."""
    from zjk_targets import columnar
    from zjk_targets.load import load_dataset
    from zjk_targets.render import csv as csv_render
    from zjk_targets.rules.verdicts import evaluate

    dataset = load_dataset([paths["targets.yaml"], paths["actuals.yaml"]], max_bytes=10**10)
    expected = csv_render.render(dataset, evaluate(dataset))

    return columnar.export_csv([paths["targets.csv"], paths["actuals.csv"]], 10**10) == expected


FIGURE_3 = 2.5
"""The limit of figure 3: the export at most this many times importing pandas and reading the files."""


@dataclass
class Figure:
    name: str
    measured: str
    baseline: str
    ratio: float
    limit: float
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.ratio <= self.limit  # NaN (too small to measure) is never ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the national size, fewer runs")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 5, --quick 3)")
    parser.add_argument("--targets", type=int, default=None, help="number of targets (default 30000)")
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall time (on a busy machine)")
    args = parser.parse_args()

    targets = args.targets or (3_000 if args.quick else 30_000)
    national = Size(targets, targets * OBSERVATIONS_PER_TARGET)
    tenth = Size(national.targets // 10, national.observations // 10)
    runs = args.runs or (3 if args.quick else 5)
    global CPU_CLOCK
    CPU_CLOCK = args.cpu
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PYTHONPATH": str(ROOT)}
    for name in ("ZJK_TARGETS_FILE", "ZJK_ACTUALS_FILE", "ZJK_MAX_INPUT_MB"):
        env.pop(name, None)

    clock = "CPU time" if args.cpu else "wall time"
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; {clock}, median of {runs} runs; data in {DATA}")
    for small in (Size(300, 3_000), Size(300, 3_000, harsh=True)):
        same = _same_as_reference(write(small, DATA))
        print(f"check: columnar export on CSV == per-target engine on YAML ({small.name}): {same}")
    conflicts = Size(national.targets, national.observations, conflicts=True)
    harsh = Size(national.targets, national.observations, harsh=True)
    paths, tenth_paths, conflict_paths = write(national, DATA), write(tenth, DATA), write(conflicts, DATA)
    harsh_paths = write(harsh, DATA)

    bundled_targets, bundled_actuals = (str(p) for p in bundled_paths())
    yaml_floor = _python(
        "import typer, yaml\n"
        f"for p in ({bundled_targets!r}, {bundled_actuals!r}):\n"
        "    yaml.load(open(p, encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
    )
    typer_floor = [*_python(TYPER_FLOOR.format(targets=bundled_targets, actuals=bundled_actuals)), "pm25-2017"]
    pages = DATA / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    floor, old_floor, check, report, summary, html = measure(
        [
            typer_floor,
            yaml_floor,
            _cli("check", "pm25-2017"),
            _cli("report"),
            _cli("export", "--full", "-o", str(pages / "report.md")),
            _cli("export", "--format", "html", "-o", str(pages / "report.html")),
        ],
        env,
        runs,
    )

    def read_floor(p: dict[str, Path]) -> list[str]:
        return _python(
            f"import pandas\npandas.read_csv({str(p['targets.csv'])!r})\npandas.read_csv({str(p['actuals.csv'])!r})\n"
        )

    pandas_floor, export = measure([read_floor(paths), _export_command(paths)], env, runs)
    conflict_floor, conflict_export = measure([read_floor(conflict_paths), _export_command(conflict_paths)], env, runs)
    harsh_floor, harsh_export = measure([read_floor(harsh_paths), _export_command(harsh_paths)], env, runs)
    # Growth: the fixed cost (interpreter, imports, exit) is the same export on header-only files.
    growth_runs = max(runs, 7)
    export_tenth, export_full, fixed = measure(
        [_export_command(tenth_paths), _export_command(paths), _export_command(write_empty(DATA))], env, growth_runs
    )
    growth = export_full.seconds / export_tenth.seconds
    # Below about 0.05 s of work the smaller run is all fixed cost, and the ratio means nothing.
    work_tenth = export_tenth.seconds - fixed.seconds
    net_growth = (export_full.seconds - fixed.seconds) / work_tenth if work_tenth > 0.05 else float("nan")

    def s(run: Run) -> str:
        return f"{run.seconds:.3f} s"

    figures = [
        Figure(
            "1. check ID, bundled data",
            s(check),
            f"{s(floor)} (a one-command typer program loading both files)",
            check.seconds / floor.seconds,
            1.5,
            f"{check.seconds / old_floor.seconds:.2f}× the old floor, import typer, yaml + loading: {s(old_floor)}",
        ),
        Figure(
            "2. report, bundled data",
            s(report),
            f"{s(floor)} (same floor)",
            report.seconds / floor.seconds,
            2.0,
            f"{report.seconds / old_floor.seconds:.2f}× the old floor",
        ),
        Figure(
            "2. export --format html, bundled data",
            s(html),
            f"{s(summary)} (export --full, the markdown of the same data)",
            html.seconds / summary.seconds,
            2.0,
        ),
        Figure(
            f"3. export --format csv, {national.targets:,} targets / {national.observations:,} obs",
            s(export),
            f"{s(pandas_floor)} (import pandas + read_csv ×2)",
            export.seconds / pandas_floor.seconds,
            FIGURE_3,
        ),
        Figure("3. peak memory of that export", f"{export.peak_mb:.0f} MB", "1024 MB", export.peak_mb / 1024, 1.0),
        Figure(
            "3. the same, most targets with conflicting figures",
            s(conflict_export),
            f"{s(conflict_floor)} (import pandas + read_csv ×2)",
            conflict_export.seconds / conflict_floor.seconds,
            FIGURE_3,
        ),
        Figure(
            "3. peak memory of that export",
            f"{conflict_export.peak_mb:.0f} MB",
            "1024 MB",
            conflict_export.peak_mb / 1024,
            1.0,
        ),
        Figure(
            "3. harsh: every target with same-date disagreeing figures, long excerpts",
            s(harsh_export),
            f"{s(harsh_floor)} (import pandas + read_csv ×2)",
            harsh_export.seconds / harsh_floor.seconds,
            FIGURE_3,
        ),
        Figure(
            "3. peak memory of that export",
            f"{harsh_export.peak_mb:.0f} MB",
            "1024 MB",
            harsh_export.peak_mb / 1024,
            1.0,
        ),
        Figure(
            f"4. growth {tenth.targets:,} → {national.targets:,} targets (10×)",
            f"{s(export_tenth)} → {s(export_full)}",
            f"fixed cost {s(fixed)} (header-only files) subtracted",
            net_growth,
            12.0,
            f"end to end ×{growth:.1f}; median of {growth_runs}"
            + ("; too small to measure: run without --quick" if math.isnan(net_growth) else ""),
        ),
    ]
    rows = [("figure", "measured", "baseline", "ratio", "target", "ok", "note")]
    for f in figures:
        rows.append(
            (f.name, f.measured, f.baseline, f"{f.ratio:.2f}×", f"≤ {f.limit:g}×", "yes" if f.ok else "NO", f.note)
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))
    return 0 if all(f.ok for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
