"""Before the build: read and check the content and data, and make the files the build adds to the site.

Each function takes plain values (folders, page texts, the validated Site) and either returns what it found or
made, or raises ContentError with every problem for the author. Generated files are GeneratedFile values, a path
in the site and its text, bytes or a file to copy, so that any engine can write them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.checks import publishable
from macros.content import identity as identities
from macros.exports import reuse
from macros.rendering import booklet, programme_pages, quiz_sheets
from macros.exports.addresses import broken_addresses, current_addresses, dropped_redirects, read_registry
from macros.content.errors import AuthorError, ContentError
from macros.content.local import dated_facts
from macros.content.model import LocalFacts
from macros.loader import nav_pages
from macros.commands.release import offline_zim_path, offline_zip_path
from macros.content.review import due_dates, figure_checks, overdue
from macros.content.site import Site

# npm file → where the site serves it.
VENDOR_ASSETS = {
    "iframe-worker/shim/index.js": "assets/vendor/iframe-worker/shim.js",
    "iframe-worker/LICENSE": "assets/vendor/iframe-worker/LICENSE.txt",
    # The offline edition's notice for a link that needs the internet draws its QR code with this, on demand.
    "qrcode-generator/dist/qrcode.js": "assets/vendor/qrcode-generator/qrcode.js",
}


class SetupError(Exception):
    """Something the build needs is not installed or not made yet; the message says which command makes it."""


@dataclass(frozen=True)
class GeneratedFile:
    """A file the build adds to the site: its path there, and its text or bytes, or a file to copy."""

    path: str
    content: str | bytes | None = None
    source: Path | None = None


def refuse_unpublishable(docs_dir: Path, project_dir: Path, own: list[str]) -> None:
    """Backups, links out of the project and heavy files never reach the site."""
    found = publishable.problems(docs_dir, project_dir, own)
    if found:
        raise ContentError([AuthorError(f"docs/{f.path}", f.advice) for f in found])


def check_reviews(site: Site, facts: LocalFacts | None, on: dt.date, grace: int,
                  remind: Callable[[str], object]) -> None:
    """Stop a chapter or local fact long past its date; remind about one just past it."""
    errors, warnings = overdue(site.chapters.values(), on, grace)
    fact_errors, fact_warnings = due_dates(dated_facts(facts), on, grace)
    for warning in warnings + fact_warnings:
        remind(warning)
    if errors + fact_errors:
        raise ContentError(errors + fact_errors)


def check_figures(site: Site, on: dt.date, grace: int, remind: Callable[[str], object]) -> None:
    """Stop a figure typed into a chapter's prose or long past its check date; remind about one just past it."""
    errors, warnings = due_dates(figure_checks(site.figures, site.figure_uses), on, grace)
    for warning in warnings:
        remind(warning)
    if errors or site.typed_figures:
        raise ContentError(site.typed_figures + errors)


def duplicate_nav_entries(listed: list[str]) -> list[AuthorError]:
    """A page may stand in the menu only once."""
    return [AuthorError("mkdocs.yml", f"Siden docs/{uri} står flere ganger i menyen (nav). Ta den med bare én gang.")
            for uri in sorted({uri for uri in listed if listed.count(uri) > 1})]


def path_starts(site: Site) -> set[str]:
    """The landing page and each reader group's start page."""
    return {"index.md", *(p.start_page for p in site.perspectives.values())}


def theme_globals(site: Site, page_urls: dict[str, str]) -> dict:
    """What the theme's own pages (the 404 page) show: the reader groups' start pages and the about page."""
    return {"intro_groups": [{"name": p.name, "url": page_urls[p.start_page]} for p in site.perspectives.values()],
            "intro_about_url": page_urls.get("om/index.md", "")}


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
    files = [GeneratedFile(offline_zip_path(edition), source=offline_zip.resolve())]
    if offline_zim and offline_zim.is_file():
        files.append(GeneratedFile(offline_zim_path(edition), source=offline_zim.resolve()))
    return files


def reuse_files(site: Site, edition: identities.Identity, page_urls: dict[str, str], nav: list | dict | str,
                data_dir: Path, published_registry: str) -> list[GeneratedFile]:
    """Permanent links, redirects, catalog.json, posters, course packages and quiz sheets; and no published
    address may break."""
    current = current_addresses(site.page_uris, site.chapters, site.redirects)
    problems = broken_addresses(read_registry(data_dir), current)
    if published_registry:
        # What the live site has published, kept with it by `make publish`: no address can be forgotten.
        live = Path(published_registry)
        problems += broken_addresses(read_registry(live.parent, live.name), current, where=str(live))
    problems += dropped_redirects(site.redirects, site.page_uris,
                                  {chapter_id: c.src_uri for chapter_id, c in site.chapters.items()})
    if problems:
        raise ContentError(problems)
    menu = [site.chapter_at(src_uri).meta.id for src_uri in nav_pages(nav or []) if site.chapter_at(src_uri)]
    generated = {**reuse.generated_files(site, edition, page_urls, menu), **quiz_sheets.sheets(site)}
    return [GeneratedFile(path, content) for path, content in generated.items()]


def booklet_pages(site: Site) -> tuple[dict[str, str], list[GeneratedFile]]:
    """A printable booklet per path, beside the chapters so that their relative links work in it: each booklet
    page's path → its reader group, and the pages (filled in with the chapters' HTML as the build renders them)."""
    booklets = {booklet.src_uri(p): p for p in site.paths}
    return booklets, [GeneratedFile(src_uri, booklet.page_markdown(site, perspective))
                      for src_uri, perspective in booklets.items()]


def materials_pages(site: Site, edition: identities.Identity, facts: LocalFacts | None = None) -> list[GeneratedFile]:
    """Each programme's «Materiell» page, to print (macros/rendering/programme_pages.py); off the menu, like the
    booklets. facts: the edition's, for its lab's accessibility on the checklist."""
    return [GeneratedFile(src_uri, markdown)
            for src_uri, markdown in programme_pages.materials_pages(site, edition, facts).items()]
