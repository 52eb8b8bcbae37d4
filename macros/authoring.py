"""The macros authors write in pages, declared once in SPECS: each one's name, the function that renders it and
what it needs (the page it stands on, the edition's facts, a figure id, a programme's data, …).

mkdocs.yml names this module to mkdocs-macros (`plugins: macros: modules: [macros.authoring]`). `define_env` only
registers; each macro gets the validated site and the edition's facts from macros/loader.py, the cache the intro
plugin reads through too, and never from MkDocs' plugin registry, so the macros also run where only `define_env`
does. The checks read SPECS as well: which names a page may call (checks/templates.py), which calls name a
figure (content/macro_calls.py), a local topic (content/local.py) or need a programme's data (content/programmes.py);
the table itself is content/macro_specs.py's.

This module imports only the standard library and the loader at the top; what renders is imported when
`define_env` runs, so that a missing package stops the build with a plain message naming it, not with
mkdocs-macros' advice to install a package called «macros» from PyPI.
"""

from __future__ import annotations

import functools
import inspect
import traceback
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from macros import loader
from macros.content.macro_specs import DOWNLOADS, FACTS, LEGAL, PACKAGES, PAGE, SPECS, MacroSpec

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
        self._last: tuple[object, loader.Content] | None = None  # (the build's config, its content): one look per build

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
        """The content this build validated (a `serve` rebuild is a new build, with its own config)."""
        conf = self.conf
        if self._last and self._last[0] is conf:
            return self._last[1]
        try:
            content = loader.load(self.options().sources)
        except self._errors.ContentError as error:
            raise _stop(str(error)) from None
        self._last = (conf, content)
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


def _offline_download(build: _Build, function: Callable[..., str], archive: ModuleType) -> Callable[[], str]:
    def frakoblet_utgave() -> str:
        options = build.options()
        offline = archive.names(options.sources.edition)
        return function(
            loader.file_size(options.offline_zip),
            offline.zip_download,
            build.page,
            options.is_offline,
            offline.folder,
            loader.file_size(options.offline_zim),
            offline.zim_download,
        )

    return frakoblet_utgave


def _with_legal(build: _Build, function: Callable[..., str], legal: ModuleType, errors: ModuleType) -> Callable[[], str]:
    """A macro that calls function(facts, legal): the edition's facts and what every edition's legal pages share
    (data/privacy.yml and data/accessibility.yml, read once per change)."""

    def macro() -> str:
        facts = build.content().facts
        try:
            shared = legal.load_legal(build.options().sources.data_dir)
        except errors.ContentError as error:
            raise _stop(str(error)) from None
        return function(facts, shared)

    macro.__name__ = macro.__qualname__ = function.__name__
    return macro


def _course_packages(build: _Build, function: Callable[..., str]) -> Callable[[], str]:
    def kurspakker() -> str:
        return function(loader.course_packages(build.content(), build.conf), build.page)

    return kurspakker


def _renderers() -> dict[str, ModuleType]:
    """The modules the macros render with, by the name SPECS uses; imported when define_env runs."""
    try:
        from macros.content import errors, legal
        from macros.exports import archive
        from macros.rendering import (
            figure_pages,
            legal_pages,
            local_boxes,
            long_stay,
            posters,
            programme_pages,
            render,
            schemes,
        )
    except ImportError as error:
        raise _stop(_missing(error)) from None
    return {
        "render": render,
        "figure_pages": figure_pages,
        "local_boxes": local_boxes,
        "posters": posters,
        "programme_pages": programme_pages,
        "archive": archive,
        "errors": errors,
        "long_stay": long_stay,
        "schemes": schemes,
        "legal_pages": legal_pages,
        "legal": legal,
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
        DOWNLOADS: lambda function: _offline_download(build, function, renderers["archive"]),
        PACKAGES: lambda function: _course_packages(build, function),
        LEGAL: lambda function: _with_legal(build, function, renderers["legal"], renderers["errors"]),
    }
    return {spec.name: bind[spec.needs](function_of(spec, renderers)) for spec in SPECS}


def define_env(env: Any) -> None:
    """Register INTRO's macros with mkdocs-macros (or any engine that calls define_env)."""
    for name, macro in macros(env).items():
        env.macro(macro, name)
