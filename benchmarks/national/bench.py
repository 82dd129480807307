"""Speed of the national record, each figure beside its baseline in the same run.

    python benchmarks/national/bench.py COLLECTION_DIR [--runs N] [--cpu]
    python benchmarks/national/bench.py --sizes 1,4,10 [--datasets record,national,conflicts,harsh] [--runs N] [--cpu]

COLLECTION_DIR is the root of lawtext/gov. Figures:

1. ``build-national`` of the whole collection: reports a second (≥ 50, one process on one core)
   and peak memory (< 1 GB);
2. ``national``, ``escalation`` (its text, and its whole panel as CSV) and ``export --format
   csv`` of the bundled national data, against ``import pandas`` plus reading the dataset's files
   (national.csv.gz and cities.csv) (national and escalation ≤ 2.5×, #21; export ≤ 3×);
3. the same at 10× the size (every city ten times under other slugs): the growth of each
   command's time over its own floor's, against 10× the data (linear: ≤ 12×);
4. ``record --city 邯郸`` against the typer floor of benchmarks/bench.py (≤ 2×).

With ``--sizes``, instead, the cost of a row (issue #25): each dataset at each size (1×, 4× and
10× by default, every place copied under ids of its own), judged and exported as CSV beside the
pandas floor of the same files measured in the same run: the bundled record (``national`` and
``export --format csv``, floor ``import pandas`` + ``read_csv`` of national.csv.gz and cities.csv)
and the three synthetic datasets of ``benchmarks/bench.py`` (national, conflicts, harsh: ``export
--format csv --targets --actuals``, floor ``import pandas`` + ``read_csv`` of both files). Printed
per size: the minimum time of the runs and of the floor's, their ratio (≤ 2.5×), the marginal
ratio from the size before (the tool's extra time over the floor's: what a further row costs
against reading it), and the peak memory against the floor's peak (≤ 1.5×).

Runs take turns with their baselines, so that both meet the same load; ``--cpu`` takes the CPU
time of each process instead of its wall time.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import bench  # noqa: E402 - benchmarks/bench.py: the runner and the typer floor

ROOT = HERE.parent.parent
NATIONAL = ROOT / "zjk_targets" / "data" / "national"
_SLUGGED = re.compile(r",([a-z][a-z0-9-]*)\.(?=[a-z])")
LIMIT = {"ZJK_MAX_INPUT_MB": "4000"}  # 10× the whole record is past the default 200 MB of one input
READ_FLOOR = """
import sys
import pandas
pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
pandas.read_csv(sys.argv[2], dtype=str, keep_default_na=False)
"""


def _scaled(folder: Path, times: int) -> Path:
    """The bundled national data with every city ``times`` times over, under slugs of its own."""
    text = gzip.decompress((NATIONAL / "national.csv.gz").read_bytes()).decode("utf-8")
    header, body = text.split("\n", 1)
    out = io.StringIO()
    out.write(header + "\n")
    for copy in range(times):
        # Every id, metric and source cell begins with its city's slug and a dot.
        out.write(_SLUGGED.sub(lambda m, c=copy: f",c{c}{m.group(1)}.", body))
    cities = list(csv.reader(io.StringIO((NATIONAL / "cities.csv").read_text(encoding="utf-8"))))
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(cities[0])
    for copy in range(times):
        for city in cities[1:]:
            writer.writerow([f"c{copy}{city[0]}", *city[1:]])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "national.csv.gz").write_bytes(gzip.compress(out.getvalue().encode("utf-8"), mtime=0))
    (folder / "cities.csv").write_text(table.getvalue(), encoding="utf-8")
    # Every reader checks a dataset against its manifest: the scaled one gets its own.
    from zjk_targets.national.manifest import manifest
    from zjk_targets.rules.whole_dataset import MANIFEST_NAME

    files = {name: (folder / name).read_bytes() for name in ("national.csv.gz", "cities.csv")}
    (folder / MANIFEST_NAME).write_bytes(manifest(files, {"collection": f"the bundled data {times} times over"}, {}))
    return folder


T = TypeVar("T")
_CITY_ID = re.compile(rb",c(?=[0-9]{4}-)")  # an id, metric or source cell of bench.py's data: cNNNN-…
SYNTHETIC = {
    "national": bench.Size(30_000, 300_000),
    "conflicts": bench.Size(30_000, 300_000, conflicts=True),
    "harsh": bench.Size(30_000, 300_000, harsh=True),
}
SYNTHETIC_FLOOR = """
import sys
import pandas
pandas.read_csv(sys.argv[1])
pandas.read_csv(sys.argv[2])
"""


def _scaled_synthetic(size: bench.Size, folder: Path, times: int) -> tuple[Path, Path]:
    """bench.py's dataset of ``size`` with every city ``times`` times over, under ids of its own."""
    made = bench.write(size, bench.DATA)
    out = []
    for name in ("targets", "actuals"):
        path = folder / f"{name}-{size.name}-x{times}.csv"
        if times == 1:
            out.append(made[f"{name}.csv"])
            continue
        header, body = made[f"{name}.csv"].read_bytes().split(b"\n", 1)
        with open(path, "wb") as handle:
            handle.write(header + b"\n")
            for copy in range(times):
                handle.write(_CITY_ID.sub(b",k%dc" % copy, body) if copy else body)
        out.append(path)
    return out[0], out[1]


