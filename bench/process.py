"""Running MkDocs and INTRO's commands for a measurement, each in a fresh process, as an author runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.corpus import ROOT
from macros.commands.release import mkdocs_env

# INTRO's switches for the offline edition and for the zip to offer: set only where a measurement asks for them,
# so a value left in the caller's shell cannot change what is measured.
INTRO_SWITCHES = ("INTRO_OFFLINE", "INTRO_OFFLINE_ZIP", "INTRO_FINISHED_MARKDOWN")


def build_env(**extra: str) -> dict[str, str]:
    """The environment for a build: this one, without INTRO's switches unless given, and without MkDocs 2 nagging."""
    env = {key: value for key, value in os.environ.items() if key not in INTRO_SWITCHES}
    return mkdocs_env(extra, base=env)


def switches_off() -> dict[str, str]:
    """INTRO's switches set to off, for a build that adds to this process's environment (macros.commands.release)."""
    return {"INTRO_OFFLINE": "false", "INTRO_OFFLINE_ZIP": "", "INTRO_FINISHED_MARKDOWN": ""}


def run_measured(command: Sequence[str], cwd: Path, log: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Run one command in a fresh process: (wall seconds, CPU seconds, peak RSS in MB) of that process alone.

    os.wait4 returns the resource usage of exactly this child (and what it waited for), so the peak
    memory is per build, not the largest of the whole run as getrusage(RUSAGE_CHILDREN) would give.
    """
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        raise RuntimeError(f"{' '.join(command)} failed with exit code {process.returncode}:\n{tail}")
    # ru_maxrss is in KiB on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024 / 1e6


def plain_error(error: Exception | str, work: Path) -> str:
    """An error for the report, on one line and without this machine's paths."""
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    for path, placeholder in (
        (str(work), "<arbeidsmappe>"),
        (sys.executable, "python"),
        (str(ROOT), "."),
        (tempfile.gettempdir(), "<tmp>"),
    ):
        text = text.replace(path, placeholder)
    return " ".join(text.split())[:1500]
