"""The program as a user starts it: `python -m zjk_targets` and the installed console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zjk_targets import __version__


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZJK_")}
    env.update(NO_COLOR="1", COLUMNS="100")
    return env


def test_python_dash_m(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zjk_targets", "--version"],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=tmp_path if os.environ.get("ZJK_TEST_INSTALLED") else None,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, f"zjk-targets {__version__}\n", "")


def _console_script() -> str | None:
    beside = Path(sys.executable).parent / "zjk-targets"
    return str(beside) if beside.exists() else shutil.which("zjk-targets")


@pytest.mark.skipif(_console_script() is None, reason="zjk-targets is not installed in this environment")
def test_console_script_runs_on_the_bundled_data_from_anywhere(tmp_path) -> None:
    script = _console_script()
    assert script is not None
    result = subprocess.run([script, "check", "pm25-2017"], capture_output=True, text=True, env=_env(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("pm25-2017: met — 2017: 31 μg/m³ ≤ 31 μg/m³")


def test_closed_pipe_ends_quietly(tmp_path) -> None:
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    writer = subprocess.run(
        [sys.executable, "-m", "zjk_targets", "export", "--format", "json"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    reader.stdin.close()
    reader.wait()
    assert writer.stderr == ""
    assert writer.returncode in (0, 141)


def test_ctrl_c_ends_with_one_line_and_exit_130(tmp_path) -> None:
    import signal
    import time

    out = tmp_path / "charts"
    out.mkdir()
    (out / "zhangbei-kangbao-expressway-started-2017.png").write_text("old\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "zjk_targets", "chart", "--all", "--output", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        cwd=Path(__file__).parent.parent,
    )
    # A chart per target, in id order: tens of seconds of work. Interrupt once the first chart is
    # written, so the signal lands in the middle of the work, however slow the machine.
    deadline = time.monotonic() + 60
    while len(list(out.iterdir())) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout, stderr) == (130, "", "zjk-targets: interrupted\n")
    last = out / "zhangbei-kangbao-expressway-started-2017.png"
    assert last.read_text(encoding="utf-8") == "old\n", "a file not reached is left as it was"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "no partial file"
