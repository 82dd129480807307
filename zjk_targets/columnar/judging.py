"""Which executor of the verdict rules judges the tables: the array form (:mod:`.evaluate`) when it
states every rule the rule book registers, else the rule book itself, target by target (slower,
never wrong)."""

from __future__ import annotations

import numpy as np

from ..model import Reading
from ..rules import verdicts as rules
from .dataset import build_dataset
from .evaluate import Verdicts, evaluate_tables
from .tables import Tables, objects

ARRAY_RULES = frozenset(
    {
        "own-metric-decides",
        "latest-publication-decides",
        "deadline-year-decides",
        "bound-wholly-on-one-side",
        "unknown-without-a-figure",
    }
)
"""The verdict rules (by their names in rules/verdicts.py's RULES) that evaluate.py states on arrays."""


def judge_arrays(tables: Tables, reading: Reading = Reading.BAND) -> Verdicts:
    """Every target's verdict, as columns in the order of ``tables.targets``."""
    if ARRAY_RULES.issuperset(rules.RULES):
        return evaluate_tables(tables, reading)
    return _by_the_rule_book(tables, reading)


def _by_the_rule_book(tables: Tables, reading: Reading) -> Verdicts:
    dataset = build_dataset(tables)
    by_id = {verdict.target.id: verdict for verdict in rules.evaluate(dataset, reading=reading)}
    judged = [by_id[target.id] for target in dataset.targets]
    headlines = [verdict.headline for verdict in judged]
    return Verdicts(
        status=objects(verdict.status for verdict in judged),
        reason=objects(verdict.reason for verdict in judged),
        actual=objects(headline.compared if headline else "" for headline in headlines),
        actual_year=objects(str(headline.observation.year) if headline else "" for headline in headlines),
        decides=np.array([headline is not None and headline.decisive for headline in headlines], dtype=bool),
    )
