"""The hand-over: the site as finished Markdown that stock Material builds into the same pages, without INTRO.

A build given a hand-over folder writes a whole MkDocs project there: `docs/` with every page as INTRO finished
it (after the macros and what the front matter adds, its meta as front matter, the glossary's explanations as
abbreviations and the filled-in word list), every other file the site serves (the authors' assets and every
generated file: permanent links, catalogue, posters, course packages, downloads, vendor assets), and a
`mkdocs.yml` with the same theme, nav, extensions and assets but only Material's own plugins. Should MkDocs or
the INTRO plugin stop working, this folder still builds the site, with stock MkDocs, ProperDocs or another engine.

Pure: it takes paths, text and plain dicts; the plugin (or any other engine's wiring) hands them over.
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from selectolax.lexbor import LexborHTMLParser

from macros.content.errors import AuthorError, ContentError
from macros.exports import GeneratedFile
from macros.rendering.page_scripts import PAGE_SCRIPTS

# The first line of the config a hand-over writes: only a folder that has it may be emptied by the next build.
MARKER = "# INTRO hand-over: the finished site for stock Material for MkDocs, written by the build."
DOCS = "docs"
CONFIG = "mkdocs.yml"
# Page meta that only mkdocs-macros reads.
MACROS_META = ("render_macros",)
# Material's own plugins; the rest (intro, macros) have done their work in the Markdown.
STOCK_PLUGINS = ("search", "material/search", "offline", "material/offline", "tags", "material/tags")
# Settings of the INTRO config that belong to its build, not to the site.
BUILD_ONLY = ("INHERIT", "docs_dir", "site_dir", "watch", "hooks")
# Where chapter_footer.md.j2 leaves the word list for the glossary extension to fill in.
WORD_LIST = '<div class="intro-words" data-search-exclude="" markdown></div>'


def prepare(folder: Path) -> Path:
    """Empty the hand-over's docs folder for a new build; refuse a folder that holds anything else."""
    config = folder / CONFIG
    ours = config.is_file() and config.read_text(encoding="utf-8").startswith(MARKER)
    if folder.is_dir() and any(folder.iterdir()) and not ours:
        raise ContentError(
            [
                AuthorError(
                    str(folder),
                    "Mappen for ferdig Markdown (INTRO_FINISHED_MARKDOWN) er ikke "
                    "tom og er ikke laget av INTRO. Velg en tom mappe, så ingenting "
                    "blir skrevet over.",
                )
            ]
        )
    shutil.rmtree(folder / DOCS, ignore_errors=True)
    (folder / DOCS).mkdir(parents=True)
    return folder / DOCS


def page_text(meta: Mapping[str, Any], markdown: str) -> str:
    """A page as front matter (every key the page's meta has, for the theme and search) and its Markdown."""
    kept = {key: value for key, value in meta.items() if key not in MACROS_META}
    if not kept:
        return markdown
    front = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{markdown}"


def explained_words(html: str) -> dict[str, str]:
    """Word → explanation, for each glossary word the finished page explains, in reading order."""
    words: dict[str, str] = {}
    for abbr in LexborHTMLParser(html).css("abbr[title]"):
        words.setdefault(abbr.text(deep=True), abbr.attributes.get("title") or "")
    return words


def with_glossary(markdown: str, html: str) -> str:
    """The Markdown with what the glossary extension added to its HTML, in a form stock Material renders.

    Each explained word becomes an abbreviation (`*[word]: explanation`, Python-Markdown's abbr extension, shown
    by Material's tooltips), and the word list «Ord på denne siden» is the finished HTML. One difference: abbr
    marks every use of a word on the page, where INTRO marks only the first.
    """
    node = LexborHTMLParser(html).css_first("div.intro-words")
    if node is not None and WORD_LIST in markdown:
        markdown = markdown.replace(WORD_LIST, node.html or "", 1)
    lines = [f"*[{word}]: {title}" for word, title in explained_words(html).items() if title]
    return markdown.rstrip("\n") + ("\n\n" + "\n".join(lines) if lines else "") + "\n"


def booklet_page(meta: Mapping[str, Any], html: str) -> str:
    """A page whose HTML INTRO wrote itself (a path's booklet): the same HTML, as a raw block in its Markdown."""
    return page_text(meta, html.strip() + "\n")


def write(folder: Path, path: str, content: str | bytes | None = None, source: Path | None = None) -> Path:
    """One file of the hand-over's docs folder, from text, bytes or a file to copy."""
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if source is not None:
        shutil.copyfile(source, target)
    elif isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content or "", encoding="utf-8")
    return target


def finish(
    docs: Path,
    source_docs: Path,
    static: Iterable[str],
    generated: Iterable[GeneratedFile],
    raw_config: dict,
    not_in_nav: list[str],
) -> None:
    """After the pages: every other file the site serves (the authors' from source_docs, and the generated ones),
    and the config stock Material builds the hand-over with, beside docs."""
    for src_uri in static:
        write(docs, src_uri, source=source_docs / src_uri)
    for made in generated:
        write(docs, made.path, made.content, made.source)
    (docs.parent / CONFIG).write_text(stock_config(raw_config, not_in_nav), encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    """Writes the config MkDocs read back as YAML, with pymdownx's slugify as the tag it was given as."""


def _represent_partial(dumper: yaml.SafeDumper, value: functools.partial) -> yaml.Node:
    if getattr(value.func, "__module__", "") != "pymdownx.slugs":
        raise ValueError(f"The hand-over cannot write {value!r} into mkdocs.yml.")
    return dumper.represent_mapping(
        "tag:yaml.org,2002:python/object/apply:pymdownx.slugs.slugify", {"kwds": dict(value.keywords)}
    )


_Dumper.add_representer(functools.partial, _represent_partial)


def stock_config(raw: dict, not_in_nav: list[str]) -> str:
    """The hand-over's mkdocs.yml: the INTRO config as MkDocs read it (INHERIT and !ENV resolved), less the INTRO
    plugin, mkdocs-macros, the theme overrides and what only concerns the build; not_in_nav: pages built but
    kept out of the menu on purpose."""
    config = {key: value for key, value in raw.items() if key not in BUILD_ONLY}
    config["theme"] = {key: value for key, value in (raw.get("theme") or {}).items() if key != "custom_dir"}
    plugins = raw.get("plugins") or {}
    if isinstance(plugins, list):
        plugins = (
            {name: {} for name in plugins}
            if all(isinstance(p, str) for p in plugins)
            else {
                name: options for item in plugins for name, options in (item.items() if isinstance(item, dict) else [(item, {})])
            }
        )
    config["plugins"] = {name: options for name, options in plugins.items() if name in STOCK_PLUGINS}
    # INTRO loads its feature scripts only where a page has the feature (rendering/page_scripts.py, in the theme's
    # overrides): stock Material loads them on every page, after the ones the config lists.
    listed = list(raw.get("extra_javascript") or [])
    config["extra_javascript"] = listed + [script.path for script in PAGE_SCRIPTS if script.path not in listed]
    if not_in_nav:
        config["not_in_nav"] = "".join(f"/{uri}\n" for uri in sorted(not_in_nav))
    body = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"{MARKER}\n# Build it with: mkdocs build --strict (Material for MkDocs and pymdown-extensions, no INTRO).\n{body}"
