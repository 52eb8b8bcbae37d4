"""A synthetic INTRO project with N realistic Norwegian chapters, for the build benchmark.

`generate(target, chapters)` writes a complete, throwaway project into target:

- docs/: the landing page, one start page per perspective in data/perspectives.yml, and N chapters under
  docs/kapitler/<tema>/ with valid INTRO front matter, headings, a table, admonitions, a list, glossary
  words, links (some with anchors) to other generated chapters, and a mermaid diagram on every tenth chapter;
- data/: INTRO's data files, with paths, glossary links, posters, redirects and the address registry made
  to fit the corpus;
- mkdocs.yml: INTRO's full configuration (INHERIT from a verbatim copy of the real mkdocs.yml), with a
  generated nav (theme → subject → chapters); nothing is relaxed;
- mkdocs.stock.yml: stock Material with search only, on the same Markdown: the real site name, theme
  settings (without INTRO's overrides), validation and markdown_extensions, copied from mkdocs.yml as text.

No page calls a macro or contains {{ or {%, so both configurations build exactly the same Markdown.
The output depends only on the seed, the size and the day (review dates are set from today).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pymdownx.slugs import slugify

from macros.commands.diagram_render import MERMAID, draw
from macros.content.clock import today
from macros.content.site_map import page_address, permalink
from macros.rendering.diagrams import FIGURE_FOLDER, diagram_key

ROOT = Path(__file__).resolve().parents[1]
INTRO_CONFIG = "mkdocs.yml"
STOCK_CONFIG = "mkdocs.stock.yml"
BASE_CONFIG = "mkdocs.base.yml"
CHAPTER_FOLDER = "kapitler"
DIAGRAM_EVERY = 10
# Read-only parts of the real project that a corpus links to instead of copying.
LINKED = ("node_modules", "macros", "overrides")
# Top-level keys of mkdocs.yml that the stock configuration takes over unchanged (theme minus custom_dir).
STOCK_KEYS = ("site_name", "site_url", "theme", "validation", "markdown_extensions")

_heading_slug = slugify(case="lower")


@dataclass(frozen=True)
class Corpus:
    """A generated project and what it holds."""

    root: Path
    chapters: int
    words: int
    diagrams: int
    links: int
    intro_config: Path
    stock_config: Path


@dataclass
class _Chapter:
    number: int
    id: str
    title: str
    area: str
    subject: str
    src_uri: str
    perspectives: list[str]
    headings: list[str] = field(default_factory=list)


# ---- Public ----


def generate(target: Path, chapters: int, seed: int = 2026, flat_nav: bool = False) -> Corpus:
    """Write a complete throwaway INTRO project with the given number of chapters into target (emptied first).

    The nav has a section per theme (18) with a subsection per subject (5 each), as a large site would be
    organised. flat_nav puts every chapter of a theme straight into its section instead: with Material's
    navigation.sections, every page then carries every chapter's link, and the build grows quadratically.
    """
    if chapters < 10:
        raise ValueError("A corpus needs at least 10 chapters: every path has 5 to 8 steps.")
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    (docs / CHAPTER_FOLDER).mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for shared in LINKED:
        (target / shared).symlink_to(ROOT / shared, target_is_directory=True)

    rng = random.Random(f"{seed}-{chapters}")
    perspectives = yaml.safe_load((ROOT / "data" / "perspectives.yml").read_text(encoding="utf-8"))
    perspective_ids = [p["id"] for p in perspectives]
    plans = _plan(chapters, perspective_ids, rng)
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    words_pool = _glossary_words(glossary)

    words = diagrams = links = 0
    for plan in plans:
        text, stats = _chapter(plan, plans, words_pool, rng)
        path = docs / plan.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        words += stats["words"]
        diagrams += stats["diagram"]
        links += stats["links"]

    paths = _paths(plans, perspective_ids, rng)
    for perspective in perspectives:
        steps = [next(p for p in plans if p.id == step) for step in paths[perspective["id"]]["steps"]]
        page = docs / perspective["start_page"]
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_perspective_page(perspective, paths[perspective["id"]]["intro"], steps), encoding="utf-8")
    (docs / "index.md").write_text(_landing_page(perspectives, plans), encoding="utf-8")

    _draw_diagrams(docs)
    _write_data(target / "data", plans, perspectives, paths, glossary, rng)
    nav = _nav(perspectives, plans, flat_nav)
    _write_configs(target, nav)
    return Corpus(
        root=target,
        chapters=chapters,
        words=words,
        diagrams=diagrams,
        links=links,
        intro_config=target / INTRO_CONFIG,
        stock_config=target / STOCK_CONFIG,
    )


# ---- Helpers: the plan ----


def _slug(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _plan(count: int, perspective_ids: list[str], rng: random.Random) -> list[_Chapter]:
    """Ids, titles, folders and perspectives of every chapter, before any text is written."""
    plans = []
    for number in range(count):
        area_title, subjects = AREAS[number % len(AREAS)]
        subject = subjects[(number // len(AREAS)) % len(subjects)]
        title = TITLES[(number // (len(AREAS) * 2)) % len(TITLES)].format(
            subject=subject, Subject=_cap(subject), place=rng.choice(PLACES), group=rng.choice(GROUPS)
        )
        chapter_id = f"{_slug(title)[:50].strip('-')}-{number + 1:04d}"
        area = _slug(area_title)
        plans.append(
            _Chapter(
                number=number,
                id=chapter_id,
                title=title,
                area=area_title,
                subject=subject,
                src_uri=f"{CHAPTER_FOLDER}/{area}/{chapter_id}.md",
                perspectives=rng.sample(perspective_ids, rng.randint(1, 4)),
            )
        )
    for plan in plans:
        plan.headings = [
            template.format(Subject=_cap(plan.subject), subject=plan.subject, place=rng.choice(PLACES))
            for template in rng.sample(HEADINGS, 5)
        ]
    return plans


def _glossary_words(glossary: list[dict]) -> list[str]:
    """Every word the glossary explains (headword, abbreviation, inflected forms): the text uses them."""
    words = []
    for term in glossary:
        words += [term["term"], *(term.get("forms") or [])]
        if term.get("abbreviation"):
            words.append(term["abbreviation"])
    return words


def _paths(plans: list[_Chapter], perspective_ids: list[str], rng: random.Random) -> dict[str, dict]:
    """Seven steps per perspective, taken from chapters written for that perspective."""
    paths = {}
    for perspective in perspective_ids:
        candidates = [p.id for p in plans if perspective in p.perspectives] or [p.id for p in plans]
        steps = rng.sample(candidates, min(7, len(candidates)))
        steps += [p.id for p in plans if p.id not in steps][: max(0, 5 - len(steps))]
        paths[perspective] = {"perspective": perspective, "intro": rng.choice(PATH_INTROS), "steps": steps}
    return paths


# ---- Helpers: text ----


def _sentence(plan: _Chapter, words: list[str], rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        subject=plan.subject,
        Subject=_cap(plan.subject),
        place=rng.choice(PLACES),
        year=rng.randint(2012, 2025),
        number=f"{rng.randint(2, 180) * 1000 + rng.randint(0, 999):,}".replace(",", " "),
        percent=rng.randint(3, 64),
        group=rng.choice(GROUPS),
        worker=rng.choice(WORKERS),
        term=rng.choice(words),
        other=rng.choice(words),
    )


def _paragraph(plan: _Chapter, words: list[str], rng: random.Random, sentences: tuple[int, int] = (3, 6)) -> str:
    return " ".join(_sentence(plan, words, rng) for _ in range(rng.randint(*sentences)))


def _link(plan: _Chapter, target: _Chapter, anchor: bool) -> str:
    relative = (
        Path(target.src_uri).relative_to(Path(plan.src_uri).parent)
        if target.area == plan.area
        else Path("..") / Path(target.src_uri).relative_to(CHAPTER_FOLDER)
    )
    fragment = f"#{_heading_slug(target.headings[1], '-')}" if anchor else ""
    label = f"{target.headings[1]} ({target.title})" if anchor else target.title
    return f"[{label}]({relative.as_posix()}{fragment})"


def _table(rng: random.Random, subject: str) -> str:
    start = rng.randint(2014, 2018)
    value = rng.randint(800, 40000)
    rows = []
    for year in range(start, start + rng.randint(5, 7)):
        change = rng.randint(-6, 12)
        value = max(100, value * (100 + change) // 100)
        rows.append(f"| {year} | {value:,} | {change:+d} % |".replace(",", " "))
    source = rng.choice(("SSB", "Helsedirektoratet", "KS", "Folkehelseinstituttet"))
    return (
        f"Tabellen viser hvor mange som fikk {subject} fra {start} til {start + len(rows) - 1}, "
        f"ifølge {source}.\n\n| År | Antall | Endring fra året før |\n|---|---:|---:|\n" + "\n".join(rows)
    )


def _admonition(plan: _Chapter, words: list[str], rng: random.Random) -> str:
    kind, title = rng.choice(ADMONITIONS)
    marker = "???" if kind == "question" else "!!!"
    body = _paragraph(plan, words, rng, (2, 3))
    return f'{marker} {kind} "{title}"\n    {body}'


def _diagram_source(variant: int) -> str:
    steps = random.Random(f"diagram-{variant}").sample(DIAGRAM_STEPS, 5)
    return "\n".join(
        [
            "flowchart TD",
            f"    accTitle: Fem steg, fra {steps[0].lower()} til {steps[4].lower()}",
            f'    A["{steps[0]}"] --> B["{steps[1]}"]',
            f'    B --> C["{steps[2]}"]',
            f'    B --> D["{steps[3]}"]',
            f'    C --> E["{steps[4]}"]',
            "    D --> E",
        ]
    )


def _diagram(plan: _Chapter, rng: random.Random) -> str:
    return (
        "Figuren viser en vanlig vei gjennom tjenesten.\n\n```mermaid\n"
        + _diagram_source(rng.randrange(DIAGRAM_VARIANTS))
        + "\n```\n\n"
        + f"Figuren viser fem steg. Veien kan se annerledes ut i din kommune, men "
        f"hovedtrekkene er de samme for {plan.subject}."
    )


def _draw_diagrams(docs: Path) -> None:
    """Images for the corpus's diagrams, as `make diagrams` makes them; drawn once and kept in a cache."""
    folder = docs / FIGURE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    DIAGRAM_CACHE.mkdir(parents=True, exist_ok=True)
    sources = {diagram_key(source): source for source in map(_diagram_source, range(DIAGRAM_VARIANTS))}
    missing = {key: source for key, source in sources.items() if not (DIAGRAM_CACHE / f"{key}.svg").is_file()}
    for key, svg in draw(missing, ROOT / MERMAID).items():
        (DIAGRAM_CACHE / f"{key}.svg").write_text(svg, encoding="utf-8")
    for key in sources:
        shutil.copy2(DIAGRAM_CACHE / f"{key}.svg", folder / f"{key}.svg")


