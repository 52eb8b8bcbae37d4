"""Benchmark INTRO: what it costs its authors (build) and its readers (bytes, search, offline zip).

    python -m bench.run                # 100, 500 and 2000 chapters, three builds of each, everything
    python -m bench.run --quick        # 100 chapters, one build, no search latency
    python -m bench.run --profile 2000 # cProfile one INTRO and one stock build of 2000 chapters

Each corpus size is built with INTRO's full configuration and with stock Material (search only) on the
same Markdown, alternating, every build in a fresh process. The report goes to bench/results/<date>.md
and bench/results/latest.md (a quick run writes <date>-quick.md and leaves latest.md alone).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):  # run as `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import ROOT, Corpus, generate

RESULTS = ROOT / "bench" / "results"
SIZES = (100, 500, 2000)
CONFIGS = ("intro", "stock")
PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocs-macros-plugin", "Markdown", "pydantic",
            "Jinja2", "PyYAML", "selectolax", "playwright")
# Goals from the issue.
MAX_RATIO = 1.15
MAX_GROWTH = 1.2
MAX_PEAK_MB = 1000
MAX_CHAPTER_KB = 200
MAX_INDEX_KB_PER_100 = 40
MAX_SEARCH_MS = 100
GZIP_LEVEL = 6
KB = 1000
# What deploy/nginx/intro.conf compresses (text/html always, and its gzip_types), from gzip_min_length bytes;
# images and archives go as they are. Python serves .js as text/javascript, nginx as application/javascript.
COMPRESSIBLE = ("text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                "image/svg+xml", "text/xml", "application/xml", "text/plain")
GZIP_MIN_LENGTH = 256
SEARCH_INDEX = "search/search_index.json"
QUERIES = ("sykehjemmene", "fastlegen", "KAD", "pårørende", "hjemmesykepleie")
TYPING_DELAY_MS = 80


# ---- Results ----


@dataclass(frozen=True)
class Build:
    config: str
    chapters: int
    wall: float
    cpu: float
    mkdocs_seconds: float | None
    peak_mb: float


@dataclass
class SizeResult:
    corpus: Corpus
    builds: list[Build] = field(default_factory=list)
    index_bytes: dict[str, tuple[int, int]] = field(default_factory=dict)  # config → (raw, gzip)

    def of(self, config: str) -> list[Build]:
        return [b for b in self.builds if b.config == config]

    def median(self, config: str, attribute: str) -> float:
        return statistics.median(getattr(b, attribute) for b in self.of(config))

    def peak(self, config: str) -> float:
        return max(b.peak_mb for b in self.of(config))


@dataclass(frozen=True)
class Resource:
    url: str
    content_type: str
    raw: int
    gzipped: int


@dataclass
class PageWeight:
    label: str
    path: str
    resources: list[Resource]
    blocked: list[str]

    def total(self, with_index: bool) -> int:
        return sum(r.gzipped for r in self.resources if with_index or not r.url.endswith(SEARCH_INDEX))

    @property
    def index_loaded(self) -> bool:
        return any(r.url.endswith(SEARCH_INDEX) for r in self.resources)


@dataclass
class Reader:
    pages: list[PageWeight] = field(default_factory=list)
    index_raw: int = 0
    index_gzipped: int = 0
    chapters: int = 0
    zip_bytes: int = 0
    build_seconds: dict[str, float] = field(default_factory=dict)
    error: str | None = None


@dataclass
class Search:
    site: str
    ready_seconds: float
    typed: dict[str, list[float]] = field(default_factory=dict)
    last_key: dict[str, list[float]] = field(default_factory=dict)
    worker: dict[str, list[float]] = field(default_factory=dict)  # last character: until the worker answered
    hits: dict[str, str] = field(default_factory=dict)


@dataclass
class SearchResult:
    chapters: int
    runs: list[Search] = field(default_factory=list)
    error: str | None = None


# ---- Building ----


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    if "INTRO_OFFLINE_ZIP" not in extra:
        env.pop("INTRO_OFFLINE_ZIP", None)
    return env


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


def mkdocs_command(config: Path, site_dir: Path) -> list[str]:
    # Strict, as authors build; never -q, which hides the warnings strict mode counts.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]


def build(corpus: Corpus, config: str, site_dir: Path, log: Path) -> Build:
    config_file = corpus.intro_config if config == "intro" else corpus.stock_config
    shutil.rmtree(site_dir, ignore_errors=True)
    wall, cpu, peak = run_measured(mkdocs_command(config_file, site_dir), corpus.root, log, _env())
    reported = re.search(r"Documentation built in ([\d.]+) seconds", log.read_text(encoding="utf-8"))
    return Build(config, corpus.chapters, wall, cpu, float(reported.group(1)) if reported else None, peak)


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def bench_size(chapters: int, repeat: int, work: Path, say, flat_nav: bool = False) -> SizeResult:
    corpus = generate(work / f"corpus-{chapters}", chapters, flat_nav=flat_nav)
    say(f"{chapters} kapitler: korpus laget ({corpus.words} ord, {corpus.diagrams} figurer)")
    result = SizeResult(corpus)
    for round_number in range(repeat):
        # Alternate the order, so neither configuration always builds on a warmer machine.
        order = CONFIGS if round_number % 2 == 0 else tuple(reversed(CONFIGS))
        for config in order:
            done = build(corpus, config, work / f"site-{chapters}-{config}", work / f"build-{chapters}-{config}.log")
            result.builds.append(done)
            say(f"  {config:5} runde {round_number + 1}: {done.wall:6.1f} s vegg, {done.cpu:6.1f} s CPU, "
                f"{done.peak_mb:6.0f} MB")
    for config in CONFIGS:
        index = (work / f"site-{chapters}-{config}" / SEARCH_INDEX).read_bytes()
        result.index_bytes[config] = (len(index), gzipped_size(index))
    return result


# ---- Serving and the browser ----


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        raise RuntimeError("Debian's chromium is not installed. Run `make setup-test` (it installs it).")
    return path


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        try:
            yield browser
        finally:
            browser.close()


def _own_site_only(context, own: str, blocked: list[str]) -> None:
    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith((own, "data:", "blob:")):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    context.route("**/*", route)


def first_visit(browser, base: str, site: Path, path: str, label: str) -> PageWeight:
    """Everything a first visit loads (empty cache), until the network has been quiet for half a second."""
    context = browser.new_context()
    blocked: list[str] = []
    _own_site_only(context, base, blocked)
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(1000)
    resources = []
    seen: set[str] = set()
    for response in responses:
        if response.url in seen or response.status != 200:
            continue
        seen.add(response.url)
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a body the browser does not hold (a worker's fetch) is read from disk
            local = urlsplit(response.url).path.removeprefix("/")
            body = (site / (local + "index.html" if local.endswith("/") or not local else local)).read_bytes()
        content_type = (response.headers.get("content-type") or "").split(";")[0]
        compressible = content_type in COMPRESSIBLE and len(body) >= GZIP_MIN_LENGTH
        compressed = gzipped_size(body) if compressible else len(body)
        resources.append(Resource(response.url.removeprefix(base), content_type, len(body), compressed))
    context.close()
    return PageWeight(label, path, resources, blocked)


# ---- Readers: the real site ----


def _chapter_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "kapitler").rglob("index.html"))


def _median_page(pages: list[Path]) -> Path | None:
    if not pages:
        return None
    ordered = sorted(pages, key=lambda p: p.stat().st_size)
    return ordered[(len(ordered) - 1) // 2]


def measure_reader(work: Path, say) -> Reader:
    """Build the real site as `make build` does, then weigh a first visit to it in Chromium."""
    reader = Reader()
    try:
        offline_site, zip_file, site = work / "real-offline", work / "intro-frakoblet.zip", work / "real-site"
        shutil.rmtree(offline_site, ignore_errors=True)
        wall, _, _ = run_measured(mkdocs_command(ROOT / "mkdocs.offline.yml", offline_site), ROOT,
                                  work / "real-offline.log", _env())
        reader.build_seconds["offline"] = wall
        run_measured([sys.executable, "-m", "macros.cli", "offline-zip", str(offline_site), str(zip_file)], ROOT,
                     work / "real-zip.log", _env())
        reader.zip_bytes = zip_file.stat().st_size
        shutil.rmtree(site, ignore_errors=True)
        wall, _, _ = run_measured(mkdocs_command(ROOT / "mkdocs.yml", site), ROOT, work / "real-site.log",
                                  _env(INTRO_OFFLINE_ZIP=str(zip_file)))
        reader.build_seconds["online"] = wall
        say(f"Det ekte nettstedet er bygget (frakoblet zip {reader.zip_bytes / 1e6:.1f} MB)")

        index = (site / SEARCH_INDEX).read_bytes()
        reader.index_raw, reader.index_gzipped = len(index), gzipped_size(index)
        chapters = _chapter_pages(site)
        reader.chapters = len(chapters)
        with_diagram = [p for p in chapters if 'class="mermaid"' in p.read_text(encoding="utf-8")]
        plain = _median_page([p for p in chapters if p not in with_diagram])
        diagram = _median_page(with_diagram)
        targets = [("Forsiden", "")]
        if plain:
            targets.append(("Kapittel uten figur", plain.parent.relative_to(site).as_posix() + "/"))
        if diagram:
            targets.append(("Kapittel med figur", diagram.parent.relative_to(site).as_posix() + "/"))
        with serve(site) as base, chromium() as browser:
            for label, path in targets:
                reader.pages.append(first_visit(browser, base, site, path, label))
        say("Sidevekten er målt")
    except Exception as error:  # noqa: BLE001 - the report says what could not be measured, and why
        reader.error = f"{type(error).__name__}: {error}"
        say(f"Lesermålingene feilet: {reader.error}")
    return reader


# ---- Readers: search latency ----

_OBSERVE = """() => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__bench = { last: 0, drawn: [] };
  input.addEventListener("input", () => { window.__bench.last = performance.now(); }, true);
  new MutationObserver(() => { window.__bench.drawn.push(performance.now()); })
    .observe(list, { childList: true });
}"""

# Before any page script: note when the search worker answers a query (Material's message type 3, RESULT).
_WORKER_CLOCK = """(() => {
  const Original = window.Worker;
  window.__benchResults = [];
  if (!Original) return;
  function Timed(url, options) {
    const worker = new Original(url, options);
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type === 3) window.__benchResults.push(performance.now());
    });
    return worker;
  }
  Timed.prototype = Original.prototype;
  window.Worker = Timed;
})();"""

_SETTLED = """(quietMs) => {
  const b = window.__bench, now = performance.now();
  const after = b.drawn.filter((t) => t > b.last);
  return b.last > 0 && after.length > 0 && now - Math.max(...after) > quietMs && now - b.last > quietMs;
}"""


def _search_ready(page, timeout_s: float) -> float:
    """Seconds from page load until the search index is ready (the result meta stops saying «Starter søk»)."""
    start = time.perf_counter()
    page.focus("input.md-search__input")
    page.wait_for_function(
        """() => { const m = document.querySelector(".md-search-result__meta");
                   return m && m.textContent.trim() !== "" && !/Starter/.test(m.textContent); }""",
        timeout=timeout_s * 1000,
    )
    return time.perf_counter() - start


def _settle(page) -> tuple[float | None, float | None, str]:
    """Wait until the result list has been quiet for a while: milliseconds from the last keystroke to its last
    change, and to the worker's last answer."""
    try:
        page.wait_for_function(_SETTLED, arg=700, timeout=15_000, polling=100)
    except Exception:  # noqa: BLE001 - no results drawn after the last keystroke
        return None, None, ""
    bench = page.evaluate("() => ({...window.__bench, results: window.__benchResults})")
    drawn = max(t for t in bench["drawn"] if t > bench["last"])
    answered = [t for t in bench["results"] if t > bench["last"]]
    worker = (max(answered) - bench["last"]) if answered else None
    return drawn - bench["last"], worker, page.inner_text(".md-search-result__meta").strip()


