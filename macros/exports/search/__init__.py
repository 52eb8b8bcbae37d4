"""Search that answers Norwegian questions: the index built here, the worker in docs/assets/javascripts."""

from __future__ import annotations

from pathlib import Path

from macros.content.site import Site
from macros.content.site_map import BOOKLET_PREFIX, CHAPTER_FOLDER, GLOSSARY_PAGES, PROGRAMMES_FOLDER, page_address
from macros.exports.search import index, stemmer
from macros.exports.search.index import Page
from macros.exports.search.reading import parsed, read_page
from macros.exports.search.synonyms import Synonyms
from macros.rendering import posters
from macros.rendering.programme_pages import MATERIALS_PREFIX
from macros.rendering.quiz_sheets import SHEETS

__all__ = ["Page", "for_facilitators", "location", "parsed", "read_page", "write_index"]


def location(src_uri: str, use_directory_urls: bool) -> str:
    """A page's address as Material's search index writes it."""
    if use_directory_urls:
        return page_address(src_uri)
    return src_uri.removesuffix(".md") + ".html"


def for_facilitators(location: str) -> bool:
    """A page (by its address in the index, online or offline) for whoever runs a programme, not for readers: the
    posters, a programme's materials and its quiz and answer sheets, a path's booklet. Search puts it after the
    pages for readers."""
    address = location.removesuffix(".html").removesuffix("index").strip("/")
    posters_page = page_address(posters.PAGE).strip("/")
    name = address.rsplit("/", 1)[-1]
    return (
        address == posters_page
        or address.startswith(posters.FOLDER)
        or address.startswith(CHAPTER_FOLDER + BOOKLET_PREFIX)
        or (address.startswith(PROGRAMMES_FOLDER) and name.startswith(MATERIALS_PREFIX))
        or any(name.endswith(f"-{sheet}") for sheet in SHEETS)
    )


def write_index(site_dir: Path, site: Site, pages: list[Page], use_directory_urls: bool, language: str = "nb") -> None:
    """Write the site's search index of the pages as the build read them (reading.read_page), in the build's order,
    keyed by the rules of the site's language (nb, nn; another is keyed as bokmål)."""
    glossary: dict[str, list[str]] = {}
    for term in site.glossary:
        chapter = site.chapters.get(term.chapter or "")
        if chapter:
            words = [term.term, term.english, *([term.abbreviation] if term.abbreviation else [])]
            glossary.setdefault(location(chapter.src_uri, use_directory_urls), []).extend(words)
    starts = [p.start_page for p in site.perspectives.values()] + list(GLOSSARY_PAGES)
    alternatives = [location(uri, use_directory_urls) for uri in starts]
    synonyms = Synonyms.of(group.words for group in site.synonyms)
    keyed_as = language if language in stemmer.LANGUAGES else "nb"
    index.write(site_dir, pages, glossary, alternatives, synonyms, for_facilitators, keyed_as)
