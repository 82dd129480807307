"""How the columnar engine's shape maps to DuckDB, measured at 10× the national data.

    pip install duckdb
    python benchmarks/national/duckdb_sketch.py [TIMES]

Not part of zjk-targets (DuckDB is not a dependency): a sketch of the one step that grows with
the data, the verdict of each target from the figures of its year, written as SQL over the same
four tables the columnar engine builds (one per kind). It applies the rule book's main rule only:
of the figures of the target's metric and year that are not proxies, the most trusted and latest
decides; a plain value is compared with the goal by the comparator (about: ± tolerance). Bounds,
unit conversion, projections and wording are left out. It prints the time and how often its
verdict agrees with the columnar engine's on the targets whose deciding figure is a plain value.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

from bench import NATIONAL, _scaled  # noqa: E402 - benchmarks/national/bench.py

TRUST = "CASE trust WHEN 'official' THEN 0 WHEN 'news' THEN 1 WHEN 'secondary' THEN 2 ELSE 3 END"
VERDICTS = f"""
WITH rows AS (SELECT * FROM read_csv(?, all_varchar = true, header = true)),
sources AS (SELECT id, published, {TRUST} AS rank FROM rows WHERE kind = 'source'),
targets AS (
  SELECT id, metric, CAST(year AS INTEGER) AS year, comparator, CAST(goal AS DOUBLE) AS goal,
         COALESCE(CAST(tolerance AS DOUBLE), 0) AS tolerance
  FROM rows WHERE kind = 'target' AND year IS NOT NULL AND goal IS NOT NULL),
figures AS (
  SELECT o.metric, CAST(o.year AS INTEGER) AS year, CAST(o.value AS DOUBLE) AS value,
         ROW_NUMBER() OVER (PARTITION BY o.metric, o.year ORDER BY s.rank, s.published DESC, o.id) AS nth
  FROM rows o JOIN sources s ON s.id = o.source
  WHERE o.kind = 'observation' AND o.value IS NOT NULL AND COALESCE(o.proxy, '') = '')
SELECT t.id,
  CASE WHEN f.value IS NULL THEN 'unknown'
       WHEN t.comparator IN ('>=', '≥') AND f.value >= t.goal THEN 'met'
       WHEN t.comparator = '>' AND f.value > t.goal THEN 'met'
       WHEN t.comparator IN ('<=', '≤') AND f.value <= t.goal THEN 'met'
       WHEN t.comparator = '<' AND f.value < t.goal THEN 'met'
       WHEN t.comparator = 'about' AND abs(f.value - t.goal) <= t.tolerance THEN 'met'
       ELSE 'missed' END AS status
FROM targets t LEFT JOIN figures f ON f.metric = t.metric AND f.year = t.year AND f.nth = 1
"""


def main() -> None:
    times = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as work:
        folder = _scaled(Path(work) / "x", times)
        started = time.perf_counter()
        found = duckdb.sql(VERDICTS.replace("?", f"'{folder / 'national.csv.gz'}'")).fetchall()
        seconds = time.perf_counter() - started
    counts: dict[str, int] = {}
    for _, status in found:
        counts[status] = counts.get(status, 0) + 1
    print(f"{times}× the national data: {len(found):,} targets judged by DuckDB in {seconds:.2f} s: {counts}")
    # Agreement with the columnar engine at 1×, where both decide from a plain value.
    from zjk_targets.columnar.evaluate import evaluate_tables
    from zjk_targets.columnar.read import read_tables

    tables = read_tables([NATIONAL / "national.csv.gz"])
    verdicts = evaluate_tables(tables)
    ours = {
        id_: status.value
        for id_, status, decides in zip(tables.targets["id"], verdicts.status, verdicts.decides, strict=True)
        if decides or status.value == "unknown"
    }
    sql = dict(duckdb.sql(VERDICTS.replace("?", f"'{NATIONAL / 'national.csv.gz'}'")).fetchall())
    both = [i for i in ours if i in sql]
    same = sum(1 for i in both if ours[i] == sql[i])
    print(
        f"1×: DuckDB's verdict is the columnar engine's for {same:,} of {len(both):,} targets ({same / len(both):.1%})"
    )


if __name__ == "__main__":
    main()
