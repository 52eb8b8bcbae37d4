"""What INTRO costs its authors: building the same generated corpus with INTRO and with stock Material.

Each size is built with both configurations, alternating, every build in a fresh process, so neither
configuration gains from a warm interpreter or always builds on a warmer machine.
"""

from __future__ import annotations

import json
import pstats
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from bench.browser import gzipped_size
from bench.corpus import Corpus, generate
from bench.process import build_env, plain_error, run_measured
from macros.commands.release import mkdocs_command
from macros.exports.search import index as search_index

CONFIGS = ("intro", "stock")
# Stock Material on the Markdown INTRO renders (macros run, front matter turned into header, key points, sources,
# teaching box and path navigation): the same content as INTRO's pages, without INTRO's machinery. It splits
# INTRO's extra cost into what its pages hold and what its checks and hooks cost.
FINISHED = "finished"
# The search index file a reader's browser loads first when searching: INTRO's own, else Material's.
SEARCH_INDEXES = (search_index.INTRO_INDEX, search_index.MATERIAL_INDEX)


@dataclass(frozen=True)
class IndexSize:
    raw: int
    gzipped: int  # each file compressed on its own, as the server sends it
    files: int
    opening: int  # compressed: what opening search loads before the first query


def search_size(site: Path) -> IndexSize:
    """The search index a reader may download: INTRO's files (macros.exports.search.index), else Material's."""
    paths = search_index.files(site) or [site / search_index.MATERIAL_INDEX]
    sizes = [(len(data), gzipped_size(data)) for data in (path.read_bytes() for path in paths)]
    return IndexSize(sum(raw for raw, _ in sizes), sum(gz for _, gz in sizes), len(sizes), sizes[0][1])


@dataclass(frozen=True)
class Build:
    config: str
    chapters: int
    wall: float
    cpu: float
    mkdocs_seconds: float | None  # what MkDocs itself reports: the build without Python's start-up and imports
    peak_mb: float


@dataclass
class SizeResult:
    corpus: Corpus
    builds: list[Build] = field(default_factory=list)
    index_bytes: dict[str, IndexSize] = field(default_factory=dict)  # per config

    finished: Corpus | None = None

    def of(self, config: str) -> list[Build]:
        return [b for b in self.builds if b.config == config]

    def median(self, config: str, attribute: str) -> float:
        return statistics.median(getattr(b, attribute) for b in self.of(config))

    def peak(self, config: str) -> float:
        return max(b.peak_mb for b in self.of(config))


def config_file(corpus: Corpus, config: str) -> Path:
    return corpus.intro_config if config == "intro" else corpus.stock_config


def finished_corpus(corpus: Corpus, work: Path) -> Corpus:
    """The corpus as INTRO renders it (its hand-over: plain pages and every file) for stock Material; not timed."""
    root = work / f"corpus-{corpus.chapters}-ferdig"
    shutil.rmtree(root, ignore_errors=True)
    run_measured(
        mkdocs_command(corpus.intro_config, work / f"site-{corpus.chapters}-dump"),
        corpus.root,
        work / f"build-{corpus.chapters}-dump.log",
        build_env(INTRO_FINISHED_MARKDOWN=str(root)),
    )
    # Built with the benchmark's stock config (search only), so that it compares with the stock build; the booklets
    # stay out of its menu, as the hand-over's own config says.
    with open(root / "mkdocs.yml", encoding="utf-8") as handed_over:
        aside = yaml_load(handed_over).get("not_in_nav", "")
    (root / corpus.stock_config.name).write_text(
        corpus.stock_config.read_text(encoding="utf-8") + (f"\nnot_in_nav: {json.dumps(aside)}\n" if aside else ""),
        encoding="utf-8",
    )
    return replace(corpus, root=root, intro_config=root / corpus.stock_config.name, stock_config=root / corpus.stock_config.name)


def build(corpus: Corpus, config: str, site_dir: Path, log: Path) -> Build:
    shutil.rmtree(site_dir, ignore_errors=True)
    wall, cpu, peak = run_measured(mkdocs_command(config_file(corpus, config), site_dir), corpus.root, log, build_env())
    reported = re.search(r"Documentation built in ([\d.]+) seconds", log.read_text(encoding="utf-8"))
    return Build(config, corpus.chapters, wall, cpu, float(reported.group(1)) if reported else None, peak)


def site_dir(work: Path, chapters: int, config: str) -> Path:
    """Where a corpus's site is built; the search latency measurement opens it afterwards."""
    return work / f"site-{chapters}-{config}"


