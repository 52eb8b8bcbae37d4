"""Load and validate everything the site is built from: chapters, pages and curated data.

Every problem is collected before anything is raised, so an author fixes them in one go.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pymdownx.slugs import slugify

from macros.content import characters, frontmatter, icons, macro_calls, yamlio
from macros.content.clock import today
from macros.content.errors import AuthorError, ContentError, from_validation, from_yaml
from macros.content.frontmatter import FrontMatter
from macros.content.macro_specs import BY_NAME
from macros.content.model import (
    ChapterMeta,
    Figure,
    GlossaryTerm,
    LawChange,
    LearningPath,
    PageMeta,
    Perspective,
    Programme,
    Redirect,
    RetiredName,
    Scheme,
    SelfCheck,
    SynonymGroup,
)
from macros.content.programmes import macro_problems, read_programmes
from macros.content.readability import LIX_LIMIT, Readability, measure
from macros.content.site_map import CHAPTER_FOLDER

SELF_CHECK_FOLDER = "selvtest"
DATA_FILES = {
    "perspectives": "perspectives.yml",
    "paths": "paths.yml",
    "glossary": "glossary.yml",
    "redirects": "redirects.yml",
    "figures": "figures.yml",
    "retired_names": "retired-names.yml",
    "law_changes": "law-changes.yml",
    "schemes": "schemes.yml",
    "synonyms": "synonyms.yml",
}
# Data files a site may do without.
OPTIONAL_DATA = ("retired_names", "law_changes", "schemes", "synonyms")
# Data files that hold no prose an author writes: addresses, the retired names themselves, and the words readers
# search with (old names among them: people still type «omsorgslønn»).
NOT_PROSE_DATA = ("published.yml", DATA_FILES["retired_names"], DATA_FILES["synonyms"])

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Chapter:
    meta: ChapterMeta
    src_uri: str
    readability: Readability
    # Heading anchor → heading text, for the headings the author wrote in the body.
    sections: dict[str, str] = field(default_factory=dict)
    self_check: SelfCheck | None = None
    # The text under the front matter, and how many lines of the file stand before it (for the checks' line numbers).
    body: str = field(default="", repr=False, compare=False)
    body_offset: int = 0


@dataclass(frozen=True)
class Site:
    perspectives: dict[str, Perspective]
    paths: dict[str, LearningPath]
    glossary: list[GlossaryTerm]
    redirects: list[Redirect] = field(default_factory=list)
    # A programme page's data (src_uri → data/programmes/<programme>.yml): stations, role cards, stories.
    programmes: dict[str, Programme] = field(default_factory=dict)
    chapters: dict[str, Chapter] = field(default_factory=dict)
    page_uris: frozenset[str] = frozenset()
    page_titles: dict[str, str] = field(default_factory=dict)  # src_uri → title from the front matter
    # A programme page's `self_checks:` (src_uri → chapter ids): the chapters whose questions it uses.
    programme_checks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    figure_uses: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # id → (src_uri, line)
    # The schemes a reader can apply to (data/schemes.yml), and where pages show them: id → (src_uri, line).
    schemes: dict[str, Scheme] = field(default_factory=dict)
    scheme_uses: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    retired_names: list[RetiredName] = field(default_factory=list)
    law_changes: list[LawChange] = field(default_factory=list)
    # Each law change's pages (its id → the pages' paths under docs/), as its `pages` names them.
    law_change_pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Words that mean the same to a reader searching (data/synonyms.yml), group by group.
    synonyms: list[SynonymGroup] = field(default_factory=list)

    def chapter_at(self, src_uri: str) -> Chapter | None:
        return self._by_src_uri.get(src_uri)

    @cached_property
    def _by_src_uri(self) -> dict[str, Chapter]:
        return {chapter.src_uri: chapter for chapter in self.chapters.values()}


# ---- Helpers ----


def _read_data(path: Path, label: str, errors: list[AuthorError]) -> yamlio.DataFile | None:
    """A data file read the one careful way (content/yamlio.py); None, with the reason in errors, if it cannot be."""
    try:
        return yamlio.read(path, label)
    except yamlio.Unreadable as unreadable:
        errors.append(unreadable.error)
        return None


def _read_list(path: Path, model: type[Model], errors: list[AuthorError], label: str, on: dt.date | None = None) -> list[Model]:
    if not path.is_file():
        errors.append(AuthorError(label, "Filen finnes ikke. Den skal ligge i datamappen."))
        return []
    read = _read_data(path, label, errors)
    if read is None:
        return []
    raw = read.data or []
    if not isinstance(raw, list):
        errors.append(AuthorError(label, "Filen skal være en liste der hvert punkt begynner med «- »."))
        return []
    items: list[Model] = []
    for number, entry in enumerate(raw, start=1):
        try:
            items.append(model.model_validate(entry, context={"today": on}))
        except ValidationError as error:
            named = next((entry[key] for key in ("term", "id") if isinstance(entry, dict) and entry.get(key)), None)
            name = f", «{named}»" if named else ""

            def line_of(location: tuple[str | int, ...], n: int = number) -> int | None:
                return read.line_of((n - 1, *location))

            for found in from_validation(label, error, line_of=line_of):
                errors.append(replace(found, message=f"{found.message} (oppføring nr. {number}{name})"))
    return items


_HEADING = re.compile(r"^#{2,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_ATTRIBUTES = re.compile(r"\s*\{([^}]*)\}\s*$")
_slugify = slugify(case="lower")


def headings(body: str) -> list[tuple[str, str]]:
    """Each heading's anchor and text, in order, as the toc extension makes them (pymdownx slugify, lower case);
    a heading written twice is here twice."""
    found: list[tuple[str, str]] = []
    for match in _HEADING.finditer(_FENCE.sub("", body)):
        text, anchor = match.group(1), None
        attributes = _ATTRIBUTES.search(text)
        if attributes:
            text = text[: attributes.start()]
            anchor = next((part[1:] for part in attributes.group(1).split() if part.startswith("#")), None)
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("*", "").replace("`", "").strip()
        found.append((anchor or _slugify(plain, "-"), plain))
    return found


def sections(body: str) -> dict[str, str]:
    """Each heading's anchor and text, as the toc extension makes them (pymdownx slugify, lower case)."""
    found: dict[str, str] = {}
    for anchor, text in headings(body):
        found.setdefault(anchor, text)
    return found


