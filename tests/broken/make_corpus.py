"""Writes the corpus of broken inputs beside this file: python tests/broken/make_corpus.py"""

from pathlib import Path

BASE = """sources:
  - id: src
    title: Report
    publisher: City
    published: "2017-04-10"
    file: report.txt
    trust: official
metrics:
  - id: gdp
    zh: 增速
    en: Growth
    unit: "%"
    direction: higher
targets:
  - id: gdp-2017
    metric: gdp
    zh: 增长8%
    en: Grows 8 %
    category: economy
    comparator: ">="
    goal: 8
    unit: "%"
    year: 2017
    source: src
    excerpt: 增长8%
observations:
  - id: gdp-2017-a
    metric: gdp
    year: 2017
    value: 7
    unit: "%"
    source: src
    excerpt: 增长7%
"""


def sub(old, new):
    assert old in BASE, old
    return BASE.replace(old, new, 1)


T_YEAR = "    year: 2017\n    source: src\n    excerpt: 增长8%"
O_YEAR = "    year: 2017\n    value: 7"
cases = {
    "syntax-error": sub("  - id: gdp-2017\n", "  - id: gdp-2017\n    en: [unclosed\n"),
    "tab-indent": sub("    metric: gdp\n    zh: 增长8%", "\tmetric: gdp\n    zh: 增长8%"),
    "unclosed-quote": sub('published: "2017-04-10"', 'published: "2017-04-10'),
    "list-not-mapping": "- sources\n- metrics\n",
    "section-not-list": sub(
        'metrics:\n  - id: gdp\n    zh: 增速\n    en: Growth\n    unit: "%"\n    direction: higher\n', "metrics: gdp\n"
    ),
    "entry-not-mapping": sub("metrics:\n", "metrics:\n  - just a word\n"),
    "empty-file": "",
    "only-comment": "# nothing here yet\n",
    "duplicate-key": sub("    goal: 8\n", "    goal: 8\n    goal: 9\n"),
    "bom": "\ufeff" + BASE,
    "missing-field": sub("    category: economy\n", ""),
    "comparator-typo": sub('    comparator: ">="', '    comparater: ">="'),
    "unknown-section": sub("targets:\n", "targtes:\n"),
    "goal-is-text": sub("    goal: 8\n", '    goal: "8%"\n'),
    "id-no-is-boolean": sub("  - id: gdp-2017\n", "  - id: no\n"),
    "year-octal": sub(T_YEAR, T_YEAR.replace("2017", "012")),
    "goal-nan": sub("    goal: 8\n", "    goal: .nan\n"),
    "goal-inf": sub("    goal: 8\n", "    goal: .inf\n"),
    "year-chinese": sub(O_YEAR, O_YEAR.replace("2017", "二〇一七")),
    "year-negative": sub(O_YEAR, O_YEAR.replace("2017", "-5")),
    "year-five-digits": sub(O_YEAR, O_YEAR.replace("2017", "20177")),
    "unknown-comparator": sub('comparator: ">="', 'comparator: "=>"'),
    "bound-min-over-max": sub("    value: 7\n", "    min: 8\n    max: 7\n"),
    "value-and-bound": sub("    value: 7\n", "    value: 7\n    min: 6\n"),
    "duplicate-target-id": sub(
        "observations:",
        '  - id: gdp-2017\n    metric: gdp\n    zh: 增长8%\n    en: Grows 8 %\n    category: economy\n    comparator: ">="\n    goal: 8\n    unit: "%"\n    year: 2017\n    source: src\n    excerpt: 增长8%\nobservations:',
    ),
    "unknown-metric": sub("    metric: gdp\n    zh: 增长8%", "    metric: gpd\n    zh: 增长8%"),
    "unknown-source": sub(T_YEAR, T_YEAR.replace("source: src", "source: report")),
    # One mistake in many places is one problem; an unrelated one is still its own.
    "unknown-source-in-many-places": sub("    metric: gdp\n    zh: 增长8%", "    metric: gpd\n    zh: 增长8%").replace(
        "observations:",
        "".join(
            f"  - id: gdp-{year}\n    metric: gdp\n    zh: 增长8%\n    en: Grows 8 %\n    category: economy\n"
            f'    comparator: ">="\n    goal: 8\n    unit: "%"\n    year: {year}\n    source: srcs\n    excerpt: 增长8%\n'
            for year in range(2018, 2023)
        )
        + "observations:",
    ),
    "observation-unknown-metric": sub("    metric: gdp\n    year: 2017", "    metric: gdq\n    year: 2017"),
    "unit-does-not-convert": sub('    value: 7\n    unit: "%"', "    value: 7\n    unit: 万元"),
    "direction-contradicts": sub('comparator: ">="', 'comparator: "<="'),
    "python-object-tag": sub("    goal: 8\n", '    goal: !!python/object/apply:os.system ["echo hacked"]\n'),
    "custom-tag": sub("    goal: 8\n", "    goal: !money 8\n"),
    "billion-laughs": 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    "multiple-documents": BASE + "---\nsources: []\n",
    "year-and-by": sub(T_YEAR, T_YEAR.replace("    year: 2017\n", "    year: 2017\n    by: 2021\n")),
    "deadline-before-report": sub(T_YEAR, T_YEAR.replace("year: 2017", "by: 2015")),
    "about-without-tolerance": sub('comparator: ">="', "comparator: about"),
    "done-with-goal": sub('comparator: ">="', "comparator: done"),
    "number-not-in-excerpt": sub("    excerpt: 增长7%", "    excerpt: 增长较快"),
    "bad-trust": sub("trust: official", "trust: oficial"),
    "bad-date": sub('published: "2017-04-10"', 'published: "10 April 2017"'),
    "impossible-date": sub('published: "2017-04-10"', "published: 2023-02-30"),
    "year-zero-date": sub('published: "2017-04-10"', 'published: "0000-01-01"'),
    "full-width-date": sub('published: "2017-04-10"', 'published: "２０１７-０４-１０"'),
    "source-file-absolute": sub("file: report.txt", "file: /etc/passwd"),
    "source-file-escapes": sub("file: report.txt", "file: ../../../etc/passwd"),
    "nested-500-levels": sub("    en: Grows 8 %\n", "    en: " + "[" * 500 + "]" * 500 + "\n"),
    "source-without-file-or-url": sub("    file: report.txt\n", ""),
    "wrong-type-list": sub("    en: Grows 8 %\n", "    en: [Grows, 8]\n"),
    "schema-version": "schema_version: 2\n" + BASE,
    "merge-key": sub("  - id: gdp-2017-a\n", "  - <<: {note: x}\n    id: gdp-2017-a\n"),
    "done-for-a-number-metric": sub('    value: 7\n    unit: "%"\n', "    done: true\n"),
    "alias-in-data": sub("    en: Growth\n", "    en: &e Growth\n").replace("    en: Grows 8 %\n", "    en: *e\n"),
    # Problems of every kind at once, each reported in one run: a value that cannot be read does not
    # hide the entry's unit, direction and references.
    "several-kinds-at-once": sub(
        '    comparator: ">="\n    goal: 8\n    unit: "%"\n    year: 2017\n    source: src\n',
        '    comparator: "<="\n    goal: "8%"\n    unit: 万元\n    year: 2017\n    source: reprot\n',
    ).replace("    metric: gdp\n    year: 2017\n    value: 7\n", "    metric: gdq\n    year: 2017\n    value: seven\n"),
    "long-string": sub("    en: Grows 8 %\n", "    en: " + "x" * 1_048_576 + "\n"),
}
HERE = Path(__file__).parent
for name, text in cases.items():
    (HERE / f"{name}.yaml").write_text(text, encoding="utf-8")
(HERE / "non-utf8.yaml").write_bytes(BASE.encode().replace(b"Report", b"R\xe9port"))
(HERE / "nul-byte.yaml").write_bytes(BASE.encode().replace(b"Grows 8 %", b"Grows\x00 8 %"))
(HERE / "_actuals.yaml").write_text("schema_version: 1\n", encoding="utf-8")