def _chapter(plan: _Chapter, plans: list[_Chapter], words: list[str], rng: random.Random) -> tuple[str, dict]:
    count = len(plans)
    # Reviewed in the last ten months: INTRO stops a build with chapters long past their review date.
    reviewed = today() - dt.timedelta(days=rng.randint(0, 300))
    meta = {
        "id": plan.id,
        "title": plan.title,
        "summary": f"Kapitlet forklarer {plan.subject} i kommunen: hva det er, hvem som har ansvaret, "
        f"og hvordan {rng.choice(GROUPS)} møter tjenesten.",
        "perspectives": plan.perspectives,
        "learning_goals": [g.format(subject=plan.subject, other=rng.choice(words)) for g in rng.sample(GOALS, rng.randint(3, 4))],
        "key_points": [_sentence(plan, words, rng) for _ in range(rng.randint(4, 5))],
        "owner": rng.choice(OWNERS),
        "last_reviewed": reviewed,
        "next_review": reviewed + dt.timedelta(days=365),
        "sources": [dict(s) for s in rng.sample(SOURCES, rng.randint(3, 4))],
    }
    # Links go mostly to neighbours (same theme, as authors write) and sometimes anywhere.
    targets = [plans[(plan.number + step) % count] for step in (1, len(AREAS), rng.randint(2, count - 1))]
    targets = [t for t in targets if t.id != plan.id]
    blocks = [_paragraph(plan, words, rng, (2, 3))]
    for index, heading in enumerate(plan.headings):
        blocks.append(f"## {heading}")
        blocks += [_paragraph(plan, words, rng) for _ in range(rng.randint(2, 4))]
        if index == 0:
            blocks.append(f"Du finner mer om dette i {_link(plan, targets[0], anchor=False)}.")
        if index == 1:
            blocks.append(
                "Dette er det viktigste å vite:\n\n" + "\n".join(f"- {_sentence(plan, words, rng).rstrip('.')}" for _ in range(4))
            )
            blocks.append(_admonition(plan, words, rng))
        if index == 2:
            blocks.append(_table(rng, plan.subject))
            if plan.number % DIAGRAM_EVERY == 3:
                blocks.append(_diagram(plan, rng))
        if index == 3:
            blocks.append(f"### {rng.choice(SUBHEADINGS)}")
            blocks.append(_paragraph(plan, words, rng))
            blocks.append(_admonition(plan, words, rng))
    blocks.append("## Les også")
    blocks.append("\n".join(f"- {_link(plan, t, anchor=i == 1)}" for i, t in enumerate(targets)))
    body = "\n\n".join(blocks) + "\n"
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    stats = {"words": len(re.findall(r"\w+", body)), "diagram": int("```mermaid" in body), "links": len(targets) + 1}
    return f"---\n{front}---\n\n{body}", stats


