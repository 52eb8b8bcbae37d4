"""The report's sections on what INTRO costs its authors: build time and memory, and edit-to-reload."""

from __future__ import annotations

import statistics

from bench.build import CONFIGS, FINISHED, SizeResult
from bench.formatting import Goal, kb, num, ratio, seconds
from bench.reload import CHAPTER, SETTLE_S, Reload, ReloadRun

# Goals from the issue.
MAX_RATIO = 1.15
MAX_GROWTH = 1.2
MAX_PEAK_MB = 1000
MAX_RELOAD_S = 2.0
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
        same = {s.corpus.chapters: s.median("intro", "cpu") / s.median(FINISHED, "cpu") for s in sizes}
        goals.append(
            (
                f"(til sammenligning, samme innhold) INTRO ≤ {num(MAX_RATIO, 2)}× stock på Markdown-en INTRO lager, i CPU-tid",
                ", ".join(f"{n}: {num(r, 2)}×" for n, r in same.items()),
                all(r <= MAX_RATIO for r in same.values()),
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


def reload_goal(reload: Reload | None) -> list[Goal]:
    """One row per way an author previews: the goal is for `make serve`; `make serve-fast` is shown beside it."""
    runs = reload.runs if reload and reload.runs else [None]
    goals: list[Goal] = []
    for run in runs:
        target = run.target if run else "make serve"
        goal = f"Fra lagring til oppdatert side < {num(MAX_RELOAD_S, 0)} s med `{target}` (det ekte nettstedet, median)"
        if run is None or not run.seconds:
            goals.append((goal, "ikke målt" if run is None else "feilet", None if run is None else False))
            continue
        count = f"{len(run.seconds)} måling{'er' if len(run.seconds) > 1 else ''}"
        goals.append(
            (
                goal,
                f"median {seconds(run.median)}, lengste {seconds(max(run.seconds))} ({count}, {reload.chapters} kapitler)",
                run.median < MAX_RELOAD_S,
            )
        )
    return goals


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
    if run.error and "--dirty" in run.flags and any("dirty" in warning for warning in run.warnings):
        notes.append(
            f"- `{run.command}` starter ikke: MkDocs advarer selv om at et «dirty» bygg kan gi feil "
            "navigasjon og lenker, og `strict: true` i `mkdocs.yml` gjør advarselen til en feil."
        )
    elif run.error:
        notes.append(f"- `{run.command}` stoppet: {run.error}")
    if run.untitled_links:
        notes.append(
            f"- Med `{run.command}` viste navigasjonen «None» i stedet for sidetittelen i "
            f"{run.untitled_links} lenker: MkDocs leser bare de endrede sidene, så de andre har ingen tittel. "
            "Siden er raskere oppdatert, men ikke riktig, og INTROs kontroller av hver side kjører bare på "
            "den endrede siden."
        )
    other = [w for w in run.warnings if "dirty" not in w]
    if other:
        notes.append(f"- Advarsler med `{run.command}`: " + "; ".join(other[:3]))
    return notes


def reload_section(reload: Reload | None) -> list[str]:
    lines = ["## Fra lagring til oppdatert side: forfattere", ""]
    if reload is None:
        return lines + ["Ikke målt i denne kjøringen (`--no-reload`).", ""]
    lines += [
        f"`mkdocs serve` på en kopi av prosjektet (det ekte nettstedet, {reload.chapters} kapitler), med "
        f"`docs/{CHAPTER}` åpent i Chromium. En setning med et unikt merke skrives inn i Markdown-filen, og "
        "tiden måles fra skrivingen til merket står i sidens DOM: MkDocs merker endringen, bygger på nytt, "
        f"og livereload-skriptet laster siden på nytt. {num(SETTLE_S)} s pause mellom målingene. "
        "«Ombygging» er tiden MkDocs selv oppgir for bygget («Documentation built in»); resten er å oppdage "
        "endringen (MkDocs ser etter endrede filer hvert halve sekund), lese konfigurasjonen på nytt og laste siden "
        "i nettleseren.",
        "",
        "| Kommando | Median | Lengste | Ombygging (median) | Hver måling |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    lines += [_reload_row(run) for run in reload.runs]
    notes = [note for run in reload.runs for note in _notes(run)]
    if any(run.flags for run in reload.runs):
        notes.append(
            "- `make serve-fast` bygger bare siden som ble lagret. Menyen viser likevel riktige titler, "
            "fordi INTRO gir MkDocs titlene fra toppteksten til hver side. Andre sider som viser noe fra den "
            "endrede siden (stier, søk), og endringer i `data/`, vises først med `make serve` eller "
            "`make build`."
        )
    if len(reload.runs) == 1:
        notes.append("- `make serve-fast` (`mkdocs serve --dirty --no-strict`) er ikke målt i denne kjøringen (hurtigkjøring).")
    return lines + ([""] + notes if notes else []) + [""]
