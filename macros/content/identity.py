"""What an edition decides about how INTRO presents itself: its title, owner, address and colour.

Everything comes from the edition's MkDocs config (site_name, site_author, site_url, the theme's palette), so a
new edition needs no code: posters, citations, the catalogue and the course packages all read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

LICENCE = "CC BY 4.0"
LICENCE_ID = "CC-BY-4.0"  # as SPDX writes it, for what machines read (catalog.json)
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.no"

# Material for MkDocs' named primary colours (its palette stylesheet), for what is drawn outside the theme.
MATERIAL_PRIMARY = {
    "red": "#ef5350",
    "pink": "#e92063",
    "purple": "#ab47bd",
    "deep-purple": "#7e56c2",
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "light-blue": "#02a6f2",
    "cyan": "#00bdd6",
    "teal": "#009485",
    "green": "#4cae4f",
    "light-green": "#8bc34b",
    "lime": "#cbdc38",
    "yellow": "#ffec3d",
    "amber": "#ffc105",
    "orange": "#ffa724",
    "deep-orange": "#ff6e42",
    "brown": "#795649",
    "grey": "#757575",
    "blue-grey": "#546d78",
    "black": "#000000",
    "white": "#ffffff",
}


@dataclass(frozen=True)
class Identity:
    title: str
    name: str  # what running text calls the site: site_name up to « – » («INTRO»)
    description: str
    owner: str
    url: str
    colour: str
    logo: str = ""  # the theme's logo, relative to the site root (empty: none)
    edition: str = ""  # the edition's id (plugins → intro → edition), which course packages carry in their identifiers
    # Where room is short (Kiwix's library): the intro plugin's short_title and short_description, as written.
    short_title: str = ""
    short_description: str = ""
    config_file: str = ""  # the config's file name, for messages about its fields
    language: str = "nb"  # BCP 47, the theme's language: nb, or nn for the nynorsk edition
    licence: str = LICENCE
    licence_url: str = LICENCE_URL
    licence_id: str = LICENCE_ID


# site_name is «<name> – <what it is>»: running text calls the site by the name before the dash.
NAME_END = " – "


def _primary(theme: Any) -> str:
    palette = theme.get("palette") if hasattr(theme, "get") else None
    first = palette[0] if isinstance(palette, list) and palette else palette
    name = first.get("primary", "indigo") if isinstance(first, dict) else "indigo"
    return MATERIAL_PRIMARY.get(str(name).lower().replace(" ", "-"), MATERIAL_PRIMARY["indigo"])


def _logo(theme: Any) -> str:
    logo = theme.get("logo") if hasattr(theme, "get") else None
    return str(logo) if logo else ""


def _intro_options(config: Any) -> Any:
    """The intro plugin's options: in MkDocs' config the plugin object carries them; a plain mapping has them."""
    plugins = config.get("plugins")
    intro = plugins.get("intro") if hasattr(plugins, "get") else None
    options = getattr(intro, "config", intro)
    return options if hasattr(options, "get") else {}


def from_config(config: Any) -> Identity:
    """The identity of the edition a MkDocs config describes."""
    intro = _intro_options(config)
    config_file = config.get("config_file_path")
    return Identity(
        title=config["site_name"],
        name=config["site_name"].split(NAME_END)[0].strip(),
        description=config.get("site_description") or config["site_name"],
        owner=config.get("site_author") or config["site_name"],
        url=(config.get("site_url") or "/"),
        colour=_primary(config.get("theme") or {}),
        logo=_logo(config.get("theme") or {}),
        edition=str(intro.get("edition") or ""),
        short_title=str(intro.get("short_title") or ""),
        short_description=str(intro.get("short_description") or ""),
        config_file=Path(config_file).name if config_file else "",
        language=str((config.get("theme") or {}).get("language") or "nb"),
    )
