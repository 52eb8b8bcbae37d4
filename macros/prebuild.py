"""Before the build: read and check the content and data, and make the files the build adds to the site.

Each function takes plain values (folders, page texts, the validated Site) and either returns what it found or
made, or raises ContentError with every problem for the author. Generated files are GeneratedFile values, a path
in the site and its text, bytes or a file to copy, so that any engine can write them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from macros.checks import figures, publishable, retired_names
from macros.content import identity as identities
from macros.content import site_map
from macros.content.errors import AuthorError, ContentError, IntroError
from macros.content.local import dated_facts
from macros.content.model import LocalFacts
from macros.content.review import (
    due_dates,
    figure_checks,
    law_change_checks,
    overdue,
    scheme_checks,
    stale_rates,
    unreviewed_law_changes,
)
from macros.content.site import Site
from macros.content.site_map import ABOUT_PAGE, nav_pages
from macros.exports import GeneratedFile, handover, reuse
from macros.exports.addresses import broken_addresses, current_addresses, dropped_redirects, read_registry
from macros.exports.archive import names
from macros.rendering import booklet, diagrams, programme_pages, quiz_sheets

# npm file → where the site serves it.
VENDOR_ASSETS = {
    "iframe-worker/shim/index.js": "assets/vendor/iframe-worker/shim.js",
    "iframe-worker/LICENSE": "assets/vendor/iframe-worker/LICENSE.txt",
    # The offline edition's notice for a link that needs the internet draws its QR code with this, on demand.
    "qrcode-generator/dist/qrcode.js": "assets/vendor/qrcode-generator/qrcode.js",
}


class SetupError(IntroError):
    """Something the build needs is not installed or not made yet; the message says which command makes it."""


def same_reading(docs_dir: Path, included: list[str]) -> None:
    """MkDocs must publish exactly the files INTRO reads (site_map.published_files): the checks, the build and
    `make publish` agree on what is a page. They differ only if mkdocs.yml changes MkDocs' exclude_docs."""
    ours = {uri for uri, _ in site_map.published_files(docs_dir)}
    differ = sorted(ours.symmetric_difference(included))
    if differ:
        raise SetupError(
            "MkDocs og INTRO leser docs/ ulikt (er exclude_docs satt i mkdocs.yml?): "
            + ", ".join(f"docs/{uri}" for uri in differ[:10])
            + ". INTRO publiserer alt under docs/ "
            "unntatt skjulte filer og mapper og mappen templates/; ta bort exclude_docs."
        )


def refuse_unpublishable(docs_dir: Path, project_dir: Path, own: list[str]) -> None:
    """Backups, links out of the project and heavy files never reach the site."""
    found = publishable.problems(docs_dir, project_dir, own)
    if found:
        raise ContentError([AuthorError(f"docs/{f.path}", f.advice) for f in found])


def check_reviews(site: Site, facts: LocalFacts, on: dt.date, grace: int, remind: Callable[[str], object]) -> None:
    """Stop a chapter, local fact or watched law change long past its date; remind about one just past it, and
    about pages a law change in force has not been reviewed for."""
    errors, warnings = overdue(site.chapters.values(), on, grace)
    fact_errors, fact_warnings = due_dates([*dated_facts(facts), *law_change_checks(site.law_changes)], on, grace)
    for warning in warnings + fact_warnings + unreviewed_law_changes(site, on):
        remind(warning)
    if errors + fact_errors:
        raise ContentError(errors + fact_errors)


def check_figures(site: Site, on: dt.date, grace: int, remind: Callable[[str], object]) -> None:
    """Stop a figure typed into a chapter's prose, a figure or scheme long past its check date, or a rate past its
    deadline; remind about one just past its date."""
    typed = [
        AuthorError(
            f"docs/{chapter.src_uri}", figures.ADVICE[found.kind].format(text=found.text), line=found.line + chapter.body_offset
        )
        for chapter in site.chapters.values()
        for found in figures.typed_figures(chapter.body)
    ]
    dated = figure_checks(site.figures, site.figure_uses) + scheme_checks(site.schemes, site.scheme_uses)
    errors, warnings = due_dates(dated, on, grace)
    rate_errors, rate_warnings = stale_rates(site.figures, site.figure_uses, on)
    for warning in warnings + rate_warnings:
        remind(warning)
    if errors or rate_errors or typed:
        raise ContentError(typed + rate_errors + errors)


