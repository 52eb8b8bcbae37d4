"""Search that answers Norwegian questions: the index built here, the worker in docs/assets/javascripts."""

from __future__ import annotations

from pathlib import Path

from macros.content.site import Site
from macros.content.site_map import GLOSSARY_PAGES, page_address
from macros.exports.search import index
from macros.exports.search.index import Page
from macros.exports.search.reading import parsed, read_page

__all__ = ["Page", "location", "parsed", "read_page", "write_index"]


def location(src_uri: str, use_directory_urls: bool) -> str:
    """A page's address as Material's search index writes it."""
    if use_directory_urls:
        return page_address(src_uri)
    return src_uri.removesuffix(".md") + ".html"


def write_index(site_dir: Path, site: Site, pages: list[Page], use_directory_urls: bool) -> None:
    """Write the site's search index of the pages as the build read them (reading.read_page), in the build's order."""
    glossary: dict[str, list[str]] = {}
    for term in site.glossary:
        chapter = site.chapters.get(term.chapter or "")
        if chapter:
            words = [term.term, term.english, *([term.abbreviation] if term.abbreviation else [])]
            glossary.setdefault(location(chapter.src_uri, use_directory_urls), []).extend(words)
    starts = [p.start_page for p in site.perspectives.values()] + list(GLOSSARY_PAGES)
    alternatives = [location(uri, use_directory_urls) for uri in starts]
    index.write(site_dir, pages, glossary, alternatives)
