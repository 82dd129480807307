"""The columnar engine (zjk_targets.columnar) against the reference: same verdicts, same bytes, same problems.

Random datasets are written both as YAML and as CSV; the reference (load_dataset, evaluate,
render.csv) on the YAML and the columnar engine on the CSV must give byte-identical exports. Broken
CSV files must give exact ``file:line: message`` problems. Speed is measured by
benchmarks/bench.py, never here.
"""

from __future__ import annotations

import dataclasses
import random
import re
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, dataset
from test_evaluate import SET_ASIDE

from zjk_targets import columnar, engine, to_csv
from zjk_targets.bundled import bundled_paths
from zjk_targets.cli import app
from zjk_targets.errors import DataError
from zjk_targets.load import load_dataset
from zjk_targets.model import (
    Comparator,
    Dataset,
    Direction,
    Metric,
    Observation,
    PartialDate,
    Reading,
    Source,
    Target,
    Trust,
)
from zjk_targets.render import csv as csv_render
from zjk_targets.rules.units import conversion_factor
from zjk_targets.rules.verdicts import evaluate
from zjk_targets.rules.wording import number

# ------------------------------------------------------------------------------------------
# A generator of valid datasets that piles up the cases the rules distinguish: figures at the
# goal, across 万/亿 conversions, same-date disagreements, more-trusted earlier figures,
# estimates, ranges on and across the goal, proxies, deadlines met early or late, milestones, and
# restatements: a figure published again by another source (a work report and the statistics
# bureau's communiqué of one year), as stated or otherwise, so that superseded figures that differ
# from the deciding one, in value or in what they say of the goal, are named in many reasons.

UNIT_FAMILIES = [("%",), ("元", "万元", "亿元"), ("万亩", "亩"), ("μg/m³",), ("done",)]
DATES = ["2016", "2017-04", "2017-04-10", "2018-01-20", "2018-03", "2018-03-01", "2019", "2019-02-15", "2023"]