def _read_self_checks(data_dir: Path, chapters: dict[str, Chapter], errors: list[AuthorError]) -> dict[str, Chapter]:
    """Every data/selvtest/<chapter-id>.yml, checked against its chapter: goals and section anchors."""
    folder = data_dir / SELF_CHECK_FOLDER
    checked = dict(chapters)
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        label = f"data/{SELF_CHECK_FOLDER}/{path.name}"
        chapter = chapters.get(path.stem)
        if chapter is None:
            errors.append(
                AuthorError(
                    label,
                    f"Ingen kapitler har id-en «{path.stem}». Filen skal hete som "
                    "kapitlet den hører til, for eksempel lovene.yml.",
                )
            )
            continue
        read = _read_data(path, label, errors)
        if read is None:
            continue
        try:
            check = SelfCheck.model_validate(read.data)
        except ValidationError as error:
            errors.extend(from_validation(label, error, line_of=read.line_of))
            continue
        goals = len(chapter.meta.learning_goals)
        for number, question in enumerate(check.questions, start=1):
            where = f"questions nr. {number}"
            if question.goal > goals:
                errors.append(
                    AuthorError(
                        label,
                        f"viser til læringsmål {question.goal}, men kapitlet har bare "
                        f"{goals} læringsmål. Skriv et tall fra 1 til {goals}.",
                        field=f"{where}, goal",
                    )
                )
            if question.section not in chapter.sections:
                known = ", ".join(chapter.sections) or "ingen"
                errors.append(
                    AuthorError(
                        label,
                        f"viser til overskriften «{question.section}», som ikke finnes i "
                        f"docs/{chapter.src_uri}. Overskriftene i kapitlet er: {known}.",
                        field=f"{where}, section",
                    )
                )
        checked[chapter.meta.id] = replace(chapter, self_check=check)
    return checked


