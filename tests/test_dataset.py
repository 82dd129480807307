"""The national dataset is whole or refused: build-national writes a new folder and swaps it in under a
lock, with a manifest every reader checks; a bad report is skipped with one line and spoils nothing
else; slugs are checked on read. Each case on a tiny collection made here."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import signal
from pathlib import Path

import pytest
from conftest import ROOT, seal

from zjk_targets.bundled import national_dir
from zjk_targets.cli import app
from zjk_targets.national.manifest import check

CITIES = "政府工作报告-其他地市"
REBUILD = "build it again with zjk-targets build-national"


def _report(place: str, date: str, targets: str = "地区生产总值增长6%", review: str = "全市生产总值增长4%。") -> str:
    return (
        f"---\ntitle: {place}政府工作报告（{date} 某某）\n---\n\n"
        f"——{date}在{place}第一届人民代表大会第一次会议上\n\n各位代表：\n\n"
        f"一、过去一年工作回顾\n\n{review}\n\n二、今年工作安排\n\n"
        f"今年经济社会发展的主要预期目标是：{targets}。\n"
    )


def _collection(root: Path, places: dict[str, list[str]]) -> Path:
    """A folder of place folders: each place's reports by the date under their titles."""
    for place, dates in places.items():
        (root / place).mkdir(parents=True, exist_ok=True)
        for date in dates:
            (root / place / f"{date[:4]}.md").write_text(_report(place, date), encoding="utf-8")
    return root


def _two_cities(tmp_path: Path, name: str = "a") -> Path:
    return _collection(
        tmp_path / name / CITIES, {"邯郸市": ["2021年1月20日", "2022年1月18日"], "廊坊市": ["2021年1月9日"]}
    )


def _build(runner, collection: Path, out: Path, *more: str):
    return runner.invoke(app, ["build-national", str(collection), "--output", str(out), *more])


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _leftovers(out: Path) -> list[str]:
    """What a build left beside its folder: its lock, a new folder never swapped in, an old one."""
    return sorted(path.name for path in out.parent.iterdir() if path.name.startswith(f".{out.name}."))


@pytest.fixture
def built(runner, tmp_path) -> Path:
    out = tmp_path / "national"
    result = _build(runner, _two_cities(tmp_path), out)
    assert result.exit_code == 0, result.output
    return out


# -- the manifest ---------------------------------------------------------------------------


