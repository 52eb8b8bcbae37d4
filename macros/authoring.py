"""The macros authors write in pages, declared once in SPECS: each one's name, the function that renders it and
what it needs (the page it stands on, the edition's facts, a figure id, a programme's data, …).

mkdocs.yml names this module to mkdocs-macros (`plugins: macros: modules: [macros.authoring]`). `define_env` only
registers; each macro gets the validated site and the edition's facts from macros/loader.py, the cache the intro
plugin reads through too, and never from MkDocs' plugin registry, so the macros also run where only `define_env`
does. The checks read SPECS as well: which names a page may call (checks/templates.py), which calls name a
figure (checks/figures.py), a local topic (content/local.py) or need a programme's data (content/programmes.py).

This module imports only the standard library and the loader at the top; what renders is imported when
`define_env` runs, so that a missing package stops the build with a plain message naming it, not with
mkdocs-macros' advice to install a package called «macros» from PyPI.
"""

from __future__ import annotations

import functools
import inspect
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from macros import loader

# ---- Data ----

# How a macro is bound to the build (what it is handed besides what the author writes).
PAGE = "page"  # function(site, *arguments, page): the validated site and the page it stands on
FACTS = "facts"  # function(facts, *arguments): this edition's local facts
DOWNLOADS = "downloads"  # the offline edition's files and sizes
PACKAGES = "packages"  # the course packages this build ships

# What the author's first argument names, checked against the data before anything is rendered.
FIGURE = "figure"  # an id in data/figures.yml
TOPIC = "topic"  # a «Slik er det hos oss» topic (content/model.py LOCAL_TOPICS)
PERSPECTIVE = "perspective"  # a reader group with a path in data/paths.yml
HELPLINE = "helpline"  # a phone line in the edition's helplines (data/editions/<edition>.yml)


@dataclass(frozen=True)
class MacroSpec:
    """One author-facing macro."""

    name: str  # what the author writes: {{ name(…) }}
    function: str  # «module.function» among the renderers define_env imports (RENDERERS)
    needs: str  # PAGE, FACTS, DOWNLOADS or PACKAGES
    argument: str | None = None  # FIGURE, TOPIC, PERSPECTIVE or HELPLINE: what the first argument names
    facts: tuple[str, ...] = ()  # the edition's facts it always shows (data/editions/<edition>.yml)
    programme: bool = False  # only on a programme page with data in data/programmes/
    stations: bool = False  # ... whose programme has stations


SPECS: tuple[MacroSpec, ...] = (
    MacroSpec("perspektivkort", "render.perspective_cards", PAGE),
    MacroSpec("sti", "render.path_overview", PAGE, argument=PERSPECTIVE),
    MacroSpec("fortsett", "render.continue_reading", PAGE),
    MacroSpec("ordliste", "render.glossary", PAGE),
    MacroSpec("frakoblet_utgave", "render.offline_download", DOWNLOADS),
    MacroSpec("plakater", "posters.poster_list", PAGE),
    MacroSpec("hos_oss", "local.local_box", FACTS, argument=TOPIC),
    MacroSpec("kurspakker", "render.course_packages", PACKAGES),
    MacroSpec("akutt_hjelp", "local.urgent_help", FACTS, facts=("legevakt",)),
    # The staff's block: 113 and HLR, the nurse on duty, and the edition's legevakt (never 116 117).
    MacroSpec("akutt_hjelp_ansatte", "local.staff_urgent_help", FACTS, facts=("legevakt",)),
    MacroSpec("telefon", "local.telefon", FACTS, argument=HELPLINE),
    MacroSpec("laget_av", "local.made_by", FACTS),
    MacroSpec("tall", "figure_pages.in_sentence", PAGE, argument=FIGURE),
    MacroSpec("tall_tabell", "figure_pages.table", PAGE, argument=FIGURE),
    MacroSpec("tall_og_satser", "figure_pages.overview", PAGE),
    MacroSpec("langtidsopphold_eksempel", "long_stay.example", PAGE),
    # A programme page's parts, from data/programmes/<programme>.yml.
    MacroSpec("programplan", "programme_pages.programme_plan", PAGE, programme=True),
    MacroSpec("rotasjonsplan", "programme_pages.rotation_plan", PAGE, programme=True, stations=True),
    MacroSpec("stasjoner", "programme_pages.stations", PAGE, programme=True, stations=True),
    MacroSpec("fortelling", "programme_pages.case_stories", PAGE, programme=True),
    MacroSpec("materiell", "programme_pages.materials_link", PAGE, programme=True),
    MacroSpec("bestilling", "programme_pages.booking", FACTS),
)
BY_NAME: Mapping[str, MacroSpec] = {spec.name: spec for spec in SPECS}


