"""Checks on a built page: images need alt text, and nothing may load from another site."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

# Tags and attributes that make a browser fetch something when the page loads.
RESOURCE_ATTRIBUTES = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "link": "href",
}
# <link> elements that are only references, not downloads.
REFERENCE_LINKS = {"canonical", "alternate", "author", "license", "next", "prev", "search"}
_OFF_SITE = re.compile(r"^(https?:)?//", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", re.I)


def off_site_resources(html: str) -> list[str]:
    """Addresses on other sites that this page would load (scripts, images, styles, frames, fonts)."""
    tree = HTMLParser(html)
    found: list[str] = []
    for tag, attribute in RESOURCE_ATTRIBUTES.items():
        for node in tree.css(f"{tag}[{attribute}]"):
            if tag == "link" and set((node.attributes.get("rel") or "").split()) & REFERENCE_LINKS:
                continue
            address = node.attributes.get(attribute) or ""
            if _OFF_SITE.match(address):
                found.append(f"<{tag}> {address}")
    for node in tree.css("img[srcset], source[srcset]"):
        for candidate in (node.attributes.get("srcset") or "").split(","):
            address = candidate.strip().split(" ")[0]
            if _OFF_SITE.match(address):
                found.append(f"<{node.tag}> {address}")
    for node in tree.css("style, [style]"):
        css = node.text() if node.tag == "style" else node.attributes.get("style") or ""
        found.extend(f"<{node.tag}> {address}" for address in _CSS_URL.findall(css))
    return found


def images_without_alt(html: str) -> list[str]:
    """The addresses of content images that have no alt text (or only blanks)."""
    tree = HTMLParser(html)
    return [
        node.attributes.get("src") or "(uten adresse)"
        for node in tree.css("img")
        if not (node.attributes.get("alt") or "").strip()
        and node.attributes.get("role") != "presentation"
    ]


# Link texts that do not say where the link goes.
VAGUE_LINK_TEXTS = {"her", "les mer", "mer", "klikk her", "trykk her", "lenke", "denne lenken", "les her", "se her"}


def vague_links(html: str) -> list[str]:
    """Link texts in the content that say nothing about where they lead («les mer», «her»)."""
    tree = HTMLParser(html)
    return [node.text(strip=True) for node in tree.css("a[href]")
            if node.text(strip=True).lower().rstrip(".:!") in VAGUE_LINK_TEXTS]


def skipped_headings(html: str) -> list[str]:
    """Headings that jump more than one level down from the one before (h2 followed by h4)."""
    tree = HTMLParser(html)
    problems, previous = [], 1
    for node in tree.css("h1, h2, h3, h4, h5, h6"):
        level = int(node.tag[1])
        if level > previous + 1:
            problems.append(f"«{node.text(strip=True).rstrip('¶')}» (h{level} etter h{previous})")
        previous = level
    return problems
