"""Which macros a page calls, read from its text: the figures it asks for (the local boxes are content/local.py's,
the programme parts content/programmes.py's)."""

from __future__ import annotations

import re

# How a page asks for a figure: tall("id"), tall("id", kilde=False) or tall_tabell("id").
FIGURE_CALL = re.compile(r"""\btall(?:_tabell)?\(\s*["']([^"']*)["']""")


def figure_uses(pages: dict[str, str]) -> dict[str, list[tuple[str, int]]]:
    """Each figure id asked for, with every (page, line) that asks for it, in page order."""
    found: dict[str, list[tuple[str, int]]] = {}
    for src_uri, text in pages.items():
        for line_number, line in enumerate(text.splitlines(), start=1):
            for figure_id in FIGURE_CALL.findall(line):
                found.setdefault(figure_id, []).append((src_uri, line_number))
    return found
