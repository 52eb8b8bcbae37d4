"""The offline edition as a ZIM file for Kiwix, which schools, libraries and kiosks use to read offline, on
phones as well as PCs. Kiwix brings its own full-text search; the ZIM carries a Norwegian index of every page."""

from __future__ import annotations

import datetime as dt
import mimetypes
import struct
import zlib
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from macros.content.site_map import BOOKLET_PREFIX

# ISO 639-3, as ZIM metadata wants it: Norwegian.
LANGUAGE = "nor"
ILLUSTRATION_SIZE = 48

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


def page_title(html: bytes) -> str:
    title = LexborHTMLParser(html.decode("utf-8", errors="replace")).css_first("title")
    return title.text().strip() if title else ""


def write_zim(
    offline_site: Path, target: Path, *, name: str, title: str, description: str, owner: str, colour: str, day: dt.date
) -> Path:
    """Every file of the built offline edition into target, with its metadata and a Norwegian full-text index."""
    from libzim.writer import Creator, FileProvider, Hint, IndexData, Item  # imported only when writing a ZIM

    class NotIndexed(IndexData):
        def has_indexdata(self) -> bool:
            return False

    class SiteFile(Item):
        def __init__(self, path: Path):
            super().__init__()
            self.path, self.relative = path, path.relative_to(offline_site).as_posix()
            self.html = path.suffix == ".html"

        def get_path(self) -> str:
            return self.relative

        def get_title(self) -> str:
            return page_title(self.path.read_bytes()) if self.html else ""

        def get_mimetype(self) -> str:
            return mimetypes.guess_type(self.path.name)[0] or "application/octet-stream"

        def get_contentprovider(self) -> FileProvider:
            return FileProvider(str(self.path))

        def get_hints(self) -> dict:
            return {Hint.FRONT_ARTICLE: self.html}

    class UnsearchedFile(SiteFile):
        """The booklets repeat their chapters, and 404 is no answer: in search they would crowd the chapters out.
        (libzim indexes an item's HTML itself unless the item says what to index, as this one does: nothing.)"""

        def get_indexdata(self) -> IndexData:
            return NotIndexed()

    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    metadata = {
        "Name": name,
        "Title": title[:30],
        "Description": description[:80],
        "Creator": owner,
        "Publisher": owner,
        "Language": LANGUAGE,
        "Date": day.isoformat(),
        "LongDescription": description,
    }
    with Creator(str(target)).config_indexing(True, LANGUAGE) as zim:
        zim.set_mainpath("index.html")
        zim.add_illustration(ILLUSTRATION_SIZE, illustration(colour))
        for key, value in metadata.items():
            zim.add_metadata(key, value)
        for path in sorted(p for p in offline_site.rglob("*") if p.is_file()):
            unsearched = path.name.startswith(BOOKLET_PREFIX) or path.name == "404.html"
            zim.add_item(UnsearchedFile(path) if unsearched else SiteFile(path))
    return target


def zim_from_offline_build(offline_site: Path, target: Path, edition: str, day: dt.date) -> Path:
    """The ZIM of a built offline edition, named and described from its own catalogue (the edition's identity)."""
    import json

    catalog = json.loads((offline_site / "catalog.json").read_text(encoding="utf-8"))
    return write_zim(
        offline_site,
        target,
        name=f"intro_nb_{edition}",
        title=catalog["title"],
        description=catalog["description"],
        owner=catalog["owner"],
        colour=catalog["colour"],
        day=day,
    )
