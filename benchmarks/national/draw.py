"""Draw an accuracy sample of report pairs the extractor was not tuned on.

    python benchmarks/national/draw.py COLLECTION_DIR
    python benchmarks/national/draw.py COLLECTION_DIR --seed N [--size N] [--exclude LABELS_DIR ...]
    python benchmarks/national/draw.py COLLECTION_DIR --flat --seed N --size N --since YEAR

COLLECTION_DIR is a folder of lawtext/gov: 政府工作报告-其他地市 (a folder per city), or another level
(政府工作报告-省自治区, 政府工作报告-主要城市: a folder per place; 政府工作报告-国务院 with ``--flat``:
one place, its reports in the folder itself). A place is eligible when it is neither in
../shared/corpus (the development set) nor among the places of benchmarks/extract/labels/
(labelled before) nor of any ``--exclude`` folder of labels, and has two reports of consecutive
years, so that the second judges the first (with ``--since``, the first not before that year).
The draw is uniform over eligible places, then over each place's consecutive pairs, with a fixed
seed; with ``--flat`` it is uniform over the folder's pairs, leaving out every pair with a report
labelled in an ``--exclude`` folder (files PLACE-YEAR.yaml whose PLACE ends the folder's name). It
prints the sample as a markdown table. With no options it draws the first sample again (seed 20261204, 20 cities).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 20261204  # the date of the first draw
SIZE = 20
ROOT = Path(__file__).resolve().parents[2]


def _labelled(folder: Path) -> set[str]:
    return {path.stem.rsplit("-", 1)[0] for path in folder.glob("**/*.yaml")}


def _labelled_years(folder: Path, collection: Path) -> set[int]:
    """Years of the flat collection's reports labelled in ``folder`` (国务院-2010.yaml: 2010)."""
    years = set()
    for path in folder.glob("**/*.yaml"):
        place, _, year = path.stem.rpartition("-")
        if place and year.isdigit() and collection.name.endswith(place):
            years.add(int(year))
    return years


def _corpus_cities() -> set[str]:
    corpus = ROOT.parent / "shared" / "corpus"
    return {path.name for path in corpus.iterdir() if path.is_dir()}


def _pairs(folder: Path, since: int) -> list[tuple[int, int]]:
    years = sorted(int(path.stem) for path in folder.glob("*.md") if path.stem.isdigit())
    return [(a, b) for a, b in zip(years, years[1:], strict=False) if b == a + 1 and a >= since]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collection", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--size", type=int, default=SIZE)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--flat", action="store_true", help="one place: draw among the folder's own pairs")
    parser.add_argument("--since", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.flat:
        taken = set().union(*(_labelled_years(folder, args.collection) for folder in args.exclude))
        pairs = [pair for pair in _pairs(args.collection, args.since) if not taken & set(pair)]
        drawn = sorted(rng.sample(pairs, args.size))
        print(f"{len(pairs)} eligible pairs; seed {args.seed}; {args.size} drawn\n")
        print("| reports |\n|---|")
        for first, second in drawn:
            print(f"| {first}, {second} |")
        return
    excluded = _labelled(ROOT / "benchmarks" / "extract" / "labels") | _corpus_cities()
    for folder in args.exclude:
        excluded |= _labelled(folder)
    eligible = sorted(
        place.name
        for place in args.collection.iterdir()
        if place.is_dir() and place.name not in excluded and _pairs(place, args.since)
    )
    places = sorted(rng.sample(eligible, args.size))
    print(f"{len(eligible)} eligible places; seed {args.seed}; {args.size} drawn\n")
    print("| place | reports |\n|---|---|")
    for name in places:
        first, second = rng.choice(_pairs(args.collection / name, args.since))
        print(f"| {name} | {first}, {second} |")


if __name__ == "__main__":
    main()
