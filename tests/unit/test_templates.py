"""Template code in a page: only the declared macros with literal arguments pass the check, and the sandbox that
renders pages reaches nothing else even when the check is bypassed."""

from __future__ import annotations

import os

import pytest

from macros.checks.templates import RenderError, render, sandbox, template_problems
from macros.content.macro_calls import Call, calls, refusals
from macros.content.macro_specs import BY_NAME

DECLARED = set(BY_NAME)


def tall(figure_id: str, kilde: bool = True) -> str:
    return f"<{figure_id}>"


def test_calls_come_from_the_parse_tree_with_their_literal_arguments_and_lines():
    text = (
        'Tekst.\n\nEt tall: {{ tall("egenandelstak") }} og {{ tall_tabell(\'dognpris\') }}\n{{ hos_oss("legevakt") }}\n'
        '{{ tall("a", kilde=False) }}\n```\ntall("ikke-et-kall")\n```\n'
    )
    assert calls(text) == [
        Call("tall", ("egenandelstak",), 3),
        Call("tall_tabell", ("dognpris",), 3),
        Call("hos_oss", ("legevakt",), 4),
        Call("tall", ("a",), 5, {"kilde": False}),
    ]
    assert calls("Ingen maler her.") == [] and calls("{{ uavsluttet") == []


def test_declared_macros_with_literal_arguments_and_escaped_braces_pass():
    text = (
        "{{ tall(\"egenandelstak\") }}\n{{- akutt_hjelp() -}}\n{# en kommentar #}\nKlammer: {{ '{{' }}\n"
        "{% raw %}{{ config }}{% endraw %}\n"
    )
    assert refusals(text, DECLARED) == []


# Each kind of template code that reaches beyond a macro call, with a word its message must hold.
REFUSED = {
    "attribute of a global": ('{{ lipsum.__globals__["os"].popen("id").read() }}', "INTROs makroer ved navnet"),
    "a variable": ("{{ config }}", "«config» er ikke en kjent makro"),
    "git": ("{{ git.author_email }}", "inne i et objekt"),
    "macros_info": ("{{ macros_info() }}", "«macros_info» er ikke en kjent makro"),
    "environment": ("{{ environment }}", "«environment» er ikke en kjent makro"),
    "page": ("{{ page.file.abs_src_path }}", "inne i et objekt"),
    "cycler": ("{{ cycler.__init__.__globals__.os.environ }}", "inne i et objekt"),
    "joiner": ("{{ joiner() }}", "«joiner» er ikke en kjent makro"),
    "namespace": ("{% set n = namespace() %}", "{% set %}"),
    "a filter": ('{{ "x" | attr("__class__") }}', "filteret «attr»"),
    "a test": ("{{ tall is defined }}", "et uttrykk"),
    "an include": ('{% include "../../hemmelig.txt" %}', "«../../hemmelig.txt» kan ikke tas med"),
    "an import": ('{% import "x.md" as x %}', "{% import %}"),
    "a loop": ("{% for i in range(3) %}{{ tall(i) }}{% endfor %}", "{% for %}"),
    "a macro definition": ("{% macro m() %}x{% endmacro %}", "{% macro %}"),
    "a computed argument": ('{{ tall("a" ~ "b") }}', "skrevet rett inn"),
    "a variable as argument": ("{{ tall(x) }}", "skrevet rett inn"),
    "spread arguments": ("{{ tall(*args) }}", "skrevet rett inn"),
    "a macro's attribute": ("{{ tall.__globals__ }}", "inne i et objekt"),
    "a macro without brackets": ("{{ tall }}", "mangler parentesen"),
    "arithmetic": ("{{ 9 ** 9 ** 9 }}", "et uttrykk"),
    "a call on a call": ("{{ tall('x')() }}", "ved navnet"),
    "a macro in a heading": ('## Prisen {{ tall("egenandelstak") }}', "i en overskrift"),
    "a syntax error": ("{{ tall(", "ikke gyldig"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_anything_but_a_declared_macro_call_is_refused_with_its_line(case):
    code, expected = REFUSED[case]
    found = refusals(f"Første linje.\n\n{code}\n", DECLARED)
    assert found, f"{case} passed the check"
    line, message = found[0]
    assert line == 3 and expected in message, found


def test_a_macro_called_with_arguments_it_does_not_take_is_named():
    [(line, message)] = template_problems('\n{{ tall("a", "b", "c") }}', {"tall": tall})
    assert line == 2 and "«tall»" in message and "argumenter" in message


# ---- The sandbox, with the check bypassed ----

CANARY = "sandkasse-kanari-4711"


@pytest.fixture
def canary(monkeypatch):
    monkeypatch.setenv("INTRO_CANARY_SECRET", CANARY)


ESCAPES = [
    '{{ lipsum.__globals__["os"].environ["INTRO_CANARY_SECRET"] }}',
    '{{ cycler.__init__.__globals__.os.environ["INTRO_CANARY_SECRET"] }}',
    '{{ tall.__globals__["os"].environ["INTRO_CANARY_SECRET"] }}',
    "{{ tall.__wrapped__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self._TemplateReference__context }}",
    "{{ range(10) }}",
    '{% include "/etc/hostname" %}',
    "{{ config.docs_dir }}",
    '{{ "x" | attr("__class__") }}',
    "{{ namespace() }}",
]


@pytest.mark.parametrize("code", ESCAPES)
def test_the_sandbox_reaches_nothing_but_the_macros_even_when_the_check_is_bypassed(code, canary):
    env = sandbox({"tall": tall})
    with pytest.raises(RenderError) as stopped:
        render(env, f"Tekst.\n{code}\n")
    message = str(stopped.value)
    assert message.startswith("Malkoden") and stopped.value.line == 2, message
    assert CANARY not in message and os.sep + "etc" not in message and "Traceback" not in message


def test_the_sandbox_renders_the_macros_as_mkdocs_macros_did():
    env = sandbox({"tall": tall})
    assert render(env, "Et tall: {{ tall(\"x\") }}.\n{{ '{{' }}\n") == "Et tall: <x>.\n{{"


def test_a_macro_that_fails_names_the_page_line():
    def hos_oss(topic: str) -> str:
        raise KeyError(f"Temaet «{topic}» finnes ikke.")

    with pytest.raises(RenderError) as stopped:
        render(sandbox({"hos_oss": hos_oss}), 'En.\nTo.\n{{ hos_oss("x") }}\n')
    assert stopped.value.line == 3 and str(stopped.value) == "Temaet «x» finnes ikke."
