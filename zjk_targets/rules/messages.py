"""Every problem a data file can have, worded once: both engines and both formats report these."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from .schema import DATASET_FIELDS, DATASET_SECTION, MAX_TEXT_CHARS, SCHEMA_VERSION, SECTIONS, YEAR_RANGE
from .whole_dataset import HASH, MANIFEST_FORMAT, MANIFEST_NAME

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


def source_file_outside(path: str) -> str:
    return f"`file` {path} leads outside the sources folder: name a file under it (no absolute path, no `..`)"


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


NOT_A_REGULAR_INPUT = "is not a regular file (a FIFO, device or socket): save it to a file and name that"
GZIP_TRAILING_DATA = "named .gz, but holds bytes after its gzip data: it is damaged or not one gzip file"


# -- writing a file -------------------------------------------------------------------------
# Said by the writer: each is one line after "cannot write PATH: ", and nothing of the user's is lost.

PERMISSION_DENIED = "permission denied"
WRITE_IS_A_DIRECTORY = "it is a directory"
READ_ONLY = (
    "it is read-only (or another user's) by its permission bits; nothing was written: "
    "change its mode or write elsewhere"
)
FIFO_NO_READER = "it is a FIFO that nothing is reading; nothing was written"
LINK_LOOP = "it is a symbolic link that loops; nothing was written"


REPORT_OUTSIDE = (
    "outside this folder, so validation refuses its source's `file:`: run extract from a folder that holds the reports"
)


def cannot_write_stdout(why: str) -> str:
    return f"cannot write the output: {why}"


def stdout_encoding(encoding: str) -> str:
    return cannot_write_stdout(
        f"its encoding, {encoding}, cannot show the text: set PYTHONIOENCODING=utf-8 or use a UTF-8 locale"
    )


def pager_failed(pager: str, status: int) -> str:
    return f"the pager `{pager}` failed (exit status {status}), so nothing was shown: fix PAGER, or use --no-pager"


def cannot_write(path: str, why: str) -> str:
    return f"cannot write {path}: {why}"


def no_folder(folder: str) -> str:
    return f"folder {folder} does not exist"


def not_a_regular_file(kind: str) -> str:
    return f"it is {kind}, not a regular file; nothing was written"


def hard_links(count: int) -> str:
    return (
        f"it has {count} hard links, which replacing it would split and writing in place could leave "
        "half-written; nothing was written: remove this name first or write elsewhere"
    )


def outside_folder(folder: str) -> str:
    return f"the name leads outside the output folder {folder}; nothing was written"


def cannot_append_summary(path: str, why: str) -> str:
    return f"cannot append to GITHUB_STEP_SUMMARY ({path}): {why}"


def not_a_folder(path: str, option: str = "--output", exists: bool = True) -> str:
    """A path given for a folder that is not one (``option`` names where it was given, "" for none)."""
    return f"{option + ' ' if option else ''}{path}: {'not a folder' if exists else 'folder not found'}"


def cannot_create_folder(folder: str, why: str) -> str:
    return f"cannot create folder {folder}: {why}"


NOT_UTF16 = "starts with a UTF-16 byte-order mark, but is not UTF-16 text: save it as UTF-8"


# -- the syntax of a YAML file --------------------------------------------------------------


def yaml_too_deep(limit: int) -> str:
    return f"nested more than {limit} levels deep: data is a few levels of lists and mappings; nothing was read"


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


# -- the national dataset: what build-national skips or refuses, and what its readers check --

NAME_NOT_UTF8 = "its name is not UTF-8: rename it"
NAME_CONTROL = "its name holds a control character: rename it"
NO_SLUG = (
    "not a place of the place table, and its name gives no slug (lowercase letters, digits and '-'): "
    "name the folder by its place, as 邯郸市"
)


def same_place(first: str, slug: str) -> str:
    return f"the same place as {first} ({slug}): a place is built from one folder"


def impossible_report_date(date: str) -> str:
    return f"its date {date} is no day of the calendar"


def implausible_report_year(year: int) -> str:
    return f"its year: {implausible_year(year)}"


def nothing_read(collection: str, reports: int) -> str:
    if not reports:
        return f"{collection}: no reports (YEAR.md, in a folder for each place); nothing was written"
    return f"{collection}: none of its {_counted(reports, 'report')} could be read; nothing was written"


def being_built(output: str, pid: str, lock: str) -> str:
    return (
        f"--output {output}: being built by another zjk-targets build-national (process {pid}); "
        f"if none is running, remove {lock}"
    )


def not_a_dataset(output: str) -> str:
    return (
        f"--output {output}: holds files but no {MANIFEST_NAME}, so which are the build's cannot be told "
        "(a dataset built before the manifest, or other files); nothing was changed: remove the folder, "
        "or choose a new or empty one"
    )


def not_the_build_s(output: str, problems: list[str]) -> str:
    return (
        f"--output {output}: holds what build-national did not write ({_first_few(problems)}); "
        "nothing was changed: move them away, or choose another folder"
    )


DATASET_MISSING = "missing"
DATASET_CHANGED = "changed since it was built"
DATASET_EXTRA = "not written by the build"
DATASET_NOT_REGULAR = "not a regular file"
NO_MANIFEST = f"no {MANIFEST_NAME}: not written by build-national, or by one before it kept a manifest"
REBUILD = "build it again with zjk-targets build-national"
REINSTALL = "reinstall zjk-targets"


def manifest_unreadable(why: str) -> str:
    return f"{MANIFEST_NAME}: {why}"


def manifest_format(found: str) -> str:
    return f"its format is {found}, not {MANIFEST_FORMAT}"


MANIFEST_FILES = f"its `files` are not each file's name and {HASH} digest"


def bad_slug(line: int, slug: str) -> str:
    return f"line {line}: `{slug}` is not a slug (lowercase letters, digits and '-')"


def slug_again(line: int, slug: str, first: int) -> str:
    return f"line {line}: the slug `{slug}` of line {first} again"


def _first_few(problems: list[str], shown: int = 3) -> str:
    more = f"; {len(problems) - shown:,} more" if len(problems) > shown else ""
    return "; ".join(problems[:shown]) + more


def dataset_refused(what: str, problems: list[str], fix: str) -> str:
    """One line: which dataset, its first problems (``NAME: why``), how many more, and the fix."""
    return f"{what}: not a whole dataset of build-national ({_first_few(problems)}): {fix}"


def curated_files_exist(output: str, names: list[str]) -> str:
    held = " and ".join(names)
    return (
        f"--output {output}: {held} {'is' if len(names) == 1 else 'are'} there already; nothing was written: "
        "give --force to replace them, or another folder"
    )
