"""CSV files: bytes, CSV structure, header, kinds; each kind's rows then read by :mod:`.rows`."""

from __future__ import annotations

import csv
import io
import warnings

import numpy as np
import pandas as pd

from ..errors import Problem
from ..gunzipped import Gunzipped, Refused
from ..inputs import decode, is_gzip, read_input
from ..load import Partial
from ..rules import messages
from ..rules.schema import KINDS, NAMES_OF, Field, Type
from .cells import table_column
from .rows import Rows
from .tables import objects

COLUMNS = frozenset({"kind"}.union(*NAMES_OF.values()))


Parsed = tuple[list[str], list[np.ndarray], np.ndarray]
"""The header, each column's cells (object arrays of str), and each row's line number."""


def _parse_fast(data: bytes) -> Parsed | None:
    """pandas' C parser on the bytes; None when the file needs the careful reader.

    That is: a header in quotes, rows with more values than the header, a quote never closed,
    bytes that are not UTF-8, or lines that the rows do not account for.
    """
    newline = data.find(b"\n")
    header = _plain_header(data[: newline if newline >= 0 else len(data)])
    if header is None:
        return None
    table = _pandas(io.BytesIO(data))
    if table is None:
        return None
    return _cells(table, header, _newlines(data) + (0 if data.endswith(b"\n") else 1))


def _parse_gzip(path: str, max_bytes: int) -> Parsed | None:
    """:func:`_parse_fast` of a gzip file unpacked as pandas reads it; None when it needs reading
    whole (anything read_input refuses, an empty file, or what the careful reader is for)."""
    try:
        stream = Gunzipped(path, max_bytes)
    except (OSError, Refused):
        return None
    with stream:
        table = _pandas(io.BufferedReader(stream, 1 << 20))
        if table is None or not stream.finished or stream.first_line is None or not len(table):
            return None
        header = _plain_header(stream.first_line)
        if header is None:
            return None
        return _cells(table, header, stream.newlines + (0 if stream.last == b"\n" else 1))


def _plain_header(first: bytes) -> list[str] | None:
    """The names of a header line pandas reads as the careful reader does, else None."""
    first = first.rstrip(b"\r")
    if b'"' in first or b"\r" in first:
        return None
    try:
        header = first.decode("utf-8").split(",")
    except UnicodeDecodeError:
        return None
    return header if any(header) else None


def _pandas(source: io.BufferedIOBase) -> pd.DataFrame | None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return pd.read_csv(
                source,
                dtype=object,
                keep_default_na=False,
                na_filter=False,
                index_col=False,
                skip_blank_lines=False,
                header=0,
                encoding="utf-8",
                engine="c",
            )
        except Exception:  # noqa: BLE001 - any complaint of the fast parser sends the file to the careful one
            return None


def _cells(table: pd.DataFrame, header: list[str], total: int) -> Parsed | None:
    """The columns of pandas' table and each row's line, ``total`` lines in the file; None when the
    rows do not account for them."""
    if table.shape[1] != len(header):
        return None
    rows = len(table)
    cells = [table.iloc[:, i].to_numpy(dtype=object) for i in range(len(header))]
    lines = np.arange(2, rows + 2, dtype=np.int64)
    if total != rows + 1:
        # Quoted values that span lines: each row starts below the line breaks of the rows above.
        breaks = np.zeros(rows, dtype=np.int64)
        for column in cells:
            if "\n" in "\x00".join(column):
                breaks += np.fromiter((cell.count("\n") for cell in column), dtype=np.int64, count=rows)
        if total != rows + 1 + int(breaks.sum()):
            return None
        lines += np.cumsum(breaks) - breaks
    return header, cells, lines


def _newlines(data: bytes) -> int:
    """``data.count(b"\n")``, a megabyte at a time by numpy: 4× faster than bytes.count."""
    view = np.frombuffer(data, dtype=np.uint8)
    step = 1 << 20
    return sum(int(np.count_nonzero(view[start : start + step] == ord("\n"))) for start in range(0, len(view), step))


