"""The report's sections on what INTRO costs its readers: page weight, Lighthouse, and search latency."""

from __future__ import annotations

import statistics

from bench.browser import GZIP_LEVEL
from bench.build import IndexSize
from bench.formatting import KB, Goal, kb, num
from bench.lighthouse import CATEGORIES, PAGES, LighthousePage, LighthouseResult
from bench.reader import Reader
from bench.search import QUERIES, TYPING_DELAY_MS, Relevance, Search, SearchResult

# Goals from the issue.
MAX_CHAPTER_KB = 200
MAX_INDEX_KB_PER_100 = 40
MAX_SEARCH_MEDIAN_MS = 50
MAX_SEARCH_MS = 100
MAX_READY_S = 0.5
MIN_TOP3 = 0.95
MIN_PERFORMANCE = 95
MIN_ACCESSIBILITY = 100
CATEGORY_NAMES = {"performance": "ytelse", "accessibility": "tilgjengelighet", "best-practices": "beste praksis"}


def reader_goals(reader: Reader) -> list[Goal]:
    goals: list[Goal] = []
    for page in reader.pages:
        if page.path:
            total = page.total(with_index=False)
            goals.append(
                (f"{page.label}, første besøk uten søkeindeks < {MAX_CHAPTER_KB} kB", kb(total), total < MAX_CHAPTER_KB * KB)
            )
    if reader.chapters and reader.index:
        per_100 = reader.index.gzipped * 100 / reader.chapters
        goals.append(
            (
                f"Søkeindeks < {MAX_INDEX_KB_PER_100} kB komprimert per 100 kapitler (det ekte nettstedet)",
                f"{kb(int(per_100))} ({kb(reader.index.gzipped)} for {reader.chapters} kapitler)",
                per_100 < MAX_INDEX_KB_PER_100 * KB,
            )
        )
    # The corpora's indexes are left out: text from a small bank of sentences compresses far better than prose.
    return goals


def search_goal(search: SearchResult | None) -> list[Goal]:
    timing = (
        f"Søk i Chromium < {MAX_SEARCH_MEDIAN_MS} ms (median) og < {MAX_SEARCH_MS} ms (tregeste) fra siste "
        "tast er sluppet til treffene er tegnet"
    )
    ready = f"Søket klart < {num(MAX_READY_S)} s etter at leseren åpner det"
    relevance = f"Søket gir riktig side blant de tre første for ≥ {MIN_TOP3:.0%} av lesernes spørsmål"
    quality = search.relevance if search else None
    relevance_goal: Goal = (relevance, "ikke målt", None)
    if quality:
        relevance_goal = (
            relevance,
            f"{quality.top3 / quality.queries:.0%} (først: {quality.first / quality.queries:.0%}) av {quality.queries}",
            quality.top3 / quality.queries >= MIN_TOP3,
        )
    if search is None or search.error or not search.runs:
        return [(timing, "ikke målt", None), (ready, "ikke målt", None), relevance_goal]
    intro = search.runs[0]
    samples = [t for values in intro.typed.values() for t in values]
    if not samples:
        return [
            (f"{timing} ({search.chapters} kapitler, INTRO)", "ingen treff tegnet", False),
            (ready, f"{num(intro.ready_seconds)} s", intro.ready_seconds < MAX_READY_S),
            relevance_goal,
        ]
    median, worst = statistics.median(samples), max(samples)
    return [
        (
            f"{timing} ({search.chapters} kapitler, INTRO)",
            f"median {num(median, 0)} ms, tregeste {num(worst, 0)} ms",
            median < MAX_SEARCH_MEDIAN_MS and worst < MAX_SEARCH_MS,
        ),
        (f"{ready} ({search.chapters} kapitler, INTRO)", f"{num(intro.ready_seconds)} s", intro.ready_seconds < MAX_READY_S),
        relevance_goal,
    ]


