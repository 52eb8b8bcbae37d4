"""The macros authors write in pages: perspektivkort(), sti("studenter"), fortsett(), ordliste(),
frakoblet_utgave(), plakater(), hos_oss("legevakt"), akutt_hjelp(), kurspakker(), laget_av(), tall("egenandelstak"),
tall_tabell("utskrivningsklar-dognpris"), tall_og_satser(), on a programme page programplan(), rotasjonsplan(),
stasjoner(), fortelling(), bestilling(), laeringsmal(), ramme_for_dagen() and materiell() (from
data/programmes/<programme>.yml), and on the pages about INTRO om_eieren(), tilbakemelding(), personvern() and
tilgjengelighet() (from the edition's facts and data/privacy.yml, data/accessibility.yml).

mkdocs.yml names this module to mkdocs-macros (`plugins: macros: modules: [macros.authoring]`). `define_env` only
registers; each macro gets the validated site and the edition's facts from macros/loader.py, the cache the intro
plugin reads through too, and never from MkDocs' plugin registry, so the macros also run where only `define_env`
does. This module imports only the standard library and the loader: a missing package stops the build with a
plain message naming it, not with mkdocs-macros' advice to install a package called «macros» from PyPI.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable
from typing import Any

from macros import loader

# What the macros render with, imported when define_env runs (not when this module is imported).
RENDERERS = ("macros.rendering.render", "macros.rendering.figure_pages", "macros.content.local",
             "macros.rendering.posters", "macros.rendering.programme_pages", "macros.rendering.legal_pages",
             "macros.commands.release")


class MacrosUnavailable(Exception):
    """The macros cannot run; the message says what is missing and what to do."""


def _stop(message: str) -> Exception:
    """MkDocs prints a PluginError as one plain line; other engines get the same words."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:
        return MacrosUnavailable(message)
    return PluginError(message)


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError as error:
        missing = error.name or name
        needed_by = f" ({name} trenger den)" if missing != name else ""
        raise _stop(f"INTROs makroer kan ikke lastes: modulen «{missing}» mangler{needed_by}. Kjør «make setup» "
                    "for å installere pakkene prosjektet bruker.") from None


class _Build:
    """What the macros of one build read: the options, the content and the page being rendered."""

    def __init__(self, env: Any):
        self.env = env
        self._last: tuple[object, loader.Content] | None = None  # (page, its content): one look per page

    @property
    def conf(self) -> Any:
        return self.env.conf

    @property
    def page(self) -> str:
        """The page being rendered, as its path under docs/."""
        return self.env.page.file.src_uri

    def options(self) -> loader.Options:
        try:
            return loader.options_from_config(self.conf)
        except loader.LoaderError as error:
            raise _stop(str(error)) from None

    def content(self) -> loader.Content:
        page = self.env.page
        if self._last and self._last[0] is page:
            return self._last[1]
        errors = _module("macros.content.errors")
        try:
            content = loader.load(self.options().sources)
        except errors.ContentError as error:
            raise _stop(str(error)) from None
        self._last = (page, content)
        return content


def _on_current_page(build: _Build, function: Callable[..., str]) -> Callable[..., str]:
    """A macro that calls function(site, *args, page), so authors need not give the site or the page."""

    # __wrapped__ tells the template check (templatecheck._fits) to allow for the site and the page.
    @functools.wraps(function)
    def macro(*args: str, **options: object) -> str:
        return function(build.content().site, *args, build.page, **options)

    return macro


def _on_current_page_with_facts(build: _Build, function: Callable[..., str]) -> Callable[..., str]:
    """Like _on_current_page, and the edition's local facts as facts=."""

    @functools.wraps(function)
    def macro(*args: str, **options: object) -> str:
        content = build.content()
        return function(content.site, *args, build.page, facts=content.facts, **options)

    return macro


def _offline_download(build: _Build) -> Callable[[], str]:
    def frakoblet_utgave() -> str:
        render, release = _module("macros.rendering.render"), _module("macros.commands.release")
        options = build.options()
        edition = options.sources.edition
        return render.offline_download(loader.file_size(options.offline_zip), release.offline_zip_path(edition),
                                       build.page, options.is_offline, release.offline_name(edition),
                                       loader.file_size(options.offline_zim), release.offline_zim_path(edition))

    return frakoblet_utgave


