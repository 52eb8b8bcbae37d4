"""`make tilbakemeldinger`: the answers readers gave to «Fant du det du lette etter?», page by page, for the editors.

nginx writes one line per answer to the log (deploy/nginx/intro-tilbakemelding.conf): a JSON object holding the
form's body as the browser posted it (URL-encoded page, text and answer), and nothing about the reader. logrotate
(deploy/logrotate/) moves it aside once a month and deletes the oldest. This reads the log and the months kept
beside it, and counts, per page, how many said yes and no, with every text; the pages most readers said no to come
first, since those are the pages that fail readers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

from macros.content.errors import IntroError

ANSWERS = ("ja", "nei")
# What a report shows of a text: a reader's sentence or two (the form allows 500 characters).
TEXT_CHARS = 500


class FeedbackLogError(IntroError):
    """The log cannot be read: missing, or not the log nginx writes."""


@dataclass(frozen=True)
class Answer:
    page: str  # the page's address on the site, «/kapitler/lovene/»
    answer: str  # «ja» or «nei»
    text: str  # what the reader wrote, if anything


@dataclass
class PageAnswers:
    page: str
    yes: int = 0
    no: int = 0
    texts: list[tuple[str, str]] = field(default_factory=list)  # (answer, text), in the log's order


def parse_line(line: str) -> Answer | None:
    """One line of the log as an answer, or None for a line that is not one (a foreign or broken line)."""
    try:
        entry = json.loads(line)
    except json.JSONDecodeError:
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("skjema"), str):
        return None
    fields = parse_qs(entry["skjema"], keep_blank_values=True)
    page, answer, text = (fields.get(key, [""])[0] for key in ("side", "svar", "tekst"))
    page = page.split("?")[0].split("#")[0]
    if answer not in ANSWERS or not page.startswith("/"):
        return None
    return Answer(page, answer, " ".join(text.split())[:TEXT_CHARS])


def rotated(path: Path) -> list[Path]:
    """The log and the months logrotate keeps beside it (name.log.1 the month before, name.log.2 before that),
    oldest first."""
    older = [found for found in path.parent.glob(path.name + ".*") if re.fullmatch(r"\d+", found.suffix[1:])]
    return sorted(older, key=lambda found: -int(found.suffix[1:])) + [path]


def read_log(path: Path) -> tuple[list[Answer], int]:
    """The answers in the log and its rotated months, and how many of their lines were not answers."""
    if not path.is_file():
        raise FeedbackLogError(
            f"Finner ikke loggen med tilbakemeldinger: {path}. nginx skriver den når noen svarer på «Fant du det du "
            "lette etter?» (deploy/nginx/intro.conf). Oppgi mappen med PUBLISH_ROOT, eller filen med TILBAKEMELDINGER."
        )
    answers, skipped = [], 0
    for log in rotated(path):
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                continue
            found = parse_line(line)
            if found is None:
                skipped += 1
            else:
                answers.append(found)
    return answers, skipped


def by_page(answers: list[Answer]) -> list[PageAnswers]:
    """Per page, the counts and the texts; the page with the most «nei» first, then the most answers."""
    pages: dict[str, PageAnswers] = {}
    for found in answers:
        entry = pages.setdefault(found.page, PageAnswers(found.page))
        if found.answer == "ja":
            entry.yes += 1
        else:
            entry.no += 1
        if found.text:
            entry.texts.append((found.answer, found.text))
    return sorted(pages.values(), key=lambda p: (-p.no, -(p.yes + p.no), p.page))


def report(answers: list[Answer], skipped: int, source: str) -> str:
    """The editors' report, in Norwegian."""
    pages = by_page(answers)
    lines = [f"Tilbakemeldinger: {len(answers)} svar på {len(pages)} sider (fra {source})."]
    if skipped:
        lines.append(f"{skipped} linjer i loggen var ikke svar og er hoppet over.")
    if not pages:
        lines.append("Ingen har svart ennå.")
        return "\n".join(lines) + "\n"
    lines.append("Sidene flest svarte «nei» på, står først.")
    lines.append("")
    width = max(len(p.page) for p in pages)
    lines.append(f"{'Side':{width}}  {'Ja':>4}  {'Nei':>4}")
    for entry in pages:
        lines.append(f"{entry.page:{width}}  {entry.yes:>4}  {entry.no:>4}")
        for answer, text in entry.texts:
            lines.append(f"    {answer.capitalize()}: «{text}»")
    return "\n".join(lines) + "\n"
