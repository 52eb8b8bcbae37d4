"""The options of the `intro` plugin in mkdocs.yml (`plugins: intro: …`), one docstring each.

The plugin validates them as MkDocs does every plugin's options; the author-facing macros validate the same
mapping with the same class (macros/loader.py), so both read one schema.
"""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config

from macros.content.review import DEFAULT_GRACE_DAYS


class IntroConfig(Config):
    data_dir = config_options.Dir(exists=True, default="data")
    """The curated data (perspectives, paths, glossary, figures, …), relative to the config file."""

    vendor_dir = config_options.Type(str, default="node_modules")
    """Where `npm ci` put the pinned browser assets the site serves itself (relative to the config file)."""

    offline_zip = config_options.Type(str, default="")
    """The offline edition's zip to offer for download (the release build sets it); empty: none."""

    offline_zim = config_options.Type(str, default="")
    """The same edition as a ZIM file for Kiwix (made with the zip by the release build); empty: none."""

    review_grace_days = config_options.Type(int, default=DEFAULT_GRACE_DAYS)
    """Days past a chapter's or fact's check date that only remind; after them the build stops."""

    edition = config_options.Type(str, default="bergen")
    """Which edition this config builds: its local facts are data/editions/<edition>.yml."""

    short_title = config_options.Type(str, default="")
    """The edition's name where room is short, at most 30 characters: Kiwix's library shows it as the title of the
    ZIM file. Empty: site_name, if that is short enough."""

    short_description = config_options.Type(str, default="")
    """What the edition is, in one sentence of at most 80 characters: Kiwix's library shows it under the title.
    Empty: site_description, if that is short enough."""

    editions_dir = config_options.Dir(exists=True, default="data/editions")
    """The folder of the editions' local facts, relative to the config file."""

    finished_markdown_dir = config_options.Type(str, default="")
    """A folder to hand the finished site over to: every page's finished Markdown (after the macros and what the
    front matter adds) and every file, with a mkdocs.yml that stock Material builds without INTRO (handover.py)."""

    published_registry = config_options.Type(str, default="")
    """The registry of every address the live site has published (`make publish` sets it); empty: none."""

    translate_from = config_options.Type(str, default="")
    """The bokmål edition this edition is translated from as it builds (bergen for the nynorsk edition): every
    page, data file, template and script is translated by Apertium into a folder under .cache/translation/, and
    the build reads that (macros/translation/). Its local facts are that edition's, translated. Empty: the
    edition is written, not translated."""

    translation_mode = config_options.Type(str, default="nob-nno_e")
    """The Apertium mode that translates the edition (`apertium -l` lists them): nob-nno_e writes nynorsk with
    e-infinitive, as Høgskulen på Vestlandet does; nob-nno writes a-infinitive."""

    translation_data = config_options.Type(str, default="data/nynorsk")
    """The editors' say over the translation, relative to the config file: terms.yml (words and names),
    corrections.yml (corrected sentences) and untranslated.txt (words Apertium may leave as they are)."""
