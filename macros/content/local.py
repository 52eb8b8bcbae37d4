"""Local facts per edition: the «Slik er det hos oss» boxes, the urgent-help block, the check that every
asked-for fact exists, and the dates when each fact must be checked again."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import ValidationError

from macros.content import yamlio
from macros.content.errors import AuthorError, ContentError, from_validation, from_yaml
from macros.content.model import LOCAL_TOPICS, URGENT_HELP_FACTS, LocalFacts, Sourced
from macros.rendering.render import _render

BOX_CALL = re.compile(r"""hos_oss\(\s*["']([^"']*)["']\s*\)""")
URGENT_CALL = re.compile(r"""akutt_hjelp\(\s*\)""")
# The pages about INTRO name the edition's owner and feedback address (macros/rendering/legal_pages.py).
LEGAL_CALL = re.compile(r"""\b(om_eieren|tilbakemelding|personvern|tilgjengelighet)\(\s*\)""")
LEGAL_FACTS = ("owner", "feedback")

NUMBER_WORDS = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni", 10: "ti"}


def edition_label(edition: str) -> str:
    return f"data/editions/{edition}.yml"


def load_facts(editions_dir: Path, edition: str) -> LocalFacts:
    """The validated facts of one edition; ContentError names the file and field when they are wrong."""
    path = editions_dir / f"{edition}.yml"
    label = edition_label(edition)
    if not path.is_file():
        raise ContentError([AuthorError(label, f"Utgaven «{edition}» har ingen fil med lokale fakta. Lag filen "
                                        "(kopier en av de andre i data/editions/).")])
    text = path.read_text(encoding="utf-8")
    try:
        return LocalFacts.model_validate(yamlio.load(text))
    except yaml.YAMLError as error:
        raise ContentError([from_yaml(label, error, front_matter=False)]) from None
    except ValidationError as error:
        raise ContentError(from_validation(label, error, "\n" + text)) from None


def _lacks(facts: LocalFacts, field: str) -> bool:
    return getattr(facts, field) in (None, [])


def _missing(facts: LocalFacts, fields: tuple[str, ...], what: str, page_label: str, line: int) -> list[AuthorError]:
    return [AuthorError(page_label, f"ber om det lokale faktaet «{field}» ({what}), men utgaven «{facts.id}» har "
                        f"det ikke. Legg det inn i {edition_label(facts.id)}.", line=line)
            for field in fields if _lacks(facts, field)]


def missing_facts(facts: LocalFacts, markdown: str, page_label: str, line_offset: int) -> list[AuthorError]:
    """An error for each box on a page that asks for a fact this edition does not have."""
    problems = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        for topic in BOX_CALL.findall(line):
            if topic not in LOCAL_TOPICS:
                problems.append(AuthorError(page_label, f"«{topic}» er ikke et tema for «Slik er det hos oss». "
                                            f"Velg blant: {', '.join(LOCAL_TOPICS)}.", line=number + line_offset))
                continue
            problems += _missing(facts, LOCAL_TOPICS[topic], f"boksen «{topic}»", page_label, number + line_offset)
        if URGENT_CALL.search(line):
            problems += _missing(facts, URGENT_HELP_FACTS, "akutt_hjelp()", page_label, number + line_offset)
        for name in LEGAL_CALL.findall(line):
            problems += _missing(facts, LEGAL_FACTS, f"{name}()", page_label, number + line_offset)
    return problems


def and_list(items: list[str]) -> str:
    """«a», «a og b», «a, b og c»: a list as a Norwegian sentence writes it."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


def local_box(facts: LocalFacts, topic: str) -> str:
    """A «Slik er det hos oss» box with this edition's facts on one topic."""
    return _render("local_box.md.j2", facts=facts, topic=topic, and_list=and_list,
                   number_word=lambda n: NUMBER_WORDS.get(n, str(n)))


def urgent_help(facts: LocalFacts) -> str:
    """The urgent-help block: 113, 116 117 and this edition's legevakt."""
    return _render("urgent_help.md.j2", facts=facts)


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
