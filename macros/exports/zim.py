"""The offline edition as a ZIM file for Kiwix, which schools, libraries and kiosks use to read offline, on
phones as well as PCs. Kiwix brings its own full-text search; the ZIM carries a Norwegian index of every page.

The metadata follows openZIM's conventions, so that Kiwix's library shows the edition properly: a title and a
description written for it (never cut), tags that say the file has a full-text index, the licence and the source.
What the index holds of a page is INTRO's own: its title without the site's name, the text of the article (not the
menu every page repeats), and keywords (search_keywords) that Kiwix's index weighs beside the title.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
import struct
import zlib
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from macros.content.site_map import BOOKLET_PREFIX
from macros.exports.search.synonyms import Synonyms, tokens
from macros.rendering.hyphenation import SOFT_HYPHEN

# ISO 639-3, as ZIM metadata wants it, for the catalogue's language (BCP 47): Norwegian bokmål or nynorsk.
LANGUAGE = "nob"
LANGUAGES = {"nb": "nob", "nn": "nno"}
ILLUSTRATION_SIZE = 48
# The limits of Kiwix's library (openZIM's metadata rules), checked when the catalogue is made.
TITLE_CHARS, DESCRIPTION_CHARS = 30, 80
# Kiwix's catalogue reads these: the file has a full-text index, pictures and no videos, and details (whole pages).
TAGS = "_ftindex:yes;_pictures:yes;_videos:no;_details:yes;_category:other"
LICENSE = "CC-BY-4.0"
# Files a reader of the ZIM never asks for: the scripts' source maps and the search engines' site maps.
LEFT_OUT = re.compile(r"(\.map|^sitemap\.xml(\.gz)?)$")

mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/json", ".json")


def illustration(colour: str, size: int = ILLUSTRATION_SIZE) -> bytes:
    """A PNG of the edition's mark (a white «I» on its colour), which Kiwix shows in its library."""
    background = bytes.fromhex(colour.lstrip("#"))
    white = b"\xff\xff\xff"
    rows = []
    for y in range(size):
        row = bytearray(b"\x00")  # PNG filter: none
        for x in range(size):
            bar = size // 4 <= y < size * 3 // 4 and size * 7 // 16 <= x < size * 9 // 16
            serif = (
                size // 4 <= y < size // 4 + size // 12 or size * 3 // 4 - size // 12 <= y < size * 3 // 4
            ) and size // 3 <= x < size * 2 // 3
            row += white if bar or serif else background
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


class Page:
    """What the ZIM needs of one built HTML page: its title, the text of its article, and whether it asks search
    engines to leave it out (the permanent addresses that only redirect to a chapter do)."""

    def __init__(self, html: bytes, site_title: str):
        tree = LexborHTMLParser(html.decode("utf-8", errors="replace"))
        title = tree.css_first("title")
        self.title = _without_suffix(title.text().strip() if title else "", site_title)
        robots = tree.css_first('meta[name="robots"]')
        self.noindex = bool(robots and "noindex" in (robots.attributes.get("content") or ""))
        article = tree.css_first("article") or tree.body
        if article is not None:
            # What INTRO's own search leaves out of a page (data-search-exclude), the ZIM's index does too.
            for excluded in article.css("[data-search-exclude]"):
                excluded.decompose()
        # Without the headings' soft hyphens (rendering/hyphenation.py): Kiwix's index would split the words there.
        self.text = " ".join(article.text(separator=" ").replace(SOFT_HYPHEN, "").split()) if article is not None else ""
        self.headings = (
            [" ".join(h.text().replace(SOFT_HYPHEN, "").split()) for h in article.css("h2, h3")] if article is not None else []
        )


def _without_suffix(title: str, site_title: str) -> str:
    """A page's title without « - <site name>» (« – » on the posters), which every page repeats and Kiwix's result
    list would too."""
    for dash in ("-", "–"):
        title = title.removesuffix(f" {dash} {site_title}") if site_title else title
    return title


def _chapter_terms(catalog: dict) -> dict[str, list[str]]:
    """A chapter page's path in the offline edition → the glossary's terms it explains (from the catalogue)."""
    site_url = catalog.get("url", "")
    terms = {}
    for chapter in catalog.get("chapters", []):
        address = chapter["url"].removeprefix(site_url).strip("/")
        terms[f"{address}.html"] = list(chapter.get("terms", []))
    return terms


def _address_words(path: str) -> str:
    """The last part of a page's address, which authors choose as a keyword: slik-gjor-du/hjemmetjenester.html →
    «hjemmetjenester», programmer/index.html → «programmer»; the front page has none."""
    parts = path.removesuffix(".html").split("/")
    last = parts[-2] if parts[-1] == "index" and len(parts) > 1 else parts[-1]
    return "" if last == "index" else last.replace("-", " ")


