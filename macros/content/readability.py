"""Readability of Norwegian prose: LIX (läsbarhetsindex) and reading time.

LIX = words per sentence + percentage of words longer than six letters.
Under 30 is very easy, 40 is ordinary newspaper text, above 50 is hard.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

READING_WORDS_PER_MINUTE = 180  # newcomers reading a second-language or technical text
LIX_LIMIT = 55  # above this a chapter does not build
LIX_MEDIAN_GOAL = 45

_FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.M | re.S)
_HTML_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_ADMONITION = re.compile(r'^\s*(!!!|\?\?\?\+?|///)\s*[\w-]*\s*(".*?")?\s*$', re.M)
_ATTR_LIST = re.compile(r"\{[:.#][^}]*\}")
_BLOCK_LINE = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|\|)", re.M)
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜüÖöÄä]+(?:[-'][A-Za-zÆØÅæøåÉéÜüÖöÄä]+)*")
_BREAK = "\x00"
# A sentence ends at a full stop, colon and the like, at a blank line, or where a block starts.
_SENTENCE_SPLIT = re.compile(r"[.!?:;]+(?=\s|$)|\n\s*\n|\x00")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        if not self.words:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / READING_WORDS_PER_MINUTE))


def prose(markdown: str) -> str:
    """The running text of a Markdown body, without code, markup, tags or link targets."""
    text = _FENCE.sub("", markdown)
    text = _JINJA.sub("", text)
    text = _ABBR_DEF.sub("", text)
    text = _ADMONITION.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _ATTR_LIST.sub("", text)
    # Headings, list items and table rows stand alone: each ends a sentence.
    text = _BLOCK_LINE.sub(_BREAK, text)
    return text.replace("|", _BREAK)


@lru_cache(maxsize=4096)  # a `make serve` rebuild measures every chapter again; most have not changed
def measure(markdown: str) -> Readability:
    """Count words, sentences and long words (more than six letters) in a Markdown body."""
    text = prose(markdown)
    words = _WORD.findall(text)
    sentences = sum(1 for part in _SENTENCE_SPLIT.split(text) if _WORD.search(part))
    return Readability(
        words=len(words),
        sentences=sentences,
        long_words=sum(1 for word in words if len(word) > 6),
    )
