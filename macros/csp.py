"""Content-Security-Policy for the built site: only the site's own files, and Material's inline scripts by hash."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

# Inline scripts that a browser runs (JSON data blocks are not run, so CSP ignores them).
_RUNNABLE = {None, "", "text/javascript", "module"}


def inline_script_hashes(site_dir: Path) -> list[str]:
    """'sha256-…' for every distinct inline script in the built site (Material writes a few per page depth)."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for node in LexborHTMLParser(page.read_text(encoding="utf-8")).css("script:not([src])"):
            if node.attributes.get("type") in _RUNNABLE:
                digest = hashlib.sha256((node.text(deep=True) or "").encode("utf-8")).digest()
                hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def policy(hashes: list[str], frame_ancestors: str = "'self'") -> str:
    """The policy: everything from the site itself; styles may be inline (Material sets them)."""
    return "; ".join([
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
    ])


def nginx_include(site_dir: Path) -> str:
    """An nginx include with the header, for the release that was built into site_dir."""
    return ("# Made by `python -m macros.cli csp` for this release; do not edit.\n"
            f'add_header Content-Security-Policy "{policy(inline_script_hashes(site_dir))}" always;\n')
