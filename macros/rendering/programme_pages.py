"""What a programme page shows from its data, and its «Materiell» page: everything a facilitator prints.

Pure: given the validated site (and the edition's facts or identity), each function returns Markdown.
The macros on a programme page: programplan(), rotasjonsplan(), stasjoner(), fortelling(), bestilling(), materiell().
"""

from __future__ import annotations

import posixpath

from macros.content.errors import AuthorError, ContentError
from macros.content.identity import Identity
from macros.content.model import LocalFacts, Programme
from macros.content.programmes import clock, rotation, timetable
from macros.content.site import Site
from macros.content.site_map import permalink
from macros.rendering.posters import station_path
from macros.rendering.quiz_sheets import questions_html
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


def _contents(programme: Programme, has_quiz: bool) -> list[tuple[str, str]]:
    """(anchor, heading) of each part of the materials page, in print order."""
    parts = []
    if programme.stations:
        parts += [("rotasjonsplan", "Rotasjonsplan")]
        parts += [(f"stasjon-{s.id}", f"Stasjon {n}: {s.name}") for n, s in enumerate(programme.stations, start=1)]
    if programme.roles:
        parts.append(("rollekort", "Rollekort"))
    parts += [(f"fortelling-{case.id}", case.title) for case in programme.cases]
    if has_quiz:
        parts.append(("sporreark", "Spørreark"))
    return parts


# ---- Macros on a programme page ----


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
        + (["spørrearket"] if src_uri in site.programme_checks else [])
    )
    return render("programme_materials_link.md.j2", link=link(src_uri, materials_src_uri(src_uri)), parts=parts)


def booking(facts: LocalFacts | None) -> str:
    """How a group books this edition's lab or workshop, from the edition's own facts."""
    return render("programme_booking.md.j2", arena=facts.test_arena if facts else None)


# ---- The «Materiell» page ----


def materials_markdown(site: Site, src_uri: str, identity: Identity, quiz_questions: str) -> str:
    """The page to print: cover, rotation plan, a sheet per station, role cards, stories and the quiz sheet,
    each from the top of an A4 page. quiz_questions: the quiz sheet's questions as HTML ("" for none)."""
    programme = site.programmes[src_uri]
    base = identity.url.rstrip("/") + "/"
    return for_edition(identity).render(
        "materials_page.md.j2",
        title=site.page_titles[src_uri],
        back=posixpath.basename(src_uri),
        minutes=programme.minutes,
        programme=programme,
        contents=_contents(programme, bool(quiz_questions)),
        rounds=_rounds(programme),
        groups=rotation(programme),
        stations=[
            {
                "station": station,
                "number": number,
                "minutes": _round_minutes(programme),
                "chapter": site.chapters[station.chapter].meta.title,
                "url": base + permalink(station.chapter),
            }
            for number, station in enumerate(programme.stations, start=1)
        ],
        quiz_questions=quiz_questions,
    )


def _round_minutes(programme: Programme) -> int:
    return next((a.minutes for a in programme.schedule if a.rounds), 0)


def materials_pages(site: Site, identity: Identity) -> dict[str, str]:
    """Every programme's «Materiell» page, by its path under docs/ (the plugin adds them in on_files)."""
    return {
        materials_src_uri(src_uri): materials_markdown(site, src_uri, identity, questions_html(site, src_uri))
        for src_uri in site.programmes
    }
