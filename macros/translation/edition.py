"""A translated edition's own words and its links to the other editions of the same page.

The config a translated edition inherits is written in bokmål too: the menu's section titles, the description,
the footer and the theme's labels. Their texts are gathered here as slots (where a text stands, and the text),
translated with everything else, and put back. And every page of every edition with `extra.alternate` links to
the same page in the other editions: Material's language switcher and the `hreflang` alternates in the head.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

from macros.content.site_map import page_address


@dataclass(frozen=True)
class Slot:
    """Where a text stands in the config: container[key] (a key of a mapping, or an index of a list)."""

    container: Any
    key: Any

    @property
    def text(self) -> str:
        return self.container[self.key]

    def put(self, text: str) -> None:
        self.container[self.key] = text


def _nav(entries: list) -> Iterator[str]:
    """The menu's titles (a menu entry is a mapping of its title to a page or a list of entries)."""
    for entry in entries:
        if isinstance(entry, dict):
            for title, value in entry.items():
                yield title
                if isinstance(value, list):
                    yield from _nav(value)


def rename_nav(entries: list, titles: dict[str, str]) -> None:
    """The menu's titles translated (titles: bokmål → translation), in place, in the same order."""
    for index, entry in enumerate(entries):
        if isinstance(entry, dict):
            renamed = {}
            for title, value in entry.items():
                if isinstance(value, list):
                    rename_nav(value, titles)
                renamed[titles.get(title, title)] = value
            entries[index] = renamed


def nav_titles(entries: list) -> list[str]:
    return list(_nav(entries or []))


def config_slots(config: MutableMapping) -> list[Slot]:
    """The texts a reader sees in a config besides the menu: description, footer, the theme's toggles, the
    permalink's title."""
    slots = [Slot(config, key) for key in ("site_description", "copyright") if config.get(key)]
    theme = config.get("theme")
    palette = theme.get("palette") if theme is not None and hasattr(theme, "get") else None
    for scheme in palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        if isinstance(toggle, dict) and toggle.get("name"):
            slots.append(Slot(toggle, "name"))
    toc = (config.get("mdx_configs") or {}).get("toc")
    if isinstance(toc, dict) and isinstance(toc.get("permalink_title"), str):
        slots.append(Slot(toc, "permalink_title"))
    return slots


def alternates(editions: list[dict], src_uri: str, own_language: str, own_url: str) -> list[dict]:
    """The same page in every edition listed in `extra.alternate` (name, link, lang): each edition's address plus
    the page's; this edition's own entry at this edition's address (site_url, which may be set at build time)."""
    address = page_address(src_uri)
    found = []
    for edition in editions:
        root = own_url if edition.get("lang") == own_language and own_url else str(edition.get("link") or "")
        found.append({**edition, "link": root.rstrip("/") + "/" + address})
    return found


def address_in(editions: list[dict], language: str, src_uri: str) -> str | None:
    """The page's address in the edition written in language, if `extra.alternate` has one."""
    for edition in editions:
        if edition.get("lang") == language and edition.get("link"):
            return str(edition["link"]).rstrip("/") + "/" + page_address(src_uri)
    return None
