"""Each rule of the rule book applied by both engines, whoever adds it.

The checks of one entry (rules/checks.py, CHECKS) are registered by name; the columnar engine
clears rows of a check by a mask of the same name (columnar/clears.py) and sends every other row to
the rule book. So a mask may only be named after a registered check; each registered check has a
broken case here, read by the per-target engine (YAML) and the columnar engine (CSV), whose
messages must agree one for one; and a check added at run time is applied by both. The same for
the verdict rules (rules/verdicts.py, RULES), whose exports must agree byte for byte.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from zjk_targets import columnar, engine
from zjk_targets.columnar import clears, judging
from zjk_targets.errors import DataError
from zjk_targets.load import load_dataset
from zjk_targets.model import Status
from zjk_targets.rules import checks, verdicts
from zjk_targets.rules.schema import CSV_COLUMNS, FIELDS_OF, KINDS, Type

Entries = dict[str, list[dict[str, str]]]
"""Entries by kind, each as its fields' texts."""


def _good() -> Entries:
    return {
        "source": [
            {"id": "report", "title": "Work report", "publisher": "City", "published": "2017-04-10"}
            | {"trust": "official", "url": "https://e.org"},
        ],
        "metric": [
            {"id": "gdp-growth", "zh": "增速", "en": "GDP growth", "unit": "%", "direction": "higher"},
            {"id": "forest", "zh": "造林", "en": "Afforestation", "unit": "万亩", "direction": "higher"},
            {"id": "museum", "zh": "博物馆", "en": "Museum", "unit": "done", "direction": "higher"},
        ],
        "target": [
            {"id": "gdp-2017", "metric": "gdp-growth", "zh": "增长8%", "en": "GDP +8 %", "category": "economy"}
            | {"comparator": ">=", "goal": "8", "unit": "%", "year": "2017", "source": "report", "excerpt": "增长8%"},
            {"id": "museum-2018", "metric": "museum", "zh": "建成", "en": "Built", "category": "culture"}
            | {"comparator": "done", "by": "2018", "source": "report", "excerpt": "建成博物馆"},
        ],
        "observation": [
            {"id": "gdp-2017-a", "metric": "gdp-growth", "year": "2017", "value": "7", "unit": "%"}
            | {"source": "report", "excerpt": "增长7%"},
            {"id": "forest-2017-a", "metric": "forest", "year": "2017", "min": "7", "max": "9", "unit": "万亩"}
            | {"source": "report", "excerpt": "造林7至9万亩"},
            {"id": "museum-2018-a", "metric": "museum", "year": "2018", "done": "true", "source": "report"}
            | {"excerpt": "博物馆建成"},
        ],
    }


def _changed(kind: str, index: int, **fields: str) -> Entries:
    entries = _good()
    entries[kind][index] = {**entries[kind][index], **fields}
    for name in [name for name, value in fields.items() if value == ""]:
        del entries[kind][index][name]
    return entries


CHECK_CASES: dict[str, Entries] = {
    "url-scheme": _changed("source", 0, url="ftp://e.org"),
    "source-file-inside": _changed("source", 0, file="../../etc/passwd"),
    "tolerance-not-negative": _changed("target", 0, comparator="about", tolerance="-0.5"),
    "bound-in-order": _changed("observation", 1, min="9", max="7"),
    "done-figure-unit": _changed("observation", 2, unit="%"),
    "deadline-not-before-report": _changed("target", 1, by="2016"),
    "done-goal-of-milestone": _changed("target", 1, metric="gdp-growth"),
    "milestone-done-goal": _changed("target", 0, metric="museum"),
    "goal-unit-converts": _changed("target", 0, unit="万亩"),
    "comparator-fits-direction": _changed("target", 0, comparator="<="),
    "goal-stated": _changed("target", 0, excerpt="增长9%"),
    "figure-of-metric-kind": _changed("observation", 2, metric="gdp-growth"),
    "figure-unit-converts": _changed("observation", 0, unit="万亩"),
    "figures-stated": _changed("observation", 1, excerpt="造林7至8万亩"),
}
"""One broken case of each registered check: the good entries with the fields that break it."""

