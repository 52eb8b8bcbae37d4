"""Where pages show the schemes of data/schemes.yml: each scheme id a page asks for, with the page and line.

A scheme ends, changes its name or moves to another owner without a word to the chapters that send readers to
it. Kept in data/schemes.yml with a check date, each scheme reads the same everywhere, and the build knows which
pages to name when one must be checked again.
"""

from __future__ import annotations

import re

# How a page asks for schemes: ordninger() for all of them, ordninger("id", "id2") for some.
SCHEMES_CALL = re.compile(r"""\bordninger\(([^)]*)\)""")
_LITERAL = re.compile(r"""["']([^"']*)["']""")

# The key under which uses() records a call that shows every scheme.
EVERY_SCHEME = ""


def uses(pages: dict[str, str]) -> dict[str, list[tuple[str, int]]]:
    """Each scheme id asked for (EVERY_SCHEME for ordninger() without ids), with every (page, line), in page order."""
    found: dict[str, list[tuple[str, int]]] = {}
    for src_uri, text in pages.items():
        for line_number, line in enumerate(text.splitlines(), start=1):
            for call in SCHEMES_CALL.finditer(line):
                for scheme_id in _LITERAL.findall(call.group(1)) or [EVERY_SCHEME]:
                    found.setdefault(scheme_id, []).append((src_uri, line_number))
    return found
