"""Template code ({{ … }}) in a page, as the build renders it: the macros called the way they are declared, and the
page rendered in Jinja's immutable sandbox with the declared macros as the only names it knows, so that a case the
parse-tree check (content/macro_calls.py) missed still reaches nothing.
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Callable, Mapping

from jinja2 import FunctionLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from macros.content.macro_calls import ADVICE, Call, calls, refusals


def _fits(function: Callable, call: Call) -> bool:
    """Whether a macro can be called the way the page calls it (INTRO's own are given the site and page too)."""
    target = inspect.unwrap(function)
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return True
    extra = 2 if target is not function else 0  # the wrapper hands the site first and the page last
    try:
        signature.bind(*([None] * (len(call.args) + extra)), **{key: None for key in call.keywords})
    except TypeError:
        return False
    return True


def template_problems(markdown: str, callables: Mapping[str, Callable]) -> list[tuple[int | None, str]]:
    """(line in the text, message) for each refused piece of template code, and each macro called with
    arguments it does not take. callables: the declared macros as the build registered them."""
    problems = refusals(markdown, set(callables))
    if problems:
        return problems
    return [
        (
            call.line,
            f"Makroen «{call.name}» er skrevet med argumenter den ikke tar. Sjekk antallet og navnene "
            "på det som står i parentesen, og se hvordan makroen skrives i CONTRIBUTING.md.",
        )
        for call in calls(markdown)
        if call.name in callables and not _fits(callables[call.name], call)
    ]


# ---- Rendering ----


class RenderError(Exception):
    """A macro failed while the page was rendered; line is the page's line (from 1), when known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def sandbox(callables: Mapping[str, Callable]) -> ImmutableSandboxedEnvironment:
    """Jinja's immutable sandbox knowing only the given macros: no other name, no filter, no test, no files."""
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, loader=FunctionLoader(lambda name: None)
    )  # every include: not found
    env.globals.clear()
    env.filters.clear()
    env.tests.clear()
    env.globals.update(callables)
    return env


def _template_line(error: BaseException) -> int | None:
    """The page's line a rendering error came from (Jinja's frames carry the template's lines)."""
    if isinstance(error, TemplateSyntaxError):  # found while compiling, before any frame ran
        return error.lineno
    lines = [line for frame, line in traceback.walk_tb(error.__traceback__) if frame.f_code.co_filename == "<template>"]
    return lines[-1] if lines else None


def render(env: ImmutableSandboxedEnvironment, markdown: str) -> str:
    """The page with its macros run, as mkdocs-macros would render it (its last newline is dropped too)."""
    try:
        return env.from_string(markdown).render()
    except SecurityError as error:
        raise RenderError(
            "Malkoden prøver å nå noe som ikke er lov i INTRO. En side kan bare kalle makroene, "
            f"med tekst eller tall i parentesen. {ADVICE}",
            _template_line(error),
        ) from None
    except TemplateError as error:  # Jinja's own, in its English: the check refuses these before rendering
        raise RenderError(
            f"Malkoden kan ikke kjøres: en side kan bare kalle INTROs makroer, med tekst eller tall i parentesen. {ADVICE}",
            _template_line(error),
        ) from None
    except Exception as error:  # noqa: BLE001 - every macro's own failure, told to the author with its line
        message = str(error.args[0]) if error.args else type(error).__name__
        raise RenderError(message, _template_line(error)) from None
