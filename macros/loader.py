"""The one way to the validated site and the edition's local facts, for the intro plugin and the macros alike.

Validating the content takes a second or two, so what was read is kept until a file it came from changes: the
cache is keyed on the folders and the edition, and checked against every source file's modification time and
size. A build reads once; a `mkdocs serve` rebuild after an edit reads again.

The macros reach the plugin's options without MkDocs' plugin registry: they read the config file the build was
given (following INHERIT and !ENV as MkDocs does) and validate its `intro` mapping with the plugin's own schema,
so they also work where only `define_env` runs. Only the standard library is imported at the top; the content
model is imported when something is first loaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from macros.content.errors import IntroError

if TYPE_CHECKING:
    from macros.config import IntroConfig
    from macros.content.identity import Identity
    from macros.content.model import LocalFacts
    from macros.content.site import Site

CONFIG_OPTION = "intro"
OFFLINE_PLUGINS = ("offline", "material/offline")


class LoaderError(IntroError):
    """The site cannot be loaded for a reason the author or the developer can act on; the message says which."""


@dataclass(frozen=True)
class Sources:
    """Where an edition's content comes from: the folders and the edition's name."""

    docs_dir: Path
    data_dir: Path
    editions_dir: Path
    edition: str


@dataclass(frozen=True)
class Content:
    """The validated site and the edition's validated local facts."""

    site: Site
    facts: LocalFacts


@dataclass(frozen=True)
class Options:
    """What a build's config says INTRO should build: the plugin makes it from MkDocs' validated config
    (from_plugin), the macros and the commands from the config file (options_from_config)."""

    sources: Sources
    config_dir: Path
    offline_zip: Path | None
    offline_zim: Path | None
    is_offline: bool
    identity: Identity  # the edition's title, name, owner, address, colour and logo
    # A translated edition (macros/translation/): the edition it is translated from, the Apertium mode and the
    # editors' folder; empty for an edition that is written.
    translate_from: str = ""
    translation_mode: str = ""
    translation_data: Path | None = None

    @classmethod
    def of(cls, config: IntroConfig, config_dir: Path, docs_dir: Path, is_offline: bool, identity: Identity) -> Options:
        """The options of a validated `intro` mapping, for a config in config_dir. A translated edition reads its
        translated source, which its build writes first."""
        sources = Sources(config_dir / docs_dir, Path(config.data_dir), Path(config.editions_dir), config.edition)
        if config.translate_from:
            from macros.translation.mirror import folders

            translated = folders(config_dir, config.edition)
            sources = Sources(translated.docs, translated.data, translated.editions, config.edition)
        return cls(
            sources=sources,
            config_dir=config_dir,
            offline_zip=config_dir / config.offline_zip if config.offline_zip else None,
            offline_zim=config_dir / config.offline_zim if config.offline_zim else None,
            is_offline=is_offline,
            identity=identity,
            translate_from=config.translate_from,
            translation_mode=config.translation_mode,
            translation_data=config_dir / config.translation_data,
        )

    @classmethod
    def from_plugin(cls, config: IntroConfig, mkdocs_config: Any) -> Options:
        """The same value from the plugin's options and MkDocs' validated config, as the build runs."""
        from macros.content import identity

        offline = mkdocs_config.plugins.get(OFFLINE_PLUGINS[1])
        return cls.of(
            config,
            Path(mkdocs_config.config_file_path).parent,
            Path(mkdocs_config.docs_dir),
            bool(offline and offline.config.enabled),
            identity.from_config(mkdocs_config),
        )


# ---- Content ----

_content: dict[Sources, tuple[tuple, Content]] = {}


def _stamp(path: Path) -> tuple[str, int, int]:
    try:
        status = path.stat()
    except OSError:
        return (str(path), 0, -1)
    return (str(path), status.st_mtime_ns, status.st_size)


def fingerprint(sources: Sources, pages: Sequence[tuple[str, Path]]) -> tuple:
    """What the cached content depends on: every page, every data file and the edition's facts."""
    data = sorted(path for path in sources.data_dir.rglob("*") if path.is_file()) if sources.data_dir.is_dir() else []
    return (
        tuple(sorted((uri, *_stamp(path)[1:]) for uri, path in pages)),
        tuple(_stamp(path) for path in data),
        _stamp(sources.editions_dir / f"{sources.edition}.yml"),
    )


def _read_pages(pages: Iterable[tuple[str, Path]]) -> list[tuple[str, str]]:
    """Every page's text (as MkDocs reads it); a file saved in another encoding than UTF-8 is named."""
    from macros.content.errors import AuthorError, ContentError
    from macros.content.site_map import read_page

    texts, wrong = [], []
    for src_uri, path in pages:
        try:
            texts.append((src_uri, read_page(path)))
        except UnicodeDecodeError:
            wrong.append(
                AuthorError(
                    f"docs/{src_uri}",
                    "er ikke lagret som UTF-8, så æ, ø og å blir feil. Åpne filen og lagre den på nytt med tegnsettet UTF-8.",
                )
            )
    if wrong:
        raise ContentError(wrong)
    return texts


def load(sources: Sources, pages: Sequence[tuple[str, Path]] | None = None) -> Content:
    """The validated site and facts; read again only when a source file has changed. pages: (path under docs/,
    file) as the build lists them; without them, every page under docs/. Raises ContentError for the author."""
    from macros.content.site_map import doc_pages

    pages = doc_pages(sources.docs_dir) if pages is None else pages
    stamp = fingerprint(sources, pages)
    cached = _content.get(sources)
    if cached and cached[0] == stamp:
        return cached[1]
    from macros.content.local import load_facts
    from macros.content.site import load_site

    content = Content(load_site(sources.data_dir, _read_pages(pages)), load_facts(sources.editions_dir, sources.edition))
    _content[sources] = (stamp, content)
    return content


