"""What a programme page shows from its data, and its «Materiell» page: everything a facilitator prints.

Pure: given the validated site (and the edition's facts or identity), each function returns Markdown.
The macros on a programme page: laeringsmal(), programplan(), rotasjonsplan(), stasjoner(), fortelling(), bestilling(),
ramme_for_dagen() and materiell(). What every programme shares (the checklist, the brief, the voluntariness lines,
the debrief and the evaluation form) is written once, in programme_frame.md.j2 and materials_page.md.j2; each
programme adds its own in its data.
"""

from __future__ import annotations

import posixpath

from macros.content.errors import AuthorError, ContentError
from macros.content.identity import Identity
from macros.content.model import LocalFacts, Programme
from macros.content.programmes import clock, rotation, timetable
from macros.content.site import Site
from macros.rendering.posters import station_path, station_url
from macros.rendering.quiz_sheets import has_quiz, questions_html
from macros.rendering.render import link
from macros.rendering.renderer import for_edition, render

MATERIALS_PREFIX = "materiell-"


def materials_src_uri(programme_src_uri: str) -> str:
    """programmer/forste-mote.md → programmer/materiell-forste-mote.md"""
    folder, name = posixpath.split(programme_src_uri)
    return posixpath.join(folder, MATERIALS_PREFIX + name)


def _programme(site: Site, src_uri: str) -> Programme:
    if src_uri not in site.programmes:
        stem = posixpath.basename(src_uri).removesuffix(".md")
        raise ContentError(
            [AuthorError(f"docs/{src_uri}", f"Siden har ingen data. Lag filen data/programmes/{stem}.yml med timeplanen.")]
        )
    return site.programmes[src_uri]


def _rounds(programme: Programme) -> list[dict]:
    return [
        {"number": slot.round, "time": f"{clock(slot.start)}–{clock(slot.end)}"} for slot in timetable(programme) if slot.round
    ]


# The sheets every programme prints for the facilitator and the participants, before and after its own parts.
FACILITATOR_SHEETS = (("sjekkliste", "Sjekkliste for kursholderen"), ("brief", "Brief ved start (3 minutter)"))
CLOSING_SHEETS = (("oppsummering", "Oppsummering"), ("evaluering", "Evaluering"))


def _contents(programme: Programme, quiz: bool) -> list[tuple[str, str]]:
    """(anchor, heading) of each part of the materials page, in print order."""
    parts = list(FACILITATOR_SHEETS)
    if programme.answer_notes:
        parts.append(("svar-til-kursholderen", "Svar til kursholderen"))
    if programme.stations:
        parts += [("rotasjonsplan", "Rotasjonsplan")]
        parts += [(f"stasjon-{s.id}", f"Stasjon {n}: {s.name}") for n, s in enumerate(programme.stations, start=1)]
    if programme.roles:
        parts.append(("rollekort", "Rollekort"))
    parts += [(f"fortelling-{case.id}", case.title) for case in programme.cases]
    parts += list(CLOSING_SHEETS)
    if quiz:
        parts.append(("sporreark", "Spørreark (valgfritt)"))
    return parts


def _answer_notes(site: Site, src_uri: str, programme: Programme) -> list[dict]:
    return [
        {
            "note": note,
            "chapter": site.chapters[note.chapter].meta.title,
            "link": link(src_uri, site.chapters[note.chapter].src_uri) + (f"#{note.section}" if note.section else ""),
        }
        for note in programme.answer_notes
    ]


# ---- Macros on a programme page ----


def learning_goals(site: Site, src_uri: str) -> str:
    """«Etter opplegget kan deltakerne:» and the goals, which the evaluation form asks about too."""
    return render("programme_goals.md.j2", goals=_programme(site, src_uri).learning_goals)


def day_frame(site: Site, src_uri: str) -> str:
    """The safe frame of the day: what is voluntary and stays in the room, the brief at the start, the
    facilitator's checklist (every station's test mode included), accessibility arrangements, the debrief and
    the evaluation form, with links to the sheets on the «Materiell» page. The lab's own accessibility facts
    are in the booking box ({{ bestilling() }}) and on the printed checklist."""
    programme = _programme(site, src_uri)
    materials = link(src_uri, materials_src_uri(src_uri))
    return render(
        "programme_frame.md.j2", programme=programme, materials=materials, answer_notes=_answer_notes(site, src_uri, programme)
    )