def _apart(make: Callable[..., T], *args: Any) -> T:
    """``make(*args)`` in a forked process. A child's peak memory (wait4's ru_maxrss) starts from
    the peak of the process it was started from: data made here would count in every peak after."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(make, args)


@dataclass
class Sized:
    """One command at one size: its best time, its floor's (measured in turns with it), both peaks."""

    times: int
    seconds: float
    floor: float
    peak_mb: float
    floor_peak_mb: float


def _best(commands: list[list[str]], env: dict[str, str], runs: int) -> list[bench.Run]:
    """The least time and the largest peak of ``runs`` runs of each command, taking turns (the least
    time leaves a run on cold caches out without a warm-up round)."""
    found: list[list[bench.Run]] = [[] for _ in commands]
    for _ in range(runs):
        for command, runs_of in zip(commands, found, strict=True):
            runs_of.append(bench.run_once(command, env))
    return [bench.Run(min(r.seconds for r in rs), max(r.peak_mb for r in rs)) for rs in found]


def _sizes(args: argparse.Namespace, env: dict[str, str], work: Path) -> bool:
    """The cost of a row: every dataset at every size against its pandas floor. True when all are in reach."""
    ok = True
    print(
        f"{'dataset':<10} {'command':<13} {'size':>4} {'time':>8} {'floor':>8} {'ratio':>6} {'marginal':>8} "
        f"{'peak':>8} {'floor peak':>10} {'peak ratio':>10}"
    )
    for dataset in args.datasets.split(","):
        rows: dict[str, list[Sized]] = {}
        for times in args.sizes:
            folder = work / f"{dataset}-x{times}"
            folder.mkdir(parents=True, exist_ok=True)
            if dataset == "record":
                data = NATIONAL if times == 1 else _apart(_scaled, folder, times)
                floor = [*bench._python(READ_FLOOR), str(data / "national.csv.gz"), str(data / "cities.csv")]
                commands = {
                    "national": bench._cli("national", "--national", str(data), "--no-pager"),
                    "export csv": bench._cli("export", "--format", "csv", "--targets", str(data / "national.csv.gz")),
                }
            else:
                targets, actuals = _apart(_scaled_synthetic, SYNTHETIC[dataset], folder, times)
                floor = [*bench._python(SYNTHETIC_FLOOR), str(targets), str(actuals)]
                commands = {
                    "export csv": bench._cli(
                        "export", "--format", "csv", "--targets", str(targets), "--actuals", str(actuals)
                    )
                }
            base, *measured = _best([floor, *commands.values()], env, args.runs)
            for name, run in zip(commands, measured, strict=True):
                rows.setdefault(name, []).append(Sized(times, run.seconds, base.seconds, run.peak_mb, base.peak_mb))
            shutil.rmtree(folder, ignore_errors=True)
        for name, sized in rows.items():
            before = None
            for row in sized:
                ratio, peak = row.seconds / row.floor, row.peak_mb / row.floor_peak_mb
                # The further rows' time over the floor's for the same rows.
                extra = None if before is None else (row.seconds - before.seconds) / (row.floor - before.floor)
                marginal = "" if extra is None else f"{extra:.2f}×"
                ok &= ratio <= 2.5 and peak <= 1.5
                print(
                    f"{dataset:<10} {name:<13} {row.times:>3}× {row.seconds:>6.2f} s {row.floor:>6.2f} s "
                    f"{ratio:>5.2f}× {marginal:>8} {row.peak_mb:>5.0f} MB {row.floor_peak_mb:>7.0f} MB {peak:>9.2f}×",
                    flush=True,
                )
                before = row
    print(f"every ratio ≤ 2.5× and every peak ≤ 1.5× the floor's: {'yes' if ok else 'NO'}")
    return ok


