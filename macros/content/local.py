"""Local facts per edition: the «Slik er det hos oss» boxes, the urgent-help block, the check that every
asked-for fact exists, and the dates when each fact must be checked again."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from macros.authoring import BY_NAME, HELPLINE, TOPIC
from macros.checks.templates import calls
from macros.content import yamlio
from macros.content.errors import AuthorError, ContentError, from_validation
from macros.content.model import LOCAL_TOPICS, LocalFacts, Sourced
from macros.rendering.render import _render

# A Norwegian eight-digit number is dialled with the country code; short numbers (113, 116 117, 116 123) without.
NATIONAL_NUMBER = re.compile(r"^\d{8}$")

NUMBER_WORDS = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni", 10: "ti"}


def edition_label(edition: str) -> str:
    return f"data/editions/{edition}.yml"


def load_facts(editions_dir: Path, edition: str, on: dt.date | None = None) -> LocalFacts:
    """The validated facts of one edition (as of the day on: no check date years ahead); ContentError names the
    file, line and field when they are wrong."""
    path = editions_dir / f"{edition}.yml"
    label = edition_label(edition)
    if not path.is_file():
        raise ContentError(
            [
                AuthorError(
                    label,
                    f"Utgaven «{edition}» har ingen fil med lokale fakta. Lag filen (kopier en av de andre i data/editions/).",
                )
            ]
        )
    try:
        read = yamlio.read(path, label)
    except yamlio.Unreadable as unreadable:
        raise ContentError([unreadable.error]) from None
    if on is None:
        from macros.content.review import today  # review builds on the content model

        on = today()
    try:
        return LocalFacts.model_validate(read.data, context={"today": on})
    except ValidationError as error:
        raise ContentError(from_validation(label, error, line_of=read.line_of)) from None


def _lacks(facts: LocalFacts, field: str) -> bool:
    return getattr(facts, field) in (None, [])


def _missing(facts: LocalFacts, fields: tuple[str, ...], what: str, page_label: str, line: int) -> list[AuthorError]:
    return [
        AuthorError(
            page_label,
            f"ber om det lokale faktaet «{field}» ({what}), men utgaven «{facts.id}» har "
            f"det ikke. Legg det inn i {edition_label(facts.id)}.",
            line=line,
        )
        for field in fields
        if _lacks(facts, field)
    ]


def missing_facts(facts: LocalFacts, markdown: str, page_label: str, line_offset: int) -> list[AuthorError]:
    """An error for each macro on a page that asks for a fact this edition does not have: a «Slik er det hos oss»
    box on a topic (authoring.TOPIC), and a macro that always shows some facts (MacroSpec.facts)."""
    problems = []
    for call in calls(markdown):
        spec, line = BY_NAME.get(call.name), call.line + line_offset
        if spec is None:
            continue
        if spec.argument == TOPIC:
            topic = call.args[0] if call.args else None
            if topic not in LOCAL_TOPICS:
                problems.append(
                    AuthorError(
                        page_label,
                        f"«{topic}» er ikke et tema for «Slik er det hos oss». Velg blant: {', '.join(LOCAL_TOPICS)}.",
                        line=line,
                    )
                )
                continue
            problems += _missing(facts, LOCAL_TOPICS[str(topic)], f"boksen «{topic}»", page_label, line)
        if spec.facts:
            problems += _missing(facts, spec.facts, f"{call.name}()", page_label, line)
        if spec.argument == HELPLINE:
            helpline = str(call.args[0]) if call.args else ""
            known = [h.id for h in facts.helplines] if facts is not None else []
            if helpline not in known:
                problems.append(
                    AuthorError(
                        page_label,
                        f'telefon("{helpline}") ber om en telefonlinje som utgaven '
                        f"«{facts.id}» ikke har. Legg den inn under helplines i "
                        f"{edition_label(facts.id)}, eller velg blant: {', '.join(known) or 'ingen'}.",
                        line=line,
                    )
                )
    return problems


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
    return _render(
        "local_box.md.j2", facts=facts, topic=topic, and_list=and_list, tel=tel, number_word=lambda n: NUMBER_WORDS.get(n, str(n))
    )


def urgent_help(facts: LocalFacts) -> str:
    """The urgent-help block: 113, 116 117, this edition's legevakt and the crisis lines."""
    return _render("urgent_help.md.j2", facts=facts, tel=tel, crisis_lines=[line for line in facts.helplines if line.crisis])


def telefon(facts: LocalFacts, helpline: str) -> str:
    """One phone line named in a sentence, as a number a phone can call: «23 32 70 00»."""
    for line in facts.helplines:
        if line.id == helpline:
            return tel(line.phone)
    # missing_facts has named the page and line already; this guards a call built at render time.
    raise KeyError(f"Telefonlinjen «{helpline}» finnes ikke i {edition_label(facts.id)}.")


def staff_urgent_help(facts: LocalFacts) -> str:
    """The urgent-help block for staff chapters: 113 and HLR, the nurse on duty, and this edition's legevakt."""
    return _render("urgent_help_staff.md.j2", facts=facts, and_list=and_list, tel=tel)


def made_by(facts: LocalFacts) -> str:
    """Who made this edition, for the landing page: each edition names its own cluster."""
    return _render("made_by.md.j2", facts=facts)


# ---- Staleness ----


def _label(fact: Sourced, field: str) -> str:
    name = getattr(fact, "name", None)
    return f"Faktaet «{name}» ({field})" if name else f"Faktaet «{field}»"


def dated_facts(facts: LocalFacts) -> Iterator[tuple[str, str, dt.date, str]]:
    """Every local fact as (label, where, check_by, source url), for the shared staleness rule."""
    where = edition_label(facts.id)
    for field in LocalFacts.model_fields:
        value = getattr(facts, field)
        for fact in value if isinstance(value, list) else [value]:
            if isinstance(fact, Sourced):
                yield _label(fact, field), where, fact.check_by, str(fact.source.url)
