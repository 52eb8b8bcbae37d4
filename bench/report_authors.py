"""The report's sections on what INTRO costs its authors: build time and memory, and edit-to-reload."""

from __future__ import annotations

import statistics

from bench.build import CONFIGS, FINISHED, RealBuild, SizeResult
from bench.formatting import Goal, kb, num, ratio, seconds
from bench.reload import CHAPTER, INTRO, SETTLE_S, STOCK, Reload, ReloadRun
from macros.plugin import LOOK_EVERY_S

# Goals from the issue.
MAX_RATIO = 1.15
MAX_FINISHED_RATIO = 1.3  # INTRO against stock on the finished Markdown INTRO makes of the corpus
MAX_REAL_RATIO = 1.2  # the real site against stock on its hand-over
MAX_GROWTH = 1.2
MAX_PEAK_MB = 1000
MAX_RELOAD_RATIO = 0.35  # `make serve` against stock's `mkdocs serve` of the hand-over
BUILD_LABELS = {FINISHED: "stock på ferdig Markdown"}


def build_goals(sizes: list[SizeResult]) -> list[Goal]:
    goals = []
    ratios = {s.corpus.chapters: s.median("intro", "wall") / s.median("stock", "wall") for s in sizes}
    goals.append(
        (
            f"INTRO ≤ {num(MAX_RATIO, 2)}× stock i veggtid, ved hver størrelse",
            ", ".join(f"{n}: {num(r, 2)}×" for n, r in ratios.items()),
            all(r <= MAX_RATIO for r in ratios.values()),
        )
    )
    cpu = {s.corpus.chapters: s.median("intro", "cpu") / s.median("stock", "cpu") for s in sizes}
    goals.append(
        (
            "(samme mål i CPU-tid, som tåler en travel maskin bedre)",
            ", ".join(f"{n}: {num(r, 2)}×" for n, r in cpu.items()),
            all(r <= MAX_RATIO for r in cpu.values()),
        )
    )
    if all(s.of(FINISHED) for s in sizes):
        for attribute, label in (("wall", "veggtid"), ("cpu", "CPU-tid")):
            same = {s.corpus.chapters: s.median("intro", attribute) / s.median(FINISHED, attribute) for s in sizes}
            goals.append(
                (
                    f"INTRO ≤ {num(MAX_FINISHED_RATIO, 2)}× stock på Markdown-en INTRO lager (samme innhold), i {label}, "
                    "ved hver størrelse",
                    ", ".join(f"{n}: {num(r, 2)}×" for n, r in same.items()),
                    all(r <= MAX_FINISHED_RATIO for r in same.values()),
                )
            )
    smallest, largest = sizes[0], sizes[-1]
    if len(sizes) > 1:
        for attribute, label in (("wall", "veggtid"), ("cpu", "CPU-tid"), ("mkdocs_seconds", "byggetiden MkDocs oppgir")):
            if any(getattr(b, attribute) is None for s in (smallest, largest) for b in s.builds):
                continue
            small = smallest.median("intro", attribute) / smallest.corpus.chapters
            large = largest.median("intro", attribute) / largest.corpus.chapters
            goals.append(
                (
                    f"Kostnad per kapittel ved {largest.corpus.chapters} ≤ {num(MAX_GROWTH)}× kostnaden ved "
                    f"{smallest.corpus.chapters} ({label})",
                    f"{num(small * 1000)} → {num(large * 1000)} ms ({num(large / small, 2)}×)",
                    large / small <= MAX_GROWTH,
                )
            )
    else:
        goals.append(("Kostnad per kapittel flat når korpuset vokser", "trenger flere størrelser", None))
    peak = largest.peak("intro")
    goals.append((f"Største minnebruk ved {largest.corpus.chapters} kapitler < 1 GB", f"{num(peak, 0)} MB", peak < MAX_PEAK_MB))
    return goals


