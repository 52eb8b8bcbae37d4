"""Figures typed into prose: a rate or statistic written into a chapter instead of taken from data/figures.yml.

A rate or a statistic typed into a chapter goes stale without a word. Kept in data/figures.yml, each figure has
its year, its source and a date to check it again, and every page shows it the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.checks import prose

# ---- Figures typed into prose ----


@dataclass(frozen=True)
class TypedFigure:
    line: int  # in the text given, counting from 1
    text: str  # as the author wrote it
    kind: str  # "kroner", "prosent" or "antall"


# What is not prose: template code, link targets, inline code, HTML comments, law paragraphs and phone numbers.
_NOT_PROSE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\]\([^)]*\)|`[^`]*`|<!--.*?-->|https?://\S+"
    r"|§§?\s*\d+(?:\s*[-–]\s*\d+)*(?:\s*[a-z]\b)?(?:\s*(?:og|til|–|-)\s*\d+(?:\s*[-–]\s*\d+)*(?:\s*[a-z]\b)?)*"
    r"|\+47[\d\s]{8,11}|\b\d{2} \d{2} \d{2} \d{2}\b|\b116 ?117\b|\b11[0-3]\b"
    r"|\bI-\d+/\d{4}|\b(?:FOR|LOV)-\d{4}-\d\d-\d\d-\d+|\bNOU \d{4}:\d+"
)
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_KRONER = re.compile(
    rf"(?:\b(?:{_NUMBER})\s*(?:milliarder|millioner|mrd\.|mill\.)?\s*(?:kroner|kr\b|NOK\b)"
    rf"|\bkr\.?\s*(?:{_NUMBER})|\b(?:{_NUMBER}),-)"
)
_PERCENT = re.compile(rf"\b(?:{_NUMBER})\s*(?:%|prosent\b)")
_COUNT = re.compile(rf"\b(?:{_NUMBER})\b")
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ«\d])")
_DIGIT = re.compile(r"\d")


def _is_count(text: str) -> bool:
    """A four-digit count or more; a plain year (1800–2099) is not one."""
    digits = re.sub(r"\D", "", text.split(",")[0])
    if len(digits) < 4:
        return False
    return not (len(text) == 4 and _YEAR.fullmatch(text))


def typed_figures(markdown: str) -> list[TypedFigure]:
    """Amounts in kroner anywhere in the prose, and percentages or counts of four digits or more in a sentence
    without a year. The figures data's own output (tall(…)), law paragraphs and phone numbers do not count."""
    return [figure for paragraph in prose.paragraphs(markdown, _NOT_PROSE) for figure in _in_paragraph(paragraph)]


def _in_paragraph(lines: list[tuple[int, str]]) -> list[TypedFigure]:
    found: list[TypedFigure] = []
    # A table row or a list item is a sentence of its own; so is each sentence of a paragraph.
    for line_number, line in lines:
        if not _DIGIT.search(line):  # every figure has a digit: most lines are passed over at once
            continue
        for sentence in _SENTENCE_END.split(line):
            has_year = bool(_YEAR.search(_KRONER.sub(" ", sentence)))
            taken: list[tuple[int, int]] = []
            for match in _KRONER.finditer(sentence):
                found.append(TypedFigure(line_number, match.group(0).strip(), "kroner"))
                taken.append(match.span())
            for match in _PERCENT.finditer(sentence):
                taken.append(match.span())
                if not has_year:
                    found.append(TypedFigure(line_number, match.group(0).strip(), "prosent"))
            for match in _COUNT.finditer(sentence):
                if any(start <= match.start() < end for start, end in taken):
                    continue
                if _is_count(match.group(0)) and not has_year:
                    found.append(TypedFigure(line_number, match.group(0).strip(), "antall"))
    return found


# Advice per kind, for the author who typed the figure.
ADVICE = {
    "kroner": "Beløpet «{text}» står skrevet rett i teksten, og et beløp blir fort gammelt. Legg det inn i "
    'data/figures.yml med år, kilde og check_by, og skriv {{{{ tall("id") }}}} i stedet.',
    "prosent": "Prosenten «{text}» står uten år i setningen. Legg tallet inn i data/figures.yml og skriv "
    '{{{{ tall("id") }}}}, eller skriv året tallet gjelder for i samme setning.',
    "antall": "Tallet «{text}» står uten år i setningen. Legg tallet inn i data/figures.yml og skriv "
    '{{{{ tall("id") }}}}, eller skriv året tallet gjelder for i samme setning.',
}
