"""The programmes' own data (data/programmes/<programme>.yml): stations, role cards, stories and the timetable.

One file per programme page under docs/programmer/. The timetable is computed from it, so the times on the page,
the rotation plan and the printed sheets always add up; the station posters come from the same stations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from macros.content import yamlio
from macros.content.errors import AuthorError, from_validation
from macros.content.macro_calls import calls
from macros.content.macro_specs import BY_NAME
from macros.content.model import Programme, Station
from macros.content.site_map import PROGRAMMES_FOLDER

DATA_FOLDER = "programmes"
# «Første stasjon.», as the programme pages have always said it.
ORDINALS = (
    "Første",
    "Andre",
    "Tredje",
    "Fjerde",
    "Femte",
    "Sjette",
    "Sjuende",
    "Åttende",
    "Niende",
    "Tiende",
    "Ellevte",
    "Tolvte",
)
GROUPS = "ABCDEFGHIJKL"


@dataclass(frozen=True)
class Slot:
    """One line of the timetable, in minutes from the start; round is 1, 2, … for a station round."""

    start: int
    end: int
    name: str
    what: str
    round: int | None = None


def page_of(data_file: Path) -> str:
    """data/programmes/forste-mote.yml → programmer/forste-mote.md"""
    return f"{PROGRAMMES_FOLDER}{data_file.stem}.md"


def read_programmes(
    data_dir: Path,
    page_uris: set[str],
    chapter_sections: dict[str, dict[str, str]],
    errors: list[AuthorError],
    question_counts: dict[str, int] | None = None,
) -> dict[str, Programme]:
    """Every programme's data, by its page; each station's and answer note's chapter and heading must exist, and
    each question on the quiz sheet (question_counts: chapter id → how many questions its self-check has)."""
    folder = data_dir / DATA_FOLDER
    programmes: dict[str, Programme] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        label = f"data/{DATA_FOLDER}/{path.name}"
        page = page_of(path)
        if page not in page_uris:
            if not any(uri.startswith(PROGRAMMES_FOLDER) for uri in page_uris):
                continue  # only some pages were read (as the tests do): the programmes are not among them
            errors.append(
                AuthorError(
                    label,
                    f"Det finnes ingen side docs/{page}. Filen skal hete som "
                    "opplegget den hører til, for eksempel forste-mote.yml for "
                    "docs/programmer/forste-mote.md.",
                )
            )
            continue
        try:
            read = yamlio.read(path, label)
        except yamlio.Unreadable as unreadable:
            errors.append(unreadable.error)
            continue
        try:
            programme = Programme.model_validate(read.data)
        except ValidationError as error:
            errors.extend(from_validation(label, error, line_of=read.line_of))
            continue
        for number, station in enumerate(programme.stations, start=1):
            errors.extend(_station_problems(label, number, station, chapter_sections))
        for number, note in enumerate(programme.answer_notes, start=1):
            errors.extend(_link_problems(label, f"answer_notes nr. {number}", note.chapter, note.section, chapter_sections))
        if question_counts is not None:
            errors.extend(_quiz_problems(label, programme, question_counts))
        programmes[page] = programme
    for page in sorted(page_uris):
        stem = page.removeprefix(PROGRAMMES_FOLDER).removesuffix(".md")
        if page.startswith(PROGRAMMES_FOLDER) and "/" not in stem and stem != "index" and not (folder / f"{stem}.yml").is_file():
            errors.append(
                AuthorError(
                    f"docs/{page}",
                    f"Opplegget har ingen data. Lag filen data/{DATA_FOLDER}/{stem}.yml "
                    "med timeplanen (minutes og schedule), slik de andre oppleggene har.",
                )
            )
    return programmes


def macro_problems(pages: dict[str, tuple[str, int]], programmes: dict[str, Programme]) -> list[AuthorError]:
    """A macro that shows a programme's data on a page without it, or its stations in a programme without any
    (MacroSpec.programme and .stations). pages: src_uri → (body, lines before it)."""
    problems = []
    for src_uri, (body, offset) in sorted(pages.items()):
        for call in calls(body):
            spec, line = BY_NAME.get(call.name), call.line + offset
            if spec is None or not spec.programme:
                continue
            name = call.name
            if src_uri not in programmes:
                problems.append(
                    AuthorError(
                        f"docs/{src_uri}",
                        f"«{name}()» viser delene av et introduksjonsopplegg. "
                        "Den virker bare på en side under docs/programmer/ som har data i "
                        f"data/{DATA_FOLDER}/.",
                        line=line,
                    )
                )
            elif spec.stations and not programmes[src_uri].stations:
                problems.append(
                    AuthorError(
                        f"docs/{src_uri}",
                        f"«{name}()» viser stasjonene, men opplegget har "
                        f"ingen stasjoner i data/{DATA_FOLDER}/. Fjern makroen, eller legg inn "
                        "stasjonene (stations).",
                        line=line,
                    )
                )
    return problems


def _station_problems(
    label: str, number: int, station: Station, chapter_sections: dict[str, dict[str, str]]
) -> list[AuthorError]:
    return _link_problems(label, f"stations nr. {number} («{station.name}»)", station.chapter, station.section, chapter_sections)


def _link_problems(
    label: str, where: str, chapter: str, section: str | None, chapter_sections: dict[str, dict[str, str]]
) -> list[AuthorError]:
    if chapter not in chapter_sections:
        return [
            AuthorError(
                label,
                f"viser til kapitlet «{chapter}», men ingen kapitler har den id-en. Skriv id-en til kapitlet det skal lenke til.",
                field=f"{where}, chapter",
            )
        ]
    sections = chapter_sections[chapter]
    if section and section not in sections:
        return [
            AuthorError(
                label,
                f"viser til overskriften «{section}», som ikke finnes i kapitlet "
                f"«{chapter}». Overskriftene der er: {', '.join(sections) or 'ingen'}.",
                field=f"{where}, section",
            )
        ]
    return []


def _quiz_problems(label: str, programme: Programme, question_counts: dict[str, int]) -> list[AuthorError]:
    """Each question picked for the quiz sheet must exist in its chapter's «Test deg selv»."""
    problems = []
    for number, pick in enumerate(programme.quiz, start=1):
        where = f"quiz nr. {number}"
        count = question_counts.get(pick.chapter)
        if count is None:
            problems.append(
                AuthorError(
                    label,
                    f"viser til kapitlet «{pick.chapter}», men det kapitlet har ingen "
                    "«Test deg selv» (data/selvtest/). Velg et kapittel som har spørsmål.",
                    field=f"{where}, chapter",
                )
            )
            continue
        wrong = [q for q in pick.questions if not 1 <= q <= count]
        if wrong:
            problems.append(
                AuthorError(
                    label,
                    f"viser til spørsmål {wrong[0]}, men «{pick.chapter}» har {count} spørsmål. Skriv et tall fra 1 til {count}.",
                    field=f"{where}, questions",
                )
            )
    return problems


def timetable(programme: Programme) -> list[Slot]:
    """The programme's lines with their clock times; each station round on a line of its own."""
    slots: list[Slot] = []
    start, rounds = 0, 0
    for activity in programme.schedule:
        for _ in range(activity.rounds or 1):
            end = start + activity.minutes
            if activity.rounds:
                rounds += 1
                slots.append(Slot(start, end, f"Runde {rounds}", f"{ORDINALS[rounds - 1]} stasjon.", rounds))
            else:
                slots.append(Slot(start, end, activity.name or "", activity.what or ""))
            start = end
    return slots


def rotation(programme: Programme) -> list[tuple[str, list[int]]]:
    """Each group's stations round by round (numbers from 1): group A starts at station 1, B at 2, and so on,
    and each moves on to the next number, so every group visits every station once."""
    count = len(programme.stations)
    return [(GROUPS[group], [(group + turn) % count + 1 for turn in range(count)]) for group in range(count)]


def clock(minutes: int) -> str:
    """65 → «1:05»: time from the start of the programme."""
    return f"{minutes // 60}:{minutes % 60:02d}"
