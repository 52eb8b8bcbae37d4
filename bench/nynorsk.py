"""What the nynorsk edition costs its authors: its build against the Bergen edition's, on the real site.

The nynorsk edition is the Bergen edition translated by Apertium as it builds (macros/translation/). With the
translation cache warm (the usual case: an author changed a page or two) its build should stay within 1.3 times
the bokmål build. With the cache empty (a fresh checkout, a new Apertium) every piece goes to Apertium once.

`python -m bench.nynorsk` builds a copy of the project with an empty cache once, then the two editions in turn,
each in a fresh process, and writes bench/results/nynorsk-<date>.md. It needs Debian's apertium and
apertium-nno-nob.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.corpus import ROOT
from bench.formatting import goal_table, num, ratio, seconds
from bench.process import build_env, run_measured
from macros.commands.release import mkdocs_command

GOAL = 1.3  # the nynorsk build, cache warm, against the bokmål build
CONFIGS = {"bokmål (Bergen)": "mkdocs.yml", "nynorsk": "mkdocs.nynorsk.yml"}
PARTS = ("docs", "data", "overrides", "mkdocs.yml", "mkdocs.nynorsk.yml")


def project_copy(work: Path) -> Path:
    """The project as it is, with its own empty caches; the code and the npm packages linked."""
    project = work / "project"
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    for shared in ("macros", "node_modules"):
        (project / shared).symlink_to(ROOT / shared)
    return project


def build(project: Path, config: str, work: Path, name: str) -> tuple[float, float]:
    """One strict build in a fresh process: (wall seconds, CPU seconds)."""
    wall, cpu, _ = run_measured(
        mkdocs_command(project / config, work / f"site-{name}"), project, work / f"{name}.log", build_env()
    )
    return wall, cpu


def measure(work: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    project = project_copy(work)
    timings: dict[str, list[tuple[float, float]]] = {"nynorsk, tom hurtigbuffer": []}
    timings["nynorsk, tom hurtigbuffer"].append(build(project, CONFIGS["nynorsk"], work, "cold"))
    for run in range(runs):
        for label, config in CONFIGS.items():
            timings.setdefault(label, []).append(build(project, config, work, f"{config}-{run}"))
    return timings


def report(timings: dict[str, list[tuple[float, float]]], runs: int) -> str:
    median = {
        label: (statistics.median(w for w, _ in found), statistics.median(c for _, c in found))
        for label, found in timings.items()
    }
    bokmal, nynorsk = median["bokmål (Bergen)"], median["nynorsk"]
    load = " ".join(num(value, 1) for value in os.getloadavg())
    lines = [
        f"# Ytelse: den nynorske utgaven målt {dt.date.today().isoformat()}",
        "",
        f"Kjørt med `python -m bench.nynorsk --runs {runs}` på {os.cpu_count()} kjerner (last etter: {load}). "
        "Den nynorske utgaven er Bergen-utgaven oversatt med Apertium (nob-nno_e) mens den bygges. Hvert bygg er "
        "`mkdocs build --strict` i en ny prosess på en kopi av prosjektet; de to utgavene annenhver gang, "
        "medianen av målingene.",
        "",
        *goal_table(
            [
                (
                    f"Nynorsk ≤ {num(GOAL, 1)}× bokmål, med varm hurtigbuffer (veggtid)",
                    f"{seconds(nynorsk[0])} mot {seconds(bokmal[0])}: {ratio(nynorsk[0], bokmal[0])}",
                    nynorsk[0] <= GOAL * bokmal[0],
                ),
                (
                    "(samme i CPU-tid, som tåler en travel maskin bedre)",
                    f"{seconds(nynorsk[1])} mot {seconds(bokmal[1])}: {ratio(nynorsk[1], bokmal[1])}",
                    nynorsk[1] <= GOAL * bokmal[1],
                ),
            ]
        ),
        "",
        "| Bygg | Målinger | Veggtid (median) | CPU-tid (median) |",
        "| --- | --- | --- | --- |",
        *[f"| {label} | {len(timings[label])} | {seconds(wall)} | {seconds(cpu)} |" for label, (wall, cpu) in median.items()],
        "",
        "Med tom hurtigbuffer oversetter Apertium alt én gang; etter det bare tekst som er ny eller endret.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each edition with the cache warm")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="intro-bench-nynorsk-") as folder:
        timings = measure(Path(folder), args.runs)
    out = ROOT / "bench" / "results" / f"nynorsk-{dt.date.today().isoformat()}.md"
    out.write_text(report(timings, args.runs), encoding="utf-8")
    print(out.read_text(encoding="utf-8"))
    return out


if __name__ == "__main__":
    main()
