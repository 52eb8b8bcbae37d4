"""What in a file is text to translate, and what stays as written.

A file becomes a list of items: plain strings that stay as written, and Pieces, each a run of text (a paragraph,
a heading, a list item, a table cell, a field's value, a label) with the parts inside it that stay as written:
macro calls and Jinja, HTML tags, code, link targets and attribute lists, URLs, Markdown's emphasis marks, names
and titles from the editors' lists, and the words of the term list (which stand in their nynorsk form). A part
that stays may itself hold Pieces (an HTML attribute a reader sees, a Jinja string the page shows), so a kept part
is a list of items too.

Apertium gets each Piece as one unit: its text escaped, and each kept part as a numbered placeholder in a
superblank, which Apertium leaves in place. After translation the placeholders are filled in again. A kept part
is never shown to Apertium, so a changed link or macro argument does not make a sentence new to the cache.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from macros.translation.apertium import MARKS, Translated, escape, superblank

# A kept part in the middle of text, before and after translation: \ue000<n>\ue001 (private-use characters).
OPEN, CLOSE = "\ue000", "\ue001"
PLACEHOLDER = re.compile(f"{OPEN}(\\d+){CLOSE}")
# Only text with a letter in it goes to Apertium.
LETTER = re.compile(r"[^\W\d_]")

Item = "str | Piece"


@dataclass
class Piece:
    """A run of text to translate, with the parts inside it that stay as written."""

    parts: list[tuple[bool, Any]]  # (True, text) to translate; (False, [items]) to keep
    line: int = 0  # the line of the file it starts on (0: not known)
    where: str = ""  # the field it is the value of, in a data file
    result: Translated | None = None

    def stream(self) -> str:
        """The piece in Apertium's stream format: text escaped, kept parts as numbered superblanks."""
        out, kept = [], 0
        for translate, part in self.parts:
            if translate:
                assert isinstance(part, str)
                for chunk in re.split(f"([{re.escape(MARKS)}])", part):
                    out.append(superblank(chunk) if chunk and chunk in MARKS else escape(chunk))
            else:
                out.append(superblank(f"{OPEN}{kept}{CLOSE}"))
                kept += 1
        return "".join(out)

    def kept(self) -> list[list]:
        return [part for translate, part in self.parts if not translate]

    def needs_translation(self) -> bool:
        return any(translate and LETTER.search(part) for translate, part in self.parts)

    def original(self) -> str:
        return "".join(part if translate else render(part) for translate, part in self.parts)

    def text(self) -> str:
        """The translation with the kept parts filled in (the original, if it was not translated)."""
        if self.result is None:
            return self.original()
        kept = self.kept()
        return PLACEHOLDER.sub(lambda m: render(kept[int(m.group(1))]), self.result.text)

    def lost_parts(self) -> list[int]:
        """Kept parts Apertium's answer does not have exactly once (it should never happen)."""
        if self.result is None:
            return []
        found = [int(n) for n in PLACEHOLDER.findall(self.result.text)]
        return [n for n in range(len(self.kept())) if found.count(n) != 1]


def render(items: list) -> str:
    return "".join(item if isinstance(item, str) else item.text() for item in items)


def pieces(items: list) -> Iterator[Piece]:
    """Every Piece in items, nested ones included, in order."""
    for item in items:
        if isinstance(item, Piece):
            yield item
            for translate, part in item.parts:
                if not translate:
                    yield from pieces(part)


# ---- What stays as written ----


@dataclass(frozen=True)
class Keep:
    """What the editors keep or decide: pattern finds it in text, replace gives what stands in the translation;
    a quotation («…») that is_title says is (part of) a source's title stays as written too."""

    pattern: re.Pattern[str] | None
    replace: Callable[[re.Match[str]], str]
    is_title: Callable[[str], bool] = lambda quoted: False


NEVER = Keep(None, lambda match: match.group())
QUOTATION = re.compile(r"«([^«»\n]+)»")


