"""A page's prose, paragraph by paragraph: what the checks of running text read (figures typed into it, retired
names used in it). Fenced code is left out, and so is whatever the caller says is not prose (template code, link
targets, addresses)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s*(```|~~~)")


def paragraphs(
    markdown: str, not_prose: re.Pattern[str], new_unit: re.Pattern[str] | None = None, keep: str = " "
) -> Iterator[list[tuple[int, str]]]:
    """Each paragraph as (line number from 1, the line with what is not prose replaced by keep). A blank line or a
    fence ends a paragraph; so does a line new_unit matches (a list item, a table row), which starts the next."""
    paragraph: list[tuple[int, str]] = []
    in_code = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        fence = bool(_FENCE.match(line))
        if fence or in_code or not line.strip() or (new_unit is not None and new_unit.match(line)):
            if paragraph:
                yield paragraph
            paragraph = []
        if fence:
            in_code = not in_code
            continue
        if in_code or not line.strip():
            continue
        paragraph.append((number, not_prose.sub(keep, line)))
    if paragraph:
        yield paragraph