_TYPES = {kind: {field.name: field.type for field in FIELDS_OF[kind]} for kind in KINDS}


def _write(entries: Entries, folder: Path) -> tuple[Path, Path]:
    """The entries as a YAML file and as a CSV file."""
    lines = []
    for kind, section in KINDS.items():
        lines.append(f"{section}:")
        for entry in entries[kind]:
            for i, (name, text) in enumerate(entry.items()):
                plain = _TYPES[kind][name] in (Type.NUMBER, Type.YEAR, Type.FLAG)
                lines.append(f"{'- ' if i == 0 else '  '}{name}: {text if plain else json.dumps(text)}")
    yaml_path, csv_path = folder / "data.yaml", folder / "data.csv"
    yaml_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for kind in KINDS:
        for entry in entries[kind]:
            writer.writerow([kind if column == "kind" else entry.get(column, "") for column in CSV_COLUMNS])
    csv_path.write_text(buffer.getvalue(), encoding="utf-8")
    return yaml_path, csv_path


def _messages(read: Callable[[list[Path]], object], path: Path) -> list[str]:
    try:
        read([path])
    except DataError as error:
        return sorted(problem.message for problem in error.problems)
    return []


def _both(entries: Entries, folder: Path) -> tuple[list[str], list[str]]:
    """The messages of the per-target engine on the YAML, and of the columnar engine on the CSV."""
    yaml_path, csv_path = _write(entries, folder)
    return _messages(load_dataset, yaml_path), _messages(columnar.to_dataset, csv_path)


def test_the_good_case_is_good(tmp_path) -> None:
    assert _both(_good(), tmp_path) == ([], [])


def test_each_mask_is_named_after_a_registered_check() -> None:
    assert set(clears.CLEARS) <= set(checks.CHECKS)


def test_each_registered_check_has_a_broken_case() -> None:
    assert set(CHECK_CASES) == set(checks.CHECKS)


@pytest.mark.parametrize("masks", ["masks", "no-masks"])
@pytest.mark.parametrize("name", list(CHECK_CASES))
def test_both_engines_give_the_messages_of_each_check(tmp_path, monkeypatch, name, masks) -> None:
    """The case breaks its check (without the check, the messages are others), and both engines
    report it alike, message for message; without any mask too (every row then goes to the rule book)."""
    if masks == "no-masks":
        monkeypatch.setattr(clears, "CLEARS", {})
    from_yaml, from_csv = _both(CHECK_CASES[name], tmp_path)
    assert from_yaml and from_csv == from_yaml
    monkeypatch.delitem(checks.CHECKS, name)
    without_yaml, without_csv = _both(CHECK_CASES[name], tmp_path)
    assert without_yaml != from_yaml and without_csv == without_yaml


def test_a_check_added_at_run_time_is_applied_by_both_engines(tmp_path, monkeypatch) -> None:
    """The columnar engine has no mask of it, so it runs in the rule book on every row."""

    def goal_below_eight(target, metric, source, unread) -> list[str]:
        return ["goal of 8 or more"] if target.goal is not None and target.goal >= 8 else []

    added = checks.Check("target", checks.Stage.ENTRY, goal_below_eight)
    monkeypatch.setitem(checks.CHECKS, "goal-below-eight", added)
    from_yaml, from_csv = _both(_good(), tmp_path)
    assert from_yaml == from_csv == ["goal of 8 or more"]


def test_a_value_check_added_at_run_time_is_applied_by_both_engines(tmp_path, monkeypatch) -> None:
    def no_range(given, values) -> checks.Problems:
        return [("min", "no ranges here")] if "min" in given else []

    monkeypatch.setitem(checks.CHECKS, "no-range", checks.Check("observation", checks.Stage.VALUES, no_range, True))
    from_yaml, from_csv = _both(_good(), tmp_path)
    assert from_yaml == from_csv == ["no ranges here"]


