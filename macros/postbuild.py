"""After the build: checks and changes on the finished pages and files, whatever engine wrote them.

Each function takes the site's folder, a page's HTML or its addresses, never an engine's objects.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from macros.checks import html as html_checks
from macros.checks import safety
from macros.content.errors import AuthorError
from macros.content.site_map import published_files
from macros.exports import csp

# (check on HTML, advice for the author); the check returns what it found.
Checks = tuple[tuple[Callable[[LexborHTMLParser], list[str]], str], ...]
# What the author wrote, as HTML (before the theme's frame).
CONTENT_CHECKS: Checks = (
    (
        safety.unsafe_content,
        "Innholdet har {}. Skript og adresser som henter noe utenfra er ikke lov i INTRO. "
        "Skriv vanlig Markdown: lenk til andre nettsteder med [tekst](https://…), og legg "
        "bilder og filer under docs/.",
    ),
    (
        html_checks.vague_links,
        "Lenketeksten «{}» sier ikke hvor lenken går. Skriv hva leseren finner, for eksempel «les om klage på vedtak».",
    ),
    (
        html_checks.skipped_headings,
        "Overskriften {} hopper over et nivå. Bruk ## for deler og ### under dem, uten å hoppe over noe.",
    ),
)
# The finished page, theme included.
OUTPUT_CHECKS: Checks = (
    (
        html_checks.off_site_resources,
        "Siden henter {} fra et annet nettsted. Alt innhold skal ligge på INTRO selv: last ned filen og legg den under docs/.",
    ),
    (
        html_checks.images_without_alt,
        "Bildet {} mangler alternativ tekst. Skriv hva bildet viser mellom hakeparentesene: ![Hva bildet viser](bilde.png).",
    ),
)

# (where the author fixes it, the page's path in the site, the site-internal addresses it links to or shows)
PageLinks = tuple[str, str, list[str]]


def page_problems(checks: Checks, tree: LexborHTMLParser, where: str) -> list[AuthorError]:
    """What the checks find on one page (parsed once with html_checks.parse), as messages for its author."""
    return [AuthorError(where, advice.format(found)) for check, advice in checks for found in check(tree)]


def page_links(where: str, dest_uri: str, page: LexborHTMLParser | str) -> PageLinks:
    """What missing_targets needs of one finished page (its HTML, or the page already parsed)."""
    tree = html_checks.parse(page) if isinstance(page, str) else page
    return where, dest_uri, safety.internal_targets(tree)


def site_links(site_dir: Path) -> list[PageLinks]:
    """Every HTML page of a built site, with its links (for a site that no INTRO build watched being written)."""
    return [
        page_links(path.relative_to(site_dir).as_posix(), path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(site_dir.rglob("*.html"))
    ]


def missing_targets(site_dir: Path, links: Iterable[PageLinks]) -> list[AuthorError]:
    """Links and images written as raw HTML, which MkDocs does not check, must lead to a file of the site."""
    problems = []
    for where, dest_uri, targets in links:
        folder = posixpath.dirname(dest_uri)
        for target in sorted(set(targets)):
            found = site_dir / posixpath.normpath(posixpath.join(folder, unquote(target)))
            if not (found.is_file() or (found / "index.html").is_file()):
                problems.append(
                    AuthorError(
                        where,
                        f"Lenken eller bildet «{target}» fører ikke til noe på "
                        "nettstedet. Sjekk adressen, eller skriv lenken i Markdown: "
                        "[tekst](kapittel.md), så sjekker bygget den for deg.",
                    )
                )
    return problems


def unsafe_css(docs_dir: Path) -> list[AuthorError]:
    """The site's own stylesheets (as site_map.published_files reads docs/) may not load anything from elsewhere."""
    problems = []
    for src_uri, css in published_files(docs_dir):
        if src_uri.endswith(".css"):
            text = css.read_bytes().decode("utf-8-sig", errors="replace")
            problems += [
                AuthorError(
                    f"docs/{src_uri}",
                    f"Stilarket har {found}, som henter noe utenfra. Legg filen "
                    "under docs/ og vis til den med en relativ adresse.",
                )
                for found in safety.css_problems(text)
            ]
    return problems


def with_offline_policy(html: str, policy: str | None = None) -> str:
    """No server sends the offline edition a CSP header: each page carries its own, as a <meta> first in <head>
    (a page without a <head> gets it first of all, where the browser's parser puts it in one)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy or csp.offline_policy()}">'
    head = re.search(r"<head\b[^>]*>", html, re.I)
    return html[: head.end()] + "\n" + meta + html[head.end() :] if head else meta + "\n" + html


def fence_static_html(site_dir: Path, src_uris: Iterable[str]) -> None:
    """The authors' own HTML files, which MkDocs copies as they are, get the strict static policy in the offline
    edition (csp.static_policy): even a script the checks missed could not run over file://."""
    for src_uri in src_uris:
        page = site_dir / src_uri
        if src_uri.lower().endswith((".html", ".htm")) and page.is_file():
            html = page.read_bytes().decode("utf-8-sig", errors="replace")
            page.write_text(with_offline_policy(html, csp.static_policy()), encoding="utf-8")