def check_current_names(site: Site, data_dir: Path | None, pages: Mapping[str, str], on: dt.date) -> None:
    """Stop a page or data file that uses a retired name (data/retired-names.yml) as if it were current.
    pages: the pages' whole text, front matter too, by their path under docs/; data_dir None: the pages alone."""
    found = retired_names.uses_as_current(data_dir, dict(pages), site.retired_names, on)
    if found:
        raise ContentError(found)


def duplicate_nav_entries(listed: list[str]) -> list[AuthorError]:
    """A page may stand in the menu only once."""
    return [
        AuthorError("mkdocs.yml", f"Siden docs/{uri} står flere ganger i menyen (nav). Ta den med bare én gang.")
        for uri in sorted({uri for uri in listed if listed.count(uri) > 1})
    ]


def path_starts(site: Site) -> set[str]:
    """The landing page and each reader group's start page."""
    return {"index.md", *(p.start_page for p in site.perspectives.values())}


def theme_globals(site: Site, page_urls: dict[str, str]) -> dict:
    """What the theme's own pages (the 404 page) show: the reader groups' start pages and the about page."""
    return {
        "intro_groups": [{"name": p.name, "url": page_urls[p.start_page]} for p in site.perspectives.values()],
        "intro_about_url": page_urls.get(ABOUT_PAGE, ""),
    }


# The longest text a reader can send with «Fant du det du lette etter?»: a sentence or two, kept short so the log
# stays small and nobody is invited to tell a whole case.
FEEDBACK_CHARS = 500


def feedback_globals(is_offline: bool) -> dict:
    """What the theme's feedback form needs: whether to show it (online only) and how long a text may be."""
    return {"intro_feedback": not is_offline, "intro_feedback_chars": FEEDBACK_CHARS}


def watched_folders(data_dir: Path, editions_dir: Path) -> list[Path]:
    """What `serve` watches besides docs/ and the config: the curated data and the editions' facts."""
    data, editions = data_dir.resolve(), editions_dir.resolve()
    return [data, *([] if editions.is_relative_to(data) else [editions])]


def vendor_files(vendor_dir: Path) -> list[GeneratedFile]:
    """Serve the pinned npm browser assets from the site itself, never from a CDN."""
    files = []
    for package_path, site_path in VENDOR_ASSETS.items():
        source = vendor_dir / package_path
        if not source.is_file():
            raise SetupError(f"Filen {source} mangler. Kjør «make setup» for å installere nettleserfilene fra npm.")
        files.append(GeneratedFile(site_path, source=source.resolve()))
    return files


def downloads(offline_zip: Path | None, offline_zim: Path | None, edition: str) -> list[GeneratedFile]:
    """Offer the offline edition (and its ZIM, when made) for download, when this build was given one."""
    if offline_zip is None:
        return []
    if not offline_zip.is_file():
        raise SetupError(f"Den frakoblede utgaven {offline_zip} finnes ikke. Kjør «make offline» først.")
    offered = names(edition)
    files = [GeneratedFile(offered.zip_download, source=offline_zip.resolve())]
    if offline_zim and offline_zim.is_file():
        files.append(GeneratedFile(offered.zim_download, source=offline_zim.resolve()))
    return files


def reuse_files(
    site: Site,
    edition: identities.Identity,
    page_urls: dict[str, str],
    nav: list | dict | str,
    data_dir: Path,
    published_registry: str,
) -> list[GeneratedFile]:
    """Permanent links, redirects, catalog.json, posters, course packages and quiz sheets; and no published
    address may break."""
    current = current_addresses(site.page_uris, site.chapters, site.redirects)
    chapters = {chapter_id: chapter.src_uri for chapter_id, chapter in site.chapters.items()}
    problems = broken_addresses(read_registry(data_dir), current, chapters=chapters)
    if published_registry:
        # What the live site has published, kept with it by `make publish`: no address can be forgotten.
        live = Path(published_registry)
        problems += broken_addresses(
            read_registry(live.parent, live.name), current, where=f"{live.name} på serveren", chapters=chapters
        )
    problems += dropped_redirects(site.redirects, site.page_uris, chapters)
    if problems:
        raise ContentError(list(dict.fromkeys(problems)))  # a renamed chapter is named once, not per registry
    menu = [chapter.meta.id for src_uri in nav_pages(nav or []) if (chapter := site.chapter_at(src_uri))]
    generated = {**reuse.generated_files(site, edition, page_urls, menu), **quiz_sheets.sheets(site, edition)}
    return [GeneratedFile(path, content) for path, content in generated.items()]