def test_the_manifest_lists_every_file_with_its_hash_and_the_builds_inputs(runner, tmp_path, built) -> None:
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    files = _files(built)
    del files["manifest.json"]
    assert manifest["files"] == {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    assert sorted(files) == ["cities.csv", "cities/handan.yaml.gz", "cities/langfang.yaml.gz", "national.csv.gz"]
    assert (manifest["format"], manifest["hash"], manifest["inputs"]) == (
        "zjk-targets national dataset 1",
        "sha256",
        {"collection": CITIES},  # the collection's name alone: no path of the machine it was built on
    )
    assert manifest["counts"] == {"places": 2, "reports": 3, "read": 3, "headline_targets": 3}
    assert check(built) == []
    again = _build(runner, _two_cities(tmp_path, "b"), tmp_path / "again", "--source-url", "https://example.org/")
    assert json.loads((tmp_path / "again" / "manifest.json").read_bytes())["inputs"]["source_url"] == (
        "https://example.org/"
    )
    assert _leftovers(built) == [] and again.exit_code == 0


def test_the_bundled_data_is_whole_and_names_what_it_was_built_from() -> None:
    folder = national_dir()
    assert check(folder) == []
    inputs = json.loads((folder / "manifest.json").read_bytes())["inputs"]
    commit = re.search(r"lawtext/gov \(commit ([0-9a-f]{40})\)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert commit is not None
    assert inputs == {
        "collection": "gov",
        "commit": commit.group(1),
        "source_url": f"https://github.com/lawtext/gov/blob/{commit.group(1)}/",
    }


# -- every reader checks it -----------------------------------------------------------------


def _damage(out: Path, how: str) -> str:
    """Damage the dataset one way; what the refusal names."""
    if how == "missing":
        (out / "cities" / "langfang.yaml.gz").unlink()
        return "cities/langfang.yaml.gz: missing"
    if how == "changed":
        with open(out / "cities.csv", "a", encoding="utf-8") as handle:
            handle.write("zhangjiakou,张家口市,zhangjiakou,河北,130700,2021,1,1,city,hebei\n")
        return "cities.csv: changed since it was built"
    if how == "extra":
        (out / "cities" / "my-backup.yaml.gz").write_bytes(b"mine")
        return "cities/my-backup.yaml.gz: not written by the build"
    if how == "link":
        moved = out.parent / "elsewhere.csv.gz"
        (out / "national.csv.gz").rename(moved)
        (out / "national.csv.gz").symlink_to(moved)
        return "national.csv.gz: not a regular file"
    if how == "mixed":  # an old build's national.csv.gz beside a new build's cities.csv
        (out / "national.csv.gz").write_bytes((out / "cities" / "handan.yaml.gz").read_bytes())
        return "national.csv.gz: changed since it was built"
    (out / "manifest.json").unlink()
    return "no manifest.json: not written by build-national, or by one before it kept a manifest"


DAMAGES = ["missing", "changed", "extra", "link", "mixed", "no manifest"]
READERS = [
    ["national"],
    ["national", "-f", "csv", "--level", "city"],
    ["escalation"],
    ["escalation", "-f", "csv"],
]


@pytest.mark.parametrize("how", DAMAGES)
@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_every_reader_refuses_a_dataset_not_as_built_in_one_line(runner, built, how, command) -> None:
    problem = _damage(built, how)
    result = runner.invoke(app, [*command, "--national", str(built)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"zjk-targets: --national {built}: not a whole dataset of build-national ({problem}): {REBUILD}\n",
    )


@pytest.mark.parametrize("how", DAMAGES)
def test_national_html_refuses_it_and_writes_nothing(runner, built, tmp_path, how) -> None:
    problem = _damage(built, how)
    result = runner.invoke(app, ["national", "--national", str(built), "-f", "html", "-o", str(tmp_path / "site")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"zjk-targets: --national {built}: not a whole dataset of build-national ({problem}): {REBUILD}\n",
    )
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("command", [["record", "--no-pager"], ["report"], ["show", "gdp-growth-2021"]])
def test_city_refuses_the_bundled_data_when_it_is_not_whole(runner, built, monkeypatch, command) -> None:
    monkeypatch.setattr("zjk_targets.commands.reading.national_dir", lambda: built)
    assert runner.invoke(app, [*command, "--city", "邯郸"]).exit_code in (0, 1)
    (built / "cities" / "my-backup.yaml.gz").write_bytes(b"mine")
    result = runner.invoke(app, [*command, "--city", "邯郸"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"zjk-targets: {built}: not a whole dataset of build-national "
        "(cities/my-backup.yaml.gz: not written by the build): reinstall zjk-targets\n",
    )


def test_many_problems_are_still_one_line(runner, built) -> None:
    for number in range(5):
        (built / "cities" / f"extra-{number}.yaml.gz").write_bytes(b"x")
    result = runner.invoke(app, ["national", "--national", str(built)])
    assert result.stderr == (
        f"zjk-targets: --national {built}: not a whole dataset of build-national (cities/extra-0.yaml.gz: not "
        "written by the build; cities/extra-1.yaml.gz: not written by the build; cities/extra-2.yaml.gz: not "
        f"written by the build; 2 more): {REBUILD}\n"
    )


# -- slugs are checked on read, even where the manifest was written anew ----------------------


@pytest.mark.parametrize(
    ("slug", "problem"),
    [
        ("../../ESCAPED", "cities.csv: line 3: `../../ESCAPED` is not a slug (lowercase letters, digits and '-')"),
        ("/tmp/abs", "cities.csv: line 3: `/tmp/abs` is not a slug (lowercase letters, digits and '-')"),
        ("Handan", "cities.csv: line 3: `Handan` is not a slug (lowercase letters, digits and '-')"),
        ("langfang", "cities.csv: line 3: the slug `langfang` of line 2 again"),
    ],
)
def test_a_slug_that_is_a_path_or_said_twice_is_refused(runner, built, tmp_path, slug, problem) -> None:
    table = (built / "cities.csv").read_text(encoding="utf-8")
    (built / "cities.csv").write_text(table.replace("\nhandan,", f"\n{slug},"), encoding="utf-8")
    seal(built)
    site = tmp_path / "out" / "html"
    result = runner.invoke(app, ["national", "--national", str(built), "-f", "html", "-o", str(site)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"zjk-targets: --national {built}: not a whole dataset of build-national ({problem}): {REBUILD}\n",
    )
    assert not (tmp_path / "out").exists() and not list(tmp_path.rglob("ESCAPED*"))


# -- a build is whole or nothing ------------------------------------------------------------


def _more_cities(tmp_path: Path) -> Path:
    return _collection(tmp_path / "more" / CITIES, {"邯郸市": ["2021年1月20日"], "保定市": ["2021年1月15日"]})


def test_a_rebuild_replaces_the_whole_folder(runner, built, tmp_path) -> None:
    result = _build(runner, _more_cities(tmp_path), built)
    assert result.exit_code == 0, result.output
    assert sorted(_files(built)) == [
        "cities.csv",
        "cities/baoding.yaml.gz",
        "cities/handan.yaml.gz",
        "manifest.json",
        "national.csv.gz",
    ]
    assert check(built) == [] and _leftovers(built) == []


def test_a_build_interrupted_while_writing_leaves_the_old_dataset(runner, built, tmp_path, monkeypatch) -> None:
    from zjk_targets.commands import dataset_folder

    before = _files(built)
    written = []

    def write_then_stop(path: Path, data: bytes) -> None:
        written.append(path.name)
        if len(written) == 2:
            raise KeyboardInterrupt
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    monkeypatch.setattr(dataset_folder, "_write_file", write_then_stop)
    result = _build(runner, _more_cities(tmp_path), built)
    assert (result.exit_code, result.stderr) == (130, "zjk-targets: interrupted\n")
    assert _files(built) == before and _leftovers(built) == []
    assert runner.invoke(app, ["national", "--national", str(built)]).exit_code == 0


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_a_build_interrupted_while_reading_leaves_the_old_dataset(runner, built, tmp_path, monkeypatch, stop) -> None:
    from zjk_targets.national import build

    def interrupted(*args, **kwargs):
        if stop == "sigterm":  # as `timeout` stops a build: handled as Ctrl-C, so the build cleans up
            os.kill(os.getpid(), signal.SIGTERM)
        raise KeyboardInterrupt

    before = _files(built)
    monkeypatch.setattr(build, "draft", interrupted)
    result = _build(runner, _more_cities(tmp_path), built)
    assert (result.exit_code, result.stderr) == (130, "zjk-targets: interrupted\n")
    assert _files(built) == before and _leftovers(built) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_two_builds_into_one_folder_cannot_interleave(runner, built, tmp_path, monkeypatch) -> None:
    from zjk_targets.national import build

    drafting = build.draft
    second = []

    def draft_while_another_build_starts(*args, **kwargs):
        if not second:
            second.append(_build(runner, _two_cities(tmp_path, "c"), built))
        return drafting(*args, **kwargs)

    monkeypatch.setattr(build, "draft", draft_while_another_build_starts)
    first = _build(runner, _more_cities(tmp_path), built)
    assert first.exit_code == 0, first.output
    lock = tmp_path / ".national.lock"
    assert (second[0].exit_code, second[0].stdout, second[0].stderr) == (
        2,
        "",
        f"zjk-targets: --output {built}: being built by another zjk-targets build-national (process {os.getpid()}); "
        f"if none is running, remove {lock}\n",
    )
    assert "cities/baoding.yaml.gz" in _files(built) and check(built) == [] and _leftovers(built) == []


def test_a_lock_left_by_a_killed_build_is_named(runner, built, tmp_path) -> None:
    lock = tmp_path / ".national.lock"
    lock.write_text("4242\n", encoding="utf-8")
    before = _files(built)
    result = _build(runner, _more_cities(tmp_path), built)
    assert (result.exit_code, result.stderr) == (
        2,
        f"zjk-targets: --output {built}: being built by another zjk-targets build-national (process 4242); "
        f"if none is running, remove {lock}\n",
    )
    assert _files(built) == before
    lock.unlink()
    assert _build(runner, _more_cities(tmp_path), built).exit_code == 0


def test_a_folder_holding_files_the_build_did_not_write_is_refused_not_cleaned(runner, built, tmp_path) -> None:
    (built / "cities" / "my-backup.yaml.gz").write_bytes(b"mine")
    before = _files(built)
    result = _build(runner, _more_cities(tmp_path), built)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"zjk-targets: --output {built}: holds what build-national did not write (cities/my-backup.yaml.gz: not "
        "written by the build); nothing was changed: move them away, or choose another folder\n",
    )
    assert _files(built) == before and _leftovers(built) == []


def test_a_folder_of_other_files_is_refused_and_an_empty_one_is_built(runner, tmp_path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes", encoding="utf-8")
    result = _build(runner, _two_cities(tmp_path), mine)
    assert (result.exit_code, result.stderr) == (
        2,
        f"zjk-targets: --output {mine}: holds files but no manifest.json, so which are the build's cannot be told "
        "(a dataset built before the manifest, or other files); nothing was changed: remove the folder, or choose "
        "a new or empty one\n",
    )
    assert _files(mine) == {"notes.txt": b"my notes"}
    (tmp_path / "empty").mkdir()
    assert _build(runner, _two_cities(tmp_path, "b"), tmp_path / "empty").exit_code == 0
    (tmp_path / "file").write_text("", encoding="utf-8")
    not_a_folder = _build(runner, _two_cities(tmp_path, "c"), tmp_path / "file")
    assert (not_a_folder.exit_code, not_a_folder.stderr) == (
        2,
        f"zjk-targets: --output {tmp_path / 'file'}: not a folder\n",
    )


def test_a_build_that_reads_nothing_fails_and_leaves_the_old_dataset(runner, built, tmp_path) -> None:
    before = _files(built)
    empty = tmp_path / "empty" / CITIES
    for place in ("邯郸市", "廊坊市"):
        (empty / place).mkdir(parents=True)
    result = _build(runner, empty, built)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"zjk-targets: {empty}: no reports (YEAR.md, in a folder for each place); nothing was written\n",
    )
    (empty / "邯郸市" / "2021.md").write_bytes(b"")
    unread = _build(runner, empty, built)
    assert (unread.exit_code, unread.stderr) == (
        2,
        f"zjk-targets: {CITIES}/邯郸市/2021.md: skipped: empty file\n"
        f"zjk-targets: {empty}: none of its 1 report could be read; nothing was written\n",
    )
    assert _files(built) == before and _leftovers(built) == []


# -- a bad report is skipped with one line and spoils nothing else ---------------------------


def _hostile(root: Path) -> Path:
    """Three good places (one with CR-only line ends, one in UTF-16) beside every kind of bad report."""
    _collection(
        root,
        {
            "邯郸市": ["2021年1月20日"],
            "邯郸": ["2021年1月20日"],  # the same place again, by its short name
            "Handan City": ["2021年1月20日"],
            "邯郸市 - 副本": ["2021年1月20日"],
            "保定市": ["2022年13月45日"],
            "沧州市": ["9999年1月2日"],
            "承德市": ["2022年2月30日"],
            "秦皇岛市": [],
            "衡水市": [],
            "邢台市": [],
        },
    )
    (root / "廊坊市").mkdir()
    (root / "廊坊市" / "2021.md").write_bytes(_report("廊坊市", "2021年1月9日").replace("\n", "\r").encode("utf-8"))
    (root / "唐山市").mkdir()
    (root / "唐山市" / "2021.md").write_bytes(_report("唐山市", "2021年1月12日").encode("utf-16"))
    (root / "秦皇岛市" / "2021\x1b[31m.md").write_text(_report("秦皇岛市", "2021年1月8日"), encoding="utf-8")
    with open(os.fsencode(root / "衡水市") + b"/\xff2021.md", "wb") as handle:
        handle.write(_report("衡水市", "2021年1月8日").encode("utf-8"))
    os.mkfifo(root / "邢台市" / "2019.md")  # would block a reader until someone writes to it
    return root


def test_each_bad_report_is_skipped_with_one_line_and_the_rest_is_built(runner, tmp_path) -> None:
    root = _hostile(tmp_path / CITIES)
    out = tmp_path / "national"
    result = _build(runner, root, out)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"3 places, 12 reports (3 read), 3 headline targets; wrote {out}\n"
        "  major cities: 1 place, 1 reports (1 read), 1 headline targets\n"
        "  prefecture cities: 2 places, 11 reports (2 read), 2 headline targets\n"
    )
    assert result.stderr == (
        f"zjk-targets: {CITIES}/Handan City: skipped: not a place of the place table, and its name gives no slug "
        "(lowercase letters, digits and '-'): name the folder by its place, as 邯郸市\n"
        f"zjk-targets: {CITIES}/保定市/2022.md: skipped: its date 2022-13-45 is no day of the calendar\n"
        f"zjk-targets: {CITIES}/承德市/2022.md: skipped: its date 2022-02-30 is no day of the calendar\n"
        f"zjk-targets: {CITIES}/沧州市/9999.md: skipped: its year: 9999 is not a plausible year (expected 1949–2100)\n"
        f"zjk-targets: {CITIES}/秦皇岛市/2021\\x1b[31m.md: skipped: its name holds a control character: rename it\n"
        f"zjk-targets: {CITIES}/衡水市/\\xff2021.md: skipped: its name is not UTF-8: rename it\n"
        f"zjk-targets: {CITIES}/邢台市/2019.md: skipped: is not a regular file (a FIFO, device or socket): save it to "
        "a file and name that\n"
        f"zjk-targets: {CITIES}/邯郸: skipped: the same place as {CITIES}/邯郸市 (handan): a place is built from "
        "one folder\n"
        f"zjk-targets: {CITIES}/邯郸市 - 副本: skipped: not a place of the place table, and its name gives no slug "
        "(lowercase letters, digits and '-'): name the folder by its place, as 邯郸市\n"
        "zjk-targets: 9 of 12 reports skipped\n"
    )
    assert (out / "cities.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "tangshan,唐山市,tangshan,河北,130200,2021,1,1,major-city,hebei",
        "langfang,廊坊市,langfang,河北,131000,2021,1,1,city,hebei",
        "handan,邯郸市,handan,河北,130400,2021,1,1,city,hebei",
    ]
    table = runner.invoke(app, ["national", "--national", str(out), "-f", "csv", "--sort", "name"])
    assert table.exit_code == 0, table.output
    assert [line.split(",")[1] for line in table.stdout.splitlines() if line.startswith("cities,")] == [
        "handan",
        "langfang",
        "tangshan",
    ]  # by pinyin


def test_cr_only_and_utf16_reports_are_read_and_their_words_found_in_them(runner, tmp_path) -> None:
    out = tmp_path / "national"
    assert _build(runner, _hostile(tmp_path / CITIES), out).exit_code == 0
    drafted = gzip.decompress((out / "cities" / "langfang.yaml.gz").read_bytes()).decode("utf-8")
    assert 'title: "廊坊市政府工作报告（2021年1月9日 某某）"' in drafted  # its front matter, read line by line
    assert f"drafted by zjk-targets extract from {CITIES}/廊坊市/2021.md:15; bare figure" in drafted  # its line 15
    for place in ("langfang", "tangshan"):
        found = runner.invoke(
            app, ["validate", "--targets", str(out / "cities" / f"{place}.yaml.gz"), "--sources", str(tmp_path)]
        )
        assert found.exit_code == 0, found.output


# -- national --national DIR and Zhangjiakou ---------------------------------------------------


def test_a_folder_holding_zhangjiakou_counts_its_curated_data_as_the_bundled_one_does(runner, tmp_path) -> None:
    root = _collection(tmp_path / CITIES, {"张家口市": ["2021年1月20日"], "邯郸市": ["2021年1月20日"]})
    out = tmp_path / "national"
    assert _build(runner, root, out).exit_code == 0
    mine = runner.invoke(app, ["national", "--national", str(out), "-f", "csv", "--city", "张家口"])
    bundled = runner.invoke(app, ["national", "-f", "csv", "--city", "张家口"])
    row = [line for line in mine.stdout.splitlines() if line.startswith("cities,zhangjiakou,")]
    assert row == [line for line in bundled.stdout.splitlines() if line.startswith("cities,zhangjiakou,")]
    assert row[0].split(",")[5] != "1"  # the curated headline targets, not the one drafted here
    without = runner.invoke(app, ["national", "--national", str(_built_without(runner, tmp_path)), "-f", "csv"])
    assert "zhangjiakou" not in without.stdout and without.exit_code == 0


def _built_without(runner, tmp_path: Path) -> Path:
    out = tmp_path / "without"
    assert _build(runner, _two_cities(tmp_path, "w"), out).exit_code == 0
    return out


# -- extract never overwrites curated files unasked ------------------------------------------


def test_extract_refuses_to_replace_targets_and_actuals_without_force(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("2021.md").write_text(_report("邯郸市", "2021年1月20日"), encoding="utf-8")
    assert runner.invoke(app, ["extract", "2021.md", "-o", "out"]).exit_code == 0
    Path("out/targets.yaml").write_text("# curated by hand\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "2021.md", "-o", "out"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "zjk-targets: --output out: targets.yaml and actuals.yaml are there already; nothing was written: "
        "give --force to replace them, or another folder\n",
    )
    assert Path("out/targets.yaml").read_text(encoding="utf-8") == "# curated by hand\n"
    Path("out/actuals.yaml").unlink()
    one = runner.invoke(app, ["extract", "2021.md", "-o", "out"])
    assert one.stderr == (
        "zjk-targets: --output out: targets.yaml is there already; nothing was written: "
        "give --force to replace them, or another folder\n"
    )
    forced = runner.invoke(app, ["extract", "2021.md", "-o", "out", "--force"])
    assert forced.exit_code == 0, forced.output
    assert Path("out/targets.yaml").read_text(encoding="utf-8").startswith("# 邯郸市: targets")


def test_a_utf16_file_is_read_as_its_byte_order_mark_says(runner, tmp_path) -> None:
    from conftest import DATA

    for name in ("targets.yaml", "actuals.yaml"):
        (tmp_path / name).write_bytes((DATA / name).read_text(encoding="utf-8").encode("utf-16"))
    utf16 = runner.invoke(app, ["report", "--data", str(tmp_path)])
    assert utf16.exit_code in (0, 1), utf16.output
    assert utf16.stdout == runner.invoke(app, ["report", "--data", str(DATA)]).stdout
    (tmp_path / "targets.yaml").write_bytes(b"\xff\xfe" + b"a\x00b")  # an odd byte: not UTF-16
    broken = runner.invoke(app, ["report", "--data", str(tmp_path)])
    assert broken.exit_code == 2
    assert (
        f"{tmp_path / 'targets.yaml'}: starts with a UTF-16 byte-order mark, but is not UTF-16 text: save it as UTF-8"
        in broken.stderr.splitlines()
    )
