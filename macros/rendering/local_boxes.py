"""The edition's local facts as pages show them: the «Slik er det hos oss» boxes, the urgent-help blocks (for
citizens and for staff), a phone line in a sentence, and who made the edition."""

from __future__ import annotations

import re

from macros.content.errors import AuthorError, ContentError
from macros.content.local import edition_label
from macros.content.model import LocalFacts
from macros.rendering.renderer import render

NUMBER_WORDS = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni", 10: "ti"}
# A Norwegian eight-digit number is dialled with the country code; short numbers (113, 116 117, 116 123) without.
NATIONAL_NUMBER = re.compile(r"^\d{8}$")


def and_list(items: list[str]) -> str:
    """«a», «a og b», «a, b og c»: a list as a Norwegian sentence writes it."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


def tel(number: str) -> str:
    """A phone number as a Markdown link a phone can call: «[55 56 70 70](tel:+4755567070)»."""
    digits = re.sub(r"[^\d+]", "", number)
    if NATIONAL_NUMBER.match(digits):
        digits = "+47" + digits
    return f"[{number}](tel:{digits})"


def local_box(facts: LocalFacts, topic: str) -> str:
    """A «Slik er det hos oss» box with this edition's facts on one topic."""
    return render(
        "local_box.md.j2",
        facts=facts,
        topic=topic,
        and_list=and_list,
        tel=tel,
        number_word=lambda n: NUMBER_WORDS.get(n, str(n)),
    )


def urgent_help(facts: LocalFacts) -> str:
    """The urgent-help block: 113, 116 117, this edition's legevakt and the crisis lines."""
    return render("urgent_help.md.j2", facts=facts, tel=tel, crisis_lines=[line for line in facts.helplines if line.crisis])


def staff_urgent_help(facts: LocalFacts) -> str:
    """The urgent-help block for staff chapters: 113 and HLR, the nurse on duty, and this edition's legevakt."""
    return render("urgent_help_staff.md.j2", facts=facts, and_list=and_list, tel=tel)


def telefon(facts: LocalFacts, helpline: str) -> str:
    """One phone line named in a sentence, as a number a phone can call: «23 32 70 00»."""
    for line in facts.helplines:
        if line.id == helpline:
            return tel(line.phone)
    # missing_facts has named the page and line already; this guards a call built at render time.
    raise ContentError([AuthorError(edition_label(facts.id), f"Telefonlinjen «{helpline}» finnes ikke.", field="helplines")])


def made_by(facts: LocalFacts) -> str:
    """Who made this edition, for the landing page: each edition names its own cluster."""
    return render("made_by.md.j2", facts=facts)
