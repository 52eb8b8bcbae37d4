"""Catch template mistakes ({{ … }}) before mkdocs-macros renders a page, and say them plainly."""

from __future__ import annotations

import re

from jinja2 import Environment, TemplateSyntaxError, meta


def has_template_code(markdown: str) -> bool:
    """Whether Jinja would see anything but plain text in the page (an expression, a tag or a comment)."""
    return "{{" in markdown or "{%" in markdown or "{#" in markdown


def template_problems(
    env: Environment, markdown: str, known: set[str], our_macros: list[str]
) -> list[tuple[int | None, str]]:
    """(line in the Markdown, message) for each syntax error or unknown name in a page's macros."""
    try:
        tree = env.parse(markdown)
    except TemplateSyntaxError as error:
        return [(error.lineno, (
            f"Malkoden er ikke gyldig ({error.message}). Sjekk at hver {{{{ har en }}}} og hver {{% har en %}}. "
            "Skal klammene stå som vanlig tekst, skriv {{ '{{' }} i stedet for {{."
        ))]
    problems = []
    for name in sorted(meta.find_undeclared_variables(tree) - known):
        line = next((number for number, text in enumerate(markdown.splitlines(), start=1)
                     if re.search(rf"\b{re.escape(name)}\b", text)), None)
        problems.append((line, (
            f"«{name}» er ikke en kjent makro eller variabel. Sjekk stavemåten. "
            f"Makroene i INTRO er: {', '.join(our_macros)}."
        )))
    return problems