# ------------------------------------------------------------------------------------------
# Verdict rules: registered by name in rules/verdicts.py (RULES); the columnar engine judges on
# arrays only when it states each of them (columnar/judging.py ARRAY_RULES), else by the rule book.


def _judged(*observations: dict[str, str], **target: str) -> Entries:
    """A target of GDP growth ≥ 8 % in 2017 (or as ``target`` says) and the ``observations``."""
    entries = _good()
    entries["source"] += [
        {"id": "news", "title": "News", "publisher": "Daily", "published": "2018-01-20", "trust": "news"}
        | {"url": "https://e.org/n"},
        {"id": "bureau", "title": "Communiqué", "publisher": "Bureau", "published": "2018-03-01"}
        | {"trust": "official", "url": "https://e.org/b"},
    ]
    entries["target"] = [{**entries["target"][0], **target}]
    entries["target"][0] = {name: text for name, text in entries["target"][0].items() if text}
    entries["observation"] = [
        {"id": f"gdp-{i}", "metric": "gdp-growth", "unit": "%", "source": "bureau"} | observation
        for i, observation in enumerate(observations)
    ]
    return entries


VERDICT_CASES: dict[str, tuple[Entries, str]] = {
    "own-metric-decides": (
        _judged({"year": "2017", "value": "9", "excerpt": "增长9%", "proxy": "a neighbour's figure"}),
        "proxy",
    ),
    "latest-publication-decides": (
        _judged(
            {"year": "2017", "value": "7", "excerpt": "增长7%", "source": "news"},
            {"year": "2017", "value": "9", "excerpt": "增长9%"},
        ),
        "Daily 2018-01-20 gave 7 %",
    ),
    "deadline-year-decides": (
        _judged({"year": "2018", "value": "9", "excerpt": "增长9%"}, year="", by="2019"),
        "met before the 2019 deadline",
    ),
    "bound-wholly-on-one-side": (
        _judged({"year": "2017", "min": "7", "max": "9", "excerpt": "增长7至9%"}),
        "straddles",
    ),
    "unknown-without-a-figure": (_judged({"year": "2015", "value": "9", "excerpt": "增长9%"}), "no 2017 figure"),
}
"""A case of each verdict rule, and words of the reason it gives."""


def _exports(entries: Entries, folder: Path) -> tuple[str, str]:
    """``export --format csv`` by the per-target engine (YAML) and by the columnar engine (CSV)."""
    yaml_path, csv_path = _write(entries, folder)
    return engine.export_csv([yaml_path]), engine.export_csv([csv_path])


def test_the_array_form_states_registered_verdict_rules() -> None:
    assert judging.ARRAY_RULES.issubset(verdicts.RULES)


def test_each_registered_verdict_rule_has_a_case() -> None:
    assert set(VERDICT_CASES) == set(verdicts.RULES)


@pytest.mark.parametrize("name", list(VERDICT_CASES))
def test_both_engines_give_the_verdict_of_each_rule(tmp_path, name) -> None:
    entries, words = VERDICT_CASES[name]
    from_yaml, from_csv = _exports(entries, tmp_path)
    assert words in from_yaml and from_csv == from_yaml


def test_a_verdict_rule_added_at_run_time_is_applied_by_both_engines(tmp_path, monkeypatch) -> None:
    """The array form does not state it: the columnar engine judges by the rule book, alike."""

    def held_back(verdict: verdicts.Verdict, dataset) -> verdicts.Verdict:
        if verdict.target.goal != 8:
            return verdict
        return dataclasses.replace(verdict, status=Status.UNKNOWN, reason="held back by a rule added in a test")

    entries, _ = VERDICT_CASES["latest-publication-decides"]
    before, _ = _exports(entries, tmp_path)
    monkeypatch.setitem(verdicts.RULES, "held-back", verdicts.VerdictRule(0, held_back))
    from_yaml, from_csv = _exports(entries, tmp_path)
    assert "held back by a rule added in a test" in from_yaml and from_yaml != before
    assert from_csv == from_yaml
