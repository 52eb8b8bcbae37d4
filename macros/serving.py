"""`make serve`: what a rebuild after a save must redo, and what it can keep from the build before.

`make serve` runs `mkdocs serve --dirty`, in which MkDocs renders again only the pages whose file is newer than
their output. That alone would leave every other page showing what the saved page was before: its title in the
menus and paths, its reading time, its self-check on a programme's sheets. So each rebuild compares the site's
outline (outline(): everything a page may show of another page, which is the whole validated site without the
chapters' own text) and what the pages are made with (the config, the theme's overrides, INTRO's templates, the
edition's facts, the list of files) with the build before (Snapshot):

- unchanged, as when an author writes in one chapter: MkDocs renders the saved pages; the booklets of the paths
  they are on are rendered again from the chapters' HTML; the generated files and pages (permanent links,
  catalogue, posters, course packages, quiz sheets, materials pages) are the build before's, not made again;
- changed (a title, a heading, a self-check, anything under data/, the menu): every page is rendered again, as
  `mkdocs serve` would, and the generated files are made anew;
- a build that failed is followed by a whole one.

What serve leaves for `make build` and `make publish` (DEFERRED): the search index is made when serve starts and
not again, and the offline zip and the ZIM file are never made by serve. Pages and files are otherwise the same
as a build's (tests/build/test_serve.py).

Only plain values here (the validated site, file stamps); macros/plugin.py wires it to MkDocs.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from macros.content.model import LocalFacts
from macros.content.site import Site
from macros.exports.archive import names
from macros.exports.search import index as search_index

# ---- What serve leaves to `make build` ----


def deferred(edition: str) -> tuple[str, ...]:
    """The files of a release that `make serve` does not make again after its first build (the search index) or
    at all (the offline zip and the ZIM file): `make build` and `make publish` always make them."""
    offered = names(edition)
    return (search_index.INTRO_INDEX, offered.zip_download, offered.zim_download)


# ---- The outline of a site ----


def outline(site: Site) -> tuple:
    """Everything one page may show of the others: the site without the chapters' text, and of each chapter what
    other pages show (its front matter, reading time, headings and self-check); where a figure or a scheme is used
    counts by page, not by line."""
    chapters = tuple(
        (chapter_id, chapter.src_uri, chapter.meta, chapter.readability.reading_minutes, chapter.sections, chapter.self_check)
        for chapter_id, chapter in site.chapters.items()
    )
    rest = dataclasses.replace(
        site,
        chapters={},
        figure_uses=_pages_only(site.figure_uses),
        scheme_uses=_pages_only(site.scheme_uses),
    )
    return rest, chapters


def _pages_only(uses: Mapping[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
    return {key: [(src_uri, 0) for src_uri in dict.fromkeys(src_uri for src_uri, _ in found)] for key, found in uses.items()}


# ---- What the pages are made with ----


def stamps(folders: Iterable[Path], files: Iterable[Path] = ()) -> tuple[tuple[str, int, int], ...]:
    """Every file in the folders (not Python's byte-code caches) and the files given, with its modification time
    and size: a template, an override or a config file that changed. Each file once, by its absolute path: MkDocs
    gives serve's first build the config's paths as written (relative) and the rebuilds absolute ones, and the
    theme's folder may be watched too."""
    found = []
    for folder in folders:
        for root, subfolders, names_here in os.walk(folder):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            found += [Path(root) / name for name in sorted(names_here)]
    stamped = []
    for path in sorted({path.absolute() for path in [*found, *files]}):
        try:
            status = path.stat()
        except OSError:
            stamped.append((str(path), 0, -1))
            continue
        stamped.append((str(path), status.st_mtime_ns, status.st_size))
    return tuple(stamped)


@dataclass(frozen=True)
class Snapshot:
    """What a build's pages are made of, besides each page's own text."""

    outline: tuple
    facts: LocalFacts
    files: frozenset[str]  # every file of docs/ the build publishes, pages and others
    stamps: tuple  # the config files, the theme's overrides, INTRO's templates (stamps())


def snapshot(site: Site, facts: LocalFacts, files: Iterable[str], made_with: tuple) -> Snapshot:
    return Snapshot(outline(site), facts, frozenset(files), made_with)


def only_pages_changed(before: Snapshot | None, now: Snapshot) -> bool:
    """Whether the saves since the build before changed nothing but pages' own text."""
    return before is not None and before == now


# ---- The booklets ----


def booklets_of(booklets: Mapping[str, str], site: Site, saved: Iterable[str]) -> set[str]:
    """The booklet pages (booklet src_uri → reader group) that hold a saved page: they are made of its HTML."""
    saved_ids = {chapter.meta.id for src_uri in saved if (chapter := site.chapter_at(src_uri))}
    return {src_uri for src_uri, group in booklets.items() if saved_ids & set(site.paths[group].steps)}