def reader_section(reader: Reader) -> list[str]:
    lines = ["## Lesere: det ekte nettstedet", ""]
    if reader.error:
        return lines + [f"Ikke målt: {reader.error}", ""]
    lines += [
        f"Nettstedet bygget som `make build` gjør det ({reader.chapters} kapitler), servert lokalt med gzip og "
        "åpnet i Chromium med tom hurtigbuffer. Alt siden henter til nettet har vært stille i et halvt sekund, "
        f"telles. Størrelsene er komprimert med Pythons gzip på nivå {GZIP_LEVEL}, som stand-in for "
        "komprimeringen i `deploy/nginx/intro.conf` (samme nivå, samme filtyper, fra 256 byte; bilder telles "
        "som de er). "
        "1 kB = 1000 byte.",
        "",
        "| Side | Forespørsler | Uten søkeindeks | Med søket åpnet | Søkeindeksen hentet ved lasting |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for page in reader.pages:
        opening = reader.index.opening if reader.index else 0
        with_index = page.total(True) if page.index_loaded else page.total(False) + opening
        lines.append(
            f"| {page.label} (`/{page.path}`) | {len(page.resources)} | {kb(page.total(False))} | "
            f"{kb(with_index)} | {'ja' if page.index_loaded else 'nei (lagt til)'} |"
        )
    lines += ["", "Største filer ved første besøk:", ""]
    for page in reader.pages:
        biggest = sorted(page.resources, key=lambda r: r.gzipped, reverse=True)[:4]
        lines.append(f"- {page.label}: " + ", ".join(f"`{r.url}` {kb(r.gzipped)}" for r in biggest))
        if page.blocked:
            lines.append(f"  - stoppet forespørsler til andre nettsteder: {', '.join(page.blocked)}")
    index = reader.index or IndexSize(0, 0, 0, 0)
    lines += [
        "",
        f"- Søkeindeksen: {kb(index.gzipped)} komprimert ({kb(index.raw)} rå) for {reader.chapters} "
        f"kapitler, i {index.files} filer. Når leseren åpner søket, hentes {kb(index.opening)} (ordene); "
        "resten hentes når et søk trenger det, og mens leseren leser treffene.",
        "- Det et første besøk betaler for søket før leseren søker (filene med «search» i navnet): "
        + ", ".join(f"{page.label} {kb(page.search_cost)}" for page in reader.pages)
        + ".",
        f"- Den frakoblede zip-filen (`make offline`): {num(reader.zip_bytes / 1e6, 2)} MB.",
        f"- Byggetid for det ekte nettstedet: {num(reader.build_seconds.get('online', 0))} s, "
        f"frakoblet utgave {num(reader.build_seconds.get('offline', 0))} s.",
        "",
    ]
    return lines


def comparison(search: SearchResult, intro: Relevance, stock: Relevance) -> list[str]:
    """INTRO's search against Material's own (lunr) on the same content: quality, speed, readiness."""
    runs = {run.site: run for run in search.runs}

    def typed(run: Search | None) -> str:
        samples = [t for values in run.typed.values() for t in values] if run else []
        return f"{num(statistics.median(samples), 0)} / {num(max(samples), 0)} ms" if samples else "–"

    def ready(run: Search | None) -> str:
        return f"{num(run.ready_seconds)} s" if run else "–"

    intro_run, stock_run = runs.get("INTRO"), runs.get("stock")
    return [
        "Sammenlignet på det samme innholdet: det ekte nettstedet slik stock Material bygger det fra INTROs "
        "overlevering (`INTRO_FINISHED_MARKDOWN`), med Materials eget søk (lunr med norsk stemmer), og "
        f"korpuset med {search.chapters} kapitler for farten.",
        "",
        "| | INTRO | Stock (lunr) |",
        "| --- | ---: | ---: |",
        f"| Riktig side først ({intro.queries} spørsmål) | {intro.first / intro.queries:.0%} | "
        f"{stock.first / stock.queries:.0%} |",
        f"| Riktig side blant de tre første | {intro.top3 / intro.queries:.0%} | {stock.top3 / stock.queries:.0%} |",
        f"| Skrevet spørring, median / tregeste ({search.chapters} kapitler) | {typed(intro_run)} | {typed(stock_run)} |",
        f"| Klart etter at leseren åpner søket ({search.chapters} kapitler) | {ready(intro_run)} | {ready(stock_run)} |",
        "",
        "Stock bommet på: " + ("; ".join(stock.misses) if stock.misses else "ingen") + ".",
        "",
    ]


def search_section(search: SearchResult | None) -> list[str]:
    lines = ["## Søk i Chromium", ""]
    if search is None:
        return lines + ["Ikke målt i denne kjøringen (hurtigkjøring eller `--no-search`).", ""]
    if search.error:
        return lines + [f"Ikke målt: {search.error}", ""]
    hold = f"{num(statistics.median(search.runs[0].holds), 0)} ms" if search.runs and search.runs[0].holds else "–"
    lines += [
        f"Korpuset med {search.chapters} kapitler, servert lokalt, én fane. Spørringen skrives tegn for tegn "
        f"(Playwright holder hver tast nede i {TYPING_DELAY_MS} ms; målt: {hold}), men siste tast trykkes uten "
        "å holdes, og tiden måles med `performance.now()` i siden, fra siste tast slippes (`keyup`, som "
        "Material søker på) til siste endring av `.md-search-result__list` (MutationObserver) før "
        "listen har vært stille i 0,3 s. Holdetiden er ikke med i tallene. "
        "«Skrevet» er hele spørringen skrevet inn i et tomt søkefelt, slik en "
        "leser gjør: søket for et tidligere tegn kan da holde søkeprosessen opptatt når det siste kommer (stock "
        "sender ett søk per tegn, og de står i kø; INTRO lar bare det nyeste vente). «Siste tegn» er bare det siste "
        "tegnet, skrevet når treffene for resten allerede er tegnet: ett søk alene. Tre målinger per spørring; "
        "medianen vises.",
        "I parentes: hvor lang tid av det siste tegnet som gikk før søkeprosessen (workeren) svarte; resten er "
        "tegning av treffene.",
        "",
        "| Spørring | Treff (INTRO) | INTRO skrevet | INTRO siste tegn | Stock skrevet | Stock siste tegn |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
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
        lines.append(
            f"| {query} | {intro.hits.get(query, '–') if intro else '–'} | {cell(intro, 'typed', query)} | "
            f"{cell(intro, 'last_key', query)} | {cell(stock, 'typed', query)} | "
            f"{cell(stock, 'last_key', query)} |"
        )
    lines += [
        "",
        "Søket var klart (fra leseren åpnet søket til «Starter søk» forsvant; INTRO henter først da "
        "indeksen): " + ", ".join(f"{run.site} {num(run.ready_seconds)} s" for run in search.runs) + ".",
        "",
    ]
    quality, stock_quality = search.relevance, search.stock_relevance
    if quality:
        lines += [
            f"Relevans på det ekte nettstedet, gjennom søkefeltet: {quality.queries} spørsmål fra lesergruppene "
            f"(`tests/data/search-queries.yml`). Riktig side først: {quality.first / quality.queries:.0%}; "
            f"blant de tre første: {quality.top3 / quality.queries:.0%}."
            + (" Bommet: " + "; ".join(quality.misses) + "." if quality.misses else ""),
            "",
        ]
    if quality and stock_quality:
        lines += comparison(search, quality, stock_quality)
    return lines


def lighthouse_goals(lighthouse: LighthouseResult | None) -> list[Goal]:
    goals = [
        ("performance", f"Lighthouse ytelse ≥ {MIN_PERFORMANCE} (mobil)", MIN_PERFORMANCE),
        ("accessibility", f"Lighthouse tilgjengelighet = {MIN_ACCESSIBILITY} (mobil)", MIN_ACCESSIBILITY),
    ]
    if lighthouse is None or lighthouse.error or not lighthouse.pages:
        return [(goal, "ikke målt", None) for _, goal, _ in goals]
    return [
        (
            goal,
            ", ".join(f"{page.label} {page.score(category)}" for page in lighthouse.pages),
            all(page.score(category) >= minimum for page in lighthouse.pages),
        )
        for category, goal, minimum in goals
    ]


def _score_cell(page: LighthousePage, category: str) -> str:
    low, high = page.spread(category)
    return f"{page.score(category)}" + (f" ({low}–{high})" if low != high else "")


def lighthouse_section(lighthouse: LighthouseResult | None) -> list[str]:
    lines = ["## Lighthouse: det ekte nettstedet på mobil", ""]
    if lighthouse is None:
        return lines + ["Ikke målt i denne kjøringen (`--no-lighthouse` eller `--no-reader`).", ""]
    if lighthouse.error:
        return lines + [f"Ikke målt: {lighthouse.error}", ""]
    runs = len(lighthouse.pages[0].runs)
    foreign = sorted({url for page in lighthouse.pages for run in page.runs for url in run.foreign})
    index = lighthouse.benchmark_index
    lines += [
        f"Lighthouse {lighthouse.version} (npm-pakken, låst i `package-lock.json`) i Debians Chromium, med "
        "Lighthouses standardprofil: en mellomklasse-mobil på tregt 4G, med simulert struping. Nettstedet er "
        "bygget som `make build` gjør det og servert lokalt med gzip som `deploy/nginx/intro.conf`. "
        f"{runs} kjøring{'er' if runs > 1 else ''} per side"
        + ("; medianen vises, med laveste–høyeste i parentes når de skiller seg." if runs > 1 else ".")
        + (f" Maskinens ytelsesindeks (Lighthouses benchmarkIndex): {num(index, 0)}." if index else "")
        + " Forespørsler til andre nettsteder: "
        + (", ".join(f"`{url}`" for url in foreign) if foreign else "ingen")
        + "."
        + (" Bare forsiden er målt i denne kjøringen (hurtigkjøring)." if len(lighthouse.pages) < len(PAGES) else ""),
        "",
        f"| Side | Ytelse (mål ≥ {MIN_PERFORMANCE}) | Tilgjengelighet (mål {MIN_ACCESSIBILITY}) | Beste praksis |",
        "| --- | ---: | ---: | ---: |",
    ]
    for page in lighthouse.pages:
        lines.append(f"| {page.label} (`/{page.path}`) | " + " | ".join(_score_cell(page, c) for c in CATEGORIES) + " |")
    missed = _missed(lighthouse)
    if missed:
        lines += [
            "",
            "Det som trekker ned der et mål ikke er nådd (Lighthouses egne titler, fra "
            f"{'medianmålingen' if runs > 1 else 'målingen'}):",
            "",
        ] + missed
    return lines + [""]


def _missed(lighthouse: LighthouseResult) -> list[str]:
    """For each page and category below its goal (or below 100, for best practices): the audits to look at."""
    minimum = {"performance": MIN_PERFORMANCE, "accessibility": MIN_ACCESSIBILITY, "best-practices": 100}
    lines = []
    for page in lighthouse.pages:
        for category in CATEGORIES:
            audits = page.median_run.failing[category]
            if page.score(category) >= minimum[category] or not audits:
                continue
            listed = "; ".join(
                audit.title
                + (f": {audit.shown}" if audit.shown else "")
                + f" (`{audit.id}`"
                + (f", f.eks. `{audit.example}`" if audit.example else "")
                + ")"
                for audit in audits
            )
            lines.append(f"- {page.label}, {CATEGORY_NAMES[category]} {page.score(category)}: {listed}")
    return lines
