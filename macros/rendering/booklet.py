"""A printable booklet per path, like GOV.UK's «/print» guides: a cover, the contents and every chapter in order.

The booklet is a page of its own (kapitler/hefte-<path>); each chapter's relative links and images are written
anew from the booklet's address, online and in the offline edition. Each chapter keeps its
own anchors under a prefix, and its headings move one level down under the chapter's title.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from macros.content.site import Site
from macros.content.site_map import booklet_page
from macros.rendering.renderer import phrase, render

# What belongs to reading on a screen, not to a booklet: the self-check's form and its heading (which printed
# empty), the chapter's end mark, and the credit a printed chapter carries (the booklet has its own links).
LEFT_OUT = (
    ".intro-teaching",
    ".intro-path-nav",
    ".intro-progress",
    ".intro-words",
    ".intro-selfcheck",
    "#test-deg-selv",
    ".intro-chapter-end",
    ".intro-print-credit",
)
_HEADING = re.compile(r"<(/?)h([1-5])\b")


def src_uri(perspective: str) -> str:
    return booklet_page(perspective)


def page_markdown(site: Site, perspective: str) -> str:
    """The booklet's own page: its title, kept out of search (it repeats the chapters), filled in after rendering."""
    name = site.perspectives[perspective].name
    return render("booklet_page.md.j2", title=phrase("booklet_title", name.lower()), summary=site.paths[perspective].intro)


def _folder(url: str) -> str:
    """The folder a page's relative links start from: the page itself for «kapitler/x/», its parent for «x.html»."""
    return url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)


def moved_link(address: str, from_url: str, to_url: str) -> str:
    """A relative link written on the page at from_url, as the page at to_url must write it."""
    parts = urlsplit(address)
    if not address or parts.scheme or parts.netloc or address.startswith(("#", "/")) or not parts.path:
        return address
    target = posixpath.normpath(posixpath.join(_folder(from_url), parts.path))
    moved = posixpath.relpath(target, _folder(to_url) or ".")
    if parts.path.endswith("/") and not moved.endswith("/"):
        moved += "/"
    return urlunsplit(("", "", moved, parts.query, parts.fragment))


def chapter_html(chapter_id: str, html: str, from_url: str = "", to_url: str = "") -> str:
    """A chapter's finished HTML as a part of the booklet: no screen furniture, unique anchors, headings one down,
    and its relative links and images written from the booklet's address."""
    tree = LexborHTMLParser(f"<div>{html}</div>")
    if from_url != to_url:
        for node in tree.css("a[href], img[src], source[src]"):
            attribute = "href" if node.tag == "a" else "src"
            node.attrs[attribute] = moved_link(node.attributes[attribute] or "", from_url, to_url)
    for selector in LEFT_OUT:
        for node in tree.css(selector):
            node.decompose()
    # The chapter's own contents list names the self-check, which the booklet leaves out.
    for node in tree.css('a[href="#test-deg-selv"]'):
        (node.parent if node.parent is not None and node.parent.tag == "li" else node).decompose()
    for node in tree.css("[id]"):
        node.attrs["id"] = f"{chapter_id}--{node.attributes['id']}"
    for node in tree.css('a[href^="#"]'):
        node.attrs["href"] = f"#{chapter_id}--{(node.attributes['href'] or '')[1:]}"
    for node in tree.css("label[for]"):
        node.attrs["for"] = f"{chapter_id}--{node.attributes['for']}"
    wrapper = tree.css_first("div")
    body = (wrapper.inner_html if wrapper else "") or ""
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body)


def booklet_html(
    site: Site,
    perspective: str,
    rendered: dict[str, tuple[str, str]],
    permanent_urls: dict[str, str],
    path_url: str,
    edition_title: str,
    booklet_url: str = "",
) -> str:
    """Cover, contents and every chapter of the path in order, each with its permanent link. (A chapter that was
    not rendered in this build, as in `mkdocs serve --dirty`, shows only its title and link until the next build.)"""
    chapters: list[dict[str, Any]] = []
    for chapter_id in site.paths[perspective].steps:
        chapter = site.chapters[chapter_id]
        chapters.append(
            {
                "id": chapter_id,
                "title": chapter.meta.title,
                "summary": chapter.meta.summary,
                "minutes": chapter.readability.reading_minutes,
                "permanent_url": permanent_urls[chapter_id],
                "html": chapter_html(chapter_id, *rendered.get(chapter.src_uri, ("", booklet_url)), booklet_url),
            }
        )
    return render(
        "booklet.html.j2",
        group=site.perspectives[perspective].name,
        intro=site.paths[perspective].intro,
        chapters=chapters,
        path_url=path_url,
        edition_title=edition_title,
        minutes=sum(c["minutes"] for c in chapters),
    )