def _random_dataset(rng: random.Random, targets: int = 8, observations: int = 30, metric_count: int = 4) -> Dataset:
    sources = {}
    for i in range(rng.randint(3, 7)):
        sid = f"src-{i}"
        has_file = rng.random() < 0.7
        sources[sid] = Source(
            sid,
            f"Title {i}",
            rng.choice(["City", "Daily", "mirror", "统计局"]),
            PartialDate.parse(rng.choice(DATES)),
            rng.choice(list(Trust)),
            file=f"f{i}.txt" if has_file else None,
            url=f"https://e.org/{i}" if not has_file or rng.random() < 0.5 else None,
        )
    source_ids = list(sources)
    metrics = {}
    for i in range(rng.randint(1, metric_count)):
        family = rng.choice(UNIT_FAMILIES)
        mid = f"m{i}"
        metrics[mid] = Metric(mid, f"指标{i}", f"Measure {i}", rng.choice(family), rng.choice(list(Direction)))
    grid = [Decimal(x) for x in ("0", "7", "7.5", "7.99", "8", "8.01", "8.5", "9", "31", "0.5", "10", "100")]

    def scaled(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
        factor = conversion_factor(from_unit, to_unit)
        assert factor is not None
        return value * factor

    def family_of(unit: str) -> tuple[str, ...]:
        return next(f for f in UNIT_FAMILIES if unit in f)

    target_list = []
    for i in range(targets):
        metric = rng.choice(list(metrics.values()))
        source = rng.choice(source_ids)
        set_year = sources[source].published.year
        if metric.unit == "done":
            comparator = Comparator.DONE
        elif rng.random() < 0.2:
            comparator = Comparator.ABOUT
        elif metric.direction is Direction.HIGHER:
            comparator = rng.choice([Comparator.GE, Comparator.GT])
        else:
            comparator = rng.choice([Comparator.LE, Comparator.LT])
        is_done = comparator is Comparator.DONE
        unit = None if is_done else rng.choice(family_of(metric.unit))
        goal = None if is_done else rng.choice(grid)
        tolerance = rng.choice([Decimal("0.5"), Decimal("0"), Decimal("1")]) if comparator is Comparator.ABOUT else None
        if rng.random() < 0.4:
            year, by = None, rng.randint(max(set_year, 2016), max(set_year, 2021))
        else:
            year, by = rng.randint(2016, 2020), None
        derived = "worked out" if rng.random() < 0.2 else None
        excerpt = f"目标{number(abs(goal))}" if goal is not None and not derived else "目标"
        target_list.append(
            Target(
                f"t-{i:03d}",
                metric.id,
                f"目标{i}",
                f"Target {i}",
                rng.choice(["economy", "environment"]),
                comparator,
                goal,
                unit,
                year,
                by,
                source,
                excerpt,
                tolerance=tolerance,
                derived=derived,
            )
        )
    obs_list = []
    ids = list(range(observations))
    rng.shuffle(ids)  # ids out of year order, so the id tie-break matters
    for n in ids:
        metric = rng.choice(list(metrics.values()))
        year = rng.randint(2014, 2022)
        source = rng.choice(source_ids)
        derived = "29 + 2" if rng.random() < 0.15 else None
        proxy = "a related measure" if rng.random() < 0.15 else None
        estimated = rng.random() < 0.2
        if metric.unit == "done":
            values = {"done": rng.random() < 0.6}
            unit = "done"
        else:
            unit = rng.choice(family_of(metric.unit))
            base = rng.choice(grid)
            shown = scaled(base, metric.unit, unit)
            form = rng.random()
            if form < 0.6:
                values = {"value": shown}
            elif form < 0.75:
                values = {"minimum": shown}
            elif form < 0.85:
                values = {"maximum": shown}
            else:
                values = {"minimum": shown, "maximum": shown + scaled(rng.choice(grid), metric.unit, unit)}
        numbers = [v for k, v in values.items() if k != "done"]
        excerpt = "，".join(f"为{number(abs(v))}" for v in numbers) if numbers and not derived else "…"
        obs_list.append(
            Observation(
                f"o-{n:04d}",
                metric.id,
                year,
                unit,
                source,
                excerpt,
                estimated=estimated,
                derived=derived,
                proxy=proxy,
                **values,
            )
        )
    for n, restated in enumerate(rng.sample(obs_list, len(obs_list) // 4), start=observations):
        if restated.done is not None:
            values: dict = {"done": rng.random() < 0.5}
        elif rng.random() < 0.6:
            values = {"value": scaled(rng.choice(grid), metrics[restated.metric].unit, restated.unit)}
        elif restated.value is not None:
            values = {"value": restated.value}
        else:
            values = {"minimum": restated.minimum, "maximum": restated.maximum}
        numbers = [v for k, v in values.items() if k != "done" and v is not None]
        obs_list.append(
            Observation(
                f"o-{n:04d}",
                restated.metric,
                restated.year,
                restated.unit,
                rng.choice(source_ids),
                "，".join(f"为{number(abs(v))}" for v in numbers) if numbers else "…",
                estimated=rng.random() < 0.1,
                **values,
            )
        )
    return Dataset(sources, metrics, tuple(target_list), tuple(obs_list))


def _yaml_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)


def _write_yaml(dataset: Dataset, path: Path) -> None:
    def clean(entry: dict) -> dict:
        return {k: v for k, v in entry.items() if v is not None}

    document = {
        "sources": [
            clean(
                {
                    "id": s.id,
                    "title": s.title,
                    "publisher": s.publisher,
                    "published": str(s.published),
                    "trust": s.trust.value,
                    "file": s.file,
                    "url": s.url,
                }
            )
            for s in dataset.sources.values()
        ],
        "metrics": [
            {"id": m.id, "zh": m.zh, "en": m.en, "unit": m.unit, "direction": m.direction.value}
            for m in dataset.metrics.values()
        ],
        "targets": [
            clean(
                {
                    "id": t.id,
                    "metric": t.metric,
                    "zh": t.zh,
                    "en": t.en,
                    "category": t.category,
                    "comparator": t.comparator.value,
                    "goal": _yaml_number(t.goal) if t.goal is not None else None,
                    "tolerance": _yaml_number(t.tolerance) if t.tolerance is not None else None,
                    "unit": t.unit,
                    "year": t.year,
                    "by": t.by,
                    "source": t.source,
                    "excerpt": t.excerpt,
                    "derived": t.derived,
                }
            )
            for t in dataset.targets
        ],
        "observations": [
            clean(
                {
                    "id": o.id,
                    "metric": o.metric,
                    "year": o.year,
                    "value": _yaml_number(o.value) if o.value is not None else None,
                    "min": _yaml_number(o.minimum) if o.minimum is not None else None,
                    "max": _yaml_number(o.maximum) if o.maximum is not None else None,
                    "done": o.done,
                    "unit": None if o.done is not None else o.unit,
                    "source": o.source,
                    "excerpt": o.excerpt,
                    "estimated": o.estimated or None,
                    "derived": o.derived,
                    "proxy": o.proxy,
                }
            )
            for o in dataset.observations
        ],
    }
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _reference_export(paths: list[Path], reading: Reading = Reading.BAND) -> str:
    dataset = load_dataset(paths)
    return csv_render.render(dataset, evaluate(dataset, reading=reading), reading=reading)


@pytest.mark.parametrize("seed", range(300))
def test_random_datasets_export_the_same_bytes_through_both_engines(tmp_path, seed) -> None:
    """Each about goal read as a band for the even seeds, strictly for the odd ones."""
    reading = (Reading.BAND, Reading.STRICT)[seed % 2]
    rng = random.Random(seed)
    generated = _random_dataset(rng, targets=rng.randint(1, 12), observations=rng.randint(0, 40))
    yaml_path, csv_path = tmp_path / "data.yaml", tmp_path / "data.csv"
    _write_yaml(generated, yaml_path)
    csv_path.write_text(to_csv(generated), encoding="utf-8")

    expected = _reference_export([yaml_path], reading)
    assert columnar.export_csv([csv_path, csv_path], reading=reading) == expected
    # The normal path on CSV input: the same dataset, hence the same everything.
    assert columnar.to_dataset([csv_path]) == load_dataset([yaml_path])


@pytest.mark.parametrize("reading", list(Reading))
def test_a_larger_random_dataset_through_both_engines(tmp_path, reading) -> None:
    generated = _random_dataset(random.Random(2024), targets=1500, observations=6000, metric_count=60)
    path = tmp_path / "data.csv"
    path.write_text(to_csv(generated), encoding="utf-8")
    expected = csv_render.render(generated, evaluate(generated, reading=reading), reading=reading)
    assert columnar.export_csv([path, path], reading=reading) == expected


@pytest.mark.parametrize("case", SET_ASIDE, ids=[case[0] for case in SET_ASIDE])
def test_the_figures_set_aside_are_named_alike_by_both_engines(tmp_path, case) -> None:
    _name, the_target, the_metric, observations, reason = case

    def stated(*numbers: Decimal | None) -> str:  # the CSV reader holds every figure to its excerpt
        return "，".join(f"为{number(n)}" for n in numbers if n is not None) or "…"

    the_target = dataclasses.replace(the_target, excerpt=stated(the_target.goal))
    observations = [dataclasses.replace(o, excerpt=stated(o.value, o.minimum, o.maximum)) for o in observations]
    generated = dataset(the_target, the_metric, observations)
    path = tmp_path / "data.csv"
    path.write_text(to_csv(generated), encoding="utf-8")
    expected = csv_render.render(generated, evaluate(generated))
    assert reason in expected
    assert columnar.export_csv([path]) == expected


def test_the_bundled_data_as_csv_exports_the_same_bytes(tmp_path) -> None:
    dataset = load_dataset(bundled_paths())
    expected = csv_render.render(dataset, evaluate(dataset))
    strictly = csv_render.render(dataset, evaluate(dataset, reading=Reading.STRICT), reading=Reading.STRICT)
    assert strictly != expected
    targets, actuals = tmp_path / "targets.csv", tmp_path / "actuals.csv"
    half = len(dataset.observations) // 2
    first = Dataset(dataset.sources, dataset.metrics, dataset.targets, dataset.observations[:half])
    second = Dataset({}, {}, (), dataset.observations[half:])
    targets.write_text(to_csv(first), encoding="utf-8")
    actuals.write_text(to_csv(second), encoding="utf-8")
    assert columnar.export_csv([targets, actuals]) == expected
    # A CSV file cannot carry the `dataset` section (the data's name): everything else round-trips.
    assert columnar.to_dataset([targets, actuals]) == dataclasses.replace(dataset, about=None)
    # YAML targets with CSV actuals, and YAML alone, through the same reader.
    yaml_targets, _ = bundled_paths()
    in_yaml = {entry["id"] for entry in yaml.safe_load(yaml_targets.read_text(encoding="utf-8"))["sources"]}
    rest = {key: source for key, source in dataset.sources.items() if key not in in_yaml}
    actuals.write_text(to_csv(Dataset(rest, {}, (), dataset.observations)), encoding="utf-8")
    assert columnar.export_csv([yaml_targets, actuals]) == expected
    assert columnar.export_csv(bundled_paths()) == expected
    assert columnar.export_csv(bundled_paths(), reading=Reading.STRICT) == strictly


def test_the_csv_export_is_the_same_in_either_language(tmp_path) -> None:
    generated = _random_dataset(random.Random(3), targets=20, observations=60)
    path = tmp_path / "data.csv"
    path.write_text(to_csv(generated), encoding="utf-8")
    expected = csv_render.render(generated, evaluate(generated), "zh")
    assert columnar.export_csv([path, path], lang="zh") == expected


def test_the_csv_layout_section_of_the_readme_is_true() -> None:
    """The data format's example CSV files are the ones in docs/examples, and give the verdict it shows."""
    text = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = text[text.index("## CSV input") :]
    blocks = re.findall(r"```csv\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 2
    targets, actuals = ROOT / "docs" / "examples" / "targets.csv", ROOT / "docs" / "examples" / "actuals.csv"
    assert [targets.read_text(encoding="utf-8"), actuals.read_text(encoding="utf-8")] == blocks
    dataset = columnar.to_dataset([targets, actuals])
    verdict = next(v for v in evaluate(dataset) if v.target.id == "pm25-2017")
    shown = re.search(r"\$ zjk-targets check pm25-2017 .*\n(.*)\n", section)
    assert shown is not None
    assert shown.group(1) == f"{verdict.target.id}: {verdict.status.value} — {verdict.reason}"
    assert columnar.export_csv([targets, actuals]) == csv_render.render(dataset, evaluate(dataset))


def test_is_csv_goes_by_the_suffix() -> None:
    assert engine.is_csv("a/b/targets.csv") and engine.is_csv(Path("X.CSV"))
    assert not engine.is_csv("targets.yaml") and not engine.is_csv("csv")


def test_importing_the_package_and_cli_does_not_import_pandas() -> None:
    code = "import sys, zjk_targets, zjk_targets.cli, zjk_targets.columnar; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


# ------------------------------------------------------------------------------------------
# Broken CSV: every problem, at its line, worded as the YAML loader words it.

HEADER = "kind,id,metric,zh,en,category,comparator,goal,tolerance,unit,direction,year,by,source,excerpt,title,publisher,published,trust,url\n"
GOOD = (
    HEADER
    + "source,report,,,,,,,,,,,,,,Work report,City,2017-04-10,official,https://e.org\n"
    + "metric,gdp-growth,,地区生产总值增速,GDP growth,,,,,%,higher,,,,,,,,,\n"
    + "metric,pm25,,PM2.5,PM2.5,,,,,μg/m³,lower,,,,,,,,,\n"
    + "metric,forest,,造林,Afforestation,,,,,万亩,higher,,,,,,,,,\n"
)
OBS_HEADER = "kind,id,metric,year,value,min,max,done,unit,source,excerpt,estimated,proxy\n"


def _problems(tmp_path: Path, targets: str, actuals: str = OBS_HEADER) -> list[str]:
    t, a = tmp_path / "t.csv", tmp_path / "a.csv"
    t.write_text(targets, encoding="utf-8")
    a.write_text(actuals, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        columnar.export_csv([t, a])
    return [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]


def _target(**fields: str) -> str:
    values = {
        "kind": "target",
        "id": "gdp-2017",
        "metric": "gdp-growth",
        "zh": "增长8%",
        "en": "GDP +8 %",
        "category": "economy",
        "comparator": ">=",
        "goal": "8",
        "unit": "%",
        "year": "2017",
        "source": "report",
        "excerpt": "增长8%",
    }
    values.update(fields)
    columns = HEADER.strip().split(",")
    return ",".join(values.get(c, "") for c in columns) + "\n"


def _obs(**fields: str) -> str:
    values = {
        "kind": "observation",
        "id": "gdp-2017-a",
        "metric": "gdp-growth",
        "year": "2017",
        "value": "7",
        "unit": "%",
        "source": "report",
        "excerpt": "增长7%",
    }
    values.update(fields)
    return ",".join(values.get(c, "") for c in OBS_HEADER.strip().split(",")) + "\n"


BROKEN = [
    ("a good file has no problem", GOOD + _target(), OBS_HEADER + _obs(), []),
    (
        "missing required fields",
        GOOD + _target(excerpt="", category=""),
        OBS_HEADER,
        ["t.csv:6: missing required field `category`", "t.csv:6: missing required field `excerpt`"],
    ),
    (
        "a goal that is not a number, and one that is not finite",
        GOOD + _target(goal="8%") + _target(id="b", goal="nan") + _target(id="c", goal="1e400"),
        OBS_HEADER,
        [
            "t.csv:6: `goal`: `8%` is not a number; write digits only and put the unit in `unit`",
            "t.csv:7: `goal`: `nan` is not a finite number",
            "t.csv:8: `goal`: `1e400` is not a finite number",
        ],
    ),
    (
        "implausible years",
        GOOD + _target(year="二〇一七") + _target(id="b", year="20170") + _target(id="c", year="2017.0"),
        OBS_HEADER,
        [
            "t.csv:6: `year`: `二〇一七` is not a year: write four digits, such as 2017",
            "t.csv:7: `year`: 20170 is not a plausible year (expected 1949–2100)",
            "t.csv:8: `year`: `2017.0` is not a year: write four digits, such as 2017",
        ],
    ),
    (
        "year and by, or neither",
        GOOD + _target(by="2021") + _target(id="b", year=""),
        OBS_HEADER,
        [
            "t.csv:6: give exactly one of `year` (a single-year target) or `by` (a deadline)",
            "t.csv:7: give exactly one of `year` (a single-year target) or `by` (a deadline)",
        ],
    ),
    (
        "an unknown comparator, with a hint",
        GOOD + _target(comparator="=>"),
        OBS_HEADER,
        ["t.csv:6: `comparator`: `=>` is not one of >=, ≥, >, <=, ≤, <, about, ≈, done; did you mean `>`?"],
    ),
    (
        "unknown metric and source, with hints; a reference to a broken entry is not reported twice",
        GOOD + "metric,broken-metric,,x,x,,,,,,higher,,,,,,,,,\n" + _target(metric="gdp-grwoth", source="reprot"),
        OBS_HEADER + _obs(metric="pm2.5") + _obs(id="x", metric="broken-metric"),
        [
            "a.csv:2: unknown metric `pm2.5`; did you mean `pm25`?",
            "t.csv:6: missing required field `unit`",
            "t.csv:7: unknown metric `gdp-grwoth`; did you mean `gdp-growth`?",
            "t.csv:7: unknown source `reprot`; did you mean `report`?",
        ],
    ),
    (
        "duplicate ids within a file, and a field of another kind",
        GOOD + _target() + _target(direction="higher"),
        OBS_HEADER + _obs() + _obs(year="2018"),
        [
            "a.csv:3: duplicate observation id `gdp-2017-a` (first at a.csv:2)",
            "t.csv:7: `direction` is not a field of a target: leave it empty",
            "t.csv:7: duplicate target id `gdp-2017` (first at t.csv:6)",
        ],
    ),
    (
        "duplicate ids across files, and columns a kind needs",
        GOOD + _target(),
        "kind,id,title,publisher,published,trust,url\nsource,report,T,P,2018,news,https://e.org\nmetric,m,,,,,\n",
        [
            "a.csv:1: no column `direction`, which metrics need",
            "a.csv:1: no column `en`, which metrics need",
            "a.csv:1: no column `unit`, which metrics need",
            "a.csv:1: no column `zh`, which metrics need",
            "a.csv:2: duplicate source id `report` (first at t.csv:2)",
        ],
    ),
    (
        "units that do not convert, and 万/亿 that do",
        GOOD + _target(unit="亿元") + _target(id="f", metric="forest", unit="亩", goal="2400000", excerpt="2400000亩"),
        OBS_HEADER + _obs(unit="点") + _obs(id="f1", metric="forest", unit="亿亩", value="0.024", excerpt="0.024亿亩"),
        [
            "a.csv:2: unit `点` does not convert to `%`, the unit of metric `gdp-growth`",
            "t.csv:6: unit `亿元` does not convert to `%`, the unit of metric `gdp-growth`",
        ],
    ),
    (
        "a comparator against the metric's direction",
        GOOD + _target(comparator="<=") + _target(id="p", metric="pm25", comparator="≥", unit="μg/m³"),
        OBS_HEADER,
        [
            "t.csv:6: comparator `<=` contradicts metric `gdp-growth`, where higher is better",
            "t.csv:7: comparator `>=` contradicts metric `pm25`, where lower is better",
        ],
    ),
    (
        "value and bound, neither, and min over max",
        GOOD + _target(),
        OBS_HEADER + _obs(min="6") + _obs(id="b", value="") + _obs(id="c", value="", min="7.50", max="7"),
        [
            "a.csv:2: 6 does not appear in the excerpt: quote the words that state it, or say how it was "
            "worked out in `derived`",
            "a.csv:2: give exactly one of `value`, a bound (`min` and/or `max`) or `done`",
            "a.csv:3: give exactly one of `value`, a bound (`min` and/or `max`) or `done`",
            "a.csv:4: 7.5 does not appear in the excerpt: quote the words that state it, or say how it was "
            "worked out in `derived`",
            "a.csv:4: the bound's `min` (7.50) is larger than its `max` (7)",
        ],
    ),
    (
        "done targets and observations",
        GOOD
        + "metric,library,,图书馆,Library,,,,,done,higher,,,,,,,,,\n"
        + _target(id="lib", metric="library", comparator="done", goal="1", unit="")
        + _target(id="lib2", metric="gdp-growth", comparator="done", goal="", unit=""),
        OBS_HEADER
        + _obs(id="l1", metric="library", value="", unit="", done="yes")
        + _obs(id="l2", done="true", value=""),
        [
            "a.csv:2: `done`: `yes` is not true or false",
            "a.csv:3: `done` is for milestone metrics; `gdp-growth` is measured in %",
            'a.csv:3: a `done` observation has no unit (or unit "done")',
            "t.csv:7: a `done` target has no `goal`",
            't.csv:8: a `done` target needs a milestone metric (unit "done"); `gdp-growth` is in %',
        ],
    ),
    (
        "about needs a tolerance; a tolerance needs about",
        GOOD
        + _target(comparator="about")
        + _target(id="b", tolerance="0.5")
        + _target(id="c", comparator="≈", tolerance="-1"),
        OBS_HEADER,
        [
            "t.csv:6: missing required field `tolerance`",
            "t.csv:7: `tolerance` belongs only to `about` targets",
            "t.csv:8: `tolerance` must not be negative",
        ],
    ),
    (
        "numbers not in the excerpt, unless derived",
        GOOD + _target(excerpt="增长百分之八") + _target(id="b", excerpt="增长18%"),
        OBS_HEADER + _obs(excerpt="增长7.5%") + _obs(id="c", excerpt="增长７%"),
        [
            "a.csv:2: 7 does not appear in the excerpt: quote the words that state it, or say how it was worked out in `derived`",
            "t.csv:6: goal 8 does not appear in the excerpt: quote the words that state it, or say how it was worked out in `derived`",
            "t.csv:7: goal 8 does not appear in the excerpt: quote the words that state it, or say how it was worked out in `derived`",
        ],
    ),
    (
        "bad source fields",
        HEADER.replace(",url", ",url,file")
        + "source,a,,,,,,,,,,,,,,T,P,2017-13,official,ftp://x,\n"
        + "source,b,,,,,,,,,,,,,,T,P,2017,offical,,\n"
        + "source,c,,,,,,,,,,,,,, ,P,2017,news,,f.txt\n",
        OBS_HEADER,
        [
            't.csv:2: `published`: `2017-13` is not a date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
            "t.csv:2: `url` must start with http:// or https://",
            "t.csv:3: `trust`: `offical` is not one of official, news, secondary, low; did you mean `official`?",
            "t.csv:3: a source needs a `file` (under the sources folder) or a `url`",
            "t.csv:4: `title`: must not be empty",
        ],
    ),
    (
        "the header: unknown, duplicate and missing columns",
        "kind,id,comparater,id\n",
        OBS_HEADER.replace("kind,", "sort,"),
        [
            "a.csv:1: no column `kind`: each row says what it is: source, metric, target or observation",
            "a.csv:1: unknown column `sort`; did you mean `source`?",
            "t.csv:1: duplicate column `id` (first at column 2)",
            "t.csv:1: unknown column `comparater`; did you mean `comparator`?",
        ],
    ),
    (
        "an unknown kind, a missing kind, and a blank line skipped",
        GOOD + _target().replace("target,", "targte,", 1) + "\n" + _target(id="b").replace("target,", ",", 1),
        OBS_HEADER,
        [
            "t.csv:6: `kind`: `targte` is not one of source, metric, target, observation; did you mean `target`?",
            "t.csv:8: missing required field `kind`",
        ],
    ),
    (
        "a quoted value over two lines moves the lines below it",
        GOOD + _target(excerpt='"增长\n8%"') + _target(id="b", goal="x"),
        OBS_HEADER,
        ["t.csv:8: `goal`: `x` is not a number; write digits only and put the unit in `unit`"],
    ),
    (
        "a row with too many values, and a quote never closed",
        GOOD + _target() + _target(id="b")[:-1] + ",extra,more\n",
        OBS_HEADER + _obs() + '"observation,x\n',
        [
            'a.csv:3: a quoted value is never closed: end it with "',
            "t.csv:7: 22 values where the header names 20 columns: quote a value that holds a comma",
        ],
    ),
    (
        "a whitespace-only id and a bad id",
        GOOD + _target(id=" ") + _target(id="GDP 2017"),
        OBS_HEADER,
        [
            "t.csv:6: `id`: must not be empty",
            "t.csv:7: `id`: `GDP 2017` is not an id: use lowercase letters, digits, '-', '.' and '_'",
        ],
    ),
    (
        "a deadline before the target was set",
        GOOD + _target(year="", by="2016"),
        OBS_HEADER,
        ["t.csv:6: deadline 2016 is before the target was set (2017)"],
    ),
]


@pytest.mark.parametrize(("case", "targets", "actuals", "expected"), BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_csv_gives_every_problem_at_its_line(tmp_path, case, targets, actuals, expected) -> None:
    if not expected:
        t, a = tmp_path / "t.csv", tmp_path / "a.csv"
        t.write_text(targets, encoding="utf-8")
        a.write_text(actuals, encoding="utf-8")
        columnar.export_csv([t, a])
        return
    assert _problems(tmp_path, targets, actuals) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "t.csv: holds no data: the file is empty; the first line names the columns"),
        (b"kind,id\n\xff\xfe,x\n", "t.csv:2: not UTF-8 (byte 0xff): save the file as UTF-8"),
        (b"kind,id\ntarget,a\x00\n", "t.csv:2: holds a NUL byte: this is not a text file"),
    ],
)
def test_unreadable_files(tmp_path, content, expected) -> None:
    (tmp_path / "t.csv").write_bytes(content)
    (tmp_path / "a.csv").write_text(OBS_HEADER, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        columnar.export_csv([tmp_path / "t.csv", tmp_path / "a.csv"])
    assert [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems] == [expected]


def test_missing_file_directory_and_size_limit(tmp_path) -> None:
    (tmp_path / "big.csv").write_text(GOOD, encoding="utf-8")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(DataError) as caught:
        columnar.export_csv([tmp_path / "none.csv", tmp_path / "dir.csv"])
    assert [p.message for p in caught.value.problems] == ["is a directory, not a file", "file not found"]
    with pytest.raises(DataError) as caught:
        columnar.export_csv([tmp_path / "big.csv", tmp_path / "big.csv"], max_bytes=100)
    assert caught.value.problems[0].message.startswith("file is 0.0 MB, larger than the 0.0001 MB limit")


def test_the_same_broken_entries_give_the_same_messages_as_the_yaml_loader(tmp_path) -> None:
    """Cross-checks word their problems exactly as load.py does (lines differ: YAML points at fields)."""
    good = _random_dataset(random.Random(7), targets=12, observations=30)
    metric = next(iter(good.metrics.values()))
    broken_targets = tuple(
        Target(**{**t.__dict__, "metric": "nope-" + t.metric if i == 0 else t.metric, "excerpt": "无", "derived": None})
        for i, t in enumerate(good.targets)
    )
    broken_obs = tuple(
        Observation(**{**o.__dict__, "source": "src-99" if i == 0 else o.source, "excerpt": "无", "derived": None})
        for i, o in enumerate(good.observations)
    )
    extra_metric = {metric.id + "-x": Metric(metric.id + "-x", "x", "x", "公里", Direction.HIGHER)}
    broken = Dataset(good.sources, {**good.metrics, **extra_metric}, broken_targets, broken_obs)
    (tmp_path / "d.csv").write_text(to_csv(broken), encoding="utf-8")
    _write_yaml(broken, tmp_path / "d.yaml")
    with pytest.raises(DataError) as from_csv:
        columnar.to_dataset([tmp_path / "d.csv"])
    with pytest.raises(DataError) as from_yaml:
        load_dataset([tmp_path / "d.yaml"])
    messages = sorted(p.message for p in from_csv.value.problems)
    assert messages == sorted(p.message for p in from_yaml.value.problems)
    assert len(messages) > 10 and any(m.startswith("unknown metric") for m in messages)


def test_numbers_stated_in_excerpts_exactly_as_the_loader_decides() -> None:
    """The column-wise check against load.number_is_stated, on text full of look-alike digits."""
    import numpy as np

    from zjk_targets.columnar.stated import stated
    from zjk_targets.rules.checks import number_is_stated

    rng = random.Random(5)
    pieces = [
        "8",
        "7.5",
        "1",
        "0",
        ".",
        ",",
        "，",
        "．",
        "８",
        "³",
        "²",
        "…",
        "①",
        "٣",
        "½",
        "万",
        "年",
        "%",
        " ",
        "\u0301",
        "a",
    ]
    numbers = ["8", "7.5", "1", "0", "18", "1000", "0.5", "3", "-8", "7.50", "1E+3", "12", "8.0"]
    raws, excerpts, expected = [], [], []
    for _ in range(4000):
        raw = rng.choice(numbers)
        text = "".join(rng.choice(pieces + [raw, raw]) for _ in range(rng.randint(1, 12)))
        raws.append(raw)
        excerpts.append(text)
        expected.append(not number_is_stated(Decimal(raw), text))
    got = stated(np.array(raws, dtype=object), np.array(excerpts, dtype=object))
    # The array code only ever accepts: every number it finds stated, the rule book finds stated.
    assert not any(g and e for g, e in zip(got.tolist(), expected, strict=True))
    assert 0.1 < sum(expected) / len(expected) < 0.9
    # It accepts most stated numbers in excerpts that NFKC leaves as they are (the usual case).
    plain = [i for i, text in enumerate(excerpts) if unicodedata.is_normalized("NFKC", text) and not expected[i]]
    assert sum(got[plain]) > 0.5 * len(plain)


def test_numbers_written_with_zeros_that_change_nothing_are_found_stated() -> None:
    """ "7.0" states 7 and "7.50" states 7.5 (the rule book's tokens, normalized), and so do "7.5"
    after an ellipsis and Arabic-Indic "٣.٥" (Decimal reads any decimal digit), so the array code
    clears them: left to the rule book row by row, a national file written so exported 2.3× slower."""
    import numpy as np

    from zjk_targets.columnar.stated import stated

    raws = np.array(["7", "7.5", "100", "7", "7", "7.5", "7.5", "7", "3.5"], dtype=object)
    texts = ["增长７.０%", "为7.50", "100.00亿元", "7.05", "7.0.5", "7.501", "……7.5", "1.7", "٣.٥"]
    assert stated(raws, np.array(texts, dtype=object)).tolist() == [True] * 3 + [False] * 3 + [True, False, True]


def test_excerpt_classes_are_those_of_their_nfkc() -> None:
    """The characters of the joined excerpts as number_is_stated sees them after NFKC and without
    thousands separators (digit, point, comma, NUL, other decimal, anything else), computed without
    normalizing: the same sequence as that of the real NFKC, excerpt by excerpt (NUL between them)."""
    import numpy as np

    from zjk_targets.columnar.stated import _Excerpts
    from zjk_targets.rules.checks import _THOUSANDS

    def classes(text: str) -> str:
        shown = "".join(
            c if c in "0123456789.,\x00" else str(unicodedata.decimal(c)) if c.isdecimal() else " " for c in text
        )
        return re.sub(" +", " ", shown)

    rng = random.Random(7)
    pieces = ["8", "7.5", "a", "e", "年", "³", "½", "①", "⑩", "８", "，", "．", ",", "000", "ﬁ", "㎡", "…", "٣"]
    pieces += ["\u0301", "\u0327", "\u1100", "\u1161", "\u11a8", "\uac00", "\U0001d7d9", "𝟗", "\ud800", "\udfd7"]
    for _ in range(300):
        chosen = [piece for piece in pieces if rng.random() < 0.4] or pieces
        excerpts = ["".join(rng.choice(chosen) for _ in range(rng.randint(0, 30))) for _ in range(rng.randint(1, 4))]
        expected = "\x00".join(_THOUSANDS.sub("", unicodedata.normalize("NFKC", text)) for text in excerpts)
        found = _Excerpts(np.array(excerpts, dtype=object)).classes[:-3].tobytes().decode("ascii")
        assert re.sub(" +", " ", found) == classes(expected), ascii(excerpts)


def test_no_digit_point_or_comma_takes_part_in_composition_or_reordering() -> None:
    """What _Excerpts rests on: NFKC's canonical composition and reordering leave every decimal
    digit, point and comma where the character-by-character NFKC put it."""
    import sys

    def counts(char: str) -> bool:
        return char.isdecimal() or char in ".,\x00"

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        mapping = unicodedata.decomposition(char)
        if mapping and not mapping.startswith("<"):  # a canonical decomposition: what composes into char
            assert not counts(char) and not any(counts(chr(int(part, 16))) for part in mapping.split()), hex(code)
        assert not (counts(char) and unicodedata.combining(char)), hex(code)


def test_no_traceback_on_arbitrary_text(tmp_path) -> None:
    rng = random.Random(11)
    alphabet = 'kind,target,observation,id,"\n\r 8 x，年' + "\t"
    for _ in range(200):
        text = "kind,id,metric,year,value,unit,source,excerpt\n" + "".join(
            rng.choice(alphabet) for _ in range(rng.randint(0, 120))
        )
        (tmp_path / "x.csv").write_text(text, encoding="utf-8")
        try:
            columnar.to_dataset([tmp_path / "x.csv"])
        except DataError as error:
            assert error.problems


def test_the_cli_reads_csv_inputs_and_exports_the_same(runner, tmp_path) -> None:
    """Every command takes CSV; export --format csv of two CSV files takes the column-wise path."""
    from conftest import MINI

    from zjk_targets import load_dataset
    from zjk_targets.cli import app

    dataset = load_dataset([MINI[1], MINI[3]])
    everything = tmp_path / "all.csv"
    everything.write_text(to_csv(dataset), encoding="utf-8")
    empty = tmp_path / "none.csv"
    empty.write_text("kind\n", encoding="utf-8")
    csv_args = ["--targets", str(everything), "--actuals", str(empty)]
    assert (
        runner.invoke(app, ["check", "pm25-2017", *csv_args]).stdout
        == runner.invoke(app, ["check", "pm25-2017", *MINI]).stdout
    )
    assert runner.invoke(app, ["report", *csv_args]).stdout == runner.invoke(app, ["report", *MINI]).stdout
    from_yaml = runner.invoke(app, ["export", "--format", "csv", *MINI]).stdout
    from_csv = runner.invoke(app, ["export", "--format", "csv", *csv_args])
    assert (from_csv.exit_code, from_csv.stdout) == (0, from_yaml)
    assert runner.invoke(app, ["validate", *csv_args]).stdout == "ok: 5 targets, 7 observations, 5 metrics, 4 sources\n"


def test_a_column_the_columnar_export_does_not_know_fails_loudly(tmp_path, monkeypatch) -> None:
    """Were render.csv to gain a column, the export must not fall back to a ten times slower engine."""
    from zjk_targets.columnar import csv_export

    path = tmp_path / "data.csv"
    path.write_text(to_csv(_random_dataset(random.Random(5))), encoding="utf-8")
    monkeypatch.setattr(csv_export, "COLUMNS", (*csv_export.COLUMNS, "progress"))
    with pytest.raises(NotImplementedError, match="progress"):
        columnar.export_csv([path, path])


def test_headline_is_an_optional_flag_of_a_target_in_yaml_and_csv(tmp_path) -> None:
    """`headline: true` marks an item of the report's headline targets paragraph; no export shows it yet."""
    from conftest import MINI

    text = (
        Path(MINI[1])
        .read_text(encoding="utf-8")
        .replace("  - id: gdp-growth-2017\n", "  - id: gdp-growth-2017\n    headline: true\n", 1)
    )
    assert "headline: true" in text
    targets = tmp_path / "targets.yaml"
    targets.write_text(text, encoding="utf-8")
    dataset = load_dataset([targets, MINI[3]])
    assert {t.id for t in dataset.targets if t.headline} == {"gdp-growth-2017"}
    everything = tmp_path / "all.csv"
    everything.write_text(to_csv(dataset), encoding="utf-8")
    assert columnar.to_dataset([everything]) == dataset
    assert columnar.export_csv([everything]) == columnar.export_csv([MINI[1], MINI[3]])
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("headline: true", "headline: yes please"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset([bad, MINI[3]])
    assert [p.message for p in caught.value.problems] == ["`headline`: `yes please` is not true or false"]


def test_one_rule_chooses_the_engine_and_each_format_has_its_size_limit(tmp_path, monkeypatch) -> None:
    """Any CSV input sends every input to the columnar engine; a CSV file is not held to YAML's limit."""
    from conftest import MINI

    from zjk_targets import load

    assert engine.is_columnar([Path("t.yaml"), Path("a.CSV")]) and not engine.is_columnar([Path("t.yaml")])
    everything = tmp_path / "all.csv"
    everything.write_text(to_csv(load_dataset([MINI[1], MINI[3]])), encoding="utf-8")
    assert everything.stat().st_size > 1000
    monkeypatch.setattr(load, "MAX_YAML_BYTES", 1000)
    assert len(engine.load([everything, everything]).targets) == 5
    with pytest.raises(DataError, match="larger than the 0.001 MB limit"):
        engine.load([MINI[1], MINI[3]])


def test_the_evaluate_function_does_not_hide_a_module_of_that_name() -> None:
    import importlib.util

    import zjk_targets

    assert callable(zjk_targets.evaluate) and importlib.util.find_spec("zjk_targets.evaluate") is None


@pytest.mark.parametrize(
    "names",
    [
        ["targets.yaml"],
        ["actuals.yaml"],
        ["tests/broken/unknown-source-in-many-places.yaml", "tests/broken/_actuals.yaml"],
    ],
    ids=["targets-alone", "actuals-alone", "one-id-in-many-places"],
)
def test_references_not_defined_are_reported_by_their_cause_alike_by_both_engines(monkeypatch, names) -> None:
    """The columnar engine collects the failed references and the rule book reports them, as for
    the YAML loader: the same problems, places and count."""
    monkeypatch.chdir(ROOT)
    with pytest.raises(DataError) as from_yaml:
        load_dataset(names)
    with pytest.raises(DataError) as from_columns:
        columnar.to_dataset(names)
    assert [str(p) for p in from_columns.value.problems] == [str(p) for p in from_yaml.value.problems]
    assert from_columns.value.count == from_yaml.value.count < len(from_yaml.value.problems)


def test_the_bundled_targets_as_csv_named_alone_give_the_yaml_messages(tmp_path) -> None:
    """targets.csv and actuals.csv split as the YAML files are: the same message for the same
    mistake, but for the file named (and --data, which reads only YAML)."""
    from zjk_targets.load import yaml_ids

    dataset = load_dataset(bundled_paths())
    own = yaml_ids(ROOT / "targets.yaml", None)["source"]
    targets = dataclasses.replace(
        dataset, sources={k: v for k, v in dataset.sources.items() if k in own}, observations=()
    )
    actuals = dataclasses.replace(
        dataset, sources={k: v for k, v in dataset.sources.items() if k not in own}, metrics={}, targets=()
    )
    (tmp_path / "targets.csv").write_text(to_csv(targets), encoding="utf-8")
    (tmp_path / "actuals.csv").write_text(to_csv(actuals), encoding="utf-8")
    with pytest.raises(DataError) as from_csv:
        columnar.to_dataset([tmp_path / "targets.csv"])
    with pytest.raises(DataError) as from_yaml:
        load_dataset([ROOT / "targets.yaml"])
    csv_messages = [p.message for p in from_csv.value.problems]
    yaml_messages = [p.message for p in from_yaml.value.problems]
    assert csv_messages[0] == yaml_messages[0].replace(
        str(ROOT / "actuals.yaml"), str(tmp_path / "actuals.csv")
    ).replace(f", or read both files with `--data {ROOT}`", "")
    assert csv_messages[1:] == yaml_messages[1:] == ["unknown source `gwr-2014`"] * 3
    assert from_csv.value.count == from_yaml.value.count == 1


def _csv_rows(*rows: dict[str, str]) -> str:
    from zjk_targets.rules.schema import CSV_COLUMNS

    return ",".join(CSV_COLUMNS) + "\n" + "".join(",".join(row.get(c, "") for c in CSV_COLUMNS) + "\n" for row in rows)


def test_a_value_that_cannot_be_read_hides_no_other_problem_in_either_engine(runner, tmp_path, monkeypatch) -> None:
    """tests/broken/several-kinds-at-once.yaml as CSV: a goal and a value that are not numbers, and
    in the same rows a unit that does not convert, a comparator against the metric's direction and
    references to a source and a metric not defined: one run reports them all, and both engines
    alike (the lines differ: YAML points at a field, CSV at its row)."""
    monkeypatch.chdir(ROOT)
    several = tmp_path / "several.csv"
    several.write_text(
        _csv_rows(
            {"kind": "source", "id": "src", "title": "Report", "publisher": "City", "published": "2017-04-10"}
            | {"file": "report.txt", "trust": "official"},
            {"kind": "metric", "id": "gdp", "zh": "增速", "en": "Growth", "unit": "%", "direction": "higher"},
            {"kind": "target", "id": "gdp-2017", "metric": "gdp", "zh": "增长8%", "en": "Grows 8 %"}
            | {"category": "economy", "comparator": "<=", "goal": "8%", "unit": "万元", "year": "2017"}
            | {"source": "reprot", "excerpt": "增长8%"},
            {"kind": "observation", "id": "gdp-2017-a", "metric": "gdq", "year": "2017", "value": "seven"}
            | {"unit": "%", "source": "src", "excerpt": "增长7%"},
        ),
        encoding="utf-8",
    )
    from_csv = runner.invoke(app, ["validate", "--targets", str(several)])
    assert (from_csv.exit_code, from_csv.stdout) == (2, "")
    assert from_csv.stderr.replace(str(several), "several.csv") == (
        "several.csv:4: `goal`: `8%` is not a number; write digits only and put the unit in `unit`\n"
        "several.csv:4: comparator `<=` contradicts metric `gdp`, where higher is better\n"
        "several.csv:4: unit `万元` does not convert to `%`, the unit of metric `gdp`\n"
        "several.csv:4: unknown source `reprot`\n"
        "several.csv:5: `value`: `seven` is not a number; write digits only and put the unit in `unit`\n"
        "several.csv:5: unknown metric `gdq`; did you mean `gdp`?\n"
        "zjk-targets: 6 problems in the data; nothing was evaluated\n"
    )
    yaml_args = ["--targets", "tests/broken/several-kinds-at-once.yaml", "--actuals", "tests/broken/_actuals.yaml"]
    from_yaml = runner.invoke(app, ["validate", *yaml_args])

    def messages(stderr: str) -> list[str]:
        return sorted(line.split(": ", 1)[1] for line in stderr.splitlines())

    assert messages(from_csv.stderr) == messages(from_yaml.stderr)
    with pytest.raises(DataError) as columns:  # the columnar engine on the YAML file gives the same
        columnar.to_dataset(yaml_args[1::2])
    assert "\n".join(map(str, columns.value.problems)) + "\n" in from_yaml.stderr