def booklet_pages(site: Site) -> tuple[dict[str, str], list[GeneratedFile]]:
    """A printable booklet per path, beside the chapters so that their relative links work in it: each booklet
    page's path → its reader group, and the pages (filled in with the chapters' HTML as the build renders them)."""
    booklets = {booklet.src_uri(p): p for p in site.paths}
    return booklets, [
        GeneratedFile(src_uri, booklet.page_markdown(site, perspective)) for src_uri, perspective in booklets.items()
    ]


def materials_pages(site: Site, edition: identities.Identity, facts: LocalFacts | None = None) -> list[GeneratedFile]:
    """Each programme's «Materiell» page, to print (macros/rendering/programme_pages.py); off the menu, like the
    booklets. facts: the edition's, for its lab's accessibility on the checklist."""
    return [
        GeneratedFile(src_uri, markdown) for src_uri, markdown in programme_pages.materials_pages(site, edition, facts).items()
    ]


# ---- The whole stage ----


@dataclass(frozen=True)
class Inputs:
    """What the stage is given besides the content: the project's folders and the options of the build."""

    project_dir: Path
    docs_dir: Path
    data_dir: Path
    vendor_dir: Path
    edition: str  # its name: data/editions/<edition>.yml
    offline_zip: Path | None
    offline_zim: Path | None
    published_registry: str
    handover_dir: Path | None
    grace_days: int


@dataclass(frozen=True)
class Since:
    """A `make serve` rebuild after saves that changed only pages' own text (serving.py): the build before, whose
    generated files still hold, and the pages saved since, the only ones to check again."""

    before: BuildState
    saved: frozenset[str]


@dataclass(frozen=True)
class BuildState:
    """What the stage before the build found and made, which the rest of one build reads (and never changes)."""

    site: Site
    facts: LocalFacts
    identity: identities.Identity
    generated: tuple[GeneratedFile, ...]  # added to the site as they are
    off_menu: tuple[GeneratedFile, ...]  # pages off the menu: the «Materiell» pages, then the booklets (last)
    booklets: Mapping[str, str]  # a booklet's page → its reader group
    path_starts: frozenset[str]
    drawn: Mapping[str, tuple[int, int] | None]  # the diagrams drawn already (rendering/diagrams.py)
    handover: Path | None  # the folder to hand the finished site over to, emptied and ready


def prepare(
    site: Site,
    facts: LocalFacts,
    identity: identities.Identity,
    page_urls: dict[str, str],
    nav: list | dict | str,
    inputs: Inputs,
    on: dt.date,
    remind: Callable[[str], object],
    since: Since | None = None,
) -> BuildState:
    """Check the dates, and make every file and page the build adds; raise ContentError or SetupError for a person.
    A `serve` rebuild (since) checks only the pages saved, and keeps the files the build before made."""
    check_reviews(site, facts, on, inputs.grace_days, remind)
    check_figures(site, on, inputs.grace_days, remind)
    pages = {
        src_uri: site_map.read_page(path)
        for src_uri, path in site_map.doc_pages(inputs.docs_dir)
        if since is None or src_uri in since.saved
    }
    check_current_names(site, None if since else inputs.data_dir, pages, on)
    drawn = diagrams.drawn_keys(inputs.docs_dir)
    offered = downloads(inputs.offline_zip, inputs.offline_zim, inputs.edition)
    if since:
        generated, off_menu, booklets = since.before.generated, since.before.off_menu, since.before.booklets
    else:
        reused = reuse_files(site, identity, page_urls, nav, inputs.data_dir, inputs.published_registry)
        booklets, booklet_files = booklet_pages(site)
        generated = (*vendor_files(inputs.vendor_dir), *offered, *reused)
        off_menu = (*materials_pages(site, identity, facts), *booklet_files)
    return BuildState(
        site=site,
        facts=facts,
        identity=identity,
        generated=tuple(generated),
        off_menu=tuple(off_menu),
        booklets=booklets,
        path_starts=frozenset(path_starts(site)),
        drawn=drawn,
        handover=handover.prepare(inputs.handover_dir) if inputs.handover_dir else None,
    )
