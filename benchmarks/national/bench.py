"""Speed of the national record, each figure beside its baseline in the same run.

    python benchmarks/national/bench.py COLLECTION_DIR [--runs N] [--cpu]

COLLECTION_DIR is the folder 政府工作报告-其他地市 of lawtext/gov. Figures:

1. ``build-national`` of the whole collection: reports a second (≥ 50, one process on one core)
   and peak memory (< 1 GB);
2. ``national``, ``escalation`` (its text, and its whole panel as CSV) and ``export --format
   csv`` of the bundled national data, against ``import pandas`` plus reading the dataset's files
   (national.csv.gz and cities.csv) (national and escalation ≤ 2.5×, #21; export ≤ 3×);
3. the same at 10× the size (every city ten times under other slugs): the growth of each
   command's time over its own floor's, against 10× the data (linear: ≤ 12×);
4. ``record --city 邯郸`` against the typer floor of benchmarks/bench.py (≤ 2×).

Runs take turns with their baselines, so that both meet the same load; ``--cpu`` takes the CPU
time of each process instead of its wall time.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

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


def _usable(folder: Path) -> None:
    """The scaled data is judged without a problem (bench's runner reads stderr only at the end)."""
    import subprocess

    env = {**__import__("os").environ, **LIMIT}
    done = subprocess.run(bench._cli("national", "--national", str(folder), "-f", "csv"), capture_output=True, env=env)
    if done.returncode:
        raise SystemExit(done.stderr.decode(errors="replace")[-2000:])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("collection", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu", action="store_true")
    args = parser.parse_args()
    bench.CPU_CLOCK = args.cpu
    env = {**__import__("os").environ, "COLUMNS": "100", "NO_COLOR": "1", **LIMIT}
    work = Path(tempfile.mkdtemp(prefix="zjk-national-bench-"))
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

        ten = _scaled(work / "x10", 10)
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