def named(argument: str) -> frozenset[str]:
    """The macros whose first argument names a FIGURE, a TOPIC, a PERSPECTIVE or a HELPLINE."""
    return frozenset(spec.name for spec in SPECS if spec.argument == argument)


# ---- Helpers ----


class MacrosUnavailable(Exception):
    """The macros cannot run; the message says what is missing and what to do."""


def _stop(message: str) -> Exception:
    """MkDocs prints a PluginError as one plain line; other engines get the same words."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:
        return MacrosUnavailable(message)
    return PluginError(message)


def _missing(error: ImportError) -> str:
    """The module that could not be imported, and which of INTRO's modules needed it."""
    missing = error.name or "?"
    importers = [frame.f_globals.get("__name__", "") for frame, _ in traceback.walk_tb(error.__traceback__)]
    ours = [name for name in importers if name.startswith("macros.") and name not in (__name__, missing)]
    needed_by = f" ({ours[-1]} trenger den)" if ours else ""
    return (
        f"INTROs makroer kan ikke lastes: modulen «{missing}» mangler{needed_by}. Kjør «make setup» for å "
        "installere pakkene prosjektet bruker."
    )


class _Build:
    """What the macros of one build read: the options, the content and the page being rendered."""

    def __init__(self, env: Any, errors: ModuleType):
        self.env = env
        self._errors = errors
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
        try:
            content = loader.load(self.options().sources)
        except self._errors.ContentError as error:
            raise _stop(str(error)) from None
        self._last = (page, content)
        return content


def _on_current_page(build: _Build, function: Callable[..., str]) -> Callable[..., str]:
    """A macro that calls function(site, *args, page), so authors need not give the site or the page."""

    # __wrapped__ tells the template check (checks.templates._fits) to allow for the site and the page.
    @functools.wraps(function)
    def macro(*args: str, **options: object) -> str:
        return function(build.content().site, *args, build.page, **options)

    return macro


def _with_facts(build: _Build, function: Callable[..., str]) -> Callable[..., str]:
    """A macro that calls function(facts, *args) with this edition's local facts."""

    def macro(*args: str) -> str:
        return function(build.content().facts, *args)

    # What the author writes: the function's parameters without the facts (for the template check).
    signature = inspect.signature(function)
    macro.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])  # type: ignore[attr-defined]
    macro.__name__ = macro.__qualname__ = function.__name__
    return macro


def _offline_download(build: _Build, function: Callable[..., str], release: ModuleType) -> Callable[[], str]:
    def frakoblet_utgave() -> str:
        options = build.options()
        edition = options.sources.edition
        return function(
            loader.file_size(options.offline_zip),
            release.offline_zip_path(edition),
            build.page,
            options.is_offline,
            release.offline_name(edition),
            loader.file_size(options.offline_zim),
            release.offline_zim_path(edition),
        )

    return frakoblet_utgave


def _course_packages(build: _Build, function: Callable[..., str]) -> Callable[[], str]:
    def kurspakker() -> str:
        return function(loader.course_packages(build.content(), build.conf), build.page)

    return kurspakker


def _renderers() -> dict[str, ModuleType]:
    """The modules the macros render with, by the name SPECS uses; imported when define_env runs."""
    try:
        from macros.commands import release
        from macros.content import errors, local
        from macros.rendering import figure_pages, long_stay, posters, programme_pages, render
    except ImportError as error:
        raise _stop(_missing(error)) from None
    return {
        "render": render,
        "figure_pages": figure_pages,
        "local": local,
        "posters": posters,
        "programme_pages": programme_pages,
        "release": release,
        "errors": errors,
        "long_stay": long_stay,
    }


def function_of(spec: MacroSpec, renderers: Mapping[str, ModuleType]) -> Callable[..., str]:
    """The function a spec names."""
    module, name = spec.function.split(".")
    return getattr(renderers[module], name)


# ---- Public ----


def macros(env: Any) -> dict[str, Callable[..., str]]:
    """Every author-facing macro by the name authors write, bound to one build's env."""
    renderers = _renderers()
    build = _Build(env, renderers["errors"])
    bind = {
        PAGE: lambda function: _on_current_page(build, function),
        FACTS: lambda function: _with_facts(build, function),
        DOWNLOADS: lambda function: _offline_download(build, function, renderers["release"]),
        PACKAGES: lambda function: _course_packages(build, function),
    }
    return {spec.name: bind[spec.needs](function_of(spec, renderers)) for spec in SPECS}


def define_env(env: Any) -> None:
    """Register INTRO's macros with mkdocs-macros (or any engine that calls define_env)."""
    for name, macro in macros(env).items():
        env.macro(macro, name)
