"""A4 QR posters for the lab and the workshop: one for every programme station and one for every chapter.

Each poster is a small HTML page made for paper: the browser lays out its text, the QR code is inline SVG, and
print CSS (assets/stylesheets/intro-plakat.css) fits it on one A4 sheet. The stations come from the programmes'
data (data/programmes/), so a station cannot lack its poster. Every QR code holds the chapter's permanent link; a
station's adds the section about its solution (the permanent link's redirect page carries it along).
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

from macros.content.identity import Identity
from macros.content.model import Station
from macros.content.norwegian import sort_key
from macros.content.site import Site
from macros.content.site_map import permalink, relative_target
from macros.rendering.render import link
from macros.rendering.renderer import for_edition, render

FOLDER = "plakater/"
PAGE = "plakater.md"  # the page listing every poster
STYLESHEET = "assets/stylesheets/intro-plakat.css"
PRINT_SCRIPT = "assets/javascripts/intro-print.js"
# How the codes are made (qr_svg): part of what a kept code is known by.
QR_OPTIONS = "error=m border=4 class=intro-poster-qr"
# A chapter title longer than this gets a smaller type size, so the poster still fits one A4 sheet.
LONG_TITLE = 40


@dataclass(frozen=True)
class Poster:
    path: str  # where the poster is in the site
    chapter: str  # the chapter id its QR code leads to
    station: Station | None = None
    number: int | None = None  # the station's number in its programme
    programme: str | None = None  # the programme page (src_uri)


def station_path(programme_src_uri: str, station_id: str) -> str:
    """programmer/velferdsteknologi-i-praksis.md, gps → plakater/stasjon-velferdsteknologi-i-praksis-gps.html"""
    return f"{FOLDER}stasjon-{posixpath.basename(programme_src_uri).removesuffix('.md')}-{station_id}.html"


def station_url(identity: Identity, station: Station) -> str:
    """The station's printed address and QR code: the chapter's permanent link, with the section about the station
    (…/k/velferdsteknologi/#gps), so a phone opens where the station's solution is explained."""
    url = identity.url.rstrip("/") + "/" + permalink(station.chapter)
    return url + (f"#{station.section}" if station.section else "")


def chapter_path(chapter_id: str) -> str:
    return f"{FOLDER}{chapter_id}.html"


def all_posters(site: Site, menu: list[str] | tuple[str, ...] = ()) -> list[Poster]:
    """Every station of every programme, then every chapter (in menu order, the rest after)."""
    stations = [
        Poster(station_path(src_uri, station.id), station.chapter, station, number, src_uri)
        for src_uri, programme in sorted(site.programmes.items())
        for number, station in enumerate(programme.stations, start=1)
    ]
    order = [c for c in menu if c in site.chapters] + sorted(set(site.chapters) - set(menu))
    return stations + [Poster(chapter_path(chapter_id), chapter_id) for chapter_id in order]


# Where the QR codes made before are kept between builds (keep_codes); None: made anew in every process.
_kept: Path | None = None


def keep_codes(folder: Path) -> None:
    """Keep each QR code made in folder, by its address: a code changes only with its address (and segno)."""
    global _kept
    folder.mkdir(parents=True, exist_ok=True)
    _kept = folder


@cache
def _segno_version() -> str:
    return version("segno")


# Making a QR code takes most of a poster's time (segno tries eight masks); `mkdocs serve` keeps this between
# rebuilds, and keep_codes between builds.
@lru_cache(maxsize=512)
def qr_svg(url: str) -> str:
    """The QR code as inline SVG that scales to its box (a quiet zone of four modules included)."""
    kept = _kept / (hashlib.sha256(f"{_segno_version()} {QR_OPTIONS} {url}".encode()).hexdigest() + ".svg") if _kept else None
    if kept and kept.is_file():
        return kept.read_text(encoding="utf-8")
    # segno is imported only for a code not kept yet: importing it is most of a build's cost of the posters.
    import segno

    made = segno.make_qr(url, error="m").svg_inline(border=4, omitsize=True, svgclass="intro-poster-qr", lineclass=None)
    if kept:
        kept.write_text(made, encoding="utf-8")
    return made


def poster_html(site: Site, poster: Poster, identity: Identity, page_urls: dict[str, str]) -> str:
    chapter = site.chapters[poster.chapter]
    url = station_url(identity, poster.station) if poster.station else identity.url.rstrip("/") + "/" + permalink(poster.chapter)
    folder = posixpath.dirname(poster.path)
    address = folder + "/"
    return for_edition(identity).render(
        "poster.html.j2",
        poster=poster,
        identity=identity,
        url=url,
        qr=qr_svg(url),
        chapter_title=chapter.meta.title,
        summary=chapter.meta.summary,
        long_title=len(chapter.meta.title) > LONG_TITLE,
        programme=site.page_titles.get(poster.programme or "", ""),
        back=relative_target(address, page_urls.get(PAGE, page_urls.get("index.md", ""))),
        chapter_link=relative_target(address, page_urls[chapter.src_uri]),
        stylesheet=posixpath.relpath(STYLESHEET, folder),
        print_script=posixpath.relpath(PRINT_SCRIPT, folder),
        logo=posixpath.relpath(identity.logo, folder) if identity.logo else "",
    )


def poster_files(
    site: Site, identity: Identity, page_urls: dict[str, str], menu: list[str] | tuple[str, ...] = ()
) -> dict[str, str]:
    """Every poster, by its path in the site."""
    return {poster.path: poster_html(site, poster, identity, page_urls) for poster in all_posters(site, menu)}


def poster_list(site: Site, page_src_uri: str) -> str:
    """The posters page: the posters of each programme's stations, then one for every chapter."""
    posters = all_posters(site)
    programmes = [
        {
            "title": site.page_titles[src_uri],
            "link": link(page_src_uri, src_uri),
            "posters": [
                {"poster": p, "link": link(page_src_uri, p.path), "chapter": site.chapters[p.chapter].meta.title}
                for p in posters
                if p.programme == src_uri
            ],
        }
        for src_uri, programme in sorted(site.programmes.items())
        if programme.stations
    ]
    chapters = sorted(
        (
            {"title": site.chapters[p.chapter].meta.title, "link": link(page_src_uri, p.path)}
            for p in posters
            if p.station is None
        ),
        key=lambda c: sort_key(c["title"]),
    )
    return render("posters.md.j2", programmes=programmes, chapters=chapters)
