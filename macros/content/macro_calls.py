"""Which macros a page calls, read from Jinja's own parse tree, and what no page may hold.

Jinja can walk from almost any object to Python's internals, so a page may not hold anything else but INTRO's
declared macros, called by name with literal arguments: no variable, no attribute, no filter, no tag ({% include %},
{% set %}, {% for %} …). refusals() names each such piece with its line before anything renders; calls() gives the
calls the other checks read (the figures a page asks for, its local boxes, its programme parts). The rendering in
Jinja's sandbox is checks/templates.py's.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from jinja2 import Environment, TemplateSyntaxError, nodes

from macros.content.macro_specs import FIGURE, SCHEMES, named

# Parses only; never renders (its globals and filters are never reached).
_PARSER = Environment()
# A Markdown heading: its anchor is made from the text before the macros run.
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")
_LITERALS = (str, int, float, bool, type(None))
ADVICE = 'Skriv makroene slik de står i CONTRIBUTING.md, for eksempel {{ tall("egenandelstak") }}.'
# What a tag is called for the author.
_TAGS = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "import",
    nodes.Assign: "set",
    nodes.AssignBlock: "set",
    nodes.For: "for",
    nodes.If: "if",
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
    nodes.FilterBlock: "filter",
    nodes.With: "with",
    nodes.Block: "block",
    nodes.Extends: "extends",
}


@dataclass(frozen=True)
class Call:
    """One macro call in a page: its name, its literal arguments and its line (counting from 1 in the text)."""

    name: str
    args: tuple[object, ...]
    line: int
    keywords: Mapping[str, object] = field(default_factory=dict)


def has_template_code(markdown: str) -> bool:
    """Whether Jinja would see anything but plain text in the page (an expression, a tag or a comment)."""
    return "{{" in markdown or "{%" in markdown or "{#" in markdown


def _literal(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Const) and isinstance(node.value, _LITERALS)


def _value(node: nodes.Node) -> object:
    """A literal argument's value; None for anything else."""
    return node.value if isinstance(node, nodes.Const) and _literal(node) else None


# A build reads each page's calls several times (its checks, its figures, its boxes, its programme parts); a `serve`
# rebuild reads again only the pages that changed.
@lru_cache(maxsize=4096)
def parsed(markdown: str) -> nodes.Template | TemplateSyntaxError:
    """A page's parse tree, one parse per text (the checks only read it), or the syntax error that stops it."""
    try:
        return _PARSER.parse(markdown)
    except TemplateSyntaxError as error:
        return error


def calls(markdown: str) -> list[Call]:
    """Every call by name in the page, in order; an argument that is not written out is None.
    A page whose template code does not parse has none (refusals names its mistake)."""
    if not has_template_code(markdown):
        return []
    tree = parsed(markdown)
    if isinstance(tree, TemplateSyntaxError):
        return []
    return [
        Call(
            call.node.name,
            tuple(_value(arg) for arg in call.args),
            call.lineno,
            {kw.key: _value(kw.value) for kw in call.kwargs},
        )
        for call in tree.find_all(nodes.Call)
        if isinstance(call.node, nodes.Name)
    ]