def search_keywords(path: str, title: str, catalog: dict, headings: list[str] | None = None) -> list[str]:
    """The words Kiwix's index finds a page by besides its text, as INTRO's own search ranks it: the page's title,
    the last part of its address, and the glossary's terms that the page explains; and every word of a group in
    data/synonyms.yml (from the catalogue) that one of those or one of the page's headings names: what the page
    is about («Legemidler og delegering» is found by «medisiner», «Meld fra» by «avviksmelding»). A group named
    only in passing in the text would give nearly every page «bruker», «pasient» and «beboer»."""
    terms = _chapter_terms(catalog).get(path, [])
    words = [title, _address_words(path), *terms]
    synonyms = Synonyms.of(catalog.get("synonyms", []))
    # A glossary term names a group only as a whole («hjemmehjelp»): «utviklingssenter for sykehjem og
    # hjemmetjenester» is about the centres, yet gave the page that explains it every word for sykehjem and for
    # hjemmetjenester, beside the task pages about them (INTRO's index counts a word inside a long term little too).
    whole = [term for term in terms if synonyms.names_whole(term)]
    # An empty token between two texts: a phrase never runs from one into the next.
    named = synonyms.found(
        [token for written in [title, _address_words(path), *whole, *(headings or [])] for token in [*tokens(written), ""]]
    )
    known = {word.lower() for word in words}
    extra = [word for word in synonyms.other_words(named) if word.lower() not in known]
    return [word for word in words + extra if word]


def check_metadata(title: str, description: str) -> None:
    """Kiwix's library cuts a longer title or description in the middle of a word: refuse it instead."""
    for field, text, limit in (("short_title", title, TITLE_CHARS), ("short_description", description, DESCRIPTION_CHARS)):
        if not text or len(text) > limit:
            raise ValueError(
                f"ZIM-filen trenger en {field} på 1–{limit} tegn, men fikk «{text}» ({len(text)} tegn). "
                "Skriv den i innstillingene for «intro» i utgavens mkdocs-fil."
            )


def write_zim(offline_site: Path, target: Path, *, catalog: dict, name: str, day: dt.date) -> Path:
    """Every file of the built offline edition into target, with its metadata and a Norwegian full-text index.
    catalog: the edition's catalog.json (title, descriptions, owner, address, colour, chapters' terms)."""
    from libzim.writer import Creator, FileProvider, Hint, IndexData, Item  # imported only when writing a ZIM

    title, description = catalog["short_title"], catalog["short_description"]
    check_metadata(title, description)
    language = LANGUAGES.get(catalog.get("language") or "nb", LANGUAGE)

    class NotIndexed(IndexData):
        def has_indexdata(self) -> bool:
            return False

    class PageIndex(IndexData):
        """What libzim indexes of a page: its title, its article's text and INTRO's keywords for it."""

        def __init__(self, path: str, page: Page):
            super().__init__()
            self.page = page
            self.keywords = " ".join(search_keywords(path, page.title, catalog, page.headings))

        def has_indexdata(self) -> bool:
            return True

        def get_title(self) -> str:
            return self.page.title

        def get_content(self) -> str:
            return self.page.text

        def get_keywords(self) -> str:
            return self.keywords

        def get_wordcount(self) -> int:
            return len(self.page.text.split())

        def get_geoposition(self) -> tuple[float, float] | None:
            return None

    class SiteFile(Item):
        def __init__(self, path: Path):
            super().__init__()
            self.path, self.relative = path, path.relative_to(offline_site).as_posix()
            self.page = Page(path.read_bytes(), catalog["title"]) if path.suffix == ".html" else None

        def get_path(self) -> str:
            return self.relative

        def get_title(self) -> str:
            return self.page.title if self.page else ""

        def get_mimetype(self) -> str:
            return mimetypes.guess_type(self.path.name)[0] or "application/octet-stream"

        def get_contentprovider(self) -> FileProvider:
            return FileProvider(str(self.path))

        def get_hints(self) -> dict:
            return {Hint.FRONT_ARTICLE: bool(self.page and not self.page.noindex)}

        def get_indexdata(self) -> IndexData | None:
            # Not a page: libzim decides (it indexes nothing but HTML). The booklets repeat their chapters, 404 is
            # no answer and a permanent address only redirects: in search they would crowd the chapters out.
            if self.page is None:
                return None
            if self.page.noindex or self.path.name.startswith(BOOKLET_PREFIX) or self.relative == "404.html":
                return NotIndexed()
            return PageIndex(self.relative, self.page)

    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    metadata = {
        "Name": name,
        "Title": title,
        "Description": description,
        "LongDescription": catalog["description"],
        "Creator": catalog["owner"],
        "Publisher": catalog["owner"],
        "Language": language,
        "Date": day.isoformat(),
        "Tags": TAGS,
        "License": LICENSE,
        "Source": catalog["url"],
    }
    with Creator(str(target)).config_indexing(True, language) as zim:
        zim.set_mainpath("index.html")
        zim.add_illustration(ILLUSTRATION_SIZE, illustration(catalog["colour"]))
        for key, value in metadata.items():
            zim.add_metadata(key, value)
        for path in sorted(p for p in offline_site.rglob("*") if p.is_file()):
            if not LEFT_OUT.search(path.relative_to(offline_site).as_posix()):
                zim.add_item(SiteFile(path))
    return target


def zim_from_offline_build(offline_site: Path, target: Path, edition: str, day: dt.date) -> Path:
    """The ZIM of a built offline edition, named and described from its own catalogue (the edition's identity)."""
    import json

    catalog = json.loads((offline_site / "catalog.json").read_text(encoding="utf-8"))
    return write_zim(offline_site, target, catalog=catalog, name=f"intro_{catalog.get('language') or 'nb'}_{edition}", day=day)