def size_section(size: SizeResult) -> list[str]:
    n = size.corpus.chapters
    lines = [
        f"### {n} kapitler",
        "",
        f"{num(size.corpus.words, 0)} ord i kapitlene, {size.corpus.diagrams} med figur, "
        f"{size.corpus.links} lenker mellom kapitlene. {len(size.of('intro'))} bygg av hver.",
        "",
        "| | INTRO | Stock | INTRO/stock |",
        "| --- | ---: | ---: | ---: |",
    ]

    def row(label: str, intro: float, stock: float, unit: str, decimals: int = 1) -> str:
        return f"| {label} | {num(intro, decimals)} {unit} | {num(stock, decimals)} {unit} | {ratio(intro, stock)} |"

    lines.append(row("Veggtid (median)", size.median("intro", "wall"), size.median("stock", "wall"), "s"))
    lines.append(row("CPU-tid (median)", size.median("intro", "cpu"), size.median("stock", "cpu"), "s"))
    if all(b.mkdocs_seconds is not None for b in size.builds):
        lines.append(
            row(
                "Byggetid MkDocs oppgir (median)",
                size.median("intro", "mkdocs_seconds"),
                size.median("stock", "mkdocs_seconds"),
                "s",
            )
        )
    lines.append(
        row(
            "Per kapittel (veggtid / kapitler)",
            size.median("intro", "wall") / n * 1000,
            size.median("stock", "wall") / n * 1000,
            "ms",
        )
    )
    lines.append(row("Største minnebruk (peak RSS)", size.peak("intro"), size.peak("stock"), "MB", 0))
    intro, stock = size.index_bytes["intro"], size.index_bytes["stock"]
    gz_i, gz_s = intro.gzipped, stock.gzipped
    lines.append(
        f"| Søkeindeks, komprimert (rå)¹ | {kb(gz_i)} ({kb(intro.raw)}) | {kb(gz_s)} ({kb(stock.raw)}) | {ratio(gz_i, gz_s)} |"
    )
    lines.append(
        f"| Hentet når leseren åpner søket, komprimert | {kb(intro.opening)} | {kb(stock.opening)} | "
        f"{ratio(intro.opening, stock.opening)} |"
    )
    lines.append(
        f"| Søkeindeks per 100 kapitler, komprimert¹ | {kb(gz_i * 100 // n)} | {kb(gz_s * 100 // n)} | {ratio(gz_i, gz_s)} |"
    )
    if size.of(FINISHED):
        wall, cpu = size.median(FINISHED, "wall"), size.median(FINISHED, "cpu")
        lines += [
            "",
            f"Stock på Markdown-en INTRO lager (samme innhold som INTROs sider, uten INTROs kontroller og "
            f"kroker): veggtid {num(wall)} s, CPU-tid {num(cpu)} s. INTRO bruker "
            f"{ratio(size.median('intro', 'cpu'), cpu)} så mye CPU-tid; stock på det samme innholdet bruker "
            f"{ratio(cpu, size.median('stock', 'cpu'))} så mye som stock på kildeteksten.",
        ]
    lines += [
        "",
        "Hvert bygg (veggtid / CPU-tid / peak RSS): "
        + "; ".join(
            f"{BUILD_LABELS.get(b.config, b.config)} {num(b.wall)} s / {num(b.cpu)} s / {num(b.peak_mb, 0)} MB"
            for b in size.builds
        )
        + ".",
        "",
        "¹ Korpusets tekst er satt sammen av et lite sett setninger og komprimeres mye bedre enn ekte tekst; "
        "målet for søkeindeksen vurderes på det ekte nettstedet.",
    ]
    return lines + [""]


