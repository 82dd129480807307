"""The rows of one kind in one CSV file: the rule book's checks of each entry's fields and values."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import Problem
from ..model import Comparator
from ..rules import checks, messages
from ..rules.schema import CHOICES, DONE_UNIT, FIELDS_OF
from .cells import absent_value, dtype_of, table_column
from .entries import converted
from .tables import filled, frame


class Rows:
    def __init__(self, kind: str, path: str, lines: np.ndarray, cells: dict[str, np.ndarray], problems: list[Problem]):
        self.kind, self.path, self.lines, self.cells, self.problems = kind, path, lines, cells, problems
        self.n = len(lines)
        self.fields = FIELDS_OF[kind]

    def report(self, rows: np.ndarray, message: str) -> None:
        self.problems.extend(Problem(self.path, int(line), message) for line in self.lines[rows])

    def read(self) -> tuple[pd.DataFrame, np.ndarray]:
        """The table of the usable rows, and which rows those are."""
        given, columns, invalid = {}, {}, {}
        nothing, blank = np.zeros(self.n, dtype=bool), filled(self.n, "")  # shared, never written
        for field in self.fields:
            name = field.name
            cells = self.cells.get(name)
            if cells is None:
                given[name] = nothing
                absent = absent_value(field)
                columns[name] = blank if absent == "" else np.full(self.n, absent, dtype=dtype_of(field))
                continue
            given[name] = cells != ""
            columns[name], problems = table_column(field, cells, given[name])
            if problems is not None:
                bad = np.flatnonzero(problems != None)  # noqa: E711 - an object array
                for i, problem in zip(bad.tolist(), problems[bad], strict=True):
                    self.problems.append(Problem(self.path, int(self.lines[i]), messages.invalid(name, problem)))
                invalid[name] = problems != None  # noqa: E711
        usable = self._shapes(given, invalid, columns)
        self._values(given, invalid, columns, usable)
        keep = slice(None) if usable.all() else usable
        table = {name: column[keep] for name, column in columns.items()}
        if self.kind == "observation":  # a milestone's figure may leave the unit out
            unitless = (table["done"] >= 0) & (table["unit"] == "")
            if unitless.any():
                table["unit"] = np.where(unitless, DONE_UNIT, table["unit"]).astype(object)
        table["path"] = filled(int(usable.sum()), self.path)
        table["line"] = self.lines[keep]
        return frame(table), usable

    def _shapes(self, given: dict, invalid: dict, columns: dict) -> np.ndarray:
        """checks.shape once per distinct (given fields, valid fields, comparator)."""
        # Only the fields given in some rows and not others, or invalid in some, tell rows apart.
        always = frozenset(name for name, mask in given.items() if mask.all())
        bits = [(name, True, mask) for name, mask in given.items() if name not in always and mask.any()]
        bits += [(name, False, mask) for name, mask in invalid.items()]
        signature = np.zeros(self.n, dtype=np.int64)
        for bit, (*_, mask) in enumerate(bits):
            signature |= mask.astype(np.int64) << bit
        comparators = [None, *Comparator]
        if self.kind == "target":
            codes, distinct = pd.factorize(columns["comparator"])
            known = np.array([comparators.index(CHOICES["comparator"].get(c)) for c in distinct], dtype=np.int64)
            signature |= known[codes] << len(bits)
        codes, keys = pd.factorize(signature)
        usable = np.zeros(len(keys), dtype=bool)
        for k, key in enumerate(keys.tolist()):
            on = [(name, is_given) for bit, (name, is_given, _) in enumerate(bits) if key >> bit & 1]
            given_set = always | {name for name, is_given in on if is_given}
            valid = given_set - {name for name, is_given in on if not is_given}
            shape = checks.shape(self.kind, given_set, valid, comparators[key >> len(bits)])
            usable[k] = shape.usable
            if not shape.missing and not shape.problems:
                continue
            rows = np.flatnonzero(codes == k)
            for name in shape.missing:
                if name in self.cells:
                    self.report(rows, messages.missing(name))
                else:
                    self.problems.append(Problem(self.path, 1, messages.csv_no_column(name, self.kind)))
            for _, message in shape.problems:
                self.report(rows, message)
        return usable[codes]

    def _values(self, given: dict, invalid: dict, columns: dict, usable: np.ndarray) -> None:
        """checks.check_values for every row whose values array code cannot clear."""
        if self.kind == "source":
            suspect = np.array([bool(url) and not url.startswith(("http://", "https://")) for url in columns["url"]])
        elif self.kind == "target":
            suspect = np.array([tolerance.startswith("-") for tolerance in columns["tolerance"]], dtype=bool)
        elif self.kind == "observation":
            both = np.flatnonzero((columns["min"] != "") & (columns["max"] != ""))
            suspect = given["done"] & given["unit"] & (columns["unit"] != DONE_UNIT)
            suspect[both] |= columns["min"][both].astype(float) >= columns["max"][both].astype(float)
        else:
            return
        for i in np.flatnonzero(suspect).tolist():
            row_given = frozenset(name for name in given if given[name][i])
            ok = [f for f in self.fields if given[f.name][i] and not (f.name in invalid and invalid[f.name][i])]
            values = {f.name: converted(f, columns[f.name][i : i + 1])[0] for f in ok}
            found, blocks = checks.check_values(self.kind, row_given, values)
            for _, message in found:
                self.report(np.array([i]), message)
            usable[i] &= not blocks