def _expression(node: nodes.Node, declared: Collection[str]) -> str | None:
    """What is wrong with one {{ … }}, or None for a declared macro called with literals, or a quoted text."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return None  # {{ '{{' }}: the way to write the braces as text
    if isinstance(node, nodes.Call):
        if not isinstance(node.node, nodes.Name):
            return f"Malkoden kan bare kalle INTROs makroer ved navnet. {ADVICE}"
        name = node.node.name
        if name not in declared:
            return (
                f"«{name}» er ikke en kjent makro eller variabel. Sjekk stavemåten. Makroene i INTRO er: "
                f"{', '.join(sorted(declared))}."
            )
        if (
            node.dyn_args is not None
            or node.dyn_kwargs is not None
            or not all(_literal(arg) for arg in [*node.args, *(kw.value for kw in node.kwargs)])
        ):
            return (
                f"Makroen «{name}» kan bare få tekst eller tall skrevet rett inn, for eksempel "
                f'{name}("id"), ikke en variabel eller et uttrykk.'
            )
        return None
    if isinstance(node, nodes.Name):
        if node.name in declared:
            return f"Makroen «{node.name}» mangler parentesen. Skriv {{{{ {node.name}(…) }}}}."
        return (
            f"«{node.name}» er ikke en kjent makro eller variabel. Sjekk stavemåten. Makroene i INTRO er: "
            f"{', '.join(sorted(declared))}."
        )
    if isinstance(node, nodes.Filter):
        return f"Malkoden bruker filteret «{node.name}». Filtre er ikke lov i INTRO. {ADVICE}"
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        return f"Malkoden leser noe inne i et objekt (med . eller []). Det er ikke lov i INTRO. {ADVICE}"
    return f"Malkoden er et uttrykk. I INTRO kan en side bare kalle makroene. {ADVICE}"


def _tag(node: nodes.Node) -> str:
    name = next((word for kind, word in _TAGS.items() if isinstance(node, kind)), type(node).__name__.lower())
    if isinstance(node, nodes.Include) and isinstance(node.template, nodes.Const):
        return (
            f"Filen «{node.template.value}» kan ikke tas med (include): en side i INTRO tar ikke med andre "
            "filer. Skriv teksten i siden, eller lenk til siden den står på."
        )
    return f"Taggen {{% {name} %}} er ikke lov i INTRO: en side kan bare kalle makroene med {{{{ … }}}}. {ADVICE}"


def refusals(markdown: str, declared: Collection[str]) -> list[tuple[int | None, str]]:
    """(line in the text, message) for a syntax error, and for anything but a declared macro called with
    literal arguments, by name, outside a heading."""
    if not has_template_code(markdown):
        return []
    tree = parsed(markdown)
    if isinstance(tree, TemplateSyntaxError):
        return [
            (
                tree.lineno,
                (
                    f"Malkoden er ikke gyldig ({tree.message}). Sjekk at hver {{{{ har en }}}} og hver {{% har en %}}. "
                    "Skal klammene stå som vanlig tekst, skriv {{ '{{' }} i stedet for {{."
                ),
            )
        ]
    lines = markdown.splitlines()
    found: list[tuple[int | None, str]] = []
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            found.append((statement.lineno, _tag(statement)))
            continue
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                continue
            problem = _expression(node, declared)
            if problem:
                found.append((node.lineno, problem))
            elif isinstance(node, nodes.Call) and 0 < node.lineno <= len(lines) and _HEADING.match(lines[node.lineno - 1]):
                found.append(
                    (
                        node.lineno,
                        f"Makroen «{node.node.name}» står i en overskrift. Lenken til "  # type: ignore[attr-defined]
                        "overskriften lages av teksten før makroen har kjørt, så den ville "
                        "ikke virket. Flytt makroen til teksten under overskriften.",
                    )
                )
    return found


def figure_uses(pages: Mapping[str, tuple[str, int]]) -> dict[str, list[tuple[str, int]]]:
    """Each figure id asked for (by a macro whose argument names a figure: tall("id"), tall_tabell("id")), with
    every (page, line in the file) that asks for it, in page order. pages: src_uri → (body, lines before it)."""
    asking = named(FIGURE)
    found: dict[str, list[tuple[str, int]]] = {}
    for src_uri, (body, offset) in pages.items():
        for call in calls(body):
            if call.name in asking and call.args and isinstance(call.args[0], str):
                found.setdefault(call.args[0], []).append((src_uri, call.line + offset))
    return found


# The key under which scheme_uses records a call that shows every scheme: ordninger() without ids.
EVERY_SCHEME = ""


def scheme_uses(pages: Mapping[str, tuple[str, int]]) -> dict[str, list[tuple[str, int]]]:
    """Each scheme id asked for (EVERY_SCHEME for ordninger() without ids), with every (page, line in the file),
    in page order. pages: src_uri → (body, lines before it)."""
    asking = named(SCHEMES)
    found: dict[str, list[tuple[str, int]]] = {}
    for src_uri, (body, offset) in pages.items():
        for call in calls(body):
            if call.name in asking:
                for scheme_id in [arg for arg in call.args if isinstance(arg, str)] or [EVERY_SCHEME]:
                    found.setdefault(scheme_id, []).append((src_uri, call.line + offset))
    return found
