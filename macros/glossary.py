"""Hover definitions: every glossary term, wherever it is used, explained in a tooltip.

Python-Markdown's abbr extension turns every use of a word in its glossary into <abbr title=…>,
and Material shows the title as a tooltip. The plugin hands it these words, so authors mark up
nothing by hand. (Appending `*[word]: …` lines to each page instead costs quadratic parsing time.)
"""

from __future__ import annotations

from macros.model import GlossaryTerm


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


def search_tags(glossary: list[GlossaryTerm], chapter_id: str) -> list[str]:
    """The terms and abbreviations a chapter explains, as the glossary says."""
    return [word for term in glossary if term.chapter == chapter_id
            for word in (term.term, term.abbreviation) if word]
