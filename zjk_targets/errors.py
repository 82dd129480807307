"""Problems found in input data, reported all at once as ``file:line: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, at the line a person should look at."""

    path: str
    line: int
    message: str
    places: tuple[Problem, ...] = ()
    """Of a problem stated once for many places: the first few, each listed under it."""

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}: {self.message}"


class DataError(Exception):
    """The input cannot be used; carries every problem found, in file and line order, each followed
    by its places (``count`` counts the problems, not the places)."""

    def __init__(self, problems: list[Problem]) -> None:
        distinct = sorted(set(problems))
        self.count = len(distinct)
        self.problems = [shown for problem in distinct for shown in (problem, *problem.places)]
        super().__init__("\n".join(str(p) for p in self.problems))
