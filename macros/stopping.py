"""Where INTRO stops for a person: the one conversion of its errors (content/errors.py IntroError) into what the
program running it prints, one plain message and no traceback. MkDocs prints a PluginError as one line; a command
exits with the message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from mkdocs.exceptions import PluginError

from macros.content.errors import IntroError


def for_mkdocs(error: IntroError) -> PluginError:
    """An INTRO error as MkDocs' own plain error."""
    return PluginError(error.for_author())


@contextmanager
def stopping_the_build() -> Iterator[None]:
    """What the modules raise for the author or the developer, as MkDocs' plain error (no traceback)."""
    try:
        yield
    except IntroError as error:
        raise for_mkdocs(error) from None


def for_command(error: IntroError, lead: str = "") -> SystemExit:
    """An INTRO error as a command's exit: the lead (what stopped, and what that means) and the message."""
    return SystemExit(f"{lead}\n{error.for_author()}" if lead else error.for_author())
