"""One renderer per build: INTRO's Jinja templates (macros/templates/), each rendered for the edition being built.

As Material's tags plugin renders its fragments with its config in every render, every render here gets the
edition as `edition` (its title, short name, owner, address, colour, logo and licence: content/identity.py), so no
template writes a site's name or licence itself. The plugin makes the build's renderer as the build starts; where
only the macros run (define_env without the plugin), the loader makes it when it reads the config.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, PackageLoader, StrictUndefined

from macros.content.identity import Identity
from macros.rendering import hyphenation

# INTRO's templates: a change to one makes `make serve` render every page again (macros/serving.py).
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

# A translated edition's templates (macros/translation/): its id → the folder its build translated them into.
# Every other edition renders the package's own.
_translated: dict[str, Path] = {}


def translate_for(edition: str, folder: Path | None) -> None:
    """Render edition's templates from folder, their translated copy (None: from the package, untranslated)."""
    if folder is None:
        _translated.pop(edition, None)
    else:
        _translated[edition] = folder


def environment(folder: Path | None = None) -> Environment:
    """The templates beside this package (or their translated copy in folder), strict about every name they use;
    `soft_hyphens` lets a long word break between syllables (rendering/hyphenation.py). One per folder: `environment()`
    and `environment(None)` are the same one (a cache keyed on the call itself would make two)."""
    return _environment(folder)


@cache
def _environment(folder: Path | None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(folder)) if folder else PackageLoader("macros", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["soft_hyphens"] = hyphenation.soft_hyphens
    return env


class Renderer:
    """Renders the templates for one edition (None: for no edition, as the course-package export from a
    catalogue does; a template that asks for the edition then stops with Jinja's error)."""

    def __init__(self, edition: Identity | None, env: Environment | None = None):
        self.edition = edition
        self.env = env or environment()

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(edition=self.edition, **context)

    def phrase(self, name: str, *args: object) -> str:
        """A phrase from phrases.txt.j2 (attribution, booklet_title, …) filled in with args: the phrases the code
        puts together live there, so that a translated edition translates them with the templates."""
        return str(getattr(self.env.get_template("phrases.txt.j2").module, name)(*args))


def for_edition(edition: Identity | None) -> Renderer:
    """The one renderer of an edition (from its translated templates, if it is translated)."""
    return _renderer(edition, _translated.get(edition.edition) if edition else None)


@cache
def _renderer(edition: Identity | None, folder: Path | None) -> Renderer:
    return Renderer(edition, environment(folder))


_current = for_edition(None)


def use(edition: Identity) -> Renderer:
    """Make edition's renderer the build's: what render() renders with from now on."""
    global _current
    _current = for_edition(edition)
    return _current


def use_none() -> None:
    """Render for no edition again, as before any build: a process that builds more than once in turn (the tests)
    starts each piece of work from here."""
    global _current
    _current = for_edition(None)


def keep_compiled(folder: Path) -> None:
    """Keep the compiled templates of the build's renderer (use()) in folder between builds (they change only with
    INTRO), as the theme's are: compiling them is a tenth of a build of the real site."""
    folder.mkdir(parents=True, exist_ok=True)
    _current.env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def current() -> Renderer:
    return _current


def render(template: str, **context: object) -> str:
    """A template rendered with the build's renderer (use())."""
    return _current.render(template, **context)


def phrase(name: str, *args: object) -> str:
    """A phrase (phrases.txt.j2) from the build's renderer."""
    return _current.phrase(name, *args)