def programme_plan(site: Site, src_uri: str) -> str:
    """The programme's timetable, with clock times computed from the minutes."""
    return render("programme_plan.md.j2", slots=timetable(_programme(site, src_uri)), clock=clock)


def rotation_plan(site: Site, src_uri: str) -> str:
    """Which station each group is at in each round."""
    programme = _programme(site, src_uri)
    return render("programme_rotation.md.j2", stations=programme.stations, rounds=_rounds(programme), groups=rotation(programme))


def stations(site: Site, src_uri: str) -> str:
    """Each station as the page describes it: what it is, and what the group does there."""
    programme = _programme(site, src_uri)
    return render(
        "programme_stations.md.j2",
        stations=[
            {
                "station": station,
                "number": number,
                "link": link(src_uri, site.chapters[station.chapter].src_uri)
                + (f"#{station.section}" if station.section else ""),
                "chapter": site.chapters[station.chapter].meta.title,
                "poster": link(src_uri, station_path(src_uri, station.id)),
            }
            for number, station in enumerate(programme.stations, start=1)
        ],
    )


def case_stories(site: Site, src_uri: str) -> str:
    """The programme's stories, as the example boxes the groups read."""
    return render("programme_cases.md.j2", cases=_programme(site, src_uri).cases)


def materials_link(site: Site, src_uri: str) -> str:
    """A link to the programme's «Materiell» page, naming what it holds."""
    programme = _programme(site, src_uri)
    parts = (
        (["rotasjonsplanen", "ett ark per stasjon"] if programme.stations else [])
        + (["rollekortene"] if programme.roles else [])
        + [f"fortellingen «{case.title}»" for case in programme.cases]
        + ["sjekklisten, briefen og evalueringsskjemaet"]
        + (["spørrearket"] if has_quiz(site, src_uri) else [])
    )
    return render("programme_materials_link.md.j2", link=link(src_uri, materials_src_uri(src_uri)), parts=parts)


def booking(facts: LocalFacts | None) -> str:
    """How a group books this edition's lab or workshop, from the edition's own facts."""
    return render("programme_booking.md.j2", arena=facts.test_arena if facts else None)


# ---- The «Materiell» page ----


def materials_markdown(site: Site, src_uri: str, identity: Identity, quiz_questions: str, facts: LocalFacts | None = None) -> str:
    """The page to print: cover with what to print, the facilitator's checklist and brief, answer notes, rotation
    plan, a sheet per station, role cards, stories, the debrief, the evaluation form and the optional quiz sheet,
    each from the top of an A4 page. quiz_questions: the quiz sheet's questions as HTML ("" for none)."""
    programme = site.programmes[src_uri]
    return for_edition(identity).render(
        "materials_page.md.j2",
        title=site.page_titles[src_uri],
        back=posixpath.basename(src_uri),
        minutes=programme.minutes,
        programme=programme,
        arena=facts.test_arena if facts else None,
        contents=_contents(programme, bool(quiz_questions)),
        rounds=_rounds(programme),
        groups=rotation(programme),
        stations=[
            {
                "station": station,
                "number": number,
                "minutes": _round_minutes(programme),
                "chapter": site.chapters[station.chapter].meta.title,
                "url": station_url(identity, station),
            }
            for number, station in enumerate(programme.stations, start=1)
        ],
        answer_notes=_answer_notes(site, src_uri, programme),
        quiz_questions=quiz_questions,
    )


def _round_minutes(programme: Programme) -> int:
    return next((a.minutes for a in programme.schedule if a.rounds), 0)


def materials_pages(site: Site, identity: Identity, facts: LocalFacts | None = None) -> dict[str, str]:
    """Every programme's «Materiell» page, by its path under docs/ (the plugin adds them in on_files)."""
    return {
        materials_src_uri(src_uri): materials_markdown(site, src_uri, identity, questions_html(site, src_uri), facts)
        for src_uri in site.programmes
    }
