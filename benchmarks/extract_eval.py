"""Measure `extract` against hand labels, and over a whole collection of reports.

    python benchmarks/extract_eval.py LABELS_DIR [LABELS_DIR...] [--corpus DIR] [--collection DIR]
    python benchmarks/extract_eval.py --run DIR [--limit N]

Labels (benchmarks/extract/labels/{dev,heldout}/*.yaml) name their report: dev labels a path under
../shared/corpus (``--corpus``), held-out labels a path inside the public collection lawtext/gov
(``--collection``: a checkout or export of it, at the commit the labels name). Printed:

- headline targets: recall (labelled items found with the right measure, goal and comparator)
  and precision (drafted items that match a labelled one: the share right);
- reviewed outcomes: recall (labelled outcomes of lexicon measures found with the right value);
- verdicts: for each labelled target of year N with a labelled outcome in the report of N+1, the
  verdict the labels give by the project's rules against the verdict `zjk-targets` reaches on the
  drafted data; clear cases only (the outcome more than the tolerance away from the goal);
- verdicts on a figure that is not the year's own: every drafted target of a lexicon measure that
  the tool decides, whose year the labels review, decided by a figure the labels do not give as that
  measure's outcome of the year (a five-year total, an average, another year's, another measure's).
  A level at the end of a five-year term that the text ties to no year is labelled ``term_end:
  MEASURE`` (``measure: null``): readers differ on it, so it counts neither way.

``--run DIR`` reads every report (*.md, *.txt) under DIR: crashes (must be 0), the share with a
headline paragraph found, and reports per second.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zjk_targets import evaluate, load_dataset  # noqa: E402
from zjk_targets.extract import draft  # noqa: E402
from zjk_targets.extract.decode import DecodeError, decode  # noqa: E402
from zjk_targets.extract.lexicon import MEASURES  # noqa: E402
from zjk_targets.extract.work_report import ReportError, read_report  # noqa: E402
from zjk_targets.rules.schema import is_outside  # noqa: E402

TOLERANCE = Decimal("0.5")


def _dec(value: object) -> Decimal:
    return Decimal(str(value))


def _report_path(label: dict, corpus: Path, collection: Path | None) -> Path:
    if label.get("collection_commit"):
        if collection is None:
            raise SystemExit(f"{label['report']}: a held-out label; give --collection DIR")
        return collection / label["report"]
    return corpus / label["report"]


def _same_goal(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) < Decimal("0.001")


def _label_verdict(target: dict, outcome: dict) -> tuple[str, bool]:
    """(met|missed, clear) by the project's rules, from labelled figures only."""
    goal, value, comparator = _dec(target["goal"]), _dec(outcome["value"]), target["comparator"]
    lower = comparator == "<=" or (comparator == "about" and target.get("measure") in LOWER)
    if comparator == ">=":
        met = value >= goal
    elif comparator == ">":
        met = value > goal
    elif comparator == "<=":
        met = value <= goal
    else:
        met = value <= goal + TOLERANCE if lower else value >= goal - TOLERANCE
    margin = TOLERANCE if comparator == "about" else Decimal(0)
    clear = abs(value - goal) > margin + TOLERANCE
    return ("met" if met else "missed"), clear


JOINED = {measure.id for measure in MEASURES if measure.joined}
"""Measures that joined the lexicon after hand labels were written: a label set that never names
one holds its items as outside the lexicon (null), and they are compared as such."""


def _known(labels: list[dict]) -> set[str]:
    """The measure ids a label set names anywhere."""
    items = [item for label in labels for key in ("headline", "outcomes") for item in label.get(key) or []]
    return {item["measure"] for item in items if item.get("measure")}


def _as_labelled(measure: object, known: set[str]) -> str | None:
    """A drafted item's measure id as the labels would name it (see JOINED)."""
    if measure is None:
        return None
    id_ = measure.id  # type: ignore[attr-defined]
    return None if id_ in JOINED and id_ not in known else id_


LOWER = {"cpi-inflation", "urban-unemployment-rate", "surveyed-unemployment-rate", "pm25", "population-growth-rate"}


_AGAINST_GOAL = re.compile(r"stated against the goal: ([+\-−]?\d+(?:\.\d+)?) points?")


def _resolve_against_goal(labels: list[dict]) -> None:
    """An outcome stated against the goal (增速超出预期2.5个百分点: value null, the note says by how
    much) gets the value it implies where the labels hold the goal (the city's report of the
    reviewed year); where they do not, it stays unvalued and is not counted."""
    for label in labels:
        setter = next(
            (lab for lab in labels if lab["city"] == label["city"] and lab["sets_year"] == label.get("reviews_year")),
            None,
        )
        for outcome in label.get("outcomes") or []:
            match = _AGAINST_GOAL.search(outcome.get("note") or "")
            if outcome.get("value") is not None or outcome.get("measure") is None or not match or setter is None:
                continue
            goal = next(
                (t["goal"] for t in setter.get("headline") or [] if t.get("measure") == outcome["measure"]), None
            )
            if goal is not None:
                outcome["value"] = _dec(goal) + _dec(match.group(1).replace("−", "-"))