def _one_query(page, query: str, whole: bool) -> tuple[float | None, float | None, str]:
    """Type a query (Material searches on keyup); whole=False times only its last character, typed on its own."""
    page.focus("input.md-search__input")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_timeout(500)
    if not whole:
        page.keyboard.type(query[:-1], delay=TYPING_DELAY_MS)
        page.evaluate("() => { window.__bench.last = performance.now(); }")
        _settle(page)
    page.evaluate("() => { window.__bench.last = 0; window.__bench.drawn = []; }")
    page.keyboard.type(query if whole else query[-1], delay=TYPING_DELAY_MS)
    return _settle(page)


def measure_search(site: Path, chapters: int, label: str, rounds: int, say) -> Search:
    with serve(site) as base, chromium() as browser:
        context = browser.new_context()
        blocked: list[str] = []
        _own_site_only(context, base, blocked)
        context.add_init_script(_WORKER_CLOCK)
        page = context.new_page()
        page.goto(base, wait_until="load")
        ready = _search_ready(page, timeout_s=300)
        page.evaluate(_OBSERVE)
        result = Search(site=label, ready_seconds=ready)
        for query in QUERIES:
            for _ in range(rounds):
                for whole, store in ((True, result.typed), (False, result.last_key)):
                    latency, worker, meta = _one_query(page, query, whole)
                    if latency is not None:
                        store.setdefault(query, []).append(latency)
                        result.hits[query] = meta
                    if worker is not None and not whole:
                        result.worker.setdefault(query, []).append(worker)
        context.close()
    say(f"Søk i {label} ({chapters} kapitler): klart etter {ready:.1f} s")
    return result