def _duplicates(values: Iterable[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def _read_page(label: str, text: str, errors: list[AuthorError]) -> FrontMatter | None:
    """One page split into its front matter and body; None if it cannot be read."""
    try:
        page = frontmatter.split(text)
    except yaml.YAMLError as error:
        errors.append(from_yaml(label, error))
        return None
    except ValueError:  # YAML reads 2026-11-31 as a date, and there is no such day
        line, written = yamlio.impossible_date(text)
        errors.append(AuthorError(label, f"Datoen «{written}» finnes ikke. Skriv en dato som finnes, som ÅÅÅÅ-MM-DD.", line=line))
        return None
    if not page.present or not text.startswith("---"):
        errors.append(
            AuthorError(
                label,
                "Siden mangler topptekst. Den skal begynne med en linje med ---, "
                "feltene (minst title og summary) og en ny linje med ---.",
                line=1,
            )
        )
        return None
    return page


def _body_problems(body: str) -> list[tuple[int, str]]:
    """(line in the body, advice) for what Markdown builds silently wrong: no text, a second title, a broken table."""
    lines = body.splitlines()
    if not "".join(lines).strip():
        return [(1, "Kapitlet har ingen tekst under toppteksten. Skriv innholdet, eller ta kapitlet ut av menyen.")]
    found, fenced = [], False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            continue
        if re.match(r"#\s", line):
            found.append(
                (
                    number,
                    "Overskriften med én # blir en ny tittel midt i kapitlet. Tittelen kommer fra "
                    "feltet «title»: bruk ## for deler.",
                )
            )
        previous = lines[number - 2] if number > 1 else ""
        if line.lstrip().startswith("|") and not previous.strip().startswith("|"):
            following = lines[number] if number < len(lines) else ""
            if not re.match(r"\s*\|?\s*:?-{3,}", following):
                found.append(
                    (
                        number,
                        "Tabellen mangler linjen under overskriftene (| --- | --- |), så den vises som "
                        "vanlig tekst med streker. Legg den inn rett under den første linjen.",
                    )
                )
    return found


# ---- Public ----


def load_data(data_dir: Path, errors: list[AuthorError], on: dt.date | None = None) -> Site:
    """Read and validate the curated data files (as of the day on: no check date years ahead)."""
    label = lambda name: f"data/{DATA_FILES[name]}"  # noqa: E731

    def read(name: str, model: type[Model]) -> list[Model]:
        return _read_list(data_dir / DATA_FILES[name], model, errors, label(name), on)

    perspectives, paths = read("perspectives", Perspective), read("paths", LearningPath)
    glossary, redirects, figures = read("glossary", GlossaryTerm), read("redirects", Redirect), read("figures", Figure)
    optional = {name: data_dir / DATA_FILES[name] for name in OPTIONAL_DATA}
    schemes = read("schemes", Scheme) if optional["schemes"].is_file() else []
    retired = read("retired_names", RetiredName) if optional["retired_names"].is_file() else []
    law_changes = read("law_changes", LawChange) if optional["law_changes"].is_file() else []
    synonyms = read("synonyms", SynonymGroup) if optional["synonyms"].is_file() else []

    for duplicate in _duplicates(p.id for p in perspectives):
        errors.append(AuthorError(label("perspectives"), f"Perspektivet «{duplicate}» står flere ganger."))
    for duplicate in _duplicates(term.term.lower() for term in glossary):
        errors.append(AuthorError(label("glossary"), f"Ordet «{duplicate}» står flere ganger. Slå sammen oppføringene."))
    for duplicate in _duplicates(term.abbreviation for term in glossary if term.abbreviation):
        errors.append(AuthorError(label("glossary"), f"Forkortelsen «{duplicate}» står flere ganger."))
    for duplicate in _duplicates(figure.id for figure in figures):
        errors.append(AuthorError(label("figures"), f"Tallet «{duplicate}» står flere ganger. Hvert tall trenger sin egen id."))
    for duplicate in _duplicates(scheme.id for scheme in schemes):
        errors.append(
            AuthorError(label("schemes"), f"Ordningen «{duplicate}» står flere ganger. Hver ordning trenger sin egen id.")
        )
    for duplicate in _duplicates(change.id for change in law_changes):
        errors.append(
            AuthorError(label("law_changes"), f"Lovendringen «{duplicate}» står flere ganger. Hver endring trenger sin egen id.")
        )
    for perspective in perspectives:
        if not icons.exists(perspective.icon):
            errors.append(
                AuthorError(
                    label("perspectives"),
                    f"Ikonet «{perspective.icon}» for «{perspective.id}» finnes "
                    "ikke. Velg et ikon fra Material for MkDocs, for eksempel «material/school».",
                    field="icon",
                )
            )
    for duplicate in _duplicates(word.lower() for group in synonyms for word in group.words):
        errors.append(
            AuthorError(
                label("synonyms"),
                f"«{duplicate}» står flere ganger. Et ord kan stå i bare én gruppe: slå gruppene sammen, eller ta "
                "ordet ut av den ene.",
            )
        )
    known = {p.id for p in perspectives}
    for path in paths:
        if path.perspective not in known:
            errors.append(
                AuthorError(
                    label("paths"),
                    f"Stien for «{path.perspective}» hører ikke til noe perspektiv "
                    f"i data/perspectives.yml. Kjente perspektiver: {', '.join(sorted(known))}.",
                )
            )
    return Site(
        perspectives={p.id: p for p in perspectives},
        paths={p.perspective: p for p in paths},
        glossary=glossary,
        redirects=redirects,
        figures={figure.id: figure for figure in figures},
        schemes={scheme.id: scheme for scheme in schemes},
        retired_names=retired,
        law_changes=law_changes,
        synonyms=synonyms,
    )


def page_problems(label: str, text: str, page: FrontMatter | None) -> list[AuthorError]:
    """What no page may hold, wherever it stands: a character no text may hold (content/characters.py), and in
    its body, template code beyond the declared macros called with literal arguments (content/macro_calls.py)."""
    problems = [AuthorError(label, advice + ".", line=line) for line, advice in characters.lines_with_problems(text)]
    if page is not None:
        problems += [
            AuthorError(label, message, line=line + page.body_offset if line else None)
            for line, message in macro_calls.refusals(page.body, BY_NAME)
        ]
    return problems


def load_site(data_dir: Path, pages: Iterable[tuple[str, str]]) -> Site:
    """Validate the data and every page given as (path under docs/, text); raise ContentError on any problem."""

    errors: list[AuthorError] = []
    on = today()
    site = load_data(data_dir, errors, on)
    chapters: list[Chapter] = []
    page_uris: set[str] = set()
    titles: dict[str, str] = {}
    programme_checks: dict[str, tuple[str, ...]] = {}
    bodies: dict[str, tuple[str, int]] = {}  # src_uri → (body, lines before it)
    texts: dict[str, str] = {}  # src_uri → the whole page, front matter too

    for src_uri, text in pages:
        text = text.removeprefix("\ufeff")  # a byte-order mark is no part of the page (MkDocs reads it so too)
        page_uris.add(src_uri)
        texts[src_uri] = text
        label = f"docs/{src_uri}"
        page = _read_page(label, text, errors)
        errors += page_problems(label, text, page)
        if page is None:
            continue
        metadata, body = page.meta, page.body
        bodies[src_uri] = (body, page.body_offset)
        model: type[ChapterMeta] | type[PageMeta] = ChapterMeta if src_uri.startswith(CHAPTER_FOLDER) else PageMeta
        try:
            meta: ChapterMeta | PageMeta = model.model_validate(metadata, context={"today": on})
        except ValidationError as error:
            errors.extend(from_validation(label, error, line_of=yamlio.DataFile(metadata, page.raw, 2).line_of))
            continue
        titles[src_uri] = meta.title
        if isinstance(meta, PageMeta) and "self_checks" in metadata:
            wanted = metadata["self_checks"]
            if not isinstance(wanted, list) or not all(isinstance(item, str) for item in wanted):
                errors.append(
                    AuthorError(
                        label,
                        "skal være en liste med kapittel-id-er, én per linje som begynner med «- ».",
                        field="self_checks",
                        line=page.line_of("self_checks"),
                    )
                )
            else:
                programme_checks[src_uri] = tuple(wanted)
        if isinstance(meta, ChapterMeta):
            for perspective in meta.perspectives:
                if perspective not in site.perspectives:
                    errors.append(
                        AuthorError(
                            label,
                            f"har det ukjente perspektivet «{perspective}». Velg blant: {', '.join(site.perspectives)}.",
                            field="perspectives",
                            line=page.line_of("perspectives"),
                        )
                    )
            readability = measure(body)
            if readability.lix > LIX_LIMIT:
                errors.append(
                    AuthorError(
                        label,
                        f"Teksten er for tung å lese: LIX er {readability.lix:.0f}, og grensen "
                        f"er {LIX_LIMIT}. Del lange setninger i to, og bytt ut lange ord der du kan. "
                        "Kjør «make report» for å se LIX for alle kapitler.",
                    )
                )
            offset = page.body_offset
            chapters.append(
                Chapter(
                    meta=meta, src_uri=src_uri, readability=readability, sections=sections(body), body=body, body_offset=offset
                )
            )
            errors += [AuthorError(label, advice, line=line + offset) for line, advice in _body_problems(body)]
            if meta.last_reviewed > on:
                errors.append(
                    AuthorError(
                        label,
                        f"last_reviewed er {meta.last_reviewed}, som er fram i tid. Skriv "
                        "datoen da kapitlet faktisk ble gjennomgått.",
                        field="last_reviewed",
                        line=page.line_of("last_reviewed"),
                    )
                )

    for duplicate in _duplicates(c.meta.id for c in chapters):
        where = ", ".join(f"docs/{c.src_uri}" for c in chapters if c.meta.id == duplicate)
        errors.append(AuthorError(where, f"Flere kapitler har id «{duplicate}». Hvert kapittel trenger sin egen id."))
    by_id = _read_self_checks(data_dir, {c.meta.id: c for c in chapters}, errors)

    for group in site.perspectives.values():
        if group.start_page not in page_uris:
            errors.append(
                AuthorError(
                    "data/perspectives.yml",
                    f"Startsiden «{group.start_page}» for «{group.id}» finnes ikke under docs/.",
                )
            )
    for path in site.paths.values():
        for step in path.steps:
            if step not in by_id:
                errors.append(
                    AuthorError(
                        "data/paths.yml",
                        f"Stien for «{path.perspective}» viser til kapitlet «{step}», men ingen kapitler har den id-en.",
                    )
                )
    for term in site.glossary:
        if term.chapter and term.chapter not in by_id:
            errors.append(
                AuthorError(
                    "data/glossary.yml",
                    f"Ordet «{term.term}» viser til kapitlet «{term.chapter}», men ingen kapitler har den id-en.",
                )
            )
    for redirect in site.redirects:
        if redirect.to not in by_id and redirect.to not in page_uris:
            errors.append(
                AuthorError(
                    "data/redirects.yml",
                    f"Omdirigeringen fra «{redirect.source}» går til "
                    f"«{redirect.to}», som verken er en kapittel-id eller en side under docs/.",
                )
            )
    for src_uri, wanted in programme_checks.items():
        for chapter_id in wanted:
            if chapter_id not in by_id:
                errors.append(
                    AuthorError(
                        f"docs/{src_uri}",
                        f"viser til kapitlet «{chapter_id}», men ingen kapitler har den id-en.",
                        field="self_checks",
                    )
                )
    programmes = read_programmes(
        data_dir,
        page_uris,
        {c: by_id[c].sections for c in by_id},
        errors,
        {c: len(check.questions) for c in by_id if (check := by_id[c].self_check)},
    )
    errors += macro_problems(bodies, programmes)
    law_change_pages: dict[str, tuple[str, ...]] = {}
    for change in site.law_changes:
        resolved = []
        for named in change.pages:
            if named in by_id:
                resolved.append(by_id[named].src_uri)
            elif named in page_uris:
                resolved.append(named)
            else:
                errors.append(
                    AuthorError(
                        "data/law-changes.yml",
                        f"Lovendringen «{change.id}» viser til «{named}», som verken er en kapittel-id eller en "
                        "side under docs/.",
                        field="pages",
                    )
                )
        law_change_pages[change.id] = tuple(resolved)
    figure_uses = macro_calls.figure_uses(bodies)
    for figure_id, places in figure_uses.items():
        if figure_id not in site.figures:
            errors += [
                AuthorError(
                    f"docs/{src_uri}",
                    f"Tallet «{figure_id}» finnes ikke i data/figures.yml. Sjekk "
                    "stavemåten, eller legg tallet inn der med år og kilde.",
                    line=line,
                )
                for src_uri, line in places
            ]
    scheme_uses = macro_calls.scheme_uses(bodies)
    for scheme_id, places in scheme_uses.items():
        if scheme_id != macro_calls.EVERY_SCHEME and scheme_id not in site.schemes:
            errors += [
                AuthorError(
                    f"docs/{src_uri}",
                    f"Ordningen «{scheme_id}» finnes ikke i data/schemes.yml. Sjekk "
                    f"stavemåten. Ordningene er: {', '.join(site.schemes) or 'ingen'}.",
                    line=line,
                )
                for src_uri, line in places
            ]
    if errors:
        raise ContentError(errors)
    return replace(
        site,
        chapters=by_id,
        page_uris=frozenset(page_uris),
        page_titles=titles,
        programme_checks=programme_checks,
        programmes=programmes,
        figure_uses=figure_uses,
        law_change_pages=law_change_pages,
        scheme_uses=scheme_uses,
    )
