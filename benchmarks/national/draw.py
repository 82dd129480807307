"""Draw the accuracy sample of the national record: cities the extractor was not tuned on.

    python benchmarks/national/draw.py COLLECTION_DIR

COLLECTION_DIR is the folder 政府工作报告-其他地市 of lawtext/gov. A city is eligible when it is
neither in ../shared/corpus (the development set) nor among the cities of
benchmarks/extract/labels/ (labelled before), and has two reports of consecutive years, so
that the second judges the first. The draw is uniform over eligible cities, then over each
city's consecutive pairs, with a fixed seed; it prints the sample as a markdown table.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SEED = 20261204  # the date of the draw
SIZE = 20
ROOT = Path(__file__).resolve().parents[2]


def _labelled_cities() -> set[str]:
    labels = ROOT / "benchmarks" / "extract" / "labels"
    return {path.stem.rsplit("-", 1)[0] for path in labels.glob("*/*.yaml")}


def _corpus_cities() -> set[str]:
    corpus = ROOT.parent / "shared" / "corpus"
    return {path.name for path in corpus.iterdir() if path.is_dir()}


def _pairs(city: Path) -> list[tuple[int, int]]:
    years = sorted(int(path.stem) for path in city.glob("*.md") if path.stem.isdigit())
    return [(a, b) for a, b in zip(years, years[1:], strict=False) if b == a + 1]


def main(collection: Path) -> None:
    excluded = _labelled_cities() | _corpus_cities()
    eligible = sorted(
        city.name for city in collection.iterdir() if city.is_dir() and city.name not in excluded and _pairs(city)
    )
    rng = random.Random(SEED)
    cities = sorted(rng.sample(eligible, SIZE))
    print(f"{len(eligible)} eligible cities; seed {SEED}; {SIZE} drawn\n")
    print("| city | reports |\n|---|---|")
    for name in cities:
        first, second = rng.choice(_pairs(collection / name))
        print(f"| {name} | {first}, {second} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
