"""Template code ({{ … }}) in a page: only INTRO's declared macros, called by name with literal arguments.

Jinja can walk from almost any object to Python's internals, so a page may not hold anything else: no variable,
no attribute, no filter, no tag ({% include %}, {% set %}, {% for %} …). Every page is checked on Jinja's own
parse tree before anything renders (refusals), and the pages are rendered in Jinja's immutable sandbox with the
declared macros as the only names it knows (render), so that a case the check missed still reaches nothing.
"""

from __future__ import annotations

import inspect
import re
import traceback
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from jinja2 import Environment, FunctionLoader, StrictUndefined, TemplateError, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

# Parses only; never renders (its globals and filters are never reached).
_PARSER = Environment()
# A Markdown heading: its anchor is made from the text before the macros run.
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")
_LITERALS = (str, int, float, bool, type(None))
_ADVICE = 'Skriv makroene slik de står i CONTRIBUTING.md, for eksempel {{ tall("egenandelstak") }}.'
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


def calls(markdown: str) -> list[Call]:
    """Every call by name in the page, in order; an argument that is not written out is None.
    A page whose template code does not parse has none (refusals names its mistake)."""
    if not has_template_code(markdown):
        return []
    try:
        tree = _PARSER.parse(markdown)
    except TemplateSyntaxError:
        return []
    return [
        Call(
            call.node.name,
            tuple(arg.value if _literal(arg) else None for arg in call.args),
            call.lineno,
            {kw.key: kw.value.value if _literal(kw.value) else None for kw in call.kwargs},
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
            return f"Malkoden kan bare kalle INTROs makroer ved navnet. {_ADVICE}"
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
        return f"Malkoden bruker filteret «{node.name}». Filtre er ikke lov i INTRO. {_ADVICE}"
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        return f"Malkoden leser noe inne i et objekt (med . eller []). Det er ikke lov i INTRO. {_ADVICE}"
    return f"Malkoden er et uttrykk. I INTRO kan en side bare kalle makroene. {_ADVICE}"


def _tag(node: nodes.Node) -> str:
    name = next((word for kind, word in _TAGS.items() if isinstance(node, kind)), type(node).__name__.lower())
    if isinstance(node, nodes.Include) and isinstance(node.template, nodes.Const):
        return (
            f"Filen «{node.template.value}» kan ikke tas med (include): en side i INTRO tar ikke med andre "
            "filer. Skriv teksten i siden, eller lenk til siden den står på."
        )
    return f"Taggen {{% {name} %}} er ikke lov i INTRO: en side kan bare kalle makroene med {{{{ … }}}}. {_ADVICE}"


def refusals(markdown: str, declared: Collection[str]) -> list[tuple[int | None, str]]:
    """(line in the text, message) for a syntax error, and for anything but a declared macro called with
    literal arguments, by name, outside a heading."""
    if not has_template_code(markdown):
        return []
    try:
        tree = _PARSER.parse(markdown)
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
            f"med tekst eller tall i parentesen. {_ADVICE}",
            _template_line(error),
        ) from None
    except TemplateError as error:  # Jinja's own, in its English: the check refuses these before rendering
        raise RenderError(
            f"Malkoden kan ikke kjøres: en side kan bare kalle INTROs makroer, med tekst eller tall i parentesen. {_ADVICE}",
            _template_line(error),
        ) from None
    except Exception as error:  # noqa: BLE001 - every macro's own failure, told to the author with its line
        message = str(error.args[0]) if error.args else type(error).__name__
        raise RenderError(message, _template_line(error)) from None
