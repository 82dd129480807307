"""Property tests: arbitrary YAML never crashes the loader; arbitrary text never breaks an output."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import yaml
from conftest import SOURCES, metric, obs, target
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zjk_targets.errors import DataError
from zjk_targets.load import load_dataset
from zjk_targets.model import Dataset, Target
from zjk_targets.render import csv as csv_render
from zjk_targets.render import json as json_render
from zjk_targets.render import markdown
from zjk_targets.rules.csv_layout import COLUMNS
from zjk_targets.rules.verdicts import evaluate

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20))
FIELDS = ["id", "metric", "goal", "year", "by", "comparator", "unit", "source", "excerpt", "zh", "en", "value"]
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(FIELDS + ["sources", "metrics", "targets", "observations"]), children, max_size=5
        ),
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_the_loader_answers_any_yaml_document_with_data_or_problems(tmp_path, document) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    try:
        load_dataset([path])
    except DataError as error:
        assert error.problems
        assert all(str(problem).startswith(str(path)) for problem in error.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.binary(max_size=200))
def test_the_loader_answers_any_bytes(tmp_path, text) -> None:
    path = tmp_path / "data.yaml"
    path.write_bytes(text)
    try:
        load_dataset([path])
    except DataError as error:
        assert error.problems


def _dataset(name: str, excerpt: str, category: str) -> Dataset:
    base = target()
    hostile = Target(**{**base.__dict__, "en": name, "zh": name, "excerpt": excerpt, "category": category})
    observations = (obs("a", 2017, "9"),)
    return Dataset(dict(SOURCES), {"m": metric()}, (hostile,), observations)


texts = st.text(min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(name=texts, excerpt=texts, category=st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True))
def test_renderers_stay_well_formed(name, excerpt, category) -> None:
    dataset = _dataset(name, excerpt, category)
    verdicts = evaluate(dataset)

    data = json.loads(json_render.render(dataset, verdicts))
    assert data["targets"][0]["en"] == name

    rows = list(csv.reader(io.StringIO(csv_render.render(dataset, verdicts), newline="")))
    assert len(rows) == 2 and len(rows[1]) == len(COLUMNS)
    assert rows[1][COLUMNS.index("excerpt")] in (excerpt, "'" + excerpt)

    table_rows = [line for line in markdown.render(dataset, verdicts, full=True).splitlines() if line.startswith("| `")]
    assert len(table_rows) == 1
    assert table_rows[0].replace("\\\\", "").replace("\\|", "").count("|") == 5


def test_goal_numbers_round_trip_through_json() -> None:
    dataset = _dataset("x", "y", "economy")
    data = json.loads(json_render.render(dataset, evaluate(dataset)))
    assert Decimal(str(data["targets"][0]["goal"])) == Decimal("8")
