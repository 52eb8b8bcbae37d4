"""The one reader of a page's front matter: the YAML between the opening and closing --- lines.

The content loader, the plugin, the spelling check and the error messages all split a page here, so a line
number an author is given counts the same way everywhere: line 1 is the opening ---.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.content import yamlio
from macros.content.errors import line_of_key

# A line of three or more hyphens (MkDocs itself takes exactly three, which this includes).
_FENCE = re.compile(r"^-{3,}[ \t]*$", re.M)


@dataclass(frozen=True)
class FrontMatter:
    """A page split in two.

    meta: the front matter's fields ({} when it is not a mapping). body: the text after the closing ---, without
    the blank lines before it and the whitespace after it. raw: the YAML as written; its first line is line 2 of
    the file. body_line: the file's line number of the body's first line. head: the file up to and including the
    closing ---. present: whether the page has front matter at all.
    """

    meta: dict = field(default_factory=dict)
    body: str = ""
    raw: str = ""
    body_line: int = 1
    head: str = ""
    present: bool = False

    def line_of(self, key: str) -> int | None:
        """The file's line number of a top-level field, or None when the front matter does not have it."""
        return line_of_key(self.head, key)

    @property
    def body_offset(self) -> int:
        """Lines before the body: add to a line number counted in the body, or in the Markdown MkDocs hands a
        plugin, to get the file's."""
        return self.body_line - 1


def split(text: str) -> FrontMatter:
    """A page's front matter and body. Raises yaml.YAMLError for YAML that cannot be read (its problem_mark
    counts from the line after the opening ---), and ValueError for a date that does not exist (2026-11-31)."""
    opening = _FENCE.match(text)
    closing = _FENCE.search(text, opening.end()) if opening else None
    if not opening or not closing:
        return FrontMatter(body=_body(text), body_line=_body_line(text, 0))
    raw = text[opening.end() + 1 : closing.start()]
    loaded = yamlio.load(raw)
    return FrontMatter(
        meta=loaded if isinstance(loaded, dict) else {},
        body=_body(text[closing.end() :]),
        raw=raw,
        body_line=_body_line(text, closing.end()),
        head=text[: closing.end()],
        present=True,
    )


def body_offset(text: str) -> int:
    """Lines before the body (as FrontMatter.body_offset), without reading the YAML: for a page the build has
    read already, whose line numbers a later step counts from its body."""
    opening = _FENCE.match(text)
    closing = _FENCE.search(text, opening.end()) if opening else None
    return _body_line(text, closing.end() if opening and closing else 0) - 1


# The body starts where MkDocs starts the Markdown it hands the plugins (after the blank lines under the closing
# ---), so a line counted in either is the same line of the file.
def _body(rest: str) -> str:
    return rest.lstrip("\n").rstrip()


def _body_line(text: str, start: int) -> int:
    rest = text[start:]
    return text.count("\n", 0, start + len(rest) - len(rest.lstrip("\n"))) + 1
