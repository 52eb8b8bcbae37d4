"""Edit-to-reload: how long an author waits, with `make serve` running, from saving a chapter to seeing it, beside
stock MkDocs' own `mkdocs serve` of the project's hand-over (the same finished site, without INTRO).

`make serve` runs on a copy of the real project (the real docs are never touched), a chapter is open in
Chromium, and a sentence with a unique marker is written into the chapter's Markdown. The time runs from the
write until the marker is in the page's DOM: MkDocs notices the change, rebuilds, and its livereload script
reloads the page. MkDocs' own «Documentation built in» line gives the share that is the rebuild. Stock is timed
the same way, on the hand-over the copy's build writes, with the same chapter's finished Markdown edited.
"""

from __future__ import annotations

import re
import shutil
import statistics
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench.build import hand_over
from bench.corpus import ROOT
from bench.process import build_env, plain_error
from macros.commands.chromium import browser as chromium
from macros.commands.release import SERVE_FLAGS, serve_mkdocs

CHAPTER = "kapitler/folkehelse.md"  # the real site's; another project's first chapter (edited_chapter)
# What a build of mkdocs.yml reads: the content from the project measured, the code from this repository. macros/
# and overrides/ are copied, not linked: mkdocs.yml watches them, and a link would let an edit to the real project
# set off a rebuild in the middle of a measurement.
CONTENT = ("docs", "data", "mkdocs.yml")
CODE = ("macros", "overrides", "templates")
LINKED = ("node_modules",)  # large, read-only, and not watched
START_TIMEOUT_S = 300
RELOAD_TIMEOUT_S = 60  # a rebuild that fails leaves the page as it was: this long, then report it
SETTLE_S = 1.5  # after a reload, before the next edit: livereload reconnects and the watcher is idle again
# `make serve` on the project, and stock MkDocs' plain `mkdocs serve` on its hand-over, to compare.
INTRO, STOCK = "intro", "stock"
FLAGS = {INTRO: SERVE_FLAGS, STOCK: ()}
TARGETS = {INTRO: "make serve", STOCK: "stock, hand-over"}


@dataclass
class ReloadRun:
    engine: str  # INTRO (`make serve` on the project) or STOCK (`mkdocs serve` on its hand-over)
    seconds: list[float] = field(default_factory=list)  # from the write to the marker in the DOM
    rebuild_seconds: list[float] = field(default_factory=list)  # MkDocs' own figure for each rebuild
    warnings: list[str] = field(default_factory=list)  # distinct warnings from the rebuilds
    untitled_links: int = 0  # nav links titled «None» after a reload: pages --dirty did not read have no title
    error: str | None = None

    @property
    def flags(self) -> tuple[str, ...]:
        return FLAGS[self.engine]

    @property
    def command(self) -> str:
        return " ".join(["mkdocs serve", *self.flags])

    @property
    def target(self) -> str:
        return TARGETS[self.engine]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


@dataclass
class Reload:
    chapters: int  # in the real site's docs/kapitler, the size the goal is set at
    runs: list[ReloadRun] = field(default_factory=list)

    def run(self, engine: str) -> ReloadRun | None:
        return next((run for run in self.runs if run.engine == engine), None)


def copy_project(target: Path, project: Path = ROOT) -> Path:
    """A throwaway copy of the project for `mkdocs serve` to watch."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for source in [project / name for name in CONTENT] + [ROOT / name for name in CODE]:
        name = source.name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    for name in LINKED:
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    return target


def _rebuilds(log_text: str) -> list[float]:
    """MkDocs' «Documentation built in» figures, without the first build."""
    return [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds", log_text)][1:]


def _warnings(log_text: str) -> list[str]:
    """The distinct warnings MkDocs logged after the first build, shortened for the report."""
    after_first = log_text.split("Serving on", 1)[-1]
    found = re.findall(r"^(?:WARNING|ERROR)\s+-\s+(.+)$", after_first, re.M)
    return list(dict.fromkeys(line.strip()[:200] for line in found))


# The reloaded page's nav links with no title: MkDocs writes «None» for a page it has not read.
_UNTITLED = """() => [...document.querySelectorAll(".md-nav__link")]
  .filter((link) => link.textContent.trim() === "None").length"""


def edited_chapter(project: Path) -> str:
    """The chapter an author edits: the real site's folkehelse (so that reports compare), else the first one."""
    if (project / "docs" / CHAPTER).is_file():
        return CHAPTER
    return min(p.relative_to(project / "docs").as_posix() for p in (project / "docs" / "kapitler").glob("*.md"))


# A marker in letters only: one of digits alone (021190773846, once in 260 markers) is a count typed into the text,
# which the build rightly stops (checks/figures.py), and the measurement waited in vain.
_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def unique_word() -> str:
    """Twelve letters no chapter has written: a marker to find in the page once it is rebuilt."""
    return uuid.uuid4().hex[:12].translate(_AS_LETTERS)


def time_reloads(project: Path, base: str, run: ReloadRun, repeat: int) -> None:
    """Open the chapter, then `repeat` times: write a new marker into it and wait for the marker in the DOM."""
    src_uri = edited_chapter(project)
    chapter = project / "docs" / src_uri
    original = chapter.read_text(encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page()
        page.goto(base + src_uri.removesuffix(".md") + "/", wait_until="load")
        time.sleep(SETTLE_S)
        for _ in range(repeat):
            marker = f"Målemerke {unique_word()}"
            started = time.perf_counter()
            chapter.write_text(f"{original.rstrip()}\n\n{marker}: denne setningen er lagt til av målingen.\n", encoding="utf-8")
            # Playwright reruns the check in the new document after livereload's reload.
            page.wait_for_function(
                "m => document.body !== null && document.body.textContent.includes(m)",
                arg=marker,
                polling=50,
                timeout=RELOAD_TIMEOUT_S * 1000,
            )
            run.seconds.append(time.perf_counter() - started)
            page.wait_for_load_state("load")
            run.untitled_links = max(run.untitled_links, page.evaluate(_UNTITLED))
            time.sleep(SETTLE_S)


def measure_mode(work: Path, engine: str, repeat: int, project: Path = ROOT) -> ReloadRun:
    run = ReloadRun(engine)
    log = work / f"serve-{engine}.log"
    try:
        copy = copy_project(work / f"serve-{engine}", project)
        served = copy if engine == INTRO else hand_over(copy, work / "serve-handover", work)
        with serve_mkdocs(served, run.flags, log, env=build_env(), timeout_s=START_TIMEOUT_S) as base:
            time_reloads(served, base, run, repeat)
    except Exception as error:  # noqa: BLE001 - the report says what happened, and why
        run.error = plain_error(error, work)
    if log.is_file():
        text = log.read_text(encoding="utf-8", errors="replace")
        run.rebuild_seconds, run.warnings = _rebuilds(text), _warnings(text)
    return run


def measure_reload(work: Path, repeat: int, say, project: Path = ROOT) -> Reload:
    """`make serve`, then stock's `mkdocs serve` of the hand-over."""
    reload = Reload(chapters=len(list((project / "docs" / "kapitler").rglob("*.md"))))
    for engine in (INTRO, STOCK):
        run = measure_mode(work, engine, repeat, project)
        reload.runs.append(run)
        outcome = f"median {run.median:.2f} s" if run.seconds else f"feilet: {run.error}"
        say(f"Fra lagring til oppdatert side med `{run.command}` ({run.target}): {outcome}")
    return reload
