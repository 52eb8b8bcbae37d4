"""The schemes of data/schemes.yml as pages show them: {{ ordninger() }} for all, {{ ordninger("id", …) }} for some."""

from __future__ import annotations

from macros.content.errors import AuthorError, ContentError
from macros.content.model import Scheme
from macros.content.norwegian import sort_key
from macros.content.site import Site
from macros.rendering.renderer import render


def chosen(site: Site, ids: tuple[str, ...], page_src_uri: str = "") -> list[Scheme]:
    """The schemes asked for, in the order asked; without ids, every scheme in alphabetical order."""
    if not ids:
        return sorted(site.schemes.values(), key=lambda scheme: sort_key(scheme.name))
    missing = [scheme_id for scheme_id in ids if scheme_id not in site.schemes]
    if missing:
        # load_site has named the page and line already; this guards a call built at render time.
        raise ContentError([AuthorError(f"docs/{page_src_uri}", f"Ordningen «{missing[0]}» finnes ikke i data/schemes.yml.")])
    return [site.schemes[scheme_id] for scheme_id in ids]


def schemes(site: Site, *ids_and_page: str) -> str:
    """Each scheme with its owner, what it gives, who may apply and where to read the terms. The macro wrapper hands
    the page last: ordninger("a", "b") arrives as ("a", "b", page)."""
    *ids, page = ids_and_page
    return render("schemes.md.j2", schemes=chosen(site, tuple(ids), page))
