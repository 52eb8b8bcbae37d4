"""The edition's local facts as pages show them: the «Slik er det hos oss» boxes, the urgent-help block and who
made the edition."""

from __future__ import annotations

from macros.content.model import LocalFacts
from macros.rendering.renderer import render

NUMBER_WORDS = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni", 10: "ti"}


def and_list(items: list[str]) -> str:
    """«a», «a og b», «a, b og c»: a list as a Norwegian sentence writes it."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


def local_box(facts: LocalFacts, topic: str) -> str:
    """A «Slik er det hos oss» box with this edition's facts on one topic."""
    return render(
        "local_box.md.j2", facts=facts, topic=topic, and_list=and_list, number_word=lambda n: NUMBER_WORDS.get(n, str(n))
    )


def urgent_help(facts: LocalFacts) -> str:
    """The urgent-help block: 113, 116 117 and this edition's legevakt."""
    return render("urgent_help.md.j2", facts=facts)


def made_by(facts: LocalFacts) -> str:
    """Who made this edition, for the landing page: each edition names its own cluster."""
    return render("made_by.md.j2", facts=facts)
