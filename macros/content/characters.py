"""Characters no text in INTRO may hold: control characters and the marks that turn text right to left.

A control character is invisible on the page and makes the course packages invalid XML; a right-to-left override
(U+202E) shows a text in another order than it is written, which hides what a link or a name really says.
Tabs and line breaks are text.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls; the bidirectional embeddings,
# overrides and isolates; and the two code points XML can never carry.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def describe(character: str) -> str:
    """«U+202E (RIGHT-TO-LEFT OVERRIDE)», as a character map shows it."""
    name = unicodedata.name(character, "kontrolltegn")
    return f"U+{ord(character):04X} ({name})"


def problem(text: str) -> str | None:
    """What is wrong with a text's characters, or None."""
    found = UNSAFE.search(text)
    if not found:
        return None
    return (
        f"har tegnet {describe(found.group())}, som er usynlig eller snur retningen på teksten. "
        "Slett det (skriv teksten på nytt, eller lim den inn som ren tekst)"
    )


def lines_with_problems(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, what is wrong) for each line of a text with a character no text may hold."""
    return [(number, found) for number, line in enumerate(text.split("\n"), start=first_line) if (found := problem(line))]
