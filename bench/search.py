"""What searching costs a reader: from the last keystroke to the hits drawn, in Chromium, INTRO against stock.

Each corpus's built site is served locally and searched in one tab. The page's own clock (performance.now())
times every query, from the release of the last key (`keyup`, on which Material searches) to the last change of
Material's result list after the search worker's answer to that query. The last key is pressed without a hold;
the keys before it are typed at a reader's pace, and Playwright holds each of those TYPING_DELAY_MS: that hold
is measured and reported apart, never counted in the time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.browser import serve
from bench.build import CONFIGS, site_dir
from bench.corpus import ROOT
from bench.process import plain_error, switches_off
from macros.commands.chromium import browser as chromium
from macros.commands.chromium import fence
from macros.commands.release import Release, run_mkdocs

QUERIES = ("sykehjemmene", "fastlegen", "KAD", "pårørende", "hjemmesykepleie")
TYPING_DELAY_MS = 80
SEARCH_TIMEOUT_S = 120
SEARCH_ROUNDS = 3


@dataclass
class Search:
    site: str
    ready_seconds: float
    typed: dict[str, list[float]] = field(default_factory=dict)
    last_key: dict[str, list[float]] = field(default_factory=dict)
    worker: dict[str, list[float]] = field(default_factory=dict)  # last character: until the worker answered
    hits: dict[str, str] = field(default_factory=dict)
    holds: list[float] = field(default_factory=list)  # how long a key typed at a reader's pace was held down


@dataclass
class Relevance:
    queries: int
    first: int  # the expected page came first
    top3: int  # ... among the first three
    misses: list[str] = field(default_factory=list)


@dataclass
class SearchResult:
    chapters: int
    runs: list[Search] = field(default_factory=list)
    error: str | None = None
    relevance: Relevance | None = None  # on the real site
    stock_relevance: Relevance | None = None  # the same pages, built by stock Material from INTRO's hand-over


# Before any page script: time every query that reaches the search worker (Material's message type 2, QUERY)
# and every answer (type 3, RESULT). The worker answers in order, so the last answer is the last query's.
_WORKER_CLOCK = """(() => {
  const Original = window.Worker;
  window.__benchQueries = [];
  window.__benchResults = [];
  if (!Original) return;
  function Timed(url, options) {
    const worker = new Original(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = function (message) {
      if (message && message.type === 2) window.__benchQueries.push(performance.now());
      return post.apply(null, arguments);
    };
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type === 3) window.__benchResults.push(performance.now());
    });
    return worker;
  }
  Timed.prototype = Original.prototype;
  window.Worker = Timed;
})();"""

_OBSERVE = """() => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__bench = { last: 0, down: 0, hold: 0, drawn: [] };
  input.addEventListener("keydown", () => { window.__bench.down = performance.now(); }, true);
  input.addEventListener("keyup", () => {
    window.__bench.last = performance.now();
    window.__bench.hold = window.__bench.last - window.__bench.down;
  }, true);
  new MutationObserver(() => { window.__bench.drawn.push(performance.now()); })
    .observe(list, { childList: true });
}"""

_RESET = """() => {
  window.__bench.last = 0; window.__bench.drawn = [];
  window.__bench.asked = window.__benchQueries.length;
}"""

# Idle: the worker has answered every query it was sent.
_IDLE = "() => window.__benchResults.length >= window.__benchQueries.length"

# Settled: a query was sent since the reset, the worker has answered every query (it answers in order, so
# the last answer is the last query's), the list was redrawn after that answer, and nothing has changed
# for quietMs.
_SETTLED = """(quietMs) => {
  const b = window.__bench, q = window.__benchQueries, r = window.__benchResults, now = performance.now();
  if (!b.last || q.length <= b.asked || r.length < q.length) return false;
  const answered = r[r.length - 1];
  return b.drawn.some((t) => t >= answered) && now - Math.max(...b.drawn) > quietMs && now - b.last > quietMs;
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


def _settle(page, timeout_s: float) -> tuple[float | None, float | None, str]:
    """Wait until the answer to the last query is drawn: milliseconds from the last key's release to the last
    change of the result list, and to the worker's last answer, and the result meta («12 treff»)."""
    try:
        page.wait_for_function(_SETTLED, arg=300, timeout=timeout_s * 1000, polling=50)
    except Exception:  # noqa: BLE001 - the answer was not drawn in time
        return None, None, ""
    bench = page.evaluate("() => ({...window.__bench, results: window.__benchResults})")
    return (
        max(bench["drawn"]) - bench["last"],
        bench["results"][-1] - bench["last"],
        page.inner_text(".md-search-result__meta").strip(),
    )


def _one_query(page, query: str, whole: bool) -> tuple[float | None, float | None, str, float]:
    """Type a query (Material searches on keyup); whole=False times only its last character, typed on its own.
    Also gives how long the key before the last was held (Playwright's typing delay), in milliseconds."""
    page.focus("input.md-search__input")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_function(_IDLE, timeout=SEARCH_TIMEOUT_S * 1000, polling=50)
    page.wait_for_timeout(300)
    page.evaluate(_RESET)
    page.keyboard.type(query[:-1], delay=TYPING_DELAY_MS)
    hold = page.evaluate("() => window.__bench.hold")
    if not whole:
        _settle(page, SEARCH_TIMEOUT_S)
        page.evaluate(_RESET)
    page.keyboard.press(query[-1])  # no hold: the clock starts when the key comes up
    return (*_settle(page, SEARCH_TIMEOUT_S), hold)


def measure_search(site: Path, chapters: int, label: str, rounds: int, say) -> Search:
    with serve(site) as base, chromium() as browser:
        context = browser.new_context()
        blocked: list[str] = []
        fence(context, base, blocked.append)
        context.add_init_script(_WORKER_CLOCK)
        page = context.new_page()
        page.goto(base, wait_until="load")
        ready = _search_ready(page, timeout_s=300)
        page.evaluate(_OBSERVE)
        result = Search(site=label, ready_seconds=ready)
        for query in QUERIES:
            for _ in range(rounds):
                for whole, store in ((True, result.typed), (False, result.last_key)):
                    latency, worker, meta, hold = _one_query(page, query, whole)
                    if len(query) > 1:
                        result.holds.append(hold)
                    if latency is not None:
                        store.setdefault(query, []).append(latency)
                        result.hits[query] = meta
                    if worker is not None and not whole:
                        result.worker.setdefault(query, []).append(worker)
        context.close()
    say(f"Søk i {label} ({chapters} kapitler): klart etter {ready:.1f} s")
    return result


# Readers' questions with the pages a good answer puts in the top 3 (the same list the tests use).
READER_QUERIES = Path(__file__).resolve().parents[1] / "tests/data/search-queries.yml"


def _top3_when_answered(page, query: str, intro: bool) -> list:
    """Type a query into the open search box; the first three results once the answer to it is drawn."""
    box = page.locator("input.md-search__input")
    asked = page.evaluate("() => window.__benchQueries.length")
    box.fill(query)
    box.press("End")  # Material searches on key up
    if intro:  # INTRO's line above the results names the query it answers
        page.wait_for_selector(f'.md-search-result__meta[data-intro-query="{query}"]', timeout=SEARCH_TIMEOUT_S * 1000)
    else:  # stock: the worker has answered every query sent since, and Material has drawn the answer
        page.wait_for_function(
            f"() => window.__benchQueries.length > {asked} && ({_IDLE})()", timeout=SEARCH_TIMEOUT_S * 1000, polling=20
        )
        page.wait_for_timeout(100)
    return page.locator(".md-search-result__item > a:first-child").all()[:3]


def measure_relevance(site: Path, intro: bool = True) -> Relevance:
    """Ask a site's search box every reader question; how often the expected page comes first, and top 3."""
    import yaml

    rows = [row for group in yaml.safe_load(READER_QUERIES.read_text(encoding="utf-8")).values() for row in group]
    result = Relevance(len(rows), 0, 0)
    with serve(site) as base, chromium() as browser:
        context = browser.new_context()
        context.add_init_script(_WORKER_CLOCK)
        page = context.new_page()
        page.goto(base, wait_until="load")
        page.locator("input.md-search__input").click(force=True)
        _search_ready(page, timeout_s=SEARCH_TIMEOUT_S)
        for query, *wanted in rows:
            links = _top3_when_answered(page, query, intro)
            found = [(link.get_attribute("href") or "").removeprefix(base).split("#")[0].removesuffix("/") for link in links]
            result.first += bool(found) and found[0] in wanted
            result.top3 += bool(set(found) & set(wanted))
            if not set(found) & set(wanted):
                result.misses.append(f"«{query}»: {', '.join(found) or 'ingenting'}")
        context.close()
    return result


def stock_real_site(work: Path, release: Release) -> Path:
    """The real site as stock Material builds it from INTRO's hand-over: the same pages, Material's own search
    (lunr with its Norwegian stemmer), for comparing relevance on the same content."""
    handed = work / "real-handover"
    env = {
        **switches_off(),
        "INTRO_FINISHED_MARKDOWN": str(handed),
        "INTRO_OFFLINE_ZIP": str(release.zip),
        "INTRO_OFFLINE_ZIM": str(release.zim),
    }
    for config, target, extra in (
        (ROOT / "mkdocs.yml", work / "real-with-handover", env),
        (handed / "mkdocs.yml", work / "real-stock", {}),
    ):
        built = run_mkdocs(config, target, extra)
        if built.returncode != 0:
            raise RuntimeError(f"{config} ble ikke bygget: {built.stderr.strip().splitlines()[-1:]}")
    return work / "real-stock"


def bench_relevance(search: SearchResult, release: Release, work: Path, say) -> None:
    """Relevance on the real site, INTRO's search against stock Material's on the same pages."""
    try:
        search.relevance = measure_relevance(release.site)
        search.stock_relevance = measure_relevance(stock_real_site(work, release), intro=False)
    except Exception as error:  # noqa: BLE001 - the report says what could not be measured, and why
        say(f"Relevansmålingen feilet: {plain_error(error, work)}")


def bench_search(work: Path, chapters: int, say) -> SearchResult:
    outcome = SearchResult(chapters)
    try:
        for config in CONFIGS:
            outcome.runs.append(
                measure_search(
                    site_dir(work, chapters, config), chapters, "INTRO" if config == "intro" else "stock", SEARCH_ROUNDS, say
                )
            )
    except Exception as error:  # noqa: BLE001 - the report says what could not be measured, and why
        outcome.error = plain_error(error, work)
        say(f"Søkemålingen feilet: {outcome.error}")
    return outcome