def summary_table(sizes: list[SizeResult]) -> list[str]:
    lines = [
        "| Kapitler | INTRO veggtid | Stock veggtid | INTRO/stock | INTRO CPU-tid | Stock CPU-tid | INTRO/stock "
        "(CPU) | INTRO per kapittel | Stock per kapittel | INTRO peak RSS | Stock peak RSS |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        n = size.corpus.chapters
        wi, ws = size.median("intro", "wall"), size.median("stock", "wall")
        ci, cs = size.median("intro", "cpu"), size.median("stock", "cpu")
        lines.append(
            f"| {n} | {num(wi)} s | {num(ws)} s | {ratio(wi, ws)} | {num(ci)} s | {num(cs)} s | "
            f"{ratio(ci, cs)} | {num(wi / n * 1000)} ms | {num(ws / n * 1000)} ms | "
            f"{num(size.peak('intro'), 0)} MB | {num(size.peak('stock'), 0)} MB |"
        )
    if len(sizes) > 1:
        lines += [
            "",
            "Marginal kostnad per kapittel: tillegget fra én størrelse til den neste, delt på de nye "
            "kapitlene, så den faste oppstartstiden faller bort. Vokser den, vokser bygget raskere enn "
            "antall kapitler.",
            "",
        ]
        for small, large in zip(sizes, sizes[1:], strict=False):
            added = large.corpus.chapters - small.corpus.chapters
            marginal = {
                (c, a): (large.median(c, a) - small.median(c, a)) / added * 1000 for c in CONFIGS for a in ("wall", "cpu")
            }
            lines.append(
                f"- {small.corpus.chapters} → {large.corpus.chapters}: INTRO "
                f"{num(marginal['intro', 'wall'])} ms veggtid / {num(marginal['intro', 'cpu'])} ms CPU-tid, "
                f"stock {num(marginal['stock', 'wall'])} ms / {num(marginal['stock', 'cpu'])} ms "
                "per kapittel."
            )
    return lines


REAL_GOAL = f"Det ekte nettstedet: INTRO-bygget ≤ {num(MAX_REAL_RATIO, 2)}× stock på hand-over (median veggtid)"


def real_build_goal(real: RealBuild | None) -> list[Goal]:
    if real is None:
        return [(REAL_GOAL, "ikke målt", None)]
    if real.error or not real.wall["intro"] or not real.wall["stock"]:
        return [(REAL_GOAL, "feilet", False)]
    count = len(real.wall["intro"])
    goals: list[Goal] = []
    for attribute, goal in (("wall", REAL_GOAL), ("cpu", "(samme mål i CPU-tid, som tåler en travel maskin bedre)")):
        intro, stock = real.median("intro", attribute), real.median("stock", attribute)
        goals.append(
            (
                goal,
                f"INTRO {seconds(intro)}, stock {seconds(stock)}: {ratio(intro, stock)} ({count} bygg av hver)",
                intro <= MAX_REAL_RATIO * stock,
            )
        )
    return goals


def real_build_section(real: RealBuild | None) -> list[str]:
    lines = ["## Det ekte nettstedet: INTRO mot stock på det samme ferdige nettstedet", ""]
    if real is None:
        return lines + ["Ikke målt i denne kjøringen (`--no-real-build`).", ""]
    if real.error:
        return lines + [f"Stoppet: {real.error}", ""]
    lines += [
        f"`mkdocs build` av `mkdocs.yml` ({real.chapters} kapitler, nettutgaven uten frakoblet zip) med INTRO, og "
        "stock MkDocs og Material som bygger hand-over fra det samme bygget (`INTRO_FINISHED_MARKDOWN`: de ferdige "
        "sidene, heftene, plakatene og de andre genererte filene, med bare Materials egne tillegg). Annenhver gang, "
        "hvert bygg i en ny prosess; veggtid og CPU-tid for hele prosessen.",
        "",
        "| | Veggtid (median) | CPU-tid (median) | Hver måling (veggtid) |",
        "| --- | ---: | ---: | --- |",
    ]
    for config, label in (("intro", "INTRO"), ("stock", "Stock på hand-over")):
        each = " / ".join(num(value, 2) for value in real.wall[config])
        lines.append(f"| {label} | {seconds(real.median(config))} | {seconds(real.median(config, 'cpu'))} | {each} s |")
    return lines + [""]


def reload_goal(reload: Reload | None) -> list[Goal]:
    """`make serve` against stock's `mkdocs serve` of the same finished site, median against median."""
    goal = (
        f"Fra lagring til oppdatert side med `make serve` ≤ {num(MAX_RELOAD_RATIO, 2)}× stock sin `mkdocs serve` "
        "av hand-over (median)"
    )
    intro, stock = (reload.run(INTRO), reload.run(STOCK)) if reload else (None, None)
    if intro is None:
        return [(goal, "ikke målt", None)]
    if not intro.seconds:
        return [(goal, "`make serve` feilet", False)]
    assert reload is not None
    count = f"{len(intro.seconds)} måling{'er' if len(intro.seconds) > 1 else ''}, {reload.chapters} kapitler"
    measured = f"`make serve` median {seconds(intro.median)}, lengste {seconds(max(intro.seconds))} ({count})"
    if stock is None or not stock.seconds:
        return [(goal, measured + ("; stock ikke målt" if stock is None else "; stock feilet"), None)]
    return [
        (
            goal,
            f"{measured}; stock median {seconds(stock.median)}: {ratio(intro.median, stock.median)}",
            intro.median <= MAX_RELOAD_RATIO * stock.median,
        )
    ]


def _reload_row(run: ReloadRun) -> str:
    if not run.seconds:
        return f"| `{run.target}` (`{run.command}`) | – | – | – | stoppet (se under) |"
    rebuild = seconds(statistics.median(run.rebuild_seconds)) if run.rebuild_seconds else "–"
    return (
        f"| `{run.target}` (`{run.command}`) | {seconds(run.median)} | {seconds(max(run.seconds))} | {rebuild} | "
        + " / ".join(num(value, 2) for value in run.seconds)
        + " s |"
    )


def _notes(run: ReloadRun) -> list[str]:
    """What went wrong with a mode, or what it got wrong: the report says it in words, not only in numbers."""
    notes = []
    if run.error:
        notes.append(f"- `{run.target}` stoppet: {run.error}")
    if run.untitled_links:
        notes.append(f"- Med `{run.target}` viste navigasjonen «None» i stedet for sidetittelen i {run.untitled_links} lenker.")
    if run.warnings:
        notes.append(f"- Advarsler med `{run.target}`: " + "; ".join(run.warnings[:3]))
    return notes


def reload_section(reload: Reload | None) -> list[str]:
    lines = ["## Fra lagring til oppdatert side: forfattere", ""]
    if reload is None:
        return lines + ["Ikke målt i denne kjøringen (`--no-reload`).", ""]
    lines += [
        f"`make serve` på en kopi av prosjektet (det ekte nettstedet, {reload.chapters} kapitler), med "
        f"`docs/{CHAPTER}` åpent i Chromium. En setning med et unikt merke skrives inn i Markdown-filen, og "
        "tiden måles fra skrivingen til merket står i sidens DOM: MkDocs merker endringen, bygger på nytt, "
        f"og livereload-skriptet laster siden på nytt. {num(SETTLE_S)} s pause mellom målingene. "
        "Stock er MkDocs og Material uten INTRO, med sin vanlige `mkdocs serve`, på hand-over fra det samme "
        "prosjektet (det samme ferdige nettstedet: hefter, plakater og andre genererte sider), der den samme "
        "siden endres i den ferdige Markdown-en. "
        "«Ombygging» er tiden MkDocs selv oppgir for bygget («Documentation built in»); resten er å oppdage "
        "endringen (stock ser etter endrede filer hvert halve sekund, `make serve` hvert "
        f"{num(LOOK_EVERY_S)} sekund), lese konfigurasjonen på nytt og laste siden i nettleseren.",
        "",
        "| Kommando | Median | Lengste | Ombygging (median) | Hver måling |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    lines += [_reload_row(run) for run in reload.runs]
    notes = [note for run in reload.runs for note in _notes(run)]
    notes.append(
        "- `make serve` (`mkdocs serve --dirty`) bygger siden som ble lagret, og det lagringen endrer på andre sider "
        "(menyen, stiens hefter); søkeindeksen, zip og ZIM lager `make build`."
    )
    return lines + [""] + notes + [""]
