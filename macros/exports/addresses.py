"""Addresses that must never break: permanent links, redirects for moved pages, and the registry.

Every address is written as the online site has it, relative to the site root (content/site_map.py names the
pages and makes the addresses). The offline build uses the same redirect files.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from pathlib import Path

from macros.content import yamlio
from macros.content.errors import AuthorError
from macros.content.model import Redirect
from macros.content.site_map import PERMALINK_PREFIX, page_address, permalink

REGISTRY_FILE = "published.yml"
REDIRECTS_FILE = "redirects.yml"


def redirect_file(address: str) -> str:
    """Where the redirect page for an address is written: a folder with an index.html."""
    return f"{address}index.html"


def current_addresses(page_src_uris: Iterable[str], chapter_ids: Iterable[str], redirects: Iterable[Redirect]) -> set[str]:
    return (
        {page_address(uri) for uri in page_src_uris}
        | {permalink(chapter_id) for chapter_id in chapter_ids}
        | {redirect.source for redirect in redirects}
    )


def read_registry(data_dir: Path, name: str = REGISTRY_FILE) -> list[str]:
    path = data_dir / name
    return list(yamlio.load(path.read_bytes().decode("utf-8-sig")) or []) if path.is_file() else []


def broken_addresses(
    registry: Iterable[str], current: set[str], where: str = f"data/{REGISTRY_FILE}", chapters: Mapping[str, str] | None = None
) -> list[AuthorError]:
    """Published addresses that this build would no longer answer; a lost permanent link is named as such, and
    when a chapter kept its file but changed its id, the message names the chapter. chapters: id → src_uri."""
    problems = []
    by_stem = {
        posixpath.basename(src_uri).removesuffix(".md"): (chapter_id, src_uri) for chapter_id, src_uri in (chapters or {}).items()
    }
    for address in sorted(set(registry) - current):
        if address.startswith(PERMALINK_PREFIX) and address.count("/") == 2:
            chapter_id = address[len(PERMALINK_PREFIX) : -1]
            renamed = by_stem.get(chapter_id)
            if renamed and renamed[0] != chapter_id:
                problems.append(
                    AuthorError(
                        f"docs/{renamed[1]}",
                        f"Kapitlet har fått id-en «{renamed[0]}», men hadde «{chapter_id}», så "
                        f"den faste lenken «{address}» slutter å virke. Sett id tilbake til «{chapter_id}» (en id endres "
                        f'aldri), eller legg inn i data/{REDIRECTS_FILE}: - from: "{address}" og to: {renamed[0]}.',
                        field="id",
                    )
                )
                continue
            problems.append(
                AuthorError(
                    where,
                    f"Ingen kapitler har lenger id-en «{chapter_id}», så den faste lenken «{address}» slutter å "
                    f"virke. Har kapitlet fått ny id, sett den gamle tilbake, eller legg inn i data/{REDIRECTS_FILE}: "
                    f'- from: "{address}" og to: den nye id-en.',
                )
            )
        else:
            problems.append(
                AuthorError(
                    where,
                    f"Adressen «{address}» er publisert før, men finnes ikke lenger. Lenker som lærere og andre har "
                    f"delt, ville slutte å virke. Legg inn en omdirigering i data/{REDIRECTS_FILE} "
                    f'(from: "{address}", to: id-en til kapitlet eller siden det skal gå til).',
                )
            )
    return problems


def dropped_redirects(redirects: Iterable[Redirect], page_src_uris: Iterable[str], chapters: dict[str, str]) -> list[AuthorError]:
    """Redirects that could never work: from an address a page or permanent link already has, or to themselves.
    chapters maps each chapter id to its page (src_uri)."""
    taken = {page_address(uri) for uri in page_src_uris} | {permalink(chapter_id) for chapter_id in chapters}
    problems = []
    for redirect in redirects:
        target = page_address(chapters.get(redirect.to, redirect.to))
        if target == redirect.source:
            problems.append(
                AuthorError(
                    f"data/{REDIRECTS_FILE}",
                    f"Omdirigeringen fra «{redirect.source}» går til "
                    "seg selv. Skriv id-en til kapitlet eller siden den skal gå til.",
                )
            )
        elif redirect.source in taken:
            problems.append(
                AuthorError(
                    f"data/{REDIRECTS_FILE}",
                    f"Omdirigeringen fra «{redirect.source}» ville "
                    "aldri blitt brukt: en side har den adressen allerede. Fjern den.",
                )
            )
    return problems


def registry_text(addresses: Iterable[str]) -> str:
    lines = "\n".join(f'- "{address}"' for address in sorted(set(addresses)))
    return (
        "# Every address INTRO has ever published. Never remove a line: the build fails if one stops working.\n"
        "# Add new addresses with `make register`.\n" + lines + "\n"
    )
