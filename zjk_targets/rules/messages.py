"""Every problem a data file can have, worded once: both engines and both formats report these."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from .schema import DATASET_FIELDS, DATASET_SECTION, MAX_TEXT_CHARS, SCHEMA_VERSION, SECTIONS, YEAR_RANGE

UNSTATED = "does not appear in the excerpt: quote the words that state it, or say how it was worked out in `derived`"


def closest(name: str, options: Iterable[str]) -> str | None:
    """The option most like ``name`` (difflib's choice), if any is close enough."""
    close = difflib.get_close_matches(name, list(options), n=1)
    return close[0] if close else None


def _hint(close: str | None) -> str:
    return f"; did you mean `{close}`?" if close else ""


# -- one value ------------------------------------------------------------------------------


def invalid(field: str, why: str) -> str:
    return f"`{field}`: {why}"


def missing(field: str) -> str:
    return f"missing required field `{field}`"


EMPTY = "must not be empty"


def too_long(length: int) -> str:
    return f"is {length:,} characters long; the limit is {MAX_TEXT_CHARS:,}"


def not_an_id(value: str) -> str:
    return f"`{value}` is not an id: use lowercase letters, digits, '-', '.' and '_'"


def not_a_year(raw: object) -> str:
    return f"`{raw}` is not a year: write four digits, such as 2017"


def implausible_year(value: int) -> str:
    return f"{value} is not a plausible year (expected {YEAR_RANGE[0]}–{YEAR_RANGE[1]})"


def not_a_number(raw: str) -> str:
    return f"`{raw}` is not a number; write digits only and put the unit in `unit`"


def not_finite(raw: str) -> str:
    return f"`{raw}` is not a finite number"


def not_a_flag(raw: str) -> str:
    return f"`{raw}` is not true or false"


def not_a_date(raw: str) -> str:
    return f'`{raw}` is not a date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD"'


def not_one_of(value: str, options: Iterable[str]) -> str:
    listed = list(dict.fromkeys(options))
    return f"`{value}` is not one of {', '.join(listed)}{_hint(closest(value, listed))}"


def octal(raw: str, value: int) -> str:
    return f"`{raw}` is read by YAML 1.1 as the octal number {value}; drop the leading zero"


def read_by_yaml_as(shown: str, reading: str) -> str:
    return f'`{shown}` is read by YAML as {reading}; quote it: "{shown}"'


def not_text(container: str) -> str:
    return f"expected text, found a {container}"


# -- one entry ------------------------------------------------------------------------------


def unknown_field(name: str, fields: Iterable[str]) -> str:
    return f"unknown field `{name}`{_hint(closest(name, sorted(fields)))}"


SOURCE_NEEDS_FILE_OR_URL = "a source needs a `file` (under the sources folder) or a `url`"
URL_SCHEME = "`url` must start with http:// or https://"
YEAR_OR_BY = "give exactly one of `year` (a single-year target) or `by` (a deadline)"
TOLERANCE_ONLY_ABOUT = "`tolerance` belongs only to `about` targets"
TOLERANCE_NEGATIVE = "`tolerance` must not be negative"
ONE_KIND_OF_FIGURE = "give exactly one of `value`, a bound (`min` and/or `max`) or `done`"


def done_target_has_no(field: str) -> str:
    return f"a `done` target has no `{field}`"


def bound_inverted(low: object, high: object) -> str:
    return f"the bound's `min` ({low}) is larger than its `max` ({high})"


def done_observation_unit(done_unit: str) -> str:
    return f'a `done` observation has no unit (or unit "{done_unit}")'


# -- across entries -------------------------------------------------------------------------


def duplicate_id(kind: str, item_id: str, path: str, line: int) -> str:
    return f"duplicate {kind} id `{item_id}` (first at {path}:{line})"


def unknown(kind: str, name: str, close: str | None) -> str:
    return f"unknown {kind} `{name}`{_hint(close)}"


# -- references to ids not defined, one message per cause (rules/references.py) ---------------

ANOTHER_FILE = "If another file defines them, name it as well: `--targets` and `--actuals`, or `--data DIR`."


def defined_beside(path: str, option: str, folder: str | None) -> str:
    """``folder``: where ``--data`` would read both files (None: it reads other names)."""
    both = f", or read both files with `--data {folder}`" if folder is not None else ""
    return f"They are defined in `{path}`, which was not read: add `{option} {path}`{both}."


def did_you_mean(close: str | None) -> str:
    return f"Did you mean `{close}`?" if close else ""


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def undefined_references(count: int, ids: Mapping[str, list[str]], fix: str, shown: int, most: int = 6) -> str:
    """ "108 references to ids not defined in the data read: 6 sources (`gwr-2014`, …). {fix} The first 3 places:"

    ``ids``: the ids of each kind; ``shown``: how many places are listed below."""
    named = " and ".join(
        f"{_counted(len(names), kind)} ({', '.join(f'`{name}`' for name in names[:most])}"
        + (f" and {len(names) - most} more" if len(names) > most else "")
        + ")"
        for kind, names in ids.items()
    )
    places = "The place" if count == 1 else "The places" if shown == count else f"The first {shown} places"
    text = f"{_counted(count, 'reference')} to ids not defined in the data read: {named}."
    return f"{text} {fix} {places}:" if fix else f"{text} {places}:"


def deadline_before_set(by: int, set_year: int) -> str:
    return f"deadline {by} is before the target was set ({set_year})"


def done_needs_milestone(done_unit: str, metric: str, unit: str) -> str:
    return f'a `done` target needs a milestone metric (unit "{done_unit}"); `{metric}` is in {unit}'


def milestone_needs_done_comparator(metric: str) -> str:
    return f"metric `{metric}` is a milestone: use comparator `done`"


def unit_does_not_convert(unit: str, metric_unit: str, metric: str) -> str:
    return f"unit `{unit}` does not convert to `{metric_unit}`, the unit of metric `{metric}`"


def comparator_contradicts(comparator: str, metric: str, direction: str) -> str:
    return f"comparator `{comparator}` contradicts metric `{metric}`, where {direction} is better"


def unstated(number: str, is_goal: bool = False) -> str:
    return f"goal {number} {UNSTATED}" if is_goal else f"{number} {UNSTATED}"


def done_only_for_milestones(metric: str, unit: str) -> str:
    return f"`done` is for milestone metrics; `{metric}` is measured in {unit}"


def milestone_needs_done(metric: str) -> str:
    return f"metric `{metric}` is a milestone: give `done: true` or `done: false`"


# -- what a command says of them ------------------------------------------------------------


def problems_in_data(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} in the data; nothing was evaluated"


# -- reading a file -------------------------------------------------------------------------

FILE_NOT_FOUND = "file not found"
IS_A_DIRECTORY = "is a directory, not a file"
NUL_BYTE = "holds a NUL byte: this is not a text file"
NOT_GZIP = "named .gz, but is not a whole gzip file"


def cannot_read(reason: str) -> str:
    return f"cannot read: {reason}"


def too_large(limit_mb: float, size_mb: float | None = None) -> str:
    what = f"file is {size_mb:.1f} MB," if size_mb is not None else "input is"
    return f"{what} larger than the {limit_mb:g} MB limit: set ZJK_MAX_INPUT_MB to a larger number to read it anyway"


def not_utf8(byte: int) -> str:
    return f"not UTF-8 (byte 0x{byte:02x}): save the file as UTF-8"


# -- the syntax of a YAML file --------------------------------------------------------------

YAML_EMPTY = "holds no data: the file is empty or only comments"
YAML_TAB = "a tab character where YAML expects spaces: indent with spaces"
YAML_DOCUMENTS = "more than one YAML document (---): keep everything in one"
YAML_MERGE_KEY = "merge keys (<<) are not supported: write the fields out"
YAML_KEY_NOT_PLAIN = "a key must be a plain word, not a list or mapping"
YAML_ALIAS = "aliases (*name) are not supported: write the value out in full"


def yaml_tag(tag: str) -> str:
    return f"YAML tag `{tag}` is not allowed: this file may only hold plain data"


def duplicate_key(key: str, first: int) -> str:
    return f"duplicate key `{key}` (first given at line {first})"


def never_closed(what: str) -> str:
    return f"this {what} is never closed: close it or quote the value"


def not_valid_yaml(detail: str, opened_at: int | None = None, needs_quotes: bool = False) -> str:
    where = f" (opened at line {opened_at})" if opened_at is not None else ""
    hint = '; a value holding ": " must be quoted' if needs_quotes else ""
    return f"not valid YAML: {detail}{where}{hint}"


# -- excerpts against the texts of their sources ----------------------------------------------


def source_unreadable(item: str, file: str, source: str, root: object) -> str:
    return f"`{item}`: source file `{file}` of `{source}` cannot be read under {root}"


def excerpt_not_found(item: str, where: object) -> str:
    return f"`{item}`: excerpt not found in {where}"


# -- the layout of a YAML file --------------------------------------------------------------

NOT_A_MAPPING = f"the file must be a mapping with sections {', '.join(SECTIONS)}"


def schema_version(raw: str) -> str:
    return f"`schema_version` {raw} is not supported; this version reads {SCHEMA_VERSION}"


def unknown_section(name: str) -> str:
    return f"unknown section `{name}`{_hint(closest(name, (*SECTIONS, DATASET_SECTION)))}"


DATASET_NOT_A_MAPPING = f"`{DATASET_SECTION}` must be a mapping of fields: {', '.join(DATASET_FIELDS)}"


def dataset_named_twice(path: str, line: int) -> str:
    return f"`{DATASET_SECTION}` is given twice (first at {path}:{line}): name the data in one file"


def section_not_a_list(name: str) -> str:
    return f"`{name}` must be a list of entries, each starting with `- `"


def entry_not_a_mapping(section: str, kind: str) -> str:
    return f"each entry of `{section}` must be a mapping of fields, not {kind}"


# -- the layout of a CSV file ---------------------------------------------------------------

CSV_EMPTY = "holds no data: the file is empty; the first line names the columns"
CSV_NO_HEADER = "the first line must name the columns (kind, id, …)"
CSV_UNCLOSED_QUOTE = 'a quoted value is never closed: end it with "'
CSV_NO_KIND = "no column `kind`: each row says what it is: source, metric, target or observation"


def csv_too_many_values(count: int, width: int) -> str:
    return f"{count} values where the header names {width} columns: quote a value that holds a comma"


def csv_duplicate_column(name: str, first: int) -> str:
    return f"duplicate column `{name}` (first at column {first})"


def csv_unnamed_column(position: int) -> str:
    return f"column {position} has no name"


def csv_unknown_column(name: str, columns: Iterable[str]) -> str:
    return f"unknown column `{name}`{_hint(closest(name, sorted(columns)))}"


def csv_not_a_field_of(field: str, kind: str) -> str:
    return f"`{field}` is not a field of a {kind}: leave it empty"


def csv_no_column(field: str, kind: str) -> str:
    return f"no column `{field}`, which {kind}s need"