def _parse_careful(path: str, text: str, problems: list[Problem]) -> Parsed | None:
    """Python's csv reader, row by row: for the lines of every row, and for files pandas refuses."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    if not any(header):
        problems.append(Problem(path, 1, messages.CSV_NO_HEADER))
        return None
    width = len(header)
    rows: list[list[str]] = []
    starts: list[int] = []
    previous = reader.line_num
    for row in reader:
        start, previous = previous + 1, reader.line_num
        if not row:
            continue
        if len(row) > width and any(row[width:]):
            problems.append(Problem(path, start, messages.csv_too_many_values(len(row), width)))
            continue
        rows.append((row + [""] * width)[:width])
        starts.append(start)
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            problems.append(Problem(path, starts[-1] if starts else 1, messages.CSV_UNCLOSED_QUOTE))
            del rows[-1:], starts[-1:]
    columns = [objects(column) for column in zip(*rows, strict=True)] if rows else []
    return header, columns or [np.empty(0, dtype=object) for _ in header], np.array(starts, dtype=np.int64)


def read_csv(
    path: str,
    max_bytes: int,
    problems: list[Problem],
    unusable: set[str],
    parts: dict[str, list],
    partials: list[Partial] | None = None,
) -> None:
    parsed = _parse_gzip(path, max_bytes) if is_gzip(path) else None
    if parsed is None:
        data, found = read_input(path, max_bytes)
        problems.extend(found)
        if data is not None and (not data or data.isspace()):
            problems.append(Problem(path, 0, messages.CSV_EMPTY))
            return
        parsed = _parse_fast(data) if data is not None else None
        if parsed is None and data is not None:
            text, found = decode(path, data)
            problems.extend(found)
            parsed = _parse_careful(path, text, problems) if text is not None else None
        del data  # the cells hold the values now: the file's bytes go before the checks that follow
    if parsed is None:
        return
    header, cells_by_position, lines = parsed

    columns: dict[str, np.ndarray] = {}
    for position, name in enumerate(header):
        cells = cells_by_position[position]
        if name in columns:
            problems.append(Problem(path, 1, messages.csv_duplicate_column(name, header.index(name) + 1)))
        elif name in COLUMNS:
            columns[name] = cells
        elif name.strip():
            problems.append(Problem(path, 1, messages.csv_unknown_column(name, COLUMNS)))
        elif (cells != "").any():
            problems.append(Problem(path, 1, messages.csv_unnamed_column(position + 1)))
    if "kind" not in columns:
        problems.append(Problem(path, 1, messages.CSV_NO_KIND))
        return
    empty = columns["kind"] == ""
    if empty.any():  # blank lines are skipped
        empty = np.logical_and.reduce([cells == "" for cells in columns.values()])
        columns = {name: cells[~empty] for name, cells in columns.items()}
        lines = lines[~empty]

    def report(rows: np.ndarray, message: str) -> None:
        problems.extend(Problem(path, int(line), message) for line in lines[rows])

    kinds, kind_problems = table_column(Field("kind", Type.CHOICE, {}), columns["kind"], columns["kind"] != "")
    report(np.flatnonzero(columns["kind"] == ""), messages.missing("kind"))
    for i in np.flatnonzero(kind_problems != None) if kind_problems is not None else []:  # noqa: E711
        report(np.array([i]), messages.invalid("kind", kind_problems[i]))
    if "id" in columns:
        unusable.update(value for value in columns["id"][kinds == ""] if value)

    for kind in KINDS:
        where = np.flatnonzero(kinds == kind)
        if not where.size:
            continue
        # The rows of one kind are usually together: then the columns are sliced, not copied.
        take = slice(where[0], where[-1] + 1) if where[-1] - where[0] + 1 == where.size else where
        cells = {name: values[take] for name, values in columns.items() if name != "kind"}
        for name, values in cells.items():
            if name not in NAMES_OF[kind]:
                report(where[values != ""], messages.csv_not_a_field_of(name, kind))
        named = {k: v for k, v in cells.items() if k in NAMES_OF[kind]}
        rows = Rows(kind, path, lines[take], named, problems, partials if partials is not None else [])
        table, built = rows.read()
        if "id" in rows.cells and not built.all():
            unusable.update(value for value in rows.cells["id"][~built] if value)
        parts[kind].append(table)