# Inside a run of text: what stays. HTML tags and Jinja are already placeholders by then (Document.protect).
INLINE = re.compile(
    r"(?P<placeholder>" + OPEN + r"\d+" + CLOSE + r")"
    r"|(?P<code>(`+)(?!`).*?(?<!`)\3(?!`))"
    # A link's text that starts with a capital (most often a title) is translated on its own: in the middle of a
    # sentence Apertium takes a capitalised word for a name and leaves it.
    r"|(?P<link>!?\[(?P<label>[A-ZÆØÅ](?:[^\[\]\n]|\[[^\]\n]*\])*)\]"
    r"(?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\]))"
    r"|(?P<target>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\])"
    r"|(?P<footnote>\[\^[^\]]+\])"
    r"|(?P<open>!?\[)"
    r"|(?P<attributes>\{:?[ \t]*(?=[^{}\n]*(?:[#.][\w-]|=))[^{}\n]*\})"
    r"|(?P<url>\b(?:https?://|mailto:|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?»])"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<domain>\b[\w-]+(?:\.[\w-]+)*\.(?:no|com|org|net|eu|io|se|dk|int)\b(?:/[^\s)\]»]*[^\s)\]».,;:!?])?)"
    r"|(?P<path>\b[\w./-]+\.(?:md|html|yml|yaml|json|js|css|svg|zip|zim|imscc|txt)\b)"
    r"|(?P<entity>&#?\w+;)"
    r"|(?P<escape>\\[\\`*_{}\[\]()#+\-.!|<>])"
    r"|(?P<emphasis>\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~|==)"
    r"|(?P<mark>[#*])",
    re.S,
)
# HTML comments, Jinja comments, statements and expressions, and tags, anywhere (they may span lines).
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->|<![A-Za-z][^>]*>|<\?.*?\?>", re.S)
TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[^<>\"'\s=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s<>\"']+))?)*\s*/?>", re.S)
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]+>")
# A reader sees these attributes: they are translated, the rest of the tag stays.
READER_ATTRIBUTES = re.compile(r"(\b(?:title|alt|aria-label|placeholder|label)\s*=\s*\")([^\"]*)(\")")
# In a Jinja tag: a string the template shows (after {{, else, ~ or {% set x =, and before if, else, ~ or the end)
# is translated; a string a test compares with (== "single", startswith(("ved ",…))), a macro's or a filter's
# argument (hos_oss("legevakt"), map(attribute="name")) is not.
JINJA_TEXT = re.compile(
    r"(?:\{\{-?|\belse|~|\bset\s+[\w.]+\s*=)\s*\"([^\"\\]*)\"(?=\s*(?:if\b|else\b|~|-?\}\}|-?%\}|\)))"
    r"|\(\s*\"([^\"\\]*)\"(?=\s*~)"
)
# A list a template sets (`{% set debrief = ["Hva skjedde?", …] %}`) is a list of lines it shows: each string in it
# is translated. (A list it compares with is written inline, in a test: `in ("single", "multiple")`.)
JINJA_SET_LIST = re.compile(r"\{%-?\s*set\s+[\w.]+\s*=\s*\[")
JINJA_STRING = re.compile(r"\"([^\"\\]*)\"")
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marks>```|~~~)(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=marks)[ \t]*$", re.M | re.S
)
# In a Mermaid diagram only the labels and the accessible title and description are text.
MERMAID_TEXT = re.compile(r"(\"[^\"\n]*\")|(^\s*acc(?:Title|Descr)\s*:\s*)(.*)$", re.M)

# ---- Markdown's blocks ----

_HEADING = re.compile(r"(#{1,6}[ \t]+)(.*?)((?:[ \t]*\{[^}\n]*\})?[ \t]*#*[ \t]*)$")
_ADMONITION = re.compile(r"((?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*)(?:([ \t]+\")(.*)(\"))?[ \t]*$")
_LIST = re.compile(r"(?:[-*+]|\d{1,3}[.)])[ \t]+")
_QUOTE = re.compile(r">[ \t]?")
_DEFINITION = re.compile(r":[ \t]+")
# A template's front matter may follow its comments and imports. Each tag ends at its own first closing mark (a
# lazy «.*?» that may run past it backtracks without end over a template with no front matter).
_FRONT_MATTER = re.compile(r"(?:(?:\{#(?:(?!#\}).)*#\}|\{%(?:(?!%\}).)*%\})[ \t]*\n?)*---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_ABBREVIATION = re.compile(r"(\*\[[^\]]+\]:[ \t]*)(.*)$")
_KEPT_LINE = re.compile(r"(?:\[TOC\]|\[[^\]]+\]:[ \t]+\S+.*|\{:?[^}]*\}|(?:-{3,}|\*{3,}|_{3,})|[ \t]*)$")


def _only_placeholders(text: str) -> bool:
    return not PLACEHOLDER.sub("", text).strip()


@dataclass
class Document:
    """One file being split into what to translate and what to keep: the kept parts that may span lines are
    stood in for by placeholders while the lines are read, and filled in again when the file is rendered."""

    keep: Keep = field(default=NEVER)  # names, titles and terms, found in running text
    templates: bool = False  # a template: the strings its Jinja tags show are text too
    stored: list[list] = field(default_factory=list)

    def store(self, items: list) -> str:
        self.stored.append(items)
        return f"{OPEN}{len(self.stored) - 1}{CLOSE}"

    def _stored(self, text: str) -> list:
        """text with its placeholders as the kept items they stand for."""
        items: list = []
        last = 0
        for match in PLACEHOLDER.finditer(text):
            if match.start() > last:
                items.append(text[last : match.start()])
            items.extend(self.stored[int(match.group(1))])
            last = match.end()
        if last < len(text):
            items.append(text[last:])
        return items

    # ---- Kept parts that may span lines ----

    def _jinja(self, tag: str, line: int) -> list:
        """A Jinja tag: kept, but the strings it shows the reader are translated."""
        if tag.startswith("{#") or not self.templates:
            return [tag]
        items: list = []
        last = 0
        for match in (JINJA_STRING if JINJA_SET_LIST.match(tag) else JINJA_TEXT).finditer(tag):
            group = match.lastindex or 1
            text = match.group(group)
            if not LETTER.search(text):
                continue
            items.append(tag[last : match.start(group)])
            items.append(self.run(text, line))
            last = match.end(group)
        items.append(tag[last:])
        return items

    def _tag(self, tag: str, line: int) -> list:
        """An HTML tag: kept, but the attributes a reader sees (title, alt, aria-label) are translated."""
        items: list = []
        last = 0
        for match in READER_ATTRIBUTES.finditer(tag):
            if not LETTER.search(PLACEHOLDER.sub("", match.group(2))):
                continue
            items.append(tag[last : match.start(2)])
            items.append(self.run(match.group(2), line))
            last = match.end(2)
        items.append(tag[last:])
        return self._expand(items)

    def _expand(self, items: list) -> list:
        """Strings in items with placeholders in them as the items they stand for."""
        out: list = []
        for item in items:
            out.extend(self._stored(item) if isinstance(item, str) and OPEN in item else [item])
        return out

    def protect(self, text: str, first_line: int = 1, html: bool = True) -> str:
        """text with Jinja, HTML comments and tags (and what they hold for the reader) as placeholders."""

        def line_of(position: int) -> int:
            return first_line + text.count("\n", 0, position)

        text = JINJA.sub(lambda m: self.store(self._jinja(m.group(), line_of(m.start()))), text)
        if html:
            text = HTML_COMMENT.sub(lambda m: self.store([m.group()]), text)
            text = AUTOLINK.sub(lambda m: self.store([m.group()]), text)
            text = TAG.sub(lambda m: self.store(self._tag(m.group(), line_of(m.start()))), text)
        return text

    # ---- Runs of text ----

    def run(self, text: str, line: int = 0, where: str = "") -> Piece | str:
        """One run of text (with placeholders in it) as a Piece; as it stands if there is nothing to translate."""
        parts: list[tuple[bool, Any]] = []
        last = 0
        for match in INLINE.finditer(text):
            if match.start() > last:
                parts.extend(self._words(text[last : match.start()]))
            kept = match.group()
            if match.group("link") is not None:
                start, end = match.start("label") - match.start(), match.end("label") - match.start()
                parts.append((False, [*self._stored(kept[:start]), self.run(kept[start:end], line), *self._stored(kept[end:])]))
            else:
                parts.append((False, self._stored(kept) if OPEN in kept else [kept]))
            last = match.end()
        if last < len(text):
            parts.extend(self._words(text[last:]))
        piece = Piece(_merged(parts), line, where)
        nested = any(not translate and any(isinstance(item, Piece) for item in part) for translate, part in piece.parts)
        return piece if piece.needs_translation() or nested else piece.original()

    def _words(self, text: str) -> list[tuple[bool, Any]]:
        """Text with the editors' names, titles and terms in it as kept parts (in their nynorsk form), and a
        quoted source title as written."""
        parts: list[tuple[bool, Any]] = []
        last = 0
        for match in QUOTATION.finditer(text):
            if self.keep.is_title(match.group(1).strip()):
                parts.extend(self._terms(text[last : match.start()]))
                parts.append((False, [match.group()]))
                last = match.end()
        parts.extend(self._terms(text[last:]))
        return parts

    def _terms(self, text: str) -> list[tuple[bool, Any]]:
        if self.keep.pattern is None:
            return [(True, text)] if text else []
        parts: list[tuple[bool, Any]] = []
        last = 0
        for match in self.keep.pattern.finditer(text):
            if match.start() > last:
                parts.append((True, text[last : match.start()]))
            parts.append((False, [self.keep.replace(match)]))
            last = match.end()
        if last < len(text):
            parts.append((True, text[last:]))
        return parts

    # ---- Whole files ----

    def markdown(self, text: str, first_line: int = 1) -> list:
        """A Markdown page's body (or a template written in Markdown and HTML) as items. A template's own front
        matter stays as written, but for what its Jinja shows."""
        head = _FRONT_MATTER.match(text) if self.templates else None
        if head:
            kept = self._stored(self.protect(head.group(), first_line, html=False))
            return [*kept, *self.markdown_body(text[head.end() :], first_line + head.group().count("\n"))]
        return self.markdown_body(text, first_line)

    def markdown_body(self, text: str, first_line: int = 1) -> list:
        text = FENCE.sub(lambda m: self.store(self._fence(m, first_line + text.count("\n", 0, m.start()))), text)
        text = self.protect(text, first_line)
        items: list = []
        paragraph: list[tuple[str, str, int]] = []  # (what stays before the line's text, the text, its line)

        def close() -> None:
            if paragraph:
                items.extend(self._paragraph(paragraph))
                paragraph.clear()

        hidden = 0  # line breaks inside kept parts on the lines before (a fence, a long tag)
        for index, line in enumerate(text.split("\n")):
            number = first_line + index + hidden
            hidden += sum(render(self.stored[int(n)]).count("\n") for n in PLACEHOLDER.findall(line))
            newline = "\n" if index else ""
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            rest = line[len(indent) :]
            heading, admonition = _HEADING.match(rest), _ADMONITION.match(rest)
            abbreviation = _ABBREVIATION.match(rest)
            block = _LIST.match(rest) or _QUOTE.match(rest) or _DEFINITION.match(rest)
            if _KEPT_LINE.match(rest) or _only_placeholders(rest):
                close()
                items.extend([newline, *self._stored(line)])
            elif heading or admonition or abbreviation or rest.startswith("|"):
                close()
                items.extend([newline, indent])
                if heading:
                    items.extend(self._stored(heading.group(1)))
                    items.append(self.run(heading.group(2), number))
                    items.extend(self._stored(heading.group(3)))
                elif admonition:
                    items.extend(self._admonition(admonition, number))
                elif abbreviation:
                    items.extend([abbreviation.group(1), self.run(abbreviation.group(2), number)])
                else:
                    items.extend(self._table_row(rest, number))
            elif block is not None or not paragraph or rest.startswith(OPEN):
                close()
                items.append(newline)
                prefix = block.group() if block else ""
                paragraph.append((indent + prefix, rest[len(prefix) :], number))
            else:
                paragraph.append((newline + indent, rest, number))
        close()
        return items

    def _paragraph(self, lines: list[tuple[str, str, int]]) -> list:
        """Lines of one paragraph as one run of text; the line breaks and indentation in it stay."""
        first_prefix, joined, line = lines[0]
        for prefix, rest, _ in lines[1:]:
            joined += self.store([prefix]) + rest
        return [*self._stored(first_prefix), self.run(joined, line)]

    def _admonition(self, match: re.Match[str], line: int) -> list:
        if match.group(2) is None:
            return self._expand([match.group()])
        return self._expand([match.group(1) + match.group(2), self.run(match.group(3), line), match.group(4)])

    def _table_row(self, row: str, line: int) -> list:
        items: list = []
        for cell in re.split(r"((?<!\\)\|)", row):
            if cell == "|" or not cell.strip() or re.fullmatch(r"[\s:-]+", cell):
                items.append(cell)
                continue
            start = len(cell) - len(cell.lstrip())
            end = len(cell.rstrip())
            items.extend([cell[:start], self.run(cell[start:end], line), cell[end:]])
        return self._expand(items)

    def _fence(self, match: re.Match[str], line: int) -> list:
        """A fenced block stays as written; in a Mermaid diagram, the labels and the title are translated."""
        if match.group("info").strip() != "mermaid":
            return [match.group()]
        body = match.group("body")
        items: list = [match.group()[: match.start("body") - match.start()]]
        last = 0
        for text in MERMAID_TEXT.finditer(body):
            label = text.group(1)
            start, end = (text.start(1) + 1, text.end(1) - 1) if label else (text.start(3), text.end(3))
            items.append(body[last:start])
            at = line + 1 + body.count("\n", 0, start)
            items.append(self.run(self.protect(body[start:end], at), at))
            last = end
        items.append(body[last:])
        items.append(match.group()[match.end("body") - match.start() :])
        return items

    def inline(self, text: str, line: int = 0, where: str = "", html: bool = True) -> list:
        """A value (a field of a data file, a string in a script) as items: one run of text, tags kept."""
        protected = self.protect(text, line or 1, html=html)
        first, *others = protected.split("\n")
        piece = self._paragraph([("", first, line), *[("\n", rest, line) for rest in others]])
        for item in piece:
            if isinstance(item, Piece):
                item.where = where
        return piece


def _merged(parts: list[tuple[bool, Any]]) -> list[tuple[bool, Any]]:
    """Neighbouring text parts as one, and neighbouring kept parts as one."""
    merged: list[tuple[bool, Any]] = []
    for translate, part in parts:
        if merged and merged[-1][0] == translate:
            previous = merged[-1][1]
            merged[-1] = (translate, previous + part)
        elif translate and part == "":
            continue
        else:
            merged.append((translate, part))
    return merged


# ---- Scripts and images ----

_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^")
_REGEX_AFTER_WORDS = ("return", "typeof", "case", "in", "of", "void", "delete")
_CODE_LIKE = re.compile(r"^[a-z][\w-]*(?:\s+[a-z][\w-]*)*$|^[.#\[]|[={};]")
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f]")


def _prose(text: str) -> bool:
    """A script's string that readers see: Norwegian words, not a selector, a class list or a key."""
    if not LETTER.search(text) or _CODE_LIKE.search(text.strip()) and not _NON_ASCII_LETTER.search(text):
        return False
    if re.search(r"[={};]", text) or text.lstrip().startswith((".", "#", "[")):
        return False
    if " " not in text.strip() and not _NON_ASCII_LETTER.search(text):
        return False  # one word of ASCII letters: an event's or a key's name (DOMContentLoaded)
    return bool(_NON_ASCII_LETTER.search(text) or re.search(r"[A-ZÆØÅ]", text) or re.search(r"[.:?!]\s*$|\. ", text))


def _skip_string(text: str, start: int) -> int:
    """The end (after the closing quote) of the string literal opening at start."""
    quote, i = text[start], start + 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _skip_regex(text: str, start: int) -> int:
    i, in_class = start + 1, False
    while i < len(text) and text[i] != "\n":
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "[":
            in_class = True
        elif text[i] == "]":
            in_class = False
        elif text[i] == "/" and not in_class:
            i += 1
            while i < len(text) and text[i].isalpha():
                i += 1
            return i
        i += 1
    return i


def script(document: Document, text: str) -> list:
    """A JavaScript file as items: the double-quoted strings that readers see are translated, the rest stays."""
    items: list = []
    last, i, previous, word = 0, 0, "", ""
    line = 1
    while i < len(text):
        ch = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        if ch in "'`\"":
            end = _skip_string(text, i)
            content = text[i + 1 : end - 1]
            if ch == '"' and _prose(content):
                items.append(text[last : i + 1])
                items.extend(document.inline(content, line + text.count("\n", 0, i)))
                last = end - 1
            previous, word, i = "x", "", end
            continue
        if ch == "/" and (previous in _REGEX_BEFORE or previous == "" or word in _REGEX_AFTER_WORDS):
            i = _skip_regex(text, i)
            previous, word = "x", ""
            continue
        if ch.isalnum() or ch in "_$":
            word = word + ch if previous and (previous.isalnum() or previous in "_$") else ch
            previous = ch
        elif not ch.isspace():
            previous, word = ch, ""
        i += 1
    items.append(text[last:])
    return items


_SVG_PART = re.compile(r"<style\b.*?</style>|<script\b.*?</script>|<!--.*?-->|<[^>]*>", re.S)


def svg(document: Document, text: str) -> list:
    """A drawn figure as items: the words in it are translated; its tags, styles and shapes stay."""
    items: list = []
    last = 0
    for match in _SVG_PART.finditer(text):
        between = text[last : match.start()]
        items.extend(document.inline(between, html=False) if LETTER.search(between) else [between])
        items.append(match.group())
        last = match.end()
    items.append(text[last:])
    return items
