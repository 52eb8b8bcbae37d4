"""Norwegian words that may break between syllables: soft hyphens in headings and the self-check's questions.

At 200 % zoom on a phone a heading has room for nine or ten letters a line, and a Norwegian compound
(«omsorgstjenestene») is longer: it was cut off at the edge (WCAG 1.4.10). CSS `hyphens: auto` needs the browser's
hyphenation dictionary for Norwegian, which Debian's chromium does not have offline (nor does a kiosk without the
internet), so the build writes soft hyphens (U+00AD) between the syllables of long words, from pyphen's nb_NO
dictionary (the hyphenation patterns LibreOffice uses). A soft hyphen is invisible until a line breaks there; search,
screen readers and copying skip it. Only headings and the self-check's questions and answers get them: never a link,
code or a page's running text.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as etree  # noqa: N813 - the name Python-Markdown gives it
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pyphen
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SOFT_HYPHEN = "\u00ad"
# Words this long may not fit a heading's line at 200 % zoom on a phone; shorter ones always do.
SHORTEST_WORD = 10
WORD = re.compile(f"[A-Za-zÆØÅæøåÉéÜü]{{{SHORTEST_WORD},}}")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Inside these, text is left as written: a link's words, code.
KEPT = frozenset({"a", "code", "kbd", "pre", "script", "style"})


# At least three letters on each side: «om-sorgs-», never «o-».
LEFT = RIGHT = 3


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nb_NO", left=LEFT, right=RIGHT)


# Reading the dictionary costs a build more than all its hyphenation: the words hyphenated are kept between builds
# (keep_words, save_words), so a build whose headings have no new long word never reads it.
_kept: Path | None = None
_known: dict[str, str] = {}
_learned = False


def keep_words(folder: Path) -> None:
    """Keep the words hyphenated in folder between builds, in a file of pyphen's version and these settings."""
    global _kept
    _kept = folder / f"nb_NO-pyphen-{version('pyphen')}-{LEFT}-{RIGHT}.json"
    try:
        kept = json.loads(_kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(kept, dict):
        # Only a word with soft hyphens put in: a file changed by hand can add nothing else to a heading.
        _known.update(
            {w: h for w, h in kept.items() if isinstance(w, str) and isinstance(h, str) and h.replace(SOFT_HYPHEN, "") == w}
        )


def save_words() -> None:
    """Write the words kept, if this build hyphenated a new one (replacing the file whole, never half-written)."""
    global _learned
    if _kept is None or not _learned:
        return
    _kept.parent.mkdir(parents=True, exist_ok=True)
    written = _kept.with_suffix(f".{os.getpid()}.tmp")
    written.write_text(json.dumps(_known, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(written, _kept)
    _learned = False


def _word(word: str) -> str:
    global _learned
    found = _known.get(word)
    if found is None:
        found = _known[word] = _dictionary().inserted(word, hyphen=SOFT_HYPHEN)
        _learned = True
    return found


def soft_hyphens(text: str) -> str:
    """The text with soft hyphens between the syllables of its long words («om­sorgs­tje­nes­te­ne»)."""
    return WORD.sub(lambda match: _word(match.group(0)), text)


def _hyphenate(element: etree.Element) -> None:
    if element.tag in KEPT:
        return
    if element.text:
        element.text = soft_hyphens(element.text)
    for child in element:
        _hyphenate(child)
        if child.tail:
            child.tail = soft_hyphens(child.tail)


class HeadingTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in HEADINGS:
                _hyphenate(element)


class HyphenationExtension(Extension):
    """Markdown extension: soft hyphens in the long words of every heading."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        # After the table of contents (priority 5) has made each heading's anchor and menu entry from its words.
        md.treeprocessors.register(HeadingTreeprocessor(md), "intro_hyphenation", 4)