def _perspective_page(perspective: dict, intro: str, steps: list[_Chapter]) -> str:
    lines = [f"{i}. [{step.title}](../{step.src_uri})" for i, step in enumerate(steps, start=1)]
    name = perspective["name"]
    return (
        f"---\ntitle: For {name.lower()}\nsummary: En sti for deg i gruppen {name.lower()}.\n---\n\n"
        f"# For {name.lower()}\n\n{perspective['reader']} Da er denne stien for deg.\n\n"
        f"## Stien din\n\n{intro}\n\n" + "\n".join(lines) + "\n"
    )


def _landing_page(perspectives: list[dict], plans: list[_Chapter]) -> str:
    groups = "\n".join(f"- [{p['name']}]({p['start_page']}): {p['reader']}" for p in perspectives)
    first = {}
    for plan in plans:
        first.setdefault(plan.area, plan)
    themes = "\n".join(f"- [{area}]({plan.src_uri})" for area, plan in first.items())
    return (
        "---\ntitle: Velkommen til INTRO\nsummary: INTRO er en åpen introduksjon til helse- og "
        "omsorgstjenestene i kommunene, skrevet for deg som er ny.\nhide:\n  - navigation\n  - toc\n---\n\n"
        "# Velkommen til INTRO\n\nINTRO forklarer hvordan helse- og omsorgstjenestene i kommunene fungerer.\n"
        "Her finner du korte kapitler med kilder, skrevet på vanlig norsk.\n\n## Hvem er du?\n\n"
        f"Velg den gruppen som passer best.\n\n{groups}\n\n## Alle temaene\n\n{themes}\n"
    )