def bench_search(work: Path, chapters: int, say) -> SearchResult:
    outcome = SearchResult(chapters)
    try:
        for config in CONFIGS:
            outcome.runs.append(measure_search(work / f"site-{chapters}-{config}", chapters,
                                               "INTRO" if config == "intro" else "stock", 3, say))
    except Exception as error:  # noqa: BLE001
        outcome.error = f"{type(error).__name__}: {error}"
        say(f"Søkemålingen feilet: {outcome.error}")
    return outcome


# ---- The machine ----


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def machine() -> dict[str, str]:
    cpu = re.search(r"^model name\s*:\s*(.+)$", _read("/proc/cpuinfo"), re.M)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.M)
    system = re.search(r'^PRETTY_NAME="?([^"\n]+)', _read("/etc/os-release"), re.M)
    versions = []
    for package in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{package} {metadata.version(package)}")
    mermaid = ROOT / "node_modules" / "mermaid" / "package.json"
    if mermaid.is_file():
        versions.append(f"mermaid {json.loads(mermaid.read_text(encoding='utf-8'))['version']}")
    try:
        browser = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True, timeout=30)
        browser_version = browser.stdout.strip().split(" built")[0] or "ukjent"
    except (RuntimeError, OSError, subprocess.SubprocessError):
        browser_version = "ikke installert"
    return {
        "Prosessor": cpu.group(1).strip() if cpu else platform.processor() or "ukjent",
        "Kjerner (nproc)": str(os.cpu_count()),
        "Minne": f"{num(int(memory.group(1)) / 1024 / 1024)} GiB" if memory else "ukjent",
        "System": system.group(1) if system else platform.system(),
        "Python": platform.python_version(),
        "Pakker": ", ".join(versions),
        "Nettleser": browser_version,
    }


