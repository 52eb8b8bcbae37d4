"""Glossary words explained where a reader first meets them on a page.

The first use of each glossary term on a page becomes <abbr title=… tabindex="0">, and Material shows the
title as a tooltip, on hover and on keyboard focus (intro-a11y.js closes it with Esc). Only the first use:
plain-language guidance is to explain a term once, where it first appears, and a page that marks every use is
both noisy and several times heavier. Python-Markdown's abbr extension marks every use and compiles its
pattern again for every page, so this small extension does the same job the way INTRO needs it. Authors mark
up nothing by hand.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 - the name Python-Markdown gives it
from functools import lru_cache

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from macros.content.model import GlossaryTerm
from macros.rendering.renderer import phrase

# Where a tooltip does not belong: in code, in a heading, and inside a link or another abbr.
SKIPPED_TAGS = frozenset({"a", "abbr", "code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"})
# Nor in what the site adds around a chapter (facts, key points, sources, teachers' part), nor on the glossary
# page itself, where every term is its own explanation: there an underline is only noise.
PLAIN_CLASS = "intro-plain"
# Where a chapter lists the words it explained, for keyboard and screen-reader users and anyone on a phone.
WORD_LIST_CLASS = "intro-words"


def tooltip(term: GlossaryTerm) -> str:
    """The text of a term's tooltip, on one line."""
    name = f"{term.term} ({term.abbreviation})" if term.abbreviation else term.term
    return " ".join(f"{name}: {term.definition}".split())


def abbreviations(glossary: list[GlossaryTerm]) -> dict[str, str]:
    """Word → tooltip for every term, its abbreviation and its inflected forms."""
    lines: dict[str, str] = {}
    for term in glossary:
        text = tooltip(term)
        for word in (term.term, term.abbreviation, *term.forms):
            # Lower-case headwords also match at the start of a sentence.
            if word:
                lines.setdefault(word, text)
                if word[0].islower():
                    lines.setdefault(word[0].upper() + word[1:], text)
    return lines


@lru_cache(maxsize=4)
def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all the words, compiled once per build.

    The words are folded into a trie («kommun(?:al akutt døgnplass|e(?:n|ne|r)?)»): a plain alternation
    of a few hundred words makes the regex engine try every word at every letter of every page. Longer
    words come before their prefixes, so «kommunal akutt døgnplass» wins over «kommunal».
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    # Not \b: a term that ends in a bracket or a full stop («helsefellesskap (HF)», «m.m.») has no word boundary
    # after it, and would never match. A term stands alone when no letter or digit touches it.
    return re.compile(r"(?<!\w)" + _trie_regex(trie) + r"(?!\w)")


def _trie_regex(node: dict) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word may end here: then the longer words are tried first, and ending here is the last resort.
    return f"(?:{body})?" if "" in node else body


class FirstUseTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, tooltips: dict[str, str]) -> None:
        super().__init__(md)
        self.tooltips = tooltips
        self.pattern = word_pattern(tuple(tooltips))
        self.order: list[str] = []

    def run(self, root: etree.Element) -> None:
        if not self.tooltips:
            return
        explained: set[str] = set()
        self.order = []
        self._explain_within(root, explained)
        holder = next((e for e in root.iter("div") if WORD_LIST_CLASS in e.get("class", "").split()), None)
        if holder is not None:
            self._list_words(holder, [title for title in self.order if title in explained])

    def _list_words(self, holder: etree.Element, titles: list[str]) -> None:
        """«Ord på denne siden»: each explained word with its explanation, folded away, in reading order."""
        if not titles:
            holder.set("hidden", "hidden")
            return
        details = etree.SubElement(holder, "details", {"class": "note"})
        etree.SubElement(details, "summary").text = phrase("page_words", len(titles))
        words = etree.SubElement(details, "dl")
        for title in titles:
            name, _, definition = title.partition(": ")
            etree.SubElement(words, "dt").text = AtomicString(name)
            etree.SubElement(words, "dd").text = AtomicString(definition)

    def _explain_within(self, element: etree.Element, explained: set[str]) -> None:
        """Walk the children in reading order: an element's text, then each child and the text after it."""
        if element.tag in SKIPPED_TAGS or PLAIN_CLASS in element.get("class", "").split():
            return
        added = self._explain(element.text, explained)
        if added:
            element.text = added.pop(0)
            for position, abbr in enumerate(added):
                element.insert(position, abbr)
        for child in list(element):
            self._explain_within(child, explained)
            added = self._explain(child.tail, explained)
            if added:
                child.tail = added.pop(0)
                position = list(element).index(child) + 1
                for offset, abbr in enumerate(added):
                    element.insert(position + offset, abbr)

    def _explain(self, text: str | None, explained: set[str]) -> list:
        """[text before, abbr, abbr, …] with each abbr's tail set; empty if nothing new is explained here."""
        if not text or isinstance(text, AtomicString):
            return []
        pieces: list = [text]
        cut = 0
        for match in self.pattern.finditer(text):
            title = self.tooltips[match.group(0)]
            if title in explained:
                continue
            explained.add(title)
            self.order.append(title)
            # Focusable, so Material shows the explanation on keyboard focus too, not only on hover (2.1.1).
            abbr = etree.Element("abbr", {"title": title, "tabindex": "0"})
            abbr.text = AtomicString(match.group(0))
            previous = pieces[-1]
            if len(pieces) == 1:
                pieces[0] = text[: match.start()]
            else:
                previous.tail = text[cut : match.start()]
            abbr.tail = text[match.end() :]
            pieces.append(abbr)
            cut = match.end()
        return pieces if len(pieces) > 1 else []


class GlossaryExtension(Extension):
    """Markdown extension: tooltips on the first use of each glossary word on a page."""

    def __init__(self, tooltips: dict[str, str]) -> None:
        super().__init__()
        self.tooltips = tooltips

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        # After inline parsing (links exist, so words in them are skipped), before the table of contents.
        md.treeprocessors.register(FirstUseTreeprocessor(md, self.tooltips), "intro_glossary", 7)
