"""Checks on a built page: images need alt text, and nothing may load from another site.

Each check takes the page's HTML, or the page already parsed with `parse`, so a page is parsed once
for all the checks run on it.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from macros.checks import safety

_OFF_SITE = re.compile(r"^(https?:)?//", re.I)

Page = HTMLParser | str


def parse(html: str) -> HTMLParser:
    return HTMLParser(html)


def _tree(page: Page) -> HTMLParser:
    return parse(page) if isinstance(page, str) else page


def off_site_resources(page: Page) -> list[str]:
    """Addresses on other sites that this page would load (scripts, images, styles, frames, fonts): what a browser
    loads is safety.loaded()'s one table."""
    found: list[str] = []
    seen: set[int] = set()
    for node in _tree(page).css(safety.LOADING):
        # An element that matches two parts of the selector is returned twice.
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        found += [f"<{node.tag}> {address}" for address in safety.loaded(node) if _OFF_SITE.match(address)]
    return found


def images_without_alt(page: Page) -> list[str]:
    """The addresses of content images that have no alt text (or only blanks)."""
    tree = _tree(page)
    return [
        node.attributes.get("src") or "(uten adresse)"
        for node in tree.css("img")
        if not (node.attributes.get("alt") or "").strip() and node.attributes.get("role") != "presentation"
    ]


# Link texts that do not say where the link goes.
VAGUE_LINK_TEXTS = {"her", "les mer", "mer", "klikk her", "trykk her", "lenke", "denne lenken", "les her", "se her"}


def vague_links(page: Page) -> list[str]:
    """Link texts in the content that say nothing about where they lead («les mer», «her»)."""
    tree = _tree(page)
    return [
        node.text(strip=True) for node in tree.css("a[href]") if node.text(strip=True).lower().rstrip(".:!") in VAGUE_LINK_TEXTS
    ]


def skipped_headings(page: Page) -> list[str]:
    """Headings that jump more than one level down from the one before (h2 followed by h4)."""
    tree = _tree(page)
    problems, previous = [], 1
    for node in tree.css("h1, h2, h3, h4, h5, h6"):
        level = int(str(node.tag)[1])
        if level > previous + 1:
            problems.append(f"«{node.text(strip=True).rstrip('¶')}» (h{level} etter h{previous})")
        previous = level
    return problems
