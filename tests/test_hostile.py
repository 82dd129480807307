"""Hostile content is shown literally; a hostile environment gets a clear answer."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import subprocess
import sys

import pytest
from conftest import DATA, MINI, ROOT

from zjk_targets.cli import app

HOSTILE = ["--targets", str(DATA / "hostile.yaml"), "--actuals", str(ROOT / "tests" / "broken" / "_actuals.yaml")]
ESC = "\x1b"


def test_report_shows_markup_and_escapes_as_text(runner) -> None:
    result = runner.invoke(app, ["report", "--lang", "zh", *HOSTILE], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[bold red]红[/]" in result.stdout
    assert ESC not in result.stdout


def test_show_writes_escapes_and_direction_marks_out(runner) -> None:
    result = runner.invoke(app, ["show", "markup", *HOSTILE])
    assert ESC not in result.stdout
    assert "增长8%\\x1b[31m red\\x1b[0m" in result.stdout
    evil = runner.invoke(app, ["show", "formula", *HOSTILE]).stdout
    assert "\u202e" not in evil and "\\u202eevil" in evil


def test_check_line_stays_one_line(runner) -> None:
    result = runner.invoke(app, ["check", "markup", *HOSTILE])
    assert result.stdout.count("\n") == 1


def test_markdown_tables_keep_their_columns(runner) -> None:
    result = runner.invoke(app, ["export", "--full", *HOSTILE])
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == 2
    for row in rows:
        cells = [cell for cell in row.replace("\\|", "").split("|")][1:-1]
        assert len(cells) == 4, row
    assert "<script>" not in result.stdout
    assert ESC not in result.stdout


def test_csv_neutralises_formulas_and_round_trips(runner) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", *HOSTILE])
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    by_id = {row["id"]: row for row in rows}
    assert by_id["formula"]["zh"] == "'+cmd|' /C calc'!A0"
    assert by_id["formula"]["en"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert by_id["formula"]["excerpt"] == "'-2+3 增长8% \u202eevil"
    assert by_id["markup"]["excerpt"] == "增长8%\x1b[31m red\x1b[0m\nsecond line | with pipe"


def test_csv_lines_are_those_of_the_csv_module() -> None:
    """The CSV export writes its rows itself (csv.writer is 2–3× slower on a national export): the same
    bytes as csv.writer with RFC 4180 line ends, for cells of any character that it treats apart."""
    import random

    from zjk_targets.rules.csv_layout import line

    rng = random.Random(3)
    alphabet = ["a", "年", ",", '"', "\r", "\n", "\r\n", " ", "\t", "'", "=", "\x00", "\x0b", "\x1c", "\u2028", "\x85"]
    for _ in range(3000):
        row = ["".join(rng.choices(alphabet, k=rng.randint(0, 6))) for _ in range(rng.randint(2, 5))]
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(row)
        assert line(row) == buffer.getvalue(), row


def test_json_keeps_the_data_exactly(runner) -> None:
    data = json.loads(runner.invoke(app, ["export", "--format", "json", *HOSTILE]).stdout)
    excerpts = {t["id"]: t["excerpt"] for t in data["targets"]}
    assert excerpts["markup"] == "增长8%\x1b[31m red\x1b[0m\nsecond line | with pipe"


def test_ctrl_c_exits_130_with_one_line(runner, monkeypatch) -> None:
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("zjk_targets.commands.reading.evaluate", interrupted)
    result = runner.invoke(app, ["report", *MINI])
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "zjk-targets: interrupted\n")


def test_an_internal_error_never_looks_like_a_verdict(runner, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("zjk_targets.commands.reading.evaluate", broken)
    result = runner.invoke(app, ["check", "pm25-2017", *MINI])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("zjk-targets 1.0.0: internal error: ZeroDivisionError: division by zero\n")


def test_an_unreadable_file_is_a_clear_error(runner, monkeypatch) -> None:
    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("zjk_targets.inputs.open", denied, raising=False)
    result = runner.invoke(app, ["validate", *MINI])
    assert result.exit_code == 2
    assert f"{MINI[1]}: cannot read: Permission denied" in result.stderr.splitlines()


def test_output_into_an_unwritable_place(runner) -> None:
    result = runner.invoke(app, ["export", "--output", "/proc/zjk-targets.md", *MINI])
    assert result.exit_code == 2
    assert result.stderr.startswith("zjk-targets: cannot write /proc/zjk-targets.md: ")


def test_output_onto_a_directory(runner, tmp_path) -> None:
    result = runner.invoke(app, ["export", "--output", str(tmp_path), *MINI])
    assert (result.exit_code, result.stderr) == (2, f"zjk-targets: cannot write {tmp_path}: it is a directory\n")


# -- writing: -o never replaces what it must not, and never lands outside its folder ------------
# (zjk_targets.safe_write; CI runs as root, so read-only is told by the permission bits)


def _export_to(runner, path) -> tuple[int, str]:
    result = runner.invoke(app, ["export", "--format", "json", "--output", str(path), *MINI])
    return result.exit_code, result.stderr


def test_output_to_a_device_writes_in_place_never_replacing_it(runner) -> None:
    assert _export_to(runner, "/dev/null") == (0, "wrote /dev/null\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert _export_to(runner, "/dev/full") == (2, "zjk-targets: cannot write /dev/full: No space left on device\n")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_to_a_fifo_is_written_in_place_or_refused_when_nothing_reads_it(runner, tmp_path) -> None:
    import threading

    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    assert _export_to(runner, fifo) == (
        2,
        f"zjk-targets: cannot write {fifo}: it is a FIFO that nothing is reading; nothing was written\n",
    )
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    while True:  # until the reader has the FIFO open
        code, message = _export_to(runner, fifo)
        if code == 0:
            break
    reader.join()
    assert message == f"wrote {fifo}\n" and json.loads(received[0])["targets"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(runner, tmp_path) -> None:
    (tmp_path / "real.json").write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    assert _export_to(runner, link) == (0, f"wrote {link}\n")
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert json.loads((tmp_path / "real.json").read_text(encoding="utf-8"))["targets"]
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    assert _export_to(runner, loop) == (
        2,
        f"zjk-targets: cannot write {loop}: it is a symbolic link that loops; nothing was written\n",
    )


def test_output_onto_a_hard_link_is_refused_and_both_names_keep_their_bytes(runner, tmp_path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text("old\n", encoding="utf-8")
    os.link(first, second)
    assert _export_to(runner, first) == (
        2,
        f"zjk-targets: cannot write {first}: it has 2 hard links, which replacing it would split and writing "
        "in place could leave half-written; nothing was written: remove this name first or write elsewhere\n",
    )
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") == "old\n"
    assert os.stat(first).st_ino == os.stat(second).st_ino


READ_ONLY = "it is read-only (or another user's) by its permission bits; nothing was written: change its mode or write elsewhere"


def test_output_onto_a_read_only_file_is_refused_even_for_root(runner, tmp_path) -> None:
    kept = tmp_path / "kept.json"
    kept.write_text("old\n", encoding="utf-8")
    kept.chmod(0o444)
    assert _export_to(runner, kept) == (2, f"zjk-targets: cannot write {kept}: {READ_ONLY}\n")
    assert kept.read_text(encoding="utf-8") == "old\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user (CI runs as root)")
def test_root_leaves_another_users_file_alone_unless_its_bits_let_others_write(runner, tmp_path) -> None:
    theirs = tmp_path / "theirs.json"
    theirs.write_text("old\n", encoding="utf-8")
    os.chown(theirs, 4321, 4321)
    theirs.chmod(0o644)
    assert _export_to(runner, theirs) == (2, f"zjk-targets: cannot write {theirs}: {READ_ONLY}\n")
    assert theirs.read_text(encoding="utf-8") == "old\n"
    theirs.chmod(0o666)
    assert _export_to(runner, theirs)[0] == 0
    info = os.stat(theirs)
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (4321, 4321, 0o666)  # still theirs


def test_the_writer_never_writes_outside_its_folder(tmp_path) -> None:
    from zjk_targets.safe_write import WriteRefused, write_within

    folder = tmp_path / "site"
    folder.mkdir()
    for name in ("../ESCAPED.html", "../../ESCAPED.html", "a/../../ESCAPED.html", "/tmp/ESCAPED.html", "", "C:\\x"):
        with pytest.raises(WriteRefused, match="leads outside the output folder"):
            write_within(folder, name, "x")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["site"]
    assert write_within(folder, "handan.html", "x") == folder / "handan.html"


def test_an_output_folder_that_cannot_be_made_is_one_line(runner, tmp_path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    report = str(ROOT / "docs" / "examples" / "威海市" / "2021.md")
    result = runner.invoke(app, ["extract", report, "--output", str(tmp_path / "a-file" / "sub")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"zjk-targets: cannot create folder {tmp_path / 'a-file' / 'sub'}: Not a directory\n"


def test_paths_written_and_summarised_show_escapes_as_text(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    odd = tmp_path / "red\x1b[31m.json"
    assert _export_to(runner, odd) == (0, f"wrote {tmp_path}/red\\x1b[31m.json\n")
    report = tmp_path / "威海市\x1b[2J" / "2021.md"
    report.parent.mkdir()
    report.write_bytes((ROOT / "docs" / "examples" / "威海市" / "2021.md").read_bytes())
    result = runner.invoke(app, ["extract", str(report), "--output", str(tmp_path / "out\x1b]0;x\x07")])
    assert result.exit_code == 0, result.output
    assert ESC not in result.stdout and "\x07" not in result.stdout
    assert result.stdout.startswith(f"{tmp_path}/威海市\\x1b[2J/2021.md: 威海市, delivered 2021-01-25: ")
    # a report outside the current folder: its `file:` would be refused by validation, and it is said
    assert result.stderr == (
        f"zjk-targets: {tmp_path}/威海市\\x1b[2J/2021.md: outside this folder, so validation refuses its "
        "source's `file:`: run extract from a folder that holds the reports\n"
    )
    assert f"wrote {tmp_path}/out\\x1b]0;x\\x07/targets.yaml and " in result.stdout


# -- stdout that cannot take the results, and other hostile surroundings ------------------------


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **kwargs.pop("env", {})}
    return subprocess.run([sys.executable, "-m", "zjk_targets", *args], env=env, cwd=ROOT, **kwargs)


@pytest.mark.parametrize(
    "args", [["report", "--no-pager"], ["export", "--format", "json"], ["check", "--all"], ["--help"], ["--version"]]
)
def test_a_closed_or_full_stdout_is_one_line_and_exit_2(args) -> None:
    closed = _run(args, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
    assert (closed.returncode, closed.stderr) == (2, b"zjk-targets: cannot write the output: Bad file descriptor\n")
    with open("/dev/full", "wb") as full:
        result = _run(args, stdout=full, stderr=subprocess.PIPE)
    assert (result.returncode, result.stderr) == (2, b"zjk-targets: cannot write the output: No space left on device\n")


def test_an_ascii_stdout_is_told_how_to_show_chinese() -> None:
    result = _run(
        ["list", "--lang", "zh", "--status", "met"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == (
        b"zjk-targets: cannot write the output: its encoding, ascii, cannot show the text: "
        b"set PYTHONIOENCODING=utf-8 or use a UTF-8 locale\n"
    )


def test_a_pager_that_fails_on_a_terminal_is_one_line_not_silence(tmp_path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        result = _run(
            ["report"], stdout=follower, stderr=subprocess.PIPE, env={"PAGER": "false", "LINES": "5", "COLUMNS": "100"}
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert (result.returncode, result.stderr) == (
        2,
        b"zjk-targets: the pager `false` failed (exit status 1), so nothing was shown: fix PAGER, or use --no-pager\n",
    )


# -- inputs that are not what they say: FIFOs, gzip with more members or garbage, dates, numbers


def test_a_fifo_given_as_input_is_refused_without_waiting(runner, tmp_path) -> None:
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["extract", str(fifo), "--output", str(tmp_path / "out")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"zjk-targets: {fifo}: is not a regular file (a FIFO, device or socket): save it to a file and name that\n"
    )
    result = runner.invoke(app, ["validate", "--targets", str(fifo)])
    assert result.stderr == (
        f"zjk-targets: --targets {fifo}: is not a regular file (a FIFO, device or socket): save it to a file and name that\n"
    )


def _csv_of_the_bundled_data() -> bytes:
    from zjk_targets import to_csv
    from zjk_targets.load import load_dataset

    return to_csv(load_dataset([ROOT / "targets.yaml", ROOT / "actuals.yaml"])).encode("utf-8")


def test_a_gzip_of_several_members_is_read_to_its_end_and_garbage_after_it_refused(runner, tmp_path) -> None:
    import gzip

    data = _csv_of_the_bundled_data()
    whole = tmp_path / "whole.csv"
    whole.write_bytes(data)
    members = tmp_path / "mm.csv.gz"
    third = len(data) // 3
    members.write_bytes(
        gzip.compress(data[:third]) + gzip.compress(data[third : 2 * third]) + gzip.compress(data[2 * third :])
    )
    expected = runner.invoke(app, ["report", "--targets", str(whole)]).stdout
    assert "\n246 targets: 58 met, 21 missed, 167 unknown\n" in expected
    assert runner.invoke(app, ["report", "--targets", str(members)]).stdout == expected
    for name, tail in (("garbage", b"garbage"), ("zeros", b"\x00" * 8), ("half-member", gzip.compress(data)[:40])):
        damaged = tmp_path / f"{name}.csv.gz"
        damaged.write_bytes(gzip.compress(data) + tail)
        result = runner.invoke(app, ["report", "--targets", str(damaged)])
        assert (result.exit_code, result.stdout) == (2, "")
        why = (
            "holds bytes after its gzip data: it is damaged or not one gzip file"
            if name != "half-member"
            else "is not a whole gzip file"
        )
        assert (
            result.stderr
            == f"{damaged}: named .gz, but {why}\n" + "zjk-targets: 1 problem in the data; nothing was evaluated\n"
        )


def test_a_gzip_parsed_as_it_is_unpacked_keeps_the_checks_of_a_whole_read(runner, tmp_path, monkeypatch) -> None:
    """A gzip CSV is parsed as it is unpacked (#25): a byte-order mark, a NUL byte, a quoted header
    and the limit on the unpacked bytes come out as they do from the file read whole."""
    import gzip

    from zjk_targets.rules import messages

    data = _csv_of_the_bundled_data()
    line = data.index(b"\n", len(data) // 2)
    header, body = data.split(b"\n", 1)
    cases = {
        "plain": data,
        "bom": b"\xef\xbb\xbf" + data,
        "nul": data[:line] + b"\x00" + data[line:],
        "quoted-header": b'"' + header.replace(b",", b'","') + b'"\n' + body,
    }
    for name, content in cases.items():
        plain, packed = tmp_path / f"{name}.csv", tmp_path / f"{name}.csv.gz"
        plain.write_bytes(content)
        packed.write_bytes(gzip.compress(content))
        whole = runner.invoke(app, ["report", "--targets", str(plain)])
        streamed = runner.invoke(app, ["report", "--targets", str(packed)])
        assert whole.exit_code == (2 if name == "nul" else 0)
        assert (streamed.exit_code, streamed.stdout, streamed.stderr) == (
            whole.exit_code,
            whole.stdout,
            whole.stderr.replace(str(plain), str(packed)),
        )
    monkeypatch.setenv("ZJK_MAX_INPUT_MB", str(len(data) / 2 / 1_000_000))
    result = runner.invoke(app, ["report", "--targets", str(tmp_path / "plain.csv.gz")])
    assert (result.exit_code, result.stdout) == (2, "")
    limit = messages.too_large(len(data) / 2 / 1_000_000)
    assert result.stderr.startswith(f"{tmp_path / 'plain.csv.gz'}: {limit}\n")


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "0000-01-01", "２０２３", "2023-04-31"])
def test_an_impossible_as_of_date_is_one_line(runner, text) -> None:
    result = runner.invoke(app, ["report", "--as-of", text, *MINI])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"zjk-targets: --as-of {text}: not a date; write YYYY-MM-DD, YYYY-MM or YYYY\n"


def test_extract_refuses_an_impossible_year(runner, tmp_path) -> None:
    result = runner.invoke(app, ["extract", str(DATA / "report.txt"), "--year", "-5", "--output", str(tmp_path / "o")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "zjk-targets: --year -5: -5 is not a plausible year (expected 1949–2100)\n"
    assert not (tmp_path / "o").exists()


def test_a_number_is_read_as_written_in_yaml_as_in_csv(runner, tmp_path) -> None:
    """5.99999999999999999 is short of 6: a float would round it up and call the target met."""
    from zjk_targets import to_csv
    from zjk_targets.load import load_dataset

    base = (ROOT / "tests" / "broken" / "impossible-date.yaml").read_text(encoding="utf-8")
    base = base.replace("published: 2023-02-30", 'published: "2017-04-10"').replace("goal: 8", "goal: 6")
    base = base.replace("增长8%", "增长6%").replace("value: 7", "value: 5.99999999999999999")
    base = base.replace("增长7%", "增长5.99999999999999999%")
    mine = tmp_path / "mine.yaml"
    mine.write_text(base, encoding="utf-8")
    as_csv = tmp_path / "mine.csv"
    as_csv.write_text(to_csv(load_dataset([mine])), encoding="utf-8")
    assert ",5.99999999999999999," in as_csv.read_text(encoding="utf-8")
    for path in (mine, as_csv):
        result = runner.invoke(app, ["check", "gdp-2017", "--targets", str(path)])
        assert (result.exit_code, result.stdout.split(" — ")[0]) == (1, "gdp-2017: missed"), result.output


def test_national_names_are_escaped_in_markdown_and_neutralised_in_csv(runner, monkeypatch) -> None:
    from dataclasses import replace

    from zjk_targets.commands import national as national_command

    hostile = '=HYPERLINK("http://evil.example")\n## injected <script>alert(1)</script> | cell'
    real = national_command.national_cities

    def renamed(folder):
        return [replace(city, name=hostile) if city.slug == "handan" else city for city in real(folder)]

    monkeypatch.setattr(national_command, "national_cities", renamed)
    markdown = runner.invoke(app, ["national", "-f", "markdown", "--city", "handan"])
    assert markdown.exit_code == 0, markdown.output
    # one markdown escaping for every export (render/text.cell): no heading, no live tag, no cell break
    assert "\n## injected" not in markdown.stdout and re.search(r"(?<!\\)</?script", markdown.stdout) is None
    assert '| =HYPERLINK("http://evil.example") ## injected \\<script>alert(1)\\</script> \\| cell' in markdown.stdout
    table = runner.invoke(app, ["national", "-f", "csv", "--city", "handan"])
    labels = [row["label"] for row in csv.DictReader(io.StringIO(table.stdout)) if row["key"] == "handan"]
    assert labels and all(label.startswith("'=HYPERLINK(") for label in labels)


def test_ids_and_marks_survive_a_20_column_terminal(runner) -> None:
    """Narrower than an id: the id runs over on its own line rather than being cut."""
    result = runner.invoke(app, ["report", *MINI], env={"COLUMNS": "20"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for mark, target_id in (("✗", "gdp-growth-2017"), ("✓", "pm25-2017"), ("?", "afforestation-2017")):
        head = f"{mark} {target_id}"
        assert any(line.strip() == head or line.strip().startswith(head + "  ") for line in lines), target_id
    assert "    library-2017" in lines
    too_wide = [line for line in lines if len(line) > 20]
    # only an atom wider than the screen runs over, alone on its line: never cut, never joined
    assert sorted(line.strip() for line in too_wide) == [
        "? afforestation-2017",
        "mirror.example",
        "✓ forest-coverage-by-2021",
    ]


def test_no_color_is_honoured(runner) -> None:
    coloured = runner.invoke(
        app, ["report", *MINI], env={"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    ).stdout
    assert "\x1b[" in coloured and "met" in coloured
    plain = runner.invoke(
        app, ["report", *MINI], env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    ).stdout
    assert "\x1b[32" not in plain and "\x1b[31" not in plain


def test_c_locale(tmp_path) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "COLUMNS": "100", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "zjk_targets", "report", *MINI], capture_output=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "5 targets: 2 met, 1 missed, 2 unknown" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("bad", ["abc", "-1", "0", "inf", "nan", "-inf"])
def test_a_bad_size_limit_is_a_clear_error(runner, monkeypatch, bad) -> None:
    monkeypatch.setenv("ZJK_MAX_INPUT_MB", bad)
    result = runner.invoke(app, ["validate", *MINI])
    assert result.exit_code == 2
    assert result.stderr.startswith("zjk-targets: ZJK_MAX_INPUT_MB")


def test_a_huge_size_limit_does_not_allocate_it(runner, monkeypatch) -> None:
    monkeypatch.setenv("ZJK_MAX_INPUT_MB", "100000")  # 100 GB: reading must not reserve it
    assert runner.invoke(app, ["check", "pm25-2017", *MINI]).exit_code == 0


def test_error_messages_never_carry_terminal_escapes(runner, tmp_path) -> None:
    broken = tmp_path / "t.yaml"
    broken.write_text('targets:\n  - "\\e[31mred": 1\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", "--targets", str(broken), "--actuals", str(broken)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "unknown field `\\x1b[31mred`" in result.stderr


def test_a_step_summary_that_is_a_fifo_nothing_reads_does_not_hang_the_step(runner, tmp_path, monkeypatch) -> None:
    fifo = tmp_path / "summary"
    os.mkfifo(fifo)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(fifo))
    result = runner.invoke(app, ["check", "pm25-2017", "-f", "github"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"zjk-targets: cannot append to GITHUB_STEP_SUMMARY ({fifo}): No such device or address\n"
    )
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