def _usable(folder: Path) -> None:
    """The scaled data is judged without a problem (bench's runner reads stderr only at the end)."""
    import subprocess

    env = {**__import__("os").environ, **LIMIT}
    done = subprocess.run(bench._cli("national", "--national", str(folder), "-f", "csv"), capture_output=True, env=env)
    if done.returncode:
        raise SystemExit(done.stderr.decode(errors="replace")[-2000:])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("collection", type=Path, nargs="?")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu", action="store_true")
    parser.add_argument("--sizes", type=lambda text: [int(n) for n in text.split(",")], default=None)
    parser.add_argument("--datasets", default="record,national,conflicts,harsh")
    args = parser.parse_args()
    bench.CPU_CLOCK = args.cpu
    env = {**__import__("os").environ, "COLUMNS": "100", "NO_COLOR": "1", **LIMIT}
    work = Path(tempfile.mkdtemp(prefix="zjk-national-bench-"))
    if args.sizes:
        try:
            return 0 if _sizes(args, env, work) else 1
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if args.collection is None:
        parser.error("give COLLECTION_DIR, or --sizes")
    try:
        reports = sum(1 for p in args.collection.rglob("*") if p.suffix.lower() in (".md", ".txt"))
        build = bench.run_once(bench._cli("build-national", str(args.collection), "--output", str(work / "b")), env)
        print(
            f"1. build-national: {reports} reports in {build.seconds:.1f} s = {reports / build.seconds:.0f} a second "
            f"(≥ 50); peak memory {build.peak_mb:.0f} MB (< 1 GB)"
        )

        def floor(folder: Path) -> list[str]:
            return [*bench._python(READ_FLOOR), str(folder / "national.csv.gz"), str(folder / "cities.csv")]

        def commands(folder: Path) -> list[list[str]]:
            return [
                floor(folder),
                bench._cli("national", "--national", str(folder), "--no-pager"),
                bench._cli("escalation", "--national", str(folder), "--no-pager"),
                bench._cli("escalation", "--national", str(folder), "--format", "csv"),
                bench._cli("export", "--format", "csv", "--targets", str(folder / "national.csv.gz")),
            ]

        ten = _apart(_scaled, work / "x10", 10)
        _usable(ten)
        base, national, escalation, panel, export = bench.measure(commands(NATIONAL), env, args.runs)
        base10, national10, escalation10, panel10, export10 = bench.measure(commands(ten), env, max(1, args.runs // 2))
        for name, run, run10, most in (
            ("national", national, national10, 2.5),
            ("escalation", escalation, escalation10, 2.5),
            ("escalation --format csv", panel, panel10, 2.5),
            ("export --format csv", export, export10, 3),
        ):
            ratio = run.seconds / base.seconds
            growth = (run10.seconds - base10.seconds) / max(run.seconds - base.seconds, 1e-9)
            print(
                f"2. {name}: {run.seconds:.3f} s vs floor {base.seconds:.3f} s = {ratio:.2f}× (≤ {most}×); "
                f"peak {run.peak_mb:.0f} MB"
            )
            print(
                f"3. {name} at 10×: {run10.seconds:.3f} s vs floor {base10.seconds:.3f} s = "
                f"{run10.seconds / base10.seconds:.2f}×; beyond the floor it grew {growth:.1f}× (≤ 12×); "
                f"peak {run10.peak_mb:.0f} MB"
            )
        targets, actuals = str(bench.ROOT / "targets.yaml"), str(bench.ROOT / "actuals.yaml")
        typer_floor = [*bench._python(bench.TYPER_FLOOR.format(targets=targets, actuals=actuals)), "pm25-2017"]
        city = bench._cli("record", "--city", "邯郸", "--no-pager")
        floor_run, record = bench.measure([typer_floor, city], env, args.runs)
        print(
            f"4. record --city 邯郸: {record.seconds:.3f} s vs the typer floor {floor_run.seconds:.3f} s = "
            f"{record.seconds / floor_run.seconds:.2f}× (≤ 2×)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - started:.0f} s)")
    sys.exit(code)
