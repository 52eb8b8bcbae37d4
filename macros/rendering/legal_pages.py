"""The edition's legal pages, from its own facts and the shared data: who owns it and how to give feedback
(«Om INTRO»), the privacy statement («Personvern») and the accessibility statement («Tilgjengelighet»).

Pure: given the edition's facts (and the shared legal data), each function returns Markdown, rendered for the
build's edition (its address comes from the renderer). The macros: om_eieren(), tilbakemelding(), personvern() and
tilgjengelighet().
"""

from __future__ import annotations

from urllib.parse import urlsplit

from macros.content.identity import Identity
from macros.content.legal import Legal
from macros.content.model import Accessibility, Criterion, LocalFacts
from macros.content.norwegian import date as norwegian_date
from macros.rendering.renderer import current, render

NUMBER_WORDS = {1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}
PRINCIPLES = {"1": "Mulig å oppfatte", "2": "Mulig å betjene", "3": "Forståelig", "4": "Robust"}
STATUS_WORDS = {"samsvar": "Oppfylt", "brudd": "Ikke oppfylt", "ikke-relevant": "Ikke relevant"}


def _host(identity: Identity | None) -> str:
    url = identity.url if identity else ""
    return urlsplit(url).netloc or url


def _context(facts: LocalFacts) -> dict:
    return {
        "facts": facts,
        "owner": facts.owner,
        "feedback": facts.feedback,
        "hosting": facts.hosting,
        "host": _host(current().edition),
        "weeks": _weeks(facts),
    }


def _weeks(facts: LocalFacts) -> str:
    weeks = facts.feedback.answer_weeks if facts.feedback else 3
    return f"{NUMBER_WORDS.get(weeks, str(weeks))} {'uke' if weeks == 1 else 'uker'}"


def owner_section(facts: LocalFacts) -> str:
    """«Hvem står bak denne utgaven?»: the edition's owner, as its facts say, for «Om INTRO»."""
    return render("legal_owner.md.j2", **_context(facts))


def feedback_section(facts: LocalFacts) -> str:
    """«Gi tilbakemelding»: the edition's own address and the answer time."""
    return render("legal_feedback.md.j2", **_context(facts))


def privacy_statement(facts: LocalFacts, legal: Legal) -> str:
    """The privacy statement: controller, what the browser keeps, what the server handles, rights, Datatilsynet."""
    return render("legal_privacy.md.j2", privacy=legal.privacy, **_context(facts))


def breach_count(accessibility: Accessibility) -> int:
    return sum(criterion.status == "brudd" for criterion in accessibility.criteria)


def _principles(criteria: list[Criterion]) -> list[tuple[str, list[Criterion]]]:
    return [
        (f"Prinsipp {number}. {name}", [c for c in criteria if c.id.startswith(number + ".")])
        for number, name in PRINCIPLES.items()
    ]


def accessibility_statement(facts: LocalFacts, legal: Legal) -> str:
    """The accessibility statement in uustatus.no's form, with the text the editors paste into uustatus.no."""
    accessibility = legal.accessibility
    return render(
        "legal_accessibility.md.j2",
        accessibility=accessibility,
        breaches=breach_count(accessibility),
        principles=_principles(accessibility.criteria),
        status_words=STATUS_WORDS,
        assessed=norwegian_date(accessibility.assessed),
        **_context(facts),
    )
