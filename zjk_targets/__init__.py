"""zjk-targets: did Zhangjiakou do what its 2017 government work report said it would?

Library use::

    from zjk_targets import bundled_paths, evaluate, load_dataset
    dataset = load_dataset(bundled_paths())
    for verdict in evaluate(dataset):
        print(verdict.target.id, verdict.status.value, verdict.reason)
"""

from .bundled import bundled_paths
from .errors import DataError, Problem
from .load import load_dataset
from .model import Dataset, Status
from .rules.verdicts import Verdict, evaluate
from .write import to_csv

__version__ = "1.0.0"

__all__ = [
    "DataError",
    "Dataset",
    "Problem",
    "Status",
    "Verdict",
    "__version__",
    "bundled_paths",
    "evaluate",
    "load_dataset",
    "to_csv",
]