# ---- Options from a config ----

_options: dict[tuple, Options] = {}


def _plugins(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The plugins of a raw config, as name → options, whether written as a mapping or a list."""
    plugins = raw.get("plugins") or {}
    if isinstance(plugins, Mapping):
        return {name: options or {} for name, options in plugins.items()}
    named: dict[str, Any] = {}
    for item in plugins:
        named.update({item: {}} if isinstance(item, str) else {k: v or {} for k, v in item.items()})
    return named


def read_config_file(path: Path) -> dict[str, Any]:
    """A config file as MkDocs reads it (following INHERIT and !ENV), before validation."""
    from mkdocs.utils.yaml import yaml_load

    with path.open("rb") as source:
        return yaml_load(source)


def _config_stamp(path: Path) -> tuple:
    """The config file, the files beside it it may INHERIT, and the INTRO_* variables its !ENV tags read."""
    return (
        tuple(_stamp(p) for p in sorted(path.parent.glob("*.yml"))),
        tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("INTRO_"))),
    )


def _enabled(options: Mapping[str, Any]) -> bool:
    """Whether Material's offline plugin is on, by its own schema (an !ENV value arrives as YAML read it)."""
    from material.plugins.offline.config import OfflineConfig

    offline = OfflineConfig()
    offline.load_dict(dict(options))
    failed, _ = offline.validate()
    return not failed and bool(offline.enabled)


def _site_settings(conf: Mapping[str, Any], raw: Mapping[str, Any]) -> Mapping[str, Any]:
    """What names the edition (site_name, site_url, theme, …): from the config the build was given, where it has
    them (MkDocs' validated config, or an engine's plain mapping), else from the config file. A plain mapping without
    plugins gets the intro plugin's options (short_title, …) from the config file."""
    if not conf.get("site_name"):
        return raw
    if conf.get("plugins") is None and raw.get("plugins") is not None:
        return {**conf, "plugins": raw["plugins"]}
    return conf


def options_from_config(conf: Mapping[str, Any]) -> Options:
    """The intro plugin's options for the config a build was given: MkDocs' config object or a plain mapping
    (the keys mkdocs-macros' `env.conf` has: config_file_path, docs_dir, plugins). The one reader of a config file:
    the macros, `release.edition_of` and the commands read through it. The edition's renderer is made from it."""
    config_file = conf.get("config_file_path")
    path = Path(config_file).resolve() if config_file else None
    key = (str(path), str(conf.get("docs_dir")), _config_stamp(path) if path else id(conf))
    if key in _options:
        return _rendering_for(_options[key])
    # The config file is the one truth: in MkDocs, conf["plugins"] holds plugin objects, not their options.
    raw = read_config_file(path) if path else dict(conf)
    plugins = _plugins(raw)
    if CONFIG_OPTION not in plugins:
        raise LoaderError(
            f"{path.name if path else 'Konfigurasjonen'} har ikke tillegget «{CONFIG_OPTION}» under "
            "plugins. Makroene trenger det for å finne innholdet: legg det inn som i mkdocs.yml."
        )
    from macros.config import IntroConfig

    config = IntroConfig(config_file_path=str(path) if path else None)
    config.load_dict(dict(plugins[CONFIG_OPTION]))
    failed, _ = config.validate()
    if failed:
        raise LoaderError(
            "Innstillingene for «intro» i "
            + (path.name if path else "konfigurasjonen")
            + " er feil: "
            + "; ".join(f"{name}: {error}" for name, error in failed)
        )
    from macros.content import identity

    config_dir = path.parent if path else Path.cwd()
    docs_dir = Path(conf.get("docs_dir") or raw.get("docs_dir") or "docs")
    offline = plugins.get(OFFLINE_PLUGINS[0]) or plugins.get(OFFLINE_PLUGINS[1])
    # The intro plugin's own options (edition, short title) from the file: an engine's plain mapping has no plugins.
    edition = replace(
        identity.from_config(_site_settings(conf, raw)),
        edition=config.edition,
        short_title=config.short_title,
        short_description=config.short_description,
    )
    options = Options.of(config, config_dir, docs_dir, offline is not None and _enabled(offline), edition)
    _options[key] = options
    return _rendering_for(options)


def _rendering_for(options: Options) -> Options:
    """Make the renderer the edition's (rendering/renderer.py), as the plugin does when a build starts: where only
    the macros run, reading the config is the first they learn of the edition."""
    from macros.rendering import renderer

    if options.translate_from:
        from macros.translation.mirror import folders

        renderer.translate_for(options.sources.edition, folders(options.config_dir, options.sources.edition).templates)
    renderer.use(options.identity)
    return options


def file_size(path: Path | None) -> int | None:
    """A file's size in bytes; None when there is no such file."""
    return path.stat().st_size if path and path.is_file() else None


# ---- Course packages ----


def course_packages(content: Content, conf: Mapping[str, Any]) -> list[dict]:
    """The course packages a build ships (title, path in the site, size, chapters, quizzes), for the download page:
    the ones the build made (exports/packages.py), for this config's edition and menu."""
    from macros.content.site_map import nav_pages
    from macros.exports.packages import course_packages as made

    site = content.site
    menu = [chapter.meta.id for uri in nav_pages(conf.get("nav") or []) if (chapter := site.chapter_at(uri))]
    # The edition as the one config reader sees it: a plain-dict config (an engine without MkDocs' plugins) has no
    # intro plugin options of its own, so they come from the config file.
    return [
        {"title": p.title, "path": p.path, "size": len(p.content), "chapters": p.chapters, "quizzes": p.quizzes}
        for p in made(site, options_from_config(conf).identity, menu).packages
    ]
