"""Local facts per edition: the «Slik er det hos oss» boxes, and the check that every asked-for fact exists."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from macros import yamlio
from macros.errors import AuthorError, ContentError, from_validation, from_yaml
from macros.model import LOCAL_TOPICS, LocalFacts
from macros.render import _render

BOX_CALL = re.compile(r"""hos_oss\(\s*["']([^"']*)["']\s*\)""")


def load_facts(editions_dir: Path, edition: str) -> LocalFacts:
    """The validated facts of one edition; ContentError names the file and field when they are wrong."""
    path = editions_dir / f"{edition}.yml"
    label = f"data/editions/{edition}.yml"
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


def missing_facts(facts: LocalFacts, markdown: str, page_label: str, line_offset: int) -> list[AuthorError]:
    """An error for each box on a page that asks for a fact this edition does not have."""
    problems = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        for topic in BOX_CALL.findall(line):
            if topic not in LOCAL_TOPICS:
                problems.append(AuthorError(page_label, f"«{topic}» er ikke et tema for «Slik er det hos oss». "
                                            f"Velg blant: {', '.join(LOCAL_TOPICS)}.", line=number + line_offset))
                continue
            for field in LOCAL_TOPICS[topic]:
                if getattr(facts, field) in (None, []):
                    problems.append(AuthorError(
                        page_label, f"ber om det lokale faktaet «{field}» (boksen «{topic}»), men utgaven "
                        f"«{facts.id}» har det ikke. Legg det inn i data/editions/{facts.id}.yml.",
                        line=number + line_offset))
    return problems


def local_box(facts: LocalFacts, topic: str) -> str:
    """A «Slik er det hos oss» box with this edition's facts on one topic."""
    return _render("local_box.md.j2", facts=facts, topic=topic)


def made_by(facts: LocalFacts) -> str:
    """Who made this edition, for the landing page: each edition names its own cluster."""
    return _render("made_by.md.j2", facts=facts)