# ---- Helpers: data and configuration ----


def _write_data(
    data: Path, plans: list[_Chapter], perspectives: list[dict], paths: dict[str, dict], glossary: list[dict], rng: random.Random
) -> None:
    """INTRO's data files (copied), with everything that names a chapter made to fit the corpus."""
    shutil.copytree(ROOT / "data", data)
    # «Test deg selv» questions point at the real chapters' headings, which the corpus does not have; the watch
    # list names real chapters too.
    shutil.rmtree(data / "selvtest", ignore_errors=True)
    (data / "law-changes.yml").unlink(missing_ok=True)
    dump = lambda name, value: (data / name).write_text(  # noqa: E731
        yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
    )
    ids = [p.id for p in plans]
    real_chapters = sorted({term["chapter"] for term in glossary if term.get("chapter")})
    spread = {real: ids[i * len(ids) // max(1, len(real_chapters))] for i, real in enumerate(real_chapters)}
    dump("glossary.yml", [{**term, "chapter": spread[term["chapter"]]} if term.get("chapter") else term for term in glossary])
    dump("paths.yml", list(paths.values()))
    dump("posters.yml", [{"chapter": ids[i * len(ids) // 5], "station": station} for i, station in enumerate(STATIONS)])
    redirects = [
        {"from": f"{CHAPTER_FOLDER}/tidligere-{plan.id}/", "to": plan.id} for plan in rng.sample(plans, max(1, len(plans) // 100))
    ]
    dump("redirects.yml", redirects)
    pages = ["index.md", *(p["start_page"] for p in perspectives), *(p.src_uri for p in plans)]
    registry = sorted({page_address(uri) for uri in pages} | {permalink(i) for i in ids} | {r["from"] for r in redirects})
    dump("published.yml", registry)


def _nav(perspectives: list[dict], plans: list[_Chapter], flat: bool) -> list:
    """A section per theme, and in it a subsection per subject; flat: the chapters straight in the theme."""
    areas: dict[str, dict[str, list[str]]] = {}
    for plan in plans:
        areas.setdefault(plan.area, {}).setdefault(_cap(plan.subject), []).append(plan.src_uri)
    themes = [
        {
            area: [uri for uris in subjects.values() for uri in uris]
            if flat
            else [{subject: uris} for subject, uris in subjects.items()]
        }
        for area, subjects in areas.items()
    ]
    return [
        {"Start": "index.md"},
        {"Perspektiver": [{p["name"]: p["start_page"]} for p in perspectives]},
        *themes,
    ]


def top_level_blocks(config_text: str) -> dict[str, str]:
    """mkdocs.yml cut at its top-level keys, as text, so YAML tags (!ENV, !!python/…) survive unparsed."""
    blocks: dict[str, str] = {}
    key = None
    for line in config_text.splitlines(keepends=True):
        match = re.match(r"^([A-Za-z_][\w-]*):", line)
        if match:
            key = match.group(1)
            blocks[key] = ""
        if key is not None and not line.startswith("#"):
            blocks[key] += line
    return blocks


def _write_configs(target: Path, nav: list) -> None:
    source = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav_text = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, width=1000)
    (target / BASE_CONFIG).write_text(source, encoding="utf-8")
    (target / INTRO_CONFIG).write_text(
        "# INTRO's full configuration (a verbatim copy of the real mkdocs.yml) with the corpus's nav.\n"
        f"INHERIT: {BASE_CONFIG}\n\n{nav_text}",
        encoding="utf-8",
    )
    blocks = top_level_blocks(source)
    missing = [key for key in STOCK_KEYS if key not in blocks]
    if missing:
        raise ValueError(f"mkdocs.yml has no top-level {', '.join(missing)}: the stock configuration needs them.")
    theme = re.sub(r"^\s+custom_dir:.*\n", "", blocks["theme"], flags=re.M)
    stock = "".join(theme if key == "theme" else blocks[key] for key in STOCK_KEYS)
    (target / STOCK_CONFIG).write_text(
        "# Stock Material for MkDocs with search only, on the same Markdown as INTRO:\n"
        "# INTRO's site name, theme settings (without its overrides), validation and markdown_extensions.\n"
        + stock
        + '\nplugins:\n  search:\n    lang: "no"\n\n'
        + nav_text,
        encoding="utf-8",
    )


# ---- Data ----

AREAS: list[tuple[str, list[str]]] = [
    ("Hjemmetjenester", ["hjemmesykepleie", "praktisk bistand", "hverdagsrehabilitering", "trygghetsalarm", "matombringing"]),
    ("Sykehjem og bolig", ["sykehjem", "korttidsopphold", "langtidsopphold", "omsorgsbolig", "heldøgns omsorg"]),
    ("Fastlege og legevakt", ["fastlege", "legevakt", "kommunal akutt døgnplass", "e-resept", "kjernejournal"]),
    ("Barn og unge", ["helsestasjon", "skolehelsetjeneste", "barnekoordinator", "helsesykepleier", "habilitering"]),
    ("Psykisk helse og rus", ["oppfølging i hjemmet", "støttekontakt", "individuell plan", "koordinator", "dagaktivitetstilbud"]),
    ("Rettigheter og klage", ["vedtak", "klage", "pasient- og brukerombud", "samtykkekompetanse", "taushetsplikt"]),
    ("Pårørende", ["pårørendestøtte", "avlastning", "omsorgsstønad", "nærmeste pårørende", "pårørendeskole"]),
    ("Samhandling", ["samarbeidsavtale", "helsefellesskap", "utskrivningsklar pasient", "samhandling", "elektroniske meldinger"]),
    (
        "Velferdsteknologi",
        ["digitalt tilsyn", "elektronisk medisindispenser", "digital hjemmeoppfølging", "trygghetsalarm", "velferdsteknologi"],
    ),
    ("Penger og egenandeler", ["egenandel", "egenandelstak", "frikort", "vederlag for sykehjem", "grunnbeløpet"]),
    ("Folkehelse", ["folkehelsearbeid", "forebygging", "frisklivssentral", "folkehelse", "fysisk aktivitet"]),
    ("Kvalitet og etikk", ["forsvarlighet", "internkontroll", "tvang", "etisk refleksjon", "avvik"]),
    ("Demens og eldre", ["demens", "demenskoordinator", "dagaktivitetstilbud", "Leve hele livet", "lindrende behandling"]),
    ("Rehabilitering", ["rehabilitering", "hverdagsrehabilitering", "ergoterapi", "fysioterapi", "koordinerende enhet"]),
    ("Menneskene i tjenestene", ["sykepleier", "helsefagarbeider", "vernepleier", "jordmor", "ergoterapeut"]),
    ("Innovasjon og innkjøp", ["innovasjon", "offentlige anskaffelser", "utprøving", "gevinstrealisering", "leverandørdialog"]),
    ("Forskning og data", ["registerdata", "IPLOS", "KPR", "følgeforskning", "brukermedvirkning i forskning"]),
    ("Praksis og utdanning", ["praksisplass", "veiledning av studenter", "lærling", "videreutdanning", "introduksjonsprogram"]),
]

TITLES = [
    "{Subject} i kommunen",
    "Slik fungerer {subject}",
    "{Subject} for {group}",
    "Når du trenger {subject}",
    "{Subject} i praksis",
    "{Subject} i {place}",
    "{Subject}: rettigheter og plikter",
    "Spørsmål og svar om {subject}",
]

HEADINGS = [
    "Hva er {subject}?",
    "Hvem har ansvaret?",
    "Slik søker du",
    "Hva sier loven?",
    "Tall og utvikling",
    "Et eksempel fra {place}",
    "Hva koster det?",
    "Samarbeid med andre tjenester",
    "Når noe går galt",
    "Rettighetene dine",
    "For deg som jobber i tjenesten",
    "Digitale verktøy",
    "Kvalitet og forsvarlighet",
    "Veien videre",
    "{Subject} og pårørende",
]

SUBHEADINGS = ["Et eksempel", "Godt å vite", "Dette kan du gjøre selv", "Vanlige misforståelser", "Spørsmål du kan stille"]

SENTENCES = [
    "{Subject} er en del av de kommunale helse- og omsorgstjenestene.",
    "Kommunen har et sørge for-ansvar, og det betyr at den skal tilby {subject} til dem som trenger det.",
    "I {year} fikk {number} personer {subject}, ifølge SSB.",
    "I {year} var omtrent {percent} prosent av dem som fikk {subject}, over 80 år.",
    "Før du får {subject}, gjør kommunen en vurdering av behovet ditt.",
    "Kommunen fatter et vedtak, og du kan klage hvis du er uenig.",
    "Klagen sendes først til kommunen, og deretter til Statsforvalteren.",
    "En {worker} har ofte ansvaret for den daglige oppfølgingen.",
    "Mange {group} møter {term} for første gang når de trenger hjelp.",
    "Det er lurt å spørre hva {term} betyr hvis ordet er nytt for deg.",
    "I {place} samarbeider tjenesten tett med fastlegen og hjemmesykepleien.",
    "Tjenesten skal være forsvarlig, og det betyr at den må holde god nok kvalitet.",
    "Helsepersonell har taushetsplikt, også overfor familien din.",
    "Du har rett til å medvirke når tjenesten planlegges.",
    "Pårørende kan ofte være med i samtalen hvis du ønsker det.",
    "Kommunen kan be om en egenandel for noen tjenester, men ikke for hjemmesykepleie.",
    "Egenandelen avhenger av inntekten din og av hvilken tjeneste du får.",
    "{Subject} henger tett sammen med {term}.",
    "Mange kommuner har et tildelingskontor som behandler søknadene.",
    "Søknaden kan du ofte sende digitalt gjennom kommunens nettsider eller Helsenorge.",
    "Det kan ta noen uker før du får svar på søknaden.",
    "Haster det, skal kommunen gi hjelp med en gang og behandle søknaden etterpå.",
    "En {worker} i {place} forteller at {subject} handler mye om å bygge tillit.",
    "Tallene for {year} viser at behovet for {subject} øker.",
    "Flere eldre og færre ansatte gjør at kommunene må tenke nytt om {subject}.",
    "Velferdsteknologi kan gjøre det tryggere å bo hjemme lenger.",
    "Et digitalt tilsyn kan for eksempel varsle hvis noen faller om natten.",
    "Samhandlingen med sykehuset er viktig når en pasient skal hjem.",
    "Helsefellesskapet er stedet der kommunene og helseforetaket planlegger sammen.",
    "Kommunen skal ha internkontroll, slik at feil blir oppdaget og rettet.",
    "Avvik skal meldes, slik at tjenesten kan lære av dem.",
    "Du kan be om innsyn i journalen din.",
    "Loven sier at tjenesten skal tilpasses den enkelte.",
    "For mange {group} er det nyttig å få en koordinator.",
    "En individuell plan samler målene og tiltakene på ett sted.",
    "I {year} hadde {percent} prosent av kommunene et slikt tilbud, ifølge Helsedirektoratet.",
    "Det er stor forskjell mellom små og store kommuner.",
    "I små kommuner kjenner de ansatte ofte både brukeren og familien.",
    "I store kommuner er tjenesten gjerne delt opp i flere enheter.",
    "{Subject} kan også gis sammen med {other}.",
    "Spør gjerne fastlegen din om hva som passer for deg.",
    "Legevakten er åpen når fastlegen er stengt.",
    "Ring 116 117 for legevakt, og 113 hvis det haster.",
    "Tjenestene skal være likeverdige, uansett hvor i landet du bor.",
    "Mange brukere ønsker å bo hjemme så lenge som mulig.",
    "Kommunen skal vurdere om hverdagsrehabilitering kan hjelpe før den gir mer hjelp.",
    "Målet er at du skal klare mest mulig selv.",
    "En {worker} kan hjelpe deg med å sette mål for det du vil få til.",
    "Brukerne og pårørende har mye kunnskap som tjenesten trenger.",
    "Tjenesten evalueres jevnlig, og resultatene brukes til forbedring.",
    "Kommunene rapporterer tall til IPLOS og KPR, og tallene brukes i forskning.",
    "Forskere som vil bruke dataene, må søke om tilgang.",
    "Leverandører som vil selge til kommunen, må følge reglene for offentlige anskaffelser.",
    "Mange kommuner tester nye løsninger sammen med brukerne før de tas i bruk.",
    "Studenter i praksis lærer mye av å følge en {worker} gjennom en vakt.",
    "Som nyansatt får du ofte en fadder de første ukene.",
    "Rutinene for {subject} står i kvalitetssystemet på arbeidsplassen.",
    "Det er lov å si fra hvis du mener at noe ikke er forsvarlig.",
    "Statsforvalteren fører tilsyn med tjenestene.",
    "Pasient- og brukerombudet kan hjelpe deg gratis hvis du er misfornøyd.",
]

GOALS = [
    "forklare hva {subject} er, og hvem som har ansvaret",
    "beskrive hvordan du søker om {subject}",
    "finne ut hva {subject} koster, og hva som er gratis",
    "vite hvor du kan klage hvis du får nei",
    "forklare hvordan {subject} henger sammen med {other}",
    "beskrive hvilke yrker som jobber med {subject}",
    "finne tall om {subject} og vite hvor de kommer fra",
]

GROUPS = [
    "eldre",
    "barn og unge",
    "pårørende",
    "nyansatte",
    "studenter",
    "innvandrere",
    "personer med demens",
    "personer med utviklingshemming",
    "småbarnsforeldre",
    "leverandører",
]
WORKERS = [
    "sykepleier",
    "helsefagarbeider",
    "vernepleier",
    "ergoterapeut",
    "fysioterapeut",
    "helsesykepleier",
    "jordmor",
    "fastlege",
    "sosionom",
]
PLACES = [
    "Bergen",
    "Gjøvik",
    "Hamar",
    "Askøy",
    "Voss",
    "Lillehammer",
    "Øygarden",
    "Alver",
    "Elverum",
    "Ringsaker",
    "Kvam",
    "Bjørnafjorden",
    "Østre Toten",
    "Vestre Toten",
    "Sogndal",
    "Trysil",
    "Fjell",
    "Tynset",
    "Stord",
    "Ålesund",
]
OWNERS = ["INTRO-redaksjonen", "Alrek helseklynge", "Helseinn", "Fagrådet for hjemmetjenester"]
ADMONITIONS = [
    ("tip", "Tips"),
    ("info", "Godt å vite"),
    ("example", "Eksempel fra hverdagen"),
    ("warning", "Vær oppmerksom"),
    ("note", "Merk"),
    ("question", "Vanlige spørsmål"),
]
PATH_INTROS = [
    "Stien gir deg oversikt først, og går så i dybden.",
    "Stien tar deg gjennom det viktigste, i en lur rekkefølge.",
    "Stien forklarer hva du kan få hjelp til, og hvordan.",
]
STATIONS = [
    "Inngangen til laboratoriet",
    "Hjemmet – stue og kjøkken",
    "Fra sykehus til hjem",
    "Etikk og personvern",
    "Utprøving og testing",
]
# A large site reuses a handful of figures; drawing one per chapter would time Chromium, not the build.
DIAGRAM_VARIANTS = 8
DIAGRAM_CACHE = ROOT / ".cache" / "bench-figurer"
DIAGRAM_STEPS = [
    "Behovet oppstår",
    "Søknad til kommunen",
    "Kartlegging hjemme",
    "Vedtak",
    "Tjenesten starter",
    "Evaluering",
    "Samtale med pårørende",
    "Melding fra sykehuset",
    "Klage",
    "Hjem igjen",
]
SOURCES = [
    {
        "title": "Lov om kommunale helse- og omsorgstjenester m.m. (helse- og omsorgstjenesteloven)",
        "publisher": "Lovdata",
        "url": "https://lovdata.no/dokument/NL/lov/2011-06-24-30",
        "year": 2011,
    },
    {
        "title": "Lov om pasient- og brukerrettigheter (pasient- og brukerrettighetsloven)",
        "publisher": "Lovdata",
        "url": "https://lovdata.no/dokument/NL/lov/1999-07-02-63",
        "year": 1999,
    },
    {
        "title": "Lov om helsepersonell m.v. (helsepersonelloven)",
        "publisher": "Lovdata",
        "url": "https://lovdata.no/dokument/NL/lov/1999-07-02-64",
        "year": 1999,
    },
    {
        "title": "Pleie- og omsorgstjenester",
        "publisher": "SSB",
        "url": "https://www.ssb.no/helse/helsetjenester/statistikk/sjukeheimar-heimetenester-og-andre-omsorgstenester",
        "year": 2024,
    },
    {
        "title": "Kommunale helse- og omsorgstjenester",
        "publisher": "Helsedirektoratet",
        "url": "https://www.helsedirektoratet.no/tema/kommunale-helse-og-omsorgstjenester",
    },
    {
        "title": "Helse og omsorg i kommunen",
        "publisher": "Helsenorge",
        "url": "https://www.helsenorge.no/helse-og-omsorg-i-kommunen/",
    },
    {
        "title": "Meld. St. 9 (2023–2024) Nasjonal helse- og samhandlingsplan 2024–2027",
        "publisher": "Regjeringen",
        "url": "https://www.regjeringen.no/no/dokumenter/meld.-st.-9-20232024/id3027594/",
        "year": 2023,
    },
    {"title": "Folkehelseprofiler", "publisher": "Folkehelseinstituttet", "url": "https://www.fhi.no/he/folkehelseprofiler/"},
    {"title": "Velferdsteknologi", "publisher": "KS", "url": "https://www.ks.no/fagomrader/helse-og-omsorg/"},
]