def load() -> str:
    return " ".join(num(value) for value in os.getloadavg())


# ---- The report ----


def num(value: float, decimals: int = 1) -> str:
    """A number as Norwegians write it: 1 234,5."""
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return text


def ratio(a: float, b: float) -> str:
    return f"{num(a / b, 2)}×" if b else "–"


def status(ok: bool | None) -> str:
    return "ikke målt" if ok is None else ("✅ nådd" if ok else "❌ ikke nådd")


def _kb(size: int) -> str:
    return f"{num(size / KB)} kB"


def build_goals(sizes: list[SizeResult]) -> list[tuple[str, str, bool | None]]:
    goals = []
    ratios = {s.corpus.chapters: s.median("intro", "wall") / s.median("stock", "wall") for s in sizes}
    goals.append((f"INTRO ≤ {num(MAX_RATIO, 2)}× stock i veggtid, ved hver størrelse",
                  ", ".join(f"{n}: {num(r, 2)}×" for n, r in ratios.items()), all(r <= MAX_RATIO for r in ratios.values())))
    cpu = {s.corpus.chapters: s.median("intro", "cpu") / s.median("stock", "cpu") for s in sizes}
    goals.append((f"(samme mål i CPU-tid, som tåler en travel maskin bedre)",
                  ", ".join(f"{n}: {num(r, 2)}×" for n, r in cpu.items()), all(r <= MAX_RATIO for r in cpu.values())))
    smallest, largest = sizes[0], sizes[-1]
    if len(sizes) > 1:
        for attribute, label in (("wall", "veggtid"), ("mkdocs_seconds", "byggetiden MkDocs oppgir")):
            if any(b.mkdocs_seconds is None for s in (smallest, largest) for b in s.builds):
                continue
            small = smallest.median("intro", attribute) / smallest.corpus.chapters
            large = largest.median("intro", attribute) / largest.corpus.chapters
            goals.append((f"Kostnad per kapittel ved {largest.corpus.chapters} ≤ {num(MAX_GROWTH)}× kostnaden ved "
                          f"{smallest.corpus.chapters} ({label})",
                          f"{num(small * 1000)} → {num(large * 1000)} ms ({num(large / small, 2)}×)",
                          large / small <= MAX_GROWTH))
    else:
        goals.append(("Kostnad per kapittel flat når korpuset vokser", "trenger flere størrelser", None))
    peak = largest.peak("intro")
    goals.append((f"Største minnebruk ved {largest.corpus.chapters} kapitler < 1 GB", f"{num(peak, 0)} MB",
                  peak < MAX_PEAK_MB))
    return goals


