"""Content-Security-Policy for the built site: only the site's own files, and Material's inline scripts by hash."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from macros.checks.safety import is_theme_script

# Inline scripts that a browser runs (JSON data blocks are not run, so CSP ignores them).
_RUNNABLE = {None, "", "text/javascript", "module"}


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def page_script_hashes(html: str) -> tuple[list[str], list[str]]:
    """The hashes of the theme's inline scripts on one page, and the start of any other inline script on it."""
    hashes, strangers = set(), []
    for node in LexborHTMLParser(html).css("script:not([src])"):
        if node.attributes.get("type") in _RUNNABLE:
            text = node.text(deep=True) or ""
            if is_theme_script(text):
                hashes.add(script_hash(text))
            else:
                strangers.append(text.strip()[:60])
    return sorted(hashes), strangers


def inline_script_hashes(site_dir: Path) -> list[str]:
    """'sha256-…' for every distinct inline script the theme writes (a few per page depth), and no other."""
    hashes: set[str] = set()
    for page in site_dir.rglob("*.html"):
        hashes.update(page_script_hashes(page.read_text(encoding="utf-8"))[0])
    return sorted(hashes)


def unknown_inline_scripts(site_dir: Path) -> list[str]:
    """Pages with an inline script the site does not ship: never hashed, so the CSP would block it anyway."""
    return [
        f"{page.relative_to(site_dir)}: {stranger}"
        for page in sorted(site_dir.rglob("*.html"))
        for stranger in page_script_hashes(page.read_text(encoding="utf-8"))[1]
    ]


def offline_policy() -> str:
    """The same fence for the offline edition, as a <meta> in each page: nothing from another site or machine.

    Scripts may be inline here, unlike online: over file:// the search runs in iframe-worker's frame, which
    writes an inline script holding the worker's address, and that address depends on where the reader
    unpacked the zip, so no hash can be known in advance. Content cannot add a script either way: the build
    refuses any script an author writes (macros.checks.safety).
    """
    return "; ".join(
        [
            "default-src 'self' file:",
            "script-src 'self' file: 'unsafe-inline'",
            "style-src 'self' file: 'unsafe-inline'",
            "img-src 'self' file: data:",
            "font-src 'self' file:",
            "connect-src 'self' file: blob:",
            "worker-src 'self' file: blob:",
            "frame-src 'self' file: blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'none'",
        ]
    )


def static_policy() -> str:
    """The fence for an HTML file an author put under docs/, which the offline edition copies as it is: no script
    at all (no <script>, no event handler, no javascript: address), and nothing from another site or machine."""
    return "; ".join(
        [
            "default-src 'none'",
            "img-src 'self' file: data:",
            "style-src 'self' file: 'unsafe-inline'",
            "font-src 'self' file:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def policy(hashes: list[str], frame_ancestors: str = "'self'") -> str:
    """The policy: everything from the site itself; styles may be inline (Material sets them)."""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {' '.join(hashes)}".strip(),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def nginx_include(site_dir: Path) -> str:
    """An nginx include with the header, for the release that was built into site_dir."""
    return (
        "# Made by `python -m macros.commands.cli csp` for this release; do not edit.\n"
        f'add_header Content-Security-Policy "{policy(inline_script_hashes(site_dir))}" always;\n'
    )
