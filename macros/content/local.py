"""Local facts per edition: loading them, the check that every fact a page asks for exists, and the dates when each
fact must be checked again. (The boxes that show them are rendering/local_boxes.py's.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from macros.content import yamlio
from macros.content.errors import AuthorError, ContentError, from_validation
from macros.content.macro_calls import calls
from macros.content.macro_specs import BY_NAME, HELPLINE, TOPIC
from macros.content.model import LOCAL_TOPICS, LocalFacts, Sourced


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
        from macros.content.clock import today

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
