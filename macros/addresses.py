"""Addresses that must never break: permanent links, redirects for moved pages, and the registry.

Every address is written as the online site has it, relative to the site root: "kapitler/lovene/",
"k/lovene/", "" for the front page. The offline build uses the same redirect files.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path


from macros import yamlio
from macros.errors import AuthorError
from macros.model import Redirect

PERMALINK_PREFIX = "k/"
REGISTRY_FILE = "published.yml"
REDIRECTS_FILE = "redirects.yml"


def page_address(src_uri: str) -> str:
    """The online address of a page: kapitler/lovene.md → kapitler/lovene/; index.md → ''."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def permalink(chapter_id: str) -> str:
    return f"{PERMALINK_PREFIX}{chapter_id}/"


def redirect_file(address: str) -> str:
    """Where the redirect page for an address is written: a folder with an index.html."""
    return f"{address}index.html"


def relative_target(address: str, target_url: str) -> str:
    """A link from the redirect page at address to a page's URL (both relative to the site root)."""
    return posixpath.relpath(target_url or ".", address.rstrip("/") or ".") + ("/" if target_url.endswith("/") else "")


def current_addresses(page_src_uris: Iterable[str], chapter_ids: Iterable[str],
                      redirects: Iterable[Redirect]) -> set[str]:
    return ({page_address(uri) for uri in page_src_uris}
            | {permalink(chapter_id) for chapter_id in chapter_ids}
            | {redirect.source for redirect in redirects})


def read_registry(data_dir: Path) -> list[str]:
    path = data_dir / REGISTRY_FILE
    return list(yamlio.load(path.read_text(encoding="utf-8")) or []) if path.is_file() else []


def broken_addresses(registry: Iterable[str], current: set[str]) -> list[AuthorError]:
    """Published addresses that this build would no longer answer."""
    return [
        AuthorError(
            f"data/{REGISTRY_FILE}",
            f"Adressen «{address}» er publisert før, men finnes ikke lenger. Lenker som lærere og andre har delt, "
            f"ville slutte å virke. Legg inn en omdirigering i data/{REDIRECTS_FILE} "
            f"(from: \"{address}\", to: id-en til kapitlet eller siden det skal gå til).",
        )
        for address in sorted(set(registry) - current)
    ]


def registry_text(addresses: Iterable[str]) -> str:
    lines = "\n".join(f'- "{address}"' for address in sorted(set(addresses)))
    return ("# Every address INTRO has ever published. Never remove a line: the build fails if one stops working.\n"
            "# Add new addresses with `make register`.\n" + lines + "\n")
