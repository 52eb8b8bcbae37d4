"""The files a partner reuses, made at build time: permanent links, redirects, catalogue, course packages, QR posters.

Pure: given the validated site, the public address and each page's URL, it returns path → content.
"""

from __future__ import annotations

import posixpath

from macros.exports.addresses import page_address, permalink, redirect_file, relative_target
from macros.exports.cartridge import CARTRIDGE_FOLDER, cartridge_bytes, cartridges
from macros.content.identity import Identity
from macros.exports.catalog import CATALOG_FILE, absolute, catalog, catalog_json
from macros.rendering.posters import poster_files
from macros.rendering.render import redirect_page
from macros.content.site import Site


# Keeps a «#section» of a permanent link on the way to the chapter (a QR code on a station's poster has one).
REDIRECT_SCRIPT = "assets/javascripts/intro-redirect.js"


def _redirect(site_url: str, address: str, title: str, target_src_uri: str, page_urls: dict[str, str]) -> str:
    return redirect_page(
        title=title,
        target=relative_target(address, page_urls[target_src_uri]),
        canonical=absolute(site_url, page_address(target_src_uri)),
        script=posixpath.relpath(REDIRECT_SCRIPT, address.rstrip("/") or "."),
    )


def _title_of(site: Site, src_uri: str) -> str:
    chapter = site.chapter_at(src_uri)
    return chapter.meta.title if chapter else "INTRO"


def generated_files(site: Site, identity: Identity, page_urls: dict[str, str],
                    menu: list[str] | tuple[str, ...] = ()) -> dict[str, str | bytes]:
    """Every reuse file of the build, by its path in the site. menu: chapter ids in menu order."""
    site_url = identity.url
    files: dict[str, str | bytes] = {}
    for chapter in site.chapters.values():
        address = permalink(chapter.meta.id)
        files[redirect_file(address)] = _redirect(site_url, address, chapter.meta.title, chapter.src_uri, page_urls)
    for moved in site.redirects:
        target = site.chapters[moved.to].src_uri if moved.to in site.chapters else moved.to
        files[redirect_file(moved.source)] = _redirect(site_url, moved.source, _title_of(site, target), target,
                                                       page_urls)
    data = catalog(site, identity, menu)
    files[CATALOG_FILE] = catalog_json(data)
    for package in cartridges(data):
        files[CARTRIDGE_FOLDER + package.name] = cartridge_bytes(package.files)
    files.update(poster_files(site, identity, page_urls, menu))
    return files