def reader_goals(reader: Reader, sizes: list[SizeResult]) -> list[tuple[str, str, bool | None]]:
    goals: list[tuple[str, str, bool | None]] = []
    for page in reader.pages:
        if page.path:
            total = page.total(with_index=False)
            goals.append((f"{page.label}, første besøk uten søkeindeks < {MAX_CHAPTER_KB} kB", _kb(total),
                          total < MAX_CHAPTER_KB * KB))
    if reader.chapters:
        per_100 = reader.index_gzipped * 100 / reader.chapters
        goals.append((f"Søkeindeks < {MAX_INDEX_KB_PER_100} kB komprimert per 100 kapitler (det ekte nettstedet)",
                      f"{_kb(int(per_100))} ({_kb(reader.index_gzipped)} for {reader.chapters} kapitler)",
                      per_100 < MAX_INDEX_KB_PER_100 * KB))
    # The corpora's indexes are left out: text from a small bank of sentences compresses far better than prose.
    return goals


def search_goal(search: SearchResult | None) -> list[tuple[str, str, bool | None]]:
    if search is None or search.error or not search.runs:
        return [(f"Søk i Chromium < {MAX_SEARCH_MS} ms fra siste tastetrykk til treffene er tegnet",
                 "ikke målt", None)]
    intro = search.runs[0]
    samples = [t for values in intro.typed.values() for t in values]
    worst = max(statistics.median(v) for v in intro.typed.values()) if intro.typed else float("inf")
    return [(f"Søk i Chromium < {MAX_SEARCH_MS} ms fra siste tastetrykk til treffene er tegnet "
             f"({search.chapters} kapitler, INTRO)",
             f"median {num(statistics.median(samples), 0)} ms, tregeste søk {num(worst, 0)} ms (median)"
             if samples else "ingen treff tegnet", bool(samples) and worst < MAX_SEARCH_MS)]


def _goal_table(goals: list[tuple[str, str, bool | None]]) -> list[str]:
    lines = ["| Mål | Målt | Status |", "| --- | --- | --- |"]
    lines += [f"| {goal} | {measured} | {status(ok)} |" for goal, measured, ok in goals]
    return lines


def _size_section(size: SizeResult) -> list[str]:
    n = size.corpus.chapters
    lines = [f"### {n} kapitler", "",
             f"{num(size.corpus.words, 0)} ord i kapitlene, {size.corpus.diagrams} med figur, "
             f"{size.corpus.links} lenker mellom kapitlene. {len(size.of('intro'))} bygg av hver.", "",
             "| | INTRO | Stock | INTRO/stock |", "| --- | ---: | ---: | ---: |"]

    def row(label: str, intro: float, stock: float, unit: str, decimals: int = 1) -> str:
        return f"| {label} | {num(intro, decimals)} {unit} | {num(stock, decimals)} {unit} | {ratio(intro, stock)} |"

    lines.append(row("Veggtid (median)", size.median("intro", "wall"), size.median("stock", "wall"), "s"))
    lines.append(row("CPU-tid (median)", size.median("intro", "cpu"), size.median("stock", "cpu"), "s"))
    if all(b.mkdocs_seconds is not None for b in size.builds):
        lines.append(row("Byggetid MkDocs oppgir (median)", size.median("intro", "mkdocs_seconds"),
                         size.median("stock", "mkdocs_seconds"), "s"))
    lines.append(row("Per kapittel (veggtid / kapitler)", size.median("intro", "wall") / n * 1000,
                     size.median("stock", "wall") / n * 1000, "ms"))
    lines.append(row("Største minnebruk (peak RSS)", size.peak("intro"), size.peak("stock"), "MB", 0))
    raw_i, gz_i = size.index_bytes["intro"]
    raw_s, gz_s = size.index_bytes["stock"]
    lines.append(f"| Søkeindeks, komprimert (rå)¹ | {_kb(gz_i)} ({_kb(raw_i)}) | {_kb(gz_s)} ({_kb(raw_s)}) | "
                 f"{ratio(gz_i, gz_s)} |")
    lines += ["", "Hvert bygg (veggtid / CPU-tid / peak RSS): " + "; ".join(
        f"{b.config} {num(b.wall)} s / {num(b.cpu)} s / {num(b.peak_mb, 0)} MB" for b in size.builds) + ".",
        "", "¹ Korpusets tekst er satt sammen av et lite sett setninger og komprimeres mye bedre enn ekte tekst; "
        "målet for søkeindeksen vurderes på det ekte nettstedet."]
    return lines + [""]


