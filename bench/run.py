"""Benchmark INTRO: what it costs its authors (build, edit-to-reload) and its readers (bytes, Lighthouse, search,
offline zip).

    python -m bench.run                # 100, 500 and 2000 chapters, three builds of each, everything
    python -m bench.run --largest-repeat 1  # the same, but one build of each at 2000 (about 20 minutes)
    python -m bench.run --quick        # 100 chapters, one build, no search latency, Lighthouse on one page
                                       # once, one edit-to-reload with `make serve` and one with stock
    python -m bench.run --profile 2000 # cProfile one INTRO and one stock build of 2000 chapters

Each corpus size is built with INTRO's full configuration and with stock Material (search only) on the
same Markdown, alternating, every build in a fresh process. The real site is built by INTRO and, from its
hand-over, by stock Material; it is built as `make build` builds it, weighed in Chromium and run through
Lighthouse on four kinds of page; `make serve` on a copy of it, and stock's `mkdocs serve` on its hand-over, time
edit-to-reload. The report
goes to bench/results/<date>.md and bench/results/latest.md (a quick run writes <date>-quick.md and leaves
latest.md alone).

This module only reads the options and runs the parts in order. The parts:

    corpus.py     the generated projects          build.py       their builds, INTRO against stock (and --profile),
                                                                 and the real site against stock on its hand-over
    reload.py     edit-to-reload, mkdocs serve    reader.py      the real site: its build, first visits, the zip
    lighthouse.py Lighthouse on the real site     search.py      search latency in the corpora's sites
    browser.py    the nginx-like server, Chromium process.py     running MkDocs in a fresh process
    report.py     the Markdown report, with report_authors.py, report_readers.py and formatting.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.build import bench_real_site, bench_size, profile
from bench.corpus import ROOT
from bench.lighthouse import PAGES as LIGHTHOUSE_PAGES
from bench.lighthouse import RUNS as LIGHTHOUSE_RUNS
from bench.lighthouse import measure_lighthouse
from bench.reader import measure_reader
from bench.reload import measure_reload
from bench.report import Measurements, RunInfo, load, machine, report
from bench.search import bench_relevance, bench_search

RESULTS = ROOT / "bench" / "results"
SIZES = (100, 500, 2000)
REPEAT = 3
RELOADS = 5  # edits with `make serve` and with stock; a quick run makes one


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="corpus sizes, in chapters")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="builds of each configuration per size")
    parser.add_argument(
        "--largest-repeat", type=int, metavar="N", help="builds of each configuration at the largest size (default: --repeat)"
    )
    parser.add_argument(
        "--flat-nav", action="store_true", help="put each theme's chapters straight into its nav section (no subsections)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: smallest size, one build, no search latency, Lighthouse once on the "
        "landing page, one edit-to-reload; writes <date>-quick.md",
    )
    parser.add_argument("--no-search", action="store_true", help="skip search latency in Chromium")
    parser.add_argument(
        "--no-reader", action="store_true", help="skip the real site (page weight, offline zip, and so Lighthouse)"
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--no-reload", action="store_true", help="skip edit-to-reload with mkdocs serve")
    parser.add_argument("--no-real-build", action="store_true", help="skip the real site's build against stock on its hand-over")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for the reports")
    parser.add_argument("--workdir", type=Path, help="where corpora and sites are built (default: a temp folder)")
    parser.add_argument(
        "--project",
        type=Path,
        default=ROOT,
        help="the INTRO project whose site the reader, Lighthouse and edit-to-reload parts measure (default: this "
        "repository; the tests give their small fixture project)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the work folder (with Lighthouse's JSON reports and the mkdocs serve logs)"
    )
    parser.add_argument("--profile", type=int, metavar="CHAPTERS", help="profile one build of each kind and stop")
    parser.add_argument("--top", type=int, default=30, help="rows per profile table")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.largest_repeat, args.no_search = [min(args.sizes)], 1, None, True
    args.sizes = sorted(set(args.sizes))
    return args


def command_line(args: argparse.Namespace) -> str:
    """The options that shaped this run, for the report (never the paths of --out or --workdir)."""
    options = ["--quick"] if args.quick else []
    if not args.quick and args.sizes != list(SIZES):
        options += ["--sizes", *map(str, args.sizes)]
    if not args.quick and args.repeat != REPEAT:
        options += ["--repeat", str(args.repeat)]
    if args.largest_repeat:
        options += ["--largest-repeat", str(args.largest_repeat)]
    switches = (
        ("--flat-nav", args.flat_nav),
        ("--no-search", args.no_search and not args.quick),
        ("--no-reader", args.no_reader),
        ("--no-lighthouse", args.no_lighthouse),
        ("--no-reload", args.no_reload),
        ("--no-real-build", args.no_real_build),
    )
    options += [name for name, on in switches if on]
    if args.project.resolve() != ROOT:
        options += ["--project", args.project.name]  # its name only: the report names no path of this machine
    return " ".join(["python -m bench.run", *options])


def measure(args: argparse.Namespace, work: Path, say) -> Measurements:
    sizes = [
        bench_size(
            n, args.largest_repeat if n == args.sizes[-1] and args.largest_repeat else args.repeat, work, say, args.flat_nav
        )
        for n in args.sizes
    ]
    # Timed while the machine is otherwise idle: before the browsers of the reader measurements start.
    reload = None if args.no_reload else measure_reload(work, 1 if args.quick else RELOADS, say, args.project)
    real = None if args.no_real_build else bench_real_site(work, 1 if args.quick else args.repeat, say, args.project)
    reader = None if args.no_reader else measure_reader(work, say, args.project)
    lighthouse = None
    if reader is not None and reader.site is not None and not args.no_lighthouse:
        pages, runs = (1, 1) if args.quick else (len(LIGHTHOUSE_PAGES), LIGHTHOUSE_RUNS)
        lighthouse = measure_lighthouse(reader.site, work, pages, runs, say)
    search = None if args.no_search else bench_search(work, args.sizes[-1], say)
    if search is not None and reader is not None and reader.release is not None:
        bench_relevance(search, reader.release, work, say)
    return Measurements(sizes, reader, lighthouse, search, reload, real)


def main(argv: Sequence[str] | None = None) -> Path | None:
    args = parse(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="intro-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    say = partial(print, flush=True)
    try:
        if args.profile:
            profile(args.profile, work, args.top, args.flat_nav)
            return None
        started, clock, load_before = dt.datetime.now(), time.perf_counter(), load()
        measured = measure(args, work, say)
        run = RunInfo(command_line(args), started, time.perf_counter() - clock, (load_before, load()), args.flat_nav)
        text = report(measured, run, machine())
        args.out.mkdir(parents=True, exist_ok=True)
        target = args.out / f"{started:%Y-%m-%d}{'-quick' if args.quick else ''}.md"
        target.write_text(text, encoding="utf-8")
        if not args.quick:
            (args.out / "latest.md").write_text(text, encoding="utf-8")
        print(text)
        say(f"Rapporten er skrevet til {target}")
        return target
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
