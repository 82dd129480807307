"""The fields of every kind of entry: name, type, when required, and the order of CSV columns.

This table is the one statement of the data format. The YAML loader's field lists, the CSV
columns, the CSV writer and the columnar engine's tables are all derived from it.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Comparator, Direction, Metric, Observation, Source, Target, Trust, Where

SCHEMA_VERSION = 1
MAX_TEXT_CHARS = 10_000
YEAR_RANGE = (1949, 2100)
DONE_UNIT = "done"
ID_PATTERN = r"[a-z0-9][a-z0-9._-]*"
OUTSIDE_PREFIX = "x-"
"""The start of the id extract gives a measure outside its lexicon: x- and the pinyin of the
report's words (x-feishuizhanbi, 非税占比), whose metric's ``zh`` holds those words."""


def is_outside(metric_id: str) -> bool:
    """Whether a metric id is one extract gave a measure outside its lexicon (shown by its words)."""
    return metric_id.startswith(OUTSIDE_PREFIX)


# Input size limits. YAML's aliases and tags make a large file dangerous, and the curated files
# are far below 1 MB; a CSV file holds plain cells, and a national one is about 40 MB per 300,000
# observations.
MAX_YAML_BYTES = 20_000_000
MAX_CSV_BYTES = 200_000_000
MAX_YAML_DEPTH = 50
"""How deeply YAML may nest: data is four levels deep, and each level costs the reader stack."""

# The data names itself: an optional top-level mapping `dataset` (YAML) says what the data is
# about, and every export titles itself with it. Its fields, all text; `place` is required.
DATASET_SECTION = "dataset"
DATASET_FIELDS = {"place": True, "place_zh": False, "title": False, "title_zh": False}

# The sections of a YAML file, one per kind of entry; a CSV row names its kind in a `kind` column.
KINDS = {"source": "sources", "metric": "metrics", "target": "targets", "observation": "observations"}
SECTIONS = tuple(KINDS.values())

COMPARATORS = {
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    ">": Comparator.GT,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
    "<": Comparator.LT,
    "about": Comparator.ABOUT,
    "≈": Comparator.ABOUT,
    "done": Comparator.DONE,
}
CHOICES = {
    "trust": {t.value: t for t in Trust},
    "direction": {d.value: d for d in Direction},
    "comparator": COMPARATORS,
    "kind": {kind: kind for kind in KINDS},
}


class Type(enum.Enum):
    """How a field's value is written."""

    TEXT = "text"
    ID = "id"
    NUMBER = "number"
    YEAR = "year"
    DATE = "date"
    FLAG = "flag"
    CHOICE = "choice"


class Needed(enum.Enum):
    """When a field must be given."""

    ALWAYS = "always"
    OPTIONAL = "optional"
    UNLESS_DONE = "unless the comparator is done"  # a target's goal and unit
    FOR_ABOUT = "for an about target"  # a target's tolerance
    UNLESS_DONE_GIVEN = "unless done is given"  # an observation's unit


@dataclass(frozen=True)
class Field:
    name: str
    type: Type
    kinds: dict[str, Needed]
    attribute: str = ""
    """The model attribute, when it is not the field's name."""

    @property
    def attr(self) -> str:
        return self.attribute or self.name


A, OPT = Needed.ALWAYS, Needed.OPTIONAL

# In the order of the CSV columns: what each kind needs, most used first.
FIELDS = (
    Field("id", Type.ID, {"source": A, "metric": A, "target": A, "observation": A}),
    Field("metric", Type.ID, {"target": A, "observation": A}),
    Field("zh", Type.TEXT, {"metric": A, "target": A}),
    Field("en", Type.TEXT, {"metric": A, "target": A}),
    Field("category", Type.ID, {"target": A}),
    Field("comparator", Type.CHOICE, {"target": A}),
    Field("goal", Type.NUMBER, {"target": Needed.UNLESS_DONE}),
    Field("tolerance", Type.NUMBER, {"target": Needed.FOR_ABOUT}),
    Field("unit", Type.TEXT, {"metric": A, "target": Needed.UNLESS_DONE, "observation": Needed.UNLESS_DONE_GIVEN}),
    Field("direction", Type.CHOICE, {"metric": A}),
    Field("year", Type.YEAR, {"target": OPT, "observation": A}),
    Field("by", Type.YEAR, {"target": OPT}),
    Field("value", Type.NUMBER, {"observation": OPT}),
    Field("min", Type.NUMBER, {"observation": OPT}, "minimum"),
    Field("max", Type.NUMBER, {"observation": OPT}, "maximum"),
    Field("done", Type.FLAG, {"observation": OPT}),
    Field("estimated", Type.FLAG, {"observation": OPT}),
    Field("headline", Type.FLAG, {"target": OPT}),
    Field("source", Type.ID, {"target": A, "observation": A}),
    Field("excerpt", Type.TEXT, {"target": A, "observation": A}),
    Field("derived", Type.TEXT, {"target": OPT, "observation": OPT}),
    Field("proxy", Type.TEXT, {"observation": OPT}),
    Field("year_basis", Type.TEXT, {"observation": OPT}),
    Field("title", Type.TEXT, {"source": A}),
    Field("publisher", Type.TEXT, {"source": A}),
    Field("published", Type.DATE, {"source": A}),
    Field("trust", Type.CHOICE, {"source": A}),
    Field("file", Type.TEXT, {"source": OPT}),
    Field("url", Type.TEXT, {"source": OPT}),
    Field("note", Type.TEXT, {"source": OPT, "metric": OPT, "target": OPT, "observation": OPT}),
)
del A, OPT

FIELDS_OF = {kind: tuple(f for f in FIELDS if kind in f.kinds) for kind in KINDS}
"""Each kind's fields, in CSV order."""
NAMES_OF = {kind: frozenset(f.name for f in fields) for kind, fields in FIELDS_OF.items()}
CSV_COLUMNS = ("kind", *(f.name for f in FIELDS))
# Flags written only when true (an empty cell is false).
FALSE_BY_DEFAULT = frozenset({"estimated", "headline"})


def required(kind: str, field: Field, given: Collection[str], comparator: Comparator | None) -> bool:
    """Whether ``field`` must be given in an entry of ``kind`` with these fields and comparator."""
    match field.kinds[kind]:
        case Needed.ALWAYS:
            return True
        case Needed.UNLESS_DONE:
            return comparator is not None and comparator is not Comparator.DONE
        case Needed.FOR_ABOUT:
            return comparator is Comparator.ABOUT
        case Needed.UNLESS_DONE_GIVEN:
            return "done" not in given
    return False


MODELS: dict[str, type] = {"source": Source, "metric": Metric, "target": Target, "observation": Observation}
ATTRIBUTES = {kind: {f.name for f in dataclasses.fields(model)} for kind, model in MODELS.items()}


_MODEL_FIELDS = {kind: [(f.name, f.attr) for f in FIELDS_OF[kind] if f.attr in ATTRIBUTES[kind]] for kind in KINDS}
"""(field, attribute) of each field a kind's model object holds."""


def build(kind: str, values: Mapping[str, Any], where: Where) -> Any:
    """The model object of an entry from its converted values (absent: None), once its checks passed."""
    args = {attr: values.get(name) for name, attr in _MODEL_FIELDS[kind]}
    for name in FALSE_BY_DEFAULT & args.keys():
        args[name] = bool(args[name])
    if kind == "observation" and args["unit"] is None:
        args["unit"] = DONE_UNIT  # a milestone's observation may leave the unit out
    return MODELS[kind](**args, where=where)