def bench_size(chapters: int, repeat: int, work: Path, say, flat_nav: bool = False) -> SizeResult:
    corpus = generate(work / f"corpus-{chapters}", chapters, flat_nav=flat_nav)
    say(f"{chapters} kapitler: korpus laget ({corpus.words} ord, {corpus.diagrams} figurer)")
    result = SizeResult(corpus)
    for round_number in range(repeat):
        # Alternate the order, so neither configuration always builds on a warmer machine.
        order = CONFIGS if round_number % 2 == 0 else tuple(reversed(CONFIGS))
        for config in order:
            done = build(corpus, config, site_dir(work, chapters, config), work / f"build-{chapters}-{config}.log")
            result.builds.append(done)
            say(f"  {config:5} runde {round_number + 1}: {done.wall:6.1f} s vegg, {done.cpu:6.1f} s CPU, {done.peak_mb:6.0f} MB")
    result.finished = finished_corpus(corpus, work)
    for _ in range(repeat):
        done = build(result.finished, FINISHED, site_dir(work, chapters, FINISHED), work / f"build-{chapters}-ferdig.log")
        result.builds.append(done)
        say(f"  stock på ferdig Markdown: {done.wall:6.1f} s vegg, {done.cpu:6.1f} s CPU, {done.peak_mb:6.0f} MB")
    for config in CONFIGS:
        result.index_bytes[config] = search_size(site_dir(work, chapters, config))
    return result


# ---- Profiling: where the build time goes ----

_PROFILE_SCRIPT = """
import cProfile, sys, time
from mkdocs.__main__ import cli
profile = cProfile.Profile(time.process_time)
profile.enable()
try:
    cli.main(args=sys.argv[2:], standalone_mode=False)
finally:
    profile.disable()
    profile.dump_stats(sys.argv[1])
"""


def profile(chapters: int, work: Path, top: int, flat_nav: bool = False) -> None:
    """cProfile (CPU time) one INTRO and one stock build, and print where the time goes."""
    corpus = generate(work / f"corpus-{chapters}", chapters, flat_nav=flat_nav)
    for config in CONFIGS:
        stats_file = work / f"profile-{chapters}-{config}.prof"
        target = site_dir(work, chapters, config)
        shutil.rmtree(target, ignore_errors=True)
        subprocess.run(
            [
                sys.executable,
                "-c",
                _PROFILE_SCRIPT,
                str(stats_file),
                "build",
                "--strict",
                "-f",
                str(config_file(corpus, config)),
                "-d",
                str(target),
            ],
            cwd=corpus.root,
            env=build_env(),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stats = pstats.Stats(str(stats_file))
        print(f"\n===== {config}, {chapters} kapitler: {stats.total_tt:.1f} s CPU under cProfile ({stats_file})")
        stats.sort_stats("tottime").print_stats(top)
        stats.sort_stats("cumulative").print_stats(
            r"(macros/|mkdocs_macros/|abbr|superfences|search/plugin|"
            r"plugins\.py:\d+\(on_)",
            top,
        )


# ---- The real site against stock on its hand-over ----


def hand_over(project: Path, folder: Path, work: Path) -> Path:
    """The project built as `make build` builds its site, with the finished site handed over to folder (a whole
    project that stock MkDocs and Material build without INTRO); not timed."""
    shutil.rmtree(folder, ignore_errors=True)
    run_measured(
        mkdocs_command(project / "mkdocs.yml", work / f"{folder.name}-site"),
        project,
        work / f"{folder.name}.log",
        build_env(INTRO_FINISHED_MARKDOWN=str(folder)),
    )
    if not (folder / "mkdocs.yml").is_file():
        raise RuntimeError("the build handed nothing over: the intro plugin in mkdocs.yml has no finished_markdown_dir")
    return folder


@dataclass
class RealBuild:
    """The real site (the online edition, as `mkdocs build` of mkdocs.yml makes it) built by INTRO, against stock
    MkDocs and Material building its hand-over: the same finished site, pages and generated files."""

    chapters: int
    wall: dict[str, list[float]] = field(default_factory=lambda: {config: [] for config in CONFIGS})
    cpu: dict[str, list[float]] = field(default_factory=lambda: {config: [] for config in CONFIGS})
    error: str | None = None

    def median(self, config: str, attribute: str = "wall") -> float:
        return statistics.median(getattr(self, attribute)[config])


def bench_real_site(work: Path, repeat: int, say, project: Path) -> RealBuild:
    real = RealBuild(chapters=len(list((project / "docs" / "kapitler").rglob("*.md"))))
    try:
        handover = hand_over(project, work / "real-handover", work)
        configs = {"intro": project / "mkdocs.yml", "stock": handover / "mkdocs.yml"}
        for n in range(repeat):
            for config in CONFIGS if n % 2 == 0 else CONFIGS[::-1]:  # alternating, as the corpus builds
                wall, cpu, _ = run_measured(
                    mkdocs_command(configs[config], work / f"real-{config}"),
                    configs[config].parent,
                    work / f"real-{config}.log",
                    build_env(),
                )
                real.wall[config].append(wall)
                real.cpu[config].append(cpu)
        say(f"Det ekte nettstedet: INTRO {real.median('intro'):.1f} s, stock på hand-over {real.median('stock'):.1f} s")
    except Exception as error:  # noqa: BLE001 - the report says what happened
        real.error = plain_error(error, work)
        say(f"Det ekte nettstedet mot stock: feilet: {real.error}")
    return real
