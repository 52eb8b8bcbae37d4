"""The author-facing macros are declared once (content/macro_specs.py SPECS), and CONTRIBUTING's table lists exactly them."""

from __future__ import annotations

import re

from macros.authoring import _renderers, function_of
from macros.content.macro_specs import (
    BY_NAME,
    DOWNLOADS,
    FACTS,
    FIGURE,
    HELPLINE,
    LEGAL,
    PACKAGES,
    PAGE,
    PERSPECTIVE,
    SCHEMES,
    SPECS,
    TOPIC,
)
from tests.helpers import ROOT


def test_every_spec_names_a_function_and_what_it_needs():
    renderers = _renderers()
    for spec in SPECS:
        assert callable(function_of(spec, renderers)), spec.name
        assert spec.needs in (PAGE, FACTS, DOWNLOADS, PACKAGES, LEGAL) and spec.argument in (
            None,
            FIGURE,
            TOPIC,
            PERSPECTIVE,
            HELPLINE,
            SCHEMES,
        )
        assert not spec.stations or spec.programme, f"{spec.name}: stations belong to a programme"
    assert len(BY_NAME) == len(SPECS), "a macro is declared twice"


def test_contributings_macro_table_lists_exactly_the_declared_macros():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Makroene", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    listed = [name for row in rows for name in re.findall(r"\{\{ (\w+)\(", row.split(" | ")[0])]
    assert sorted(set(listed)) == sorted(BY_NAME), "CONTRIBUTING.md's «Makroene» and content/macro_specs.py SPECS differ"