def evaluate_labels(label_files: list[Path], corpus: Path, collection: Path | None) -> dict[str, object]:
    found_t = total_t = right_d = drafted = found_o = total_o = 0
    misses: list[str] = []
    by_city: dict[str, list[tuple[dict, Path]]] = defaultdict(list)
    labels = [yaml.safe_load(file.read_text(encoding="utf-8")) for file in label_files]
    _resolve_against_goal(labels)
    known = _known(labels)
    reports: dict[int, object] = {}
    for number, label in enumerate(labels):
        path = _report_path(label, corpus, collection)
        by_city[label["city"]].append((label, path))
        text, _ = decode(path.read_bytes())
        try:
            reports[number] = read_report(text, path.name)
        except ReportError as error:
            reports[number] = None
            misses.append(f"{label['report']}: {error}")
    for number, label in enumerate(labels):
        report = reports[number]
        targets = list(report.targets) if report else []
        # Outcomes stated against the goal are valued from the goal the city's report of the year set,
        # as `extract` does when it reads both.
        setter = next(
            (
                reports[other]
                for other, lab in enumerate(labels)
                if lab["city"] == label["city"] and lab["sets_year"] == label.get("reviews_year")
            ),
            None,
        )
        outcomes = list(report.outcomes) if report else []
        outcomes += list(report.against_goals(setter.targets)) if report and setter else []
        # Headline targets: each labelled item against the drafted ones, one to one.
        unused = list(targets)
        for item in label.get("headline") or []:
            if item.get("goal") is None:
                continue  # an item with no figure (三次产业比重): nothing to draft
            total_t += 1
            match = next(
                (
                    t
                    for t in unused
                    if _as_labelled(t.measure, known) == item["measure"]
                    and _same_goal(t.value, _dec(item["goal"]))
                    and t.comparator == item["comparator"]
                ),
                None,
            )
            if match is not None:
                found_t += 1
                unused.remove(match)
            else:
                misses.append(f"{label['report']}: target {item['measure']} {item['comparator']} {item['goal']}")
        drafted += len(targets)
        right_d += len(targets) - len(unused)
        for t in unused:
            misses.append(f"{label['report']}: drafted {_as_labelled(t.measure, known)} {t.comparator} {t.value}")
        for item in label.get("outcomes") or []:
            if item.get("measure") is None or item.get("value") is None:
                continue
            total_o += 1
            if any(
                o.measure is not None
                and o.measure.id == item["measure"]
                and _same_goal(abs(o.value), abs(_dec(item["value"])))
                for o in outcomes
            ):
                found_o += 1
            else:
                misses.append(f"{label['report']}: outcome {item['measure']} {item['value']}")
    agree, clear_cases, decided, foreign, checked = _verdicts(by_city, misses, known)
    return {
        "reports": len(label_files),
        "targets recall": (found_t, total_t),
        "targets precision": (right_d, drafted),
        "outcomes recall": (found_o, total_o),
        "verdicts agree (clear cases)": (agree, clear_cases),
        "verdicts right where decided (clear cases)": (agree, decided),
        "decided on a figure not the year's own": (foreign, checked),
        "misses": misses,
    }


def _figure(verdict: object) -> Decimal | None:
    """The value of the figure that decided ``verdict``, in the target's unit where it converts."""
    from zjk_targets.rules.units import conversion_factor

    obs = verdict.decisive[0].observation  # type: ignore[attr-defined]
    if obs.value is None:
        return obs.minimum if obs.minimum is not None else obs.maximum
    factor = conversion_factor(obs.unit or "", verdict.target.unit or obs.unit or "")  # type: ignore[attr-defined]
    return obs.value * factor if factor is not None else obs.value


def _factor(label_unit: str | None, target_unit: str | None) -> Decimal:
    """A labelled value into the target's unit, as :func:`_figure` gives the deciding figure
    (外资到位1.01亿美元 is the 10100 万美元 of a goal in 万美元)."""
    from zjk_targets.rules.units import conversion_factor

    return conversion_factor(label_unit or "", target_unit or label_unit or "") or Decimal(1)


