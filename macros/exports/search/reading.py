"""A page's finished HTML read into the sections INTRO's search index is made of: the one reading of each page.

Material's search plugin reads every page with Python's own HTML parser to write an index that INTRO's worker
never loads; INTRO's index was made from what it read. This module reads a page the way Material's plugin does
(macros/exports/search/index.py keeps its rules: a section per heading with an id, the page's title for the part
before the first one, and nothing of what is marked `data-search-exclude`), with lexbor (selectolax), which
parses a page in a fraction of the time. The plugin then tells Material's plugin to leave the page alone.

The rules, as Material's plugin has them:

- a heading (h1–h6) with an id starts a section, anchored at the id; the part before the first heading belongs
  to the page itself, titled with the page's title; a heading inside a box (an admonition, a <details>) ends
  with the box, and the text after the box belongs to the section before it again;
- an element marked `data-search-exclude`, a script, a style, an <object> and code line numbers are left out,
  with all they hold; a heading marked so leaves its whole section out;
- the «¶» link of a heading is not part of its title;
- paragraphs, list items, code and sub- and superscripts are separated by a space; other elements (links,
  emphasis) join the text on either side as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from macros.exports.search.index import Page, Section
from macros.rendering.hyphenation import SOFT_HYPHEN

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LEFT_OUT = frozenset({"script", "style", "object"})
# Elements that stand apart from the text around them: a space on either side.
SEPARATE = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
# Elements without content (Material's parser never enters them).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
TEXT = "-text"


@dataclass
class _Part:
    """A section as it is read: its heading's depth among the open elements, and its pieces of title and text."""

    anchor: str
    depth: float
    heading: LexborNode | None = None
    excluded: bool = False
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self) -> None:
        self.parts: list[_Part] = []
        self.part: _Part | None = None
        self.in_heading = 0  # inside the current part's heading
        self.in_permalink = 0
        self.in_pre = 0

    def _current(self) -> _Part:
        if self.part is None:
            self.part = _Part("", 0)
            self.parts.append(self.part)
        return self.part

    def data(self, value: str) -> None:
        if not self.in_pre:
            value = " " if value.isspace() else value.replace("\n", " ")
        part = self._current()
        if self.in_heading:
            if not self.in_permalink:
                part.title.append(value)
        elif value.isspace():
            if not part.text or not part.text[-1].isspace() or self.in_pre:
                part.text.append(value)
        else:
            part.text.append(value)

    def element(self, node: LexborNode, depth: int) -> None:
        tag = node.tag or ""
        attributes = node.attributes
        started: _Part | None = None
        if tag in HEADINGS and "id" in attributes:
            if tag != "h1" and not self.parts:
                self.parts.append(_Part("", depth))
            started = _Part(attributes["id"] or "" if self.parts else "", depth, heading=node)
            self.parts.append(started)
            self.part = started
        self._current()
        if "data-search-exclude" in attributes or tag in LEFT_OUT or attributes.get("class") == "linenodiv":
            if started:
                started.excluded = True
            return
        separate = tag in SEPARATE
        if separate:
            self._target().append(" ")
        heading, permalink, pre = started is not None, tag == "a" and attributes.get("class") == "headerlink", tag == "pre"
        self.in_heading += heading
        self.in_permalink += permalink
        self.in_pre += pre
        self.children(node, depth)
        self.in_heading -= heading
        self.in_permalink -= permalink
        self.in_pre -= pre
        if separate:
            self._target().append(" ")
        self._leave(depth)

    def _target(self) -> list[str]:
        part = self._current()
        return part.title if self.in_heading else part.text

    def _leave(self, depth: int) -> None:
        """An element at depth closes: a part whose heading stood deeper ends, and the text goes on in the last
        part that stands no deeper than this element."""
        part = self.part
        if part is not None and part.depth > depth:
            for earlier in reversed(self.parts):
                if earlier.depth <= depth:
                    part.depth = float("inf")
                    self.part = earlier
                    break

    def children(self, node: LexborNode, depth: int) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == TEXT:
                value = child.text_content
                if value:
                    self.data(value)
            elif tag and tag[0] != "-" and tag not in VOID:
                self.element(child, depth + 1)


def _plain(pieces: list[str]) -> str:
    # The soft hyphens the headings and questions carry for narrow screens (rendering/hyphenation.py) split words.
    return " ".join("".join(pieces).replace(SOFT_HYPHEN, "").split())


def parsed(html: str) -> LexborHTMLParser:
    """A page's content parsed as read_page reads it: all of it in one box (nothing moves into a <head>)."""
    return LexborHTMLParser(f"<body><div>{html}</div></body>")


def read_page(content: str | LexborHTMLParser, location: str, title: str) -> Page:
    """A page's content (its HTML as MkDocs rendered it, before the theme, or that HTML as parsed() parses it) as the
    sections search indexes; title is the page's own, for the part before its first heading. A page with nothing to
    index has no sections."""
    body = (parsed(content) if isinstance(content, str) else content).css_first("body > div")
    reader = _Reader()
    if body is not None:
        reader.children(body, 0)
    page = Page(location, "")
    for part in reader.parts:
        if part.excluded:
            continue
        heading = _plain(part.title) or title
        if not part.anchor:
            page.title = heading
        page.sections.append(Section(part.anchor, heading if part.anchor else "", _plain(part.text)))
    return page
