"""Catch template mistakes ({{ … }}) before mkdocs-macros renders a page, and say them plainly."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, meta, nodes


def has_template_code(markdown: str) -> bool:
    """Whether Jinja would see anything but plain text in the page (an expression, a tag or a comment)."""
    return "{{" in markdown or "{%" in markdown or "{#" in markdown


def _fits(function: Callable, call: nodes.Call) -> bool:
    """Whether a macro can be called the way the page calls it (INTRO's own are given the site and page too)."""
    target = inspect.unwrap(function)
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return True
    extra = 2 if target is not function else 0  # the wrapper hands the site first and the page last
    args = [None] * (len(call.args) + extra)
    kwargs = {keyword.key: None for keyword in call.kwargs}
    try:
        signature.bind(*args, **kwargs)
    except TypeError:
        return False
    return True


def call_problems(env: Environment, tree: nodes.Template, callables: dict[str, Callable]) -> list[tuple[int, str]]:
    """(line, message) for a macro called with arguments it does not take, and an include that does not exist."""
    problems = []
    for call in tree.find_all(nodes.Call):
        name = call.node.name if isinstance(call.node, nodes.Name) else None
        if name in callables and not _fits(callables[name], call):
            problems.append(
                (
                    call.lineno,
                    f"Makroen «{name}» er skrevet med argumenter den ikke tar. Sjekk antallet "
                    "og navnene på det som står i parentesen, og se hvordan makroen skrives "
                    "i CONTRIBUTING.md.",
                )
            )
    for include in tree.find_all(nodes.Include):
        if isinstance(include.template, nodes.Const) and env.loader is not None:
            try:
                env.loader.get_source(env, include.template.value)
            except TemplateNotFound:
                problems.append(
                    (
                        include.lineno,
                        f"Filen «{include.template.value}» som skal tas med (include), finnes ikke. Sjekk navnet og mappen.",
                    )
                )
    return problems


def template_problems(
    env: Environment,
    markdown: str,
    known: set[str],
    our_macros: list[str],
    callables: dict[str, Callable] | None = None,
) -> list[tuple[int | None, str]]:
    """(line in the Markdown, message) for each syntax error, unknown name or wrong call in a page's macros."""
    try:
        tree = env.parse(markdown)
    except TemplateSyntaxError as error:
        return [
            (
                error.lineno,
                (
                    f"Malkoden er ikke gyldig ({error.message}). Sjekk at hver {{{{ har en }}}} og hver {{% har en %}}. "
                    "Skal klammene stå som vanlig tekst, skriv {{ '{{' }} i stedet for {{."
                ),
            )
        ]
    problems: list[tuple[int | None, str]] = list(call_problems(env, tree, callables or {}))
    for name in sorted(meta.find_undeclared_variables(tree) - known):
        line = next(
            (number for number, text in enumerate(markdown.splitlines(), start=1) if re.search(rf"\b{re.escape(name)}\b", text)),
            None,
        )
        problems.append(
            (
                line,
                (
                    f"«{name}» er ikke en kjent makro eller variabel. Sjekk stavemåten. "
                    f"Makroene i INTRO er: {', '.join(our_macros)}."
                ),
            )
        )
    return problems