def _with_facts(build: _Build, function: Callable[..., str]) -> Callable[..., str]:
    """A macro that calls function(facts, *args) with this edition's local facts."""

    def macro(*args: str) -> str:
        return function(build.content().facts, *args)

    # What the author writes: the function's parameters without the facts (for the template check).
    signature = inspect.signature(function)
    macro.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    macro.__name__ = macro.__qualname__ = function.__name__
    return macro


def _about_edition(build: _Build, function: Callable[..., str], with_legal: bool) -> Callable[[], str]:
    """A macro that calls function(facts, [legal,] identity): the edition's facts, the shared privacy and
    accessibility data, and the edition's name and address."""

    def macro() -> str:
        errors, identity = _module("macros.content.errors"), _module("macros.content.identity")
        content = build.content()
        edition = identity.from_config(build.conf)
        if not with_legal:
            return function(content.facts, edition)
        try:
            legal = _module("macros.content.legal").load_legal(build.options().sources.data_dir)
        except errors.ContentError as error:
            raise _stop(str(error)) from None
        return function(content.facts, legal, edition)

    macro.__name__ = macro.__qualname__ = function.__name__
    return macro


def _course_packages(build: _Build) -> Callable[[], str]:
    def kurspakker() -> str:
        render = _module("macros.rendering.render")
        return render.course_packages(loader.course_packages(build.content(), build.conf), build.page)

    return kurspakker


def macros(env: Any) -> dict[str, Callable[..., str]]:
    """Every author-facing macro by the name authors write, bound to one build's env."""
    build = _Build(env)
    render, figures = _module("macros.rendering.render"), _module("macros.rendering.figure_pages")
    local = _module("macros.content.local")
    posters, programmes = _module("macros.rendering.posters"), _module("macros.rendering.programme_pages")
    legal = _module("macros.rendering.legal_pages")
    return {
        "perspektivkort": _on_current_page(build, render.perspective_cards),
        "sti": _on_current_page(build, render.path_overview),
        "fortsett": _on_current_page(build, render.continue_reading),
        "ordliste": _on_current_page(build, render.glossary),
        "frakoblet_utgave": _offline_download(build),
        "plakater": _on_current_page(build, posters.poster_list),
        "hos_oss": _with_facts(build, local.local_box),
        "kurspakker": _course_packages(build),
        "akutt_hjelp": _with_facts(build, local.urgent_help),
        "laget_av": _with_facts(build, local.made_by),
        "tall": _on_current_page(build, figures.in_sentence),
        "tall_tabell": _on_current_page(build, figures.table),
        "tall_og_satser": _on_current_page(build, figures.overview),
        # A programme page's parts.
        "programplan": _on_current_page(build, programmes.programme_plan),
        "rotasjonsplan": _on_current_page(build, programmes.rotation_plan),
        "stasjoner": _on_current_page(build, programmes.stations),
        "fortelling": _on_current_page(build, programmes.case_stories),
        "materiell": _on_current_page(build, programmes.materials_link),
        "bestilling": _with_facts(build, programmes.booking),
        "laeringsmal": _on_current_page(build, programmes.learning_goals),
        "ramme_for_dagen": _on_current_page_with_facts(build, programmes.day_frame),
        # The pages about INTRO: each edition names its own owner.
        "om_eieren": _about_edition(build, legal.owner_section, with_legal=False),
        "tilbakemelding": _about_edition(build, legal.feedback_section, with_legal=False),
        "personvern": _about_edition(build, legal.privacy_statement, with_legal=True),
        "tilgjengelighet": _about_edition(build, legal.accessibility_statement, with_legal=True),
    }


def define_env(env: Any) -> None:
    """Register INTRO's macros with mkdocs-macros (or any engine that calls define_env)."""
    for module in RENDERERS:
        _module(module)  # a missing package stops here, before any page, with a plain message
    for name, macro in macros(env).items():
        env.macro(macro, name)
