"""The files a partner reuses, made at build time: permanent links, redirects, catalogue, course packages, QR posters.

Pure: given the validated site, the public address and each page's URL, it returns path → content.
"""

from __future__ import annotations

import posixpath

from macros.content.identity import Identity
from macros.content.site import Site
from macros.content.site_map import page_address, permalink, relative_target
from macros.exports.addresses import redirect_file
from macros.exports.catalog import CATALOG_FILE, absolute, catalog_json
from macros.exports.packages import course_packages
from macros.rendering.posters import poster_files
from macros.rendering.render import redirect_page

# Keeps a «#section» of a permanent link on the way to the chapter (a QR code on a station's poster has one).
REDIRECT_SCRIPT = "assets/javascripts/intro-redirect.js"


def _redirect(identity: Identity, address: str, title: str, target_src_uri: str, page_urls: dict[str, str]) -> str:
    return redirect_page(
        title=title,
        target=relative_target(address, page_urls[target_src_uri]),
        canonical=absolute(identity.url, page_address(target_src_uri)),
        identity=identity,
        script=posixpath.relpath(REDIRECT_SCRIPT, address.rstrip("/") or "."),
    )


def _title_of(site: Site, src_uri: str, identity: Identity) -> str:
    chapter = site.chapter_at(src_uri)
    return chapter.meta.title if chapter else identity.name


def generated_files(
    site: Site, identity: Identity, page_urls: dict[str, str], menu: list[str] | tuple[str, ...] = ()
) -> dict[str, str | bytes]:
    """Every reuse file of the build, by its path in the site. menu: chapter ids in menu order."""
    files: dict[str, str | bytes] = {}
    for chapter in site.chapters.values():
        address = permalink(chapter.meta.id)
        files[redirect_file(address)] = _redirect(identity, address, chapter.meta.title, chapter.src_uri, page_urls)
    for moved in site.redirects:
        target = site.chapters[moved.to].src_uri if moved.to in site.chapters else moved.to
        files[redirect_file(moved.source)] = _redirect(
            identity, moved.source, _title_of(site, target, identity), target, page_urls
        )
    made = course_packages(site, identity, menu)
    files[CATALOG_FILE] = catalog_json(made.catalog)
    files.update((package.path, package.content) for package in made.packages)
    files.update(poster_files(site, identity, page_urls, menu))
    return files