def _own_figure(verdict: object, review: dict) -> bool | None:
    """Whether a decided verdict rests on a figure the labels give as its measure's outcome of the
    year (True), on another figure (False), or on a level readers differ on (None)."""
    metric = verdict.target.metric  # type: ignore[attr-defined]
    # A measure drafted in another unit than the lexicon's carries the unit in its id (grain-output-jin).
    names = {metric, metric.rsplit("-", 1)[0]}
    value = _figure(verdict)
    outcomes = review.get("outcomes") or []
    if value is None:
        return False
    values = {
        abs(_dec(o["value"])) * _factor(o.get("unit"), verdict.target.unit)  # type: ignore[attr-defined]
        for o in outcomes
        if o.get("measure") in names and o.get("value") is not None
    }
    if any(_same_goal(abs(value), v) for v in values):
        return True
    against_goal = any(o.get("measure") in names and o.get("value") is None for o in outcomes)
    if against_goal or any(o.get("term_end") in names for o in outcomes):
        return None
    return False


def _verdicts(
    by_city: dict[str, list[tuple[dict, Path]]], misses: list[str], known: set[str]
) -> tuple[int, int, int, int, int]:
    agree = total = decided = foreign = checked = 0
    for pairs in by_city.values():
        labels = {label["sets_year"]: label for label, _ in pairs}
        files = [(str(path), path.read_bytes()) for _, path in pairs]
        result = draft(files)
        if result.targets_yaml is None or result.actuals_yaml is None:
            continue
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "t.yaml").write_text(result.targets_yaml, encoding="utf-8")
            (Path(folder) / "a.yaml").write_text(result.actuals_yaml, encoding="utf-8")
            dataset = load_dataset([Path(folder) / "t.yaml", Path(folder) / "a.yaml"])
        every = evaluate(dataset)
        verdicts = {(v.target.metric, v.target.year): v for v in every}
        for year, label in labels.items():
            review = next((lab for lab in labels.values() if lab.get("reviews_year") == year), None)
            if review is None:
                continue
            for verdict in every:
                if verdict.target.year != year or verdict.status.value == "unknown" or not verdict.decisive:
                    continue
                metric = verdict.target.metric
                if is_outside(metric) or (metric in JOINED and metric not in known):
                    continue  # outside the lexicon (as labelled): the labels name no outcome of such a measure
                own = _own_figure(verdict, review)
                if own is None:
                    continue
                checked += 1
                if not own:
                    foreign += 1
                    misses.append(
                        f"{label['report']}: {verdict.target.id} decided on {_figure(verdict)}, "
                        "not a labelled outcome of its year"
                    )
            for target in label.get("headline") or []:
                if target.get("measure") is None:
                    continue
                outcome = next(
                    (
                        o
                        for o in review.get("outcomes") or []
                        if o.get("measure") == target["measure"] and o.get("value") is not None
                    ),
                    None,
                )
                if outcome is None:
                    continue
                expected, clear = _label_verdict(target, outcome)
                if not clear:
                    continue
                total += 1
                verdict = verdicts.get((target["measure"], year))
                decided += verdict is not None and verdict.status.value != "unknown"
                if verdict is not None and verdict.status.value == expected:
                    agree += 1
                else:
                    got = verdict.status.value if verdict is not None else "not drafted"
                    misses.append(f"{label['report']}: verdict {target['measure']} {year}: {expected}, drafted {got}")
    return agree, total, decided, foreign, checked


def collection_run(folder: Path, limit: int | None) -> dict[str, object]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".txt") and p.name != "README.md")
    if limit:
        files = files[:limit]
    crashes, found, unreadable = [], 0, 0
    started = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        try:
            text, _ = decode(data)
            read_report(text, path.name)
            found += 1
        except (DecodeError, ReportError):
            unreadable += 1
        except Exception:  # noqa: BLE001 - a crash is what is counted here
            crashes.append(f"{path}: {traceback.format_exc(limit=2)}")
    elapsed = time.perf_counter() - started
    return {
        "reports": len(files),
        "crashes": len(crashes),
        "headline paragraph found": (found, len(files)),
        "reports per second": round(len(files) / elapsed, 1) if elapsed else 0,
        "crash details": crashes[:5],
    }


def _show(results: dict[str, object], verbose: bool) -> None:
    for key, value in results.items():
        if key in ("misses", "crash details"):
            if verbose and value:
                print(f"{key}:")
                for line in value:  # type: ignore[union-attr]
                    print(f"  {line}")
            continue
        if isinstance(value, tuple):
            numerator, denominator = value
            share = f"{100 * numerator / denominator:.1f} %" if denominator else "n/a"
            print(f"{key}: {numerator}/{denominator} = {share}")
        else:
            print(f"{key}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("labels", nargs="*", type=Path, help="folders of label files")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--collection", type=Path, help="a checkout or export of lawtext/gov")
    parser.add_argument("--run", type=Path, help="read every report under this folder")
    parser.add_argument("--limit", type=int, help="with --run: at most this many reports")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if args.run:
        _show(collection_run(args.run, args.limit), args.verbose)
    for folder in args.labels:
        print(f"== {folder}")
        _show(evaluate_labels(sorted(folder.glob("*.yaml")), args.corpus, args.collection), args.verbose)


if __name__ == "__main__":
    main()
