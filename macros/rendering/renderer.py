"""One renderer per build: INTRO's Jinja templates (macros/templates/), each rendered for the edition being built.

As Material's tags plugin renders its fragments with its config in every render, every render here gets the
edition as `edition` (its title, short name, owner, address, colour, logo and licence: content/identity.py), so no
template writes a site's name or licence itself. The plugin makes the build's renderer as the build starts; where
only the macros run (define_env without the plugin), the loader makes it when it reads the config.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

from macros.content.identity import Identity
from macros.rendering import hyphenation

# INTRO's templates: a change to one makes `make serve` render every page again (macros/serving.py).
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@cache
def environment() -> Environment:
    """The templates beside this package, strict about every name they use; `soft_hyphens` lets a long word break
    between syllables (rendering/hyphenation.py)."""
    env = Environment(
        loader=PackageLoader("macros", "templates"),
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


@cache
def for_edition(edition: Identity | None) -> Renderer:
    """The one renderer of an edition."""
    return Renderer(edition)


_current = for_edition(None)


def use(edition: Identity) -> Renderer:
    """Make edition's renderer the build's: what render() renders with from now on."""
    global _current
    _current = for_edition(edition)
    return _current


def keep_compiled(folder: Path) -> None:
    """Keep the compiled templates in folder between builds (they change only with INTRO), as the theme's are."""
    folder.mkdir(parents=True, exist_ok=True)
    environment().bytecode_cache = FileSystemBytecodeCache(str(folder))


def current() -> Renderer:
    return _current


def render(template: str, **context: object) -> str:
    """A template rendered with the build's renderer (use())."""
    return _current.render(template, **context)