def _summary_table(sizes: list[SizeResult]) -> list[str]:
    lines = ["| Kapitler | INTRO veggtid | Stock veggtid | INTRO/stock | INTRO per kapittel | "
             "Stock per kapittel | INTRO peak RSS | Stock peak RSS |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size in sizes:
        n = size.corpus.chapters
        wi, ws = size.median("intro", "wall"), size.median("stock", "wall")
        lines.append(f"| {n} | {num(wi)} s | {num(ws)} s | {ratio(wi, ws)} | {num(wi / n * 1000)} ms | "
                     f"{num(ws / n * 1000)} ms | {num(size.peak('intro'), 0)} MB | {num(size.peak('stock'), 0)} MB |")
    if len(sizes) > 1:
        lines += ["", "Marginal kostnad per kapittel (tillegget i veggtid fra én størrelse til den neste, delt på de "
                  "nye kapitlene; fast oppstartstid faller bort):", ""]
        for small, large in zip(sizes, sizes[1:]):
            added = large.corpus.chapters - small.corpus.chapters
            marginal = {c: (large.median(c, "wall") - small.median(c, "wall")) / added * 1000 for c in CONFIGS}
            lines.append(f"- {small.corpus.chapters} → {large.corpus.chapters}: INTRO {num(marginal['intro'])} ms, "
                         f"stock {num(marginal['stock'])} ms per kapittel.")
    return lines


def _reader_section(reader: Reader) -> list[str]:
    lines = ["## Lesere: det ekte nettstedet", ""]
    if reader.error:
        return lines + [f"Ikke målt: {reader.error}", ""]
    lines += [f"Nettstedet bygget som `make build` gjør det ({reader.chapters} kapitler), servert lokalt og åpnet i "
              "Chromium med tom hurtigbuffer. Alt siden henter til nettet har vært stille i et halvt sekund, telles. "
              f"Størrelsene er komprimert med Pythons gzip på nivå {GZIP_LEVEL}, som stand-in for komprimeringen i "
              "`deploy/nginx/intro.conf` (samme nivå, samme filtyper, fra 256 byte; bilder telles som de er). "
              "1 kB = 1000 byte.", "",
              "| Side | Forespørsler | Uten søkeindeks | Med søkeindeks | Søkeindeksen hentet ved lasting |",
              "| --- | ---: | ---: | ---: | --- |"]
    for page in reader.pages:
        with_index = page.total(True) if page.index_loaded else page.total(False) + reader.index_gzipped
        lines.append(f"| {page.label} (`/{page.path}`) | {len(page.resources)} | {_kb(page.total(False))} | "
                     f"{_kb(with_index)} | {'ja' if page.index_loaded else 'nei (lagt til)'} |")
    lines += ["", "Største filer ved første besøk:", ""]
    for page in reader.pages:
        biggest = sorted(page.resources, key=lambda r: r.gzipped, reverse=True)[:4]
        lines.append(f"- {page.label}: " + ", ".join(f"`{r.url}` {_kb(r.gzipped)}" for r in biggest))
        if page.blocked:
            lines.append(f"  - stoppet forespørsler til andre nettsteder: {', '.join(page.blocked)}")
    lines += ["", f"- Søkeindeksen: {_kb(reader.index_gzipped)} komprimert ({_kb(reader.index_raw)} rå) for "
              f"{reader.chapters} kapitler.",
              f"- Den frakoblede zip-filen (`make offline`): {num(reader.zip_bytes / 1e6, 2)} MB.",
              f"- Byggetid for det ekte nettstedet: {num(reader.build_seconds.get('online', 0))} s, "
              f"frakoblet utgave {num(reader.build_seconds.get('offline', 0))} s.", ""]
    return lines


def _search_section(search: SearchResult | None) -> list[str]:
    lines = ["## Søk i Chromium", ""]
    if search is None:
        return lines + ["Ikke målt i denne kjøringen (hurtigkjøring eller `--no-search`).", ""]
    if search.error:
        return lines + [f"Ikke målt: {search.error}", ""]
    lines += [f"Korpuset med {search.chapters} kapitler, servert lokalt, én fane. Spørringen skrives tegn for tegn "
              f"({TYPING_DELAY_MS} ms mellom tastetrykkene), og tiden måles med `performance.now()` i siden, fra "
              "siste `input`-hendelse til siste endring av `.md-search-result__list` (MutationObserver) før "
              "listen har vært stille i 0,7 s. «Skrevet» er hele spørringen skrevet inn i et tomt søkefelt, slik en "
              "leser gjør: søkene for de første tegnene står da i kø foran det siste. «Siste tegn» er bare det siste "
              "tegnet, skrevet når treffene for resten allerede er tegnet: ett søk alene. Tre målinger per spørring; "
              "medianen vises.",
              "I parentes: hvor lang tid av det siste tegnet som gikk før søkeprosessen (workeren) svarte; resten er "
              "tegning av treffene.",
              "", "| Spørring | Treff (INTRO) | INTRO skrevet | INTRO siste tegn | Stock skrevet | Stock siste tegn |",
              "| --- | --- | ---: | ---: | ---: | ---: |"]
    runs = {run.site: run for run in search.runs}
    intro, stock = runs.get("INTRO"), runs.get("stock")

    def cell(run: Search | None, store: str, query: str) -> str:
        values = getattr(run, store).get(query) if run else None
        if not values:
            return "–"
        worker = run.worker.get(query) if store == "last_key" else None
        share = f" ({num(statistics.median(worker), 0)})" if worker else ""
        return f"{num(statistics.median(values), 0)} ms{share}"

    for query in QUERIES:
        lines.append(f"| {query} | {intro.hits.get(query, '–') if intro else '–'} | {cell(intro, 'typed', query)} | "
                     f"{cell(intro, 'last_key', query)} | {cell(stock, 'typed', query)} | {cell(stock, 'last_key', query)} |")
    lines += ["", "Søkeindeksen var klar (fra siden var lastet til «Starter søk» forsvant): " + ", ".join(
        f"{run.site} {num(run.ready_seconds)} s" for run in search.runs) + ".", ""]
    return lines


NOT_MEASURED = [
    "- **Lighthouse** (ytelse, tilgjengelighet, beste praksis, mobilprofil): Lighthouse er ikke en av prosjektets "
    "npm-pakker ennå. Den må inn i `package.json` og `package-lock.json` med låst versjon før benchmarken kan kjøre "
    "den i Debians chromium; å hente den ad hoc med `npx` ville gjort målingen avhengig av nettet og av dagens versjon.",
    "- **Fra lagring til oppdatert side** (`mkdocs serve` på det ekte nettstedet): krever en egen måling som starter "
    "`mkdocs serve`, endrer et kapittel og venter på at den nye siden serveres (livereload). Den er ikke laget ennå.",
]


def report(args: argparse.Namespace, sizes: list[SizeResult], reader: Reader | None, search: SearchResult | None,
           facts: dict[str, str], loads: tuple[str, str], started: dt.datetime, seconds: float) -> str:
    command = " ".join(["python -m bench.run", *(["--quick"] if args.quick else []),
                        *([] if args.quick or args.sizes == list(SIZES) else ["--sizes", *map(str, args.sizes)]),
                        *([] if args.quick or args.repeat == 3 else ["--repeat", str(args.repeat)]),
                        *(["--largest-repeat", str(args.largest_repeat)] if args.largest_repeat else []),
                        *(["--flat-nav"] if args.flat_nav else []),
                        *(["--no-search"] if args.no_search and not args.quick else []),
                        *(["--no-reader"] if args.no_reader else [])])
    repeats = ", ".join(f"{len(s.of('intro'))} ved {s.corpus.chapters}" for s in sizes)
    nav = ("kapitlene rett i én seksjon per tema" if args.flat_nav
           else "én seksjon per tema (18) med én underseksjon per emne (5 per tema)")
    lines = [f"# Ytelse: INTRO målt {started:%Y-%m-%d}", "",
             f"Kjørt med `{command}` ({num(seconds / 60)} minutter i alt). Bygg av hver konfigurasjon: {repeats} "
             "kapitler; annenhver gang INTRO og stock, hvert bygg i en ny prosess. Navigasjonen i korpuset: "
             f"{nav}.", "",
             "## Maskinen", "", "| | |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in facts.items()]
    lines += [f"| Last (snitt 1, 5, 15 min) før → etter | {loads[0]} → {loads[1]} |", ""]
    goals = build_goals(sizes) + (reader_goals(reader, sizes) if reader and not reader.error else []) \
        + search_goal(search)
    lines += ["## Målene fra saken", ""] + _goal_table(goals) + [""]
    lines += ["## Bygging: forfattere", "",
              "INTRO er hele konfigurasjonen i `mkdocs.yml` (intro-tillegget med validering, makroer, søk). Stock er "
              "Material for MkDocs med bare søk, samme tema-innstillinger (uten INTROs `overrides/`), samme validering "
              "og samme `markdown_extensions`, på nøyaktig samme Markdown. Korpuset er laget av `bench/corpus.py`. "
              "INTRO-bygget gjør mer enn stock: det legger til topptekst, viktige punkter, kilder, undervisningsdel "
              "og stinavigasjon på hvert kapittel, forklaringer på ordlisteord, faste lenker, katalog og plakater.",
              "", "Veggtid og CPU-tid er for hele prosessen (oppstart av Python og import medregnet). "
              "Peak RSS er største minnebruk for den ene byggeprosessen.", ""]
    lines += _summary_table(sizes) + [""]
    for size in sizes:
        lines += _size_section(size)
    if reader is not None:
        lines += _reader_section(reader)
    lines += _search_section(search)
    lines += ["## Ikke målt ennå", ""] + NOT_MEASURED + [""]
    return "\n".join(lines)


# ---- Profiling ----

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
        config_file = corpus.intro_config if config == "intro" else corpus.stock_config
        stats_file = work / f"profile-{chapters}-{config}.prof"
        site_dir = work / f"site-{chapters}-{config}"
        shutil.rmtree(site_dir, ignore_errors=True)
        subprocess.run([sys.executable, "-c", _PROFILE_SCRIPT, str(stats_file), "build", "--strict",
                        "-f", str(config_file), "-d", str(site_dir)], cwd=corpus.root, env=_env(), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stats = pstats.Stats(str(stats_file))
        print(f"\n===== {config}, {chapters} kapitler: {stats.total_tt:.1f} s CPU under cProfile ({stats_file})")
        stats.sort_stats("tottime").print_stats(top)
        stats.sort_stats("cumulative").print_stats(r"(macros/|mkdocs_macros/|abbr|superfences|search/plugin|"
                                                   r"plugins\.py:\d+\(on_)", top)


# ---- Main ----


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="corpus sizes, in chapters")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each configuration per size")
    parser.add_argument("--largest-repeat", type=int, metavar="N",
                        help="builds of each configuration at the largest size (default: --repeat)")
    parser.add_argument("--flat-nav", action="store_true",
                        help="put each theme's chapters straight into its nav section (no subsections)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: smallest size, one build, no search latency; writes <date>-quick.md")
    parser.add_argument("--no-search", action="store_true", help="skip search latency in Chromium")
    parser.add_argument("--no-reader", action="store_true", help="skip the real site (page weight, offline zip)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for the reports")
    parser.add_argument("--workdir", type=Path, help="where corpora and sites are built (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--profile", type=int, metavar="CHAPTERS", help="profile one build of each kind and stop")
    parser.add_argument("--top", type=int, default=30, help="rows per profile table")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.largest_repeat, args.no_search = [min(args.sizes)], 1, None, True
    args.sizes = sorted(set(args.sizes))
    return args


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
        sizes = [bench_size(n, args.largest_repeat if n == args.sizes[-1] and args.largest_repeat else args.repeat,
                            work, say, args.flat_nav) for n in args.sizes]
        reader = None if args.no_reader else measure_reader(work, say)
        search = None if args.no_search else bench_search(work, args.sizes[-1], say)
        text = report(args, sizes, reader, search, machine(), (load_before, load()), started,
                      time.perf_counter() - clock)
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
